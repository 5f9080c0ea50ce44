//! `urgent-request`: supervision the worker asked for urgently, held within a time of the
//! request.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::Engine;
use crate::schedule::hours::HourDeadline;
use crate::schedule::Rule;
use crate::schedule::TimeOfDay;
use crate::terms::{ObligationKind, Problems, SessionType};
use crate::words::long_date;
use chrono::NaiveDate;
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

impl crate::read::Read for UrgentRequest {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            UrgentRequest {
                counts: "counts",
                within: "within",
            },
            allow
        )
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
            let due = HourDeadline::new(&self.within, r.date, r.time, e.cal)?;
            let hours = HourDeadline::words(&self.within, r.time, &due, true);
            let timed = HourDeadline::words(&self.within, r.time, &due, false);
            let asked = long_date(r.date);
            // The first day on or after the request with a counted session; on the request's
            // own day a session timed before the request does not answer it.
            let mut k = held.partition_point(|d| *d < r.date);
            let after = r.time.filter(|_| held.get(k) == Some(&r.date));
            if after.is_some() && first_time(e, &self.counts, r.date, after).is_none() {
                k = k.saturating_add(1);
            }
            let answered = held.get(k).map(|&d| {
                // Its time matters only on the last day of a deadline to the minute.
                let time = match due.by {
                    Some(_) if d == due.due => {
                        let after = r.time.filter(|_| d == r.date);
                        first_time(e, &self.counts, d, after).flatten()
                    }
                    _ => None,
                };
                (d, time)
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
                Some((d, t)) if due.missed(d, t) => {
                    let message = || {
                        format!(
                            "Urgent supervision asked for on {asked} was held on {}, after the \
                         deadline of {} ({} after the request).{timed}",
                            long_date(d),
                            long_date(due.due),
                            self.within.describe()
                        )
                    };
                    let path = || format!("requests[{i}]");
                    e.breach(r.date, path, Code::LateUrgentSupervision, rule, message);
                }
                Some(_) => {}
            }
        }
        Ok(None)
    }
}

/// The earliest time of a counted session held on `day` at or after `after`: `None` when
/// there is none, `Some(None)` when one has no time recorded (given the benefit of the
/// doubt). A scan of the sessions, made only for a request or deadline with a time of day.
fn first_time(
    e: &Engine<'_>,
    counts: &[SessionType],
    day: NaiveDate,
    after: Option<TimeOfDay>,
) -> Option<Option<TimeOfDay>> {
    let on_day = e.worker.sessions.iter().filter(|s| {
        s.date == day
            && s.cancelled.is_none()
            && counts.contains(&s.kind)
            && !matches!((s.time, after), (Some(t), Some(a)) if t < a)
    });
    on_day.map(|s| s.time).min()
}
