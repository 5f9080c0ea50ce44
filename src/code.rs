//! Finding codes: one [`Code`] for every finding, validation's and the schedule's breaches
//! alike, each with its wire string, its severity and one line of documentation.
//!
//! `docs/finding-codes.md` lists every code, its meaning beginning with the code's
//! [`summary`](Code::summary), and the `.d.ts` union of codes holds exactly these
//! (`tests/validate_codes.rs`, `tests/ts_contract.rs`). A rule passes a `Code`, never a
//! string: a code that is not here does not compile.

use serde::{Serialize, Serializer};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Blocks a final save; a breach of the policy.
    Error,
    /// Informs; never blocks.
    Warning,
    /// Rests on our reading of a clause that sets no such limit (the rule's `basis` is
    /// `reading`): informs, never blocks, and is never a breach of the policy.
    Advisory,
}

/// Whose finding a code is: the table of `docs/finding-codes.md` it is listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A finding of [`validate`](crate::validate::validate) about a record.
    Validation,
    /// A past breach of a policy found by [`schedule`](crate::schedule::schedule).
    Breach,
}

macro_rules! codes {
    ($(
        #[doc = $doc:literal]
        $variant:ident = $code:literal, $severity:ident, $origin:ident;
    )*) => {
        /// What kind of problem a finding reports. `docs/finding-codes.md` lists each with an
        /// example. Written as its wire string (`"required"`, `"cadence-gap"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( #[doc = $doc] $variant, )*
        }

        impl Code {
            /// Every code, in the order of `docs/finding-codes.md`: validation's, then the
            /// schedule's breaches.
            pub const ALL: &'static [Code] = &[$( Code::$variant, )*];

            /// The code as a finding carries it: `"required"`, `"cadence-gap"`, …
            pub fn as_str(self) -> &'static str {
                const NAMES: &[&str] = &[$( $code, )*];
                NAMES.get(self as usize).copied().unwrap_or_default()
            }

            /// The severity of a finding with this code on a `stated` rule, and in `final`
            /// mode (in `draft` mode every finding is a warning; on a `reading` rule, an
            /// advisory). A breach is always an error.
            pub fn severity(self) -> Severity {
                const SEVERITIES: &[Severity] = &[$( Severity::$severity, )*];
                SEVERITIES.get(self as usize).copied().unwrap_or(Severity::Error)
            }

            /// Whether validation or the schedule reports it.
            pub fn origin(self) -> Origin {
                match self {
                    $( Code::$variant => Origin::$origin, )*
                }
            }

            /// One line: what the code means (its meaning in `docs/finding-codes.md` begins
            /// with it).
            pub fn summary(self) -> &'static str {
                match self {
                    $( Code::$variant => $doc.trim_start(), )*
                }
            }
        }
    };
}

impl Code {
    /// The code written `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

codes! {
    /// A required field is empty.
    Required = "required", Error, Validation;
    /// A value of the wrong JSON type.
    InvalidType = "invalid-type", Error, Validation;
    /// Not a real calendar date written `YYYY-MM-DD`.
    InvalidDate = "invalid-date", Error, Validation;
    /// Not a real 24-hour time written `HH:MM`.
    InvalidTime = "invalid-time", Error, Validation;
    /// Text that is not a number in a number field.
    InvalidNumber = "invalid-number", Error, Validation;
    /// A number below the field's `min`.
    NumberTooSmall = "number-too-small", Error, Validation;
    /// A number above the field's `max`.
    NumberTooLarge = "number-too-large", Error, Validation;
    /// Text that is not one of the field's options.
    InvalidChoice = "invalid-choice", Error, Validation;
    /// A case-IDs field holding anything but case IDs.
    CaseIdsOnly = "case-ids-only", Error, Validation;
    /// An action row without what needs to happen.
    ActionMissing = "action-missing", Error, Validation;
    /// An action row without who will do it.
    ActionWhoMissing = "action-who-missing", Error, Validation;
    /// An action row without by when.
    ActionWhenMissing = "action-when-missing", Error, Validation;
    /// An action's "by when" before the session date.
    ActionWhenBeforeSession = "action-when-before-session", Error, Validation;
    /// A child row without a name.
    ChildNameMissing = "child-name-missing", Error, Validation;
    /// A date after `options.today` where the template says it cannot be in the future.
    DateInFuture = "date-in-future", Error, Validation;
    /// Two dates the wrong way round.
    DateOrder = "date-order", Error, Validation;
    /// A session's end time before its start time.
    TimeOrder = "time-order", Error, Validation;
    /// A step of a process dated later than its deadline after an earlier date.
    DateTooLate = "date-too-late", Warning, Validation;
    /// The next session booked later than the policy's cadence for the worker allows.
    NextTooLate = "next-too-late", Warning, Validation;
    /// A field required after a gap since the last session longer than the cadence is empty.
    RequiredAfterGap = "required-after-gap", Error, Validation;
    /// A session shorter than the policy's minimum.
    SessionTooShort = "session-too-short", Warning, Validation;
    /// A session came later than the cadence allowed after the one before it.
    CadenceGap = "cadence-gap", Error, Breach;
    /// A window (e.g. any 12 months) held fewer sessions or observations than the policy asks.
    MinCount = "min-count", Error, Breach;
    /// A gap between sessions, or since the last one, longer than the policy allows.
    MaxGap = "max-gap", Error, Breach;
    /// A session's record written up after the deadline.
    LateWriteUp = "late-write-up", Error, Breach;
    /// A cancelled session held again after the deadline.
    LateRebook = "late-rebook", Error, Breach;
    /// A child's case discussed later than the policy's interval after the last discussion.
    ChildDiscussionGap = "child-discussion-gap", Error, Breach;
    /// A newly allocated case first discussed after the deadline.
    LateFirstDiscussion = "late-first-discussion", Error, Breach;
    /// A case discussed too long after a significant event, or not since.
    LateDiscussionAfterEvent = "late-discussion-after-event", Error, Breach;
    /// A case not discussed in the window before a planned event.
    NoDiscussionBeforeEvent = "no-discussion-before-event", Error, Breach;
    /// A team's group supervision came later than the interval allowed.
    GroupSupervisionGap = "group-supervision-gap", Error, Breach;
    /// Supervision files audited later than the interval allowed.
    FileAuditGap = "file-audit-gap", Error, Breach;
    /// A supervisor's supervision observed (or a three-way held) later than the interval allowed.
    SupervisorObservationGap = "supervisor-observation-gap", Error, Breach;
    /// A review tied to a period not recorded by the end of the period and its grace.
    MissedMilestone = "missed-milestone", Error, Breach;
    /// Supervision asked for urgently held after the deadline.
    LateUrgentSupervision = "late-urgent-supervision", Error, Breach;
    /// A contact's or referral's initial briefing supervision recorded after the deadline.
    LateBriefing = "late-briefing", Error, Breach;
    /// A contact's or referral's completion supervision recorded after the deadline.
    LateCompletion = "late-completion", Error, Breach;
    /// The supervisor met the worker after the deadline following a serious incident.
    LateIncidentMeeting = "late-incident-meeting", Error, Breach;
    /// A child's assessment concluded after the maximum time from its start.
    LateAssessmentConclusion = "late-assessment-conclusion", Error, Breach;
}
