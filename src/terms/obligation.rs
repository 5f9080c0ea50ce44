//! The kinds of obligation a schedule holds.

use crate::read::read_by_name;
use serde::{Deserialize, Serialize};

/// The kind of an obligation, as the JS contract names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObligationKind {
    /// Supervision (one-to-one, or the phased ASYE/probation cadence).
    Supervision,
    /// Personal supervision.
    PersonalSupervision,
    /// Case supervision.
    CaseSupervision,
    /// A child's case discussed in supervision.
    ChildDiscussion,
    /// The supervision agreement reviewed.
    AgreementReview,
    /// Observation of practice.
    Observation,
    /// A session's record written up.
    WriteUp,
    /// An ASYE progress review or assessment.
    AsyeReview,
    /// A performance and development review (or appraisal).
    Pdr,
    /// A team's group supervision.
    GroupSupervision,
    /// An audit of supervision files.
    FileAudit,
    /// A supervisor's supervision observed.
    SupervisionObservation,
    /// Supervision the worker asked for urgently.
    UrgentSupervision,
    /// The initial briefing supervision of a contact or referral.
    BriefingSupervision,
    /// The supervisor meeting the worker after a serious incident.
    IncidentMeeting,
    /// A child's assessment concluded (by the supervisor, in supervision).
    AssessmentConclusion,
    /// The completion supervision of a contact or referral, recording the decision on its
    /// outcome.
    CompletionSupervision,
}

impl ObligationKind {
    /// Every kind, in the order of the enum (`tests/ts_contract.rs` holds it to the `.d.ts`
    /// union): what `labels()` names.
    pub const ALL: [ObligationKind; 17] = [
        ObligationKind::Supervision,
        ObligationKind::PersonalSupervision,
        ObligationKind::CaseSupervision,
        ObligationKind::ChildDiscussion,
        ObligationKind::AgreementReview,
        ObligationKind::Observation,
        ObligationKind::WriteUp,
        ObligationKind::AsyeReview,
        ObligationKind::Pdr,
        ObligationKind::GroupSupervision,
        ObligationKind::FileAudit,
        ObligationKind::SupervisionObservation,
        ObligationKind::UrgentSupervision,
        ObligationKind::BriefingSupervision,
        ObligationKind::IncidentMeeting,
        ObligationKind::AssessmentConclusion,
        ObligationKind::CompletionSupervision,
    ];

    /// The name a policy and a schedule write: `personal-supervision` (serde's own, which
    /// `tests/ts_contract.rs` compares it with; written out here so that a build that never
    /// serialises a kind to a string carries no serialiser for it).
    pub fn name(self) -> &'static str {
        match self {
            ObligationKind::Supervision => "supervision",
            ObligationKind::PersonalSupervision => "personal-supervision",
            ObligationKind::CaseSupervision => "case-supervision",
            ObligationKind::ChildDiscussion => "child-discussion",
            ObligationKind::AgreementReview => "agreement-review",
            ObligationKind::Observation => "observation",
            ObligationKind::WriteUp => "write-up",
            ObligationKind::AsyeReview => "asye-review",
            ObligationKind::Pdr => "pdr",
            ObligationKind::GroupSupervision => "group-supervision",
            ObligationKind::FileAudit => "file-audit",
            ObligationKind::SupervisionObservation => "supervision-observation",
            ObligationKind::UrgentSupervision => "urgent-supervision",
            ObligationKind::BriefingSupervision => "briefing-supervision",
            ObligationKind::IncidentMeeting => "incident-meeting",
            ObligationKind::AssessmentConclusion => "assessment-conclusion",
            ObligationKind::CompletionSupervision => "completion-supervision",
        }
    }

    /// Plain words for reasons and messages.
    pub fn describe(self) -> &'static str {
        match self {
            ObligationKind::Supervision => "supervision",
            ObligationKind::PersonalSupervision => "personal supervision",
            ObligationKind::CaseSupervision => "case supervision",
            ObligationKind::ChildDiscussion => "child discussion",
            ObligationKind::AgreementReview => "supervision agreement review",
            ObligationKind::Observation => "observation of practice",
            ObligationKind::WriteUp => "write-up",
            ObligationKind::AsyeReview => "ASYE review",
            ObligationKind::Pdr => "PDR",
            ObligationKind::GroupSupervision => "group supervision",
            ObligationKind::FileAudit => "audit of supervision files",
            ObligationKind::SupervisionObservation => "observation of supervision",
            ObligationKind::UrgentSupervision => "urgent supervision",
            ObligationKind::BriefingSupervision => "briefing supervision",
            ObligationKind::IncidentMeeting => "meeting after a serious incident",
            ObligationKind::AssessmentConclusion => "assessment concluded",
            ObligationKind::CompletionSupervision => "completion supervision",
        }
    }
}

read_by_name!(ObligationKind);
