//! Whom a rule kind is about, and the trait a kind about each implements: its evaluation
//! over the schedule's [`Engine`] (or the team's).

use super::cadence::Handover;
use crate::error::Result;
use crate::schedule::engine::Engine;
use crate::schedule::team::TeamEngine;
use crate::schedule::worker::Case;
use crate::schedule::Rule;

/// Whom a rule kind is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The worker: supervision, write-ups, reviews.
    Worker,
    /// Each child on the worker's caseload.
    Child,
    /// The team, or each of its supervisors: group supervision, file audits, observation of
    /// supervision (`scheduleTeam`).
    Team,
}

/// A rule kind about the worker.
pub(crate) trait WorkerRule {
    /// Audits the worker's history under `rule` and gives its next obligations. A rule with
    /// a `during` window may hand over to the rules it overrides.
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>>;
}

/// A rule kind about each child on the caseload.
pub(crate) trait ChildRule {
    /// Audits one case (`cases[index]`) under `rule` and gives its next obligations.
    fn apply(&self, rule: &Rule, e: &mut Engine<'_>, index: usize, case: &Case) -> Result<()>;
}

/// A rule kind about a team or its supervisors.
pub(crate) trait TeamRule {
    /// Audits the team's record under `rule` and gives its next obligations.
    fn apply(&self, rule: &Rule, e: &mut TeamEngine<'_>) -> Result<()>;
}
