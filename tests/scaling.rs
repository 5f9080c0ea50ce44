//! Work linear in the input (issue 25): each input that can grow, at 10× steps.
//!
//! Where the work shows in the output it is counted (breaches of overlapping assessments:
//! linear is about 10× per step, the old quadratic 100×). Elsewhere the median of three
//! timings at each size is compared with the last: linear is about 10×, quadratic 100×; the
//! bound, 30×, is loose so a loaded machine does not fail it and tight enough that a
//! quadratic pass does. The sizes are each kind's own limit (src/limits.rs) and below.

use serde_json::{json, Value};
use std::time::Instant;
use supervision_rules::calendar::parse_date;
use supervision_rules::policy::{check_text, Registry};
use supervision_rules::schedule::{schedule, ScheduleOptions, Worker};

/// The median of three runs of `f`, in seconds.
fn median(mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[1]
}

/// Times `run(n)` at each size and asserts each 10× step costs at most 30× the one before.
fn linear(what: &str, sizes: &[usize], mut run: impl FnMut(usize)) {
    let times: Vec<f64> = sizes.iter().map(|&n| median(|| run(n))).collect();
    for (i, pair) in times.windows(2).enumerate() {
        let ratio = pair[1] / pair[0].max(1e-6);
        println!(
            "{what}: {} → {}: {:.4} s → {:.4} s ({ratio:.1}×)",
            sizes[i],
            sizes[i + 1],
            pair[0],
            pair[1]
        );
        assert!(
            ratio < 30.0,
            "{what}: {ratio:.1}× for 10× the input (times {times:?})"
        );
    }
}

fn day(i: usize) -> String {
    let d = parse_date("2000-01-03").expect("date") + chrono::Days::new(i as u64);
    d.to_string()
}

#[test]
fn dated_changes() {
    // Changes of hours every 2 days, alternating, with a small history.
    let worker = |n: usize| {
        let changes: Vec<Value> = (0..n)
            .map(|i| {
                let hours = if i % 2 == 0 { "part-time" } else { "full-time" };
                json!({"from": day(2 * i + 1), "hours": hours})
            })
            .collect();
        let hours = if (n - 1) % 2 == 0 {
            "part-time"
        } else {
            "full-time"
        };
        let sessions: Vec<Value> = (0..10)
            .map(|i| json!({"date": day(30 * i), "type": "one-to-one"}))
            .collect();
        Worker::from_json(&json!({
            "id": "w", "role": "social-worker", "started": day(0), "hours": hours,
            "changes": changes, "sessions": sessions,
        }))
        .expect("worker")
    };
    let registry = Registry::with_builtins();
    let policy = registry.get("havering").expect("policy");
    let options = ScheduleOptions::new(parse_date("2060-01-01").expect("date"));
    let workers: Vec<(usize, Worker)> = [100, 1_000, 10_000].map(|n| (n, worker(n))).into();
    linear("worker.changes", &[100, 1_000, 10_000], |n| {
        let w = &workers.iter().find(|(m, _)| *m == n).expect("worker").1;
        schedule(policy, w, &options).expect("schedule");
    });
}

/// Havering's policy with `n` more copies of its first rule, each overriding the one before
/// (a chain), each with a note of `note` characters and, when `bad`, a bad interval.
fn chained(n: usize, note: usize, bad: bool) -> Value {
    let mut p: Value =
        serde_json::from_str(include_str!("../src/policies/havering.json")).expect("json");
    let first = p["rules"][0].clone();
    let rules: Vec<Value> = (0..n)
        .map(|i| {
            let mut r = first.clone();
            r["id"] = json!(format!("r{i}"));
            r["note"] = json!("n".repeat(note.max(1)));
            if i > 0 {
                r["overrides"] = json!([format!("r{}", i - 1)]);
            }
            if bad {
                r["every"] = json!("x");
            }
            r
        })
        .collect();
    if let Some(list) = p["rules"].as_array_mut() {
        list.extend(rules);
    }
    p["id"] = json!("chained");
    p
}

#[test]
fn override_chains() {
    let sizes = [19, 190, 1_900]; // with Havering's own 15 rules, within a policy's 2,000
    let policies: Vec<(usize, Value)> = sizes.map(|n| (n, chained(n, 40, false))).into();
    linear("registerPolicy, chained overrides", &sizes, |n| {
        let p = &policies.iter().find(|(m, _)| *m == n).expect("policy").1;
        let mut r = Registry::with_builtins();
        r.register(p.clone()).expect("a chain is a valid policy");
    });
}

#[test]
fn problems_and_text() {
    let registry = Registry::with_builtins();
    // Problems grow with the rules; then the text grows with the notes.
    let sizes = [19, 190, 1_900];
    let by_rules: Vec<(usize, String)> =
        sizes.map(|n| (n, chained(n, 40, true).to_string())).into();
    linear("checkPolicy, bad rules", &sizes, |n| {
        let text = &by_rules.iter().find(|(m, _)| *m == n).expect("text").1;
        assert!(!check_text(text, &registry).is_empty());
    });
    let by_text: Vec<(usize, String)> = [30, 300, 3_000]
        .map(|n| (n, chained(1_900, n, true).to_string()))
        .into();
    println!("largest policy text: {} bytes", by_text[2].1.len());
    linear(
        "checkPolicy, 1,900 bad rules, longer text",
        &[30, 300, 3_000],
        |n| {
            let text = &by_text.iter().find(|(m, _)| *m == n).expect("text").1;
            assert!(!check_text(text, &registry).is_empty());
        },
    );
}

#[test]
fn assessments_never_completed() {
    // North East Lincolnshire: n assessments started a month apart on one case and never
    // completed, the case discussed monthly (a gap over the fortnight each time). Each gap
    // is one breach, whatever the number of assessments open across it.
    let registry = Registry::with_builtins();
    let policy = registry.get("north-east-lincolnshire").expect("policy");
    let breaches = |n: usize| {
        let events: Vec<Value> = (0..n)
            .map(|i| json!({"date": day(30 * i + 1), "kind": "assessment-started"}))
            .collect();
        let discussed: Vec<String> = (0..n).map(|i| day(30 * i + 3)).collect();
        let w = Worker::from_json(&json!({
            "id": "w", "role": "social-worker", "started": day(0),
            "cases": [{"id": "c", "allocated": day(0), "events": events, "discussed": discussed}],
        }))
        .expect("worker");
        let options = ScheduleOptions::new(parse_date("2100-01-01").expect("date"));
        schedule(policy, &w, &options)
            .expect("schedule")
            .breaches
            .len()
    };
    // Worked by hand: each assessment is first discussed 2 days after it starts, due the
    // same day (n late first discussions), and each of the n - 1 gaps of 30 days between
    // discussions is over the fortnight: 2n - 1 (before: n + n(n - 1)/2). Up to 1,000
    // (82 years of history); 10,000 reach past 2100, beyond the computed calendar.
    for n in [10, 100, 1_000] {
        assert_eq!(breaches(n), 2 * n - 1, "breaches for {n} assessments");
    }
    linear("assessments never completed", &[1_000, 10_000], |n| {
        breaches(n);
    });
}
