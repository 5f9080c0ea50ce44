//! `min-count`: at least so many counted sessions in any window.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::error::Result;
use crate::policy::{Problems, Rule, SessionType};
use crate::schedule::engine::Engine;
use crate::words::{long_date, plural, sessions_counted};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// At least `count` sessions in any window.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MinCount {
    /// Session types that count.
    pub counts: Vec<SessionType>,
    /// How many.
    pub count: u32,
    /// In any window of this length.
    pub window: Duration,
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
pub(super) fn too_few(
    e: &mut Engine<'_>,
    rule: &Rule,
    held: &[NaiveDate],
    count: u32,
    window: &Duration,
    counted: &Counted<'_>,
) {
    // The emptiest windows start at the start of employment or the day after a session.
    let mut starts = vec![e.worker.started];
    starts.extend(held.iter().filter_map(|d| d.succ_opt()));
    let mut reported_until: Option<NaiveDate> = None;
    for s in starts {
        if s < e.worker.started || reported_until.is_some_and(|u| s < u) {
            continue;
        }
        let Some(end) = window.after(s, e.cal) else {
            continue;
        };
        // Only windows that have fully elapsed by asOf can be judged.
        if end > e.as_of.succ_opt().unwrap_or(e.as_of) {
            break;
        }
        // `held` is sorted: count by binary search, so long histories stay n·log n.
        let n = held
            .partition_point(|d| *d < end)
            .saturating_sub(held.partition_point(|d| *d < s));
        if n < count as usize {
            let last_day = end.pred_opt().unwrap_or(end);
            let found = match n {
                0 => format!("No {}", counted.many),
                _ => format!("Only {}", plural(n, counted.one, counted.many)),
            };
            let message = format!(
                "{found} between {} and {}: the policy asks for at least {count} in any {} ({}).",
                long_date(s),
                long_date(last_day),
                window.describe(),
                counted.what
            );
            e.breach(counted.path.to_string(), "min-count", rule, message);
            reported_until = Some(end);
        }
    }
}
