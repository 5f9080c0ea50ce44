//! The policy data model: what a policy JSON file deserialises into.
//!
//! `docs/policy-format.md` is the reference for the format; this module is its typed form.

use crate::calendar::Duration;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A council's supervision policy: roles, timing rules and recording templates.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// Readings that apply to the whole policy, and rules the format does not encode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A role the policy distinguishes.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// Unique within the policy.
    pub id: String,
    /// File and clause.
    pub source: String,
    /// The reading chosen, where the clause is ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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

/// Who a rule applies to.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
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
}

impl ObligationKind {
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
        }
    }
}

/// One phase of a phased cadence (ASYE, probation).
#[derive(Debug, Clone, Serialize, Deserialize)]
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

/// What a rule requires.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum RuleKind {
    /// A recurring session.
    Cadence {
        /// The obligation it produces.
        obligation: ObligationKind,
        /// Session types that count.
        counts: Vec<SessionType>,
        /// The interval after the phases, or throughout.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        every: Option<Duration>,
        /// Phases from one of the worker's dates.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        phases: Vec<Phase>,
        /// The first session after `started`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first: Option<Duration>,
        /// Recorded absence inside the interval moves the due date later by its days.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        absence_extends: bool,
    },
    /// At least `count` sessions in any window.
    MinCount {
        /// Session types that count.
        counts: Vec<SessionType>,
        /// How many.
        count: u32,
        /// In any window of this length.
        window: Duration,
    },
    /// No gap between sessions longer than this.
    MaxGap {
        /// Session types that count.
        counts: Vec<SessionType>,
        /// The longest allowed gap.
        gap: Duration,
    },
    /// Each held session written up within a time.
    WriteUp {
        /// Session types whose record this is.
        counts: Vec<SessionType>,
        /// The deadline after the session.
        within: Duration,
        /// What is written up, e.g. "case supervision record".
        what: String,
    },
    /// A cancelled session held again within a time.
    Rebook {
        /// The obligation it produces.
        obligation: ObligationKind,
        /// Session types that count as the rebooked session.
        counts: Vec<SessionType>,
        /// Which cancellations.
        cancelled: Cancelled,
        /// The deadline.
        within: Duration,
        /// From when the deadline runs.
        after: RebookFrom,
    },
    /// The supervision agreement reviewed.
    AgreementReview {
        /// Review interval from the last signature.
        every: Duration,
        /// When no agreement is recorded: due this long after `started`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first: Option<Duration>,
        /// Re-signed within this of a change of supervisor.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on_change_of_supervisor: Option<Duration>,
    },
    /// Observation of practice.
    Observation {
        /// Interval from the last observation.
        every: Duration,
        /// At least this many…
        #[serde(default, skip_serializing_if = "Option::is_none")]
        count: Option<u32>,
        /// …in any window of this length.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        window: Option<Duration>,
    },
    /// Reviews at fixed points from a worker's date.
    Milestone {
        /// `asye-review` or `pdr`.
        obligation: ObligationKind,
        /// From which date.
        from: Anchor,
        /// When each falls due.
        at: Vec<Duration>,
        /// What each is called.
        labels: Vec<String>,
        /// After the last, repeat at this interval.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        every: Option<Duration>,
    },
    /// Each child discussed at least this often.
    ChildDiscussion {
        /// The interval.
        every: Duration,
    },
    /// A child first discussed within a time of allocation.
    ChildFirstDiscussion {
        /// The deadline after allocation.
        within: Duration,
    },
    /// A child discussed within a time after an event.
    ChildAfterEvent {
        /// Which events.
        events: Vec<EventKind>,
        /// The deadline after the event.
        within: Duration,
    },
    /// A child discussed before a planned event.
    ChildBeforeEvent {
        /// Which events.
        events: Vec<EventKind>,
        /// How long before the event a discussion counts.
        window: Duration,
    },
}

impl RuleKind {
    /// The `kind` string as written in the data.
    pub fn name(&self) -> &'static str {
        match self {
            RuleKind::Cadence { .. } => "cadence",
            RuleKind::MinCount { .. } => "min-count",
            RuleKind::MaxGap { .. } => "max-gap",
            RuleKind::WriteUp { .. } => "write-up",
            RuleKind::Rebook { .. } => "rebook",
            RuleKind::AgreementReview { .. } => "agreement-review",
            RuleKind::Observation { .. } => "observation",
            RuleKind::Milestone { .. } => "milestone",
            RuleKind::ChildDiscussion { .. } => "child-discussion",
            RuleKind::ChildFirstDiscussion { .. } => "child-first-discussion",
            RuleKind::ChildAfterEvent { .. } => "child-after-event",
            RuleKind::ChildBeforeEvent { .. } => "child-before-event",
        }
    }

    /// Every rule kind name, for error messages and documentation.
    pub const NAMES: &'static [&'static str] = &[
        "cadence",
        "min-count",
        "max-gap",
        "write-up",
        "rebook",
        "agreement-review",
        "observation",
        "milestone",
        "child-discussion",
        "child-first-discussion",
        "child-after-event",
        "child-before-event",
    ];
}

/// A recording template.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Template {
    /// Unique within the policy.
    pub id: String,
    /// The document's own heading.
    pub title: String,
    /// File and appendix or clause.
    pub source: String,
    /// The id of the field holding the session date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_date: Option<String>,
    /// The template's sections, in the document's order.
    pub sections: Vec<Section>,
    /// Cross-field rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<TemplateRule>,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Template {
    /// Every field, section by section.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections.iter().flat_map(|s| s.fields.iter())
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|f| f.id == id)
    }
}

/// A section of a template.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Section {
    /// Unique within the template.
    pub id: String,
    /// The document's own heading.
    pub title: String,
    /// The section's fields, in order.
    pub fields: Vec<Field>,
    /// File and clause, where not the template's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A field of a template.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Field {
    /// The key in a record.
    pub id: String,
    /// The document's own words.
    pub label: String,
    /// What the value is.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Whether a value is required.
    pub required: Required,
    /// The clause that makes it required, where not the template's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Help text for the form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// For `choice`: the allowed values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
    /// For `number`: the smallest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// For `number`: the largest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// The type of a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    /// Free text.
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:MM`.
    Time,
    /// A person's name.
    Person,
    /// The signer's name.
    Signature,
    /// Case IDs only.
    CaseIds,
    /// `[{action, who, when}]`.
    Actions,
    /// One of `options`.
    Choice,
    /// A number.
    Number,
    /// `[{name, dob}]`.
    Children,
}

/// Whether a field must have a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    /// Optional.
    No,
    /// Required in draft and final mode.
    Always,
    /// Required only when the record is finalised.
    Final,
}

impl Serialize for Required {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Required::No => s.serialize_bool(false),
            Required::Always => s.serialize_bool(true),
            Required::Final => s.serialize_str("final"),
        }
    }
}

impl<'de> Deserialize<'de> for Required {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Str(String),
        }
        match Raw::deserialize(d) {
            Ok(Raw::Bool(true)) => Ok(Required::Always),
            Ok(Raw::Bool(false)) => Ok(Required::No),
            Ok(Raw::Str(s)) if s == "final" => Ok(Required::Final),
            _ => Err(serde::de::Error::custom(
                "expected true, false or \"final\"",
            )),
        }
    }
}

/// A cross-field rule of a template.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateRule {
    /// File and clause.
    pub source: String,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the rule checks.
    #[serde(flatten)]
    pub kind: TemplateRuleKind,
}

/// What a template rule checks.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum TemplateRuleKind {
    /// The date is not after `options.today`.
    NotFuture {
        /// The date field.
        field: String,
    },
    /// One date is on or before another.
    DateOrder {
        /// The field that must be earlier (or the same day).
        earlier: String,
        /// The field that must be later (or the same day).
        later: String,
    },
    /// The next session is booked within the cadence.
    NextWithinCadence {
        /// The next-session date field.
        field: String,
        /// Which cadence.
        obligation: ObligationKind,
    },
    /// A field required when the gap since the last session exceeds the cadence.
    RequiredIfGap {
        /// The field that becomes required.
        field: String,
        /// The date of the last session.
        last: String,
        /// Which cadence.
        obligation: ObligationKind,
    },
    /// The session lasted at least this long.
    MinDuration {
        /// Minimum minutes.
        minutes: u32,
        /// A number-of-minutes field.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        field: Option<String>,
        /// A start-time field.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<String>,
        /// An end-time field.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        end: Option<String>,
    },
}

impl TemplateRuleKind {
    /// The `kind` string as written in the data.
    pub fn name(&self) -> &'static str {
        match self {
            TemplateRuleKind::NotFuture { .. } => "not-future",
            TemplateRuleKind::DateOrder { .. } => "date-order",
            TemplateRuleKind::NextWithinCadence { .. } => "next-within-cadence",
            TemplateRuleKind::RequiredIfGap { .. } => "required-if-gap",
            TemplateRuleKind::MinDuration { .. } => "min-duration",
        }
    }

    /// The field ids the rule refers to.
    pub fn fields(&self) -> Vec<&str> {
        match self {
            TemplateRuleKind::NotFuture { field } => vec![field],
            TemplateRuleKind::DateOrder { earlier, later } => vec![earlier, later],
            TemplateRuleKind::NextWithinCadence { field, .. } => vec![field],
            TemplateRuleKind::RequiredIfGap { field, last, .. } => vec![field, last],
            TemplateRuleKind::MinDuration {
                field, start, end, ..
            } => [field, start, end]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect(),
        }
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.describe())
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Duration::parse(&s).map_err(serde::de::Error::custom)
    }
}
