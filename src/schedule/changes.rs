//! A worker's dated history of role, hours and `fte` (`worker.changes`), so that the past is
//! not re-judged by today's role.
//!
//! # Reading
//! Each change `{from, role?, hours?, fte?}` states only what changes: from this date the
//! worker has this role, these hours, this `fte`; a field a change does not give stays as
//! before. Before the first change to give `hours` or `fte`, the worker worked full time (the
//! default of the worker's own fields), unless that change is dated `started`, which states
//! the values on starting. A role has no default: the first change to give a role also covers
//! the days from `started` to its date (nothing else says what role the worker had then). A
//! field no change gives is the worker's own throughout. The worker's own `role`, `hours` and
//! `fte` are the values in force after the last change: they may be left out when a change
//! gives them (the last change to give a field gives today's value), and when given they must
//! agree with it.
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
use crate::terms::{Hours, Who};
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

/// The worker's own role, hours and `fte` as given (each may be absent when a change gives
/// it).
pub(crate) struct Own<'a> {
    pub(crate) role: Option<&'a str>,
    pub(crate) hours: Option<Hours>,
    pub(crate) fte_thousandths: Option<u32>,
}

/// Reads `worker.changes`: each an object with `from` and at least one of `role`, `hours`,
/// `fte`; in date order, none before `started`. Gives the changes and today's values: the
/// worker's own where given (which must agree with the last change to give the field), else
/// the last change's, else the defaults (full time; a role is required).
pub(crate) fn read(
    list: Vec<(String, &Value<'_>)>,
    started: NaiveDate,
    own: &Own<'_>,
) -> Result<(Vec<Change>, String, Hours, Option<u32>)> {
    let mut changes: Vec<Change> = Vec::with_capacity(list.len());
    for (path, v) in list {
        let change = change(&path, v)?;
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
    let role_at = last(&|c| c.role.is_some());
    let hours_at = last(&|c| c.hours.is_some());
    let fte_at = last(&|c| c.fte_thousandths.is_some());
    let at = |i: Option<usize>| i.and_then(|i| changes.get(i));
    let role = match (own.role, at(role_at).and_then(|c| c.role.as_deref())) {
        (Some(r), _) | (None, Some(r)) => r.to_string(),
        (None, None) => {
            return Err(Error::bad_argument(
                "worker.role",
                "a string (it is missing)",
            ))
        }
    };
    let hours = own
        .hours
        .or(at(hours_at).and_then(|c| c.hours))
        .unwrap_or(Hours::FullTime);
    let fte = own
        .fte_thousandths
        .or(at(fte_at).and_then(|c| c.fte_thousandths));
    let mismatch = [
        role_at
            .filter(|_| at(role_at).and_then(|c| c.role.as_deref()) != Some(role.as_str()))
            .map(|i| (i, "role", "worker.role")),
        hours_at
            .filter(|_| at(hours_at).and_then(|c| c.hours) != Some(hours))
            .map(|i| (i, "hours", "worker.hours")),
        fte_at
            .filter(|_| {
                at(fte_at).and_then(|c| c.fte_thousandths).unwrap_or(1000) != fte.unwrap_or(1000)
            })
            .map(|i| (i, "fte", "worker.fte")),
    ];
    if let Some((i, field, own)) = mismatch.into_iter().flatten().next() {
        return Err(Error::bad_argument(
            format!("worker.changes[{i}].{field}"),
            format!(
                "the same value as {own} (or leave {own} out): the worker's own values are \
                 those in force after the last change"
            ),
        ));
    }
    Ok((changes, role, hours, fte))
}

/// One change: `{from, role?, hours?, fte?}`, giving at least one of the three.
fn change(path: &str, v: &Value) -> Result<Change> {
    let c = object(v, path)?;
    let change = Change {
        from: c.req_date("from")?,
        role: c
            .get("role")
            .map(|_| c.req_str("role"))
            .transpose()?
            .map(str::to_string),
        hours: super::supervisee::hours(&c)?,
        fte_thousandths: super::supervisee::fte(&c)?,
    };
    if change.role.is_none() && change.hours.is_none() && change.fte_thousandths.is_none() {
        return Err(Error::bad_argument(
            path,
            "a change giving \"role\", \"hours\" or \"fte\" (or more than one)",
        ));
    }
    Ok(change)
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
    /// else one from each change to the next, the first reaching back to the start, with an
    /// era of the values on starting before the first change when it is dated after the
    /// start (a change that leaves every value as it was continues the era before it).
    pub(crate) fn eras(&self) -> Vec<Era<'_>> {
        let mut who = self.who_on_starting();
        let changes = &self.supervisee.changes;
        let mut eras: Vec<Era<'_>> = Vec::with_capacity(changes.len().saturating_add(1));
        for (i, c) in changes.iter().enumerate() {
            if i == 0 && c.from > self.started {
                eras.push(Era {
                    from: None,
                    to: Some(c.from),
                    who,
                });
            }
            if let Some(r) = &c.role {
                who.role = r;
            }
            who.hours = c.hours.unwrap_or(who.hours);
            who.fte_thousandths = c.fte_thousandths.or(who.fte_thousandths);
            let to = changes.get(i.saturating_add(1)).map(|n| n.from);
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
                from: (!eras.is_empty()).then_some(c.from),
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

    /// The values on starting (see the module's *Reading*): full time where a change after
    /// the start first gives the hours or `fte`; the role of the first change to give one;
    /// else today's.
    fn who_on_starting(&self) -> Who<'_> {
        let mut who = self.who_now();
        let first = |f: fn(&Change) -> bool| self.supervisee.changes.iter().find(|c| f(c));
        if let Some(r) = first(|c| c.role.is_some()).and_then(|c| c.role.as_deref()) {
            who.role = r;
        }
        if first(|c| c.hours.is_some()).is_some_and(|c| c.from > self.started) {
            who.hours = Hours::FullTime;
        }
        if first(|c| c.fte_thousandths.is_some()).is_some_and(|c| c.from > self.started) {
            who.fte_thousandths = None;
        }
        who
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
        self.supervisee.who()
    }
}
