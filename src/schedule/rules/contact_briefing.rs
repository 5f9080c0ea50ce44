//! `contact-briefing`: each contact or referral the worker manages has its initial briefing
//! supervision recorded within a time of the information being received.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::error::Result;
use crate::policy::{ObligationKind, Problems, Rule};
use crate::schedule::engine::{after, Engine};
use crate::words::long_date;
use serde::{Deserialize, Serialize};

/// Each contact in `worker.contacts` briefed within a time.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactBriefing {
    /// The deadline after the information was received.
    pub within: Duration,
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
            let due = after(&self.within, c.date, e.cal)?;
            let what = match &c.id {
                Some(id) => format!("Contact {id}, received on {}", long_date(c.date)),
                None => format!("The contact received on {}", long_date(c.date)),
            };
            match c.briefed.filter(|b| *b <= e.as_of) {
                None => {
                    let reason = format!(
                        "{what}: its initial briefing supervision is due within {} of it.",
                        self.within.describe()
                    );
                    let kind = ObligationKind::BriefingSupervision;
                    e.oblige(kind, &worker.id, due, rule, &rule.source, reason);
                }
                Some(b) if b > due => {
                    let message = format!(
                        "{what}: its initial briefing supervision was recorded on {}, after \
                         the deadline of {} ({} after it).",
                        long_date(b),
                        long_date(due),
                        self.within.describe()
                    );
                    let path = format!("contacts[{i}].briefed");
                    e.breach(c.date, path, "late-briefing", rule, message);
                }
                Some(_) => {}
            }
        }
        Ok(None)
    }
}
