//! Policy durations: `"6 weeks"`, `"2 working days"`, `"1 month"`.

use super::arithmetic::{add_days, add_months, add_weeks, add_years, sub_months, sub_years};
use super::Calendar;
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// The unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Calendar days: `"5 days"`.
    Days,
    /// Working days in a [`Calendar`]: `"2 working days"`.
    WorkingDays,
    /// Weeks of seven calendar days: `"6 weeks"`.
    Weeks,
    /// Calendar months, the day clamped to the end of a shorter month: `"3 months"`.
    Months,
    /// Calendar years; 29 February becomes 28 February: `"1 year"`.
    Years,
    /// Hours, counted as whole calendar days rounded up (48 hours = 2 days, 25 hours = 2 days):
    /// `"48 hours"`.
    Hours,
}

impl Unit {
    /// The unit's singular and plural words.
    const fn words(self) -> (&'static str, &'static str) {
        match self {
            Unit::Days => ("day", "days"),
            Unit::WorkingDays => ("working day", "working days"),
            Unit::Weeks => ("week", "weeks"),
            Unit::Months => ("month", "months"),
            Unit::Years => ("year", "years"),
            Unit::Hours => ("hour", "hours"),
        }
    }

    /// Every unit, in the order the error message lists them.
    const ALL: [Unit; 6] = [
        Unit::Days,
        Unit::WorkingDays,
        Unit::Weeks,
        Unit::Months,
        Unit::Years,
        Unit::Hours,
    ];

    /// The unit named by `word` in either number (`"week"` or `"weeks"`).
    fn from_word(word: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| {
            let (one, many) = u.words();
            word == one || word == many
        })
    }
}

/// What was wrong with a duration given as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DurationErrorKind {
    /// Not of the form `"<n> <unit>"`: a number, one space, a unit.
    Format,
    /// The number is not a whole number from 1 to 1000 written in digits.
    Number,
    /// The unit is not one of the known units.
    Unit,
    /// Not a frequency in any form [`Duration::parse_frequency`] reads.
    Frequency,
}

/// A duration that could not be read.
///
/// Its message says what was expected and never repeats the text that was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DurationError {
    kind: DurationErrorKind,
}

impl DurationError {
    pub(super) const fn new(kind: DurationErrorKind) -> Self {
        DurationError { kind }
    }

    /// What kind of problem this is.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{Duration, DurationErrorKind};
    /// let err = Duration::parse("3 fortnights").unwrap_err();
    /// assert_eq!(err.kind(), DurationErrorKind::Unit);
    /// ```
    pub fn kind(&self) -> DurationErrorKind {
        self.kind
    }
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            DurationErrorKind::Format => {
                "expected a duration as \"<n> <unit>\", e.g. \"6 weeks\" or \"2 working days\""
            }
            DurationErrorKind::Number => {
                "expected the duration to start with a whole number from 1 to 1000, \
                 e.g. \"6 weeks\""
            }
            DurationErrorKind::Unit => {
                "expected the duration's unit to be one of day(s), working day(s), week(s), \
                 month(s), year(s), hour(s)"
            }
            DurationErrorKind::Frequency => {
                "expected a frequency such as \"weekly\", \"fortnightly\", \"monthly\", \
                 \"every 4 weeks\", \"six-weekly\", \"every six weeks\" or \"2 weeks\""
            }
        })
    }
}

impl std::error::Error for DurationError {}

/// A duration as the policy data writes it: `"<n> <unit>"`.
///
/// `n` is a whole number from 1 to 1000; the unit is one of `day(s)`, `working day(s)`,
/// `week(s)`, `month(s)`, `year(s)`, `hour(s)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    /// How many units, 1 to 1000 when read by [`Duration::parse`].
    pub n: u32,
    /// The unit.
    pub unit: Unit,
}

impl Duration {
    /// The largest number [`Duration::parse`] accepts.
    pub const MAX_N: u32 = 1000;

    /// Reads a duration written as `"<n> <unit>"`.
    ///
    /// Strict: `n` in ASCII digits without sign or leading zero, from 1 to 1000; exactly one
    /// space; the unit in lower case, singular or plural (`"1 week"`, `"6 weeks"`; the number of
    /// the word is not checked against `n`); nothing before or after.
    ///
    /// # Errors
    ///
    /// - [`DurationErrorKind::Format`] when there is no number followed by a space and a unit
    ///   (`""`, `"weekly"`, `"6  weeks"`, `" 6 weeks"`).
    /// - [`DurationErrorKind::Number`] when the number is not a whole number from 1 to 1000 in
    ///   digits (`"0 weeks"`, `"-3 weeks"`, `"three weeks"`, `"1.5 weeks"`, `"1001 days"`).
    /// - [`DurationErrorKind::Unit`] when the unit is unknown (`"3 fortnights"`, `"6 Weeks"`).
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{Duration, Unit};
    /// let d = Duration::parse("2 working days").unwrap();
    /// assert_eq!(d, Duration { n: 2, unit: Unit::WorkingDays });
    /// assert!(Duration::parse("0 weeks").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Duration, DurationError> {
        let (number, word) = s
            .split_once(' ')
            .ok_or(DurationError::new(DurationErrorKind::Format))?;
        if number.is_empty() || word.is_empty() || word.starts_with(' ') {
            return Err(DurationError::new(DurationErrorKind::Format));
        }
        let number_err = DurationError::new(DurationErrorKind::Number);
        if number.starts_with('0') || number.len() > 4 {
            return Err(number_err);
        }
        let n = super::date::digits(number.as_bytes()).ok_or(number_err)?;
        if !(1..=Self::MAX_N).contains(&n) {
            return Err(number_err);
        }
        let unit = Unit::from_word(word).ok_or(DurationError::new(DurationErrorKind::Unit))?;
        Ok(Duration { n, unit })
    }

    /// The date this duration after `d`.
    ///
    /// Days and weeks add calendar days (a week is seven); months and years clamp the day to the
    /// end of a shorter month (31 January + 1 month = 28 or 29 February); hours add whole days,
    /// rounded up (`"48 hours"` = 2 days, `"25 hours"` = 2 days); working days count forward in
    /// `cal` ([`Calendar::add_working_days`]: `d` itself is not counted).
    ///
    /// `None` if the result is outside the dates chrono can represent.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{parse_date, Calendar, Duration};
    /// let cal = Calendar::england_and_wales();
    /// let d = parse_date("2026-12-24").unwrap();
    /// let due = Duration::parse("2 working days").unwrap().after(d, &cal);
    /// assert_eq!(due, Some(parse_date("2026-12-30").unwrap()));
    /// let jan31 = parse_date("2026-01-31").unwrap();
    /// let due = Duration::parse("1 month").unwrap().after(jan31, &cal);
    /// assert_eq!(due, Some(parse_date("2026-02-28").unwrap()));
    /// ```
    pub fn after(&self, d: NaiveDate, cal: &Calendar) -> Option<NaiveDate> {
        match self.unit {
            Unit::Days => add_days(d, i64::from(self.n)),
            Unit::WorkingDays => cal.add_working_days(d, self.n),
            Unit::Weeks => add_weeks(d, self.n),
            Unit::Months => add_months(d, self.n),
            Unit::Years => add_years(d, self.n),
            Unit::Hours => add_days(d, i64::from(self.n.div_ceil(24))),
        }
    }

    /// The date this duration before `d`: the reverse of [`Duration::after`], with working days
    /// counted backwards in `cal` ([`Calendar::sub_working_days`]) and months and years clamped
    /// the same way (31 March − 1 month = 28 or 29 February).
    ///
    /// `None` if the result is outside the dates chrono can represent.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{parse_date, Calendar, Duration};
    /// let cal = Calendar::england_and_wales();
    /// let d = parse_date("2026-12-30").unwrap();
    /// let start = Duration::parse("2 working days").unwrap().before(d, &cal);
    /// assert_eq!(start, Some(parse_date("2026-12-24").unwrap()));
    /// ```
    pub fn before(&self, d: NaiveDate, cal: &Calendar) -> Option<NaiveDate> {
        match self.unit {
            Unit::Days => add_days(d, i64::from(self.n).checked_neg()?),
            Unit::WorkingDays => cal.sub_working_days(d, self.n),
            Unit::Weeks => add_days(d, i64::from(self.n).checked_mul(-7)?),
            Unit::Months => sub_months(d, self.n),
            Unit::Years => sub_years(d, self.n),
            Unit::Hours => add_days(d, i64::from(self.n.div_ceil(24)).checked_neg()?),
        }
    }

    /// The duration in its canonical words: `"6 weeks"`, `"1 month"`, `"2 working days"`.
    ///
    /// [`Duration::parse`] reads it back to the same duration.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{Duration, Unit};
    /// assert_eq!(Duration { n: 1, unit: Unit::WorkingDays }.describe(), "1 working day");
    /// assert_eq!(Duration::parse("6 week").unwrap().describe(), "6 weeks");
    /// ```
    pub fn describe(&self) -> String {
        let (one, many) = self.unit.words();
        let word = if self.n == 1 { one } else { many };
        let mut out = self.n.to_string();
        out.push(' ');
        out.push_str(word);
        out
    }
}

impl fmt::Display for Duration {
    /// Writes [`Duration::describe`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl FromStr for Duration {
    type Err = DurationError;

    /// Same as [`Duration::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Duration::parse(s)
    }
}
