//! Native benchmarks of the core (no wasm, no JS boundary), run by `make bench` through
//! `scripts/bench.sh`, or alone with `cargo bench --bench core`.
//!
//! The inputs are the fixtures in `bench/fixtures/` (see `bench/fixtures.mjs`), so these
//! numbers and the Node and Chromium ones measure the same data:
//!
//! - `validate`: the finished Havering Case Supervision Record, final mode;
//! - `schedule`: one North East Lincolnshire social worker with two years of history and 30
//!   children; a team of 500 such workers; 10,000 children (334 workers);
//! - `startup`: parsing and checking the five built-in policies, which the package does once,
//!   on the first call.

use divan::{black_box, Bencher};
use serde_json::Value;
use supervision_rules::calendar::{add_days, format_date, parse_date};
use supervision_rules::policy::{parse_policy, Registry, BUILTIN_SOURCES};
use supervision_rules::schedule::{schedule, ScheduleOptions, Worker};
use supervision_rules::validate::{validate, Mode, ValidateOptions};

const RECORD: &str = include_str!("../bench/fixtures/havering-case-record.json");
const WORKER: &str = include_str!("../bench/fixtures/worker.json");
/// `AS_OF` in bench/fixtures.mjs.
const AS_OF: &str = "2026-11-02";
const SCHEDULE_POLICY: &str = "north-east-lincolnshire";

fn main() {
    divan::main();
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("fixture is JSON")
}

/// Worker `k` of a team made from `base`: ids made unique, every date moved `k % 21` days
/// earlier. Mirrors `shiftedWorker` in bench/fixtures.mjs.
fn shifted_worker(base: &Value, k: usize) -> Value {
    let shift = -i64::try_from(k % 21).expect("small");
    fn walk(v: &Value, shift: i64) -> Value {
        match v {
            Value::String(s) if s.len() == 10 && s.as_bytes()[4] == b'-' => match parse_date(s) {
                Ok(d) => Value::String(format_date(add_days(d, shift).expect("in range"))),
                Err(_) => v.clone(),
            },
            Value::Array(a) => Value::Array(a.iter().map(|x| walk(x, shift)).collect()),
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(key, x)| (key.clone(), walk(x, shift)))
                    .collect(),
            ),
            _ => v.clone(),
        }
    }
    let mut w = walk(base, shift);
    w["id"] = Value::String(format!("w{k}"));
    if let Some(Value::Array(cases)) = w.get_mut("cases") {
        for (j, c) in cases.iter_mut().enumerate() {
            c["id"] = Value::String(format!("w{k}-c{j}"));
        }
    }
    w
}

/// Workers holding exactly `children` cases between them (30 each, the last fewer).
fn caseload(base: &Value, children: usize) -> Vec<Value> {
    let mut out = Vec::new();
    let (mut k, mut left) = (0, children);
    while left > 0 {
        let mut w = shifted_worker(base, k);
        if let Some(Value::Array(cases)) = w.get_mut("cases") {
            cases.truncate(left.min(cases.len()));
            left -= cases.len().min(left);
        }
        out.push(w);
        k += 1;
    }
    out
}

fn options() -> ScheduleOptions {
    ScheduleOptions::new(parse_date(AS_OF).expect("date"))
}

fn workers(values: &[Value]) -> Vec<Worker> {
    values
        .iter()
        .map(|v| Worker::from_json(v).expect("worker"))
        .collect()
}

mod validate_record {
    use super::*;

    fn final_options() -> ValidateOptions {
        ValidateOptions {
            mode: Mode::Final,
            today: parse_date(AS_OF).ok(),
            ..ValidateOptions::default()
        }
    }

    /// The finished Havering case record, already a `serde_json::Value`.
    #[divan::bench]
    fn havering_case_record(b: Bencher) {
        let registry = Registry::with_builtins();
        let (p, t) = registry
            .template("havering", "case-supervision-record")
            .expect("template");
        let record = json(RECORD);
        let o = final_options();
        let report = validate(p, t, &record, &o).expect("validate");
        assert!(report.valid, "the fixture is a finished record: {report:?}");
        b.bench(|| validate(p, t, black_box(&record), &o));
    }

    /// The same from JSON text: parsing plus validation.
    #[divan::bench]
    fn havering_case_record_from_text(b: Bencher) {
        let registry = Registry::with_builtins();
        let o = final_options();
        b.bench(|| {
            let record: Value = serde_json::from_str(black_box(RECORD)).expect("json");
            let (p, t) = registry.template("havering", "case-supervision-record")?;
            validate(p, t, &record, &o)
        });
    }

    /// A draft with nothing filled in: every finding made (messages built, not rendered).
    #[divan::bench]
    fn havering_case_record_empty_draft(b: Bencher) {
        let registry = Registry::with_builtins();
        let (p, t) = registry
            .template("havering", "case-supervision-record")
            .expect("template");
        let record = Value::Object(serde_json::Map::new());
        let o = ValidateOptions {
            mode: Mode::Draft,
            ..final_options()
        };
        b.bench(|| validate(p, t, black_box(&record), &o));
    }
}

mod schedule_workers {
    use super::*;

    /// One worker: two years of history, 30 children.
    #[divan::bench]
    fn one_worker_2y_30_children(b: Bencher) {
        let registry = Registry::with_builtins();
        let p = registry.get(SCHEDULE_POLICY).expect("policy");
        let w = Worker::from_json(&json(WORKER)).expect("worker");
        let o = options();
        b.bench(|| schedule(p, black_box(&w), &o));
    }

    /// Reading that worker from JSON (what the boundary does before scheduling).
    #[divan::bench]
    fn one_worker_read_input(b: Bencher) {
        let v = json(WORKER);
        b.bench(|| Worker::from_json(black_box(&v)));
    }

    /// A team of 500 such workers.
    #[divan::bench(sample_count = 20)]
    fn team_500(b: Bencher) {
        let registry = Registry::with_builtins();
        let p = registry.get(SCHEDULE_POLICY).expect("policy");
        let base = json(WORKER);
        let team = workers(
            &(0..500)
                .map(|k| shifted_worker(&base, k))
                .collect::<Vec<_>>(),
        );
        let o = options();
        b.bench(|| {
            team.iter()
                .map(|w| schedule(p, w, &o).map(|s| s.obligations.len()))
                .sum::<supervision_rules::Result<usize>>()
        });
    }

    /// 10,000 children: 334 workers (the Node target's input, without the boundary).
    #[divan::bench(sample_count = 20)]
    fn children_10000(b: Bencher) {
        let registry = Registry::with_builtins();
        let p = registry.get(SCHEDULE_POLICY).expect("policy");
        let base = json(WORKER);
        let list = workers(&caseload(&base, 10_000));
        let o = options();
        b.bench(|| {
            list.iter()
                .map(|w| schedule(p, w, &o).map(|s| s.obligations.len()))
                .sum::<supervision_rules::Result<usize>>()
        });
    }
}

mod startup {
    use super::*;

    /// Parsing and checking the five built-in policies from their embedded JSON (done once
    /// per page, on the first call).
    #[divan::bench(sample_count = 20)]
    fn parse_builtin_policies(b: Bencher) {
        b.bench(|| {
            BUILTIN_SOURCES
                .iter()
                .map(|(_, text)| parse_policy(black_box(text), None).map(|p| p.rules.len()))
                .sum::<supervision_rules::Result<usize>>()
        });
    }
}
