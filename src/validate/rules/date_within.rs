//! `date-within`: one date on or after another, and no later than a time after it (a step
//! of a process done within its deadline).

use super::Context;
use crate::calendar::Duration;
use crate::validate::{Checker, Code};
use crate::words::long_date;

/// A finding on `later` when it is before `earlier` (`date-order`) or after `earlier` +
/// `within` (`date-too-late`).
pub(super) fn check(
    c: &mut Checker<'_>,
    cx: &Context<'_>,
    source: &str,
    (earlier, later): (&str, &str),
    within: &Duration,
) {
    let (Some(a), Some(b)) = (c.date_value(earlier), c.date_value(later)) else {
        return;
    };
    if b < a {
        // The two dates the wrong way round: the `date-order` rule's own finding.
        super::date_order::check(c, source, earlier, later);
        return;
    }
    let Some(latest) = within.after(a, cx.cal) else {
        return;
    };
    if b > latest {
        let message = format!(
            "{} should be on or before {}, within {} of {}",
            c.name(later).start(),
            long_date(latest),
            within.describe(),
            c.reference(earlier)
        );
        c.push(later, Code::DateTooLate, message, source);
    }
}
