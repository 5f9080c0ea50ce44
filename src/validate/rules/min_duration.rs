//! `min-duration`: the session lasted at least so many minutes, given as a number of minutes
//! or as start and end times.

use crate::calendar::parse_time;
use crate::json::Json as Value;
use crate::validate::{number, Checker, Code};

/// A finding when the session is shorter than `minutes`: on `field` when it gives the
/// minutes, else on `end`. An end before the start is a finding of its own.
pub(super) fn check(
    c: &mut Checker<'_>,
    source: &str,
    minutes: u32,
    field: Option<&str>,
    start: Option<&str>,
    end: Option<&str>,
) {
    let (path, length, message) = match (field, start, end) {
        (Some(f), _, _) => (
            f,
            c.record.get(f).and_then(number),
            format!(
                "{} should be at least {minutes} minutes, as the policy asks",
                c.name(f).start()
            ),
        ),
        (None, Some(st), Some(en)) => (
            en,
            between(c, source, st, en),
            format!("The session should last at least {minutes} minutes, as the policy asks"),
        ),
        _ => return,
    };
    if length.is_some_and(|len| len < f64::from(minutes)) {
        c.push(path, Code::SessionTooShort, message, source);
    }
}

/// The minutes from the time in `start` to the time in `end`, when both are real times and
/// the end is not before the start (a finding on `end` when it is).
fn between(c: &mut Checker<'_>, source: &str, start: &str, end: &str) -> Option<f64> {
    let time = |id: &str| match c.record.get(id) {
        Some(Value::String(s)) => parse_time(s.trim()).ok(),
        _ => None,
    };
    let (Some((h1, m1)), Some((h2, m2))) = (time(start), time(end)) else {
        return None;
    };
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "parse_time gives hours 0-23 and minutes 0-59, so these minutes of the day \
                  are below 1,440"
    )]
    let (a, b) = (h1 * 60 + m1, h2 * 60 + m2);
    if b < a {
        let message = format!(
            "{} must be after {}",
            c.name(end).start(),
            c.reference(start)
        );
        c.push(end, Code::TimeOrder, message, source);
        None
    } else {
        Some(f64::from(b.saturating_sub(a)))
    }
}
