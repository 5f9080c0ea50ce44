//! `min-count`: at least so many counted sessions in any window.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems, SessionType};
use crate::words::{long_date, ordinal, plural, sessions_counted};
use chrono::NaiveDate;
use serde::Serialize;

/// At least `count` sessions in any window.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct MinCount {
    /// Session types that count.
    pub counts: Vec<SessionType>,
    /// How many.
    pub count: u32,
    /// In any window of this length.
    pub window: Duration,
}

impl crate::read::Read for MinCount {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            MinCount {
                counts: "counts",
                count: "count",
                window: "window",
            },
            allow
        )
    }
}

impl MinCount {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        problems.counts(path, &self.counts);
        problems.count(path, "count", self.count);
    }
}

impl WorkerRule for MinCount {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let held = e.held(&self.counts);
        let what = sessions_counted(&self.counts);
        let counted = Counted {
            path: "sessions",
            one: "session",
            many: "sessions",
            what,
        };
        too_few(e, rule, &held, self.count, &self.window, &counted);
        let (due, leaving) = next_short(e, &held, self.count, &self.window)?;
        let reason = match leaving {
            Some(d) => format!(
                "At least {} in any {} ({what}): the {} most recent, on {}, drops out of \
                 the window on this day; one more by then keeps the count at {}.",
                self.count,
                self.window.describe(),
                ordinal(self.count),
                long_date(d),
                self.count
            ),
            None => format!(
                "At least {} in any {} ({what}) from {}: fewer than {} held so far.",
                self.count,
                self.window.describe(),
                long_date(e.records_from()),
                self.count
            ),
        };
        let worker = e.worker;
        e.oblige(
            ObligationKind::Supervision,
            &worker.id,
            due,
            rule,
            &rule.source,
            reason,
        );
        Ok(None)
    }
}

/// What a window counts, in a breach's words.
pub(super) struct Counted<'w> {
    /// The breach's path: `sessions`, `observations`.
    pub path: &'w str,
    /// One of them: `session`.
    pub one: &'w str,
    /// More: `sessions`.
    pub many: &'w str,
    /// What the policy asks for: `case supervision`.
    pub what: &'w str,
}

/// A breach for each elapsed window with fewer than `count` of `held` (sorted dates).
///
/// Every window that has fully elapsed by `asOf` is judged, the one ending on `asOf`
/// included. The emptiest windows start at the start of the records (employment) or the day
/// after a session; each of those found short is reported, so an early shortfall does not
/// hide a later, overlapping one. Two windows holding the same sessions are reported once.
/// With `worker.changes`, a window is judged by the rules in force on its first day.
pub(super) fn too_few(
    e: &mut Engine<'_>,
    rule: &Rule,
    held: &[NaiveDate],
    count: u32,
    window: &Duration,
    counted: &Counted<'_>,
) {
    let first = e.records_from();
    let day_after = e.as_of.succ_opt().unwrap_or(e.as_of);
    let mut starts = vec![first];
    starts.extend(held.iter().filter_map(|d| d.succ_opt()));
    // The window that ends on asOf.
    starts.extend(window.before(day_after, e.cal));
    starts.retain(|s| *s >= first);
    crate::sort::sort(&mut starts);
    starts.dedup();
    let mut reported: Option<(usize, usize)> = None;
    for s in starts {
        let Some(end) = window.after(s, e.cal) else {
            continue;
        };
        // Only windows that have fully elapsed by asOf can be judged.
        if end > day_after {
            break;
        }
        // `held` is sorted: count by binary search, so long histories stay n·log n.
        let span = (
            held.partition_point(|d| *d < s),
            held.partition_point(|d| *d < end),
        );
        let n = span.1.saturating_sub(span.0);
        if n >= count as usize || reported == Some(span) {
            continue;
        }
        let last_day = end.pred_opt().unwrap_or(end);
        let found = match n {
            0 => format!("No {}", counted.many),
            _ => format!("Only {}", plural(n, counted.one, counted.many)),
        };
        let message = || {
            format!(
                "{found} between {} and {}: the policy asks for at least {count} in any {} ({}).",
                long_date(s),
                long_date(last_day),
                window.describe(),
                counted.what
            )
        };
        e.breach(
            s,
            || counted.path.to_string(),
            Code::MinCount,
            rule,
            message,
        );
        reported = Some(span);
    }
}

/// When the rolling count next falls short if no more sessions are held: the day the
/// `count`-th most recent session leaves the window (one more session by then keeps the
/// count), or, with fewer than `count` held since the records begin, the last day of the
/// first window.
fn next_short(
    e: &Engine<'_>,
    held: &[NaiveDate],
    count: u32,
    window: &Duration,
) -> Result<(NaiveDate, Option<NaiveDate>)> {
    let first = e.records_from();
    let since: Vec<NaiveDate> = held.iter().copied().filter(|d| *d >= first).collect();
    let nth = (count as usize)
        .checked_sub(1)
        .and_then(|k| since.len().checked_sub(1)?.checked_sub(k))
        .and_then(|i| since.get(i).copied());
    match nth {
        Some(d) => Ok((after(window, d, e.cal)?, Some(d))),
        None => {
            let end = after(window, first, e.cal)?;
            Ok((end.pred_opt().unwrap_or(end), None))
        }
    }
}
