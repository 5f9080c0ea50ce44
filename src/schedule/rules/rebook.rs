//! `rebook`: a cancelled session held again within a time.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Rule;
use crate::schedule::{CancelledBy, Session};
use crate::terms::{Cancelled, ObligationKind, Problems, RebookFrom, SessionType};
use crate::words::long_date;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A cancelled session held again within a time.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Rebook {
    /// The obligation it produces.
    pub obligation: ObligationKind,
    /// Session types that count as the rebooked session.
    pub counts: Vec<SessionType>,
    /// Which cancellations.
    pub cancelled: Cancelled,
    /// The deadline, as a time after the day it runs from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<Duration>,
    /// The deadline is the last day of the calendar month of the day it runs from ("should
    /// not wait until the following month"), instead of `within`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_month_end: bool,
    /// From when the deadline runs.
    pub after: RebookFrom,
}

impl crate::read::Read for Rebook {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, Rebook {
            obligation: "obligation",
            counts: "counts",
            cancelled: "cancelled",
            within: default "within",
            by_month_end: default "byMonthEnd",
            after: "after",
        }, allow)
    }
}

impl Rebook {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        problems.counts(path, &self.counts);
        problems.session_obligation(path, self.obligation);
        if self.within.is_some() == self.by_month_end {
            problems.push(
                path,
                "\"within\" (a duration) or \"byMonthEnd\": true, one of them",
            );
        }
    }

    /// The deadline for a session rebooked after `start`, and its words: "within 5 working
    /// days of", "by the end of the month of".
    fn deadline(&self, start: NaiveDate, e: &Engine<'_>) -> Result<(NaiveDate, String)> {
        match &self.within {
            Some(within) => Ok((
                after(within, start, e.cal)?,
                format!("within {} of", within.describe()),
            )),
            None => Ok((month_end(start)?, "by the end of the month of".to_string())),
        }
    }

    /// When the deadline runs from, and those words for a reason: the day the cancellation
    /// was made (`cancelledOn`, else the session's day), or the return to work.
    fn start(&self, e: &Engine<'_>, s: &Session) -> (NaiveDate, String) {
        let by = match s.cancelled_by {
            Some(CancelledBy::Worker) => " (cancelled by the worker)",
            Some(CancelledBy::Supervisor) => " (cancelled by the supervisor)",
            None => "",
        };
        match self.after {
            RebookFrom::Cancelled => match s.cancelled_on.filter(|d| *d < s.date) {
                Some(on) => (
                    on,
                    format!(
                        "the cancellation on {} of the session on {}{by}",
                        long_date(on),
                        long_date(s.date)
                    ),
                ),
                None => (
                    s.date,
                    format!(
                        "the cancellation of the session on {}{by}",
                        long_date(s.date)
                    ),
                ),
            },
            RebookFrom::Return => match e.return_after(s.date) {
                Some(back) => (
                    back,
                    format!("the return to work on {}{by}", long_date(back)),
                ),
                None => (
                    s.date,
                    format!(
                        "the cancelled session on {}{by} (no absence is recorded around it)",
                        long_date(s.date)
                    ),
                ),
            },
        }
    }
}

impl WorkerRule for Rebook {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let held = e.held(&self.counts);
        let worker = e.worker;
        let reason = match self.cancelled {
            Cancelled::Sickness => "sickness",
            Cancelled::Other => "another reason",
        };
        for (i, s) in worker.sessions.iter().enumerate() {
            if s.cancelled != Some(self.cancelled)
                || !self.counts.contains(&s.kind)
                || s.cancelled_on.unwrap_or(s.date) > e.as_of
            {
                continue;
            }
            let (start, phrase) = self.start(e, s);
            let (due, when) = self.deadline(start, e)?;
            // The replacement is the next session held after the cancellation was made.
            let made = s.cancelled_on.unwrap_or(s.date);
            match held.get(held.partition_point(|d| *d <= made)) {
                None => {
                    let why = format!("A session cancelled for {reason} is held {when} {phrase}.");
                    e.oblige(self.obligation, &worker.id, due, rule, &rule.source, why);
                }
                Some(d) if *d > due => {
                    let message = || {
                        format!(
                            "The session cancelled on {} was next held on {}, after the deadline \
                         of {}.",
                            long_date(s.date),
                            long_date(*d),
                            long_date(due)
                        )
                    };
                    e.breach(
                        s.date,
                        || format!("sessions[{i}]"),
                        Code::LateRebook,
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

/// The last day of `date`'s calendar month.
pub(crate) fn month_end(date: NaiveDate) -> Result<NaiveDate> {
    let first_of_next = date
        .with_day(1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)));
    first_of_next
        .and_then(|d| d.pred_opt())
        .ok_or(crate::error::Error::DateOutOfRange)
}
