//! The problems a policy's checks find, each at its JSON path.

use super::obligation::ObligationKind;
use super::session::SessionType;
use crate::error::PolicyProblem;

/// Largest count a rule may ask for (sessions in a window, observations): beyond this a
/// number is a typing error, not a policy.
pub(crate) const MAX_COUNT: u32 = 1000;
/// Longest id, label or source string.
const MAX_TEXT: usize = 10_000;

/// Every problem found, with its JSON path.
#[derive(Default)]
pub(crate) struct Problems(Vec<PolicyProblem>);

impl Problems {
    /// Records a problem at `path`.
    pub(crate) fn push(&mut self, path: impl Into<String>, expected: impl Into<String>) {
        self.0.push(PolicyProblem {
            path: path.into(),
            expected: expected.into(),
        });
    }

    /// Records a problem found elsewhere.
    pub(crate) fn add(&mut self, problem: PolicyProblem) {
        self.0.push(problem);
    }

    /// None found.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, in the order found.
    pub(crate) fn into_vec(self) -> Vec<PolicyProblem> {
        self.0
    }

    /// A text value: not blank, not longer than 10,000 bytes.
    pub(crate) fn text(&mut self, path: String, s: &str) {
        if s.trim().is_empty() {
            self.push(path, "a non-empty string");
        } else if s.len() > MAX_TEXT {
            self.push(path, "a string of at most 10,000 bytes");
        }
    }

    /// A rule's `counts`: at least one session type.
    pub(crate) fn counts(&mut self, path: &str, counts: &[SessionType]) {
        if counts.is_empty() {
            self.push(format!("{path}.counts"), "at least one session type");
        }
    }

    /// A count a rule asks for: 1 to [`MAX_COUNT`].
    pub(crate) fn count(&mut self, path: &str, field: &str, n: u32) {
        if n == 0 || n > MAX_COUNT {
            self.push(format!("{path}.{field}"), "a whole number from 1 to 1000");
        }
    }

    /// An obligation a session can meet: supervision, personal or case supervision.
    pub(crate) fn session_obligation(&mut self, path: &str, obligation: ObligationKind) {
        if !matches!(
            obligation,
            ObligationKind::Supervision
                | ObligationKind::PersonalSupervision
                | ObligationKind::CaseSupervision
        ) {
            self.push(
                format!("{path}.obligation"),
                "supervision, personal-supervision or case-supervision",
            );
        }
    }
}
