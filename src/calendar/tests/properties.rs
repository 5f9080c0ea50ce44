//! Properties: working-day arithmetic against stepping day by day, round trips, strict parsing.

use super::*;

pub(super) fn naive_add(cal: &Calendar, d: NaiveDate, n: u32) -> Option<NaiveDate> {
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

pub(super) fn naive_sub(cal: &Calendar, d: NaiveDate, n: u32) -> Option<NaiveDate> {
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

pub(super) fn naive_between(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> i64 {
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
