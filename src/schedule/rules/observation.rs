//! `observation`: observation of practice at an interval, and at least so many in a window.

use super::min_count::{too_few, Counted};
use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems};
use crate::words::long_date;
use chrono::NaiveDate;
use serde::Serialize;

/// Observation of practice.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// Interval from the last observation.
    pub every: Duration,
    /// At least this many…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// …in any window of this length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Duration>,
}

impl crate::read::Read for Observation {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, Observation {
            every: "every",
            count: default "count",
            window: default "window",
        }, allow)
    }
}

impl Observation {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        if let Some(n) = self.count {
            problems.count(path, "count", n);
        }
        if self.count.is_some() != self.window.is_some() {
            problems.push(path, "\"count\" and \"window\" together, or neither");
        }
    }
}

impl WorkerRule for Observation {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let worker = e.worker;
        let mut held: Vec<NaiveDate> = worker
            .observations
            .iter()
            .copied()
            .filter(|d| *d <= e.as_of && *d >= e.history_from())
            .collect();
        crate::sort::sort(&mut held);
        held.dedup();
        let every = self.every.describe();
        let (due, reason) = match held.last() {
            Some(last) => (
                after(&self.every, *last, e.cal)?,
                format!(
                    "Observation of practice every {every}: the last was on {}.",
                    long_date(*last)
                ),
            ),
            None => (
                after(&self.every, e.records_from(), e.cal)?,
                format!(
                    "Observation of practice every {every}: none is recorded since {}.",
                    e.since_start()
                ),
            ),
        };
        let kind = ObligationKind::Observation;
        e.oblige(kind, &worker.id, due, rule, &rule.source, reason);
        if let (Some(n), Some(w)) = (self.count, &self.window) {
            let counted = Counted {
                path: "observations",
                one: "observation",
                many: "observations",
                what: "observation of practice",
            };
            too_few(e, rule, &held, n, w, &counted);
        }
        Ok(None)
    }
}
