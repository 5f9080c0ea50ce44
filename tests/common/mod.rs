//! Helpers shared by the scenario tests.
#![allow(dead_code)]

use supervision_rules::calendar::parse_date;
use supervision_rules::policy::{ObligationKind, Registry};
use supervision_rules::schedule::{schedule, Obligation, Schedule, ScheduleOptions, Worker};

/// The schedule of a worker (as the JS contract's JSON) under a built-in policy.
pub fn run(policy: &str, worker: serde_json::Value, as_of: &str) -> Schedule {
    let registry = Registry::with_builtins();
    let p = registry.get(policy).expect("built-in policy");
    let w = Worker::from_json(&worker).expect("worker");
    let opts = ScheduleOptions::new(parse_date(as_of).expect("asOf"));
    schedule(p, &w, &opts).expect("schedule")
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

/// Breach codes, in order.
pub fn breach_codes(s: &Schedule) -> Vec<&'static str> {
    s.breaches.iter().map(|b| b.code).collect()
}
