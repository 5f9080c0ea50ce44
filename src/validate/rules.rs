//! Cross-field template rules: dates that contradict each other, the next session booked
//! within the cadence, a comment required after a long gap, session length.

use super::{number, Checker, Code};
use crate::calendar::{parse_time, Calendar, Duration};
use crate::policy::{
    Hours, ObligationKind, Policy, RuleKind, Selection, TemplateRule, TemplateRuleKind, Who,
};
use crate::words::{every, long_date};
use chrono::NaiveDate;
use serde_json::Value;

/// The interval a role's cadence allows after a session on `from` for `obligation`: the
/// shortest `every` of the cadence rules that apply to the role, less those they override.
///
/// A record carries no worker, so only what the role tells is used: a rule for part-time
/// staff or for a number of shifts is left out (a worker with no `hours` is full-time), and
/// so is a rule that applies only during an ASYE or probation window — unless no other
/// cadence rule for the obligation applies to the role, as with Stockport's reflective 1-1,
/// which exists only during the ASYE, on the template made for it; then the window's rule
/// gives the interval that applies after its phases.
pub(crate) fn cadence_for(
    policy: &Policy,
    role: &str,
    obligation: ObligationKind,
    from: NaiveDate,
    cal: &Calendar,
) -> Option<Duration> {
    // A record carries no worker: a full-time worker of the role, on no shifts.
    let who = Who {
        role,
        hours: Hours::FullTime,
        shifts_per_month: None,
    };
    let shortest = |selection: Selection<'_>| {
        selection
            .chosen()
            .filter_map(|r| match &r.kind {
                RuleKind::Cadence(c) if c.obligation == obligation => c.every,
                _ => None,
            })
            .min_by_key(|d| d.after(from, cal))
    };
    let settled = Selection::new(policy, |r| r.when.matches(&who, |_| false));
    shortest(settled).or_else(|| {
        let windowed = Selection::new(policy, |r| {
            r.when.during.is_some() && r.when.matches(&who, |_| true)
        });
        shortest(windowed)
    })
}

pub(super) fn apply(
    c: &mut Checker<'_>,
    policy: &Policy,
    role: &str,
    session: Option<NaiveDate>,
    options: &super::ValidateOptions,
) {
    let (today, cal) = (options.today, &options.calendar);
    for rule in &c.template.rules {
        let TemplateRule { source, kind, .. } = rule;
        match kind {
            TemplateRuleKind::NotFuture { field } => {
                if let (Some(d), Some(today)) = (c.date_value(field), today) {
                    if d > today {
                        let message =
                            format!("{} must be today or in the past", c.name(field).start());
                        c.push(field.clone(), Code::DateInFuture, message, source);
                    }
                }
            }
            TemplateRuleKind::DateOrder { earlier, later } => {
                let (Some(a), Some(b)) = (c.date_value(earlier), c.date_value(later)) else {
                    continue;
                };
                if a > b {
                    // Report on the field that is not the session date: that is the one to fix.
                    if c.template.session_date.as_deref() == Some(later.as_str()) {
                        let message = format!(
                            "{} must be the same as or before {}",
                            c.name(earlier).start(),
                            c.reference(later)
                        );
                        c.push(earlier.clone(), Code::DateOrder, message, source);
                    } else {
                        let message = format!(
                            "{} must be the same as or after {}",
                            c.name(later).start(),
                            c.reference(earlier)
                        );
                        c.push(later.clone(), Code::DateOrder, message, source);
                    }
                }
            }
            TemplateRuleKind::NextWithinCadence { field, obligation } => {
                let (Some(s), Some(next)) = (session, c.date_value(field)) else {
                    continue;
                };
                let Some(interval) = cadence_for(policy, role, *obligation, s, cal) else {
                    continue;
                };
                if let Some(latest) = interval.after(s, cal) {
                    if next > latest {
                        let message = format!(
                            "{} should be on or before {}, as the policy asks for {} at least {}",
                            c.name(field).start(),
                            long_date(latest),
                            obligation.describe(),
                            every(&interval)
                        );
                        c.push(field.clone(), Code::NextTooLate, message, source);
                    }
                }
            }
            TemplateRuleKind::RequiredIfGap {
                field,
                last,
                obligation,
            } => {
                let (Some(s), Some(prev)) = (session, c.date_value(last)) else {
                    continue;
                };
                let Some(interval) = cadence_for(policy, role, *obligation, prev, cal) else {
                    continue;
                };
                let late = interval.after(prev, cal).is_some_and(|due| s > due);
                if late && !c.has_value(field) {
                    let n = c.name(field);
                    let what = if n.is_quoted() {
                        format!("Complete {}", n.mid())
                    } else {
                        format!("Enter {}", n.the())
                    };
                    let message = format!(
                        "{what}, as the last supervision was more than {} before this one",
                        interval.describe()
                    );
                    c.push(field.clone(), Code::RequiredAfterGap, message, source);
                }
            }
            TemplateRuleKind::MinDuration {
                minutes,
                field,
                start,
                end,
            } => {
                let (path, length, message) = match (field, start, end) {
                    (Some(f), _, _) => (
                        f.clone(),
                        c.record.get(f).and_then(number),
                        format!(
                            "{} should be at least {minutes} minutes, as the policy asks",
                            c.name(f).start()
                        ),
                    ),
                    (None, Some(st), Some(en)) => {
                        let time = |id: &str| match c.record.get(id) {
                            Some(Value::String(s)) => parse_time(s.trim()).ok(),
                            _ => None,
                        };
                        let length = match (time(st), time(en)) {
                            (Some((h1, m1)), Some((h2, m2))) => {
                                #[allow(
                                    clippy::arithmetic_side_effects,
                                    reason = "parse_time gives hours 0-23 and minutes 0-59, \
                                              so these minutes of the day are below 1,440"
                                )]
                                let (a, b) = (h1 * 60 + m1, h2 * 60 + m2);
                                if b < a {
                                    let message = format!(
                                        "{} must be after {}",
                                        c.name(en).start(),
                                        c.reference(st)
                                    );
                                    c.push(en.clone(), Code::TimeOrder, message, source);
                                    None
                                } else {
                                    Some(f64::from(b.saturating_sub(a)))
                                }
                            }
                            _ => None,
                        };
                        (
                            en.clone(),
                            length,
                            format!(
                                "The session should last at least {minutes} minutes, as the \
                                 policy asks"
                            ),
                        )
                    }
                    _ => continue,
                };
                if length.is_some_and(|len| len < f64::from(*minutes)) {
                    c.push(path, Code::SessionTooShort, message, source);
                }
            }
        }
    }
}
