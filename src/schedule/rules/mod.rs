//! Rule kinds: one file per kind. Each kind is a struct that reads itself from the policy's
//! JSON (serde), checks its own fields (`check`) and is evaluated over the [`Engine`](super::engine::Engine)
//! (`apply`). This module registers them: the `kind` names, the subject each is about, and
//! the one `match` that dispatches to them.
//!
//! Adding a kind: write `<kind>.rs` with the struct, its `check` and an `impl WorkerRule`
//! (or `ChildRule`), and add one line to the [`rule_kinds!`] list below.

mod rule;
mod subject;

use crate::terms::Problems;
use serde::Serialize;

pub(crate) use cadence::Handover;
pub use rule::Rule;
pub use subject::Subject;
pub(crate) use subject::{ChildRule, TeamRule, WorkerRule};

/// Declares the rule kinds: `Variant(module::Struct) = "kind-name", Subject;`.
macro_rules! rule_kinds {
    ($($variant:ident($module:ident::$ty:ident) = $name:literal, $subject:ident;)*) => {
        $(mod $module; pub use $module::$ty;)*

        /// What a rule requires: one variant per kind, each a struct in its own file.
        #[derive(Debug, Clone, Serialize)]
        #[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
        #[serde(tag = "kind")]
        pub enum RuleKind {
            $(
                #[doc = concat!("`\"kind\": \"", $name, "\"`: see [`", stringify!($ty), "`].")]
                #[serde(rename = $name)]
                $variant($ty),
            )*
            /// In a build without the `schedule` feature (the npm package's `form` and
            /// `widget/form` entry points), a kind other than `cadence`, by its name: its
            /// keys are read over as JSON and not into its struct, since nothing there
            /// evaluates it (validation reads cadence rules only); their readers were 4 KB
            /// gzipped of the form page (issue 20, BENCHMARKS.md "Stop 30").
            #[cfg(not(feature = "schedule"))]
            #[serde(skip)]
            Unread(&'static str),
        }

        impl RuleKind {
            /// Every rule kind name, for error messages and documentation.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The `kind` string as written in the data.
            pub fn name(&self) -> &'static str {
                match self {
                    $(RuleKind::$variant(_) => $name,)*
                    #[cfg(not(feature = "schedule"))]
                    RuleKind::Unread(name) => name,
                }
            }

            /// Whom the rule is about.
            pub fn subject(&self) -> Subject {
                match self {
                    $(RuleKind::$variant(_) => Subject::$subject,)*
                    #[cfg(not(feature = "schedule"))]
                    RuleKind::Unread(name) => match *name {
                        $($name => Subject::$subject,)*
                        _ => Subject::Worker,
                    },
                }
            }

            /// Checks the kind's own fields of `rule`, found at `path`.
            pub(crate) fn check(&self, rule: &Rule, path: &str, problems: &mut Problems) {
                match self {
                    $(RuleKind::$variant(k) => k.check(rule, path, problems),)*
                    #[cfg(not(feature = "schedule"))]
                    RuleKind::Unread(_) => {}
                }
            }

            /// Reads the kind named `name` with `reader` (which checks its keys and reads its
            /// fields, each problem at its own path); `None` for a name that is no kind.
            #[cfg(feature = "authoring")]
            pub(crate) fn read(
                name: &str,
                reader: &mut impl crate::read::KindReader,
            ) -> Option<Option<RuleKind>> {
                match name {
                    $($name => Some(
                        reader
                            .read::<$ty>(concat!("a \"", $name, "\" rule"))
                            .map(RuleKind::$variant),
                    ),)*
                    _ => None,
                }
            }

            /// Reads the kind named `name` from the rule's JSON object, unchecked
            /// (`crate::read`); `None` for a name that is no kind, or keys that do
            /// not read.
            pub(crate) fn read_named(
                name: &str,
                j: &mut crate::read::Json<'_>,
            ) -> Option<RuleKind> {
                // Without the schedule, a kind but `cadence` is read over (`Unread`).
                #[cfg(not(feature = "schedule"))]
                {
                    if name == "cadence" {
                        return <cadence::Cadence as crate::read::Read>::read(j)
                            .map(RuleKind::Cadence);
                    }
                    let name = Self::NAMES.iter().find(|n| **n == name)?;
                    j.skip()?;
                    Some(RuleKind::Unread(name))
                }
                #[cfg(feature = "schedule")]
                match name {
                    $($name => <$ty as crate::read::Read>::read(j).map(RuleKind::$variant),)*
                    _ => None,
                }
            }

            /// The kind's evaluation, when it is about the worker.
            pub(crate) fn for_worker(&self) -> Option<&dyn WorkerRule> {
                match self {
                    $(RuleKind::$variant(k) => rule_kinds!(@worker $subject k),)*
                    #[cfg(not(feature = "schedule"))]
                    RuleKind::Unread(_) => None,
                }
            }

            /// The kind's evaluation, when it is about a team.
            pub(crate) fn for_team(&self) -> Option<&dyn TeamRule> {
                match self {
                    $(RuleKind::$variant(k) => rule_kinds!(@team $subject k),)*
                    #[cfg(not(feature = "schedule"))]
                    RuleKind::Unread(_) => None,
                }
            }

            /// The kind's evaluation, when it is about each child.
            pub(crate) fn for_child(&self) -> Option<&dyn ChildRule> {
                match self {
                    $(RuleKind::$variant(k) => rule_kinds!(@child $subject k),)*
                    #[cfg(not(feature = "schedule"))]
                    RuleKind::Unread(_) => None,
                }
            }
        }
    };
    (@worker Worker $k:ident) => { Some($k as &dyn WorkerRule) };
    (@worker $other:ident $k:ident) => {{ let _ = $k; None }};
    (@child Child $k:ident) => { Some($k as &dyn ChildRule) };
    (@child $other:ident $k:ident) => {{ let _ = $k; None }};
    (@team Team $k:ident) => { Some($k as &dyn TeamRule) };
    (@team $other:ident $k:ident) => {{ let _ = $k; None }};
}

rule_kinds! {
    Cadence(cadence::Cadence) = "cadence", Worker;
    MinCount(min_count::MinCount) = "min-count", Worker;
    MaxGap(max_gap::MaxGap) = "max-gap", Worker;
    WriteUp(write_up::WriteUp) = "write-up", Worker;
    Rebook(rebook::Rebook) = "rebook", Worker;
    UrgentRequest(urgent_request::UrgentRequest) = "urgent-request", Worker;
    ContactBriefing(contact_briefing::ContactBriefing) = "contact-briefing", Worker;
    IncidentMeeting(incident_meeting::IncidentMeeting) = "incident-meeting", Worker;
    AgreementReview(agreement_review::AgreementReview) = "agreement-review", Worker;
    Observation(observation::Observation) = "observation", Worker;
    Milestone(milestone::Milestone) = "milestone", Worker;
    ChildDiscussion(child_discussion::ChildDiscussion) = "child-discussion", Child;
    ChildFirstDiscussion(child_first_discussion::ChildFirstDiscussion)
        = "child-first-discussion", Child;
    ChildAfterEvent(child_after_event::ChildAfterEvent) = "child-after-event", Child;
    ChildBeforeEvent(child_before_event::ChildBeforeEvent) = "child-before-event", Child;
    ChildAssessment(child_assessment::ChildAssessment) = "child-assessment", Child;
    ChildAssessmentConclusion(child_assessment_conclusion::ChildAssessmentConclusion) =
        "child-assessment-conclusion", Child;
    GroupSupervision(group_supervision::GroupSupervision) = "group-supervision", Team;
    FileAudit(file_audit::FileAudit) = "file-audit", Team;
    SupervisorObservation(supervisor_observation::SupervisorObservation) =
        "supervisor-observation", Team;
}
