//! `date-order`: one date is on or before another.

use crate::validate::{Checker, Code};

/// A finding when `earlier` is after `later`, on the field that is not the session date:
/// that is the one to fix.
pub(super) fn check(c: &mut Checker<'_>, source: &str, earlier: &str, later: &str) {
    let (Some(a), Some(b)) = (c.date_value(earlier), c.date_value(later)) else {
        return;
    };
    if a <= b {
        return;
    }
    if c.template.session_date.as_deref() == Some(later) {
        let message = format!(
            "{} must be the same as or before {}",
            c.name(earlier).start(),
            c.reference(later)
        );
        c.push(earlier, Code::DateOrder, message, source);
    } else {
        let message = format!(
            "{} must be the same as or after {}",
            c.name(later).start(),
            c.reference(earlier)
        );
        c.push(later, Code::DateOrder, message, source);
    }
}
