//! The supervisee: a worker's role, hours, shifts, `fte`, their dated history and
//! agreements, read in one place for the schedule (`Worker::from_json`) and for validation
//! (`validate`'s `options.worker`).

use super::agreements::{self, Agreement};
use super::changes::{self, Change};
use crate::error::Result;
use crate::input::Obj;
use crate::json::Json;
use crate::policy::Hours;
use chrono::NaiveDate;

/// What a rule's `when` and an agreed frequency read of a worker.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Supervisee {
    pub(crate) role: String,
    pub(crate) started: NaiveDate,
    pub(crate) hours: Hours,
    pub(crate) shifts_per_month: Option<u32>,
    pub(crate) fte_thousandths: Option<u32>,
    pub(crate) changes: Vec<Change>,
    pub(crate) agreement: Option<Agreement>,
    pub(crate) agreements: Vec<Agreement>,
}

impl Supervisee {
    /// Reads `{role, started, hours?, shiftsPerMonth?, fte?, changes?, agreement?,
    /// agreements?}` of a worker object.
    pub(crate) fn read(w: &Obj<'_, Json<'_>>) -> Result<Self> {
        let (agreement, agreements) = agreements::read(w)?;
        let started = w.req_date("started")?;
        let shifts_per_month = w.opt_u32("shiftsPerMonth", 0, 1000)?;
        let own = changes::Own {
            role: w.get("role").map(|_| w.req_str("role")).transpose()?,
            hours: w.opt_enum("hours", "\"full-time\" or \"part-time\"")?,
            fte_thousandths: w.opt_fraction("fte")?,
        };
        let (changes, role, hours, fte_thousandths) =
            changes::read(w.array("changes")?, started, &own)?;
        Ok(Supervisee {
            role,
            started,
            hours,
            shifts_per_month,
            fte_thousandths,
            changes,
            agreement,
            agreements,
        })
    }

    /// The frequency of the agreement in force on `date` (the latest when `None`).
    pub(crate) fn frequency_on(
        &self,
        date: Option<NaiveDate>,
    ) -> Option<crate::calendar::Duration> {
        let in_force = self
            .agreements
            .iter()
            .rev()
            .find(|a| date.is_none_or(|d| a.signed <= d));
        in_force.and_then(|a| a.frequency)
    }
}
