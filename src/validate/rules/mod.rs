//! Cross-field template rules: dates that contradict each other, a step done within its
//! deadline, the next session booked within the cadence, a comment required after a long gap,
//! session length.
//!
//! One kind, one file, as for the timing rules (`src/schedule/rules/`): each template rule
//! kind is a struct in `<kind>.rs` that reads itself from the policy's JSON (serde's derive in
//! the authoring build, [`read_fields!`](crate::read::read_fields) otherwise), checks its
//! own fields against the template (`check`) and checks a record ([`TemplateKind::apply`]).
//! This module registers them: the `kind` names and the one `match` that dispatches to them.
//!
//! Adding a kind: write `<kind>.rs` with the struct, its `Read` and an `impl TemplateKind`,
//! and add one line to the [`template_rule_kinds!`] list below.

mod at;
mod kind;

pub(crate) use at::{date_field, TemplateRuleAt};
pub(crate) use kind::{Context, TemplateKind};

use super::{Checker, ValidateOptions};
use crate::calendar::{Calendar, Duration};
use crate::finding::Severity;
use crate::schedule::rules::RuleKind;
use crate::schedule::Supervisee;
use crate::schedule::{Rule, Selection};
use crate::terms::{by_our_reading, Basis, Hours, ObligationKind, Problems, Who};
use crate::validate::TemplateRule;
use chrono::NaiveDate;
use serde::Serialize;

/// Declares the template rule kinds: `Variant(module::Struct) = "kind-name";`.
macro_rules! template_rule_kinds {
    ($($variant:ident($module:ident::$ty:ident) = $name:literal;)*) => {
        $(mod $module; pub use $module::$ty;)*

        /// What a template rule checks: one variant per kind, each a struct in its own file.
        #[derive(Debug, Clone, Serialize)]
        #[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
        #[serde(tag = "kind")]
        pub enum TemplateRuleKind {
            $(
                #[doc = concat!("`\"kind\": \"", $name, "\"`: see [`", stringify!($ty), "`].")]
                #[serde(rename = $name)]
                $variant($ty),
            )*
        }

        impl TemplateRuleKind {
            /// Every template rule kind name, for error messages and documentation.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The `kind` string as written in the data.
            pub fn name(&self) -> &'static str {
                match self {
                    $(TemplateRuleKind::$variant(_) => $name,)*
                }
            }

            /// The field ids the rule refers to.
            pub fn fields(&self) -> Vec<&str> {
                match self {
                    $(TemplateRuleKind::$variant(k) => k.fields(),)*
                }
            }

            /// Checks the kind's own fields against the template, the rule being at `at`.
            pub(crate) fn check(&self, at: &TemplateRuleAt<'_>, problems: &mut Problems) {
                match self {
                    $(TemplateRuleKind::$variant(k) => k.check(at, problems),)*
                }
            }

            /// Checks a record against the rule (its clause `source`).
            fn apply(&self, c: &mut Checker<'_>, cx: &Context<'_>, source: &str) {
                match self {
                    $(TemplateRuleKind::$variant(k) => k.apply(c, cx, source),)*
                }
            }

            /// Reads the kind named `name` with `reader` (which checks its keys and reads its
            /// fields, each problem at its own path); `None` for a name that is no kind.
            #[cfg(feature = "authoring")]
            pub(crate) fn read(
                name: &str,
                reader: &mut impl crate::read::KindReader,
            ) -> Option<Option<TemplateRuleKind>> {
                match name {
                    $($name => Some(
                        reader
                            .read::<$ty>(concat!("a \"", $name, "\" template rule"))
                            .map(TemplateRuleKind::$variant),
                    ),)*
                    _ => None,
                }
            }

            /// Reads the kind named `name` from the rule's JSON object, unchecked
            /// (`crate::read`); `None` for a name that is no kind, or keys that do
            /// not read.
            pub(crate) fn read_named(
                name: &str,
                j: &mut crate::read::Json<'_>,
            ) -> Option<TemplateRuleKind> {
                match name {
                    $($name => {
                        <$ty as crate::read::Read>::read(j).map(TemplateRuleKind::$variant)
                    })*
                    _ => None,
                }
            }
        }
    };
}

template_rule_kinds! {
    NotFuture(not_future::NotFuture) = "not-future";
    DateOrder(date_order::DateOrder) = "date-order";
    DateWithin(date_within::DateWithin) = "date-within";
    NextWithinCadence(next_within_cadence::NextWithinCadence) = "next-within-cadence";
    RequiredIfGap(required_if_gap::RequiredIfGap) = "required-if-gap";
    MinDuration(min_duration::MinDuration) = "min-duration";
}

/// The interval a cadence allows after a session, and what was assumed about the worker to
/// choose it.
pub(super) struct Allowed {
    /// The interval.
    pub(super) interval: Duration,
    /// `" (assuming full-time hours)"` when the options left out something the choice of
    /// rule depends on; empty otherwise.
    pub(super) assuming: String,
}

impl Context<'_> {
    /// The interval the worker's cadence for `obligation` allows after a session on `from`.
    fn cadence(&self, obligation: ObligationKind, from: NaiveDate) -> Option<Allowed> {
        let agreed = self.options.frequency();
        let interval = cadence_for(self.rules, &self.who, obligation, from, self.cal, agreed)?;
        Some(Allowed {
            interval,
            assuming: assuming(self.rules, obligation, &self.options.supervisee),
        })
    }
}

/// The interval a worker's cadence allows after a session on `from` for `obligation`: the
/// shortest interval of the cadence rules that apply to `who` (its role, and its hours, shifts
/// and `fte` as the options give them: the schedule's selection), less those they override,
/// each rule's interval after the session counted as the schedule counts it
/// ([`Cadence::interval_after`](crate::schedule::rules::Cadence): a frequency the worker's
/// agreement sets, `agreed`, where the rule allows it, else `every`, pro rata).
///
/// A record carries no dates of the worker's, so a rule that applies only during an ASYE or
/// probation window is left out — unless no other cadence rule for the obligation applies to
/// the role, as with Stockport's reflective 1-1, which exists only during the ASYE, on the
/// template made for it; then the window's rule gives the interval that applies after its
/// phases.
pub(crate) fn cadence_for(
    rules: &[Rule],
    who: &Who<'_>,
    obligation: ObligationKind,
    from: NaiveDate,
    cal: &Calendar,
    agreed: Option<Duration>,
) -> Option<Duration> {
    let shortest = |selection: Selection<'_>| {
        selection
            .chosen()
            .filter_map(|r| match &r.kind {
                RuleKind::Cadence(c) if c.obligation == obligation => {
                    c.interval_after(who, agreed, from, cal)
                }
                _ => None,
            })
            .min_by_key(|d| d.after(from, cal))
    };
    let settled = Selection::among(rules, |r| r.when.matches(who, |_| false));
    shortest(settled).or_else(|| {
        let windowed = Selection::among(rules, |r| {
            r.when.during.is_some() && r.when.matches(who, |_| true)
        });
        shortest(windowed)
    })
}

/// What was assumed about the worker, when the options leave out something that a cadence
/// rule of the role for `obligation` is chosen or scaled by: `" (assuming full-time hours)"`.
fn assuming(rules: &[Rule], obligation: ObligationKind, o: &Supervisee) -> String {
    let rules: Vec<_> = rules
        .iter()
        .filter(|r| r.when.roles.as_ref().is_none_or(|rs| rs.contains(&o.role)))
        .filter_map(|r| match &r.kind {
            RuleKind::Cadence(c) if c.obligation == obligation => Some((r, c)),
            _ => None,
        })
        .collect();
    let by_hours = rules.iter().any(|(r, _)| r.when.hours.is_some());
    let scaled = rules.iter().any(|(_, c)| c.pro_rata);
    let mut parts: Vec<String> = Vec::new();
    if (by_hours && o.hours.is_none())
        || (scaled && o.fte_thousandths.is_none() && o.hours.is_none())
    {
        parts.push("full-time hours".to_string());
    } else if scaled && o.fte_thousandths.is_none() && o.hours == Some(Hours::PartTime) {
        parts.push("the full-time interval, as no fte is given".to_string());
    }
    let shifts = rules
        .iter()
        .filter_map(|(r, _)| r.when.shifts_per_month_below)
        .max();
    if let (Some(n), None) = (shifts, o.shifts_per_month) {
        parts.push(format!("at least {n} shifts a month"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" (assuming {})", parts.join(" and "))
    }
}

/// Checks every rule of the template, in the template's order.
pub(super) fn apply(
    c: &mut Checker<'_>,
    rules: &[Rule],
    session: Option<NaiveDate>,
    options: &ValidateOptions,
) {
    let cx = Context {
        rules,
        who: options.supervisee.who(),
        options,
        session,
        today: options.today,
        cal: &options.calendar,
    };
    let template = c.template;
    for rule in &template.rules {
        let before = c.findings.len();
        one(c, &cx, rule);
        if let Some(reading) = rule
            .reading
            .as_ref()
            .filter(|_| rule.basis == Basis::Reading)
        {
            for f in c.findings.iter_mut().skip(before) {
                f.severity = Severity::Advisory;
                f.message = by_our_reading(&rule.source, &f.message);
                f.reading = Some(reading.clone());
            }
        }
    }
}

/// Checks one template rule.
fn one(c: &mut Checker<'_>, cx: &Context<'_>, rule: &TemplateRule) {
    rule.kind.apply(c, cx, rule.source.as_str());
}
