//! Frequencies as agreement forms write them: `"fortnightly"`, `"every 4 weeks"`,
//! `"six-weekly"`, and the policy data's `"2 weeks"`.

use super::{Duration, DurationError, DurationErrorKind, Unit};

/// The numbers agreement forms spell out, one to twelve.
const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// A whole number from 1 to 1000 in digits (no leading zero), or one to twelve in words.
fn number(word: &str) -> Option<u32> {
    if let Some(i) = NUMBER_WORDS.iter().position(|w| *w == word) {
        return u32::try_from(i).ok().map(|i| i.saturating_add(1));
    }
    if word.starts_with('0') || word.is_empty() || word.len() > 4 {
        return None;
    }
    super::date::digits(word.as_bytes()).filter(|n| (1..=Duration::MAX_N).contains(n))
}

/// The unit of an adverb (`"weekly"` → weeks).
fn adverb(word: &str) -> Option<Unit> {
    match word {
        "daily" => Some(Unit::Days),
        "weekly" => Some(Unit::Weeks),
        "monthly" => Some(Unit::Months),
        "yearly" | "annually" => Some(Unit::Years),
        _ => None,
    }
}

/// The unit of a noun after "every", in either number (`"week"`, `"weeks"`,
/// `"working days"`), or a fortnight as two weeks.
fn noun(words: &str) -> Option<Duration> {
    match words {
        "fortnight" => Some(Duration {
            n: 2,
            unit: Unit::Weeks,
        }),
        "fortnights" => None,
        _ => Duration::parse(&format!("1 {words}"))
            .ok()
            .filter(|d| d.unit != Unit::Hours),
    }
}

/// A frequency in the words the forms use, already in lower case with single spaces.
fn words(s: &str) -> Option<Duration> {
    if let Ok(d) = Duration::parse(s) {
        return Some(d);
    }
    match s {
        "fortnightly" => {
            return Some(Duration {
                n: 2,
                unit: Unit::Weeks,
            })
        }
        "quarterly" => {
            return Some(Duration {
                n: 3,
                unit: Unit::Months,
            })
        }
        _ => {}
    }
    if let Some(unit) = adverb(s) {
        return Some(Duration { n: 1, unit });
    }
    if let Some(rest) = s.strip_prefix("every ") {
        if let Some(unit) = rest.strip_prefix("other ").and_then(noun) {
            return unit
                .n
                .checked_mul(2)
                .map(|n| Duration { n, unit: unit.unit });
        }
        if let Some(d) = noun(rest) {
            return Some(d);
        }
        let (n, unit) = rest.split_once(' ')?;
        let n = number(n)?;
        let unit = noun(unit)?;
        let n = n.checked_mul(unit.n).filter(|n| *n <= Duration::MAX_N)?;
        return Some(Duration { n, unit: unit.unit });
    }
    // "six-weekly", "4-weekly", "3 monthly".
    let (n, unit) = s.split_once('-').or_else(|| s.split_once(' '))?;
    Some(Duration {
        n: number(n)?,
        unit: adverb(unit)?,
    })
}

impl Duration {
    /// Reads a frequency as a supervision agreement writes one, as the interval between
    /// sessions.
    ///
    /// Accepts the policy data's form (`"2 weeks"`, see [`Duration::parse`]); the adverbs
    /// `"daily"`, `"weekly"`, `"fortnightly"`, `"monthly"`, `"quarterly"` (3 months),
    /// `"yearly"`, `"annually"`; `"every"` with a unit (`"every week"`, `"every fortnight"`,
    /// `"every month"`), with `"other"` (`"every other week"` = 2 weeks) or with a number in
    /// digits or words up to twelve (`"every 4 weeks"`, `"every six weeks"`, `"every 2
    /// working days"`); and a number before an adverb, joined by a hyphen or a space
    /// (`"six-weekly"`, `"4-weekly"`, `"3 monthly"`). Case and spaces around the words do
    /// not matter. Hours are not a frequency in words (`"every 24 hours"` is refused; the
    /// data's `"24 hours"` is read as before).
    ///
    /// # Errors
    ///
    /// [`DurationErrorKind::Frequency`] for anything else, `"bi-weekly"` among them (twice a
    /// week or every two weeks?) and counts such as `"twice a month"`, which set no interval.
    ///
    /// # Examples
    ///
    /// ```
    /// use supervision_rules::calendar::{Duration, DurationErrorKind, Unit};
    /// let two_weeks = Duration { n: 2, unit: Unit::Weeks };
    /// assert_eq!(Duration::parse_frequency("Fortnightly").unwrap(), two_weeks);
    /// assert_eq!(Duration::parse_frequency("every 2 weeks").unwrap(), two_weeks);
    /// assert_eq!(Duration::parse_frequency("2 weeks").unwrap(), two_weeks);
    /// let six = Duration { n: 6, unit: Unit::Weeks };
    /// assert_eq!(Duration::parse_frequency("six-weekly").unwrap(), six);
    /// let err = Duration::parse_frequency("bi-weekly").unwrap_err();
    /// assert_eq!(err.kind(), DurationErrorKind::Frequency);
    /// ```
    pub fn parse_frequency(s: &str) -> Result<Duration, DurationError> {
        let lower = s.to_ascii_lowercase();
        let normal: Vec<&str> = lower.split_ascii_whitespace().collect();
        words(&normal.join(" ")).ok_or(DurationError::new(DurationErrorKind::Frequency))
    }
}
