//! Which rules apply: the rules whose `when` matches, less those that another matching rule
//! overrides. The schedule and validation choose rules with this one selection.

use super::rulebook::Rulebook;
use super::rules::Rule;

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
    pub fn new<P: Rulebook + ?Sized>(policy: &'p P, applies: impl Fn(&Rule) -> bool) -> Self {
        Selection::among(policy.rules(), applies)
    }

    /// The rules of `rules` (a policy's) for which `applies` holds, in their order.
    pub(crate) fn among(rules: &'p [Rule], applies: impl Fn(&Rule) -> bool) -> Self {
        Selection::of(rules.iter().filter(|r| applies(r)))
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
