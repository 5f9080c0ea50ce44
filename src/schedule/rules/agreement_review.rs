//! `agreement-review`: the supervision agreement reviewed, and re-signed after a change of
//! supervisor.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::error::Result;
use crate::policy::{ObligationKind, Problems, Rule};
use crate::schedule::engine::{after, Engine};
use crate::schedule::Agreement;
use crate::words::long_date;
use chrono::NaiveDate;
use serde::Serialize;

/// The supervision agreement reviewed.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct AgreementReview {
    /// Review interval from the last signature.
    pub every: Duration,
    /// When no agreement is recorded: due this long after `started`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Duration>,
    /// Re-signed within this of a change of supervisor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_change_of_supervisor: Option<Duration>,
}

impl crate::policy::Read for AgreementReview {
    fn read(j: &mut crate::policy::Json<'_>) -> Option<Self> {
        crate::policy::read_fields!(j, AgreementReview {
            every: "every",
            first: default "first",
            on_change_of_supervisor: default "onChangeOfSupervisor",
        }, allow)
    }
}

impl AgreementReview {
    pub(crate) fn check(&self, _rule: &Rule, _path: &str, _problems: &mut Problems) {}

    /// The next review of a signed agreement, and why.
    fn review(&self, e: &Engine<'_>, a: Agreement) -> Result<(NaiveDate, String)> {
        let annual = after(&self.every, a.signed, e.cal)?;
        let changed = match (a.supervisor_changed, &self.on_change_of_supervisor) {
            (Some(c), Some(within)) if c > a.signed => Some((after(within, c, e.cal)?, c, within)),
            _ => None,
        };
        Ok(match changed {
            Some((due, c, within)) if due < annual => (
                due,
                format!(
                    "The supervisor changed on {}: the agreement is re-signed within {} of the \
                     change.",
                    long_date(c),
                    within.describe()
                ),
            ),
            _ => (
                annual,
                format!(
                    "The agreement signed on {} is reviewed within {} of signing.",
                    long_date(a.signed),
                    self.every.describe()
                ),
            ),
        })
    }

    /// The first agreement, when none is recorded, and why.
    fn first_agreement(&self, e: &Engine<'_>) -> Result<(NaiveDate, String)> {
        let started = e.records_from();
        Ok(match &self.first {
            Some(f) => (
                after(f, started, e.cal)?,
                format!(
                    "No supervision agreement is recorded: the first is due within {} of {}.",
                    f.describe(),
                    e.since_start()
                ),
            ),
            None => (
                started,
                format!(
                    "No supervision agreement is recorded: one is due from {}.",
                    e.since_start()
                ),
            ),
        })
    }
}

impl WorkerRule for AgreementReview {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let (due, reason) = match e.worker.agreement {
            Some(a) => self.review(e, a)?,
            None => self.first_agreement(e)?,
        };
        let worker = e.worker;
        let kind = ObligationKind::AgreementReview;
        e.oblige(kind, &worker.id, due, rule, &rule.source, reason);
        Ok(None)
    }
}
