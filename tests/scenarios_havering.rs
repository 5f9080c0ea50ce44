//! Havering scenarios: inputs and due dates worked out by hand from havering.txt.
//!
//! Calendar used in the arithmetic (2026): Thu 1 Jan; Good Friday 3 Apr and Easter Monday
//! 6 Apr; bank holidays 4 May, 25 May, 31 Aug; Christmas Fri 25 Dec and the Boxing Day
//! substitute Mon 28 Dec. Mondays in early 2026: 5, 12, 19, 26 Jan; 2, 9, 16, 23 Feb; 2, 9,
//! 16, 23, 30 Mar.

mod common;
use common::*;
use serde_json::json;
use supervision_rules::calendar::Calendar;
use supervision_rules::policy::ObligationKind::*;
use supervision_rules::schedule::Status;

/// A social worker long in post, so start-of-employment rules stay quiet.
fn worker(sessions: serde_json::Value) -> serde_json::Value {
    json!({ "id": "w", "role": "social-worker", "started": "2025-01-06", "sessions": sessions })
}

// ---------------------------------------------------------------- ASYE (§4b; Appendix C 2)

/// rule: asye-supervision. §4b: "supervised weekly for the first six weeks". ASYE began
/// Mon 5 Jan 2026; the last one-to-one on Mon 12 Jan is in the weekly phase (5 Jan – 15 Feb),
/// so the next is due 12 Jan + 7 days = Mon 19 Jan 2026. (Issue 4's example.)
#[test]
fn asye_weekly_phase() {
    let s = run(
        "havering",
        json!({ "id": "w1", "role": "nqsw", "started": "2026-01-05", "asye": "2026-01-05",
                "sessions": [{ "date": "2026-01-12", "type": "one-to-one" }] }),
        "2026-01-14",
    );
    assert_eq!(rule_dates(&s, "asye-supervision"), ["2026-01-19"]);
    // 19 Jan is within 7 days of 14 Jan.
    assert_eq!(status_of(&s, "asye-supervision"), Status::DueSoon);
}

/// rule: asye-supervision, the phase-boundary rule. ASYE began Mon 5 Jan 2026: the weekly
/// phase is [5 Jan, 5 Jan + 6 weeks = Mon 16 Feb), so ASYE week 6 is 9–15 Feb and week 7
/// begins Mon 16 Feb.
#[test]
fn asye_phase_boundary() {
    let nqsw = |d: &str| {
        json!({ "id": "n", "role": "nqsw", "started": "2026-01-05", "asye": "2026-01-05",
                "sessions": [{ "date": d, "type": "one-to-one" }] })
    };
    let table = [
        // (last session, asOf, expected, arithmetic)
        // §4b weekly: a session in week 6 (Fri 13 Feb) → + 1 week = Fri 20 Feb 2026, although
        // 20 Feb falls in the fortnightly phase.
        ("2026-02-13", "2026-02-13", "2026-02-20"),
        // §4b "then fortnightly": the first session in week 7 (Mon 16 Feb) → + 2 weeks =
        // Mon 2 Mar 2026.
        ("2026-02-16", "2026-02-17", "2026-03-02"),
        // The last day of the fortnightly phase is Sat 4 Jul (5 Jan + 6 months = 5 Jul,
        // exclusive): a session on Fri 3 Jul → + 2 weeks = Fri 17 Jul 2026.
        ("2026-07-03", "2026-07-03", "2026-07-17"),
        // "thereafter monthly": a session on Mon 6 Jul (after the phases) → + 1 month =
        // Thu 6 Aug 2026.
        ("2026-07-06", "2026-07-07", "2026-08-06"),
    ];
    for (last, as_of, expected) in table {
        let s = run("havering", nqsw(last), as_of);
        assert_eq!(
            rule_dates(&s, "asye-supervision"),
            [expected],
            "last session {last}"
        );
    }
    let s = run("havering", nqsw("2026-07-06"), "2026-07-07");
    let reason = &only(&s, "asye-supervision").reason;
    assert!(
        reason.contains("monthly after the first 6 months of the ASYE"),
        "{reason}"
    );
    let s = run("havering", nqsw("2026-02-16"), "2026-02-17");
    let reason = &only(&s, "asye-supervision").reason;
    assert!(
        reason.contains("fortnightly in the ASYE from 16 February 2026 to 4 July 2026")
            && reason.contains("16 February 2026"),
        "{reason}"
    );
}

/// rule: asye-supervision. The ASYE rules have no role filter: a worker recorded with role
/// social-worker and an `asye` date gets the ASYE cadence (12 Jan + 1 week = 19 Jan 2026),
/// and it replaces the personal and case cadences (`overrides`).
#[test]
fn asye_applies_to_a_social_worker_with_an_asye_date() {
    let s = run(
        "havering",
        json!({ "id": "w", "role": "social-worker", "started": "2026-01-05",
                "asye": "2026-01-05",
                "sessions": [{ "date": "2026-01-12", "type": "one-to-one" }] }),
        "2026-01-14",
    );
    assert_eq!(rule_dates(&s, "asye-supervision"), ["2026-01-19"]);
    assert!(by_rule(&s, "personal-supervision").is_empty());
    assert!(by_rule(&s, "case-supervision").is_empty());
}

/// rule: asye-supervision → personal-supervision, case-supervision. The ASYE rule is read as
/// lasting 12 months (to Tue 5 Jan 2027, exclusive). Last one-to-one Mon 21 Dec 2026: the
/// ASYE's monthly interval would give 21 Jan 2027, after the ASYE, so the general cadences
/// take over: §4b personal monthly: 21 Dec 2026 + 1 month = Thu 21 Jan 2027; §3d case
/// six-weekly: 21 Dec 2026 + 42 days = Mon 1 Feb 2027.
#[test]
fn asye_hands_over_to_the_general_cadences_at_twelve_months() {
    let s = run(
        "havering",
        json!({ "id": "w", "role": "nqsw", "started": "2026-01-05", "asye": "2026-01-05",
                "sessions": [{ "date": "2026-12-21", "type": "one-to-one" }] }),
        "2026-12-23",
    );
    assert!(by_rule(&s, "asye-supervision").is_empty(), "{s:#?}");
    assert_eq!(rule_dates(&s, "personal-supervision"), ["2027-01-21"]);
    assert_eq!(rule_dates(&s, "case-supervision"), ["2027-02-01"]);
    let reason = &only(&s, "case-supervision").reason;
    assert!(
        reason.starts_with("The ASYE cadence ends on 4 January 2027"),
        "{reason}"
    );
}

// ---------------------------------------------------------- probation (Appendix C item 3)

/// rule: probation-supervision. Contract item 3: "one and 1/2 hours per fortnight for the
/// first month". Probation began Mon 2 Mar 2026, so the rule runs [2 Mar, 2 Apr).
#[test]
fn probation_fortnightly_for_the_first_month() {
    let probationer = |sessions: serde_json::Value| {
        json!({ "id": "p", "role": "probationer", "started": "2026-03-02",
                "probation": "2026-03-02", "sessions": sessions })
    };
    // No session yet: 2 Mar + 2 weeks = Mon 16 Mar 2026.
    let s = run("havering", probationer(json!([])), "2026-03-04");
    assert_eq!(rule_dates(&s, "probation-supervision"), ["2026-03-16"]);
    // Session Mon 16 Mar → + 2 weeks = Mon 30 Mar 2026 (inside the month).
    let s = run(
        "havering",
        probationer(json!([{ "date": "2026-03-16", "type": "one-to-one" }])),
        "2026-03-17",
    );
    assert_eq!(rule_dates(&s, "probation-supervision"), ["2026-03-30"]);
    // Session Mon 30 Mar → + 2 weeks = 13 Apr, after the first month: the general cadences
    // take over. §4b monthly: 30 Mar + 1 month = Thu 30 Apr 2026; §3d six-weekly:
    // 30 Mar + 42 days = Mon 11 May 2026.
    let s = run(
        "havering",
        probationer(json!([
            { "date": "2026-03-16", "type": "one-to-one" },
            { "date": "2026-03-30", "type": "one-to-one" }
        ])),
        "2026-03-31",
    );
    assert!(by_rule(&s, "probation-supervision").is_empty());
    assert_eq!(rule_dates(&s, "personal-supervision"), ["2026-04-30"]);
    assert_eq!(rule_dates(&s, "case-supervision"), ["2026-05-11"]);
}

/// rule: probation-supervision. A first session after the fortnight is a gap: probation
/// began Mon 2 Mar 2026, first session Thu 19 Mar > 2 Mar + 2 weeks = 16 Mar.
#[test]
fn probation_late_first_session_is_a_cadence_gap() {
    let s = run(
        "havering",
        json!({ "id": "p", "role": "probationer", "started": "2026-03-02",
                "probation": "2026-03-02",
                "sessions": [{ "date": "2026-03-19", "type": "one-to-one" }] }),
        "2026-03-20",
    );
    assert_eq!(
        breach_paths(&s, "cadence-gap", "havering.txt Appendix C"),
        ["sessions[0]"]
    );
}

// ------------------------------------------------------- case and personal cadence (§3d, §4b)

/// rule: case-supervision and rule: personal-supervision, split by session type.
#[test]
fn case_and_personal_cadences() {
    // (sessions, asOf, case due, personal due)
    let table = [
        // §3d "no less than six-weekly": case Thu 2 Apr 2026 + 42 days = Thu 14 May 2026.
        // §4b monthly: personal Mon 16 Mar 2026 + 1 month = Thu 16 Apr 2026.
        (
            json!([{ "date": "2026-03-16", "type": "personal", "recorded": "2026-03-16" },
                   { "date": "2026-04-02", "type": "case", "recorded": "2026-04-02" }]),
            "2026-04-10",
            "2026-05-14",
            "2026-04-16",
        ),
        // A one-to-one is both (havering notes): Thu 2 Apr → case 14 May 2026, personal
        // 2 Apr + 1 month = Sat 2 May 2026.
        (
            json!([{ "date": "2026-04-02", "type": "one-to-one", "recorded": "2026-04-02" }]),
            "2026-04-10",
            "2026-05-14",
            "2026-05-02",
        ),
        // §3d: group supervision only "may supplement" one-to-ones: a group session on Tue
        // 7 Apr changes nothing.
        (
            json!([{ "date": "2026-04-02", "type": "one-to-one", "recorded": "2026-04-02" },
                   { "date": "2026-04-07", "type": "group" }]),
            "2026-04-10",
            "2026-05-14",
            "2026-05-02",
        ),
        // Month-end clamp: personal Sat 31 Jan 2026 + 1 month = Sat 28 Feb 2026; case
        // 31 Jan + 42 days = Sat 14 Mar 2026.
        (
            json!([{ "date": "2026-01-31", "type": "one-to-one", "recorded": "2026-01-31" }]),
            "2026-02-02",
            "2026-03-14",
            "2026-02-28",
        ),
    ];
    for (sessions, as_of, case, personal) in table {
        let s = run("havering", worker(sessions.clone()), as_of);
        assert_eq!(rule_dates(&s, "case-supervision"), [case], "{sessions}");
        assert_eq!(
            rule_dates(&s, "personal-supervision"),
            [personal],
            "{sessions}"
        );
    }
}

/// rule: personal-supervision. Cancelled sessions do not count: last personal held Mon
/// 9 Feb 2026; the one on Mon 9 Mar was cancelled, so personal supervision was due
/// 9 Feb + 1 month = Mon 9 Mar 2026 and is overdue on 16 Mar.
#[test]
fn cancelled_sessions_do_not_count() {
    let s = run(
        "havering",
        worker(json!([
            { "date": "2026-02-09", "type": "personal", "recorded": "2026-02-09" },
            { "date": "2026-03-09", "type": "personal", "cancelled": "other" }
        ])),
        "2026-03-16",
    );
    let o = only(&s, "personal-supervision");
    assert_eq!(o.due.to_string(), "2026-03-09");
    assert_eq!(o.status, Status::Overdue);
    // §4a sets no timescale for a cancellation other than sickness: no rebook obligation.
    assert!(by_rule(&s, "sickness-rebook").is_empty());
}

/// Statuses (issue 4 item 4): personal supervision due Thu 16 Apr 2026 (16 Mar + 1 month).
#[test]
fn statuses_relative_to_as_of() {
    let w = worker(json!([{ "date": "2026-03-16", "type": "personal", "recorded": "2026-03-16" }]));
    // (asOf, dueSoonDays, status)
    let table = [
        // 8 Apr + 7 days = 15 Apr < 16 Apr: ok.
        ("2026-04-08", None, Status::Ok),
        // 9 Apr + 7 days = 16 Apr: due-soon (the edge is included).
        ("2026-04-09", None, Status::DueSoon),
        // Due today: due-soon, not overdue.
        ("2026-04-16", None, Status::DueSoon),
        // The day after: overdue.
        ("2026-04-17", None, Status::Overdue),
        // dueSoonDays 14: 2 Apr + 14 = 16 Apr: due-soon; 1 Apr + 14 = 15 Apr: ok.
        ("2026-04-02", Some(14), Status::DueSoon),
        ("2026-04-01", Some(14), Status::Ok),
        // dueSoonDays 0: only the due day itself.
        ("2026-04-15", Some(0), Status::Ok),
    ];
    for (as_of, soon, expected) in table {
        let s = run_with("havering", w.clone(), as_of, soon, &[]);
        assert_eq!(
            status_of(&s, "personal-supervision"),
            expected,
            "asOf {as_of}"
        );
    }
}

// ------------------------------------------------------------------ audits (§3d)

/// rule: max-gap and rule: case-supervision. Started Mon 5 Jan 2026.
#[test]
fn max_gap_of_two_months() {
    let two = |second: &str| {
        json!({ "id": "w", "role": "social-worker", "started": "2026-01-05", "sessions": [
            { "date": "2026-01-05", "type": "one-to-one", "recorded": "2026-01-05" },
            { "date": second, "type": "one-to-one", "recorded": second }
        ] })
    };
    // §3d "more than two months": 5 Jan + 2 months = Thu 5 Mar; the next on Tue 10 Mar is
    // later: a max-gap breach. Six-weekly: 5 Jan + 42 days = Mon 16 Feb < 10 Mar, so the
    // case cadence reports a gap too.
    let s = run("havering", two("2026-03-10"), "2026-03-11");
    assert_eq!(
        breach_paths(&s, "max-gap", "havering.txt §3d"),
        ["sessions[1]"]
    );
    assert_eq!(
        breach_paths(&s, "cadence-gap", "havering.txt §3d"),
        ["sessions[1]"]
    );
    // Exactly two months (Thu 5 Mar) is not "more than": no max-gap; still past 16 Feb, so
    // the six-weekly case cadence was broken.
    let s = run("havering", two("2026-03-05"), "2026-03-06");
    assert!(breach_paths(&s, "max-gap", "").is_empty(), "{s:#?}");
    assert_eq!(
        breach_paths(&s, "cadence-gap", "havering.txt §3d"),
        ["sessions[1]"]
    );
    // Nothing after Thu 5 Mar: 5 Mar + 2 months = Tue 5 May; on Wed 6 May the open gap is
    // past the limit and is reported against "sessions".
    let s = run("havering", two("2026-03-05"), "2026-05-06");
    assert_eq!(
        breach_paths(&s, "max-gap", "havering.txt §3d"),
        ["sessions"]
    );
}

/// rule: min-sessions. §3d "a minimum of 10 supervision sessions per year", read as any 12
/// months from the start. Started Mon 6 Jan 2025: the first window is [6 Jan 2025,
/// 6 Jan 2026), judged once it has passed (asOf Wed 7 Jan 2026). The sessions are spaced
/// within a month of each other so no cadence gap arises.
#[test]
fn min_sessions_ten_in_twelve_months() {
    let nine = [
        "2025-02-03",
        "2025-03-03",
        "2025-04-01",
        "2025-05-01",
        "2025-05-30",
        "2025-06-27",
        "2025-07-25",
        "2025-08-22",
        "2025-09-19",
    ];
    let sessions = |dates: &[&str]| -> serde_json::Value {
        dates
            .iter()
            .map(|d| json!({ "date": d, "type": "one-to-one", "recorded": d }))
            .collect()
    };
    // Nine sessions in the window: one min-count breach for it.
    let s = run("havering", worker(sessions(&nine)), "2026-01-07");
    assert_eq!(
        breach_paths(&s, "min-count", "havering.txt §3d"),
        ["sessions"]
    );
    // A tenth (Fri 17 Oct 2025): none.
    let mut ten = nine.to_vec();
    ten.push("2025-10-17");
    let s = run("havering", worker(sessions(&ten)), "2026-01-07");
    assert!(breach_paths(&s, "min-count", "havering.txt §3d").is_empty());
    // The window has not passed on Mon 5 Jan 2026 (its last day): nothing to judge yet.
    let s = run("havering", worker(sessions(&nine)), "2026-01-04");
    assert!(breach_paths(&s, "min-count", "havering.txt §3d").is_empty());
    // No cadence gap in this history: the monthly gaps are all within a month.
    assert!(breach_paths(&s, "cadence-gap", "").is_empty(), "{s:#?}");
}

// ------------------------------------------------------------------ write-ups (§3c, §4c)

/// rule: case-write-up. §3c "no more than two working days after the supervision session":
/// case supervision on Thu 2 Apr 2026 → Fri 3 Apr is Good Friday, Mon 6 Apr Easter Monday, so
/// working day 1 is Tue 7 Apr and working day 2 is Wed 8 Apr 2026. (Issue 4's example.)
#[test]
fn case_write_up_two_working_days_over_easter() {
    let s = run(
        "havering",
        json!({ "id": "w2", "role": "social-worker", "started": "2025-01-06",
                "sessions": [{ "date": "2026-04-02", "type": "case" }] }),
        "2026-04-03",
    );
    let write_ups: Vec<_> = due(&s, WriteUp, "w2");
    assert_eq!(write_ups.len(), 1, "{write_ups:?}");
    assert_eq!(write_ups[0].due.to_string(), "2026-04-08");
    assert_eq!(write_ups[0].rule, "case-write-up");
}

/// rule: case-write-up and rule: personal-write-up over Christmas and with closure days.
#[test]
fn write_ups_count_working_days() {
    // addWorkingDays('2026-12-24', 2) = '2026-12-30' (issue 2's contract): Fri 25 Dec
    // Christmas, Sat 26, Sun 27, Mon 28 Boxing Day (substitute), Tue 29 = 1, Wed 30 = 2.
    let cal = Calendar::england_and_wales();
    assert_eq!(
        cal.add_working_days(date("2026-12-24"), 2),
        Some(date("2026-12-30"))
    );
    let case = worker(json!([{ "date": "2026-12-24", "type": "case" }]));
    let s = run("havering", case.clone(), "2026-12-24");
    assert_eq!(rule_dates(&s, "case-write-up"), ["2026-12-30"]);
    // The council closes on Tue 29 Dec: Wed 30 = 1, Thu 31 = 2 → Thu 31 Dec 2026.
    let s = run_with("havering", case, "2026-12-24", None, &["2026-12-29"]);
    assert_eq!(rule_dates(&s, "case-write-up"), ["2026-12-31"]);

    // §4c "within five working days": a one-to-one on Thu 2 Apr 2026 carries both records.
    // Personal notes: Tue 7 = 1, Wed 8 = 2, Thu 9 = 3, Fri 10 = 4, Mon 13 Apr = 5.
    let s = run(
        "havering",
        worker(json!([{ "date": "2026-04-02", "type": "one-to-one" }])),
        "2026-04-03",
    );
    assert_eq!(rule_dates(&s, "case-write-up"), ["2026-04-08"]);
    assert_eq!(rule_dates(&s, "personal-write-up"), ["2026-04-13"]);
}

/// rule: case-write-up. Case session Mon 9 Mar 2026: deadline Tue 10 = 1, Wed 11 Mar = 2.
/// Recorded Fri 13 Mar: late. Recorded on Wed 11 Mar: in time.
#[test]
fn late_write_up_is_a_breach() {
    let s = run(
        "havering",
        worker(json!([{ "date": "2026-03-09", "type": "case", "recorded": "2026-03-13" }])),
        "2026-03-16",
    );
    assert_eq!(
        breach_paths(&s, "late-write-up", "havering.txt §3c"),
        ["sessions[0].recorded"]
    );
    assert!(by_rule(&s, "case-write-up").is_empty());
    let s = run(
        "havering",
        worker(json!([{ "date": "2026-03-09", "type": "case", "recorded": "2026-03-11" }])),
        "2026-03-16",
    );
    assert!(breaches(&s, "late-write-up").is_empty());
}

// ------------------------------------------------------------ sickness rebooking (§4a)

/// rule: sickness-rebook. §4a "within five working days of return to work": the return is
/// the first working day after the absence covering the cancelled session, and the five
/// working days are counted after it (as "two working days after the session" is).
#[test]
fn sickness_cancelled_session_within_five_working_days_of_return() {
    let table = [
        // (absences, expected, arithmetic)
        // Off Mon 9 – Fri 13 Mar 2026: return Mon 16 Mar; Tue 17 = 1, Wed 18 = 2,
        // Thu 19 = 3, Fri 20 = 4, Mon 23 Mar = 5.
        (
            json!([{ "from": "2026-03-09", "to": "2026-03-13" }]),
            "2026-03-23",
        ),
        // Two absences back to back (9–13 Mar, then 16–18 Mar): return Thu 19 Mar;
        // Fri 20 = 1, Mon 23 = 2, Tue 24 = 3, Wed 25 = 4, Thu 26 Mar = 5.
        (
            json!([{ "from": "2026-03-09", "to": "2026-03-13" },
                   { "from": "2026-03-16", "to": "2026-03-18" }]),
            "2026-03-26",
        ),
        // No absence recorded around it: counted from the cancelled session, Mon 9 Mar:
        // Tue 10 = 1 … Mon 16 Mar = 5.
        (json!([]), "2026-03-16"),
    ];
    for (absences, expected) in table {
        let s = run(
            "havering",
            json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                    "absences": absences,
                    "sessions": [{ "date": "2026-03-09", "type": "personal",
                                   "cancelled": "sickness" }] }),
            "2026-03-16",
        );
        assert_eq!(rule_dates(&s, "sickness-rebook"), [expected], "{absences}");
        assert_eq!(only(&s, "sickness-rebook").kind, PersonalSupervision);
    }
    // Over Easter: cancelled Mon 30 Mar, off 30 Mar – Thu 2 Apr; Fri 3 Apr and Mon 6 Apr are
    // bank holidays, so the return is Tue 7 Apr; Wed 8 = 1, Thu 9 = 2, Fri 10 = 3,
    // Mon 13 = 4, Tue 14 Apr = 5.
    let s = run(
        "havering",
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                "absences": [{ "from": "2026-03-30", "to": "2026-04-02" }],
                "sessions": [{ "date": "2026-03-30", "type": "one-to-one",
                               "cancelled": "sickness" }] }),
        "2026-04-01",
    );
    assert_eq!(rule_dates(&s, "sickness-rebook"), ["2026-04-14"]);
}

/// rule: sickness-rebook. Deadline Mon 23 Mar 2026 (as above). Held Mon 23 Mar: met, no
/// obligation. Held Wed 25 Mar: late-rebook.
#[test]
fn sickness_rebook_met_or_late() {
    let with_next = |next: &str| {
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                "absences": [{ "from": "2026-03-09", "to": "2026-03-13" }],
                "sessions": [
                    { "date": "2026-03-09", "type": "personal", "cancelled": "sickness" },
                    { "date": next, "type": "personal", "recorded": next }
                ] })
    };
    let s = run("havering", with_next("2026-03-23"), "2026-03-30");
    assert!(by_rule(&s, "sickness-rebook").is_empty());
    assert!(breaches(&s, "late-rebook").is_empty());
    let s = run("havering", with_next("2026-03-25"), "2026-03-30");
    assert_eq!(
        breach_paths(&s, "late-rebook", "havering.txt §4a"),
        ["sessions[0]"]
    );
}

/// rule: sickness-rebook, the supervisor off sick (issue 22: `worker.supervisorAbsences`).
/// §4a: "When cancelled due to sickness, supervision must take place within five working
/// days of return to work": the return of whoever was off. The supervisor is off Mon 9 –
/// Fri 13 Mar 2026, the worker is not; the session of Tue 10 Mar is cancelled for sickness.
/// Return Mon 16 Mar; + 5 working days: Tue 17, Wed 18, Thu 19, Fri 20, Mon 23 Mar. Held
/// Fri 20 Mar: met. (Without the supervisor's absence the clock ran from the cancelled
/// session: Wed 11, Thu 12, Fri 13, Mon 16, Tue 17 Mar, so 20 Mar was a late-rebook.)
#[test]
fn sickness_rebook_from_the_supervisors_return() {
    let worker = |off: serde_json::Value| {
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                "supervisorAbsences": off,
                "sessions": [
                    { "date": "2026-03-10", "type": "personal", "cancelled": "sickness" },
                    { "date": "2026-03-20", "type": "personal", "recorded": "2026-03-20" }
                ] })
    };
    let s = run(
        "havering",
        worker(json!([{ "from": "2026-03-09", "to": "2026-03-13" }])),
        "2026-03-30",
    );
    assert!(breaches(&s, "late-rebook").is_empty(), "{:?}", s.breaches);
    // Before the replacement, asOf Thu 12 Mar: due Mon 23 Mar, counted from the return.
    let s = run(
        "havering",
        worker(json!([{ "from": "2026-03-09", "to": "2026-03-13" }])),
        "2026-03-12",
    );
    assert_eq!(rule_dates(&s, "sickness-rebook"), ["2026-03-23"]);
    assert!(only(&s, "sickness-rebook").reason.contains("16 March 2026"));
    // Nobody's absence recorded: from the cancelled session, Tue 17 Mar; 20 Mar is late.
    let s = run("havering", worker(json!([])), "2026-03-30");
    assert_eq!(
        breach_paths(&s, "late-rebook", "havering.txt §4a"),
        ["sessions[0]"]
    );
}

// ------------------------------------------------ contract, observations, PDR (§5, §7d, §4b)

/// rule: contract-review. §5 "reviewed at least annually".
#[test]
fn contract_reviewed_annually() {
    let with = |agreement: serde_json::Value| {
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                "agreement": agreement })
    };
    // Signed Mon 15 Sep 2025 + 1 year = Tue 15 Sep 2026.
    let s = run(
        "havering",
        with(json!({ "signed": "2025-09-15" })),
        "2026-03-02",
    );
    assert_eq!(rule_dates(&s, "contract-review"), ["2026-09-15"]);
    // §5 sets no re-signing on a change of supervisor: still 15 Sep 2026.
    let s = run(
        "havering",
        with(json!({ "signed": "2025-09-15", "supervisorChanged": "2026-02-02" })),
        "2026-03-02",
    );
    assert_eq!(rule_dates(&s, "contract-review"), ["2026-09-15"]);
    // Signed Thu 29 Feb 2024 + 1 year = Fri 28 Feb 2025 (no 29 Feb in 2025).
    let s = run(
        "havering",
        with(json!({ "signed": "2024-02-29" })),
        "2025-01-10",
    );
    assert_eq!(rule_dates(&s, "contract-review"), ["2025-02-28"]);
    // No contract recorded and no first deadline in §5: due from the start, Mon 6 Jan 2025.
    let s = run("havering", with(serde_json::Value::Null), "2026-03-02");
    assert_eq!(rule_dates(&s, "contract-review"), ["2025-01-06"]);
    assert_eq!(status_of(&s, "contract-review"), Status::Overdue);
}

/// rule: observations. §7d "at least two occasions per year"; Appendix D "on a six monthly
/// basis".
#[test]
fn observations_twice_a_year() {
    let with = |obs: serde_json::Value, as_of: &str| {
        run(
            "havering",
            json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                    "observations": obs }),
            as_of,
        )
    };
    // Last observation Tue 10 Mar 2026 + 6 months = Thu 10 Sep 2026.
    let s = with(json!(["2025-09-08", "2026-03-10"]), "2026-03-11");
    assert_eq!(rule_dates(&s, "observations"), ["2026-09-10"]);
    // None yet: from the start, Mon 6 Jan 2025 + 6 months = Sun 6 Jul 2025.
    let s = with(json!([]), "2025-03-03");
    assert_eq!(rule_dates(&s, "observations"), ["2025-07-06"]);
    // One observation (Mon 3 Mar 2025) in the first 12 months [6 Jan 2025, 6 Jan 2026):
    // fewer than two, a min-count breach once the window has passed. Next due
    // 3 Mar 2025 + 6 months = Wed 3 Sep 2025.
    let s = with(json!(["2025-03-03"]), "2026-01-07");
    assert_eq!(
        breach_paths(&s, "min-count", "havering.txt §7d"),
        ["observations"]
    );
    assert_eq!(rule_dates(&s, "observations"), ["2025-09-03"]);
    // Two (3 Mar and Mon 1 Sep 2025): no breach; next 1 Sep + 6 months = Sun 1 Mar 2026.
    let s = with(json!(["2025-03-03", "2025-09-01"]), "2026-01-07");
    assert!(breach_paths(&s, "min-count", "havering.txt §7d").is_empty());
    assert_eq!(rule_dates(&s, "observations"), ["2026-03-01"]);
}

/// rule: pdr. Read as six-monthly from the start (§4b "over the past six months").
#[test]
fn pdr_six_monthly() {
    let with = |reviews: serde_json::Value, as_of: &str| {
        run(
            "havering",
            json!({ "id": "w", "role": "social-worker", "started": "2026-01-05",
                    "reviews": reviews }),
            as_of,
        )
    };
    // None held: Mon 5 Jan 2026 + 6 months = Sun 5 Jul 2026.
    let s = with(json!([]), "2026-06-01");
    assert_eq!(rule_dates(&s, "pdr"), ["2026-07-05"]);
    // Held Fri 3 Jul 2026: next 3 Jul + 6 months = Sun 3 Jan 2027.
    let s = with(
        json!([{ "kind": "pdr", "date": "2026-07-03" }]),
        "2026-07-06",
    );
    assert_eq!(rule_dates(&s, "pdr"), ["2027-01-03"]);
    // Booked for 3 Jul but asOf is 1 Jul: not held yet, so still due 5 Jul.
    let s = with(
        json!([{ "kind": "pdr", "date": "2026-07-03" }]),
        "2026-07-01",
    );
    assert_eq!(rule_dates(&s, "pdr"), ["2026-07-05"]);
}

/// rule: personal-supervision, pro rata. §4b: "a monthly one to one meeting ... (or the
/// equivalent of one month's work for workers who work on a part time basis)". The last
/// personal supervision on Thu 15 Jan 2026; a month is 15 Jan → 15 Feb = 31 days.
/// - full time: Sun 15 Feb 2026;
/// - fte 0.5: 31 ÷ 0.5 = 62 days: 15 Jan + 16 = 31 Jan, + 28 = 28 Feb (44), + 18 = Wed 18 Mar;
/// - fte 0.6: 31 ÷ 0.6 = 51.7, up to 52 days: 28 Feb is day 44, + 8 = Sun 8 Mar 2026.
#[test]
fn personal_supervision_pro_rata_for_part_time() {
    for (fte, expected) in [
        (None, "2026-02-15"),
        (Some(0.5), "2026-03-18"),
        (Some(0.6), "2026-03-08"),
    ] {
        let mut w =
            worker(json!([{ "date": "2026-01-15", "type": "personal", "recorded": "2026-01-15" }]));
        if let Some(f) = fte {
            w["fte"] = json!(f);
            w["hours"] = json!("part-time");
        }
        let s = run("havering", w, "2026-01-16");
        assert_eq!(
            rule_dates(&s, "personal-supervision"),
            [expected],
            "{fte:?}"
        );
    }
    // fte outside (0, 1] is refused, naming the path, never echoing the value.
    for bad in [json!(0), json!(1.5), json!("0.5")] {
        let mut w = worker(json!([]));
        w["fte"] = bad;
        let e = supervision_rules::schedule::Worker::from_json(&w).expect_err("bad fte");
        let text = e.to_string();
        assert!(
            text.contains("worker.fte") && !text.contains("1.5"),
            "{text}"
        );
    }
}

/// rule: personal-supervision, pro rata, monotonic (issue 22). A month's days vary, so
/// days ÷ fte alone gave later sessions earlier deadlines. At fte 0.5, 2026 (February has 28
/// days; a month after 29, 30 or 31 Jan is 28 Feb):
/// - Wed 28 Jan: 28 Jan → 28 Feb = 31 days ÷ 0.5 = 62: 28 Jan + 62 = Tue 31 Mar;
/// - Sat 31 Jan: 31 Jan → 28 Feb = 28 days ÷ 0.5 = 56: 31 Jan + 56 = Sat 28 Mar, earlier
///   than the session three days before it. Now no earlier than any day before it: Tue 31 Mar
///   (the 28 Jan figure, the latest of the 6 days looked back, 3 ÷ 0.5);
/// - Wed 4 Feb: 4 Feb → 4 Mar = 28 days: 56 → Wed 1 Apr (later than any day before it).
#[test]
fn pro_rata_never_gives_a_later_session_an_earlier_deadline() {
    for (last, expected) in [
        ("2026-01-28", "2026-03-31"),
        ("2026-01-31", "2026-03-31"),
        ("2026-02-04", "2026-04-01"),
    ] {
        let mut w = worker(json!([{ "date": last, "type": "personal", "recorded": last }]));
        w["fte"] = json!(0.5);
        w["hours"] = json!("part-time");
        let s = run("havering", w, "2026-02-05");
        assert_eq!(rule_dates(&s, "personal-supervision"), [expected], "{last}");
    }
    // Every day of 2026 at 0.5 and 0.6: each session's deadline no earlier than the day
    // before's.
    for fte in [0.5, 0.6] {
        let mut previous = String::new();
        let mut day = date("2026-01-01");
        while day < date("2027-01-01") {
            let d = day.to_string();
            let mut w = worker(json!([{ "date": d, "type": "personal", "recorded": d }]));
            w["fte"] = json!(fte);
            w["hours"] = json!("part-time");
            let s = run("havering", w, &d);
            let due = rule_dates(&s, "personal-supervision").remove(0);
            assert!(due >= previous, "{fte} {d}: {due} before {previous}");
            previous = due;
            day = day.succ_opt().expect("a day");
        }
    }
}

/// Appendix D guidance notes: "The observer will complete their section of the Observation
/// of Practice form within 2 working days of the observed session ... The practitioner will
/// then complete their comments within two working days ... A formal feedback session will
/// take place ... within 10 working days of the observation". Template observation-of-practice,
/// rules date-within on observerSentDate, practitionerSentDate and feedbackDate.
///
/// Observation Tue 31 Mar 2026, over Easter (Good Friday 3 Apr, Easter Monday 6 Apr):
/// observer's section by Thu 2 Apr (Wed 1, Thu 2); practitioner's comments sent Thu 2 Apr,
/// due by Wed 8 Apr (Tue 7, Wed 8: Fri 3, Sat, Sun, Mon 6 are not working days); feedback by
/// Thu 16 Apr (Wed 1, Thu 2, Tue 7, Wed 8, Thu 9, Fri 10, Mon 13, Tue 14, Wed 15, Thu 16).
#[test]
fn observation_steps_within_their_working_days() {
    use supervision_rules::policy::Registry;
    use supervision_rules::validate::{validate, Mode, ValidateOptions};
    let registry = Registry::with_builtins();
    let (p, t) = registry
        .template("havering", "observation-of-practice")
        .expect("template");
    let record = |observer: &str, practitioner: &str, feedback: &str| {
        json!({
            "practitionerName": "A. Worker", "practitionerRole": "Social worker",
            "observerName": "A. Manager", "observerRole": "Line manager", "venue": "Home visit",
            "time": "10:00", "date": "2026-03-31", "permission": "Yes",
            "background": "Visit", "observerFeedback": "Strengths",
            "practitionerComments": "Agreed", "agreedAreas": "Analysis",
            "observerSentDate": observer, "practitionerSentDate": practitioner,
            "feedbackDate": feedback,
        })
    };
    let o = ValidateOptions {
        mode: Mode::Final,
        today: Some(date("2026-12-31")),
        calendar: Calendar::england_and_wales(),
        ..ValidateOptions::new()
    };
    let late = |r: &serde_json::Value| -> Vec<String> {
        let report = validate(p, t, r, &o).expect("a report");
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        report
            .warnings
            .iter()
            .filter(|f| f.code == "date-too-late")
            .map(|f| f.path.clone())
            .collect()
    };
    // Each step on its last day: Thu 2 Apr, Wed 8 Apr (2 working days after Thu 2 Apr),
    // Thu 16 Apr: nothing late.
    assert!(late(&record("2026-04-02", "2026-04-08", "2026-04-16")).is_empty());
    // Each step a working day later: Tue 7 Apr (the observer, after Thu 2 Apr), Thu 9 Apr (2
    // working days after Tue 7 Apr is Thu 9 Apr: on time), Fri 17 Apr (after Thu 16 Apr).
    assert_eq!(
        late(&record("2026-04-07", "2026-04-09", "2026-04-17")),
        ["observerSentDate", "feedbackDate"]
    );
    // The practitioner's two working days run from the observer's section, not the
    // observation: sent Thu 2 Apr, comments Thu 9 Apr are after Wed 8 Apr.
    let report =
        validate(p, t, &record("2026-04-02", "2026-04-09", "2026-04-16"), &o).expect("a report");
    let w = &report.warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].path, "practitionerSentDate");
    assert!(
        w[0].message.contains("on or before 8 April 2026"),
        "{}",
        w[0].message
    );
    // A form that does not record the steps' dates is not checked for them.
    let mut bare = record("2026-04-02", "2026-04-08", "2026-04-16");
    for k in ["observerSentDate", "practitionerSentDate", "feedbackDate"] {
        bare.as_object_mut().expect("object").remove(k);
    }
    assert!(validate(p, t, &bare, &o)
        .expect("a report")
        .warnings
        .is_empty());
}

/// rule: contract-review, on the contract's form (template supervision-contract, rule
/// date-within on reviewDate). §5: the contract "will be reviewed at least annually"; the
/// form's review date was checked only for falling after the signatures (issue 22).
/// Signed by the line manager Mon 12 Jan 2026: + 1 year = Tue 12 Jan 2027, the latest
/// review date. Review Tue 12 Jan 2027: on time; Wed 13 Jan 2027: too late (a warning);
/// Fri 9 Jan 2026, before signing: date-order, an error.
#[test]
fn contract_review_date_within_a_year_of_signing() {
    use supervision_rules::policy::Registry;
    use supervision_rules::validate::{validate, Mode, ValidateOptions};
    let registry = Registry::with_builtins();
    let (p, t) = registry
        .template("havering", "supervision-contract")
        .expect("template");
    let o = ValidateOptions {
        mode: Mode::Draft,
        today: Some(date("2026-12-31")),
        calendar: Calendar::england_and_wales(),
        ..ValidateOptions::new()
    };
    let codes = |review: &str| -> Vec<(String, &'static str)> {
        let r = json!({ "lineManagerDate": "2026-01-12", "staffMemberDate": "2026-01-12",
                        "reviewDate": review });
        let report = validate(p, t, &r, &o).expect("a report");
        report
            .errors
            .iter()
            .chain(&report.warnings)
            .filter(|f| f.path == "reviewDate")
            .map(|f| (f.path.clone(), f.code.as_str()))
            .collect()
    };
    assert!(codes("2027-01-12").is_empty());
    assert_eq!(
        codes("2027-01-13"),
        [("reviewDate".to_string(), "date-too-late")]
    );
    assert!(codes("2026-01-09").iter().all(|(_, c)| *c == "date-order"));
    assert!(!codes("2026-01-09").is_empty());
}

/// rule: case-supervision. §3d: "The actual frequency for individual staff should be set out
/// in the terms of the Individual Supervision Agreement" and "no less than six-weekly".
/// Issue 13 (notes that can be computed): the frequency the agreement records
/// (`agreement.frequency`) is followed from the day it was signed, never beyond six weeks.
///
/// A social worker since Mon 22 Dec 2025; the agreement signed Mon 2 Mar 2026 agrees 4 weeks.
/// One-to-ones on:
/// - [0] Mon 19 Jan 2026: due 22 Dec + 42 days = Mon 2 Feb, on time;
/// - [1] Mon 23 Feb: the gap opened on 19 Jan, before the agreement: six weeks, due Mon
///   2 Mar, on time;
/// - [2] Mon 30 Mar: the gap opened on 23 Feb, still before it: due Mon 6 Apr, on time;
/// - [3] Mon 4 May: the gap opened on 30 Mar, under the agreement: 30 Mar + 28 days = Mon
///   27 Apr, late.
///
/// asOf Mon 11 May 2026: next due 4 May + 28 days = Mon 1 Jun. Agreeing 8 weeks instead
/// gives the six-week limit: 4 May was on time (35 days), next due 4 May + 42 days = Mon
/// 15 Jun. Personal supervision (§4b, rule personal-supervision) keeps its month: 4 May +
/// 1 month = Thu 4 Jun.
#[test]
fn case_supervision_at_the_frequency_agreed() {
    let worker = |frequency: &str| {
        let dates = ["2026-01-19", "2026-02-23", "2026-03-30", "2026-05-04"];
        json!({
            "id": "w", "role": "social-worker", "started": "2025-12-22",
            "agreement": { "signed": "2026-03-02", "frequency": frequency },
            "sessions": dates.iter().map(|d| json!({ "date": d, "type": "one-to-one" }))
                .collect::<Vec<_>>()
        })
    };
    let case_gaps = |s: &supervision_rules::schedule::Schedule| -> Vec<String> {
        breaches(s, "cadence-gap")
            .iter()
            .filter(|b| b.rule.as_deref() == Some("case-supervision"))
            .map(|b| b.path.clone())
            .collect()
    };
    let s = run("havering", worker("4 weeks"), "2026-05-11");
    assert_eq!(case_gaps(&s), ["sessions[3]"]);
    assert_eq!(rule_dates(&s, "case-supervision"), ["2026-06-01"]);
    let reason = &only(&s, "case-supervision").reason;
    assert!(
        reason.contains("As agreed in the supervision agreement signed on 2 March 2026."),
        "{reason}"
    );
    assert_eq!(rule_dates(&s, "personal-supervision"), ["2026-06-04"]);

    let s = run("havering", worker("8 weeks"), "2026-05-11");
    assert!(case_gaps(&s).is_empty(), "{s:#?}");
    assert_eq!(rule_dates(&s, "case-supervision"), ["2026-06-15"]);
    let reason = &only(&s, "case-supervision").reason;
    assert!(
        reason.contains("agrees every 8 weeks, longer than the 6 weeks this rule allows"),
        "{reason}"
    );

    // A frequency that is not a duration is refused at its path, its text not repeated.
    let err = supervision_rules::schedule::Worker::from_json(&worker("fortnightly-secret"))
        .expect_err("not a duration")
        .to_string();
    assert!(
        err.contains("worker.agreement.frequency") && !err.contains("secret"),
        "{err}"
    );
}
