//! Cross-field template rules: dates that contradict each other, the next session booked
//! within the cadence, a comment required after a long gap, session length.

use super::{label, number, Checker};
use crate::calendar::{parse_time, Calendar, Duration};
use crate::finding::Severity;
use crate::policy::{ObligationKind, Policy, RuleKind, TemplateRule, TemplateRuleKind};
use crate::schedule::long_date;
use chrono::NaiveDate;
use serde_json::Value;

/// The interval a role's cadence allows between sessions for `obligation`: the `every` of
/// the cadence rules that apply to the role (outside any ASYE or probation window), less
/// those they override; the shortest when several apply.
pub fn cadence_for(policy: &Policy, role: &str, obligation: ObligationKind) -> Option<Duration> {
    let applying: Vec<_> = policy
        .rules
        .iter()
        .filter(|r| {
            r.when.during.is_none()
                && r.when.hours.is_none()
                && r.when.shifts_per_month_below.is_none()
                && r.when
                    .roles
                    .as_ref()
                    .is_none_or(|rs| rs.iter().any(|x| x == role))
        })
        .collect();
    let overridden: Vec<&str> = applying
        .iter()
        .flat_map(|r| r.overrides.iter().map(String::as_str))
        .collect();
    applying
        .into_iter()
        .filter(|r| !overridden.contains(&r.id.as_str()))
        .filter_map(|r| match &r.kind {
            RuleKind::Cadence {
                obligation: o,
                every: Some(every),
                ..
            } if *o == obligation => Some(*every),
            _ => None,
        })
        .min_by_key(|d| d.after(NaiveDate::MIN, &Calendar::england_and_wales()))
}

pub(super) fn apply(
    c: &mut Checker<'_>,
    policy: &Policy,
    role: &str,
    session: Option<NaiveDate>,
    today: Option<NaiveDate>,
) {
    let cal = Calendar::england_and_wales();
    for rule in &c.template.rules {
        let TemplateRule { source, kind, .. } = rule;
        match kind {
            TemplateRuleKind::NotFuture { field } => {
                if let (Some(d), Some(today), Some(f)) =
                    (c.date_value(field), today, c.template.field(field))
                {
                    if d > today {
                        c.push(
                            field.clone(),
                            "date-in-future",
                            format!("{} must be today or in the past", label(f)),
                            source,
                            Severity::Error,
                        );
                    }
                }
            }
            TemplateRuleKind::DateOrder { earlier, later } => {
                let (Some(a), Some(b)) = (c.date_value(earlier), c.date_value(later)) else {
                    continue;
                };
                let (Some(fa), Some(fb)) = (c.template.field(earlier), c.template.field(later))
                else {
                    continue;
                };
                if a > b {
                    // Report on the field that is not the session date: that is the one to fix.
                    let session_id = c.template.session_date.as_deref();
                    if session_id == Some(later.as_str()) {
                        c.push(
                            earlier.clone(),
                            "date-order",
                            format!("{} must be on or before {}", label(fa), label(fb)),
                            source,
                            Severity::Error,
                        );
                    } else {
                        c.push(
                            later.clone(),
                            "date-order",
                            format!("{} must be on or after {}", label(fb), label(fa)),
                            source,
                            Severity::Error,
                        );
                    }
                }
            }
            TemplateRuleKind::NextWithinCadence { field, obligation } => {
                let (Some(s), Some(next), Some(f)) =
                    (session, c.date_value(field), c.template.field(field))
                else {
                    continue;
                };
                let Some(every) = cadence_for(policy, role, *obligation) else {
                    continue;
                };
                if let Some(latest) = every.after(s, &cal) {
                    if next > latest {
                        c.push(
                            field.clone(),
                            "next-too-late",
                            format!(
                                "{} must be on or before {} to keep to the policy's {} every {}",
                                label(f),
                                long_date(latest),
                                obligation.describe(),
                                every.describe()
                            ),
                            source,
                            Severity::Warning,
                        );
                    }
                }
            }
            TemplateRuleKind::RequiredIfGap {
                field,
                last,
                obligation,
            } => {
                let (Some(s), Some(prev), Some(f)) =
                    (session, c.date_value(last), c.template.field(field))
                else {
                    continue;
                };
                let Some(every) = cadence_for(policy, role, *obligation) else {
                    continue;
                };
                if every.after(prev, &cal).is_some_and(|due| s > due) && !c.has_value(field) {
                    c.push(
                        field.clone(),
                        "required-after-gap",
                        format!(
                            "Enter {}: it is more than {} since the last supervision",
                            label(f),
                            every.describe()
                        ),
                        source,
                        Severity::Error,
                    );
                }
            }
            TemplateRuleKind::MinDuration {
                minutes,
                field,
                start,
                end,
            } => {
                let (path, length) = match (field, start, end) {
                    (Some(f), _, _) => (f.clone(), c.record.get(f).and_then(number)),
                    (None, Some(st), Some(en)) => {
                        let time = |id: &str| match c.record.get(id) {
                            Some(Value::String(s)) => parse_time(s.trim()).ok(),
                            _ => None,
                        };
                        let length = match (time(st), time(en)) {
                            (Some((h1, m1)), Some((h2, m2))) => {
                                let (a, b) = (h1 * 60 + m1, h2 * 60 + m2);
                                if b < a {
                                    if let Some(fe) = c.template.field(en) {
                                        let msg =
                                            format!("{} must be after the start time", label(fe));
                                        c.push(
                                            en.clone(),
                                            "time-order",
                                            msg,
                                            source,
                                            Severity::Error,
                                        );
                                    }
                                    None
                                } else {
                                    Some(f64::from(b - a))
                                }
                            }
                            _ => None,
                        };
                        (en.clone(), length)
                    }
                    _ => continue,
                };
                if let Some(len) = length {
                    if len < f64::from(*minutes) {
                        let name = c.template.field(&path).map(label).unwrap_or_default();
                        c.push(
                            path,
                            "session-too-short",
                            format!("{name}: the policy asks for sessions of at least {minutes} minutes"),
                            source,
                            Severity::Warning,
                        );
                    }
                }
            }
        }
    }
}
