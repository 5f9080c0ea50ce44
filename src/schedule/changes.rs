//! A worker's dated history of role, hours and `fte` (`worker.changes`), so that the past is
//! not re-judged by today's role.
//!
//! # Reading
//! Each change `{from, role?, hours?, fte?}` says: from this date the worker has this role,
//! these hours, this `fte`; a field a change does not give stays as before. The first change
//! also covers the days from `started` to its date (nothing else says what the worker had
//! then), and a field it does not give is today's. The worker's own `role`, `hours` and `fte`
//! are the values in force after the last change, so the last change to give a field must
//! give today's value.
//!
//! The schedule judges each gap or duty in the history by the rules selected with the values
//! in force on the day it opened (see `Engine::breach` for each kind's day): a gap that was
//! late under the old cadence is still reported after the change, and a gap opened after it
//! is judged by the new rules. A rule a change brought in counts from the change. The next
//! due dates are worked out with the values in force on `asOf`.

use super::Worker;
use crate::error::{Error, Result};
use crate::input::object;
use crate::json::Json as Value;
use crate::policy::{Hours, Who};
use chrono::NaiveDate;

/// From a date, the worker's role, hours or `fte` (fields not given stay as before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The first day the change is in force.
    pub from: NaiveDate,
    /// The role from that day, when it changed.
    pub role: Option<String>,
    /// The hours from that day, when they changed.
    pub hours: Option<Hours>,
    /// The `fte` from that day, in thousandths, when it changed.
    pub fte_thousandths: Option<u32>,
}

/// A span of days, `[from, to)`, with the values in force throughout (`None` is unbounded).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Era<'a> {
    pub(crate) from: Option<NaiveDate>,
    pub(crate) to: Option<NaiveDate>,
    pub(crate) who: Who<'a>,
}

impl Era<'_> {
    /// Whether `date` falls in the era.
    pub(crate) fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date < t)
    }
}

/// Reads `worker.changes`: each an object with `from` and at least one of `role`, `hours`,
/// `fte`; in date order, none before `started`; the last change to give a field gives the
/// worker's own value of it.
pub(crate) fn read(
    list: Vec<(String, &Value<'_>)>,
    started: NaiveDate,
    now: &Who<'_>,
) -> Result<Vec<Change>> {
    let mut changes: Vec<Change> = Vec::with_capacity(list.len());
    for (path, v) in list {
        let c = object(v, &path)?;
        let change = Change {
            from: c.req_date("from")?,
            role: c
                .get("role")
                .map(|_| c.req_str("role"))
                .transpose()?
                .map(str::to_string),
            hours: c.opt_enum("hours", "\"full-time\" or \"part-time\"")?,
            fte_thousandths: c.opt_fraction("fte")?,
        };
        if change.role.is_none() && change.hours.is_none() && change.fte_thousandths.is_none() {
            return Err(Error::bad_argument(
                path,
                "a change giving \"role\", \"hours\" or \"fte\" (or more than one)",
            ));
        }
        let in_order = match changes.last() {
            Some(before) => change.from > before.from,
            None => change.from >= started,
        };
        if !in_order {
            return Err(Error::bad_argument(
                format!("{path}.from"),
                "a date on or after \"started\" and after the change before it",
            ));
        }
        changes.push(change);
    }
    let last = |f: &dyn Fn(&Change) -> bool| changes.iter().rposition(f);
    let mismatch = [
        last(&|c| c.role.is_some())
            .filter(|&i| changes.get(i).and_then(|c| c.role.as_deref()) != Some(now.role))
            .map(|i| (i, "role", "worker.role")),
        last(&|c| c.hours.is_some())
            .filter(|&i| changes.get(i).and_then(|c| c.hours) != Some(now.hours))
            .map(|i| (i, "hours", "worker.hours (full-time when not given)")),
        last(&|c| c.fte_thousandths.is_some())
            .filter(|&i| {
                changes
                    .get(i)
                    .and_then(|c| c.fte_thousandths)
                    .unwrap_or(1000)
                    != now.fte_thousandths.unwrap_or(1000)
            })
            .map(|i| (i, "fte", "worker.fte (1 when not given)")),
    ];
    if let Some((i, field, own)) = mismatch.into_iter().flatten().next() {
        return Err(Error::bad_argument(
            format!("worker.changes[{i}].{field}"),
            format!(
                "the same value as {own}: the worker's own values are those in force after \
                 the last change"
            ),
        ));
    }
    Ok(changes)
}

/// Whether two eras' values choose the same rules and the same cadences.
fn same(a: &Who<'_>, b: &Who<'_>) -> bool {
    a.role == b.role
        && a.hours == b.hours
        && a.shifts_per_month == b.shifts_per_month
        && a.fte_thousandths == b.fte_thousandths
}

impl Worker {
    /// The worker's eras: one unbounded era with today's values when there are no changes;
    /// else one from each change to the next, the first reaching back to the start (a change
    /// that leaves every value as it was continues the era before it).
    pub(crate) fn eras(&self) -> Vec<Era<'_>> {
        let mut who = self.who_now();
        let mut eras = Vec::with_capacity(self.changes.len().max(1));
        for (i, c) in self.changes.iter().enumerate() {
            if let Some(r) = &c.role {
                who.role = r;
            }
            who.hours = c.hours.unwrap_or(who.hours);
            who.fte_thousandths = c.fte_thousandths.or(who.fte_thousandths);
            let to = self.changes.get(i.saturating_add(1)).map(|n| n.from);
            // A change that changes nothing continues the era before it (so a thousand of
            // them cost what one era does).
            if let Some(last) = eras
                .last_mut()
                .filter(|e: &&mut Era<'_>| same(&e.who, &who))
            {
                last.to = to;
                continue;
            }
            eras.push(Era {
                from: (i > 0).then_some(c.from),
                to,
                who,
            });
        }
        if eras.is_empty() {
            eras.push(Era {
                from: None,
                to: None,
                who,
            });
        }
        eras
    }

    /// The era in force on `date`.
    pub(crate) fn era_on(&self, date: NaiveDate) -> Era<'_> {
        self.eras()
            .into_iter()
            .find(|e| e.contains(date))
            .unwrap_or(Era {
                from: None,
                to: None,
                who: self.who_now(),
            })
    }

    /// The worker's own (today's) values, as a rule's `when` sees them.
    pub(crate) fn who_now(&self) -> Who<'_> {
        Who {
            role: &self.role,
            hours: self.hours,
            shifts_per_month: self.shifts_per_month,
            fte_thousandths: self.fte_thousandths,
        }
    }
}
