//! A worker's supervision agreements over time (`worker.agreements`, or the one
//! `worker.agreement`): each signed on a day, each with the frequency it agrees.
//!
//! An agreement is in force from the day it was signed until the next is signed; a gap in the
//! history opened on a day is judged by the frequency of the agreement in force that day (an
//! agreement that agrees no frequency leaves the policy's own interval in force). The review
//! of the agreement (`agreement-review`) is of the latest.

use crate::calendar::Duration;
use crate::error::{Error, Result};
use crate::input::Obj;
use crate::json::Json;
use chrono::NaiveDate;

/// A supervision agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agreement {
    /// When it was signed.
    pub signed: NaiveDate,
    /// When the worker's supervisor last changed.
    pub supervisor_changed: Option<NaiveDate>,
    /// The frequency of supervision it agrees (`"fortnightly"`, `"2 weeks"`), for the
    /// cadences whose policy lets an agreement set it (`agreedUpTo`), from the day it was
    /// signed.
    pub frequency: Option<Duration>,
}

impl Agreement {
    /// An agreed frequency given without its agreement (`validate`'s and `attach`'s loose
    /// `frequency` option): signed before any day, so in force on every one.
    pub fn undated(frequency: Duration) -> Self {
        Agreement {
            signed: NaiveDate::MIN,
            supervisor_changed: None,
            frequency: Some(frequency),
        }
    }
}

/// One agreement: `{signed, supervisorChanged?, frequency?}`.
fn agreement(a: &Obj<'_, Json<'_>>) -> Result<Agreement> {
    Ok(Agreement {
        signed: a.req_date("signed")?,
        supervisor_changed: a.opt_date("supervisorChanged")?,
        frequency: a.opt_frequency("frequency")?,
    })
}

/// Reads `worker.agreement` (one) or `worker.agreements` (several, in the order signed), not
/// both: the whole list, in the order signed (the one agreement is a list of one).
pub(crate) fn read(w: &Obj<'_, Json<'_>>) -> Result<Vec<Agreement>> {
    let one = w.opt_object("agreement")?;
    let list = w.array("agreements")?;
    if one.is_some() && !list.is_empty() {
        return Err(Error::bad_argument(
            "worker.agreements",
            "either \"agreement\" (one) or \"agreements\" (several), not both",
        ));
    }
    if let Some(a) = one {
        return Ok(vec![agreement(&a)?]);
    }
    let mut all: Vec<Agreement> = Vec::with_capacity(list.len());
    for (path, v) in list {
        let a = agreement(&crate::input::object(v, &path)?)?;
        if all.last().is_some_and(|b| b.signed >= a.signed) {
            return Err(Error::bad_argument(
                format!("{path}.signed"),
                "a date after the agreement before it (agreements in the order signed)",
            ));
        }
        all.push(a);
    }
    Ok(all)
}
