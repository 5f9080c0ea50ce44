//! A child's case: its plan, RAG rating and events.

use crate::read::read_by_name;
use serde::{Deserialize, Serialize};

/// A child's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Plan {
    /// Early help.
    EarlyHelp,
    /// Child in need.
    ChildInNeed,
    /// Child protection.
    ChildProtection,
    /// Looked after.
    LookedAfter,
    /// Leaving care.
    LeavingCare,
}

/// A RAG rating agreed with the team manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rag {
    /// Red.
    Red,
    /// Amber.
    Amber,
    /// Green.
    Green,
}

/// A case event kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A significant change in the child's life, e.g. a change of care giver.
    SignificantChange,
    /// The case moved to a new social worker.
    ChangeOfSocialWorker,
    /// A considerable increase in risk.
    RiskIncrease,
    /// A child protection conference.
    ChildProtectionConference,
    /// Pre-proceedings.
    PreProceedings,
    /// Care proceedings issued.
    Proceedings,
    /// The child entering care.
    EnteringCare,
    /// The plan stepping up.
    StepUp,
    /// The plan stepping down.
    StepDown,
    /// An assessment of the child allocated to the worker.
    AssessmentStarted,
    /// The assessment completed.
    AssessmentCompleted,
}

impl EventKind {
    /// Plain words for reasons.
    pub fn describe(self) -> &'static str {
        match self {
            EventKind::SignificantChange => "significant change",
            EventKind::ChangeOfSocialWorker => "change of social worker",
            EventKind::RiskIncrease => "increase in risk",
            EventKind::ChildProtectionConference => "child protection conference",
            EventKind::PreProceedings => "pre-proceedings",
            EventKind::Proceedings => "proceedings",
            EventKind::EnteringCare => "entering care",
            EventKind::StepUp => "step up",
            EventKind::StepDown => "step down",
            EventKind::AssessmentStarted => "start of the assessment",
            EventKind::AssessmentCompleted => "completion of the assessment",
        }
    }
}

read_by_name!(Plan, Rag, EventKind);
