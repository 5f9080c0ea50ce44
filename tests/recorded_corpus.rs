//! A recorded corpus of schedules and validation reports, so a change to the engine's shape
//! can be shown to change none of its results.
//!
//! Schedules: every built-in policy, every one of its roles, a set of varied workers (the
//! benchmark's worker among them) at several `asOf` dates, with and without closures.
//! Reports: every template of every built-in policy, with complete, empty, partly filled and
//! late records, in both modes and for every role.
//!
//! `RECORD_CORPUS=1 cargo test --test recorded_corpus` writes `tests/corpus/recorded/*.json`
//! instead of comparing with them.
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use supervision_rules::calendar::{parse_date, Calendar};
use supervision_rules::policy;
use supervision_rules::policy::{Policy, Registry, TemplateRuleKind};
use supervision_rules::schedule::{schedule, ScheduleOptions, Supervisee, Worker};
use supervision_rules::validate::{validate, Mode, ValidateOptions};
use validate_support::{complete_record, date, TODAY};

const AS_OF: [&str; 4] = ["2025-12-24", "2026-03-02", "2026-07-31", "2027-01-04"];

/// Days the office is closed, for the schedules worked out with closures.
const CLOSURES: [&str; 6] = [
    "2025-12-29",
    "2025-12-30",
    "2026-03-03",
    "2026-03-04",
    "2026-08-03",
    "2026-12-29",
];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/recorded")
}

/// Workers of every shape the rules tell apart; `role` is filled in per policy role.
fn workers() -> Vec<(&'static str, Value)> {
    let bench: Value = serde_json::from_str(include_str!("../bench/fixtures/worker.json"))
        .expect("bench/fixtures/worker.json");
    vec![
        (
            "asye",
            json!({
                "id": "w-asye", "started": "2025-09-01", "asye": "2025-09-01",
                "sessions": [
                    { "date": "2025-09-08", "type": "one-to-one", "recorded": "2025-09-09" },
                    { "date": "2025-09-15", "type": "one-to-one", "recorded": "2025-09-22" },
                    { "date": "2025-10-06", "type": "one-to-one" },
                    { "date": "2025-10-13", "type": "reflective" },
                    { "date": "2025-10-20", "type": "one-to-one", "cancelled": "sickness" },
                    { "date": "2025-11-10", "type": "one-to-one", "recorded": "2025-11-11" },
                    { "date": "2025-12-22", "type": "group" },
                    { "date": "2026-01-26", "type": "one-to-one", "recorded": "2026-02-10" },
                    { "date": "2026-02-23", "type": "personal" },
                    { "date": "2026-03-09", "type": "case", "recorded": "2026-03-10" },
                    { "date": "2026-06-01", "type": "one-to-one" }
                ],
                "absences": [
                    { "from": "2025-10-17", "to": "2025-10-24" },
                    { "from": "2025-10-27", "to": "2025-10-28" }
                ],
                "observations": ["2025-11-20"],
                "reviews": [{ "kind": "asye-review", "date": "2025-12-01" }],
                "cases": [
                    { "id": "c-1", "allocated": "2025-09-15", "plan": "child-protection",
                      "rag": "red", "discussed": ["2025-10-06", "2026-01-26"],
                      "events": [
                        { "date": "2025-11-03", "kind": "child-protection-conference" },
                        { "date": "2026-03-16", "kind": "child-protection-conference" }
                      ] }
                ]
            }),
        ),
        (
            "settled",
            json!({
                "id": "w-settled", "started": "2023-01-09",
                "sessions": [
                    { "date": "2025-06-02", "type": "personal", "recorded": "2025-06-03" },
                    { "date": "2025-06-16", "type": "case", "recorded": "2025-06-30" },
                    { "date": "2025-08-28", "type": "personal" },
                    { "date": "2025-09-01", "type": "case", "cancelled": "other" },
                    { "date": "2025-10-15", "type": "case", "recorded": "2025-10-16" },
                    { "date": "2025-11-05", "type": "group" },
                    { "date": "2025-12-19", "type": "personal", "recorded": "2025-12-31" },
                    { "date": "2026-02-27", "type": "case" },
                    { "date": "2026-04-10", "type": "personal", "cancelled": "sickness" },
                    { "date": "2026-05-20", "type": "one-to-one" }
                ],
                "absences": [{ "from": "2026-04-06", "to": "2026-04-17" }],
                "agreement": { "signed": "2025-01-15", "supervisorChanged": "2025-11-03" },
                "observations": ["2024-03-01", "2025-02-14"],
                "reviews": [{ "kind": "pdr", "date": "2025-04-01" }],
                "cases": [
                    { "id": "c-10", "allocated": "2025-05-01", "plan": "looked-after",
                      "rag": "green", "discussed": ["2025-06-16", "2025-10-15"],
                      "events": [{ "date": "2025-09-10", "kind": "significant-change" }] },
                    { "id": "c-11", "allocated": "2025-12-01", "plan": "child-in-need",
                      "rag": "amber", "discussed": [],
                      "events": [
                        { "date": "2026-02-02", "kind": "pre-proceedings" },
                        { "date": "2026-08-10", "kind": "proceedings" }
                      ] },
                    { "id": "c-12", "allocated": "2026-01-12", "plan": "early-help",
                      "discussed": ["2026-02-27"],
                      "events": [
                        { "date": "2026-02-20", "kind": "risk-increase" },
                        { "date": "2026-04-01", "kind": "step-up" },
                        { "date": "2026-05-11", "kind": "change-of-social-worker" }
                      ] },
                    { "id": "c-13", "allocated": "2024-11-11", "plan": "leaving-care",
                      "discussed": ["2024-12-02", "2025-03-03", "2025-12-19"],
                      "events": [
                        { "date": "2026-01-07", "kind": "entering-care" },
                        { "date": "2026-06-15", "kind": "step-down" }
                      ] }
                ]
            }),
        ),
        (
            "probation-part-time",
            json!({
                "id": "w-probation", "started": "2025-06-02", "probation": "2025-06-02",
                "hours": "part-time", "shiftsPerMonth": 3,
                "sessions": [
                    { "date": "2025-06-20", "type": "one-to-one", "recorded": "2025-06-20" },
                    { "date": "2025-08-29", "type": "one-to-one" },
                    { "date": "2025-09-12", "type": "reflective" },
                    { "date": "2025-12-23", "type": "personal", "cancelled": "sickness" },
                    { "date": "2026-01-14", "type": "personal" }
                ],
                "absences": [
                    { "from": "2025-12-22", "to": "2025-12-24" },
                    { "from": "2025-12-25", "to": "2026-01-02" }
                ],
                "agreement": { "signed": "2025-06-02" }
            }),
        ),
        ("empty", json!({ "id": "w-empty", "started": "2026-01-05" })),
        (
            "shifts",
            json!({
                "id": "w-shifts", "started": "2024-04-01", "shiftsPerMonth": 12,
                "sessions": [
                    { "date": "2025-12-01", "type": "group" },
                    { "date": "2026-01-30", "type": "reflective" },
                    { "date": "2026-02-02", "type": "one-to-one", "cancelled": "other" }
                ],
                "observations": ["2026-01-15", "2026-01-15"],
                "reviews": [{ "kind": "pdr", "date": "2025-04-01" },
                            { "kind": "pdr", "date": "2026-04-01" }]
            }),
        ),
        ("bench", bench),
    ]
}

fn options(as_of: &str, closures: bool) -> ScheduleOptions {
    let mut o = ScheduleOptions::new(date(as_of));
    if closures {
        o.calendar = Calendar::england_and_wales().with_closures(CLOSURES.iter().map(|d| date(d)));
    }
    o
}

/// Every schedule of one policy, keyed `role/worker/asOf[+closures]`.
fn schedules(p: &Policy) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let mut earlier: BTreeMap<Option<String>, Vec<(String, Value)>> = BTreeMap::new();
    for (name, shape) in workers() {
        // The benchmark's long history under a few roles; the others under every role.
        let roles: Vec<&str> = match name {
            "bench" => p.roles.iter().take(2).map(|r| r.id.as_str()).collect(),
            _ => p.roles.iter().map(|r| r.id.as_str()).collect(),
        };
        for role in roles {
            let mut w = shape.clone();
            w["role"] = json!(role);
            let worker = Worker::from_json(&w).expect("corpus worker");
            for as_of in AS_OF {
                for closures in [false, true] {
                    if closures && (name == "bench" || as_of != "2026-03-02") {
                        continue;
                    }
                    let key = format!(
                        "{role}/{name}/{as_of}{}",
                        if closures { "+closures" } else { "" }
                    );
                    let s = match schedule(p, &worker, &options(as_of, closures)) {
                        Ok(s) => serde_json::to_value(s).expect("schedule as JSON"),
                        Err(e) => json!({ "error": e.to_string() }),
                    };
                    // Many roles share their rules: an entry equal to an earlier role's
                    // names that role instead, which keeps the recording small.
                    let seen = earlier.entry(key.split_once('/').map(|(_, k)| k.to_string()));
                    let seen = seen.or_default();
                    let same = seen.iter().find(|(_, v)| *v == s).map(|(r, _)| r.clone());
                    match same {
                        Some(r) => {
                            out.insert(key, json!({ "sameAs": r }));
                        }
                        None => {
                            seen.push((role.to_string(), s.clone()));
                            out.insert(key, s);
                        }
                    }
                }
            }
        }
    }
    out
}

/// The records of one template: complete, empty, every other field, and with the dates that
/// the cadence rules read moved far apart.
fn records(t: &supervision_rules::policy::Template) -> Vec<(&'static str, Map<String, Value>)> {
    let complete = complete_record(t);
    let partial: Map<String, Value> = complete
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, (k, v))| (k.clone(), v.clone()))
        .collect();
    let mut late = complete.clone();
    for r in &t.rules {
        match &r.kind {
            TemplateRuleKind::NextWithinCadence(policy::NextWithinCadence { field, .. }) => {
                late.insert(field.clone(), json!("2026-12-24"));
            }
            TemplateRuleKind::RequiredIfGap(policy::RequiredIfGap { field, last, .. }) => {
                late.insert(last.clone(), json!("2025-11-28"));
                late.remove(field);
            }
            _ => {}
        }
    }
    // A session date the week after the Easter and May bank holidays, so working days count.
    let mut holiday = late.clone();
    if let Some(sd) = &t.session_date {
        holiday.insert(sd.clone(), json!("2026-04-07"));
    }
    vec![
        ("complete", complete),
        ("empty", Map::new()),
        ("partial", partial),
        ("late", late),
        ("holiday", holiday),
    ]
}

/// Every report of one policy, keyed `template/record/mode/role`.
fn reports(p: &Policy) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for t in &p.templates {
        for (name, record) in records(t) {
            for (mode_name, mode) in [("final", Mode::Final), ("draft", Mode::Draft)] {
                // Roles matter to the cadence rules only: every role for the late records.
                let roles: Vec<&str> = match name {
                    "late" | "holiday" => p.roles.iter().map(|r| r.id.as_str()).collect(),
                    _ => vec!["social-worker"],
                };
                for role in roles {
                    let o = ValidateOptions {
                        mode,
                        today: Some(parse_date(TODAY).expect("today")),
                        supervisee: Supervisee {
                            role: role.to_string(),
                            ..Supervisee::default()
                        },
                        calendar: Calendar::england_and_wales(),
                        ..ValidateOptions::new()
                    };
                    let key = format!("{}/{name}/{mode_name}/{role}", t.id);
                    let r = match validate(p, t, &Value::Object(record.clone()), &o) {
                        Ok(r) => {
                            // The text `validate` hands to JavaScript, written by hand, is
                            // serde_json's, byte for byte.
                            let text = serde_json::to_string(&r).expect("report as JSON");
                            assert_eq!(r.to_json(), text, "{key}");
                            serde_json::to_value(r).expect("report as JSON")
                        }
                        Err(e) => json!({ "error": e.to_string() }),
                    };
                    out.insert(key, r);
                }
            }
        }
    }
    out
}

/// Compares with the recording (or writes it), naming the first entry that differs.
fn compare(file: &str, now: BTreeMap<String, Value>) {
    let path = dir().join(file);
    // One entry a line: a few MB in all, and a diff names the entries that changed.
    let lines: Vec<String> = now
        .iter()
        .map(|(key, value)| {
            let key = serde_json::to_string(key).expect("key as JSON");
            let value = serde_json::to_string(value).expect("entry as JSON");
            format!("{key}: {value}")
        })
        .collect();
    let text = format!("{{\n{}\n}}\n", lines.join(",\n"));
    if std::env::var_os("RECORD_CORPUS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(dir()).expect("tests/corpus/recorded");
        std::fs::write(&path, text).expect("write the recording");
        return;
    }
    let recorded = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (record with RECORD_CORPUS=1)", path.display()));
    if recorded == text {
        return;
    }
    let then: BTreeMap<String, Value> = serde_json::from_str(&recorded).expect("recorded JSON");
    for (key, value) in &now {
        match then.get(key) {
            None => panic!("{file}: {key} is new"),
            Some(old) if old != value => panic!(
                "{file}: {key} differs\nrecorded: {}\nnow:      {}",
                serde_json::to_string_pretty(old).unwrap_or_default(),
                serde_json::to_string_pretty(value).unwrap_or_default()
            ),
            Some(_) => {}
        }
    }
    if let Some(key) = then.keys().find(|k| !now.contains_key(*k)) {
        panic!("{file}: {key} is gone");
    }
    panic!("{file}: the text differs, though every entry is the same");
}

#[test]
fn schedules_are_as_recorded() {
    let registry = Registry::with_builtins();
    for p in registry.all() {
        compare(&format!("schedules-{}.json", p.id), schedules(p));
    }
}

#[test]
fn reports_are_as_recorded() {
    let registry = Registry::with_builtins();
    for p in registry.all() {
        compare(&format!("reports-{}.json", p.id), reports(p));
    }
}
