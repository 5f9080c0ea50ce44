//! Helpers shared by the scenario tests.
#![allow(dead_code)]

use supervision_rules::calendar::{parse_date, Calendar};
use supervision_rules::finding::Finding;
use supervision_rules::policy::{ObligationKind, Registry};
use supervision_rules::schedule::{
    schedule, Obligation, Schedule, ScheduleOptions, Status, Worker,
};

/// The schedule of a worker (as the JS contract's JSON) under a built-in policy.
pub fn run(policy: &str, worker: serde_json::Value, as_of: &str) -> Schedule {
    run_with(policy, worker, as_of, None, &[])
}

/// As [`run`], with `dueSoonDays` and closure days.
pub fn run_with(
    policy: &str,
    worker: serde_json::Value,
    as_of: &str,
    due_soon_days: Option<u32>,
    closures: &[&str],
) -> Schedule {
    let registry = Registry::with_builtins();
    let p = registry.get(policy).expect("built-in policy");
    let w = Worker::from_json(&worker).expect("worker");
    let mut opts = ScheduleOptions::new(parse_date(as_of).expect("asOf"));
    if let Some(n) = due_soon_days {
        opts.due_soon_days = n;
    }
    opts.calendar = Calendar::england_and_wales().with_closures(closures.iter().map(|d| date(d)));
    schedule(p, &w, &opts).expect("schedule")
}

/// A date from its ISO text.
pub fn date(s: &str) -> chrono::NaiveDate {
    parse_date(s).expect("test date")
}

/// The obligations of one kind and subject.
pub fn due<'a>(s: &'a Schedule, kind: ObligationKind, subject: &str) -> Vec<&'a Obligation> {
    s.obligations
        .iter()
        .filter(|o| o.kind == kind && o.subject == subject)
        .collect()
}

/// The due dates, as ISO strings, of the obligations of one kind and subject.
pub fn dates(s: &Schedule, kind: ObligationKind, subject: &str) -> Vec<String> {
    due(s, kind, subject)
        .iter()
        .map(|o| o.due.to_string())
        .collect()
}

/// The obligations a rule produced.
pub fn by_rule<'a>(s: &'a Schedule, rule: &str) -> Vec<&'a Obligation> {
    s.obligations.iter().filter(|o| o.rule == rule).collect()
}

/// The due dates, as ISO strings, of the obligations a rule produced.
pub fn rule_dates(s: &Schedule, rule: &str) -> Vec<String> {
    by_rule(s, rule).iter().map(|o| o.due.to_string()).collect()
}

/// The one obligation a rule produced; fails the test, showing the schedule, otherwise.
pub fn only<'a>(s: &'a Schedule, rule: &str) -> &'a Obligation {
    let found = by_rule(s, rule);
    assert_eq!(
        found.len(),
        1,
        "expected one obligation from rule {rule}, schedule: {s:#?}"
    );
    found[0]
}

/// The status of the one obligation a rule produced.
pub fn status_of(s: &Schedule, rule: &str) -> Status {
    only(s, rule).status
}

/// Breach codes, in order.
pub fn breach_codes(s: &Schedule) -> Vec<&'static str> {
    s.breaches.iter().map(|b| b.code.as_str()).collect()
}

/// The breaches with this code.
pub fn breaches<'a>(s: &'a Schedule, code: &str) -> Vec<&'a Finding> {
    s.breaches.iter().filter(|b| b.code == code).collect()
}

/// The advisories with this code: gaps beyond a limit that is our reading, not the policy's.
/// Each is worded as a reading and carries the rule's `reading`; none is a breach.
pub fn advisories<'a>(s: &'a Schedule, code: &str) -> Vec<&'a Finding> {
    assert!(
        s.breaches.iter().all(|b| b.reading.is_none()),
        "a breach resting on a reading"
    );
    let found: Vec<&Finding> = s.advisories.iter().filter(|b| b.code == code).collect();
    for a in &found {
        assert!(a.message.starts_with("By our reading of "), "{}", a.message);
        assert!(a.reading.is_some(), "{}", a.message);
        assert_eq!(a.severity, supervision_rules::finding::Severity::Advisory);
    }
    found
}

/// The paths of the advisories with this code whose source starts with `source`.
pub fn advisory_paths(s: &Schedule, code: &str, source: &str) -> Vec<String> {
    advisories(s, code)
        .into_iter()
        .filter(|b| b.source.starts_with(source))
        .map(|b| b.path.clone())
        .collect()
}

/// The paths of the breaches with this code whose source starts with `source`.
pub fn breach_paths(s: &Schedule, code: &str, source: &str) -> Vec<String> {
    s.breaches
        .iter()
        .filter(|b| b.code == code && b.source.starts_with(source))
        .map(|b| b.path.clone())
        .collect()
}

/// The schedule of a worker under a built-in policy with options as the JS contract's JSON
/// (`{asOf, recordsFrom?, ...}`), read as `schedule()` reads them.
pub fn run_options(
    policy: &str,
    worker: serde_json::Value,
    options: serde_json::Value,
) -> Schedule {
    let registry = Registry::with_builtins();
    let p = registry.get(policy).expect("built-in policy");
    let w = Worker::from_json(&worker).expect("worker");
    let opts =
        ScheduleOptions::from_json(&options, Calendar::england_and_wales()).expect("options");
    schedule(p, &w, &opts).expect("schedule")
}
