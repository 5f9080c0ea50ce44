//! The policy data model: what a policy JSON file deserialises into.
//!
//! `docs/policy-format.md` is the reference for the format; this module is its typed form.

pub use super::template::*;
use crate::calendar::Duration;
pub use crate::schedule::rules::*;
#[cfg(feature = "authoring")]
use serde::Deserializer;
use serde::{Deserialize, Serialize, Serializer};

/// A council's supervision policy: roles, timing rules and recording templates.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Policy {
    /// Format version; always 1.
    pub format: u32,
    /// The id used in every call, e.g. `havering`.
    pub id: String,
    /// The council or board.
    pub authority: String,
    /// The document's title.
    pub title: String,
    /// The version of this policy's data, e.g. `2026.1` (CHANGELOG.md: when it changes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The source document, e.g. `havering.txt`.
    pub document: String,
    /// Every role the document distinguishes.
    pub roles: Vec<Role>,
    /// Timing rules, read by the schedule engine.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Recording templates, read by validation.
    #[serde(default)]
    pub templates: Vec<Template>,
    /// The id of the policy this one replaces on purpose: its own `id`, which is already
    /// registered (a built-in, say). Without it, registering an id in use is an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// Readings that apply to the whole policy, and rules the format does not encode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A role the policy distinguishes.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Role {
    /// Id used by rules and by `worker.role`.
    pub id: String,
    /// The document's own words.
    pub label: String,
    /// File and clause.
    pub source: String,
    /// The reading chosen, where the clause is ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A timing rule.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// Unique within the policy.
    pub id: String,
    /// File and clause.
    pub source: String,
    /// The reading chosen, where the clause is ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Whether the clause sets the rule's limit (`stated`, the default) or the limit is ours
    /// (`reading`): what rests on a reading is advisory, never a breach of the policy.
    #[serde(default)]
    pub basis: Basis,
    /// With `basis: "reading"`: why the limit is ours, in one sentence a manager can read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// Which workers or cases the rule applies to.
    #[serde(default, skip_serializing_if = "When::is_empty")]
    pub when: When,
    /// Rules this one replaces for the workers it applies to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<String>,
    /// What the rule requires.
    #[serde(flatten)]
    pub kind: RuleKind,
}

/// Where a rule's limit comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The clause sets the limit; `source` quotes where.
    #[default]
    Stated,
    /// The clause sets no such limit: the limit is our reading of it (`reading` says why).
    /// What rests on it is advisory: never counted or shown as a breach of the policy.
    Reading,
}

impl Basis {
    /// `stated`: the default, left out when written.
    pub fn is_stated(&self) -> bool {
        *self == Basis::Stated
    }
}

/// A reason or message resting on a reading, worded as such: "By our reading of §3d, which
/// sets no such limit: the next …". The clause is the rule's `source` less its document's
/// name.
pub fn by_our_reading(source: &str, text: &str) -> String {
    let clause = match source.split_once(' ') {
        Some((doc, rest)) if doc.contains('.') && !rest.is_empty() => rest,
        _ => source,
    };
    // ASCII only: Unicode case tables would cost the form build kilobytes, and every
    // message begins with an ASCII capital ("The …", "Enter …"); "PDR", "ASYE" are kept.
    let bytes = text.as_bytes();
    let text = match (bytes.first(), bytes.get(1)) {
        (Some(a), Some(b)) if a.is_ascii_uppercase() && !b.is_ascii_uppercase() => {
            let mut t = text.to_string();
            if let Some(first) = t.get_mut(..1) {
                first.make_ascii_lowercase();
            }
            t
        }
        _ => text.to_string(),
    };
    format!("By our reading of {clause}, which sets no such limit: {text}")
}

/// Who a rule applies to.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct When {
    /// The worker's role is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    /// The worker's hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// The worker's `shiftsPerMonth` is below this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shifts_per_month_below: Option<u32>,
    /// Only while `asOf` is inside this window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub during: Option<Window>,
    /// (Child rules) the case's plan is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plans: Option<Vec<Plan>>,
    /// (Child rules) the case's RAG rating is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Vec<Rag>>,
}

impl When {
    /// No condition at all.
    pub fn is_empty(&self) -> bool {
        self.specificity() == 0
    }

    /// How many conditions the filter sets; used to report which variant applied.
    pub fn specificity(&self) -> usize {
        [
            self.roles.is_some(),
            self.hours.is_some(),
            self.shifts_per_month_below.is_some(),
            self.during.is_some(),
            self.plans.is_some(),
            self.rag.is_some(),
        ]
        .into_iter()
        .filter(|&set| set)
        .count()
    }
}

/// A window of time from one of the worker's dates.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Window {
    /// Which date the window starts at.
    pub start: Anchor,
    /// How long after it the window ends (exclusive).
    pub until: Duration,
}

/// One of the worker's dates that a phase or milestone counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// `worker.asye`: the ASYE began.
    Asye,
    /// `worker.probation`: probation began.
    Probation,
    /// `worker.started`: the worker started in post.
    Started,
}

impl Anchor {
    /// The worker field's name, for reasons.
    pub fn describe(self) -> &'static str {
        match self {
            Anchor::Asye => "the ASYE began",
            Anchor::Probation => "probation began",
            Anchor::Started => "the worker started",
        }
    }
}

/// Full-time or part-time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hours {
    /// Full-time (the default for a worker with no `hours`).
    FullTime,
    /// Part-time.
    PartTime,
}

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

/// A kind of supervision session in a worker's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionType {
    /// One-to-one: counts as both personal and case supervision.
    OneToOne,
    /// Personal supervision.
    Personal,
    /// Case supervision.
    Case,
    /// Group supervision.
    Group,
    /// Reflective supervision.
    Reflective,
}

/// Why a session was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cancelled {
    /// The worker or supervisor was off sick.
    Sickness,
    /// Any other reason.
    Other,
}

/// From when a cancelled session's rebooking deadline runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RebookFrom {
    /// The first working day after the absence that covers the session.
    Return,
    /// The cancelled session's date.
    Cancelled,
}

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

/// One phase of a phased cadence (ASYE, probation).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Phase {
    /// Which of the worker's dates the phase counts from.
    pub start: Anchor,
    /// When the phase ends, counted from `start` (exclusive).
    pub until: Duration,
    /// The interval between sessions during the phase.
    pub every: Duration,
    /// File and clause.
    pub source: String,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.describe())
    }
}

#[cfg(feature = "authoring")]
impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d).map_err(|_: D::Error| {
            serde::de::Error::custom("a duration as a string, like \"4 weeks\"")
        })?;
        if s.trim() != s && Duration::parse(s.trim()).is_ok() {
            let at = if s.starts_with(char::is_whitespace) {
                "at the start"
            } else {
                "at the end"
            };
            return Err(serde::de::Error::custom(format!(
                "a duration with no space before or after it: remove the space {at}"
            )));
        }
        Duration::parse(&s).map_err(serde::de::Error::custom)
    }
}
