//! Runs (docs/finding-codes.md, *Runs*): breaches of one rule for one subject, period after
//! period, reported as one with its first and last date and a count. Dates worked out by
//! hand from havering.txt.

mod common;
use common::*;
use serde_json::json;
use supervision_rules::finding::Run;
use supervision_rules::policy::Registry;
use supervision_rules::schedule::{schedule, Breaches, ScheduleOptions, Worker};

/// rule: personal-supervision. havering.txt §4b: "Supervision is a monthly one to one
/// meeting". Personal sessions, each due a calendar month after the one before:
/// - 1 Dec 2025 → due 1 Jan 2026, held Mon 5 Jan: late (1)
/// - 5 Jan → due 5 Feb, held Mon 9 Feb: late (2)
/// - 9 Feb → due 9 Mar, held Tue 10 Mar: late (3)
/// - 10 Mar → due 10 Apr, held Tue 14 Apr: late (4)
/// - 14 Apr → due 14 May, held Mon 18 May: late (5)
/// - 18 May → due 18 Jun, held Mon 22 Jun: late (6)
/// - 22 Jun → due 22 Jul, held Mon 20 Jul: on time, which ends the run
/// - 20 Jul → due 20 Aug, held Mon 24 Aug: late, a breach of its own.
///
/// Six missed monthly supervisions in a row: one breach at the first late session
/// (`sessions[1]`), with `run` from 5 January to 22 June 2026, count 6; the late session of
/// August alone, without a run. No gap reaches §3d's two months (max-gap), and no 12-month
/// window has ended by 1 September 2026 (min-count).
fn six_late() -> serde_json::Value {
    let days = [
        "2025-12-01",
        "2026-01-05",
        "2026-02-09",
        "2026-03-10",
        "2026-04-14",
        "2026-05-18",
        "2026-06-22",
        "2026-07-20",
        "2026-08-24",
    ];
    let sessions: Vec<_> = days
        .iter()
        .map(|d| json!({ "date": d, "type": "personal", "recorded": d }))
        .collect();
    json!({ "id": "w", "role": "social-worker", "started": "2025-12-01", "sessions": sessions })
}

#[test]
fn six_late_monthly_supervisions_in_a_row_are_one_run() {
    let s = run("havering", six_late(), "2026-09-01");
    let personal: Vec<_> = s
        .breaches
        .iter()
        .filter(|b| b.rule.as_deref() == Some("personal-supervision"))
        .collect();
    let shape: Vec<(&str, &str, Option<Run>)> = personal
        .iter()
        .map(|b| (b.code.as_str(), b.path.as_str(), b.run))
        .collect();
    let run6 = Run {
        first: date("2026-01-05"),
        last: date("2026-06-22"),
        count: 6,
    };
    assert_eq!(
        shape,
        [
            ("cadence-gap", "sessions[1]", Some(run6)),
            ("cadence-gap", "sessions[8]", None)
        ],
        "{s:#?}"
    );
    let first = personal.first().map(|b| b.message.as_str());
    assert_eq!(
        first,
        Some(
            "The personal supervision on 5 January 2026 came more than 1 month after the one \
             on 1 December 2025: it was due by 1 January 2026. It happened 6 times in a row, \
             from 5 January 2026 to 22 June 2026."
        )
    );
    assert!(s
        .breaches
        .iter()
        .all(|b| b.code != "max-gap" && b.code != "min-count"));
    // As the JS contract writes it.
    let written = serde_json::to_value(personal.first().copied()).expect("json");
    assert_eq!(
        written["run"],
        json!({ "first": "2026-01-05", "last": "2026-06-22", "count": 6 })
    );
}

/// `breaches: 'runs'` keeps only the breaches that stand for a run: of the worker above, the
/// run of six (the August breach alone is left out), for a team view.
#[test]
fn the_runs_option_keeps_only_runs() {
    let registry = Registry::with_builtins();
    let worker = Worker::from_json(&six_late()).expect("worker");
    let options = ScheduleOptions::from_json(
        &json!({ "asOf": "2026-09-01", "breaches": "runs" }),
        supervision_rules::calendar::Calendar::england_and_wales(),
    )
    .expect("options");
    assert_eq!(options.breaches, Breaches::Runs);
    let s = schedule(
        registry.get("havering").expect("havering"),
        &worker,
        &options,
    )
    .expect("schedule");
    let runs: Vec<(&str, Option<u32>)> = s
        .breaches
        .iter()
        .map(|b| (b.path.as_str(), b.run.map(|r| r.count)))
        .collect();
    assert_eq!(runs, [("sessions[1]", Some(6))]);
}
