//! Words, in one place: dates as GOV.UK writes them, plurals, intervals ("every month",
//! "monthly"), lists and capitals. Validation, the schedule and the widget all write with
//! these, so a date or an interval reads the same wherever it is shown.

use crate::calendar::{Duration, Unit};
use crate::policy::{ObligationKind, SessionType};
use crate::schedule::Status;
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
    format!("{} {} {}", d.day(), month(d), d.year())
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

/// `s` in lower case as [`lower_char`] lowers each character.
pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
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
        if !done && c.is_alphabetic() {
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

/// A status's name on the page: `Overdue`, `Due soon`, `Upcoming`. The one set of words
/// for statuses: the widget's panel, `labels()` and through it the demo pages use it, so a
/// new status is named here (the `match` will not compile without it) and everywhere at once.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Overdue => "Overdue",
        Status::DueSoon => "Due soon",
        Status::Ok => "Upcoming",
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
