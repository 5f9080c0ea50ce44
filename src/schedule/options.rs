//! The schedule's options: the day judged, the notice, the calendar, which breaches.

use crate::calendar::Calendar;
use crate::error::{Error, Result};
use crate::input::{date, object};
use crate::json::Json as Value;
use chrono::NaiveDate;

/// Options for [`schedule`](crate::schedule::schedule).
#[derive(Debug, Clone)]
pub struct ScheduleOptions {
    /// The day the schedule is worked out for.
    pub as_of: NaiveDate,
    /// Obligations due within this many days are `due-soon`.
    pub due_soon_days: u32,
    /// The working-day calendar: weekends, bank holidays, closures.
    pub calendar: Calendar,
    /// Which of the history's breaches the schedule carries.
    pub breaches: Breaches,
    /// The first day the history is complete, when the records begin after the start in
    /// post: nothing before it is judged or counted, and first deadlines count from it.
    pub records_from: Option<NaiveDate>,
}

/// Which of the history's breaches a schedule carries (`options.breaches`): an audit needs
/// them all; a dashboard that shows what is due needs none, and its result is then a
/// quarter of the size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Breaches {
    /// Every breach, with its sentence (the default).
    #[default]
    All,
    /// None: `breaches` is empty.
    None,
    /// Only the runs: breaches repeated period after period, each with its `run`
    /// (`docs/finding-codes.md`, *Runs*), for a team view that shows what keeps happening.
    Runs,
}

impl ScheduleOptions {
    /// Options for `as_of` with the defaults: 7 days' notice, England & Wales calendar.
    pub fn new(as_of: NaiveDate) -> Self {
        ScheduleOptions {
            as_of,
            due_soon_days: 7,
            calendar: Calendar::england_and_wales(),
            breaches: Breaches::All,
            records_from: None,
        }
    }

    /// [`ScheduleOptions::from_json`] over the value read borrowed (the JS boundary's).
    pub(crate) fn read(v: &Value<'_>, calendar: Calendar) -> Result<Self> {
        let o = object(v, "options")?;
        let as_of = o.req_date("asOf")?;
        let due_soon_days = o.opt_u32("dueSoonDays", 0, 366)?.unwrap_or(7);
        let closures = o
            .array("closures")?
            .into_iter()
            .map(|(path, v)| date(v, &path))
            .collect::<Result<Vec<_>>>()?;
        let breaches = o
            .opt_enum("breaches", "\"all\", \"none\" or \"runs\"")?
            .unwrap_or_default();
        let records_from = o.opt_date("recordsFrom")?;
        if records_from.is_some_and(|d| d > as_of) {
            return Err(Error::bad_argument(
                "options.recordsFrom",
                "a date on or before \"asOf\" (records cannot start after the day judged)",
            ));
        }
        Ok(ScheduleOptions {
            as_of,
            due_soon_days,
            calendar: calendar.with_closures(closures),
            breaches,
            records_from,
        })
    }
}
