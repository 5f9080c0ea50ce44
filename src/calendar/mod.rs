//! Dates, durations and working days for supervision policies.
//!
//! Everything here works on [`chrono::NaiveDate`] and is pure: no clock, no time zone, no
//! allocation beyond the small vectors the functions return. Dates are read and written as
//! ISO `YYYY-MM-DD` by hand (chrono's formatting and parsing are left out to keep the
//! WebAssembly build small).
//!
//! - [`parse_date`], [`format_date`], [`parse_time`]: strict text forms.
//! - [`add_days`], [`add_weeks`], [`add_months`], [`sub_months`], [`add_years`], [`sub_years`]:
//!   calendar arithmetic; months and years clamp the day to the end of a shorter month.
//! - [`Duration`]: a policy interval such as `"6 weeks"` or `"2 working days"`.
//! - [`Calendar`]: working days in England and Wales (weekends, bank holidays, the caller's
//!   closure days), with [`bank_holidays`] computed for 1970–2100 and [`PublishedList`] to load
//!   the published list instead.
//!
//! No function panics and no error message repeats the text it was given: the inputs can be
//! records about children.

mod arithmetic;
mod date;
mod duration;
mod frequency;
mod holidays;
mod time;
mod working;

pub use arithmetic::{add_days, add_months, add_weeks, add_years, sub_months, sub_years};
pub use date::{format_date, parse_date, parse_time, DateError, DateErrorKind};
pub use duration::{Duration, DurationError, DurationErrorKind, Unit};
pub use holidays::{bank_holidays, FIRST_COMPUTED_YEAR, LAST_COMPUTED_YEAR};
pub use time::TimeOfDay;
pub use working::{Calendar, PublishedList, PublishedListError, PublishedListErrorKind};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
