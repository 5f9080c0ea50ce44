//! Date arithmetic, parsing and formatting, durations.

use super::*;

// ---------------------------------------------------------------------------------------------
// Date arithmetic
// ---------------------------------------------------------------------------------------------

#[test]
fn month_arithmetic_clamps_to_the_month_end() {
    let cases = [
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-01-31", 2, "2026-03-31"),
        ("2026-01-30", 1, "2026-02-28"),
        ("2026-05-31", 1, "2026-06-30"),
        ("2026-08-31", 1, "2026-09-30"),
        ("2026-10-31", 2, "2026-12-31"),
        ("2026-12-31", 2, "2027-02-28"),
        ("2027-11-30", 3, "2028-02-29"),
        ("2026-03-15", 0, "2026-03-15"),
        ("2026-03-15", 12, "2027-03-15"),
        ("2026-03-15", 120, "2036-03-15"),
    ];
    for (from, n, to) in cases {
        assert_eq!(add_months(date(from), n), Some(date(to)), "{from} + {n}");
    }
    let back = [
        ("2026-03-31", 1, "2026-02-28"),
        ("2024-03-31", 1, "2024-02-29"),
        ("2026-07-31", 1, "2026-06-30"),
        ("2026-01-15", 1, "2025-12-15"),
        ("2026-03-31", 13, "2025-02-28"),
    ];
    for (from, n, to) in back {
        assert_eq!(sub_months(date(from), n), Some(date(to)), "{from} - {n}");
    }
    assert_eq!(add_years(date("2024-02-29"), 1), Some(date("2025-02-28")));
    assert_eq!(add_years(date("2024-02-29"), 4), Some(date("2028-02-29")));
    assert_eq!(add_years(date("2023-03-01"), 1), Some(date("2024-03-01")));
    assert_eq!(sub_years(date("2024-02-29"), 1), Some(date("2023-02-28")));
    assert_eq!(add_years(date("2024-02-29"), u32::MAX), None);
    assert_eq!(add_months(date("2024-02-29"), u32::MAX), None);
    assert_eq!(sub_months(date("2024-02-29"), u32::MAX), None);
    assert_eq!(add_months(NaiveDate::MAX, 1), None);
}

#[test]
fn day_and_week_arithmetic() {
    assert_eq!(add_days(date("2026-12-30"), 3), Some(date("2027-01-02")));
    assert_eq!(add_days(date("2026-03-01"), -1), Some(date("2026-02-28")));
    assert_eq!(add_days(date("2026-03-01"), 0), Some(date("2026-03-01")));
    assert_eq!(add_days(date("2026-03-01"), i64::MAX), None);
    assert_eq!(add_days(date("2026-03-01"), i64::MIN), None);
    assert_eq!(add_weeks(date("2026-12-21"), 2), Some(date("2027-01-04")));
    assert_eq!(add_weeks(date("2026-12-21"), u32::MAX), None);
}

// ---------------------------------------------------------------------------------------------
// Parsing and formatting
// ---------------------------------------------------------------------------------------------

#[test]
fn parse_date_accepts_real_dates() {
    for s in [
        "2026-03-09",
        "0001-01-01",
        "9999-12-31",
        "2000-02-29",
        "2024-02-29",
    ] {
        let d = parse_date(s).unwrap();
        assert_eq!(format_date(d), s);
    }
    assert_eq!(
        parse_date("2026-03-09").unwrap(),
        NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
    );
}

#[test]
fn parse_date_rejections() {
    use DateErrorKind::*;
    let cases = [
        ("2026-02-30", NotACalendarDate),
        ("2026-02-29", NotACalendarDate),
        ("1900-02-29", NotACalendarDate),
        ("2026-13-01", NotACalendarDate),
        ("2026-00-10", NotACalendarDate),
        ("2026-01-00", NotACalendarDate),
        ("2026-04-31", NotACalendarDate),
        ("0000-01-01", OutOfRange),
        ("", Format),
        ("2026-1-1", Format),
        ("2026-2-3", Format),
        ("2026-02-03 ", Format),
        (" 2026-02-03", Format),
        ("2026-02-03T00:00", Format),
        ("2026/02/03", Format),
        ("20260203", Format),
        ("+2026-02-03", Format),
        ("-001-02-03", Format),
        ("2026-+2-03", Format),
        ("2026-02-+3", Format),
        ("２０２６-02-03", Format),
        ("2026-02-3\u{0}", Format),
        ("abcd-ef-gh", Format),
        ("10000-01-01", Format),
    ];
    for (s, kind) in cases {
        let err = parse_date(s).unwrap_err();
        assert_eq!(err.kind(), kind, "{s:?}");
        let message = err.to_string();
        assert!(!message.is_empty());
        if !s.trim().is_empty() {
            assert!(!message.contains(s.trim()), "{message} repeats {s:?}");
        }
    }
    let _: &dyn std::error::Error = &parse_date("").unwrap_err();
}

#[test]
fn date_error_messages() {
    let msg = |s: &str| parse_date(s).unwrap_err().to_string();
    assert_eq!(msg("2026-2-3"), "expected a date as YYYY-MM-DD");
    assert_eq!(msg("2026-02-30"), "not a real calendar date");
    assert!(msg("0000-01-01").contains("0001 to 9999"));
    assert!(parse_time("x")
        .unwrap_err()
        .to_string()
        .starts_with("expected a time as HH:MM"));
}

#[test]
fn format_date_outside_four_digit_years() {
    assert_eq!(
        format_date(NaiveDate::from_ymd_opt(10_000, 1, 2).unwrap()),
        "+10000-01-02"
    );
    assert_eq!(
        format_date(NaiveDate::from_ymd_opt(0, 12, 31).unwrap()),
        "0000-12-31"
    );
    assert_eq!(
        format_date(NaiveDate::from_ymd_opt(-1, 3, 4).unwrap()),
        "-0001-03-04"
    );
    assert_eq!(
        format_date(NaiveDate::from_ymd_opt(12, 3, 4).unwrap()),
        "0012-03-04"
    );
    let max = format_date(NaiveDate::MAX);
    assert!(max.starts_with('+') && max.ends_with("-12-31"), "{max}");
    let min = format_date(NaiveDate::MIN);
    assert!(min.starts_with('-') && min.ends_with("-01-01"), "{min}");
}

#[test]
fn parse_time_cases() {
    assert_eq!(parse_time("00:00"), Ok((0, 0)));
    assert_eq!(parse_time("09:30"), Ok((9, 30)));
    assert_eq!(parse_time("23:59"), Ok((23, 59)));
    for s in [
        "24:00", "23:60", "12:99", "9:30", "09:3", "09:30:00", "", "ab:cd", "09-30", " 09:30",
        "09:30 ", "0930", "+9:30", "09:+3", "０9:30",
    ] {
        let err = parse_time(s).unwrap_err();
        assert_eq!(err.kind(), DateErrorKind::TimeFormat, "{s:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------------

#[test]
fn duration_parse_accepts_the_policy_forms() {
    let cases = [
        ("6 weeks", 6, Unit::Weeks),
        ("1 week", 1, Unit::Weeks),
        ("2 working days", 2, Unit::WorkingDays),
        ("1 working day", 1, Unit::WorkingDays),
        ("1 month", 1, Unit::Months),
        ("3 months", 3, Unit::Months),
        ("1 year", 1, Unit::Years),
        ("5 days", 5, Unit::Days),
        ("1 day", 1, Unit::Days),
        ("48 hours", 48, Unit::Hours),
        ("1 hour", 1, Unit::Hours),
        ("1000 days", 1000, Unit::Days),
        ("2 week", 2, Unit::Weeks),
        ("1 weeks", 1, Unit::Weeks),
    ];
    for (s, n, unit) in cases {
        assert_eq!(Duration::parse(s), Ok(Duration { n, unit }), "{s}");
        assert_eq!(s.parse::<Duration>(), Ok(Duration { n, unit }), "{s}");
    }
}

#[test]
fn duration_parse_errors() {
    use DurationErrorKind::*;
    let cases = [
        ("-3 weeks", Number),
        ("0 weeks", Number),
        ("three weeks", Number),
        ("1.5 weeks", Number),
        ("1001 days", Number),
        ("10000 days", Number),
        ("99999999999 days", Number),
        ("06 weeks", Number),
        ("+6 weeks", Number),
        ("3 fortnights", Unit),
        ("6 Weeks", Unit),
        ("6 weeks ", Unit),
        ("6 working  days", Unit),
        ("6 workingdays", Unit),
        ("6 weeks.", Unit),
        ("7  weeks", Format),
        (" 7 weeks", Format),
        ("7 ", Format),
        ("", Format),
        ("weekly", Format),
        ("6weeks", Format),
    ];
    for (s, kind) in cases {
        let err = Duration::parse(s).unwrap_err();
        assert_eq!(err.kind(), kind, "{s:?}");
        let message = err.to_string();
        if s.trim().len() > 2 {
            assert!(!message.contains(s.trim()), "{message} repeats {s:?}");
        }
    }
    let unit_message = Duration::parse("3 fortnights").unwrap_err().to_string();
    assert!(unit_message.contains("working day(s)"), "{unit_message}");
    let number_message = Duration::parse("0 weeks").unwrap_err().to_string();
    assert!(number_message.contains("1 to 1000"), "{number_message}");
    let _: &dyn std::error::Error = &Duration::parse("").unwrap_err();
}

#[test]
fn duration_describe_is_canonical() {
    let cases = [
        (
            Duration {
                n: 6,
                unit: Unit::Weeks,
            },
            "6 weeks",
        ),
        (
            Duration {
                n: 1,
                unit: Unit::Months,
            },
            "1 month",
        ),
        (
            Duration {
                n: 2,
                unit: Unit::WorkingDays,
            },
            "2 working days",
        ),
        (
            Duration {
                n: 1,
                unit: Unit::WorkingDays,
            },
            "1 working day",
        ),
        (
            Duration {
                n: 1,
                unit: Unit::Years,
            },
            "1 year",
        ),
        (
            Duration {
                n: 48,
                unit: Unit::Hours,
            },
            "48 hours",
        ),
        (
            Duration {
                n: 1000,
                unit: Unit::Days,
            },
            "1000 days",
        ),
    ];
    for (d, s) in cases {
        assert_eq!(d.describe(), s);
        assert_eq!(d.to_string(), s);
    }
}

#[test]
fn duration_arithmetic() {
    let cal = Calendar::england_and_wales();
    let after = |s: &str, from: &str| Duration::parse(s).unwrap().after(date(from), &cal);
    let before = |s: &str, from: &str| Duration::parse(s).unwrap().before(date(from), &cal);
    assert_eq!(after("6 weeks", "2026-01-05"), Some(date("2026-02-16")));
    assert_eq!(after("5 days", "2026-12-30"), Some(date("2027-01-04")));
    assert_eq!(after("1 month", "2026-01-31"), Some(date("2026-02-28")));
    assert_eq!(after("3 months", "2026-11-30"), Some(date("2027-02-28")));
    assert_eq!(after("1 year", "2024-02-29"), Some(date("2025-02-28")));
    assert_eq!(after("48 hours", "2026-01-05"), Some(date("2026-01-07")));
    assert_eq!(after("24 hours", "2026-01-05"), Some(date("2026-01-06")));
    assert_eq!(after("25 hours", "2026-01-05"), Some(date("2026-01-07")));
    assert_eq!(after("1 hour", "2026-01-05"), Some(date("2026-01-06")));
    assert_eq!(
        after("2 working days", "2026-12-24"),
        Some(date("2026-12-30"))
    );
    assert_eq!(before("6 weeks", "2026-02-16"), Some(date("2026-01-05")));
    assert_eq!(before("5 days", "2027-01-04"), Some(date("2026-12-30")));
    assert_eq!(before("1 month", "2026-03-31"), Some(date("2026-02-28")));
    assert_eq!(before("1 year", "2024-02-29"), Some(date("2023-02-28")));
    assert_eq!(before("48 hours", "2026-01-07"), Some(date("2026-01-05")));
    assert_eq!(before("25 hours", "2026-01-07"), Some(date("2026-01-05")));
    assert_eq!(
        before("2 working days", "2026-12-30"),
        Some(date("2026-12-24"))
    );
    let far = Duration {
        n: u32::MAX,
        unit: Unit::Years,
    };
    assert_eq!(far.after(date("2026-01-01"), &cal), None);
    assert_eq!(far.before(date("2026-01-01"), &cal), None);
    let far = Duration {
        n: u32::MAX,
        unit: Unit::Weeks,
    };
    assert_eq!(far.after(date("2026-01-01"), &cal), None);
    assert_eq!(far.before(date("2026-01-01"), &cal), None);
    let far = Duration {
        n: u32::MAX,
        unit: Unit::Hours,
    };
    assert_eq!(far.after(date("2026-01-01"), &cal), None);
    let long = Duration {
        n: 24_000_000,
        unit: Unit::Hours,
    };
    assert_eq!(
        long.after(date("2026-01-01"), &cal),
        add_days(date("2026-01-01"), 1_000_000)
    );
}
