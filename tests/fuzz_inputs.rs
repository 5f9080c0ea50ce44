//! Fuzzing on stable (issue 8): proptest drives every entry point a page can reach with
//! arbitrary and hostile input, and asserts that nothing panics, nothing hangs, and no
//! finding repeats what a record held.
//!
//! - `validate`: every built-in template; records of arbitrary JSON, deep-ish nesting, huge
//!   strings, odd unicode, values of the wrong type; arbitrary options.
//! - `Worker::from_json` + `ScheduleOptions::from_json` + `schedule`: arbitrary workers and
//!   options, under every built-in policy.
//! - `Registry::register` / `parse_policy`: arbitrary JSON and text, and the built-in
//!   policies mutated (keys dropped, types changed, negative and huge numbers, odd
//!   durations, duplicate ids, override cycles, `extends`); every policy that is accepted is
//!   then used to validate and schedule.
//! - `calendar::parse_date`, `parse_time`, `Duration::parse` on arbitrary strings, and the
//!   date arithmetic on any date chrono can hold.
//!
//! The case count per property is modest by default, so `cargo test` (and `make test`) runs
//! this in seconds; `FUZZ_CASES=n` sets it for a longer run, e.g.
//! `FUZZ_CASES=20000 cargo test --test fuzz_inputs -- --nocapture` (each property prints its
//! cases and time). Run it in the default (debug) profile: that is the one that panics on
//! integer overflow. docs/bad-inputs.md records the long runs.
//!
//! `tests/corpus/*.json` holds the awkward inputs, hand-picked and found; `corpus_replays`
//! runs every one of them (see its doc comment for the format).
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use chrono::Datelike;
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};
use serde_json::{json, Map, Value};
use std::path::Path;
use std::time::{Duration as Elapsed, Instant};
use supervision_rules::calendar::{
    add_days, format_date, parse_date, parse_time, Calendar, Duration, Unit,
};
use supervision_rules::policy::{parse_policy, parse_policy_value, FieldType, Policy, Registry};
use supervision_rules::schedule::{schedule, ScheduleOptions, Supervisee, Worker};
use supervision_rules::validate::{validate, Mode, ValidateOptions, ValidationReport};
use supervision_rules::Error;

/// A marker put into record text and keys: no finding may ever contain it (in any case).
const MARK: &str = "ZqXj7-Mark";
const MARK_LOWER: &str = "zqxj7";

/// Hang guards, per call, in the debug profile on a loaded machine: far above the expected
/// time (milliseconds), low enough that a loop or a quadratic blow-up on hostile input fails.
const VALIDATE_BOUND: Elapsed = Elapsed::from_secs(5);
const SCHEDULE_BOUND: Elapsed = Elapsed::from_secs(10);
const POLICY_BOUND: Elapsed = Elapsed::from_secs(5);
const PARSE_BOUND: Elapsed = Elapsed::from_millis(500);

const POLICY_SOURCES: [(&str, &str); 5] = [
    ("stockport", include_str!("../src/policies/stockport.json")),
    (
        "north-east-lincolnshire",
        include_str!("../src/policies/north-east-lincolnshire.json"),
    ),
    ("havering", include_str!("../src/policies/havering.json")),
    (
        "shropshire",
        include_str!("../src/policies/shropshire.json"),
    ),
    (
        "south-gloucestershire",
        include_str!("../src/policies/south-gloucestershire.json"),
    ),
];

// ---------------------------------------------------------------- running

/// Cases for a property: `FUZZ_CASES` when set, otherwise `default`.
fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(default)
}

/// Runs one property for its case count, prints what ran, and fails with the smallest
/// failing input proptest could find. Failures are not persisted as seeds: a failing input
/// goes into `tests/corpus/` as data, which outlives changes to the strategies.
fn fuzz<S: Strategy>(
    name: &str,
    default_cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let config = ProptestConfig {
        cases: cases(default_cases),
        failure_persistence: None,
        max_shrink_time: 60_000,
        ..ProptestConfig::default()
    };
    let n = config.cases;
    let mut runner = TestRunner::new(config);
    let start = Instant::now();
    let result = runner.run(&strategy, test);
    eprintln!(
        "fuzz {name}: {n} cases in {:.1} s: {}",
        start.elapsed().as_secs_f64(),
        if result.is_ok() { "ok" } else { "FAILED" }
    );
    if let Err(e) = result {
        panic!("fuzz {name}: {e}");
    }
}

/// Runs `f`, failing the case if it took longer than `bound`.
fn within<T>(bound: Elapsed, what: &str, f: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    let t = Instant::now();
    let out = f();
    let took = t.elapsed();
    if took > bound {
        return Err(TestCaseError::fail(format!(
            "{what} took {took:?} (bound {bound:?})"
        )));
    }
    Ok(out)
}

// ---------------------------------------------------------------- strategies

/// Strings that have broken parsers elsewhere, and the hand-picked ones of issue 8.
const AWKWARD: &[&str] = &[
    "",
    " ",
    "\t\n\r",
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "0000-01-01",
    "0001-01-01",
    "1969-12-31",
    "1970-01-01",
    "2100-12-31",
    "2101-01-01",
    "9999-12-31",
    "10000-01-01",
    "2024-02-29",
    "2026-02-29",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "+2026-01-01",
    "-0001-01-01",
    "2026-01-01T00:00:00Z",
    "2026-01-01 ",
    " 2026-01-01",
    "\u{feff}2026-01-01",
    "２０２６-０１-０１",
    "٢٠٢٦-٠١-٠١",
    "2026\u{2010}01\u{2010}01",
    "00:00",
    "23:59",
    "24:00",
    "23:60",
    "9:30",
    "-1:00",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "1e309",
    "-1e309",
    "-0",
    "0",
    "-1",
    "0.5",
    "4294967295",
    "4294967296",
    "18446744073709551616",
    "0x10",
    "null",
    "undefined",
    "true",
    "[]",
    "{}",
    "\u{0}",
    "\u{202e}evil",
    "e\u{301}\u{301}\u{301}",
    "👩\u{200d}👧\u{200d}👦",
    "\u{fffd}",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "' OR 1=1 --",
    "%s%s%n",
    "{{7*7}}",
    "${7*7}",
    "12345, 67890",
    "12345,,;;",
    "AB/12-34",
    "0 days",
    "1 day",
    "1 working day",
    "2 working days",
    "6 weeks",
    "1 month",
    "12 months",
    "1000 years",
    "1001 days",
    "-3 weeks",
    "99999999 years",
    "4294967296 days",
    "1 fortnight",
    "6  weeks",
    "6 Weeks",
    "48 hours",
    "one-to-one",
    "personal",
    "case",
    "group",
    "reflective",
    "sickness",
    "other",
    "social-worker",
    "nqsw",
    "team-manager",
    "full-time",
    "part-time",
    "red",
    "amber",
    "green",
    "child-protection",
    "looked-after",
    "significant-change",
    "proceedings",
    "asye-review",
    "pdr",
    "draft",
    "final",
];

/// Arbitrary text: the awkward strings, arbitrary unicode, near-miss dates, times and
/// durations, marked text, and (rarely) long runs.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        6 => prop::sample::select(AWKWARD).prop_map(String::from),
        3 => any::<String>(),
        2 => "\\PC{0,24}",
        3 => (any::<String>(), any::<String>()).prop_map(|(a, b)| format!("{a}{MARK}{b}")),
        2 => (0u32..=10_000, 0u32..=13, 0u32..=32)
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => (0u32..=25, 0u32..=61).prop_map(|(h, m)| format!("{h:02}:{m:02}")),
        1 => (any::<u32>(), prop::sample::select(vec!["day", "days", "working days", "weeks", "month", "years", "hours", "fortnights"]))
            .prop_map(|(n, u)| format!("{n} {u}")),
        1 => (any::<char>(), 1usize..5_000).prop_map(|(c, n)| c.to_string().repeat(n)),
        1 => (1usize..200_000).prop_map(|n| format!("{MARK} {}", "x".repeat(n))),
    ]
    .boxed()
}

/// A date as text: mostly real dates in 2024–2027, where histories interact; sometimes the
/// ends of the range, and sometimes not a date at all.
fn date_text() -> BoxedStrategy<String> {
    prop_oneof![
        12 => (2024i32..=2027, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        2 => (
            prop::sample::select(vec![1i32, 2, 1582, 1969, 1970, 2100, 2101, 9998, 9999]),
            1u32..=12,
            1u32..=31,
        )
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => text(),
    ]
    .boxed()
}

/// Numbers at the edges: zero, negatives, fractions, huge, the limits of every integer type.
fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        2 => prop::sample::select(
            vec![
                0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 7.0, 30.0, 90.0, 366.0, 367.0, 1000.0, 1001.0,
                1e9, 4_294_967_295.0, 4_294_967_296.0, 1e15, 1e300, -1e300, f64::MAX, f64::MIN,
                f64::MIN_POSITIVE, f64::EPSILON,
            ]
        )
        .prop_map(|f| json!(f)),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(|f| json!(f)),
        1 => prop::sample::select(vec![i64::MIN, i64::MAX, -1, u32::MAX as i64, i32::MIN as i64])
            .prop_map(Value::from),
    ]
    .boxed()
}

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        4 => text(),
        2 => prop::sample::select(
            vec![
                "__proto__", "constructor", "prototype", "action", "who", "when", "name", "dob",
                "date", "type", "id", "kind", "every", "counts", "source", "rules", "templates",
            ]
        )
        .prop_map(String::from),
    ]
    .boxed()
}

/// Any JSON value, a few levels deep.
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        2 => number(),
        4 => text().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// A value nested `depth` levels deep, arrays and objects alternating: deep-ish, as the wasm
/// boundary stops at 32 levels before the core sees it.
fn deep_json() -> BoxedStrategy<Value> {
    (0usize..400, any_json())
        .prop_map(|(depth, mut v)| {
            for i in 0..depth {
                v = if i % 2 == 0 {
                    Value::Array(vec![v])
                } else {
                    json!({ "a": v })
                };
            }
            v
        })
        .boxed()
}

/// A value for a record's field: plausible values of every field type, and anything else.
fn field_value() -> BoxedStrategy<Value> {
    let row_action = (text(), text(), date_text(), any::<bool>()).prop_map(|(a, w, d, full)| {
        if full {
            json!({ "action": a, "who": w, "when": d })
        } else {
            json!({ "action": a, MARK: w })
        }
    });
    let row_child = (text(), date_text()).prop_map(|(n, d)| json!({ "name": n, "dob": d }));
    prop_oneof![
        3 => date_text().prop_map(Value::String),
        3 => text().prop_map(Value::String),
        2 => number(),
        2 => prop::collection::vec(row_action, 0..6).prop_map(Value::Array),
        2 => prop::collection::vec(row_child, 0..6).prop_map(Value::Array),
        3 => any_json(),
        1 => deep_json(),
        1 => Just(Value::Null),
    ]
    .boxed()
}

/// A JSON object from optional members: a `None` member is left out.
fn object(members: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect(),
    )
}

/// Usually `good`, sometimes left out, sometimes replaced by anything; always `good` when
/// the input is meant to be clean.
fn member(good: BoxedStrategy<Value>, dirty: bool) -> BoxedStrategy<Option<Value>> {
    if !dirty {
        return good.prop_map(Some).boxed();
    }
    prop_oneof![
        12 => good.prop_map(Some),
        1 => Just(None),
        1 => any_json().prop_map(Some),
    ]
    .boxed()
}

/// A real date: mostly in 2024–2027, where histories interact; sometimes near the ends of
/// the range.
fn real_date() -> BoxedStrategy<chrono::NaiveDate> {
    prop_oneof![
        12 => (2024i32..=2027, 1u32..=12, 1u32..=28),
        1 => (
            prop::sample::select(vec![1i32, 2, 1969, 1970, 2100, 2101, 9998, 9999]),
            1u32..=12,
            1u32..=28,
        ),
    ]
    .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a real date"))
    .boxed()
}

fn date_value(dirty: bool) -> BoxedStrategy<Value> {
    if dirty {
        date_text().prop_map(Value::String).boxed()
    } else {
        real_date().prop_map(|d| json!(format_date(d))).boxed()
    }
}

fn date_member(dirty: bool) -> BoxedStrategy<Option<Value>> {
    member(date_value(dirty), dirty)
}

/// Optional: left out twice as often as given.
fn optional(s: BoxedStrategy<Option<Value>>) -> BoxedStrategy<Option<Value>> {
    prop_oneof![2 => Just(None), 1 => s].boxed()
}

fn word(words: &'static [&'static str], dirty: bool) -> BoxedStrategy<Value> {
    let good = prop::sample::select(words).prop_map(|w| json!(w));
    if !dirty {
        return good.boxed();
    }
    prop_oneof![8 => good, 1 => text().prop_map(Value::String)].boxed()
}

const SESSION_TYPES: &[&str] = &["one-to-one", "personal", "case", "group", "reflective"];
const EVENT_KINDS: &[&str] = &[
    "significant-change",
    "change-of-social-worker",
    "risk-increase",
    "child-protection-conference",
    "pre-proceedings",
    "proceedings",
    "entering-care",
    "step-up",
    "step-down",
];
const ROLES: &[&str] = &[
    "social-worker",
    "nqsw",
    "probationer",
    "team-manager",
    "advanced-practitioner",
    "early-help",
    "practice-supervisor",
    "service-manager",
    "wizard",
];

fn session(dirty: bool) -> BoxedStrategy<Value> {
    (
        date_member(dirty),
        member(word(SESSION_TYPES, dirty), dirty),
        prop_oneof![6 => Just(None), 2 => member(word(&["sickness", "other"], dirty), dirty)],
        optional(date_member(dirty)),
    )
        .prop_map(|(date, kind, cancelled, recorded)| {
            object(vec![
                ("date", date),
                ("type", kind),
                ("cancelled", cancelled),
                ("recorded", recorded),
            ])
        })
        .boxed()
}

fn absence(dirty: bool) -> BoxedStrategy<Value> {
    if dirty {
        return (date_member(true), date_member(true))
            .prop_map(|(from, to)| object(vec![("from", from), ("to", to)]))
            .boxed();
    }
    (real_date(), 0i64..120)
        .prop_map(|(from, days)| {
            let to = add_days(from, days).unwrap_or(from);
            json!({ "from": format_date(from), "to": format_date(to) })
        })
        .boxed()
}

fn case(dirty: bool) -> BoxedStrategy<Value> {
    let event = (date_member(dirty), member(word(EVENT_KINDS, dirty), dirty))
        .prop_map(|(d, k)| object(vec![("date", d), ("kind", k)]));
    let id = if dirty {
        prop_oneof![
            3 => "[A-Z]{0,2}[0-9]{1,6}".prop_map(Value::String),
            1 => text().prop_map(Value::String),
        ]
        .boxed()
    } else {
        "[A-Z]{0,2}[0-9]{1,6}".prop_map(Value::String).boxed()
    };
    let plans = &[
        "early-help",
        "child-in-need",
        "child-protection",
        "looked-after",
        "leaving-care",
    ];
    (
        member(id, dirty),
        date_member(dirty),
        optional(member(word(plans, dirty), dirty)),
        optional(member(word(&["red", "amber", "green"], dirty), dirty)),
        prop::collection::vec(date_value(dirty), 0..6),
        prop::collection::vec(event, 0..4),
    )
        .prop_map(|(id, allocated, plan, rag, discussed, events)| {
            object(vec![
                ("id", id),
                ("allocated", allocated),
                ("plan", plan),
                ("rag", rag),
                ("discussed", Some(Value::Array(discussed))),
                ("events", Some(Value::Array(events))),
            ])
        })
        .boxed()
}

/// A worker in the contract's shape. Clean: every member of the right type and every date
/// real, so the schedule is reached. Dirty: each member sometimes missing, of the wrong type,
/// or an impossible date.
fn worker(dirty: bool) -> BoxedStrategy<Value> {
    let review = (
        member(
            if dirty {
                word(&["asye-review", "pdr", "supervision"], true)
            } else {
                word(&["asye-review", "pdr"], false)
            },
            dirty,
        ),
        date_member(dirty),
    )
        .prop_map(|(k, d)| object(vec![("kind", k), ("date", d)]));
    let agreement = (date_member(dirty), optional(date_member(dirty)))
        .prop_map(|(s, c)| object(vec![("signed", s), ("supervisorChanged", c)]));
    let shifts = if dirty {
        number()
    } else {
        (0u32..=1000).prop_map(Value::from).boxed()
    };
    let head = (
        member(text().prop_map(Value::String).boxed(), dirty),
        member(word(ROLES, dirty), dirty),
        date_member(dirty),
        optional(date_member(dirty)),
        optional(date_member(dirty)),
        optional(member(word(&["full-time", "part-time"], dirty), dirty)),
        optional(member(shifts, dirty)),
    );
    let history = (
        prop::collection::vec(session(dirty), 0..40),
        prop::collection::vec(absence(dirty), 0..6),
        prop_oneof![1 => Just(None), 2 => member(agreement.boxed(), dirty)],
        prop::collection::vec(date_value(dirty), 0..4),
        prop::collection::vec(review, 0..3),
        prop::collection::vec(case(dirty), 0..6),
    );
    (head, history)
        .prop_map(
            |((id, role, started, asye, probation, hours, shifts), (s, a, ag, o, r, c))| {
                object(vec![
                    ("id", id),
                    ("role", role),
                    ("started", started),
                    ("asye", asye),
                    ("probation", probation),
                    ("hours", hours),
                    ("shiftsPerMonth", shifts),
                    ("sessions", Some(Value::Array(s))),
                    ("absences", Some(Value::Array(a))),
                    ("agreement", ag),
                    ("observations", Some(Value::Array(o))),
                    ("reviews", Some(Value::Array(r))),
                    ("cases", Some(Value::Array(c))),
                ])
            },
        )
        .boxed()
}

/// Schedule options: `{asOf, dueSoonDays?, closures?}`, clean or dirty as for [`worker`].
fn schedule_options(dirty: bool) -> BoxedStrategy<Value> {
    let due_soon = if dirty {
        number()
    } else {
        (0u32..=366).prop_map(Value::from).boxed()
    };
    let closures = prop::collection::vec(date_value(dirty), 0..8)
        .prop_map(Value::Array)
        .boxed();
    (
        date_member(dirty),
        optional(member(due_soon, dirty)),
        optional(member(closures, dirty)),
    )
        .prop_map(|(a, d, c)| object(vec![("asOf", a), ("dueSoonDays", d), ("closures", c)]))
        .boxed()
}

/// Validate options: `{mode?, today?, role?}`, or anything.
fn validate_options() -> BoxedStrategy<Value> {
    prop_oneof![
        8 => (
            prop_oneof![1 => Just(None), 4 => member(word(&["draft", "final"], true), true)],
            prop_oneof![1 => Just(None), 4 => date_member(true)],
            prop_oneof![3 => Just(None), 1 => member(word(ROLES, true), true)],
        )
            .prop_map(|(m, t, r)| object(vec![("mode", m), ("today", t), ("role", r)])),
        1 => Just(Value::Null),
        1 => any_json(),
    ]
    .boxed()
}

// ---------------------------------------------------------------- checks

fn all_findings(
    r: &ValidationReport,
) -> impl Iterator<Item = &supervision_rules::finding::Finding> {
    r.errors.iter().chain(&r.warnings)
}

/// Nothing the caller gave comes back: no marker in any finding, in any case.
fn check_report(r: &ValidationReport, what: &str) -> Result<(), TestCaseError> {
    for f in all_findings(r) {
        for text in [&f.message, &f.path, &f.source] {
            prop_assert!(
                !text.to_lowercase().contains(MARK_LOWER),
                "{what}: a finding repeats the record: {f:?}"
            );
        }
        prop_assert!(
            f.path.len() <= 200,
            "{what}: a path that long is not a field id: {f:?}"
        );
    }
    if r.valid {
        prop_assert!(r.errors.is_empty(), "{what}: valid with errors");
    }
    Ok(())
}

/// An error names what was expected, never the value given.
fn check_error(e: &Error, what: &str) -> Result<(), TestCaseError> {
    let text = e.to_string().to_lowercase();
    prop_assert!(
        !text.contains(MARK_LOWER),
        "{what}: the error repeats the input: {e}"
    );
    Ok(())
}

/// Validates `record` against every template of `policy`, with `options`.
fn validate_all(
    policy: &Policy,
    record: &Value,
    options: &ValidateOptions,
    private: bool,
    what: &str,
) -> Result<(), TestCaseError> {
    for t in &policy.templates {
        let what = format!("{what}, {}/{}", policy.id, t.id);
        match within(VALIDATE_BOUND, &what, || {
            validate(policy, t, record, options)
        })? {
            Ok(r) if private => check_report(&r, &what)?,
            Ok(_) => {}
            Err(e) => {
                check_error(&e, &what)?;
                // Only a record that is not an object, or an unknown role, is an error.
                let role_known = policy.roles.iter().any(|r| r.id == options.supervisee.role);
                prop_assert!(
                    !record.is_object() || !role_known,
                    "{what}: an error for a record's content: {e}"
                );
            }
        }
    }
    Ok(())
}

/// Reads a worker and options, then schedules under `policy` (when both read).
/// Whether it got as far as `schedule`.
fn schedule_one(
    policy: &Policy,
    worker: &Value,
    options: &Value,
    what: &str,
) -> Result<bool, TestCaseError> {
    let w = match Worker::from_json(worker) {
        Ok(w) => w,
        Err(e) => return check_error(&e, &format!("{what}: worker")).map(|()| false),
    };
    let o = match ScheduleOptions::from_json(options, Calendar::england_and_wales()) {
        Ok(o) => o,
        Err(e) => return check_error(&e, &format!("{what}: options")).map(|()| false),
    };
    let what = format!("{what}, {}", policy.id);
    match within(SCHEDULE_BOUND, &what, || schedule(policy, &w, &o))? {
        Ok(s) => prop_assert_eq!(s.as_of, o.as_of),
        Err(e) => check_error(&e, &what)?,
    }
    Ok(true)
}

// ---------------------------------------------------------------- validate

/// A record for `t`: each of its fields given one of `values` (chosen by `picks`), a
/// choice sometimes given one of its own options, some fields left out, and extra keys.
fn record_for(
    t: &supervision_rules::policy::Template,
    values: &[Value],
    picks: &[(u8, u16)],
    extra: &[(String, Value)],
) -> Value {
    let mut record = Map::new();
    for (i, f) in t.fields().enumerate() {
        let (how, which) = picks.get(i % picks.len().max(1)).copied().unwrap_or((0, 0));
        if how % 7 == 0 {
            continue;
        }
        let v = match (&f.kind, &f.options) {
            (FieldType::Choice, Some(options)) if how % 3 == 0 && !options.is_empty() => {
                json!(options[usize::from(which) % options.len()])
            }
            _ if values.is_empty() => Value::Null,
            _ => values[usize::from(which) % values.len()].clone(),
        };
        record.insert(f.id.clone(), v);
    }
    for (k, v) in extra {
        record.insert(k.clone(), v.clone());
    }
    Value::Object(record)
}

#[test]
fn fuzz_validate() {
    let registry = Registry::with_builtins();
    let strategy = (
        prop::collection::vec(field_value(), 1..24),
        prop::collection::vec(any::<(u8, u16)>(), 1..48),
        prop::collection::vec((key(), any_json()), 0..4),
        validate_options(),
    );
    fuzz(
        "validate",
        64,
        strategy,
        |(values, picks, extra, options)| {
            let options = match ValidateOptions::from_json(&options) {
                Ok(o) => o,
                Err(e) => {
                    check_error(&e, "validate options")?;
                    ValidateOptions {
                        mode: Mode::Final,
                        today: parse_date("2026-12-31").ok(),
                        ..ValidateOptions::default()
                    }
                }
            };
            for p in registry.all() {
                for t in &p.templates {
                    let record = record_for(t, &values, &picks, &extra);
                    let what = format!("{}/{}", p.id, t.id);
                    let r = within(VALIDATE_BOUND, &what, || validate(p, t, &record, &options))?;
                    match r {
                        Ok(r) => check_report(&r, &what)?,
                        Err(e) => {
                            check_error(&e, &what)?;
                            // The default role is every built-in policy's.
                            prop_assert!(
                                !p.roles.iter().any(|r| r.id == options.supervisee.role),
                                "{what}: an error for a record's content: {e}"
                            );
                        }
                    }
                }
            }
            Ok(())
        },
    );
}

#[test]
fn fuzz_validate_any_value_as_the_record() {
    let registry = Registry::with_builtins();
    fuzz(
        "validate, any value as the record",
        128,
        prop_oneof![3 => any_json(), 1 => deep_json()],
        |record| {
            for p in registry.all() {
                validate_all(p, &record, &ValidateOptions::default(), true, "any record")?;
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------- schedule

#[test]
fn fuzz_schedule() {
    let registry = Registry::with_builtins();
    let reached = std::cell::Cell::new(0u32);
    let strategy = prop_oneof![
        6 => (worker(false), schedule_options(false)),
        4 => (worker(true), schedule_options(true)),
        1 => (worker(false), any_json()),
        1 => (prop_oneof![any_json(), deep_json()], schedule_options(false)),
    ];
    fuzz("worker + schedule", 128, strategy, |(worker, options)| {
        for p in registry.all() {
            if schedule_one(p, &worker, &options, "schedule")? {
                reached.set(reached.get() + 1);
            }
        }
        Ok(())
    });
    eprintln!(
        "fuzz worker + schedule: schedule() ran {} times",
        reached.get()
    );
}

// ---------------------------------------------------------------- policies

/// One step of a path into a JSON value.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every path in `v`, parents before children.
fn paths(v: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(prefix.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                prefix.push(Step::Key(k.clone()));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                prefix.push(Step::Index(i));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn value_at<'a>(v: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

fn at_mut<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// How a built-in policy is broken.
#[derive(Debug, Clone)]
enum Mutation {
    /// Drop the member or element at the path.
    Remove,
    /// Put this value at the path (a change of type, an absurd number, an odd duration).
    Replace(Value),
    /// Repeat an array element at the path (duplicate ids).
    Duplicate,
    /// Make rule `a` override rule `b` and `b` override `a` (a cycle).
    Cycle(usize, usize),
    /// Make the policy extend another (or itself), optionally removing kinds.
    Extends(String, Option<Value>),
    /// Rename the policy (to a built-in's id: a replacement).
    Rename(String),
    /// Move a duration or a count to an extreme its type allows (`"1000 years"`,
    /// `"1 working day"`, 0, 1000): the policy often stays valid, so the engine runs on it.
    Extreme(usize),
}

/// Durations and counts at the edges of what a policy may say.
const EXTREME_DURATIONS: &[&str] = &[
    "1 day",
    "1 hour",
    "1 working day",
    "1000 days",
    "1000 working days",
    "1000 weeks",
    "1000 months",
    "1000 years",
    "1000 hours",
    "1 month",
    "1 year",
];
const EXTREME_COUNTS: &[i64] = &[0, 1, 2, 365, 1000, 1001, -1];

fn mutation() -> BoxedStrategy<Mutation> {
    let builtin = prop::sample::select(
        POLICY_SOURCES
            .iter()
            .map(|(id, _)| (*id).to_string())
            .chain(["odd".to_string(), String::new()])
            .collect::<Vec<_>>(),
    );
    prop_oneof![
        4 => Just(Mutation::Remove),
        3 => number().prop_map(Mutation::Replace),
        3 => prop::sample::select(
            vec![
                "0 days", "-3 weeks", "99999999 years", "1000 years", "1000 working days",
                "1000 months", "1 day", "1 working day", "1 hour", "1001 days", "", "weekly",
            ]
        )
        .prop_map(|s| Mutation::Replace(json!(s))),
        3 => any_json().prop_map(Mutation::Replace),
        2 => Just(Mutation::Duplicate),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Cycle(a, b)),
        1 => (builtin.clone(), prop::option::of(any_json())).prop_map(|(id, r)| Mutation::Extends(id, r)),
        1 => builtin.prop_map(Mutation::Rename),
        6 => any::<usize>().prop_map(Mutation::Extreme),
    ]
    .boxed()
}

fn apply(policy: &mut Value, m: &Mutation, at: usize) {
    let mut all = Vec::new();
    paths(policy, &mut Vec::new(), &mut all);
    // Most mutations aim at the rules and templates, where the engine reads numbers.
    let aimed: Vec<&Vec<Step>> = all
        .iter()
        .filter(|p| matches!(p.first(), Some(Step::Key(k)) if k == "rules" || k == "templates"))
        .collect();
    let path = if at % 4 != 0 && !aimed.is_empty() {
        aimed[at % aimed.len()].clone()
    } else {
        all[at % all.len()].clone()
    };
    match m {
        Mutation::Extreme(pick) => {
            let tunable: Vec<&Vec<Step>> = all
                .iter()
                .filter(|p| match value_at(policy, p) {
                    Some(Value::String(s)) => Duration::parse(s).is_ok(),
                    Some(Value::Number(_)) => true,
                    _ => false,
                })
                .collect();
            let Some(path) = tunable.get(at % tunable.len().max(1)) else {
                return;
            };
            let path = (*path).clone();
            if let Some(slot) = at_mut(policy, &path) {
                *slot = if slot.is_string() {
                    json!(EXTREME_DURATIONS[pick % EXTREME_DURATIONS.len()])
                } else {
                    json!(EXTREME_COUNTS[pick % EXTREME_COUNTS.len()])
                };
            }
        }
        Mutation::Remove => {
            if let Some((last, parent)) = path.split_last() {
                match (at_mut(policy, parent), last) {
                    (Some(Value::Object(o)), Step::Key(k)) => {
                        o.remove(k);
                    }
                    (Some(Value::Array(a)), Step::Index(i)) if *i < a.len() => {
                        a.remove(*i);
                    }
                    _ => {}
                }
            }
        }
        Mutation::Replace(v) => {
            if let Some(slot) = at_mut(policy, &path) {
                *slot = v.clone();
            }
        }
        Mutation::Duplicate => {
            if let Some((Step::Index(i), parent)) = path.split_last() {
                if let Some(Value::Array(a)) = at_mut(policy, parent) {
                    if let Some(x) = a.get(*i).cloned() {
                        a.push(x);
                    }
                }
            }
        }
        Mutation::Cycle(a, b) => {
            if let Some(Value::Array(rules)) = policy.get_mut("rules") {
                if rules.is_empty() {
                    return;
                }
                let (a, b) = (a % rules.len(), b % rules.len());
                let id = |r: &Value| r.get("id").cloned().unwrap_or(Value::Null);
                let (ida, idb) = (id(&rules[a]), id(&rules[b]));
                if let Some(r) = rules[a].as_object_mut() {
                    r.insert("overrides".into(), json!([idb]));
                }
                if let Some(r) = rules[b].as_object_mut() {
                    r.insert("overrides".into(), json!([ida]));
                }
            }
        }
        Mutation::Extends(id, remove) => {
            if let Some(o) = policy.as_object_mut() {
                o.insert("extends".into(), json!(id));
                if let Some(r) = remove {
                    o.insert("remove".into(), r.clone());
                }
            }
        }
        Mutation::Rename(id) => {
            if let Some(o) = policy.as_object_mut() {
                o.insert("id".into(), json!(id));
            }
        }
    }
}

/// Workers and records to run an accepted policy with: a long history, a new starter in the
/// ASYE and on probation, a caseload with events; a complete-looking record.
fn sample_inputs() -> (Vec<Value>, Value, Value) {
    let sessions: Vec<Value> = (0..60)
        .map(|i| {
            let d = add_days(parse_date("2024-01-01").expect("date"), i * 11).expect("date");
            json!({ "date": format_date(d), "type": SESSION_TYPES[i as usize % 5],
                    "recorded": format_date(d),
                    "cancelled": if i % 9 == 0 { json!("sickness") } else { Value::Null } })
        })
        .collect();
    let workers = vec![
        json!({ "id": "w", "role": "social-worker", "started": "2023-06-01", "sessions": sessions,
                "absences": [{ "from": "2025-03-03", "to": "2025-04-30" }],
                "agreement": { "signed": "2024-02-01", "supervisorChanged": "2025-01-06" },
                "observations": ["2024-05-01"], "reviews": [{ "kind": "pdr", "date": "2025-04-01" }],
                "cases": [{ "id": "C1", "allocated": "2025-09-01", "plan": "child-protection", "rag": "red",
                            "discussed": ["2025-10-01"],
                            "events": [{ "date": "2025-11-03", "kind": "significant-change" },
                                       { "date": "2026-03-09", "kind": "child-protection-conference" }] }] }),
        json!({ "id": "n", "role": "nqsw", "started": "2025-09-01", "asye": "2025-09-01",
                "probation": "2025-09-01", "hours": "part-time", "shiftsPerMonth": 4,
                "sessions": [{ "date": "2025-09-08", "type": "one-to-one" }] }),
    ];
    let options = json!({ "asOf": "2026-03-02", "closures": ["2026-03-03"] });
    let record = json!({ "date": "2026-03-02", "children": [{ "name": MARK, "dob": "2015-01-01" }],
                         "actions": [{ "action": MARK, "who": MARK, "when": "2026-03-09" }] });
    (workers, options, record)
}

/// Registers `value` in `registry`; if accepted, validates and schedules with it.
fn register_and_use(
    registry: &mut Registry,
    value: Value,
    what: &str,
) -> Result<bool, TestCaseError> {
    // Findings quote the policy's own labels: a policy that holds the marker itself (a
    // mutation put it in a label) cannot show whether the record leaks.
    let policy_has_mark = value.to_string().to_lowercase().contains(MARK_LOWER);
    let r = within(POLICY_BOUND, what, || registry.register(value))?;
    let Ok(policy) = r else {
        return Ok(false);
    };
    let (workers, options, record) = sample_inputs();
    for w in &workers {
        schedule_one(&policy, w, &options, what)?;
    }
    for role in policy.roles.iter().map(|r| r.id.clone()).take(3) {
        let o = ValidateOptions {
            mode: Mode::Final,
            today: parse_date("2026-12-31").ok(),
            supervisee: Supervisee {
                role,
                ..Supervisee::default()
            },
            ..ValidateOptions::default()
        };
        validate_all(&policy, &record, &o, !policy_has_mark, what)?;
    }
    Ok(true)
}

#[test]
fn fuzz_register_mutated_builtin_policies() {
    let bases: Vec<Value> = POLICY_SOURCES
        .iter()
        .map(|(_, text)| serde_json::from_str(text).expect("built-in policy JSON"))
        .collect();
    let strategy = (
        0..bases.len(),
        prop::collection::vec((mutation(), any::<usize>()), 1..4),
        any::<bool>(),
    );
    let accepted = std::cell::Cell::new(0u32);
    fuzz(
        "register mutated built-in policies",
        128,
        strategy,
        |(base, mutations, as_text)| {
            let mut policy = bases[base].clone();
            for (m, at) in &mutations {
                apply(&mut policy, m, *at);
            }
            let mut registry = Registry::with_builtins();
            if as_text {
                // The text route as well: the same outcome as the value route.
                let text = serde_json::to_string(&policy).expect("JSON");
                let by_text = within(POLICY_BOUND, "parse_policy", || {
                    parse_policy(&text, Some(&registry))
                })?;
                let by_value = parse_policy_value(policy.clone(), Some(&registry));
                prop_assert_eq!(by_text.is_ok(), by_value.is_ok());
            }
            if register_and_use(&mut registry, policy, "mutated policy")? {
                accepted.set(accepted.get() + 1);
            }
            Ok(())
        },
    );
    eprintln!(
        "fuzz register mutated built-in policies: {} accepted, then validated and scheduled",
        accepted.get()
    );
}

#[test]
fn fuzz_register_any_json_and_text() {
    fuzz(
        "register any JSON or text",
        128,
        (prop_oneof![3 => any_json(), 1 => deep_json()], text()),
        |(value, text)| {
            let mut registry = Registry::with_builtins();
            within(POLICY_BOUND, "parse_policy(text)", || {
                let _ = parse_policy(&text, Some(&registry));
            })?;
            register_and_use(&mut registry, value, "any JSON")?;
            // The registry still holds the built-ins.
            prop_assert!(registry.get("havering").is_ok());
            Ok(())
        },
    );
}

// ---------------------------------------------------------------- dates and durations

/// Any date chrono can hold, weighted to the ends of the range and the computed years.
fn any_date() -> BoxedStrategy<chrono::NaiveDate> {
    let min = chrono::NaiveDate::MIN.num_days_from_ce();
    let max = chrono::NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        1 => min..=max,
        1 => prop_oneof![(min..min + 800), (max - 800..=max)],
        // 1970-01-01 to 2100-12-31
        2 => 719_163i32..767_010,
    ]
    .prop_map(|n| chrono::NaiveDate::from_num_days_from_ce_opt(n).expect("in range"))
    .boxed()
}

#[test]
fn fuzz_parse_date_time_and_duration() {
    let strategy = (
        prop_oneof![3 => text(), 1 => any::<String>(), 1 => "[0-9 +-]{0,12}"],
        any::<u32>(),
        prop::sample::select(vec![
            Unit::Days,
            Unit::WorkingDays,
            Unit::Weeks,
            Unit::Months,
            Unit::Years,
            Unit::Hours,
        ]),
        any_date(),
    );
    let cal = Calendar::england_and_wales();
    fuzz(
        "parse_date, parse_time, Duration::parse, date arithmetic",
        512,
        strategy,
        |(s, n, unit, d)| {
            let parsed = within(PARSE_BOUND, "parse_date", || parse_date(&s))?;
            if let Ok(date) = parsed {
                prop_assert_eq!(format_date(date), s.clone(), "round trip");
            }
            if let Ok((h, m)) = within(PARSE_BOUND, "parse_time", || parse_time(&s))? {
                prop_assert!(h < 24 && m < 60);
            }
            if let Ok(dur) = within(PARSE_BOUND, "Duration::parse", || Duration::parse(&s))? {
                prop_assert_eq!(Duration::parse(&dur.describe()).ok(), Some(dur));
                for base in [d, chrono::NaiveDate::MIN, chrono::NaiveDate::MAX] {
                    let _ = dur.after(base, &cal);
                    let _ = dur.before(base, &cal);
                }
            }
            // Any count, any unit, any date: an answer or None.
            let dur = Duration { n, unit };
            within(PARSE_BOUND, "Duration::after/before", || {
                let _ = dur.after(d, &cal);
                let _ = dur.before(d, &cal);
            })?;
            within(PARSE_BOUND, "working days", || {
                let _ = cal.add_working_days(d, n);
                let _ = cal.sub_working_days(d, n);
                let _ = cal.working_days_between(d, chrono::NaiveDate::MAX);
                let _ = cal.working_days_between(chrono::NaiveDate::MIN, d);
                let _ = cal.bank_holidays(d.year());
            })?;
            Ok(())
        },
    );
}

// ---------------------------------------------------------------- the corpus

/// Replays `tests/corpus/*.json`. Each file is one awkward input:
///
/// ```json
/// { "about": "why it is awkward", "found": "hand-picked" or how it was found,
///   "target": "validate" | "schedule" | "policy" | "policy-text" | "date" | "time" | "duration",
///   "input": <the JSON input> | "inputText": "<text, parsed as JSON for validate/schedule/policy>",
///   "options": <validate or schedule options, optional>,
///   "policy": "<built-in id; all of them when left out>", "template": "<template id, optional>",
///   "expect": "<outcome, optional>", "codes": [["path", "code"], …] (optional, validate) }
/// ```
///
/// The outcome compared with `expect`: `"ok"`; an error's code (`"bad-argument"`,
/// `"invalid-policy"`, `"date-out-of-range"`); `"json"` when `inputText` is not JSON serde
/// will read (its nesting limit is 128); for dates, times and durations the error kind
/// (`"Format"`, `"NotACalendarDate"`, `"OutOfRange"`, `"TimeFormat"`, `"Number"`, `"Unit"`).
#[test]
fn corpus_replays() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 20,
        "expected the corpus, found {} files",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let text = std::fs::read_to_string(file).expect("corpus file");
        let case: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        let start = Instant::now();
        let result = std::panic::catch_unwind(|| replay(&case));
        let took = start.elapsed();
        match result {
            Ok(Ok(outcome)) if took <= SCHEDULE_BOUND => {
                eprintln!("corpus {name}: {outcome} ({} ms)", took.as_millis());
            }
            Ok(Ok(_)) => failures.push(format!("{name}: took {took:?}")),
            Ok(Err(e)) => failures.push(format!("{name}: {e}")),
            Err(_) => failures.push(format!("{name}: panicked")),
        }
    }
    assert!(
        failures.is_empty(),
        "corpus failures:\n{}",
        failures.join("\n")
    );
}

fn lift<T>(r: Result<T, TestCaseError>) -> Result<T, String> {
    r.map_err(|e| e.to_string())
}

/// Replays one corpus case; its outcome, or what went wrong.
fn replay(case: &Value) -> Result<String, String> {
    let target = case["target"].as_str().ok_or("no target")?;
    let expect = case.get("expect").and_then(Value::as_str);
    let check = |outcome: &str| match expect {
        Some(e) if e != outcome => Err(format!("expected {e}, got {outcome}")),
        _ => Ok(outcome.to_string()),
    };
    let text = case.get("inputText").and_then(Value::as_str);
    let input: Option<Value> = match (case.get("input"), text) {
        (Some(v), _) => Some(v.clone()),
        (None, Some(t)) if target != "policy-text" => serde_json::from_str(t).ok(),
        _ => None,
    };
    let string = || {
        text.or_else(|| case["input"].as_str())
            .ok_or_else(|| "a string input".to_string())
    };
    let registry = Registry::with_builtins();
    let policies: Vec<&Policy> = match case.get("policy").and_then(Value::as_str) {
        Some(id) => vec![registry.get(id).map_err(|e| e.to_string())?],
        None => registry.all().map(|p| p.as_ref()).collect(),
    };
    match target {
        "date" => check(
            &parse_date(string()?).map_or_else(|e| format!("{:?}", e.kind()), |_| "ok".into()),
        ),
        "time" => check(
            &parse_time(string()?).map_or_else(|e| format!("{:?}", e.kind()), |_| "ok".into()),
        ),
        "duration" => check(
            &Duration::parse(string()?).map_or_else(|e| format!("{:?}", e.kind()), |_| "ok".into()),
        ),
        "policy-text" => {
            let r = parse_policy(string()?, Some(&registry));
            check(&r.map_or_else(|e| e.code().to_string(), |_| "ok".into()))
        }
        "policy" => {
            let Some(value) = input else {
                return check("json");
            };
            let mut registry = Registry::with_builtins();
            let accepted = lift(register_and_use(&mut registry, value, "corpus"))?;
            check(if accepted { "ok" } else { "invalid-policy" })
        }
        "validate" => {
            let Some(record) = input else {
                return check("json");
            };
            let options =
                match ValidateOptions::from_json(case.get("options").unwrap_or(&Value::Null)) {
                    Ok(o) => o,
                    Err(e) => return check(e.code()),
                };
            let template = case.get("template").and_then(Value::as_str);
            let mut outcome = "ok".to_string();
            for p in &policies {
                for t in p
                    .templates
                    .iter()
                    .filter(|t| template.is_none_or(|id| t.id == id))
                {
                    match validate(p, t, &record, &options) {
                        Ok(r) => {
                            lift(check_report(&r, "corpus"))?;
                            for pair in case
                                .get("codes")
                                .and_then(Value::as_array)
                                .into_iter()
                                .flatten()
                            {
                                let (path, code) = (pair[0].as_str(), pair[1].as_str());
                                if !all_findings(&r).any(|f| {
                                    Some(f.path.as_str()) == path && Some(f.code.as_str()) == code
                                }) {
                                    return Err(format!("{}/{}: no finding {pair}", p.id, t.id));
                                }
                            }
                        }
                        Err(e) => outcome = e.code().to_string(),
                    }
                }
            }
            check(&outcome)
        }
        "schedule" => {
            let Some(worker) = input else {
                return check("json");
            };
            let options = case
                .get("options")
                .cloned()
                .unwrap_or(json!({ "asOf": "2026-03-02" }));
            let w = match Worker::from_json(&worker) {
                Ok(w) => w,
                Err(e) => return check(e.code()),
            };
            let o = match ScheduleOptions::from_json(&options, Calendar::england_and_wales()) {
                Ok(o) => o,
                Err(e) => return check(e.code()),
            };
            let mut outcome = "ok".to_string();
            for p in &policies {
                if let Err(e) = schedule(p, &w, &o) {
                    outcome = e.code().to_string();
                }
            }
            check(&outcome)
        }
        other => Err(format!("unknown target {other}")),
    }
}
