//! Frequencies in the words agreement forms use (issue 22 item 3), read by one parser
//! (`Duration::parse_frequency`) for `worker.agreement.frequency` and validate's
//! `options.frequency`.

use serde_json::json;
use supervision_rules::calendar::{Duration, DurationErrorKind, Unit};
use supervision_rules::schedule::Worker;

fn d(n: u32, unit: Unit) -> Duration {
    Duration { n, unit }
}

#[test]
fn frequencies_in_the_words_of_agreement_forms() {
    let table = [
        // Today's form, as before.
        ("2 weeks", d(2, Unit::Weeks)),
        ("1 month", d(1, Unit::Months)),
        ("24 hours", d(24, Unit::Hours)),
        // Adverbs: weekly = 1 week, fortnightly = 2 weeks, monthly = 1 month, quarterly = 3
        // months.
        ("weekly", d(1, Unit::Weeks)),
        ("fortnightly", d(2, Unit::Weeks)),
        ("Fortnightly", d(2, Unit::Weeks)),
        ("monthly", d(1, Unit::Months)),
        ("quarterly", d(3, Unit::Months)),
        ("annually", d(1, Unit::Years)),
        // "every": a unit, a fortnight (2 weeks), "other" (twice the unit), a number.
        ("every week", d(1, Unit::Weeks)),
        ("every fortnight", d(2, Unit::Weeks)),
        ("every other week", d(2, Unit::Weeks)),
        ("every month", d(1, Unit::Months)),
        ("every 4 weeks", d(4, Unit::Weeks)),
        ("Every  six weeks ", d(6, Unit::Weeks)),
        ("every 2 working days", d(2, Unit::WorkingDays)),
        ("every three months", d(3, Unit::Months)),
        // A number before an adverb.
        ("six-weekly", d(6, Unit::Weeks)),
        ("4-weekly", d(4, Unit::Weeks)),
        ("3 monthly", d(3, Unit::Months)),
        ("Six-Weekly", d(6, Unit::Weeks)),
    ];
    for (text, expected) in table {
        assert_eq!(Duration::parse_frequency(text), Ok(expected), "{text}");
    }
    // Anything else is refused with one kind: "bi-weekly" is twice a week or every two weeks;
    // "twice a month" is a count, not an interval; hours are not a frequency in words.
    for text in [
        "",
        "bi-weekly",
        "biweekly",
        "twice a month",
        "every 24 hours",
        "every",
        "every 0 weeks",
        "0-weekly",
        "thirteen-weekly",
        "every fortnights",
        "as needed",
        "6 Weeks later",
    ] {
        let err = Duration::parse_frequency(text).expect_err(text);
        assert_eq!(err.kind(), DurationErrorKind::Frequency, "{text}");
        assert!(err.to_string().contains("fortnightly"), "{err}");
    }
}

/// A worker's agreement is read with the same parser; an unknown word is a `BadArgument` at
/// its path that does not repeat what was given.
#[test]
fn an_agreed_frequency_in_words_or_a_clear_error() {
    let worker = |frequency: &str| {
        Worker::from_json(&json!({
            "id": "w", "role": "social-worker", "started": "2026-01-05",
            "agreement": { "signed": "2026-01-05", "frequency": frequency }
        }))
    };
    let w = worker("every four weeks").expect("read");
    assert_eq!(
        w.supervisee.agreement().and_then(|a| a.frequency),
        Some(d(4, Unit::Weeks))
    );
    let err = worker("secretly-weekly").expect_err("refused").to_string();
    assert!(err.contains("worker.agreement.frequency"), "{err}");
    assert!(err.contains("\"fortnightly\""), "{err}");
    assert!(!err.contains("secretly"), "{err}");
}
