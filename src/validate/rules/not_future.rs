//! `not-future`: a date is not after today (skipped when today is not given).

use super::Context;
use crate::validate::{Checker, Code};

/// A finding on `field` when its date is after `today`.
pub(super) fn check(c: &mut Checker<'_>, cx: &Context<'_>, source: &str, field: &str) {
    if let (Some(d), Some(today)) = (c.date_value(field), cx.today) {
        if d > today {
            let message = format!("{} must be today or in the past", c.name(field).start());
            c.push(field, Code::DateInFuture, message, source);
        }
    }
}
