//! `milestone`: reviews at fixed points from one of the worker's dates (ASYE reviews, PDRs),
//! then at an interval. A series tied to a period (the ASYE year) ends: with `until` (and an
//! optional `grace`), once `asOf` is past the period and its grace a milestone not met is a
//! `missed-milestone` breach in the history, no longer an obligation.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Rule;
use crate::terms::{Anchor, ObligationKind, Problems};
use crate::words::long_date;
use chrono::NaiveDate;
use serde::Serialize;

/// Reviews at fixed points from a worker's date.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    /// `asye-review` or `pdr`.
    pub obligation: ObligationKind,
    /// From which date.
    pub from: Anchor,
    /// When each falls due.
    pub at: Vec<Duration>,
    /// What each is called.
    pub labels: Vec<String>,
    /// After the last, repeat at this interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Duration>,
    /// The period the reviews belong to, from `from` (the ASYE year): none falls due after
    /// it and its `grace`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Duration>,
    /// How long after `until` a review not yet held is still asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace: Option<Duration>,
}

impl crate::read::Read for Milestone {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, Milestone {
            obligation: "obligation",
            from: "from",
            at: "at",
            labels: "labels",
            every: default "every",
            until: default "until",
            grace: default "grace",
        }, allow)
    }
}

impl Milestone {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        if !matches!(
            self.obligation,
            ObligationKind::AsyeReview | ObligationKind::Pdr
        ) {
            problems.push(format!("{path}.obligation"), "asye-review or pdr");
        }
        if self.at.is_empty() {
            problems.push(format!("{path}.at"), "at least one duration");
        }
        if self.at.len() != self.labels.len() {
            problems.push(
                format!("{path}.labels"),
                "one label for each entry of \"at\"",
            );
        }
        for (j, l) in self.labels.iter().enumerate() {
            problems.text(format!("{path}.labels[{j}]"), l);
        }
        if self.grace.is_some() && self.until.is_none() {
            problems.push(format!("{path}.until"), "the period the grace follows");
        }
    }

    /// The last day a review of the series is asked for: `until` then `grace` after `start`.
    fn closes(&self, start: NaiveDate, e: &Engine<'_>) -> Result<Option<NaiveDate>> {
        let Some(until) = &self.until else {
            return Ok(None);
        };
        let end = after(until, start, e.cal)?;
        Ok(Some(match &self.grace {
            Some(g) => after(g, end, e.cal)?,
            None => end,
        }))
    }

    /// Once the series has closed, each milestone not met (`dues` from index `met`) is a
    /// `missed-milestone` breach.
    fn missed(
        &self,
        rule: &Rule,
        e: &mut Engine<'_>,
        dues: &[NaiveDate],
        met: usize,
        closes: NaiveDate,
    ) {
        for (due, label) in dues.iter().zip(&self.labels).skip(met) {
            let message = || {
                format!(
                "{label}, due by {}, was not recorded by {}, when the reviews stopped falling due.",
                long_date(*due),
                long_date(closes)
            )
            };
            e.breach(
                *due,
                || "reviews".to_string(),
                Code::MissedMilestone,
                rule,
                message,
            );
        }
    }

    /// The reviews of this kind held since `start`, sorted, each day once.
    fn held(&self, e: &Engine<'_>, start: NaiveDate) -> Vec<NaiveDate> {
        let mut reviews: Vec<NaiveDate> = e
            .worker
            .reviews
            .iter()
            .filter(|r| r.kind == self.obligation && r.date >= start && r.date <= e.as_of)
            .map(|r| r.date)
            .collect();
        crate::sort::sort(&mut reviews);
        reviews.dedup();
        reviews
    }
}

impl WorkerRule for Milestone {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let Some(start) = e.anchor(self.from) else {
            return Ok(None);
        };
        // Milestones due before the records begin are taken as met outside them.
        let dues = self
            .at
            .iter()
            .map(|offset| after(offset, start, e.cal))
            .collect::<Result<Vec<_>>>()?;
        let before_records = dues.iter().filter(|d| **d < e.records_from()).count();
        let reviews = self.held(e, start.max(e.history_from()));
        if let Some(closes) = self.closes(start, e)?.filter(|c| *c < e.as_of) {
            let met = before_records.saturating_add(reviews.len());
            self.missed(rule, e, &dues, met, closes);
            return Ok(None);
        }
        let worker = e.worker;
        // The k-th review held satisfies the k-th milestone.
        let next = self
            .at
            .iter()
            .zip(&self.labels)
            .skip(before_records)
            .nth(reviews.len());
        let (due, reason) = match (next, &self.every, reviews.last()) {
            (Some((offset, label)), _, _) => (
                after(offset, start, e.cal)?,
                format!(
                    "{label}: {} after {} on {}.",
                    offset.describe(),
                    self.from.describe(),
                    long_date(start)
                ),
            ),
            (None, Some(every), Some(last)) => (
                after(every, *last, e.cal)?,
                format!(
                    "{} every {}: the last was on {}.",
                    self.labels.last().map_or("Review", String::as_str),
                    every.describe(),
                    long_date(*last)
                ),
            ),
            (None, Some(every), None) => (
                after(every, e.records_from(), e.cal)?,
                format!(
                    "{} every {}: none is recorded since {}.",
                    self.labels.last().map_or("Review", String::as_str),
                    every.describe(),
                    e.since_start()
                ),
            ),
            (None, None, _) => return Ok(None),
        };
        e.oblige(self.obligation, &worker.id, due, rule, &rule.source, reason);
        Ok(None)
    }
}
