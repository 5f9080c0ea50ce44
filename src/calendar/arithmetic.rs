//! Calendar arithmetic on [`NaiveDate`]: days, weeks, months and years, each `None` past
//! the dates chrono can represent; months and years clamp the day to the end of a shorter
//! month.

use chrono::{Days, Months, NaiveDate};

/// `d` plus `n` calendar days (`n` may be negative).
///
/// `None` if the result is outside the dates chrono can represent.
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::{add_days, parse_date};
/// let d = parse_date("2026-12-30").unwrap();
/// assert_eq!(add_days(d, 3), Some(parse_date("2027-01-02").unwrap()));
/// assert_eq!(add_days(d, -30), Some(parse_date("2026-11-30").unwrap()));
/// ```
pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let days = Days::new(n.unsigned_abs());
    if n >= 0 {
        d.checked_add_days(days)
    } else {
        d.checked_sub_days(days)
    }
}

/// `d` plus `n` weeks of seven calendar days.
///
/// `None` if the result is outside the dates chrono can represent.
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::{add_weeks, parse_date};
/// let d = parse_date("2026-12-21").unwrap();
/// assert_eq!(add_weeks(d, 2), Some(parse_date("2027-01-04").unwrap()));
/// ```
pub fn add_weeks(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(u64::from(n).checked_mul(7)?))
}

/// `d` plus `n` calendar months, the day clamped to the end of a shorter month.
///
/// `None` if the result is outside the dates chrono can represent.
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::{add_months, parse_date};
/// let d = parse_date("2026-01-31").unwrap();
/// assert_eq!(add_months(d, 1), Some(parse_date("2026-02-28").unwrap()));
/// let d = parse_date("2024-01-31").unwrap();
/// assert_eq!(add_months(d, 1), Some(parse_date("2024-02-29").unwrap()));
/// ```
pub fn add_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(n))
}

/// `d` minus `n` calendar months, the day clamped to the end of a shorter month.
///
/// `None` if the result is outside the dates chrono can represent.
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::{parse_date, sub_months};
/// let d = parse_date("2026-03-31").unwrap();
/// assert_eq!(sub_months(d, 1), Some(parse_date("2026-02-28").unwrap()));
/// ```
pub fn sub_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_sub_months(Months::new(n))
}

/// `d` plus `n` years; 29 February becomes 28 February in a year that is not a leap year.
///
/// `None` if the result is outside the dates chrono can represent.
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::{add_years, parse_date};
/// let d = parse_date("2024-02-29").unwrap();
/// assert_eq!(add_years(d, 1), Some(parse_date("2025-02-28").unwrap()));
/// assert_eq!(add_years(d, 4), Some(parse_date("2028-02-29").unwrap()));
/// ```
pub fn add_years(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(n.checked_mul(12)?))
}

/// `d` minus `n` years; 29 February becomes 28 February in a year that is not a leap year.
///
/// `None` if the result is outside the dates chrono can represent.
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::{parse_date, sub_years};
/// let d = parse_date("2024-02-29").unwrap();
/// assert_eq!(sub_years(d, 1), Some(parse_date("2023-02-28").unwrap()));
/// ```
pub fn sub_years(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_sub_months(Months::new(n.checked_mul(12)?))
}
