//! `next-within-cadence`: the next session is booked within the role's cadence.

use super::Context;
use crate::policy::ObligationKind;
use crate::validate::{Checker, Code};
use crate::words::{every, long_date};

/// A finding on `field` when the next session's date is after the latest the cadence for
/// `obligation` allows after this session.
pub(super) fn check(
    c: &mut Checker<'_>,
    cx: &Context<'_>,
    source: &str,
    field: &str,
    obligation: ObligationKind,
) {
    let (Some(s), Some(next)) = (cx.session, c.date_value(field)) else {
        return;
    };
    let Some(allowed) = cx.cadence(obligation, s) else {
        return;
    };
    let interval = allowed.interval;
    if let Some(latest) = interval.after(s, cx.cal) {
        if next > latest {
            let message = format!(
                "{} should be on or before {}, as the policy asks for {} at least {}{}",
                c.name(field).start(),
                long_date(latest),
                obligation.describe(),
                every(&interval),
                allowed.assuming
            );
            c.push(field, Code::NextTooLate, message, source);
        }
    }
}
