//! The calendar: working days, closures and published lists.

use super::properties::naive_add;
use super::*;

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
