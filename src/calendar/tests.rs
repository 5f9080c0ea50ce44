#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use super::holidays::easter_sunday;
use super::*;
use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    parse_date(s).unwrap_or_else(|e| panic!("bad test date {s}: {e}"))
}

fn dates(list: &[&str]) -> Vec<NaiveDate> {
    list.iter().map(|s| date(s)).collect()
}

fn formatted(list: Vec<NaiveDate>) -> Vec<String> {
    list.into_iter().map(format_date).collect()
}

// ---------------------------------------------------------------------------------------------
// Bank holidays
// ---------------------------------------------------------------------------------------------

/// The England & Wales lists as published by the government, 2018–2027.
const PUBLISHED: &[(i32, &[&str])] = &[
    (
        2018,
        &[
            "2018-01-01",
            "2018-03-30",
            "2018-04-02",
            "2018-05-07",
            "2018-05-28",
            "2018-08-27",
            "2018-12-25",
            "2018-12-26",
        ],
    ),
    (
        2019,
        &[
            "2019-01-01",
            "2019-04-19",
            "2019-04-22",
            "2019-05-06",
            "2019-05-27",
            "2019-08-26",
            "2019-12-25",
            "2019-12-26",
        ],
    ),
    (
        2020,
        &[
            "2020-01-01",
            "2020-04-10",
            "2020-04-13",
            "2020-05-08",
            "2020-05-25",
            "2020-08-31",
            "2020-12-25",
            "2020-12-28",
        ],
    ),
    (
        2021,
        &[
            "2021-01-01",
            "2021-04-02",
            "2021-04-05",
            "2021-05-03",
            "2021-05-31",
            "2021-08-30",
            "2021-12-27",
            "2021-12-28",
        ],
    ),
    (
        2022,
        &[
            "2022-01-03",
            "2022-04-15",
            "2022-04-18",
            "2022-05-02",
            "2022-06-02",
            "2022-06-03",
            "2022-08-29",
            "2022-09-19",
            "2022-12-26",
            "2022-12-27",
        ],
    ),
    (
        2023,
        &[
            "2023-01-02",
            "2023-04-07",
            "2023-04-10",
            "2023-05-01",
            "2023-05-08",
            "2023-05-29",
            "2023-08-28",
            "2023-12-25",
            "2023-12-26",
        ],
    ),
    (
        2024,
        &[
            "2024-01-01",
            "2024-03-29",
            "2024-04-01",
            "2024-05-06",
            "2024-05-27",
            "2024-08-26",
            "2024-12-25",
            "2024-12-26",
        ],
    ),
    (
        2025,
        &[
            "2025-01-01",
            "2025-04-18",
            "2025-04-21",
            "2025-05-05",
            "2025-05-26",
            "2025-08-25",
            "2025-12-25",
            "2025-12-26",
        ],
    ),
    (
        2026,
        &[
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-05-04",
            "2026-05-25",
            "2026-08-31",
            "2026-12-25",
            "2026-12-28",
        ],
    ),
    (
        2027,
        &[
            "2027-01-01",
            "2027-03-26",
            "2027-03-29",
            "2027-05-03",
            "2027-05-31",
            "2027-08-30",
            "2027-12-27",
            "2027-12-28",
        ],
    ),
];

#[test]
fn computed_holidays_match_the_published_lists_2018_to_2027() {
    for &(year, expected) in PUBLISHED {
        assert_eq!(bank_holidays(year), dates(expected), "year {year}");
    }
}

#[test]
fn historic_years() {
    let cases: &[(i32, &[&str])] = &[
        // Trial-period year: no New Year, no early May; Christmas on the day, Boxing Day on
        // Saturday 26th with no substitute.
        (
            1970,
            &[
                "1970-03-27",
                "1970-03-30",
                "1970-05-25",
                "1970-08-31",
                "1970-12-25",
                "1970-12-26",
            ],
        ),
        // Christmas Saturday, Boxing Day Sunday -> Monday 27th (1871 Act).
        (
            1971,
            &[
                "1971-04-09",
                "1971-04-12",
                "1971-05-31",
                "1971-08-30",
                "1971-12-25",
                "1971-12-27",
            ],
        ),
        (
            1973,
            &[
                "1973-04-20",
                "1973-04-23",
                "1973-05-28",
                "1973-08-27",
                "1973-11-14",
                "1973-12-25",
                "1973-12-26",
            ],
        ),
        (
            1974,
            &[
                "1974-01-01",
                "1974-04-12",
                "1974-04-15",
                "1974-05-27",
                "1974-08-26",
                "1974-12-25",
                "1974-12-26",
            ],
        ),
        (
            1976,
            &[
                "1976-01-01",
                "1976-04-16",
                "1976-04-19",
                "1976-05-31",
                "1976-08-30",
                "1976-12-27",
                "1976-12-28",
            ],
        ),
        (
            1977,
            &[
                "1977-01-03",
                "1977-04-08",
                "1977-04-11",
                "1977-06-06",
                "1977-06-07",
                "1977-08-29",
                "1977-12-26",
                "1977-12-27",
            ],
        ),
        (
            1978,
            &[
                "1978-01-02",
                "1978-03-24",
                "1978-03-27",
                "1978-05-01",
                "1978-05-29",
                "1978-08-28",
                "1978-12-25",
                "1978-12-26",
            ],
        ),
        (
            1981,
            &[
                "1981-01-01",
                "1981-04-17",
                "1981-04-20",
                "1981-05-04",
                "1981-05-25",
                "1981-07-29",
                "1981-08-31",
                "1981-12-25",
                "1981-12-28",
            ],
        ),
        (
            1995,
            &[
                "1995-01-02",
                "1995-04-14",
                "1995-04-17",
                "1995-05-08",
                "1995-05-29",
                "1995-08-28",
                "1995-12-25",
                "1995-12-26",
            ],
        ),
        (
            1999,
            &[
                "1999-01-01",
                "1999-04-02",
                "1999-04-05",
                "1999-05-03",
                "1999-05-31",
                "1999-08-30",
                "1999-12-27",
                "1999-12-28",
                "1999-12-31",
            ],
        ),
        (
            2000,
            &[
                "2000-01-03",
                "2000-04-21",
                "2000-04-24",
                "2000-05-01",
                "2000-05-29",
                "2000-08-28",
                "2000-12-25",
                "2000-12-26",
            ],
        ),
        (
            2002,
            &[
                "2002-01-01",
                "2002-03-29",
                "2002-04-01",
                "2002-05-06",
                "2002-06-03",
                "2002-06-04",
                "2002-08-26",
                "2002-12-25",
                "2002-12-26",
            ],
        ),
        (
            2011,
            &[
                "2011-01-03",
                "2011-04-22",
                "2011-04-25",
                "2011-04-29",
                "2011-05-02",
                "2011-05-30",
                "2011-08-29",
                "2011-12-26",
                "2011-12-27",
            ],
        ),
        (
            2012,
            &[
                "2012-01-02",
                "2012-04-06",
                "2012-04-09",
                "2012-05-07",
                "2012-06-04",
                "2012-06-05",
                "2012-08-27",
                "2012-12-25",
                "2012-12-26",
            ],
        ),
        (
            2100,
            &[
                "2100-01-01",
                "2100-03-26",
                "2100-03-29",
                "2100-05-03",
                "2100-05-31",
                "2100-08-30",
                "2100-12-27",
                "2100-12-28",
            ],
        ),
    ];
    for &(year, expected) in cases {
        assert_eq!(
            formatted(bank_holidays(year)),
            formatted(dates(expected)),
            "year {year}"
        );
    }
}

#[test]
fn no_computed_holidays_outside_1970_to_2100() {
    assert!(bank_holidays(1969).is_empty());
    assert!(bank_holidays(2101).is_empty());
    assert!(bank_holidays(i32::MIN).is_empty());
    assert!(bank_holidays(i32::MAX).is_empty());
    let cal = Calendar::england_and_wales();
    // 1 January 2101 is a Saturday; Monday 3 January 2101 is then an ordinary working day.
    assert!(cal.is_working_day(date("2101-01-03")));
}

#[test]
fn every_computed_holiday_from_1972_is_a_weekday_and_lists_are_sorted() {
    for year in FIRST_COMPUTED_YEAR..=LAST_COMPUTED_YEAR {
        let days = bank_holidays(year);
        assert!(
            days.windows(2).all(|w| w[0] < w[1]),
            "year {year} not sorted"
        );
        assert!(days.iter().all(|d| d.year() == year), "year {year}");
        let expected_len = match year {
            1970 | 1971 => 6,
            1972 | 1973 => 6 + usize::from(year == 1973),
            1974..=1977 => 7 + usize::from(year == 1977),
            1981 | 1999 | 2002 | 2011 | 2012 | 2023 => 9,
            2022 => 10,
            _ => 8,
        };
        assert_eq!(days.len(), expected_len, "year {year}");
        if year >= 1972 {
            assert!(
                days.iter()
                    .all(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)),
                "year {year}"
            );
        }
    }
}

#[test]
fn easter_dates() {
    let known = [
        "1970-03-29",
        "1981-04-19",
        "2000-04-23",
        "2008-03-23",
        "2011-04-24",
        "2019-04-21",
        "2024-03-31",
        "2025-04-20",
        "2026-04-05",
        "2027-03-28",
        "2038-04-25",
        "2100-03-28",
        "1818-03-22",
        "2285-03-22",
        "1943-04-25",
    ];
    for s in known {
        let d = date(s);
        assert_eq!(easter_sunday(d.year()), Some(d), "{s}");
    }
    assert_eq!(easter_sunday(1582), None);
    assert_eq!(easter_sunday(10_000), None);
    for year in 1583..=9999 {
        let e = easter_sunday(year).unwrap();
        assert_eq!(e.weekday(), Weekday::Sun, "{year}");
        assert!(e >= NaiveDate::from_ymd_opt(year, 3, 22).unwrap());
        assert!(e <= NaiveDate::from_ymd_opt(year, 4, 25).unwrap());
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar and published lists
// ---------------------------------------------------------------------------------------------

#[test]
fn working_days_across_christmas_2026() {
    let cal = Calendar::england_and_wales();
    let eve = date("2026-12-24");
    assert_eq!(cal.add_working_days(eve, 0), Some(eve));
    assert_eq!(cal.add_working_days(eve, 1), Some(date("2026-12-29")));
    assert_eq!(cal.add_working_days(eve, 2), Some(date("2026-12-30")));
    assert_eq!(cal.add_working_days(eve, 3), Some(date("2026-12-31")));
    // 1 Jan 2027 is New Year's Day (Friday).
    assert_eq!(cal.add_working_days(eve, 4), Some(date("2027-01-04")));
    assert_eq!(cal.next_working_day(eve), Some(date("2026-12-29")));
    assert_eq!(cal.sub_working_days(date("2026-12-30"), 2), Some(eve));
    assert_eq!(
        cal.sub_working_days(date("2027-01-04"), 1),
        Some(date("2026-12-31"))
    );
    assert_eq!(cal.sub_working_days(date("2026-12-29"), 1), Some(eve));
    assert_eq!(cal.working_days_between(eve, date("2027-01-04")), 4);
    assert_eq!(cal.working_days_between(eve, eve), 0);
    assert_eq!(cal.working_days_between(date("2027-01-04"), eve), 0);
    for s in [
        "2026-12-25",
        "2026-12-26",
        "2026-12-27",
        "2026-12-28",
        "2027-01-01",
    ] {
        assert!(!cal.is_working_day(date(s)), "{s}");
    }
    assert!(cal.is_bank_holiday(date("2026-12-28")));
    assert!(!cal.is_bank_holiday(date("2026-12-26")));
    // From a weekend day.
    assert_eq!(
        cal.next_working_day(date("2026-12-26")),
        Some(date("2026-12-29"))
    );
}

#[test]
fn closures_are_not_working_days() {
    let cal = Calendar::england_and_wales().with_closures(dates(&["2026-12-29", "2026-12-30"]));
    assert!(cal.is_closure(date("2026-12-29")));
    assert!(!cal.is_working_day(date("2026-12-30")));
    assert_eq!(
        cal.add_working_days(date("2026-12-24"), 1),
        Some(date("2026-12-31"))
    );
    assert_eq!(
        cal.working_days_between(date("2026-12-24"), date("2027-01-04")),
        2
    );
    // Closures add up across calls; a closure on a holiday or weekend changes nothing.
    let cal = cal.with_closures(dates(&["2026-12-31", "2026-12-25", "2026-12-27"]));
    assert_eq!(
        cal.add_working_days(date("2026-12-24"), 1),
        Some(date("2027-01-04"))
    );
    assert_eq!(
        cal.working_days_between(date("2026-12-24"), date("2027-01-04")),
        1
    );
    assert_eq!(cal.bank_holidays(2026), bank_holidays(2026));
}

#[test]
fn published_list_overrides_the_years_it_covers() {
    // A list with a made-up extra holiday in 2026 and without the August one.
    let list = PublishedList::from_events(
        "england-and-wales",
        dates(&[
            "2026-12-28",
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-05-04",
            "2026-05-25",
            "2026-06-15",
            "2026-12-25",
            "2026-01-01",
        ]),
    )
    .unwrap();
    assert!(list.covers(2026));
    assert!(!list.covers(2027));
    assert_eq!(list.years().collect::<Vec<_>>(), [2026]);
    assert_eq!(list.dates().count(), 8);
    let cal = Calendar::england_and_wales().with_published(list);
    assert!(cal.is_working_day(date("2026-08-31")));
    assert!(!cal.is_working_day(date("2026-06-15")));
    assert_eq!(cal.bank_holidays(2026).len(), 8);
    assert!(cal.bank_holidays(2026).windows(2).all(|w| w[0] < w[1]));
    // 2027 is not covered: computed.
    assert_eq!(cal.bank_holidays(2027), bank_holidays(2027));
    assert!(!cal.is_working_day(date("2027-08-30")));
    // Counting over the covered year uses the list.
    let plain = Calendar::england_and_wales();
    let (a, b) = (date("2026-01-01"), date("2027-12-31"));
    assert_eq!(
        cal.working_days_between(a, b),
        plain.working_days_between(a, b)
    );

    // A later list replaces the earlier one for the years it covers.
    let again = PublishedList::from_events("england-and-wales", bank_holidays(2026)).unwrap();
    let cal = cal.with_published(again);
    assert_eq!(cal.bank_holidays(2026), bank_holidays(2026));
    assert!(!cal.is_working_day(date("2026-08-31")));

    // A list for a year beyond the computed range is used too.
    let future = PublishedList::from_events("england-and-wales", dates(&["2101-01-03"])).unwrap();
    let cal = Calendar::england_and_wales().with_published(future);
    assert!(!cal.is_working_day(date("2101-01-03")));
    assert_eq!(
        cal.working_days_between(date("2100-12-31"), date("2101-01-07")),
        4
    );
}

#[test]
fn published_list_errors() {
    let err = PublishedList::from_events("scotland", dates(&["2026-01-01"])).unwrap_err();
    assert_eq!(err.kind(), PublishedListErrorKind::WrongDivision);
    assert!(!err.to_string().contains("scotland"));
    let err = PublishedList::from_events("England-and-Wales", dates(&["2026-01-01"])).unwrap_err();
    assert_eq!(err.kind(), PublishedListErrorKind::WrongDivision);
    let err = PublishedList::from_events("england-and-wales", []).unwrap_err();
    assert_eq!(err.kind(), PublishedListErrorKind::NoEvents);
    let _: &dyn std::error::Error = &err;
}

#[test]
fn huge_working_day_counts_end_without_hanging() {
    let cal = Calendar::england_and_wales();
    let d = date("2026-01-05");
    assert_eq!(cal.add_working_days(d, u32::MAX), None);
    assert_eq!(cal.sub_working_days(d, u32::MAX), None);
    assert_eq!(cal.add_working_days(NaiveDate::MAX, 1), None);
    assert_eq!(cal.sub_working_days(NaiveDate::MIN, 1), None);
    assert_eq!(
        cal.add_working_days(NaiveDate::MAX, 0),
        Some(NaiveDate::MAX)
    );
    // A large count that fits: checked against day-by-day stepping.
    let n = 50_000;
    let fast = cal.add_working_days(d, n).unwrap();
    assert_eq!(fast, naive_add(&cal, d, n).unwrap());
    assert_eq!(cal.working_days_between(d, fast), i64::from(n));
    assert_eq!(cal.sub_working_days(fast, n), Some(d));
    assert!(cal.working_days_between(NaiveDate::MIN, NaiveDate::MAX) > 0);
}

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

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn naive_add(cal: &Calendar, d: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut cur = d;
    let mut left = n;
    while left > 0 {
        cur = cur.succ_opt()?;
        if cal.is_working_day(cur) {
            left -= 1;
        }
    }
    Some(cur)
}

fn naive_sub(cal: &Calendar, d: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut cur = d;
    let mut left = n;
    while left > 0 {
        cur = cur.pred_opt()?;
        if cal.is_working_day(cur) {
            left -= 1;
        }
    }
    Some(cur)
}

fn naive_between(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> i64 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| cal.is_working_day(*d))
        .count() as i64
}

/// Any date from 1968 to 2103, so that the edges of the computed range are crossed.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let lo = NaiveDate::from_ymd_opt(1968, 1, 1)
        .unwrap()
        .num_days_from_ce();
    let hi = NaiveDate::from_ymd_opt(2103, 12, 31)
        .unwrap()
        .num_days_from_ce();
    (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

/// Any date in years 1 to 9999.
fn any_iso_date() -> impl Strategy<Value = NaiveDate> {
    let lo = NaiveDate::from_ymd_opt(1, 1, 1).unwrap().num_days_from_ce();
    let hi = NaiveDate::from_ymd_opt(9999, 12, 31)
        .unwrap()
        .num_days_from_ce();
    (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

/// A calendar with up to 30 closure days within a few months after `d`.
fn closures_near(d: NaiveDate) -> impl Strategy<Value = Vec<NaiveDate>> {
    prop::collection::vec(0i64..120, 0..30)
        .prop_map(move |offsets| offsets.into_iter().filter_map(|o| add_days(d, o)).collect())
}

fn any_unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        Just(Unit::Days),
        Just(Unit::WorkingDays),
        Just(Unit::Weeks),
        Just(Unit::Months),
        Just(Unit::Years),
        Just(Unit::Hours),
    ]
}

/// Short strings mostly made of the characters dates, times and durations use.
fn date_like_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        8 => prop::sample::select(vec![
            '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', ':', ' ', 'w', 'e', 'k', 's',
        ]),
        1 => any::<char>(),
    ];
    prop::collection::vec(ch, 0..14).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn add_working_days_lands_on_a_later_working_day(d in any_date(), n in 1u32..=1500) {
        let cal = Calendar::england_and_wales();
        let r = cal.add_working_days(d, n).unwrap();
        prop_assert!(r > d);
        prop_assert!(cal.is_working_day(r));
        prop_assert_eq!(Some(r), naive_add(&cal, d, n));
        prop_assert_eq!(cal.working_days_between(d, r), i64::from(n));
    }

    #[test]
    fn sub_working_days_matches_stepping(d in any_date(), n in 0u32..=1500) {
        let cal = Calendar::england_and_wales();
        let r = cal.sub_working_days(d, n).unwrap();
        prop_assert_eq!(Some(r), naive_sub(&cal, d, n));
        if n >= 1 {
            prop_assert!(r < d);
            prop_assert!(cal.is_working_day(r));
        }
        // Going forward again lands on d when d is a working day, else on the last working
        // day before it.
        let there = cal.add_working_days(d, n).unwrap();
        let back = cal.sub_working_days(there, n).unwrap();
        prop_assert!(back <= d);
        if n >= 1 {
            prop_assert_eq!(back == d, cal.is_working_day(d));
        }
    }

    #[test]
    fn a_closure_never_makes_add_working_days_earlier(
        d in any_date(),
        n in 0u32..=60,
        offset in 0i64..90,
        more in prop::collection::vec(0i64..120, 0..10),
    ) {
        let base = Calendar::england_and_wales()
            .with_closures(more.iter().filter_map(|&o| add_days(d, o)));
        let closed = base.clone().with_closures(add_days(d, offset));
        let before = base.add_working_days(d, n).unwrap();
        let after = closed.add_working_days(d, n).unwrap();
        prop_assert!(after >= before);
    }

    #[test]
    fn working_day_counts_with_closures_match_stepping(
        (d, closures) in any_date().prop_flat_map(|d| (Just(d), closures_near(d))),
        n in 0u32..=400,
        span in 0i64..800,
    ) {
        let cal = Calendar::england_and_wales().with_closures(closures);
        let to = add_days(d, span).unwrap();
        prop_assert_eq!(cal.working_days_between(d, to), naive_between(&cal, d, to));
        prop_assert_eq!(cal.add_working_days(d, n), naive_add(&cal, d, n));
        prop_assert_eq!(cal.sub_working_days(to, n), naive_sub(&cal, to, n));
    }

    #[test]
    fn add_months_never_grows_the_day(d in any_iso_date(), n in 0u32..=1200) {
        if let Some(r) = add_months(d, n) {
            prop_assert!(r.day() <= d.day());
            let months = |x: NaiveDate| i64::from(x.year()) * 12 + i64::from(x.month0());
            prop_assert_eq!(months(r) - months(d), i64::from(n));
        }
        if let Some(r) = sub_months(d, n) {
            prop_assert!(r.day() <= d.day());
        }
    }

    #[test]
    fn format_then_parse_round_trips(d in any_iso_date()) {
        let s = format_date(d);
        prop_assert_eq!(s.len(), 10);
        prop_assert_eq!(parse_date(&s), Ok(d));
    }

    #[test]
    fn parse_date_accepts_only_its_own_format(s in date_like_text()) {
        if let Ok(d) = parse_date(&s) {
            prop_assert_eq!(format_date(d), s.as_str());
        }
        if let Ok((h, m)) = parse_time(&s) {
            prop_assert_eq!(format!("{h:02}:{m:02}"), s.as_str());
        }
    }

    #[test]
    fn duration_parse_is_strict(s in date_like_text()) {
        if let Ok(d) = Duration::parse(&s) {
            prop_assert!((1..=Duration::MAX_N).contains(&d.n));
            // Canonical but for the number of the unit word.
            let described = d.describe();
            prop_assert_eq!(described.trim_end_matches('s'), s.trim_end_matches('s'));
        }
    }

    #[test]
    fn describe_then_parse_round_trips(n in 1u32..=1000, unit in any_unit()) {
        let d = Duration { n, unit };
        prop_assert_eq!(Duration::parse(&d.describe()), Ok(d));
    }

    #[test]
    fn duration_before_undoes_after_for_day_units(
        d in any_date(),
        n in 1u32..=1000,
        unit in prop_oneof![Just(Unit::Days), Just(Unit::Weeks), Just(Unit::Hours)],
    ) {
        let cal = Calendar::england_and_wales();
        let dur = Duration { n, unit };
        let there = dur.after(d, &cal).unwrap();
        prop_assert!(there > d);
        prop_assert_eq!(dur.before(there, &cal), Some(d));
    }
}
