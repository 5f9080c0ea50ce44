//! Cross-field template rules: dates that contradict each other, the next session booked
//! within the cadence, a comment required after a long gap, session length.
//!
//! One kind, one file: each template rule kind is checked by the `check` function of its own
//! module, and [`apply`] is the one `match` that dispatches to them.

mod date_order;
mod min_duration;
mod next_within_cadence;
mod not_future;
mod required_if_gap;

use super::{Checker, ValidateOptions};
use crate::calendar::{Calendar, Duration};
use crate::policy::{Hours, ObligationKind, Policy, RuleKind, Selection, TemplateRuleKind, Who};
use chrono::NaiveDate;

/// What a rule needs beyond the record: the policy's cadences for the role, the session
/// date, today and the working-day calendar.
pub(super) struct Context<'r> {
    policy: &'r Policy,
    role: &'r str,
    session: Option<NaiveDate>,
    today: Option<NaiveDate>,
    cal: &'r Calendar,
}

impl Context<'_> {
    /// The interval the role's cadence for `obligation` allows after a session on `from`.
    fn cadence(&self, obligation: ObligationKind, from: NaiveDate) -> Option<Duration> {
        cadence_for(self.policy, self.role, obligation, from, self.cal)
    }
}

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

/// Checks every rule of the template, in the template's order.
pub(super) fn apply(
    c: &mut Checker<'_>,
    policy: &Policy,
    role: &str,
    session: Option<NaiveDate>,
    options: &ValidateOptions,
) {
    let cx = Context {
        policy,
        role,
        session,
        today: options.today,
        cal: &options.calendar,
    };
    let template = c.template;
    for rule in &template.rules {
        let source = rule.source.as_str();
        match &rule.kind {
            TemplateRuleKind::NotFuture { field } => not_future::check(c, &cx, source, field),
            TemplateRuleKind::DateOrder { earlier, later } => {
                date_order::check(c, source, earlier, later);
            }
            TemplateRuleKind::NextWithinCadence { field, obligation } => {
                next_within_cadence::check(c, &cx, source, field, *obligation);
            }
            TemplateRuleKind::RequiredIfGap {
                field,
                last,
                obligation,
            } => required_if_gap::check(c, &cx, source, field, last, *obligation),
            TemplateRuleKind::MinDuration {
                minutes,
                field,
                start,
                end,
            } => min_duration::check(
                c,
                source,
                *minutes,
                field.as_deref(),
                start.as_deref(),
                end.as_deref(),
            ),
        }
    }
}
