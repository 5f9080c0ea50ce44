//! `contact-briefing`: each contact or referral the worker manages has its initial briefing
//! supervision recorded within a time of the information being received.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::Engine;
use crate::schedule::hours::HourDeadline;
use crate::schedule::Contact;
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems};
use crate::words::long_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Each contact in `worker.contacts` briefed (or its outcome decided and recorded) within a
/// time.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct ContactBriefing {
    /// The deadline after the information was received.
    pub within: Duration,
    /// Which supervision of the contact is due: its initial briefing (the default, the
    /// contact's `briefed` date) or its completion supervision (`completed`).
    #[serde(default, skip_serializing_if = "ContactStep::is_briefing")]
    pub step: ContactStep,
}

impl crate::read::Read for ContactBriefing {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, ContactBriefing {
            within: "within",
            step: default "step",
        }, allow)
    }
}

impl crate::read::Read for ContactStep {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::by_name(j)
    }
}

/// A front-door contact's supervision steps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactStep {
    /// The initial briefing supervision (`contacts[i].briefed`).
    #[default]
    Briefing,
    /// The completion supervision recording the decision on the outcome
    /// (`contacts[i].completed`).
    Completion,
}

impl ContactStep {
    fn is_briefing(&self) -> bool {
        *self == ContactStep::Briefing
    }

    /// The step's date on a contact, its key, its obligation and its words.
    fn of(
        self,
        c: &Contact,
    ) -> (
        Option<NaiveDate>,
        &'static str,
        ObligationKind,
        &'static str,
    ) {
        match self {
            ContactStep::Briefing => (
                c.briefed,
                "briefed",
                ObligationKind::BriefingSupervision,
                "its initial briefing supervision",
            ),
            ContactStep::Completion => (
                c.completed,
                "completed",
                ObligationKind::CompletionSupervision,
                "its completion supervision, with the decision on its outcome,",
            ),
        }
    }
}

impl ContactBriefing {
    pub(crate) fn check(&self, _rule: &Rule, _path: &str, _problems: &mut Problems) {}
}

impl WorkerRule for ContactBriefing {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let worker = e.worker;
        for (i, c) in worker.contacts.iter().enumerate() {
            if c.date > e.as_of || c.date < e.records_from() {
                continue;
            }
            let due = HourDeadline::new(&self.within, c.date, c.time, e.cal)?;
            let hours = HourDeadline::words(&self.within, c.time, &due, true);
            let timed = HourDeadline::words(&self.within, c.time, &due, false);
            let what = match &c.id {
                Some(id) => format!("Contact {id}, received on {}", long_date(c.date)),
                None => format!("The contact received on {}", long_date(c.date)),
            };
            let (done, key, kind, step) = self.step.of(c);
            match done.filter(|b| *b <= e.as_of) {
                None => {
                    let reason = format!(
                        "{what}: {step} is due within {} of it.{hours}",
                        self.within.describe()
                    );
                    e.oblige(kind, &worker.id, due.due, rule, &rule.source, reason);
                }
                Some(b) if due.missed(b, None) => {
                    let message = || {
                        format!(
                        "{what}: {step} was recorded on {}, after the deadline of {} ({} after \
                         it).{timed}",
                        long_date(b),
                        long_date(due.due),
                        self.within.describe()
                    )
                    };
                    let path = || format!("contacts[{i}].{key}");
                    // Each code written out, as every breach code is (tests/validate_codes.rs).
                    match self.step {
                        ContactStep::Briefing => {
                            e.breach(c.date, path, Code::LateBriefing, rule, message);
                        }
                        ContactStep::Completion => {
                            e.breach(c.date, path, Code::LateCompletion, rule, message);
                        }
                    }
                }
                Some(_) => {}
            }
        }
        Ok(None)
    }
}
