//! `required-if-gap`: a field becomes required when the gap since the last session is longer
//! than the role's cadence.

use super::Context;
use crate::policy::ObligationKind;
use crate::validate::{Checker, Code};

/// A finding on `field` when it is empty and this session is later than the cadence for
/// `obligation` allows after the one on `last`.
pub(super) fn check(
    c: &mut Checker<'_>,
    cx: &Context<'_>,
    source: &str,
    field: &str,
    last: &str,
    obligation: ObligationKind,
) {
    let (Some(s), Some(prev)) = (cx.session, c.date_value(last)) else {
        return;
    };
    let Some(allowed) = cx.cadence(obligation, prev) else {
        return;
    };
    let interval = allowed.interval;
    let late = interval.after(prev, cx.cal).is_some_and(|due| s > due);
    if late && !c.has_value(field) {
        let n = c.name(field);
        let what = if n.is_quoted() {
            format!("Complete {}", n.mid())
        } else {
            format!("Enter {}", n.the())
        };
        let message = format!(
            "{what}, as the last supervision was more than {} before this one{}",
            interval.describe(),
            allowed.assuming
        );
        c.push(field, Code::RequiredAfterGap, message, source);
    }
}
