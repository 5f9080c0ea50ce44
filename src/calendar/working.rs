//! Working days: weekends, bank holidays (computed or published) and closure days.

use super::arithmetic::add_days;
use super::holidays::{computed, is_weekend, FIRST_COMPUTED_YEAR, LAST_COMPUTED_YEAR};
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// The only division a [`PublishedList`] accepts.
const DIVISION: &str = "england-and-wales";

/// What was wrong with a published bank holiday list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PublishedListErrorKind {
    /// The list is for another division (`scotland`, `northern-ireland`).
    WrongDivision,
    /// The list has no events, so it would cover no year.
    NoEvents,
}

/// A published bank holiday list that could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublishedListError {
    kind: PublishedListErrorKind,
}

impl PublishedListError {
    /// What kind of problem this is.
    pub fn kind(&self) -> PublishedListErrorKind {
        self.kind
    }
}

impl fmt::Display for PublishedListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            PublishedListErrorKind::WrongDivision => {
                "expected the \"england-and-wales\" division of the published bank holiday list"
            }
            PublishedListErrorKind::NoEvents => {
                "expected the published bank holiday list to have at least one event"
            }
        })
    }
}

impl std::error::Error for PublishedListError {}

/// The England & Wales bank holidays as the government publishes them.
///
/// The published file (gov.uk's `bank-holidays.json`) has this shape:
///
/// ```json
/// { "england-and-wales": { "division": "england-and-wales",
///                          "events": [ { "title": "New Year’s Day", "date": "2026-01-01",
///                                        "notes": "", "bunting": true } ] },
///   "scotland": { "division": "scotland", "events": [] },
///   "northern-ireland": { "division": "northern-ireland", "events": [] } }
/// ```
///
/// The caller reads the JSON (the whole file, taking its `england-and-wales` member, or that
/// division object alone), reads each event's `date` with [`super::parse_date`], and passes
/// the division name and the dates to [`PublishedList::from_events`].
///
/// The list covers every year in which it has at least one event; for those years a
/// [`Calendar::with_published`] uses exactly its dates instead of the computed ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedList {
    years: Years,
}

/// Dates by year, in the years' order: a sorted list, not a `BTreeMap` (a page loads a
/// year or a few, and the map's code was ~3 KB gzipped of every `.wasm`: issue 20, stop 30).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Years(Vec<(i32, Vec<NaiveDate>)>);

impl Years {
    /// Where `year` is, or would go.
    fn at(&self, year: i32) -> Result<usize, usize> {
        self.0.binary_search_by_key(&year, |(y, _)| *y)
    }

    fn get(&self, year: i32) -> Option<&Vec<NaiveDate>> {
        let i = self.at(year).ok()?;
        self.0.get(i).map(|(_, days)| days)
    }

    fn contains(&self, year: i32) -> bool {
        self.at(year).is_ok()
    }

    /// The dates of `year`, an empty list put in first when it has none.
    fn entry(&mut self, year: i32) -> Option<&mut Vec<NaiveDate>> {
        let i = self.at(year).unwrap_or_else(|i| {
            self.0.insert(i, (year, Vec::new()));
            i
        });
        self.0.get_mut(i).map(|(_, days)| days)
    }

    /// `year`'s dates set to `days`, replacing any it had.
    fn set(&mut self, year: i32, days: Vec<NaiveDate>) {
        match self.at(year) {
            Ok(i) => {
                if let Some(at) = self.0.get_mut(i) {
                    at.1 = days;
                }
            }
            Err(i) => self.0.insert(i, (year, days)),
        }
    }

    /// The dates of the years from `first` to `last`, both included.
    fn range(&self, first: i32, last: i32) -> impl Iterator<Item = &Vec<NaiveDate>> {
        (self.0.iter())
            .filter(move |(y, _)| first <= *y && *y <= last)
            .map(|(_, days)| days)
    }
}

impl PublishedList {
    /// A list from its division name and its events' dates (in any order; repeats are merged).
    ///
    /// # Errors
    ///
    /// - [`PublishedListErrorKind::WrongDivision`] unless `division` is exactly
    ///   `"england-and-wales"`.
    /// - [`PublishedListErrorKind::NoEvents`] when there are no dates.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{parse_date, Calendar, PublishedList};
    /// let dates = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-12-25", "2026-12-28"];
    /// let list = PublishedList::from_events(
    ///     "england-and-wales",
    ///     dates.iter().map(|s| parse_date(s).unwrap()),
    /// )
    /// .unwrap();
    /// assert!(list.covers(2026));
    /// let cal = Calendar::england_and_wales().with_published(list);
    /// // 31 August 2026 is not in this (shortened) list, so it is a working day.
    /// assert!(cal.is_working_day(parse_date("2026-08-31").unwrap()));
    ///
    /// assert!(PublishedList::from_events("scotland", []).is_err());
    /// ```
    pub fn from_events(
        division: &str,
        events: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<PublishedList, PublishedListError> {
        if division != DIVISION {
            return Err(PublishedListError {
                kind: PublishedListErrorKind::WrongDivision,
            });
        }
        let mut years = Years::default();
        for d in events {
            if let Some(days) = years.entry(d.year()) {
                super::holidays::insert_sorted(days, d);
            }
        }
        if years.0.is_empty() {
            return Err(PublishedListError {
                kind: PublishedListErrorKind::NoEvents,
            });
        }
        Ok(PublishedList { years })
    }

    /// Whether the list covers `year` (has at least one event in it).
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(year)
    }

    /// The years the list covers, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.0.iter().map(|(year, _)| *year)
    }

    /// Every date in the list, in order.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.years.0.iter().flat_map(|(_, days)| days).copied()
    }
}

/// A working-day calendar: England & Wales bank holidays, weekends, and the caller's closure
/// days.
///
/// A day is a working day when it is a Monday to Friday, not a bank holiday, and not a closure
/// day. Bank holidays are computed year by year when asked for
/// ([`bank_holidays`](super::bank_holidays): 1970–2100, none outside), unless a
/// [`PublishedList`] loaded with [`Calendar::with_published`] covers the year, in which case
/// its dates are used instead.
///
/// Cheap to build: nothing is computed until a date is asked about (each year's computed
/// list is then kept for every calendar). `Calendar::default()` is
/// [`Calendar::england_and_wales`].
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::{parse_date, Calendar};
/// let cal = Calendar::england_and_wales()
///     .with_closures([parse_date("2026-12-29").unwrap()]);
/// let d = parse_date("2026-12-24").unwrap();
/// // 25 Dec (Christmas), 26–27 (weekend), 28 (Boxing Day substitute), 29 (closed).
/// assert_eq!(cal.add_working_days(d, 2), Some(parse_date("2026-12-31").unwrap()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Sorted, each day once.
    closures: Vec<NaiveDate>,
    published: Years,
}

impl Calendar {
    /// The England & Wales calendar: weekends and computed bank holidays, no closures, no
    /// published list.
    pub fn england_and_wales() -> Calendar {
        Calendar::default()
    }

    /// The same calendar with these days closed as well (added to any closures it already has).
    ///
    /// A closure day on a weekend or bank holiday changes nothing.
    pub fn with_closures(mut self, closures: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        self.closures.extend(closures);
        crate::sort::sort(&mut self.closures);
        self.closures.dedup();
        self
    }

    /// The same calendar with a published list's dates used, instead of the computed bank
    /// holidays, for every year the list covers. A later list replaces an earlier one for the
    /// years both cover.
    pub fn with_published(mut self, list: PublishedList) -> Calendar {
        for (year, days) in list.years.0 {
            self.published.set(year, days);
        }
        self
    }

    /// The bank holidays this calendar uses in `year`, sorted: the published list's where one
    /// is loaded for that year, else the computed [`bank_holidays`](super::bank_holidays)
    /// (empty outside 1970–2100). Closure days are not included.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{bank_holidays, Calendar};
    /// assert_eq!(Calendar::england_and_wales().bank_holidays(2027), bank_holidays(2027));
    /// ```
    pub fn bank_holidays(&self, year: i32) -> Vec<NaiveDate> {
        match self.published.get(year) {
            Some(days) => days.clone(),
            None => computed(year).to_vec(),
        }
    }

    /// Whether `d` is a bank holiday in this calendar.
    pub fn is_bank_holiday(&self, d: NaiveDate) -> bool {
        match self.published.get(d.year()) {
            Some(days) => days.binary_search(&d).is_ok(),
            None => computed(d.year()).binary_search(&d).is_ok(),
        }
    }

    /// Whether `d` is a closure day given to [`Calendar::with_closures`].
    pub fn is_closure(&self, d: NaiveDate) -> bool {
        self.closures.binary_search(&d).is_ok()
    }

    /// Whether `d` is a working day: Monday to Friday, not a bank holiday, not a closure day.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{parse_date, Calendar};
    /// let cal = Calendar::england_and_wales();
    /// assert!(!cal.is_working_day(parse_date("2026-12-28").unwrap())); // Boxing Day substitute
    /// assert!(cal.is_working_day(parse_date("2026-12-29").unwrap()));
    /// ```
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !is_weekend(d) && !self.is_closure(d) && !self.is_bank_holiday(d)
    }

    /// The `n`-th working day after `d` (`d` itself is not counted); `d` when `n` is 0.
    ///
    /// `None` if the result is outside the dates chrono can represent.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{parse_date, Calendar};
    /// let cal = Calendar::england_and_wales();
    /// let d = parse_date("2026-12-24").unwrap();
    /// // 25 Dec is Christmas (Friday), 28 Dec the Boxing Day substitute.
    /// assert_eq!(cal.add_working_days(d, 2), Some(parse_date("2026-12-30").unwrap()));
    /// assert_eq!(cal.add_working_days(d, 0), Some(d));
    /// ```
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut cur = d;
        let mut left = i64::from(n);
        // Jump whole weeks while far from the answer: 7k days hold at most 5k working days,
        // and 5k <= left - 5, so a jump never passes it.
        while left > 10 {
            let weeks = left.checked_sub(5)? / 5;
            let next = add_days(cur, weeks.checked_mul(7)?)?;
            left = left.checked_sub(self.working_days_between(cur, next))?;
            cur = next;
        }
        while left > 0 {
            cur = cur.succ_opt()?;
            if self.is_working_day(cur) {
                left = left.checked_sub(1)?;
            }
        }
        Some(cur)
    }

    /// The `n`-th working day before `d` (`d` itself is not counted); `d` when `n` is 0.
    ///
    /// `None` if the result is outside the dates chrono can represent.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{parse_date, Calendar};
    /// let cal = Calendar::england_and_wales();
    /// let d = parse_date("2026-12-30").unwrap();
    /// assert_eq!(cal.sub_working_days(d, 2), Some(parse_date("2026-12-24").unwrap()));
    /// ```
    pub fn sub_working_days(&self, d: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut cur = d;
        let mut left = i64::from(n);
        while left > 10 {
            let weeks = left.checked_sub(5)? / 5;
            let next = add_days(cur, weeks.checked_mul(-7)?)?;
            // The days passed over are [next, cur): (next, cur] less cur, plus next.
            let passed = self
                .working_days_between(next, cur)
                .checked_sub(i64::from(self.is_working_day(cur)))?
                .checked_add(i64::from(self.is_working_day(next)))?;
            left = left.checked_sub(passed)?;
            cur = next;
        }
        while left > 0 {
            cur = cur.pred_opt()?;
            if self.is_working_day(cur) {
                left = left.checked_sub(1)?;
            }
        }
        Some(cur)
    }

    /// The first working day strictly after `d`.
    ///
    /// `None` if it is outside the dates chrono can represent.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{parse_date, Calendar};
    /// let cal = Calendar::england_and_wales();
    /// let d = parse_date("2026-12-24").unwrap();
    /// assert_eq!(cal.next_working_day(d), Some(parse_date("2026-12-29").unwrap()));
    /// ```
    pub fn next_working_day(&self, d: NaiveDate) -> Option<NaiveDate> {
        self.add_working_days(d, 1)
    }

    /// How many working days there are in `(from, to]`: after `from`, up to and including
    /// `to`. 0 when `to` is not after `from`.
    ///
    /// For any count `n`, `working_days_between(d, add_working_days(d, n)) == n`.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{parse_date, Calendar};
    /// let cal = Calendar::england_and_wales();
    /// let from = parse_date("2026-12-24").unwrap();
    /// let to = parse_date("2026-12-31").unwrap();
    /// assert_eq!(cal.working_days_between(from, to), 3); // 29, 30, 31
    /// assert_eq!(cal.working_days_between(to, from), 0);
    /// ```
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "counts of days between two chrono dates are below 2^28 (chrono spans about \
                  ±262,000 years), far inside i64"
    )]
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to <= from {
            return 0;
        }
        // Days off within (from, to] on weekdays: bank holidays, then closures that are not
        // bank holidays as well.
        let mut off = 0i64;
        let mut visit = |h: NaiveDate| {
            if from < h && h <= to && !is_weekend(h) && !self.is_closure(h) {
                off += 1;
            }
        };
        let (y0, y1) = (from.year(), to.year());
        for days in self.published.range(y0, y1) {
            days.iter().copied().for_each(&mut visit);
        }
        for year in y0.max(FIRST_COMPUTED_YEAR)..=y1.min(LAST_COMPUTED_YEAR) {
            if !self.published.contains(year) {
                computed(year).iter().copied().for_each(&mut visit);
            }
        }
        off += self
            .closures
            .iter()
            .filter(|&&c| from < c && c <= to && !is_weekend(c))
            .fold(0i64, |n, _| n + 1);
        weekdays_between(from, to) - off
    }
}

/// How many Mondays to Fridays there are in `(from, to]`; 0 when `to` is not after `from`.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "day numbers of chrono dates are below 2^27 in magnitude, so their difference \
              and the counts made from it are far inside i64; the divisors are non-zero \
              constants"
)]
fn weekdays_between(from: NaiveDate, to: NaiveDate) -> i64 {
    let days = i64::from(to.num_days_from_ce()) - i64::from(from.num_days_from_ce());
    if days <= 0 {
        return 0;
    }
    let start = i64::from(from.weekday().num_days_from_monday());
    let tail = (1..=days % 7)
        .filter(|i| (start + i) % 7 < 5)
        .fold(0i64, |n, _| n + 1);
    (days / 7) * 5 + tail
}
