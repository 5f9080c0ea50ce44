//! `agreement-review`: the supervision agreement reviewed, and re-signed after a change of
//! supervisor.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Agreement;
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems};
use crate::words::long_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which part of the rule set a date: `None` for the review interval itself.
type Part = Option<ReadingPart>;

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
    /// The parts of a stated rule whose limits are ours (`"first"`, `"onChangeOfSupervisor"`):
    /// the clause sets the review interval but no time for these, and the rule's `reading`
    /// says why. What they give rests on that reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reading_for: Vec<ReadingPart>,
}

/// A part of an `agreement-review` rule whose limit is a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReadingPart {
    /// The first agreement's deadline.
    First,
    /// The re-signing after a change of supervisor.
    OnChangeOfSupervisor,
}

impl crate::read::Read for ReadingPart {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::by_name(j)
    }
}

impl crate::read::Read for AgreementReview {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, AgreementReview {
            every: "every",
            first: default "first",
            on_change_of_supervisor: default "onChangeOfSupervisor",
            reading_for: default "readingFor",
        }, allow)
    }
}

impl AgreementReview {
    pub(crate) fn check(&self, rule: &Rule, path: &str, problems: &mut Problems) {
        for (i, part) in self.reading_for.iter().enumerate() {
            let set = match part {
                ReadingPart::First => self.first.is_some(),
                ReadingPart::OnChangeOfSupervisor => self.on_change_of_supervisor.is_some(),
            };
            if !set {
                problems.push(
                    format!("{path}.readingFor[{i}]"),
                    "a part the rule sets (\"first\" or \"onChangeOfSupervisor\")",
                );
            }
        }
        if !self.reading_for.is_empty() && rule.reading.is_none() {
            problems.push(
                path,
                "the key \"reading\" with \"readingFor\": why those limits are ours",
            );
        }
    }

    /// `rule` as it stands for `part`: resting on its reading when the part is one of
    /// `readingFor`.
    fn for_part(&self, rule: &Rule, part: Option<ReadingPart>) -> Rule {
        let mut r = rule.clone();
        if part.is_some_and(|p| self.reading_for.contains(&p)) {
            r.basis = crate::terms::Basis::Reading;
        }
        r
    }

    /// The next review of a signed agreement, and why.
    fn review(&self, e: &Engine<'_>, a: Agreement) -> Result<(NaiveDate, String, Part)> {
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
                Some(ReadingPart::OnChangeOfSupervisor),
            ),
            _ => (
                annual,
                format!(
                    "The agreement signed on {} is reviewed within {} of signing.",
                    long_date(a.signed),
                    self.every.describe()
                ),
                None,
            ),
        })
    }

    /// The first agreement, when none is recorded, and why.
    fn first_agreement(&self, e: &Engine<'_>) -> Result<(NaiveDate, String, Part)> {
        let started = e.records_from();
        Ok(match &self.first {
            Some(f) => (
                after(f, started, e.cal)?,
                format!(
                    "No supervision agreement is recorded: the first is due within {} of {}.",
                    f.describe(),
                    e.since_start()
                ),
                Some(ReadingPart::First),
            ),
            None => (
                started,
                format!(
                    "No supervision agreement is recorded: one is due from {}.",
                    e.since_start()
                ),
                None,
            ),
        })
    }
}

impl WorkerRule for AgreementReview {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let (due, reason, part) = match e.worker.supervisee.agreement().copied() {
            Some(a) => self.review(e, a)?,
            None => self.first_agreement(e)?,
        };
        let worker = e.worker;
        let kind = ObligationKind::AgreementReview;
        let rule = &self.for_part(rule, part);
        e.oblige(kind, &worker.id, due, rule, &rule.source, reason);
        Ok(None)
    }
}
