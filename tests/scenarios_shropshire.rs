//! Shropshire scenarios: inputs and due dates worked out by hand from shropshire.txt.
//!
//! Calendar used in the arithmetic (2026): Mondays 5, 12, 19, 26 Jan; 2, 9, 16, 23 Feb;
//! 2, 9, 16, 23, 30 Mar; 1, 29 Jun; March has 31 days, so Tue 3 Mar + 28 days = Tue 31 Mar.
//! Bank holidays: Good Friday 3 Apr, Easter Monday 6 Apr, 4 May, 25 May.

mod common;
use common::*;
use serde_json::json;
use supervision_rules::policy::ObligationKind::*;

const P: &str = "shropshire";

fn one(d: &str) -> serde_json::Value {
    json!({ "date": d, "type": "one-to-one", "recorded": d })
}

/// A worker who started on Mon 2 Mar 2026 (so the history begins at the start).
fn from_2_march(role: &str, extra: serde_json::Value) -> serde_json::Value {
    let mut w = json!({ "id": "w", "role": role, "started": "2026-03-02" });
    if let (Some(w), Some(extra)) = (w.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            w.insert(k.clone(), v.clone());
        }
    }
    w
}

// ----------------------------------------------------------------- cadence (Appendix 5)

/// rule: supervision. Appendix 5: "4 weekly" for every listed role.
#[test]
fn four_weekly_for_every_listed_role() {
    for role in [
        "strategic-lead",
        "team-manager",
        "social-worker",
        "other-social-worker-case-holding",
        "targeted-youth-worker",
        "support-services-case-holding",
        "leaving-care-worker",
        "trainee-social-worker",
    ] {
        // One-to-one Tue 3 Mar 2026 + 28 days = Tue 31 Mar 2026.
        let s = run(
            P,
            from_2_march(role, json!({ "sessions": [one("2026-03-03")] })),
            "2026-03-04",
        );
        assert_eq!(rule_dates(&s, "supervision"), ["2026-03-31"], "{role}");
    }
}

/// rule: supervision, `first`. Appendix 6 step 3: "Supervisor to set up first supervision
/// meeting within 5 days of supervisee starting". Started Mon 2 Mar 2026.
#[test]
fn first_supervision_within_five_days_of_starting() {
    // Nothing held: 2 Mar + 5 days = Sat 7 Mar 2026.
    let s = run(P, from_2_march("social-worker", json!({})), "2026-03-02");
    assert_eq!(rule_dates(&s, "supervision"), ["2026-03-07"]);
    assert!(only(&s, "supervision")
        .reason
        .contains("within 5 days of starting"));
    // First held Thu 5 Mar: then 4-weekly, 5 Mar + 28 days = Thu 2 Apr 2026.
    let s = run(
        P,
        from_2_march("social-worker", json!({ "sessions": [one("2026-03-05")] })),
        "2026-03-06",
    );
    assert_eq!(rule_dates(&s, "supervision"), ["2026-04-02"]);
    assert!(breach_paths(&s, "cadence-gap", "shropshire.txt Appendix 5").is_empty());
    // First held Tue 10 Mar, after 7 Mar: a cadence gap.
    let s = run(
        P,
        from_2_march("social-worker", json!({ "sessions": [one("2026-03-10")] })),
        "2026-03-11",
    );
    assert_eq!(
        breach_paths(&s, "cadence-gap", "shropshire.txt Appendix 5"),
        ["sessions[0]"]
    );
}

/// rule: supervision, `absenceExtends`. Appendix 5: "4 working weeks taking into
/// consideration sickness, annual leave, absence": the due date moves later by the days of
/// recorded absence in the interval. Last session Tue 3 Mar 2026, so 31 Mar without absence.
#[test]
fn absence_moves_the_four_weekly_date() {
    let table = [
        // (absences, expected, arithmetic)
        // Leave Mon 16 – Sun 22 Mar: 7 days inside (3 Mar, 31 Mar] → 31 Mar + 7 = Tue 7 Apr.
        (
            json!([{ "from": "2026-03-16", "to": "2026-03-22" }]),
            "2026-04-07",
        ),
        // Sick Mon 30 Mar – Fri 10 Apr (12 days): 30–31 Mar are inside the interval and the
        // move reaches the rest, so all 12 count: 31 Mar + 12 = Sun 12 Apr. (Equivalently the
        // 28th day not absent after 3 Mar: 4–29 Mar are 26, then 11 and 12 Apr.)
        (
            json!([{ "from": "2026-03-30", "to": "2026-04-10" }]),
            "2026-04-12",
        ),
        // Absence after the due date (Wed 1 – Fri 3 Apr) changes nothing: 31 Mar.
        (
            json!([{ "from": "2026-04-01", "to": "2026-04-03" }]),
            "2026-03-31",
        ),
        // Absence before the last session (started 2 Mar; off Mon 2 Mar only) changes
        // nothing: 31 Mar.
        (
            json!([{ "from": "2026-03-02", "to": "2026-03-02" }]),
            "2026-03-31",
        ),
        // Overlapping records count each day once: 16–20 Mar and 18–22 Mar are 16–22 Mar,
        // 7 days → 7 Apr.
        (
            json!([{ "from": "2026-03-16", "to": "2026-03-20" },
                   { "from": "2026-03-18", "to": "2026-03-22" }]),
            "2026-04-07",
        ),
    ];
    for (absences, expected) in table {
        let s = run(
            P,
            from_2_march(
                "social-worker",
                json!({ "sessions": [one("2026-03-03")], "absences": absences }),
            ),
            "2026-03-04",
        );
        assert_eq!(rule_dates(&s, "supervision"), [expected], "{absences}");
        // The quarterly personal supervision is not extended: 3 Mar + 3 months = 3 Jun.
        assert_eq!(
            rule_dates(&s, "personal-supervision-quarterly"),
            ["2026-06-03"]
        );
    }
    // The history is audited the same way: sessions 3 Mar and Tue 7 Apr are in time with the
    // week's leave, and a gap without it.
    let two = |absences: serde_json::Value| {
        from_2_march(
            "social-worker",
            json!({ "sessions": [one("2026-03-03"), one("2026-04-07")], "absences": absences }),
        )
    };
    let s = run(
        P,
        two(json!([{ "from": "2026-03-16", "to": "2026-03-22" }])),
        "2026-04-08",
    );
    assert!(breach_paths(&s, "cadence-gap", "shropshire.txt Appendix 5").is_empty());
    let s = run(P, two(json!([])), "2026-04-08");
    assert_eq!(
        breach_paths(&s, "cadence-gap", "shropshire.txt Appendix 5"),
        ["sessions[1]"]
    );
}

/// rule: supervision-group-or-individual. Appendix 5 "Group or Individual**" rows: group
/// sessions count for non-case-holding social workers, not for case holders. Sessions:
/// one-to-one Mon 2 Mar, group Tue 10 Mar 2026.
#[test]
fn group_counts_only_where_appendix_5_says_group_or_individual() {
    let sessions = json!({ "sessions": [one("2026-03-02"),
                                        { "date": "2026-03-10", "type": "group" }] });
    // Non-case-holding: from the group session, 10 Mar + 28 days = Tue 7 Apr 2026.
    for role in [
        "other-social-worker-non-case-holding",
        "support-services-non-case-holding",
    ] {
        let s = run(P, from_2_march(role, sessions.clone()), "2026-03-11");
        assert_eq!(
            rule_dates(&s, "supervision-group-or-individual"),
            ["2026-04-07"],
            "{role}"
        );
        assert!(by_rule(&s, "supervision").is_empty());
    }
    // Case holder: only the one-to-one counts, 2 Mar + 28 days = Mon 30 Mar 2026.
    let s = run(P, from_2_march("social-worker", sessions), "2026-03-11");
    assert_eq!(rule_dates(&s, "supervision"), ["2026-03-30"]);
}

/// rule: supervision-non-case-holding-staff. Appendix 5 "All non caseholding staff should
/// receive monthly supervision or 121s". Started Mon 26 Jan 2026, one-to-one Fri 30 Jan
/// plus 1 month = 30 Feb → Sat 28 Feb 2026. Monthly, not the 4-weekly row, so absence does
/// not move it.
#[test]
fn non_case_holding_staff_monthly() {
    let s = run(
        P,
        json!({ "id": "a", "role": "non-case-holding-staff", "started": "2026-01-26",
                "sessions": [one("2026-01-30")],
                "absences": [{ "from": "2026-02-09", "to": "2026-02-13" }] }),
        "2026-02-02",
    );
    assert_eq!(
        rule_dates(&s, "supervision-non-case-holding-staff"),
        ["2026-02-28"]
    );
    assert!(by_rule(&s, "supervision").is_empty());
}

/// rule: supervision-asye. Appendix 5 (ASYEs): "every week for the first 6 weeks and then
/// every 2 weeks for the first 6 months". ASYE began Mon 5 Jan 2026 (also the start):
/// weekly [5 Jan, 16 Feb), fortnightly [16 Feb, 5 Jul).
#[test]
fn asye_weekly_then_fortnightly_with_first_session() {
    let nqsw = |role: &str, sessions: serde_json::Value| {
        json!({ "id": "n", "role": role, "started": "2026-01-05", "asye": "2026-01-05",
                "sessions": sessions })
    };
    let table = [
        // (role, sessions, asOf, expected)
        // Nothing held: the first within 5 days of starting, 5 Jan + 5 = Sat 10 Jan 2026,
        // earlier than the weekly 12 Jan.
        ("nqsw", json!([]), "2026-01-05", "2026-01-10"),
        // Mon 12 Jan + 1 week = Mon 19 Jan 2026.
        (
            "nqsw",
            json!([one("2026-01-09"), one("2026-01-12")]),
            "2026-01-13",
            "2026-01-19",
        ),
        // Week 6, Fri 13 Feb + 1 week = Fri 20 Feb 2026.
        (
            "nqsw",
            json!([one("2026-02-13")]),
            "2026-02-13",
            "2026-02-20",
        ),
        // Week 7, Mon 16 Feb + 2 weeks = Mon 2 Mar 2026.
        (
            "nqsw",
            json!([one("2026-02-16")]),
            "2026-02-17",
            "2026-03-02",
        ),
        // A group session (the ASYE peer group) does not count: still 2 Mar.
        (
            "nqsw",
            json!([one("2026-02-16"), { "date": "2026-02-24", "type": "group" }]),
            "2026-02-25",
            "2026-03-02",
        ),
        // No role filter: a social worker with an asye date, likewise.
        (
            "social-worker",
            json!([one("2026-02-16")]),
            "2026-02-17",
            "2026-03-02",
        ),
    ];
    for (role, sessions, as_of, expected) in table {
        let s = run(P, nqsw(role, sessions.clone()), as_of);
        assert_eq!(
            rule_dates(&s, "supervision-asye"),
            [expected],
            "{role} {sessions}"
        );
        assert!(by_rule(&s, "supervision").is_empty());
    }
    // After the six months the ASYE row's 4-weekly default takes over: last session Mon
    // 29 Jun + 2 weeks = 13 Jul, past 5 Jul, so 29 Jun + 28 days = Mon 27 Jul 2026.
    let s = run(P, nqsw("nqsw", json!([one("2026-06-29")])), "2026-06-30");
    assert!(by_rule(&s, "supervision-asye").is_empty());
    assert_eq!(rule_dates(&s, "supervision"), ["2026-07-27"]);
}

// ------------------------------------------------ residential (Supervision Agenda; Appendix 6)

/// rule: supervision-residential-full-time, rule: supervision-residential-part-time,
/// rule: supervision-residential-casual. "full time ... 4 weekly", "Part-time Residential
/// Carers ... at least 6 weekly", "if shifts are less than 5 per month then formal
/// supervision should take place a minimum of every 12 weeks". Last session (group, which
/// counts for residential staff) Tue 3 Mar 2026.
#[test]
fn residential_cadence_by_hours_and_shifts() {
    let table = [
        // (role, hours, shifts, rule, expected)
        // Full-time: 3 Mar + 28 days = Tue 31 Mar 2026.
        (
            "residential-worker",
            None,
            None,
            "supervision-residential-full-time",
            "2026-03-31",
        ),
        // Part-time: 3 Mar + 42 days = Tue 14 Apr 2026.
        (
            "residential-worker",
            Some("part-time"),
            None,
            "supervision-residential-part-time",
            "2026-04-14",
        ),
        // Casual carer on 4 shifts a month: 3 Mar + 84 days = Tue 26 May 2026.
        (
            "residential-agency-casual-carer",
            None,
            Some(4),
            "supervision-residential-casual",
            "2026-05-26",
        ),
        // Casual, part-time hours, 3 shifts: fewer than 5, so 12-weekly: 26 May.
        (
            "residential-agency-casual-carer",
            Some("part-time"),
            Some(3),
            "supervision-residential-casual",
            "2026-05-26",
        ),
        // Agency carer on 5 shifts (not fewer than 5) "completing full time ... hours": 4-weekly.
        (
            "residential-agency-casual-carer",
            None,
            Some(5),
            "supervision-residential-full-time",
            "2026-03-31",
        ),
        // Agency carer, part-time, 8 shifts: 6-weekly, 14 Apr.
        (
            "residential-agency-casual-carer",
            Some("part-time"),
            Some(8),
            "supervision-residential-part-time",
            "2026-04-14",
        ),
    ];
    for (role, hours, shifts, rule, expected) in table {
        let mut w = from_2_march(
            role,
            json!({ "sessions": [{ "date": "2026-03-03", "type": "group" }] }),
        );
        if let Some(h) = hours {
            w["hours"] = json!(h);
        }
        if let Some(n) = shifts {
            w["shiftsPerMonth"] = json!(n);
        }
        let s = run(P, w, "2026-03-04");
        assert_eq!(
            rule_dates(&s, rule),
            [expected],
            "{role} {hours:?} {shifts:?}"
        );
        assert_eq!(
            dates(&s, Supervision, "w"),
            [expected],
            "one supervision cadence"
        );
    }
    // Part-time residential: the body's "6 weekly" is not Appendix 5's row, so absence does
    // not move it: still 14 Apr with a week's leave 16–22 Mar.
    let s = run(
        P,
        from_2_march(
            "residential-worker",
            json!({ "hours": "part-time",
                    "sessions": [{ "date": "2026-03-03", "type": "group" }],
                    "absences": [{ "from": "2026-03-16", "to": "2026-03-22" }] }),
        ),
        "2026-03-04",
    );
    assert_eq!(
        rule_dates(&s, "supervision-residential-part-time"),
        ["2026-04-14"]
    );
}

/// Template residential-supervision, rule required-if-gap (Appendix 6: "Any significant
/// delay in supervision taking place and reasons why"), judged by the same residential
/// cadence rules as the schedule, chosen by `options.hours` and `options.shiftsPerMonth`.
/// Last supervision Mon 2 Mar 2026; this one Mon 6 Apr 2026, 35 days later, no delay comment.
#[test]
fn residential_gap_comment_follows_hours_and_shifts() {
    use supervision_rules::policy::Registry;
    use supervision_rules::validate::{validate, ValidateOptions};
    let registry = Registry::with_builtins();
    let (p, t) = registry
        .template(P, "residential-supervision")
        .expect("template");
    let table = [
        // (options, a delay comment required?, the assumption said)
        // Full-time residential, 4 weekly: 2 Mar + 28 days = Mon 30 Mar < 6 Apr: required.
        (
            json!({ "role": "residential-worker", "hours": "full-time" }),
            true,
            "",
        ),
        // Part-time, "at least 6 weekly": 2 Mar + 42 days = Mon 13 Apr ≥ 6 Apr: not required.
        (
            json!({ "role": "residential-worker", "hours": "part-time" }),
            false,
            "",
        ),
        // Casual carer on 4 shifts a month, 12-weekly: 2 Mar + 84 days = Mon 25 May: not
        // required.
        (
            json!({ "role": "residential-agency-casual-carer", "shiftsPerMonth": 4 }),
            false,
            "",
        ),
        // Nothing said about hours: full-time assumed (4 weekly, 30 Mar), and said.
        (
            json!({ "role": "residential-worker" }),
            true,
            " (assuming full-time hours)",
        ),
        // Casual carer, nothing said: full-time, 5 shifts or more assumed, and said.
        (
            json!({ "role": "residential-agency-casual-carer" }),
            true,
            " (assuming full-time hours and at least 5 shifts a month)",
        ),
    ];
    let record = json!({
        "superviseeName": "x", "supervisorName": "x", "date": "2026-04-06",
        "lastDate": "2026-03-02"
    });
    for (options, required, assumed) in table {
        let o = ValidateOptions::from_json(&options).expect("options");
        let report = validate(p, t, &record, &o).expect("report");
        // "Significant delay" is our reading: an advisory among the warnings, never an error.
        assert!(
            report.errors.iter().all(|f| f.code != "required-after-gap"),
            "{options}"
        );
        let found: Vec<_> = report
            .warnings
            .iter()
            .filter(|f| f.code == "required-after-gap")
            .collect();
        assert_eq!(found.len(), usize::from(required), "{options}");
        for f in &found {
            assert_eq!(f.severity, supervision_rules::finding::Severity::Advisory);
            assert!(
                f.message.starts_with(
                    "By our reading of Appendix 6, which sets no such limit: enter comments"
                ),
                "{}",
                f.message
            );
            assert!(f.reading.is_some());
        }
        if let Some(f) = found.first() {
            assert!(
                f.message
                    .ends_with(&format!("more than 4 weeks before this one{assumed}")),
                "{options}: {}",
                f.message
            );
        }
    }
}

// ------------------------------------------------------------ personal supervision, children

/// rule: personal-supervision-quarterly. "Personal supervision should take place at least
/// once per quarter": personal Fri 30 Jan 2026 + 3 months = Thu 30 Apr 2026; a case session
/// on Mon 9 Feb does not count. A one-to-one on Fri 27 Feb does: 27 May 2026.
#[test]
fn personal_supervision_quarterly() {
    let with = |sessions: serde_json::Value| {
        json!({ "id": "w", "role": "social-worker", "started": "2026-01-26",
                "sessions": sessions })
    };
    let s = run(
        P,
        with(
            json!([{ "date": "2026-01-30", "type": "personal", "recorded": "2026-01-30" },
                    { "date": "2026-02-09", "type": "case", "recorded": "2026-02-09" }]),
        ),
        "2026-02-10",
    );
    assert_eq!(
        rule_dates(&s, "personal-supervision-quarterly"),
        ["2026-04-30"]
    );
    let s = run(
        P,
        with(
            json!([{ "date": "2026-01-30", "type": "personal", "recorded": "2026-01-30" },
                    one("2026-02-27")]),
        ),
        "2026-03-02",
    );
    assert_eq!(
        rule_dates(&s, "personal-supervision-quarterly"),
        ["2026-05-27"]
    );
}

fn with_case(case: serde_json::Value) -> serde_json::Value {
    json!({ "id": "w", "role": "social-worker", "started": "2025-06-02", "cases": [case] })
}

/// rule: child-discussion and rule: child-discussion-leaving-care-green.
#[test]
fn child_discussion_by_plan_and_rag() {
    let table = [
        // (plan, rag, rule, expected)
        // Frequency: "a reflective discussion every 8 weeks (minimum)": last discussed Mon
        // 5 Jan 2026 + 56 days = Mon 2 Mar 2026. (Issue 4's example.)
        (None, None, "child-discussion", "2026-03-02"),
        // Leaving Care Team, "may be discussed every 12 weeks, where their circumstances are
        // stable", RAG green: 5 Jan + 84 days = Mon 30 Mar 2026.
        (
            Some("leaving-care"),
            Some("green"),
            "child-discussion-leaving-care-green",
            "2026-03-30",
        ),
        // Amber care leaver keeps 8 weeks.
        (
            Some("leaving-care"),
            Some("amber"),
            "child-discussion",
            "2026-03-02",
        ),
        // Unrated care leaver keeps 8 weeks.
        (Some("leaving-care"), None, "child-discussion", "2026-03-02"),
        // Green but not leaving care keeps 8 weeks.
        (
            Some("child-in-need"),
            Some("green"),
            "child-discussion",
            "2026-03-02",
        ),
    ];
    for (plan, rag, rule, expected) in table {
        let mut case = json!({ "id": "C1", "allocated": "2025-11-10",
                               "discussed": ["2025-12-01", "2026-01-05"] });
        if let Some(p) = plan {
            case["plan"] = json!(p);
        }
        if let Some(r) = rag {
            case["rag"] = json!(r);
        }
        let s = run(P, with_case(case), "2026-01-06");
        assert_eq!(rule_dates(&s, rule), [expected], "{plan:?} {rag:?}");
        assert_eq!(
            dates(&s, ChildDiscussion, "C1"),
            [expected],
            "one cadence per child"
        );
    }
    // A gap: allocated Mon 10 Nov 2025, first discussed Mon 12 Jan 2026 > 10 Nov + 56 days =
    // Mon 5 Jan 2026.
    let s = run(
        P,
        with_case(json!({ "id": "C1", "allocated": "2025-11-10", "discussed": ["2026-01-12"] })),
        "2026-01-13",
    );
    assert_eq!(
        breach_paths(&s, "child-discussion-gap", "shropshire.txt Frequency"),
        ["cases[0].discussed"]
    );
}

// ------------------------------------------------------------------ recording (Appendix 6)

/// rule: write-up-case-file and rule: write-up-notes-shared.
#[test]
fn case_file_two_working_days_notes_shared_in_a_week() {
    // "Case supervision should be recorded on the case file within 2 working days": case
    // session Fri 22 May 2026; Mon 25 May bank holiday; Tue 26 = 1, Wed 27 = 2.
    let s = run(
        P,
        from_2_march(
            "social-worker",
            json!({ "sessions": [{ "date": "2026-05-22", "type": "case" }] }),
        ),
        "2026-05-22",
    );
    assert_eq!(rule_dates(&s, "write-up-case-file"), ["2026-05-27"]);
    assert!(by_rule(&s, "write-up-notes-shared").is_empty());
    // "Supervision notes are shared with the worker within 1 week": personal session
    // Thu 2 Apr 2026 + 7 days = Thu 9 Apr 2026 (calendar days: Easter does not matter).
    let personal = |recorded: Option<&str>| {
        let mut s = json!({ "date": "2026-04-02", "type": "personal" });
        if let Some(r) = recorded {
            s["recorded"] = json!(r);
        }
        from_2_march("social-worker", json!({ "sessions": [s] }))
    };
    let s = run(P, personal(None), "2026-04-03");
    assert_eq!(rule_dates(&s, "write-up-notes-shared"), ["2026-04-09"]);
    // Shared Fri 10 Apr: late.
    let s = run(P, personal(Some("2026-04-10")), "2026-04-13");
    assert_eq!(
        breach_paths(&s, "late-write-up", "shropshire.txt Appendix 6, step 4"),
        ["sessions[0].recorded"]
    );
}

/// rule: supervision-agreement-review. Annual (a reading of "regularly"); first at the first
/// supervision (within 5 days of starting); with a new supervisor within 4 weeks.
#[test]
fn agreement_review() {
    let with = |agreement: serde_json::Value| {
        from_2_march("social-worker", json!({ "agreement": agreement }))
    };
    // None recorded: started Mon 2 Mar + 5 days = Sat 7 Mar 2026.
    let s = run(P, with(serde_json::Value::Null), "2026-03-02");
    assert_eq!(
        rule_dates(&s, "supervision-agreement-review"),
        ["2026-03-07"]
    );
    // Signed Thu 5 Mar 2026 + 1 year = Fri 5 Mar 2027.
    let s = run(P, with(json!({ "signed": "2026-03-05" })), "2026-03-06");
    assert_eq!(
        rule_dates(&s, "supervision-agreement-review"),
        ["2027-03-05"]
    );
    // Supervisor changed Mon 1 Jun 2026 + 4 weeks = Mon 29 Jun 2026.
    let s = run(
        P,
        with(json!({ "signed": "2026-03-05", "supervisorChanged": "2026-06-01" })),
        "2026-06-02",
    );
    assert_eq!(
        rule_dates(&s, "supervision-agreement-review"),
        ["2026-06-29"]
    );
}

// ------------------------------------------- a dated history of hours (worker.changes)

/// rule: supervision-residential-full-time, rule: supervision-residential-part-time
/// (issue 13 item 7). A residential worker, started Mon 5 Jan 2026 full-time ("full time
/// ... 4 weekly"), part-time from Mon 1 Jun 2026 ("Part-time Residential Carers ... at least
/// 6 weekly"). Each gap is judged by the rule in force on the day of the session that
/// opens it; today's hours (part-time) choose the next due date.
#[test]
fn each_gap_judged_by_the_hours_in_force_when_it_opened() {
    let sessions: Vec<_> = [
        "2026-01-05", // [0] on starting: first due 5 Jan + 5 days, met.
        "2026-02-09", // [1] full-time: due 5 Jan + 28 days = Mon 2 Feb; 9 Feb is late.
        "2026-03-09", // [2] 9 Feb + 28 = Mon 9 Mar (February has 28 days): on time.
        "2026-04-06", // [3] 9 Mar + 28 = Mon 6 Apr: on time.
        "2026-05-04", // [4] 6 Apr + 28 = Mon 4 May: on time.
        "2026-06-01", // [5] 4 May + 28 = Mon 1 Jun: on time; part-time from this day.
        "2026-07-06", // [6] part-time: 1 Jun + 42 = Mon 13 Jul; 6 Jul (35 days) on time.
        "2026-08-24", // [7] 6 Jul + 42 = Mon 17 Aug; 24 Aug is late.
    ]
    .iter()
    .map(|d| json!({ "date": d, "type": "one-to-one" }))
    .collect();
    let worker = json!({
        "id": "w", "role": "residential-worker", "started": "2026-01-05",
        "hours": "part-time", "sessions": sessions,
        "changes": [
            { "from": "2026-01-05", "hours": "full-time" },
            { "from": "2026-06-01", "hours": "part-time" }
        ]
    });
    let s = run(P, worker, "2026-09-01");
    let gaps: Vec<(String, Option<String>)> = breaches(&s, "cadence-gap")
        .iter()
        .map(|b| (b.path.clone(), b.rule.clone()))
        .collect();
    assert_eq!(
        gaps,
        [
            // Late while full-time: still reported now the worker is part-time.
            (
                "sessions[1]".to_string(),
                Some("supervision-residential-full-time".to_string())
            ),
            // Opened after the change: judged six-weekly.
            (
                "sessions[7]".to_string(),
                Some("supervision-residential-part-time".to_string())
            ),
        ],
        "{s:#?}"
    );
    // The next is due by today's hours: 24 Aug + 42 days = Mon 5 Oct 2026.
    assert_eq!(
        rule_dates(&s, "supervision-residential-part-time"),
        ["2026-10-05"]
    );
    assert!(rule_dates(&s, "supervision-residential-full-time").is_empty());
}

/// `worker.changes` is checked: in date order, none before `started`, the last change
/// agreeing with the worker's own values; errors name the path and echo no value.
#[test]
fn changes_are_checked_by_path() {
    use supervision_rules::schedule::Worker;
    let with = |changes: serde_json::Value| {
        Worker::from_json(&json!({
            "id": "w", "role": "residential-worker", "started": "2026-01-05",
            "changes": changes
        }))
        .map(|_| ())
        .map_err(|e| e.to_string())
    };
    let table = [
        (
            json!([{ "from": "2026-01-04", "hours": "part-time" },
                { "from": "2026-02-01", "hours": "full-time" }]),
            "worker.changes[0].from",
        ),
        (
            json!([{ "from": "2026-03-01", "hours": "part-time" },
                { "from": "2026-02-01", "hours": "full-time" }]),
            "worker.changes[1].from",
        ),
        // A change of hours with no hours on the worker gives today's (issue 22): the worker's
        // hours disagreeing with it is checked in tests/scenarios_inputs.rs.
        (
            json!([{ "from": "2026-03-01", "role": "nqsw-secret" }]),
            "worker.changes[0].role",
        ),
        (json!([{ "from": "2026-03-01" }]), "worker.changes[0]"),
    ];
    for (changes, path) in table {
        let err = with(changes).expect_err(path);
        assert!(err.contains(path), "{err}");
        assert!(!err.contains("secret") && !err.contains("2026"), "{err}");
    }
}
