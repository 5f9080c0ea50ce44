//! Words, in one place: dates as GOV.UK writes them, plurals, intervals ("every month",
//! "monthly"), lists and capitals. Validation, the schedule and the widget all write with
//! these, so a date or an interval reads the same wherever it is shown.

use crate::calendar::{Duration, Unit};
use crate::terms::{ObligationKind, SessionType};
use chrono::{Datelike, NaiveDate};

/// The months, as GOV.UK writes them.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2 March 2026`, as GOV.UK writes dates.
///
/// # Examples
/// ```
/// use supervision_rules::{calendar::parse_date, words::long_date};
/// assert_eq!(long_date(parse_date("2026-03-02")?), "2 March 2026");
/// # Ok::<(), supervision_rules::calendar::DateError>(())
/// ```
pub fn long_date(d: NaiveDate) -> String {
    // Pushed, not formatted: a team's schedules write tens of thousands of these.
    let mut out = String::with_capacity(18);
    push_number(&mut out, d.day() as usize);
    out.push(' ');
    out.push_str(month(d));
    out.push(' ');
    if d.year() < 0 {
        out.push('-');
    }
    push_number(&mut out, d.year().unsigned_abs() as usize);
    out
}

/// Appends `n` in decimal, as `{n}` formats it (without the formatting machinery: paths
/// and dates are written by the thousand).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "`n % 10` is below 10, so `b'0' + it` is at most `b'9'`"
)]
pub(crate) fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    for slot in digits.iter_mut().rev() {
        // `n % 10` is below 10, so the cast is exact.
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
        if n == 0 {
            break;
        }
    }
    let start = digits.len().saturating_sub(len);
    // ASCII digits: always UTF-8.
    out.push_str(std::str::from_utf8(digits.get(start..).unwrap_or_default()).unwrap_or_default());
}

/// `March`: the month of a date.
pub fn month(d: NaiveDate) -> &'static str {
    MONTHS.get(d.month0() as usize).copied().unwrap_or("")
}

/// `Mar`: the month of a date in three letters, for a crowded picture.
pub fn short_month(d: NaiveDate) -> &'static str {
    month(d).get(..3).unwrap_or("")
}

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `22nd`.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `c` in lower case, for the letters of ASCII and Latin-1 (`A`–`Z`, `À`–`Þ` but `×`);
/// any other character as it is. Labels are English headings: this keeps Unicode's case
/// tables (about 9 KB of a gzipped `.wasm`) out of every build.
pub fn lower_char(c: char) -> char {
    match c {
        'A'..='Z' | '\u{c0}'..='\u{de}' if c != '\u{d7}' => u32::from(c)
            .checked_add(0x20)
            .and_then(char::from_u32)
            .unwrap_or(c),
        _ => c,
    }
}

/// `c` in upper case, for the letters of ASCII and Latin-1 (`a`–`z`, `à`–`þ` but `÷`, and
/// `ÿ`); any other character (`ß` included) as it is. See [`lower_char`].
pub fn upper(c: char) -> char {
    match c {
        'a'..='z' | '\u{e0}'..='\u{fe}' if c != '\u{f7}' => u32::from(c)
            .checked_sub(0x20)
            .and_then(char::from_u32)
            .unwrap_or(c),
        '\u{ff}' => '\u{178}',
        _ => c,
    }
}

/// A letter of ASCII or Latin-1 (`char::is_alphabetic` there); any other character is not
/// one here. Labels are English headings: this keeps Unicode's property tables out of the
/// form page's core, as [`lower_char`] keeps its case tables out.
pub fn is_letter(c: char) -> bool {
    is_upper_letter(c) || is_lower_letter(c)
}

/// An upper-case letter of ASCII or Latin-1 (`char::is_uppercase` there); see [`is_letter`].
pub fn is_upper_letter(c: char) -> bool {
    matches!(c, 'A'..='Z' | '\u{c0}'..='\u{de}') && c != '\u{d7}'
}

/// A lower-case letter of ASCII or Latin-1 (`char::is_lowercase` there, `ª`, `µ`, `º` and
/// `ß` included); see [`is_letter`].
pub fn is_lower_letter(c: char) -> bool {
    matches!(c, 'a'..='z' | '\u{aa}' | '\u{b5}' | '\u{ba}' | '\u{df}'..='\u{ff}') && c != '\u{f7}'
}

/// A letter or a digit of ASCII or Latin-1 (`char::is_alphanumeric` there: `²`, `³`, `¹`,
/// `¼`, `½`, `¾` included); see [`is_letter`].
pub fn is_letter_or_digit(c: char) -> bool {
    is_letter(c)
        || c.is_ascii_digit()
        || matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}')
}

/// `s` in lower case as [`lower_char`] lowers each character.
pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// A policy's number (a field's `min` or `max`) as `{}` writes an `f64` (`1440`, `0.5`,
/// `-0`), with integers only: no float formatting in the form page's core. Exact for every
/// number of at most nine decimal places below a million (and fewer places up to 2^50, whole
/// numbers up to 2^53). Beyond that (no council's bound) it is rounded to the places that
/// stay exact, and a whole number is written as its exact value (where `{}` may round it;
/// above 2^64, as 2^64 − 1).
pub fn number(x: f64) -> String {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let x = x.abs();
    // 10^places times x stays below 2^50, where the product is within 1/8 of its integer.
    let mut places = 0_usize;
    let mut scale = 1.0_f64;
    while places < 9 && x * scale * 10.0 < 1_125_899_906_842_624.0 {
        places = places.saturating_add(1);
        scale *= 10.0;
    }
    // Whole and not negative; saturates above 2^64 (no policy's bound).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let scaled = (x * scale).round() as u64;
    let digits = format!("{scaled:0>width$}", width = places.saturating_add(1));
    let (whole, fraction) = digits.split_at(digits.len().saturating_sub(places));
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// `1 day`, `3 days`: a count and its noun.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The first letter in upper case (after an opening quote).
pub fn capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut done = false;
    for c in s.chars() {
        if !done && is_letter(c) {
            out.push(upper(c));
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// `weekly`, `fortnightly`, `monthly`, `yearly`, else `every 6 weeks`.
pub fn every_phrase(d: &Duration) -> String {
    match (d.n, d.unit) {
        (1, Unit::Weeks) => "weekly".to_string(),
        (2, Unit::Weeks) => "fortnightly".to_string(),
        (1, Unit::Months) => "monthly".to_string(),
        (1, Unit::Years) => "yearly".to_string(),
        _ => format!("every {}", d.describe()),
    }
}

/// `every month`, `every 4 weeks`.
pub fn every(d: &Duration) -> String {
    let words = d.describe();
    match words.strip_prefix("1 ") {
        Some(unit) => format!("every {unit}"),
        None => format!("every {words}"),
    }
}

/// What a rule's `counts` are called in a sentence: `one-to-one`, `case supervision`.
pub fn sessions_counted(counts: &[SessionType]) -> &'static str {
    match counts {
        [SessionType::OneToOne] => "one-to-one",
        [SessionType::Reflective] => "reflective session",
        [SessionType::Group] => "group session",
        _ if counts.contains(&SessionType::Case) && !counts.contains(&SessionType::Personal) => {
            "case supervision"
        }
        _ if counts.contains(&SessionType::Personal) && !counts.contains(&SessionType::Case) => {
            "personal supervision"
        }
        _ => "supervision session",
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// What is due, as a heading: `Personal supervision`, `PDR`. Every kind has its words
/// ([`ObligationKind::describe`]), so a new kind is labelled everywhere at once.
pub fn kind_label(kind: ObligationKind) -> String {
    capitalise(kind.describe())
}

/// `today`, `tomorrow`, `in 5 days`, `yesterday`, `3 days ago`.
pub fn relative(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 1 => format!("in {n} days"),
        n => format!("{} days ago", n.unsigned_abs()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;
    use crate::schedule::{status_label, Status};

    /// Numbers as `{n}` writes them: one digit, a power of ten and the largest.
    #[test]
    fn numbers_pushed_as_formatted() {
        for (n, want) in [(0, "0"), (7, "7"), (10, "10"), (12_345, "12345")] {
            let mut out = String::from("x");
            push_number(&mut out, n);
            assert_eq!(out, format!("x{want}"));
        }
        let mut out = String::new();
        push_number(&mut out, usize::MAX);
        assert_eq!(out, usize::MAX.to_string());
    }

    /// Dates at the edges of the day's and the year's digits, and beyond four digits.
    #[test]
    fn long_dates_at_the_edges() {
        let on = |y, m, d| long_date(NaiveDate::from_ymd_opt(y, m, d).expect("a real date"));
        assert_eq!(on(2026, 3, 2), "2 March 2026");
        assert_eq!(on(2026, 11, 30), "30 November 2026");
        assert_eq!(on(1, 1, 1), "1 January 1");
        assert_eq!(on(9999, 12, 31), "31 December 9999");
        assert_eq!(on(10_000, 10, 10), "10 October 10000");
        assert_eq!(on(0, 5, 9), "9 May 0");
        assert_eq!(on(-44, 3, 15), "15 March -44");
    }

    /// Latin-1's letters and digits as Unicode's tables class them.
    #[test]
    fn latin1_letters_as_unicode_has_them() {
        for c in (0..0x100_u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper_letter(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower_letter(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The bounds a policy writes read as `{}` writes them, without float formatting.
    #[test]
    fn numbers_as_display_writes_them() {
        let xs = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1.25,
            0.1,
            0.2,
            0.3,
            99.99,
            -3.75,
            1440.0,
            123_456.789,
            1e-9,
            1.5e-5,
            999_999.999_999_999,
            1e15,
            9_007_199_254_740_992.0,
            2.5e6,
            0.007,
        ];
        for x in xs {
            assert_eq!(number(x), format!("{x}"), "{x:?}");
        }
        for i in -2000..2000 {
            let x = f64::from(i) / 8.0;
            assert_eq!(number(x), format!("{x}"), "{x:?}");
            let y = f64::from(i) / 100.0;
            assert_eq!(number(y), format!("{y}"), "{y:?}");
        }
    }

    #[test]
    fn words() {
        let d = parse_date("2026-09-30").expect("date");
        assert_eq!(long_date(d), "30 September 2026");
        assert_eq!(short_month(d), "Sep");
        assert_eq!(plural(1, "day", "days"), "1 day");
        assert_eq!(plural(2, "day", "days"), "2 days");
        assert_eq!(capitalise("'a' b"), "'A' b");
        assert_eq!(capitalise("\u{e9}cole"), "\u{c9}cole");
        assert_eq!(
            lower("THE PURPOSE \u{c9}T\u{c9} \u{d7} \u{3a3}"),
            "the purpose \u{e9}t\u{e9} \u{d7} \u{3a3}"
        );
        for c in (0..=0xff_u32).filter_map(char::from_u32) {
            let unicode: Vec<char> = c.to_lowercase().collect();
            assert_eq!(vec![lower_char(c)], unicode, "{c:?}");
            if c != '\u{df}' && c != '\u{b5}' {
                let unicode: Vec<char> = c.to_uppercase().collect();
                assert_eq!(vec![upper(c)], unicode, "{c:?}");
            }
        }
        assert_eq!(status_label(Status::Ok), "Upcoming");
        assert_eq!(
            kind_label(ObligationKind::PersonalSupervision),
            "Personal supervision"
        );
        assert_eq!(kind_label(ObligationKind::Pdr), "PDR");
        let month = Duration::parse("1 month").expect("duration");
        assert_eq!(every_phrase(&month), "monthly");
        assert_eq!(every(&month), "every month");
        let weeks = Duration::parse("6 weeks").expect("duration");
        assert_eq!(every_phrase(&weeks), "every 6 weeks");
        assert_eq!(every(&weeks), "every 6 weeks");
        assert_eq!(relative(-3), "3 days ago");
        assert_eq!(relative(1), "tomorrow");
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}
