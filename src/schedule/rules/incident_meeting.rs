//! `incident-meeting`: after a serious incident involving a child on the worker's caseload,
//! the supervisor meets the worker, the same day or within a time.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems};
use crate::words::long_date;
use serde::Serialize;

/// Each incident in `worker.incidents` followed by a meeting with the worker.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct IncidentMeeting {
    /// The deadline after the supervisor was notified; absent, the same day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<Duration>,
}

impl crate::read::Read for IncidentMeeting {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, IncidentMeeting {
            within: default "within",
        }, allow)
    }
}

impl IncidentMeeting {
    pub(crate) fn check(&self, _rule: &Rule, _path: &str, _problems: &mut Problems) {}

    /// "the same day" or "within 2 working days".
    fn deadline(&self) -> String {
        match &self.within {
            None => "the same day".to_string(),
            Some(d) => format!("within {}", d.describe()),
        }
    }
}

impl WorkerRule for IncidentMeeting {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let worker = e.worker;
        for (i, incident) in worker.incidents.iter().enumerate() {
            if incident.date > e.as_of || incident.date < e.records_from() {
                continue;
            }
            let due = match &self.within {
                None => incident.date,
                Some(d) => after(d, incident.date, e.cal)?,
            };
            let what = format!(
                "The serious incident notified on {}",
                long_date(incident.date)
            );
            match incident
                .met
                .filter(|m| incident.date <= *m && *m <= e.as_of)
            {
                None => {
                    let reason = format!(
                        "{what}: the supervisor meets the worker {}.",
                        self.deadline()
                    );
                    let kind = ObligationKind::IncidentMeeting;
                    e.oblige(kind, &worker.id, due, rule, &rule.source, reason);
                }
                Some(m) if m > due => {
                    let message = || {
                        format!(
                            "{what}: the supervisor met the worker on {}, after the deadline of \
                         {} ({}).",
                            long_date(m),
                            long_date(due),
                            self.deadline()
                        )
                    };
                    let path = || format!("incidents[{i}].met");
                    e.breach(
                        incident.date,
                        path,
                        Code::LateIncidentMeeting,
                        rule,
                        message,
                    );
                }
                Some(_) => {}
            }
        }
        Ok(None)
    }
}
