//! Dates and times as text: ISO `YYYY-MM-DD` and `HH:MM`, read strictly and written by hand
//! (chrono's formatting and parsing are left out to keep the WebAssembly build small).

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// What was wrong with a date or time given as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateErrorKind {
    /// Not of the form `YYYY-MM-DD` (four, two and two ASCII digits joined by `-`).
    Format,
    /// The right form, but no such day: `2026-02-30`, `2026-13-01`.
    NotACalendarDate,
    /// The right form, but a year outside 0001–9999 (that is, `0000`).
    OutOfRange,
    /// Not a time of the form `HH:MM` from `00:00` to `23:59`.
    TimeFormat,
}

/// A date or time that could not be read.
///
/// Its message says what was expected and never repeats the text that was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateError {
    kind: DateErrorKind,
}

impl DateError {
    const fn new(kind: DateErrorKind) -> Self {
        DateError { kind }
    }

    /// What kind of problem this is.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{parse_date, DateErrorKind};
    /// let err = parse_date("2026-02-30").unwrap_err();
    /// assert_eq!(err.kind(), DateErrorKind::NotACalendarDate);
    /// ```
    pub fn kind(&self) -> DateErrorKind {
        self.kind
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            DateErrorKind::Format => "expected a date as YYYY-MM-DD",
            DateErrorKind::NotACalendarDate => "not a real calendar date",
            DateErrorKind::OutOfRange => "expected a date with a year from 0001 to 9999",
            DateErrorKind::TimeFormat => "expected a time as HH:MM, from 00:00 to 23:59",
        })
    }
}

impl std::error::Error for DateError {}

/// The value of a run of ASCII digits, or `None` if any byte is not a digit.
pub(super) fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, &b| {
        // A digit's value by subtraction (`to_digit` was a call per byte: a caseload's
        // dates are hundreds of thousands of bytes).
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        acc.checked_mul(10)?.checked_add(u32::from(digit))
    })
}

/// Reads a date written as ISO `YYYY-MM-DD`.
///
/// Strict: exactly four year digits, two month digits and two day digits, joined by `-`, with
/// nothing before or after (no spaces, no time, no sign). Years 0001 to 9999.
///
/// # Errors
///
/// - [`DateErrorKind::Format`] when the text is not of that form (`"2026-2-3"`, `""`,
///   `"2026-02-03 "`).
/// - [`DateErrorKind::NotACalendarDate`] when it is, but names no real day (`"2026-02-30"`,
///   `"2026-13-01"`).
/// - [`DateErrorKind::OutOfRange`] for the year `0000`.
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::{format_date, parse_date};
/// let d = parse_date("2024-02-29").unwrap();
/// assert_eq!(format_date(d), "2024-02-29");
/// assert!(parse_date("2026-02-29").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let format = DateError::new(DateErrorKind::Format);
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = s.as_bytes() else {
        return Err(format);
    };
    let year = digits(&[y0, y1, y2, y3]).ok_or(format)?;
    let month = digits(&[m0, m1]).ok_or(format)?;
    let day = digits(&[d0, d1]).ok_or(format)?;
    if year == 0 {
        return Err(DateError::new(DateErrorKind::OutOfRange));
    }
    let year = i32::try_from(year).map_err(|_| DateError::new(DateErrorKind::OutOfRange))?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::new(DateErrorKind::NotACalendarDate))
}

/// Appends `n` in decimal, zero-padded to at least `width` digits.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "`rest % 10` is below 10, so `b'0' + it` is at most `b'9'`; `len` counts the \
              iterations over a 10-byte buffer"
)]
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut len = 0;
    let mut rest = n;
    for slot in buf.iter_mut().rev() {
        // `rest % 10` is below 10, so the cast is exact.
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
        len += 1;
        if rest == 0 && len >= width {
            break;
        }
    }
    let start = buf.len().saturating_sub(len);
    for &b in buf.iter().skip(start) {
        out.push(char::from(b));
    }
}

/// Writes a date as ISO `YYYY-MM-DD`.
///
/// Every date [`parse_date`] accepts comes back exactly as it was written. A date outside years
/// 0001–9999 (which arithmetic can reach, though `parse_date` never returns one) is written in
/// ISO 8601's expanded form, `+10000-01-01` or `-0001-01-01`.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use supervision_rules::calendar::format_date;
/// let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
/// assert_eq!(format_date(d), "2026-03-09");
/// ```
pub fn format_date(d: NaiveDate) -> String {
    let mut out = String::with_capacity(11);
    let year = d.year();
    if year < 0 {
        out.push('-');
    } else if year > 9999 {
        out.push('+');
    }
    push_padded(&mut out, year.unsigned_abs(), 4);
    out.push('-');
    push_padded(&mut out, d.month(), 2);
    out.push('-');
    push_padded(&mut out, d.day(), 2);
    out
}

/// Reads a 24-hour time written as `HH:MM`, from `00:00` to `23:59`, as `(hours, minutes)`.
///
/// Strict: two hour digits, `:`, two minute digits, nothing else.
///
/// # Errors
///
/// [`DateErrorKind::TimeFormat`] for anything else: `"9:30"`, `"24:00"`, `"12:60"`,
/// `"09:30:00"`.
///
/// # Examples
///
/// ```
/// use supervision_rules::calendar::parse_time;
/// assert_eq!(parse_time("09:30").unwrap(), (9, 30));
/// assert!(parse_time("24:00").is_err());
/// ```
pub fn parse_time(s: &str) -> Result<(u32, u32), DateError> {
    let err = DateError::new(DateErrorKind::TimeFormat);
    let &[h0, h1, b':', m0, m1] = s.as_bytes() else {
        return Err(err);
    };
    let hours = digits(&[h0, h1]).ok_or(err)?;
    let minutes = digits(&[m0, m1]).ok_or(err)?;
    if hours > 23 || minutes > 59 {
        return Err(err);
    }
    Ok((hours, minutes))
}
