//! `min-duration`: the session lasted at least so many minutes, given as a number of minutes
//! or as start and end times.

use super::{Context, TemplateKind};
use crate::calendar::parse_time;
use crate::json::Json as Value;
use crate::terms::Problems;
use crate::validate::rules::TemplateRuleAt;
use crate::validate::FieldType;
use crate::validate::{number, Checker, Code};
use serde::Serialize;

/// Longest minimum session length, in minutes (one day).
const MAX_MINUTES: u32 = 24 * 60;

/// The session lasted at least this long.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct MinDuration {
    /// Minimum minutes.
    pub minutes: u32,
    /// A number-of-minutes field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// A start-time field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// An end-time field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

impl crate::read::Read for MinDuration {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, MinDuration {
            minutes: "minutes",
            field: default "field",
            start: default "start",
            end: default "end",
        }, allow)
    }
}

impl TemplateKind for MinDuration {
    fn fields(&self) -> Vec<&str> {
        [&self.field, &self.start, &self.end]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }

    /// Its minutes, and either a number field or a start and end time.
    fn check(&self, at: &TemplateRuleAt<'_>, problems: &mut Problems) {
        if self.minutes == 0 || self.minutes > MAX_MINUTES {
            at.push("minutes", "a whole number from 1 to 1440", problems);
        }
        match (&self.field, &self.start, &self.end) {
            (Some(f), None, None) => {
                if at.field_type(f) != Some(FieldType::Number) {
                    at.push("field", "the id of a number field", problems);
                }
            }
            (None, Some(s), Some(e)) => {
                for (k, id) in [("start", s), ("end", e)] {
                    if at.field_type(id) != Some(FieldType::Time) {
                        at.push(k, "the id of a time field", problems);
                    }
                }
            }
            _ => at.push_whole("either \"field\", or \"start\" and \"end\"", problems),
        }
    }

    fn apply(&self, c: &mut Checker<'_>, _cx: &Context<'_>, source: &str) {
        let (field, start, end) = (
            self.field.as_deref(),
            self.start.as_deref(),
            self.end.as_deref(),
        );
        check(c, source, self.minutes, field, start, end);
    }
}

/// A finding when the session is shorter than `minutes`: on `field` when it gives the
/// minutes, else on `end`. An end before the start is a finding of its own.
fn check(
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
