//! TEMPORARY STUB — replaced by the full calendar module.
#![allow(missing_docs)]
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::collections::BTreeSet;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateErrorKind {
    Format,
    NotACalendarDate,
    OutOfRange,
    TimeFormat,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    kind: DateErrorKind,
}
impl DateError {
    pub fn kind(&self) -> DateErrorKind {
        self.kind
    }
}
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            DateErrorKind::Format => write!(f, "expected a date as YYYY-MM-DD"),
            DateErrorKind::NotACalendarDate => write!(f, "not a real calendar date"),
            DateErrorKind::OutOfRange => write!(f, "date out of range"),
            DateErrorKind::TimeFormat => write!(f, "expected a time as HH:MM"),
        }
    }
}
impl std::error::Error for DateError {}

pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(DateError {
            kind: DateErrorKind::Format,
        });
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        s.get(r)?.bytes().try_fold(0u32, |a, c| {
            if c.is_ascii_digit() {
                Some(a * 10 + (c - b'0') as u32)
            } else {
                None
            }
        })
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return Err(DateError {
            kind: DateErrorKind::Format,
        });
    };
    if y == 0 {
        return Err(DateError {
            kind: DateErrorKind::OutOfRange,
        });
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(DateError {
        kind: DateErrorKind::NotACalendarDate,
    })
}
pub fn format_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}
pub fn parse_time(s: &str) -> Result<(u32, u32), DateError> {
    let e = DateError {
        kind: DateErrorKind::TimeFormat,
    };
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return Err(e);
    }
    let h: u32 = s[0..2].parse().map_err(|_| e.clone())?;
    let m: u32 = s[3..5].parse().map_err(|_| e.clone())?;
    if h > 23 || m > 59 {
        return Err(e);
    }
    Ok((h, m))
}
pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}
pub fn add_weeks(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(7 * n as u64))
}
pub fn add_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(n))
}
pub fn sub_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_sub_months(Months::new(n))
}
pub fn add_years(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(12 * n))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Days,
    WorkingDays,
    Weeks,
    Months,
    Years,
    Hours,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub n: u32,
    pub unit: Unit,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError;
impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected a duration like \"4 weeks\": a whole number from 1 to 1000, then day(s), working day(s), week(s), month(s), year(s) or hour(s)")
    }
}
impl std::error::Error for DurationError {}
impl Duration {
    pub fn parse(s: &str) -> Result<Duration, DurationError> {
        let (n, rest) = s.split_once(' ').ok_or(DurationError)?;
        if !n.bytes().all(|c| c.is_ascii_digit()) {
            return Err(DurationError);
        }
        let n: u32 = n.parse().map_err(|_| DurationError)?;
        if n == 0 || n > 1000 {
            return Err(DurationError);
        }
        let unit = match rest {
            "day" | "days" => Unit::Days,
            "working day" | "working days" => Unit::WorkingDays,
            "week" | "weeks" => Unit::Weeks,
            "month" | "months" => Unit::Months,
            "year" | "years" => Unit::Years,
            "hour" | "hours" => Unit::Hours,
            _ => return Err(DurationError),
        };
        Ok(Duration { n, unit })
    }
    pub fn after(&self, d: NaiveDate, cal: &Calendar) -> Option<NaiveDate> {
        match self.unit {
            Unit::Days => add_days(d, self.n as i64),
            Unit::WorkingDays => cal.add_working_days(d, self.n),
            Unit::Weeks => add_weeks(d, self.n),
            Unit::Months => add_months(d, self.n),
            Unit::Years => add_years(d, self.n),
            Unit::Hours => add_days(d, self.n.div_ceil(24) as i64),
        }
    }
    pub fn before(&self, d: NaiveDate, cal: &Calendar) -> Option<NaiveDate> {
        match self.unit {
            Unit::Days => add_days(d, -(self.n as i64)),
            Unit::WorkingDays => cal.sub_working_days(d, self.n),
            Unit::Weeks => add_days(d, -7 * self.n as i64),
            Unit::Months => sub_months(d, self.n),
            Unit::Years => sub_months(d, 12 * self.n),
            Unit::Hours => add_days(d, -(self.n.div_ceil(24) as i64)),
        }
    }
    pub fn describe(&self) -> String {
        let (s, p) = match self.unit {
            Unit::Days => ("day", "days"),
            Unit::WorkingDays => ("working day", "working days"),
            Unit::Weeks => ("week", "weeks"),
            Unit::Months => ("month", "months"),
            Unit::Years => ("year", "years"),
            Unit::Hours => ("hour", "hours"),
        };
        format!("{} {}", self.n, if self.n == 1 { s } else { p })
    }
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    closures: BTreeSet<NaiveDate>,
}
#[derive(Debug, Clone)]
pub struct PublishedList {
    dates: BTreeSet<NaiveDate>,
}
impl PublishedList {
    pub fn from_events(
        division: &str,
        events: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<PublishedList, DateError> {
        let _ = division;
        Ok(PublishedList {
            dates: events.into_iter().collect(),
        })
    }
}
impl Calendar {
    pub fn england_and_wales() -> Calendar {
        Calendar::default()
    }
    pub fn with_closures(mut self, c: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        self.closures.extend(c);
        self
    }
    pub fn with_published(self, _l: PublishedList) -> Calendar {
        self
    }
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            && !self.closures.contains(&d)
            && !bank_holidays(d.year()).contains(&d)
    }
    pub fn add_working_days(&self, mut d: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut k = 0;
        while k < n {
            d = d.succ_opt()?;
            if self.is_working_day(d) {
                k += 1;
            }
        }
        Some(d)
    }
    pub fn sub_working_days(&self, mut d: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut k = 0;
        while k < n {
            d = d.pred_opt()?;
            if self.is_working_day(d) {
                k += 1;
            }
        }
        Some(d)
    }
    pub fn next_working_day(&self, d: NaiveDate) -> Option<NaiveDate> {
        self.add_working_days(d, 1)
    }
    pub fn bank_holidays(&self, year: i32) -> Vec<NaiveDate> {
        bank_holidays(year)
    }
}
pub fn bank_holidays(year: i32) -> Vec<NaiveDate> {
    if year == 2026 {
        [
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-05-04",
            "2026-05-25",
            "2026-08-31",
            "2026-12-25",
            "2026-12-28",
        ]
        .iter()
        .filter_map(|s| parse_date(s).ok())
        .collect()
    } else {
        vec![]
    }
}
