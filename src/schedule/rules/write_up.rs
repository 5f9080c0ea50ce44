//! `write-up`: each held session's record written up within a time.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems, SessionType};
use crate::words::{capitalise, long_date};
use serde::Serialize;

/// Each held session written up within a time.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct WriteUp {
    /// Session types whose record this is.
    pub counts: Vec<SessionType>,
    /// The deadline after the session.
    pub within: Duration,
    /// What is written up, e.g. "case supervision record".
    pub what: String,
}

impl crate::read::Read for WriteUp {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            WriteUp {
                counts: "counts",
                within: "within",
                what: "what",
            },
            allow
        )
    }
}

impl WriteUp {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        problems.counts(path, &self.counts);
        problems.text(format!("{path}.what"), &self.what);
    }
}

impl WorkerRule for WriteUp {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let (what, within, worker) = (capitalise(&self.what), &self.within, e.worker);
        for (i, s) in worker.sessions.iter().enumerate() {
            if s.cancelled.is_some() || !self.counts.contains(&s.kind) || s.date > e.as_of {
                continue;
            }
            let due = after(within, s.date, e.cal)?;
            let session = long_date(s.date);
            match s.recorded {
                None => {
                    let reason = format!(
                        "{what} for the session on {session}: due within {} of it.",
                        within.describe()
                    );
                    let id = &worker.id;
                    e.oblige(ObligationKind::WriteUp, id, due, rule, &rule.source, reason);
                }
                Some(r) if r > due => {
                    let message = || {
                        format!(
                            "{what} for the session on {session}: written up on {}, after the \
                         deadline of {} ({} after the session).",
                            long_date(r),
                            long_date(due),
                            within.describe()
                        )
                    };
                    let path = || format!("sessions[{i}].recorded");
                    e.breach(s.date, path, Code::LateWriteUp, rule, message);
                }
                Some(_) => {}
            }
        }
        Ok(None)
    }
}
