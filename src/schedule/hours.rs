//! Deadlines in hours (`"24 hours"`) from an event that may carry a time of day
//! (`requests[i].time`, `contacts[i].time`, `sessions[i].time`).
//!
//! With a time, the hours run from it: a request at 15:00 on 3 March with 24 hours is due by
//! 15:00 on 4 March, so 4 March is the last day to meet it, and a session that day with a
//! later time is late. Without one, they run from the day's end (the end of 3 March), so the
//! deadline is the end of 4 March: whole days, rounded up, as a date-only history has always
//! been read. The reason says which.

use crate::calendar::{add_days, Calendar, Duration, TimeOfDay, Unit};
use crate::error::{Error, Result};
use crate::schedule::engine::{after, in_range};
use crate::words::long_date;
use chrono::NaiveDate;

/// A deadline `within` of an event on `date` (at `time` when recorded): the last day to meet
/// it, the time on that day when the hours ran from a time, and the words for a reason.
pub(crate) struct HourDeadline {
    /// The last day to meet it.
    pub(crate) due: NaiveDate,
    /// The time on `due` by which it is met, when the hours ran from a time of day.
    pub(crate) by: Option<TimeOfDay>,
}

impl HourDeadline {
    /// Works out the deadline: to the minute for hours from a time of day, else by
    /// [`Duration::after`].
    pub(crate) fn new(
        within: &Duration,
        date: NaiveDate,
        time: Option<TimeOfDay>,
        cal: &Calendar,
    ) -> Result<Self> {
        let Some(t) = time.filter(|_| within.unit == Unit::Hours) else {
            return Ok(HourDeadline {
                due: after(within, date, cal)?,
                by: None,
            });
        };
        let total = within.n.saturating_mul(60).saturating_add(t.minutes());
        let (days, at) = (total / 1440, total % 1440);
        // Exactly midnight is the end of the day before.
        let (days, by) = match at {
            0 => (days.saturating_sub(1), None),
            _ => (days, Some(TimeOfDay::of_minutes(at))),
        };
        let due = add_days(date, i64::from(days))
            .and_then(in_range)
            .ok_or(Error::DateOutOfRange)?;
        Ok(HourDeadline { due, by })
    }

    /// Whether a meeting on `date` (at `time` when recorded) came after the deadline; one on
    /// the last day with no time recorded is given the benefit of the doubt.
    pub(crate) fn missed(&self, date: NaiveDate, time: Option<TimeOfDay>) -> bool {
        date > self.due
            || (date == self.due && matches!((self.by, time), (Some(by), Some(t)) if t > by))
    }

    /// The sentence for a reason: when the hours ran from and to. `untimed` says it also
    /// when no time was recorded (an obligation's reason; a breach's message, which gives the
    /// deadline's day already, leaves it out).
    pub(crate) fn words(
        within: &Duration,
        time: Option<TimeOfDay>,
        due: &Self,
        untimed: bool,
    ) -> String {
        if within.unit != Unit::Hours || (time.is_none() && !untimed) {
            return String::new();
        }
        match (time, due.by) {
            (Some(t), Some(by)) => format!(
                " The {} run from {}: by {} on {}.",
                within.describe(),
                t.words(),
                by.words(),
                long_date(due.due)
            ),
            (Some(t), None) => format!(
                " The {} run from {}: by the end of {}.",
                within.describe(),
                t.words(),
                long_date(due.due)
            ),
            (None, _) => format!(
                " No time of day is recorded, so the {} run from the end of the day: by the \
                 end of {}.",
                within.describe(),
                long_date(due.due)
            ),
        }
    }
}
