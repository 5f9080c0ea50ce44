//! Findings: what validation and the schedule's audit report, as data.

use serde::Serialize;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Blocks a final save; a breach of the policy.
    Error,
    /// Informs; never blocks.
    Warning,
}

/// One thing wrong with a record, or one past breach of a policy.
///
/// A finding never carries the value it is about: records hold children's personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The field's id, or a path into it: `actions[2].when`.
    pub path: String,
    /// A stable code, listed in `docs/finding-codes.md`.
    pub code: &'static str,
    /// Plain English, naming the field by its label and saying what to do.
    pub message: String,
    /// The policy file and clause.
    pub source: String,
    /// `error` or `warning`.
    pub severity: Severity,
    /// For a schedule breach, the id of the policy rule that was broken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}
