//! Which rules apply: the rules whose `when` matches, less those that another matching rule
//! overrides. The schedule and validation choose rules with this one selection.

use super::model::{Hours, Policy, Rule, When, Window};

/// What a rule's `when` is matched against: the supervisee's values on one day, from a
/// [`Supervisee`](crate::schedule::Supervisee) (today's, or those in force in an era of a
/// worker's dated history). The schedule knows the whole worker; validation knows what its
/// options say (the role, and the hours, shifts and `fte` when given).
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    /// The worker's role id.
    pub role: &'a str,
    /// Full-time or part-time.
    pub hours: Hours,
    /// Shifts a month, for shift-based staff.
    pub shifts_per_month: Option<u32>,
    /// Working time as a fraction of full time, in thousandths, for `proRata` cadences.
    pub fte_thousandths: Option<u32>,
}

impl When {
    /// Whether the rule applies to `who`; `inside` says whether the day in question falls
    /// inside a `during` window. Plans and RAG ratings are a case's, not a worker's: see
    /// [`When::matches_case`].
    pub fn matches(&self, who: &Who<'_>, inside: impl Fn(&Window) -> bool) -> bool {
        self.roles
            .as_ref()
            .is_none_or(|rs| rs.iter().any(|r| r == who.role))
            && self.hours.is_none_or(|h| h == who.hours)
            && self
                .shifts_per_month_below
                .is_none_or(|n| who.shifts_per_month.is_some_and(|s| s < n))
            && self.during.as_ref().is_none_or(inside)
    }

    /// Whether a child rule applies to a case with this plan and RAG rating.
    pub fn matches_case(&self, plan: Option<super::Plan>, rag: Option<super::Rag>) -> bool {
        self.plans
            .as_ref()
            .is_none_or(|ps| plan.is_some_and(|p| ps.contains(&p)))
            && self
                .rag
                .as_ref()
                .is_none_or(|rs| rag.is_some_and(|r| rs.contains(&r)))
    }
}

/// The rules of a policy that apply, and which of them override which.
#[derive(Debug, Clone)]
pub struct Selection<'p> {
    applying: Vec<&'p Rule>,
    /// The ids the applying rules override (so choosing is one pass, not one per pair). A
    /// list: a policy overrides a handful of rules, and a set's code (its sort, inserts and
    /// searches) was ~8 KB of the form page's `.wasm` (issue 20).
    overridden: Vec<&'p str>,
}

impl<'p> Selection<'p> {
    /// The rules of `policy` for which `applies` holds, in the policy's order.
    pub fn new(policy: &'p Policy, applies: impl Fn(&Rule) -> bool) -> Self {
        Selection::of(policy.rules.iter().filter(|r| applies(r)))
    }

    /// `rules`, the rules that apply (in the policy's order).
    pub fn of(rules: impl Iterator<Item = &'p Rule>) -> Self {
        let applying: Vec<&'p Rule> = rules.collect();
        let overridden = applying
            .iter()
            .flat_map(|r| r.overrides.iter().map(String::as_str))
            .collect();
        Selection {
            applying,
            overridden,
        }
    }

    /// Every rule that applies, overridden or not.
    pub fn applying(&self) -> impl Iterator<Item = &'p Rule> + '_ {
        self.applying.iter().copied()
    }

    /// The ids of the applying rules that override the rule `id`.
    pub fn overriders(&self, id: &str) -> Vec<&'p str> {
        self.applying
            .iter()
            .filter(|r| r.overrides.iter().any(|o| o == id))
            .map(|r| r.id.as_str())
            .collect()
    }

    /// The rules that apply and that no applying rule overrides.
    pub fn chosen(&self) -> impl Iterator<Item = &'p Rule> + '_ {
        self.applying()
            .filter(|r| !self.overridden.contains(&r.id.as_str()))
    }
}
