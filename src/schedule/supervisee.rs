//! The supervisee: who the rules are chosen for and counted by — role, hours, shifts, `fte`,
//! their dated history and their supervision agreements. One type, read in one place: the
//! schedule's worker ([`Worker::supervisee`](super::Worker)), `validate`'s options (its
//! `worker` option, or the loose `role`, `hours`, `shiftsPerMonth`, `fte` and `frequency`)
//! and the widget's options (the same loose keys) all hold a [`Supervisee`] read here, and
//! the role is checked against a policy by one function ([`has_role`]).

use super::agreements::{self, Agreement};
use super::changes::{self, Change};
use crate::calendar::Duration;
use crate::error::{Error, Result};
use crate::input::Obj;
use crate::json::Json;
use crate::terms::Role;
use crate::terms::{Hours, Who};
use chrono::NaiveDate;

/// The role `validate` assumes when its options give none.
const DEFAULT_ROLE: &str = "social-worker";

/// The options of `validate` and `attach` that give the supervisee loose (`validate`'s
/// `worker` stands in for them all).
pub(crate) const LOOSE: [&str; 5] = ["role", "hours", "shiftsPerMonth", "fte", "frequency"];

/// Who is supervised, as the rules choose and count: role, hours, shifts, `fte` and
/// agreements.
///
/// The schedule reads it from the worker (`Worker::from_json`); validation from its options
/// ([`ValidateOptions::from_json`](crate::validate::ValidateOptions::from_json)), where what
/// is not said stays unsaid (`None`) so that a finding can say what it assumed.
#[derive(Debug, Clone, PartialEq)]
pub struct Supervisee {
    /// A role id of the policy (`validate`'s default: `social-worker`).
    pub role: String,
    /// Full-time or part-time. A worker's are full-time unless said otherwise (read as
    /// `Some`); `None` in `validate`'s options when not given: full time is assumed, and a
    /// finding that depends on it says so.
    pub hours: Option<Hours>,
    /// Shifts a month, for shift-based staff.
    pub shifts_per_month: Option<u32>,
    /// Working time as a fraction of full time, in thousandths (`fte` 0.6 → 600), for rules
    /// that scale pro rata; full time when absent.
    pub fte_thousandths: Option<u32>,
    /// The dated history of the role, hours and `fte`, in date order: the own `role`,
    /// `hours` and `fte` are the values after the last change. Each gap in a worker's history
    /// is judged by the cadence rules chosen with the values in force on the day that opens
    /// it (see [`Change`]); validation reads today's values only.
    pub changes: Vec<Change>,
    /// Every supervision agreement, in the order signed (the one `agreement` when only it is
    /// given): each sets the agreed frequency from the day it was signed. `validate`'s loose
    /// `frequency` is an agreement with no date ([`Agreement::undated`]).
    pub agreements: Vec<Agreement>,
}

impl Default for Supervisee {
    /// `validate`'s supervisee when its options say nothing: a social worker, nothing else
    /// known.
    fn default() -> Self {
        Supervisee {
            role: DEFAULT_ROLE.to_string(),
            hours: None,
            shifts_per_month: None,
            fte_thousandths: None,
            changes: Vec::new(),
            agreements: Vec::new(),
        }
    }
}

impl Supervisee {
    /// Reads a worker object's `{role, started, hours?, shiftsPerMonth?, fte?, changes?,
    /// agreement?, agreements?}`: the supervisee, and the start in post their changes are
    /// dated against.
    pub(crate) fn read(w: &Obj<'_, Json<'_>>) -> Result<(NaiveDate, Self)> {
        let agreements = agreements::read(w)?;
        let started = w.req_date("started")?;
        let shifts_per_month = shifts(w)?;
        let own = changes::Own {
            role: w.get("role").map(|_| w.req_str("role")).transpose()?,
            hours: hours(w)?,
            fte_thousandths: fte(w)?,
        };
        let (changes, role, hours, fte_thousandths) =
            changes::read(w.array("changes")?, started, &own)?;
        let who = Supervisee {
            role,
            hours: Some(hours),
            shifts_per_month,
            fte_thousandths,
            changes,
            agreements,
        };
        Ok((started, who))
    }

    /// Reads the loose options of `validate` and `attach` (`hours?`, `shiftsPerMonth?`,
    /// `fte?`, `frequency?`, with `role`, read first by [`Supervisee::loose_role`]): what is
    /// not given stays unsaid, and the role is `social-worker` unless given.
    pub(crate) fn read_loose(o: &Obj<'_, Json<'_>>, role: Option<String>) -> Result<Self> {
        Ok(Supervisee {
            role: role.unwrap_or_else(|| DEFAULT_ROLE.to_string()),
            hours: hours(o)?,
            shifts_per_month: shifts(o)?,
            fte_thousandths: fte(o)?,
            changes: Vec::new(),
            agreements: o
                .opt_frequency("frequency")?
                .map(Agreement::undated)
                .into_iter()
                .collect(),
        })
    }

    /// The loose `role` option (`options.role`): a string, when given.
    pub(crate) fn loose_role(o: &Obj<'_, Json<'_>>) -> Result<Option<String>> {
        match o.get("role") {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.to_string())),
            Some(_) => Err(Error::bad_argument("options.role", "a role id as a string")),
        }
    }

    /// Today's values (after the last change), as a rule's `when` sees them.
    pub(crate) fn who(&self) -> Who<'_> {
        Who {
            role: &self.role,
            hours: self.hours.unwrap_or(Hours::FullTime),
            shifts_per_month: self.shifts_per_month,
            fte_thousandths: self.fte_thousandths,
        }
    }

    /// The latest agreement (the one whose review is due).
    pub fn agreement(&self) -> Option<&Agreement> {
        self.agreements.last()
    }

    /// The agreement in force on `date`: the latest signed on or before it (the latest of
    /// all when `None`).
    pub(crate) fn agreement_on(&self, date: Option<NaiveDate>) -> Option<&Agreement> {
        let Some(date) = date else {
            return self.agreement();
        };
        // In the order signed (checked on reading): a search, not a scan per gap.
        let signed = self.agreements.partition_point(|a| a.signed <= date);
        signed.checked_sub(1).and_then(|i| self.agreements.get(i))
    }

    /// The frequency of the agreement in force on `date` (the latest when `None`).
    pub(crate) fn frequency_on(&self, date: Option<NaiveDate>) -> Option<Duration> {
        self.agreement_on(date).and_then(|a| a.frequency)
    }
}

/// Whether `role` is one of the policy's role ids: the one check of a supervisee's role, for
/// the schedule, `validate` and the widget.
pub(crate) fn has_role(roles: &[Role], role: &str) -> bool {
    roles.iter().any(|r| r.id == role)
}

/// `role` as one of the policy's role ids, or an error at `path` listing them.
pub(crate) fn known_role(roles: &[Role], role: &str, path: &str) -> Result<()> {
    if has_role(roles, role) {
        return Ok(());
    }
    let ids: Vec<String> = roles.iter().map(|r| format!("\"{}\"", r.id)).collect();
    Err(Error::bad_argument(
        path,
        format!("one of this policy's role ids: {}", ids.join(", ")),
    ))
}

/// `hours`: `"full-time"` or `"part-time"`, of a worker, a change or `validate`'s options.
pub(crate) fn hours(o: &Obj<'_, Json<'_>>) -> Result<Option<Hours>> {
    o.opt_enum("hours", "\"full-time\" or \"part-time\"")
}

/// `fte`: a fraction of full time, in thousandths.
pub(crate) fn fte(o: &Obj<'_, Json<'_>>) -> Result<Option<u32>> {
    o.opt_fraction("fte")
}

/// `shiftsPerMonth`: a whole number of shifts.
fn shifts(o: &Obj<'_, Json<'_>>) -> Result<Option<u32>> {
    o.opt_u32("shiftsPerMonth", 0, 1000)
}
