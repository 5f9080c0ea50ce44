//! `urgent-request`: supervision the worker asked for urgently, held within a time of the
//! request.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::error::Result;
use crate::policy::{ObligationKind, Problems, Rule, SessionType};
use crate::schedule::engine::{after, Engine};
use crate::words::long_date;
use serde::Serialize;

/// Each urgent request in `worker.requests` answered by a session within a time.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct UrgentRequest {
    /// Session types that answer the request.
    pub counts: Vec<SessionType>,
    /// The deadline after the request.
    pub within: Duration,
}

impl crate::policy::Read for UrgentRequest {
    fn read(j: &mut crate::policy::Json<'_>) -> Option<Self> {
        crate::policy::read_fields!(j, UrgentRequest {
            counts: "counts",
            within: "within",
        }, allow)
    }
}

impl UrgentRequest {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        problems.counts(path, &self.counts);
    }
}

impl WorkerRule for UrgentRequest {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let held = e.held(&self.counts);
        let worker = e.worker;
        for (i, r) in worker.requests.iter().enumerate() {
            if !r.urgent || r.date > e.as_of || r.date < e.records_from() {
                continue;
            }
            let due = after(&self.within, r.date, e.cal)?;
            let asked = long_date(r.date);
            match held.iter().find(|d| **d >= r.date) {
                None => {
                    let reason = format!(
                        "Urgent supervision asked for on {asked}: due within {} of the request.",
                        self.within.describe()
                    );
                    let kind = ObligationKind::UrgentSupervision;
                    e.oblige(kind, &worker.id, due, rule, &rule.source, reason);
                }
                Some(d) if *d > due => {
                    let message = || format!(
                        "Urgent supervision asked for on {asked} was held on {}, after the \
                         deadline of {} ({} after the request).",
                        long_date(*d),
                        long_date(due),
                        self.within.describe()
                    );
                    let path = || format!("requests[{i}]");
                    e.breach(r.date, path, "late-urgent-supervision", rule, message);
                }
                Some(_) => {}
            }
        }
        Ok(None)
    }
}
