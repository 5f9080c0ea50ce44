//! England & Wales bank holidays, computed from the rules in force each year, 1970–2100.
//!
//! The rules, year by year, are documented on [`bank_holidays`].

use chrono::{Datelike, NaiveDate, Weekday};
use std::sync::OnceLock;

/// The first year [`bank_holidays`] computes.
pub const FIRST_COMPUTED_YEAR: i32 = 1970;
/// The last year [`bank_holidays`] computes.
pub const LAST_COMPUTED_YEAR: i32 = 2100;

/// How many years [`bank_holidays`] computes: 1970 to 2100.
const COMPUTED_YEARS: usize = 131;
const _: () = assert!(LAST_COMPUTED_YEAR == FIRST_COMPUTED_YEAR + COMPUTED_YEARS as i32 - 1);

/// [`bank_holidays`] for `year`, computed once and kept: working-day arithmetic asks about
/// the same few years again and again (every write-up deadline of every session), and
/// computing the list each time was an allocation per day looked at. Empty outside
/// 1970–2100.
pub(super) fn computed(year: i32) -> &'static [NaiveDate] {
    static YEARS: [OnceLock<Vec<NaiveDate>>; COMPUTED_YEARS] =
        [const { OnceLock::new() }; COMPUTED_YEARS];
    let cell = year
        .checked_sub(FIRST_COMPUTED_YEAR)
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| YEARS.get(i));
    match cell {
        Some(cell) => cell.get_or_init(|| bank_holidays(year)),
        None => &[],
    }
}

/// One-off bank holidays in England & Wales, 1970 onwards, as (year, month, day).
const ONE_OFF: [(i32, u32, u32); 10] = [
    (1973, 11, 14),
    (1977, 6, 7),
    (1981, 7, 29),
    (1999, 12, 31),
    (2002, 6, 3),
    (2011, 4, 29),
    (2012, 6, 5),
    (2022, 6, 3),
    (2022, 9, 19),
    (2023, 5, 8),
];

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, also known as
/// Meeus/Jones/Butcher), for years 1583 to 9999; `None` outside.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "the year is checked to be 1583..=9999 first, so every intermediate value of \
              the computus lies between 0 and 9,999, far inside i32; the divisors are \
              non-zero constants"
)]
pub(super) fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The first Monday in `month`.
fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
}

/// The last Monday in a month of 31 days (May, August).
fn last_monday_of_31_day_month(year: i32, month: u32) -> Option<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(year, month, 31)?;
    super::arithmetic::add_days(
        last,
        i64::from(last.weekday().num_days_from_monday()).checked_neg()?,
    )
}

/// Whether a date is a Saturday or Sunday.
pub(super) fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// England & Wales bank holidays in `year`, sorted, as computed from the rules (the rules
/// and the exceptions year by year are below).
///
/// Computed for 1970 to 2100 ([`FIRST_COMPUTED_YEAR`] to [`LAST_COMPUTED_YEAR`]); for any other
/// year the list is empty (weekends are still not working days in a [`super::Calendar`]).
///
/// Each holiday is listed on the day it is taken: a substitute day replaces the weekend day it
/// stands for, so from 1972 every date is a weekday. In 1970 and 1971 Christmas and Boxing Day
/// stayed where they fell, so those lists hold a Saturday.
///
/// # The rules, and where the years differ
///
/// | holiday | rule |
/// |---|---|
/// | New Year's Day | 1 January, from 1974; on a weekend, the Monday after |
/// | Good Friday, Easter Monday | Easter Sunday − 2 and + 1 days (Gregorian computus) |
/// | Early May bank holiday | first Monday in May, from 1978; 8 May in 1995 and 2020 (VE Day) |
/// | Spring bank holiday | last Monday in May, except in four jubilee years (below) |
/// | Summer bank holiday | last Monday in August |
/// | Christmas Day, Boxing Day | 25 and 26 December, with substitute weekdays from 1972 (below) |
///
/// The spring bank holiday in jubilee years: Mon 6 June 1977, Tue 4 June 2002, Mon 4 June
/// 2012, Thu 2 June 2022.
///
/// Substitute days from 1972: Christmas on a Saturday gives Monday 27 and Tuesday 28 December;
/// on a Sunday, Boxing Day Monday 26 and Tuesday 27; Boxing Day on a Saturday gives Monday 28.
/// In 1970 and 1971 the holidays are kept on their days, as before the Banking and Financial
/// Dealings Act 1971 (Royal Assent 16 December 1971): Parliament was told in November 1970 that
/// the Christmas bank holidays would be "on the traditional days, 25th and 26th December", and
/// under the Bank Holidays Act 1871 only a Boxing Day on a Sunday moved, to 27 December. So the
/// lists for 1970 and 1971 hold Saturdays (26 December 1970, 25 December 1971), and 1971 has no
/// Tuesday 28 December (no record of a substitute for Christmas 1971 was found).
///
/// One-off bank holidays: 14 Nov 1973 (wedding of Princess Anne), 7 Jun 1977 (Silver Jubilee),
/// 29 Jul 1981 (wedding of the Prince of Wales), 31 Dec 1999 (Millennium), 3 Jun 2002 (Golden
/// Jubilee), 29 Apr 2011 (wedding of Prince William), 5 Jun 2012 (Diamond Jubilee), 3 Jun 2022
/// (Platinum Jubilee), 19 Sep 2022 (State Funeral of Queen Elizabeth II), 8 May 2023
/// (Coronation of King Charles III).
///
/// 1970 was the last year of the 1965–1970 trial of the spring and late-summer holidays; its
/// holidays are taken as the last Monday in May (25 May, not Whit Monday 18 May) and the last
/// Monday in August (31 August).
///
/// Years after the last published list use the standing rules; any future one-off holiday or
/// moved date is not known here. Load the published list ([`super::PublishedList`]) to use the
/// government's own dates for the years it covers.
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::{bank_holidays, format_date};
/// let days: Vec<String> = bank_holidays(2026).into_iter().map(format_date).collect();
/// assert_eq!(
///     days,
///     [
///         "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
///         "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
///     ]
/// );
/// assert!(bank_holidays(2101).is_empty());
/// ```
pub fn bank_holidays(year: i32) -> Vec<NaiveDate> {
    if !(FIRST_COMPUTED_YEAR..=LAST_COMPUTED_YEAR).contains(&year) {
        return Vec::new();
    }
    let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    let mut days: Vec<Option<NaiveDate>> = Vec::with_capacity(10);

    // New Year's Day, a bank holiday from 1974.
    if year >= 1974 {
        days.push(match ymd(1, 1).map(|d| d.weekday()) {
            Some(Weekday::Sat) => ymd(1, 3),
            Some(Weekday::Sun) => ymd(1, 2),
            _ => ymd(1, 1),
        });
    }

    // Good Friday and Easter Monday.
    let easter = easter_sunday(year);
    days.push(easter.and_then(|e| super::arithmetic::add_days(e, -2)));
    days.push(easter.and_then(|e| super::arithmetic::add_days(e, 1)));

    // Early May bank holiday, from 1978.
    if year >= 1978 {
        days.push(match year {
            1995 | 2020 => ymd(5, 8),
            _ => first_monday(year, 5),
        });
    }

    // Spring bank holiday.
    days.push(match year {
        1977 => ymd(6, 6),
        2002 => ymd(6, 4),
        2012 => ymd(6, 4),
        2022 => ymd(6, 2),
        _ => last_monday_of_31_day_month(year, 5),
    });

    // Summer bank holiday.
    days.push(last_monday_of_31_day_month(year, 8));

    // Christmas Day and Boxing Day.
    let christmas = ymd(12, 25).map(|d| d.weekday());
    if year <= 1971 {
        days.push(ymd(12, 25));
        days.push(match christmas {
            Some(Weekday::Sat) => ymd(12, 27),
            _ => ymd(12, 26),
        });
    } else {
        match christmas {
            Some(Weekday::Fri) => days.extend([ymd(12, 25), ymd(12, 28)]),
            Some(Weekday::Sat) => days.extend([ymd(12, 27), ymd(12, 28)]),
            Some(Weekday::Sun) => days.extend([ymd(12, 26), ymd(12, 27)]),
            _ => days.extend([ymd(12, 25), ymd(12, 26)]),
        }
    }

    // One-off bank holidays.
    days.extend(
        ONE_OFF
            .iter()
            .filter(|&&(y, _, _)| y == year)
            .map(|&(_, m, d)| ymd(m, d)),
    );

    let mut sorted = Vec::with_capacity(days.len());
    for d in days.into_iter().flatten() {
        insert_sorted(&mut sorted, d);
    }
    sorted
}

/// Adds `d` to dates kept in order, once. A year has at most 366 dates, and a sort's code
/// (~3.5 KB of the form page's `.wasm`, issue 20) is not needed for so few.
pub(crate) fn insert_sorted(days: &mut Vec<NaiveDate>, d: NaiveDate) {
    if let Err(i) = days.binary_search(&d) {
        days.insert(i, d);
    }
}
