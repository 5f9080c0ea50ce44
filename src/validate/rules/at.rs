//! Where a template rule is, for its kind's `check` against the template.

use crate::terms::{ObligationKind, Problems};
use crate::validate::FieldType;
use std::collections::{BTreeMap, BTreeSet};

/// Where a template rule is, the fields it may name and what else its kind's `check`
/// (`src/validate/rules/<kind>.rs`) looks at.
pub(crate) struct TemplateRuleAt<'a> {
    pub(crate) template: &'a str,
    pub(crate) rule: String,
    pub(crate) fields: &'a BTreeMap<&'a str, FieldType>,
    pub(crate) session_date: bool,
    pub(crate) cadences: &'a BTreeSet<ObligationKind>,
}

impl TemplateRuleAt<'_> {
    /// `id`, under the rule's `key`, names a date field of the template.
    pub(crate) fn date_field(&self, id: &str, key: &str, problems: &mut Problems) {
        date_field(self.fields, id, format!("{}.{key}", self.rule), problems);
    }

    /// The type of the template's field `id`; `None` when there is no such field.
    pub(crate) fn field_type(&self, id: &str) -> Option<FieldType> {
        self.fields.get(id).copied()
    }

    /// A problem with the rule's `key`.
    pub(crate) fn push(&self, key: &str, expected: &str, problems: &mut Problems) {
        problems.push(format!("{}.{key}", self.rule), expected);
    }

    /// A problem with the rule as a whole.
    pub(crate) fn push_whole(&self, expected: &str, problems: &mut Problems) {
        problems.push(self.rule.clone(), expected);
    }

    /// A rule measured from the session by the cadence for `obligation`: the template has a
    /// session date, and the policy a cadence rule for that obligation.
    pub(crate) fn cadence_after_session(
        &self,
        obligation: ObligationKind,
        problems: &mut Problems,
    ) {
        if !self.session_date {
            problems.push(
                format!("{}.sessionDate", self.template),
                "the session date field, which this rule measures from",
            );
        }
        if !self.cadences.contains(&obligation) {
            self.push(
                "obligation",
                "an obligation with a cadence rule in this policy",
                problems,
            );
        }
    }
}

/// `id`, at `at`, names a date field of the template.
pub(crate) fn date_field(
    fields: &BTreeMap<&str, FieldType>,
    id: &str,
    at: String,
    problems: &mut Problems,
) {
    match fields.get(id) {
        Some(FieldType::Date) => {}
        Some(_) => problems.push(at, "the id of a date field"),
        None => problems.push(at, "the id of a field in this template"),
    }
}
