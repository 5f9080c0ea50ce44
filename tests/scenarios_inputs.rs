//! Inputs that say what the documents say (issue 22 items 3 and 4): a dated history whose
//! changes state only what changes; several agreements over time; a cancellation's day and
//! who made it; `recordsFrom` per worker; a time of day on events with hour limits;
//! `validate` taking the worker. Each scenario's dates are worked out by hand beside it.
//!
//! Calendar (2026): Mondays 5, 12, 19, 26 Jan; 2, 9, 16, 23 Feb; 2, 9, 16, 23, 30 Mar; 6
//! (Easter Monday), 13, 20 Apr. Good Friday 3 Apr; bank holiday Mon 4 May.

mod common;
use common::*;
use serde_json::json;
use supervision_rules::calendar::Calendar;
use supervision_rules::policy::Registry;
use supervision_rules::schedule::{schedule_many, ScheduleOptions, Worker};
use supervision_rules::validate::{validate, ValidateOptions};

fn one(d: &str) -> serde_json::Value {
    json!({ "date": d, "type": "one-to-one" })
}

fn gaps(s: &supervision_rules::schedule::Schedule, rule: &str) -> Vec<String> {
    breaches(s, "cadence-gap")
        .iter()
        .filter(|b| b.rule.as_deref() == Some(rule))
        .map(|b| b.path.clone())
        .collect()
}

// ------------------------------------------------------- changes state only what changes

/// rule: supervision-residential-full-time, supervision-residential-part-time (shropshire.txt
/// Supervision Agenda). The history of `each_gap_judged_by_the_hours_in_force_when_it_opened`
/// (tests/scenarios_shropshire.rs) said in one change: "part-time from Mon 1 Jun 2026", with
/// no hours on the worker and no change restating the full-time start. Before the first
/// change of hours the worker worked full time (the default), so the same gaps are late:
/// [1] Mon 9 Feb (due 5 Jan + 28 days = Mon 2 Feb, full-time) and [7] Mon 24 Aug (due 6 Jul +
/// 42 days = Mon 17 Aug, part-time); next due 24 Aug + 42 days = Mon 5 Oct 2026.
#[test]
fn a_change_states_only_what_changes() {
    let sessions: Vec<_> = [
        "2026-01-05",
        "2026-02-09",
        "2026-03-09",
        "2026-04-06",
        "2026-05-04",
        "2026-06-01",
        "2026-07-06",
        "2026-08-24",
    ]
    .iter()
    .map(|d| one(d))
    .collect();
    let worker = json!({
        "id": "w", "role": "residential-worker", "started": "2026-01-05",
        "sessions": sessions,
        "changes": [{ "from": "2026-06-01", "hours": "part-time" }]
    });
    let s = run("shropshire", worker.clone(), "2026-09-01");
    assert_eq!(
        gaps(&s, "supervision-residential-full-time"),
        ["sessions[1]"]
    );
    assert_eq!(
        gaps(&s, "supervision-residential-part-time"),
        ["sessions[7]"]
    );
    assert_eq!(
        rule_dates(&s, "supervision-residential-part-time"),
        ["2026-10-05"]
    );
    // Today's hours come from the change; the worker's own, when given, must agree with it.
    let w = Worker::from_json(&worker).expect("worker");
    assert_eq!(
        w.supervisee.hours,
        Some(supervision_rules::policy::Hours::PartTime)
    );
    let mut disagreeing = worker;
    disagreeing["hours"] = json!("full-time");
    let err = Worker::from_json(&disagreeing)
        .expect_err("disagrees")
        .to_string();
    assert!(err.contains("worker.changes[0].hours"), "{err}");
}

// ------------------------------------------------------------ several agreements over time

/// rule: case-supervision (havering.txt §3d: the frequency "set out in the terms of the
/// Individual Supervision Agreement", "no less than six-weekly"). Started Mon 22 Dec 2025;
/// an agreement signed Mon 5 Jan 2026 agrees "fortnightly", the next signed Mon 2 Mar
/// "every 4 weeks". Each gap follows the agreement in force on the day it opened:
/// - [0] Mon 12 Jan: opened 22 Dec, before any agreement: 22 Dec + 42 days = Mon 2 Feb, on
///   time;
/// - [1] Mon 2 Feb: opened 12 Jan (fortnightly): 12 Jan + 14 = Mon 26 Jan, late;
/// - [2] Mon 16 Feb: opened 2 Feb: 2 Feb + 14 = Mon 16 Feb, on time;
/// - [3] Mon 16 Mar: opened 16 Feb, before the second was signed: 16 Feb + 14 = Mon 2 Mar,
///   late;
/// - [4] Mon 13 Apr: opened 16 Mar (4 weeks): 16 Mar + 28 = Mon 13 Apr, on time.
///
/// asOf Mon 20 Apr: next 13 Apr + 28 = Mon 11 May. With the second agreement alone (one
/// `agreement`, as before), [1] and [3] are within six weeks (due 23 Feb and 30 Mar).
#[test]
fn each_gap_follows_the_agreement_in_force() {
    let dates = [
        "2026-01-12",
        "2026-02-02",
        "2026-02-16",
        "2026-03-16",
        "2026-04-13",
    ];
    let worker = |agreements: serde_json::Value| {
        let mut w = json!({
            "id": "w", "role": "social-worker", "started": "2025-12-22",
            "sessions": dates.iter().map(|d| one(d)).collect::<Vec<_>>()
        });
        w.as_object_mut()
            .expect("object")
            .extend(agreements.as_object().expect("object").clone());
        w
    };
    let both = worker(json!({ "agreements": [
        { "signed": "2026-01-05", "frequency": "fortnightly" },
        { "signed": "2026-03-02", "frequency": "every 4 weeks" }
    ] }));
    let s = run("havering", both, "2026-04-20");
    assert_eq!(gaps(&s, "case-supervision"), ["sessions[1]", "sessions[3]"]);
    assert_eq!(rule_dates(&s, "case-supervision"), ["2026-05-11"]);
    let reason = &only(&s, "case-supervision").reason;
    assert!(reason.contains("signed on 2 March 2026"), "{reason}");
    // The agreement reviewed is the latest.
    let review = &only(&s, "contract-review").reason;
    assert!(review.contains("signed on 2 March 2026"), "{review}");

    let latest = worker(json!({ "agreement":
        { "signed": "2026-03-02", "frequency": "4 weeks" } }));
    let s = run("havering", latest, "2026-04-20");
    assert!(gaps(&s, "case-supervision").is_empty(), "{s:#?}");
    assert_eq!(rule_dates(&s, "case-supervision"), ["2026-05-11"]);

    // Errors by path: both forms at once; agreements out of the order signed.
    let table = [
        (
            json!({ "agreement": { "signed": "2026-01-05" },
                    "agreements": [{ "signed": "2026-03-02" }] }),
            "worker.agreements",
        ),
        (
            json!({ "agreements": [{ "signed": "2026-03-02" }, { "signed": "2026-01-05" }] }),
            "worker.agreements[1].signed",
        ),
        (
            json!({ "agreements": [{ "signed": "2026-03-02", "frequency": "bi-weekly" }] }),
            "worker.agreements[0].frequency",
        ),
    ];
    for (agreements, path) in table {
        let err = Worker::from_json(&worker(agreements))
            .expect_err(path)
            .to_string();
        assert!(err.contains(path), "{err}");
    }
}

// ------------------------------------------------------------------ a cancellation's day

/// rule: rebook-cancelled (south-gloucestershire.txt §3.3, "it must be rebooked
/// immediately", read as held within 5 working days of the cancellation: a reading since
/// data 2026.3, so a late rebooking is an advisory, not a breach). The session of
/// Fri 13 Mar 2026 was cancelled on Mon 9 Mar by the supervisor (`cancelledOn`,
/// `cancelledBy`): the clock runs from the day the cancellation was made, 9 Mar + 5 working
/// days (10, 11, 12, 13, 16 Mar) = Mon 16 Mar, so a replacement on Tue 17 Mar is late. From
/// the session's own day (no `cancelledOn`, as before) it was 13 Mar + 5 working days (16–20
/// Mar) = Fri 20 Mar, and 17 Mar on time.
/// The advisories (what rests on our reading) with `code`.
fn advisories<'a>(
    s: &'a supervision_rules::schedule::Schedule,
    code: &str,
) -> Vec<&'a supervision_rules::finding::Finding> {
    s.advisories.iter().filter(|f| f.code == code).collect()
}

#[test]
fn rebooking_runs_from_the_day_of_the_cancellation() {
    let worker = |cancelled: serde_json::Value, held: &[&str]| {
        let mut sessions = vec![cancelled];
        sessions.extend(held.iter().map(|d| one(d)));
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                "sessions": sessions })
    };
    let made = json!({ "date": "2026-03-13", "type": "one-to-one", "cancelled": "other",
                       "cancelledOn": "2026-03-09", "cancelledBy": "supervisor" });
    let s = run(
        "south-gloucestershire",
        worker(made.clone(), &["2026-03-17"]),
        "2026-03-20",
    );
    let late = advisories(&s, "late-rebook");
    assert_eq!(late.len(), 1, "{s:#?}");
    assert_eq!(late[0].path, "sessions[0]");
    assert!(
        late[0].message.contains("deadline of 16 March 2026"),
        "{}",
        late[0].message
    );
    let plain = json!({ "date": "2026-03-13", "type": "one-to-one", "cancelled": "other" });
    let s = run(
        "south-gloucestershire",
        worker(plain, &["2026-03-17"]),
        "2026-03-20",
    );
    assert!(advisories(&s, "late-rebook").is_empty(), "{s:#?}");

    // asOf Tue 10 Mar, before the session's day: the rebooking is due already, from 9 Mar.
    let s = run(
        "south-gloucestershire",
        worker(made.clone(), &[]),
        "2026-03-10",
    );
    assert_eq!(rule_dates(&s, "rebook-cancelled"), ["2026-03-16"]);
    let reason = &only(&s, "rebook-cancelled").reason;
    assert!(
        reason.contains(
            "the cancellation on 9 March 2026 of the session on 13 March 2026 (cancelled by \
             the supervisor)"
        ),
        "{reason}"
    );
    // A replacement held on Wed 11 Mar, before the cancelled session's day, meets it.
    let s = run(
        "south-gloucestershire",
        worker(made, &["2026-03-11"]),
        "2026-03-20",
    );
    assert!(rule_dates(&s, "rebook-cancelled").is_empty(), "{s:#?}");
    assert!(advisories(&s, "late-rebook").is_empty());

    // Checked by path: a cancellation after the session's day; details on a held session.
    let table = [
        (
            json!({ "date": "2026-03-13", "type": "one-to-one", "cancelled": "other",
                    "cancelledOn": "2026-03-14" }),
            "worker.sessions[0].cancelledOn",
        ),
        (
            json!({ "date": "2026-03-13", "type": "one-to-one", "cancelledBy": "worker" }),
            "worker.sessions[0].cancelledBy",
        ),
        (
            json!({ "date": "2026-03-13", "type": "one-to-one", "cancelled": "other",
                    "cancelledBy": "manager" }),
            "worker.sessions[0].cancelledBy",
        ),
    ];
    for (session, path) in table {
        let err = Worker::from_json(&worker(session, &[]))
            .expect_err(path)
            .to_string();
        assert!(err.contains(path), "{err}");
    }
}

// ---------------------------------------------------------------- recordsFrom per worker

/// rule: management-supervision (south-gloucestershire.txt §3.1, every 2 months), as in
/// `partial_history_counts_from_the_records`, with the first day of complete records given
/// per worker. Started Mon 2 Mar 2020; asOf Thu 10 Apr 2025; one session before the records
/// (Mon 3 Feb 2025). A worker whose records begin Tue 1 Apr 2025 (their own `recordsFrom`,
/// which wins over the call's Sat 1 Mar 2025) is due 1 Apr + 2 months = Sun 1 Jun 2025; one
/// with none of their own takes the call's: 1 Mar + 2 months = Thu 1 May 2025.
#[test]
fn records_from_per_worker_wins_over_the_call() {
    let registry = Registry::with_builtins();
    let p = registry.get("south-gloucestershire").expect("policy");
    let worker = |id: &str, records_from: Option<&str>| {
        let mut w = json!({ "id": id, "role": "social-worker", "started": "2020-03-02",
                            "sessions": [one("2025-02-03")] });
        if let Some(d) = records_from {
            w["recordsFrom"] = json!(d);
        }
        w
    };
    let options = ScheduleOptions::from_json(
        &json!({ "asOf": "2025-04-10", "recordsFrom": "2025-03-01" }),
        Calendar::england_and_wales(),
    )
    .expect("options");
    let team = [worker("a", Some("2025-04-01")), worker("b", None)];
    let schedules = schedule_many(p, &team, &options).expect("schedules");
    assert_eq!(
        rule_dates(&schedules[0], "management-supervision"),
        ["2025-06-01"]
    );
    assert_eq!(
        rule_dates(&schedules[1], "management-supervision"),
        ["2025-05-01"]
    );
    assert!(schedules.iter().all(|s| s.breaches.is_empty()));
    // Without the call's, the worker's own alone: the same 1 Jun 2025.
    let s = run_options(
        "south-gloucestershire",
        worker("a", Some("2025-04-01")),
        json!({ "asOf": "2025-04-10" }),
    );
    assert_eq!(rule_dates(&s, "management-supervision"), ["2025-06-01"]);
    // A worker's records cannot begin after the day judged: named by the worker's place.
    let late = [worker("a", None), worker("b", Some("2025-05-01"))];
    let err = schedule_many(p, &late, &options)
        .expect_err("after asOf")
        .to_string();
    assert!(err.contains("workers[1].recordsFrom"), "{err}");
}

// --------------------------------------------------------- a time of day on hour limits

/// rule: urgent-supervision (south-gloucestershire.txt §3.4: "within 24 hours"). An urgent
/// request on Tue 3 Mar 2026 at 15:00 is due by 15:00 on Wed 4 Mar (15:00 + 24 hours); with
/// no time, 24 hours from the day's end: by the end of 4 Mar. At 00:00 it is due by 00:00 on
/// 4 Mar, the end of 3 Mar.
#[test]
fn hours_run_from_the_time_of_day_when_given() {
    let worker = |request: serde_json::Value, sessions: serde_json::Value| {
        json!({ "id": "w", "role": "social-worker", "started": "2026-01-05",
                "requests": [request], "sessions": sessions })
    };
    let at = |time: &str| json!({ "date": "2026-03-03", "urgent": true, "time": time });
    let p = "south-gloucestershire";
    let s = run(p, worker(at("15:00"), json!([])), "2026-03-03");
    assert_eq!(rule_dates(&s, "urgent-supervision"), ["2026-03-04"]);
    let reason = &only(&s, "urgent-supervision").reason;
    assert!(
        reason.ends_with("The 24 hours run from 15:00: by 15:00 on 4 March 2026."),
        "{reason}"
    );
    let untimed = json!({ "date": "2026-03-03", "urgent": true });
    let s = run(p, worker(untimed.clone(), json!([])), "2026-03-03");
    assert_eq!(rule_dates(&s, "urgent-supervision"), ["2026-03-04"]);
    let reason = &only(&s, "urgent-supervision").reason;
    assert!(
        reason.ends_with(
            "No time of day is recorded, so the 24 hours run from the end of the day: by the \
             end of 4 March 2026."
        ),
        "{reason}"
    );
    let s = run(p, worker(at("00:00"), json!([])), "2026-03-03");
    assert_eq!(rule_dates(&s, "urgent-supervision"), ["2026-03-03"]);
    assert!(only(&s, "urgent-supervision")
        .reason
        .ends_with("The 24 hours run from 00:00: by the end of 3 March 2026."));

    // Held on 4 Mar: at 16:30, after 15:00, late; at 14:00 in time; with no time recorded,
    // the benefit of the doubt. An untimed request is met by any session on 4 Mar.
    let timed = |t: &str| json!([{ "date": "2026-03-04", "type": "one-to-one", "time": t }]);
    let s = run(p, worker(at("15:00"), timed("16:30")), "2026-03-20");
    let late = breaches(&s, "late-urgent-supervision");
    assert_eq!(late.len(), 1, "{s:#?}");
    assert!(
        late[0]
            .message
            .ends_with("The 24 hours run from 15:00: by 15:00 on 4 March 2026."),
        "{}",
        late[0].message
    );
    let s = run(p, worker(at("15:00"), timed("14:00")), "2026-03-20");
    assert!(breaches(&s, "late-urgent-supervision").is_empty(), "{s:#?}");
    let s = run(
        p,
        worker(at("15:00"), json!([one("2026-03-04")])),
        "2026-03-20",
    );
    assert!(breaches(&s, "late-urgent-supervision").is_empty(), "{s:#?}");
    let s = run(p, worker(untimed, timed("23:00")), "2026-03-20");
    assert!(breaches(&s, "late-urgent-supervision").is_empty(), "{s:#?}");
    // A session at 09:00 on the request's day, before the request at 15:00, does not answer
    // it: still due 4 Mar.
    let s = run(
        p,
        worker(
            at("15:00"),
            json!([{ "date": "2026-03-03", "type": "one-to-one",
                                      "time": "09:00" }]),
        ),
        "2026-03-03",
    );
    assert_eq!(rule_dates(&s, "urgent-supervision"), ["2026-03-04"]);
    // A time that is not HH:MM is refused at its path, not repeated.
    let err = Worker::from_json(&worker(at("25:00"), json!([])))
        .expect_err("not a time")
        .to_string();
    assert!(
        err.contains("worker.requests[0].time") && !err.contains("25:00"),
        "{err}"
    );
}

/// rule: front-door-briefing (north-east-lincolnshire.txt Supervision within the Front
/// Door, "within 24 hours of the information being received"). A contact received on Mon 2
/// Mar 2026 at 10:00 has its briefing due by 10:00 on Tue 3 Mar.
#[test]
fn a_contact_briefing_from_the_time_received() {
    let worker = json!({ "id": "w", "role": "front-door", "started": "2025-01-06",
                         "contacts": [{ "date": "2026-03-02", "time": "10:00", "id": "C-1" }] });
    let s = run("north-east-lincolnshire", worker, "2026-03-02");
    assert_eq!(rule_dates(&s, "front-door-briefing"), ["2026-03-03"]);
    let reason = &only(&s, "front-door-briefing").reason;
    assert!(
        reason.ends_with("The 24 hours run from 10:00: by 10:00 on 3 March 2026."),
        "{reason}"
    );
}

// ------------------------------------------------------------- validate with the worker

/// Template residential-supervision, rule required-if-gap (shropshire.txt Appendix 6), as
/// in `residential_gap_comment_follows_hours_and_shifts`, with the supervisee given as the
/// worker `schedule` takes. Last supervision Mon 2 Mar 2026, this one Mon 6 Apr, 35 days
/// later. A worker part-time since Mon 2 Feb (one change) is judged "at least 6 weekly": 2
/// Mar + 42 days = Mon 13 Apr ≥ 6 Apr, no comment required; the same worker full-time, 4
/// weekly: 2 Mar + 28 = Mon 30 Mar < 6 Apr, required, and nothing assumed (the worker says
/// the hours).
#[test]
fn validate_takes_the_worker() {
    let registry = Registry::with_builtins();
    let (p, t) = registry
        .template("shropshire", "residential-supervision")
        .expect("template");
    let record = json!({
        "superviseeName": "x", "supervisorName": "x", "date": "2026-04-06",
        "lastDate": "2026-03-02"
    });
    let required = |options: serde_json::Value| -> Vec<String> {
        let o = ValidateOptions::from_json(&options).expect("options");
        let report = validate(p, t, &record, &o).expect("report");
        // A reading since data 2026.3 ("significant delay"): an advisory among the warnings.
        report
            .warnings
            .iter()
            .filter(|f| f.code == "required-after-gap")
            .map(|f| f.message.clone())
            .collect()
    };
    let part_time = json!({ "id": "w", "role": "residential-worker", "started": "2025-01-06",
                            "changes": [{ "from": "2026-02-02", "hours": "part-time" }] });
    assert!(required(json!({ "worker": part_time })).is_empty());
    let full_time = json!({ "id": "w", "role": "residential-worker", "started": "2025-01-06" });
    let found = required(json!({ "worker": full_time.clone() }));
    assert_eq!(found.len(), 1);
    assert!(
        found[0].ends_with("more than 4 weeks before this one"),
        "{}",
        found[0]
    );
    // The loose options stand beside no worker; a bad worker is named under options.worker.
    let err = ValidateOptions::from_json(&json!({ "worker": full_time, "hours": "part-time" }))
        .expect_err("both")
        .to_string();
    assert!(err.contains("options.hours"), "{err}");
    let err = ValidateOptions::from_json(&json!({ "worker": { "id": "w", "role": "x" } }))
        .expect_err("no start")
        .to_string();
    assert!(err.contains("options.worker.started"), "{err}");
}

/// rule: supervision (stockport.txt Appendix C item 2: the frequency the supervisor
/// decides, recorded in the agreement), read by the line-management record's
/// `next-within-cadence`. A worker's agreements: monthly from Mon 2 Jun 2025, "weekly" from
/// Mon 5 Jan 2026. A record of Mon 12 Jan 2026 booking the next for Mon 2 Feb: on `today` 12
/// Jan the weekly agreement is in force (12 Jan + 7 days = Mon 19 Jan < 2 Feb: too late); on
/// 2 Jan the monthly one (12 Jan + 1 month = Thu 12 Feb: in time).
#[test]
fn validate_reads_the_agreement_in_force_today() {
    let registry = Registry::with_builtins();
    let (p, t) = registry
        .template("stockport", "line-management-record")
        .expect("template");
    let record = json!({ "date": "2026-01-12", "nextDate": "2026-02-02" });
    let worker = json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                         "agreements": [{ "signed": "2025-06-02", "frequency": "monthly" },
                                        { "signed": "2026-01-05", "frequency": "weekly" }] });
    let too_late = |today: &str| -> usize {
        let o = ValidateOptions::from_json(&json!({ "worker": worker, "today": today }))
            .expect("options");
        let report = validate(p, t, &record, &o).expect("report");
        report
            .errors
            .iter()
            .chain(&report.warnings)
            .filter(|f| f.code == "next-too-late")
            .count()
    };
    assert_eq!(too_late("2026-01-12"), 1);
    assert_eq!(too_late("2026-01-02"), 0);
}
