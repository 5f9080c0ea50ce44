//! `urgent-request`: supervision the worker asked for urgently, held within a time of the
//! request.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::error::Result;
use crate::policy::{ObligationKind, Problems, Rule, SessionType};
use crate::schedule::engine::Engine;
use crate::schedule::hours::HourDeadline;
use crate::schedule::TimeOfDay;
use chrono::NaiveDate;
use crate::words::long_date;
use serde::{Deserialize, Serialize};

/// Each urgent request in `worker.requests` answered by a session within a time.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UrgentRequest {
    /// Session types that answer the request.
    pub counts: Vec<SessionType>,
    /// The deadline after the request.
    pub within: Duration,
}

impl UrgentRequest {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        problems.counts(path, &self.counts);
    }
}

impl WorkerRule for UrgentRequest {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let held = sessions(e, &self.counts);
        let worker = e.worker;
        for (i, r) in worker.requests.iter().enumerate() {
            if !r.urgent || r.date > e.as_of || r.date < e.records_from() {
                continue;
            }
            let due = HourDeadline::new(&self.within, r.date, r.time, e.cal)?;
            let hours = HourDeadline::words(&self.within, r.time, &due, true);
            let timed = HourDeadline::words(&self.within, r.time, &due, false);
            let asked = long_date(r.date);
            // A session earlier on the day of the request, both timed, did not answer it.
            let answered = held.iter().find(|(d, t)| {
                *d > r.date || (*d == r.date && !matches!((r.time, t), (Some(a), Some(b)) if b < &a))
            });
            match answered {
                None => {
                    let reason = format!(
                        "Urgent supervision asked for on {asked}: due within {} of the \
                         request.{hours}",
                        self.within.describe()
                    );
                    let kind = ObligationKind::UrgentSupervision;
                    e.oblige(kind, &worker.id, due.due, rule, &rule.source, reason);
                }
                Some(&(d, t)) if due.missed(d, t) => {
                    let message = format!(
                        "Urgent supervision asked for on {asked} was held on {}, after the \
                         deadline of {} ({} after the request).{timed}",
                        long_date(d),
                        long_date(due.due),
                        self.within.describe()
                    );
                    let path = format!("requests[{i}]");
                    e.breach(r.date, path, "late-urgent-supervision", rule, message);
                }
                Some(_) => {}
            }
        }
        Ok(None)
    }
}

/// The counted sessions held from the records' start to `asOf`, with their times, in order
/// (as [`Engine::held`], each session once).
fn sessions(e: &Engine<'_>, counts: &[SessionType]) -> Vec<(NaiveDate, Option<TimeOfDay>)> {
    let days = e.held(counts);
    let mut held: Vec<(NaiveDate, Option<TimeOfDay>)> = e
        .worker
        .sessions
        .iter()
        .filter(|s| s.cancelled.is_none() && counts.contains(&s.kind))
        .filter(|s| days.binary_search(&s.date).is_ok())
        .map(|s| (s.date, s.time))
        .collect();
    held.sort_unstable();
    held
}
