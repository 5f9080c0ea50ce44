//! North East Lincolnshire scenarios: inputs and due dates worked out by hand from
//! north-east-lincolnshire.txt. Clauses are cited by their headings.
//!
//! Calendar used in the arithmetic (2026): Mondays 5, 12, 19, 26 Jan; 2, 9, 16, 23 Feb;
//! 2, 9, 16, 23, 30 Mar; 29 Jun; bank holidays Good Friday 3 Apr, Easter Monday 6 Apr,
//! 4 May, 25 May.

mod common;
use common::*;
use serde_json::json;
use supervision_rules::policy::ObligationKind::*;

const P: &str = "north-east-lincolnshire";

fn one(d: &str) -> serde_json::Value {
    json!({ "date": d, "type": "one-to-one", "recorded": d })
}

// ------------------------------------------------------ ASYE (Frequency of Supervision)

fn nqsw(role: &str, sessions: serde_json::Value) -> serde_json::Value {
    json!({ "id": "n", "role": role, "started": "2026-01-05", "asye": "2026-01-05",
            "sessions": sessions })
}

/// rule: asye-supervision. "weekly for the first six weeks and then fortnightly for the
/// remainder of the first six months". ASYE began Mon 5 Jan 2026: weekly [5 Jan, 16 Feb),
/// fortnightly [16 Feb, 5 Jul).
#[test]
fn asye_weekly_then_fortnightly() {
    // (role, sessions, asOf, expected)
    let table = [
        // Issue 4's example: last session Mon 23 Feb (week 8, fortnightly phase) + 2 weeks =
        // Mon 9 Mar 2026.
        (
            "nqsw",
            json!([one("2026-02-16"), one("2026-02-23")]),
            "2026-02-25",
            "2026-03-09",
        ),
        // No session yet: ASYE start Mon 5 Jan + 1 week = Mon 12 Jan 2026.
        ("nqsw", json!([]), "2026-01-05", "2026-01-12"),
        // Phase boundary: a session in week 6 (Fri 13 Feb) + 1 week = Fri 20 Feb 2026.
        (
            "nqsw",
            json!([one("2026-02-13")]),
            "2026-02-13",
            "2026-02-20",
        ),
        // The first session in week 7 (Mon 16 Feb) + 2 weeks = Mon 2 Mar 2026.
        (
            "nqsw",
            json!([one("2026-02-16")]),
            "2026-02-17",
            "2026-03-02",
        ),
        // Mon 15 Jun + 2 weeks = Mon 29 Jun 2026, still inside the six months.
        (
            "nqsw",
            json!([one("2026-06-15")]),
            "2026-06-16",
            "2026-06-29",
        ),
        // The ASYE rule has no role filter: a social worker with an asye date, likewise.
        (
            "social-worker",
            json!([one("2026-02-23")]),
            "2026-02-25",
            "2026-03-09",
        ),
    ];
    for (role, sessions, as_of, expected) in table {
        let s = run(P, nqsw(role, sessions.clone()), as_of);
        assert_eq!(
            rule_dates(&s, "asye-supervision"),
            [expected],
            "{role} {sessions}"
        );
        // It replaces the monthly personal and case cadences during the six months.
        assert!(by_rule(&s, "personal-supervision").is_empty());
        assert!(by_rule(&s, "case-supervision").is_empty());
    }
}

/// rule: asye-supervision, phase start. Started Mon 1 Dec 2025, ASYE began Mon 5 Jan 2026,
/// last session Mon 15 Dec 2025 (before the ASYE): no session since the phase began, so the
/// next is due at the phase's start + its interval: 5 Jan + 1 week = Mon 12 Jan 2026.
#[test]
fn asye_counts_from_its_start_when_the_last_session_came_before_it() {
    let s = run(
        P,
        json!({ "id": "n", "role": "nqsw", "started": "2025-12-01", "asye": "2026-01-05",
                "sessions": [one("2025-12-15")] }),
        "2026-01-07",
    );
    assert_eq!(rule_dates(&s, "asye-supervision"), ["2026-01-12"]);
    let reason = &only(&s, "asye-supervision").reason;
    assert!(
        reason.contains("since the ASYE began on 5 January 2026"),
        "{reason}"
    );
}

/// rule: asye-supervision → personal-supervision, case-supervision. "The text says nothing
/// after month 6": the monthly cadences of every social worker apply again. ASYE window
/// [5 Jan, 5 Jul 2026). Last one-to-one Mon 29 Jun: + 2 weeks = 13 Jul, after the ASYE's six
/// months, so personal and case supervision monthly take over: 29 Jun + 1 month =
/// Wed 29 Jul 2026 each.
#[test]
fn asye_hands_over_to_monthly_after_six_months() {
    let s = run(P, nqsw("nqsw", json!([one("2026-06-29")])), "2026-07-01");
    assert!(by_rule(&s, "asye-supervision").is_empty(), "{s:#?}");
    assert_eq!(rule_dates(&s, "personal-supervision"), ["2026-07-29"]);
    assert_eq!(rule_dates(&s, "case-supervision"), ["2026-07-29"]);
    // After the window has ended (asOf Mon 6 Jul) the monthly rules apply in their own right:
    // the same dates.
    let s = run(P, nqsw("nqsw", json!([one("2026-06-29")])), "2026-07-06");
    assert_eq!(rule_dates(&s, "personal-supervision"), ["2026-07-29"]);
    assert_eq!(rule_dates(&s, "case-supervision"), ["2026-07-29"]);
}

// ------------------------------------------------- qualified staff (Practicalities; Frequency)

/// rule: personal-supervision, rule: case-supervision,
/// rule: case-supervision-family-help-youth-justice.
#[test]
fn personal_monthly_case_by_role() {
    let table = [
        // (role, sessions, personal due, case due, case rule)
        // Social worker, separate sessions: personal Tue 3 Mar + 1 month = Fri 3 Apr 2026;
        // case Tue 10 Mar + 1 month = Fri 10 Apr 2026 ("case supervision at least monthly").
        (
            "social-worker",
            json!([{ "date": "2026-03-03", "type": "personal" },
                   { "date": "2026-03-10", "type": "case", "recorded": "2026-03-10" }]),
            "2026-04-03",
            "2026-04-10",
            "case-supervision",
        ),
        // One one-to-one covering both, Tue 31 Mar → 30 Apr 2026 (clamped) for each.
        (
            "social-worker",
            json!([one("2026-03-31")]),
            "2026-04-30",
            "2026-04-30",
            "case-supervision",
        ),
        // Agency staff "as permanent staff".
        (
            "agency-staff",
            json!([one("2026-03-31")]),
            "2026-04-30",
            "2026-04-30",
            "case-supervision",
        ),
        // Family Help: "Case supervision will take place on a six weekly basis": case
        // Tue 10 Mar + 42 days = Tue 21 Apr 2026; personal monthly, 3 Apr.
        (
            "family-help",
            json!([{ "date": "2026-03-03", "type": "personal" },
                   { "date": "2026-03-10", "type": "case", "recorded": "2026-03-10" }]),
            "2026-04-03",
            "2026-04-21",
            "case-supervision-family-help-youth-justice",
        ),
        // Youth Justice likewise.
        (
            "youth-justice",
            json!([{ "date": "2026-03-03", "type": "personal" },
                   { "date": "2026-03-10", "type": "case", "recorded": "2026-03-10" }]),
            "2026-04-03",
            "2026-04-21",
            "case-supervision-family-help-youth-justice",
        ),
    ];
    for (role, sessions, personal, case, case_rule) in table {
        let s = run(
            P,
            json!({ "id": "w", "role": role, "started": "2025-06-02", "sessions": sessions }),
            "2026-04-01",
        );
        assert_eq!(rule_dates(&s, "personal-supervision"), [personal], "{role}");
        assert_eq!(rule_dates(&s, case_rule), [case], "{role}");
        assert_eq!(
            dates(&s, CaseSupervision, "w"),
            [case],
            "{role}: one case cadence"
        );
    }
}

/// rule: probation-supervision. "Staff in a Probationary Period (not ASYE) – fortnightly
/// supervision during first six weeks and then monthly". Probation began Mon 2 Mar 2026; the
/// six weeks end Mon 13 Apr (exclusive).
#[test]
fn probation_fortnightly_for_six_weeks_then_monthly() {
    let p = |role: &str, sessions: serde_json::Value| {
        json!({ "id": "p", "role": role, "started": "2026-03-02", "probation": "2026-03-02",
                "sessions": sessions })
    };
    // None yet: 2 Mar + 2 weeks = Mon 16 Mar 2026.
    let s = run(P, p("probationer", json!([])), "2026-03-03");
    assert_eq!(rule_dates(&s, "probation-supervision"), ["2026-03-16"]);
    // Mon 16 Mar + 2 weeks = Mon 30 Mar 2026.
    let s = run(
        P,
        p("probationer", json!([one("2026-03-16")])),
        "2026-03-17",
    );
    assert_eq!(rule_dates(&s, "probation-supervision"), ["2026-03-30"]);
    // Mon 30 Mar + 2 weeks = Mon 13 Apr, the first day after the six weeks: "then monthly",
    // 30 Mar + 1 month = Thu 30 Apr 2026 for personal and case supervision.
    let sessions = json!([one("2026-03-16"), one("2026-03-30")]);
    let s = run(P, p("probationer", sessions.clone()), "2026-03-31");
    assert!(by_rule(&s, "probation-supervision").is_empty());
    assert_eq!(rule_dates(&s, "personal-supervision"), ["2026-04-30"]);
    assert_eq!(rule_dates(&s, "case-supervision"), ["2026-04-30"]);
    // A Family Help practitioner on probation: their own six-weekly case supervision
    // follows, 30 Mar + 42 days = Mon 11 May 2026.
    let s = run(P, p("family-help", sessions), "2026-03-31");
    assert_eq!(
        rule_dates(&s, "case-supervision-family-help-youth-justice"),
        ["2026-05-11"]
    );
}

/// rule: probation-supervision, after its six weeks. "fortnightly for the first six weeks and
/// then monthly": a session that fell due inside the six weeks is judged fortnightly even
/// when `asOf` is long past them, and the monthly rules do not judge it again. Probation
/// began Mon 2 Mar 2026: fortnightly [2 Mar, 13 Apr).
#[test]
fn probation_lateness_is_still_reported_after_the_six_weeks() {
    let p = |sessions: serde_json::Value| {
        json!({ "id": "p", "role": "probationer", "started": "2026-03-02",
                "probation": "2026-03-02", "sessions": sessions })
    };
    let gaps = |s: &supervision_rules::schedule::Schedule| -> Vec<(String, String)> {
        breaches(s, "cadence-gap")
            .iter()
            .map(|f| (f.path.clone(), f.rule.clone().unwrap_or_default()))
            .collect()
    };
    // Mon 16 Mar (2 Mar + 2 weeks = 16 Mar: on time); Mon 6 Apr: 16 Mar + 2 weeks = Mon
    // 30 Mar, a week late, inside the six weeks; Mon 4 May: 6 Apr + 2 weeks = 20 Apr falls
    // after the six weeks end (13 Apr), so "then monthly" judges it: 6 Apr + 1 month =
    // Wed 6 May, on time. asOf Mon 11 May, four weeks after the six weeks.
    let s = run(
        P,
        p(json!([
            one("2026-03-16"),
            one("2026-04-06"),
            one("2026-05-04")
        ])),
        "2026-05-11",
    );
    assert_eq!(
        gaps(&s),
        [(
            "sessions[1]".to_string(),
            "probation-supervision".to_string()
        )]
    );
    assert!(breaches(&s, "cadence-gap")[0]
        .message
        .contains("due by 30 March 2026"));
    // Mon 16 Mar, then Mon 20 Apr: due 16 Mar + 2 weeks = Mon 30 Mar, inside the six weeks,
    // so the fortnightly rule judges it (3 weeks late); the monthly rules (16 Mar + 1 month =
    // 16 Apr) do not judge it a second time.
    let s = run(
        P,
        p(json!([one("2026-03-16"), one("2026-04-20")])),
        "2026-05-11",
    );
    assert_eq!(
        gaps(&s),
        [(
            "sessions[1]".to_string(),
            "probation-supervision".to_string()
        )]
    );
    // The next is monthly: 20 Apr + 1 month = Wed 20 May 2026.
    assert_eq!(rule_dates(&s, "personal-supervision"), ["2026-05-20"]);
}

// ---------------------------------------------------------------- agreement, recording

/// rule: agreement-review. "reviewed and re-signed: Annually (on the date of issue); If a
/// supervisee changes supervisor".
#[test]
fn agreement_annually_and_on_a_change_of_supervisor() {
    let with = |role: &str, agreement: serde_json::Value| json!({ "id": "w", "role": role, "started": "2026-01-05", "agreement": agreement });
    let table = [
        // No agreement: read as by the first monthly supervision, 5 Jan + 1 month =
        // Thu 5 Feb 2026.
        (
            with("social-worker", serde_json::Value::Null),
            Some("2026-02-05"),
        ),
        // Signed Mon 12 Jan 2026 + 1 year = Tue 12 Jan 2027.
        (
            with("social-worker", json!({ "signed": "2026-01-12" })),
            Some("2027-01-12"),
        ),
        // Supervisor changed Mon 2 Mar 2026: re-signed within 1 month = Thu 2 Apr 2026,
        // earlier than the annual date.
        (
            with(
                "family-help",
                json!({ "signed": "2026-01-12",
                                         "supervisorChanged": "2026-03-02" }),
            ),
            Some("2026-04-02"),
        ),
        // A change before the last signing is already covered: annual date.
        (
            with(
                "social-worker",
                json!({ "signed": "2026-01-12",
                                           "supervisorChanged": "2026-01-07" }),
            ),
            Some("2027-01-12"),
        ),
        // Seconded IFD staff are left out.
        (with("ifd-seconded", serde_json::Value::Null), None),
    ];
    for (w, expected) in table {
        let s = run(P, w.clone(), "2026-03-03");
        assert_eq!(
            rule_dates(&s, "agreement-review"),
            expected.into_iter().collect::<Vec<_>>(),
            "{w}"
        );
    }
    // Issue 22: the clause sets no time for the first agreement or the re-signing, so those
    // dates (a month) are our reading, marked as such; the yearly review is the clause's.
    let reading_of = |agreement: serde_json::Value| {
        let s = run(P, with("social-worker", agreement), "2026-03-03");
        only(&s, "agreement-review").reading.is_some()
    };
    assert!(reading_of(serde_json::Value::Null));
    assert!(reading_of(
        json!({ "signed": "2026-01-12", "supervisorChanged": "2026-03-02" })
    ));
    assert!(!reading_of(json!({ "signed": "2026-01-12" })));
}

/// rule: write-up. Recording: "within two working days of the discussion taking place".
#[test]
fn case_discussions_written_up_within_two_working_days() {
    // Case session Fri 22 May 2026: Mon 25 May is a bank holiday; Tue 26 = 1, Wed 27 = 2.
    // A group case discussion the same day has the same deadline; personal supervision has
    // none.
    let s = run(
        P,
        json!({ "id": "w", "role": "social-worker", "started": "2025-06-02", "sessions": [
            { "date": "2026-05-22", "type": "case" },
            { "date": "2026-05-22", "type": "group" },
            { "date": "2026-05-22", "type": "personal" }
        ] }),
        "2026-05-22",
    );
    assert_eq!(rule_dates(&s, "write-up"), ["2026-05-27", "2026-05-27"]);
}

// ---------------------------------------------------------------- children (Case Supervision)

fn with_case(case: serde_json::Value) -> serde_json::Value {
    json!({ "id": "w", "role": "social-worker", "started": "2025-06-02", "cases": [case] })
}

/// rule: child-discussion. "Every child should be supervised a minimum of bi monthly", read
/// as every 2 months: last discussed Wed 31 Dec 2025 + 2 months = 31 Feb → Sat 28 Feb 2026.
#[test]
fn every_child_every_two_months() {
    let s = run(
        P,
        with_case(json!({ "id": "C1", "allocated": "2025-09-01",
                          "discussed": ["2025-11-03", "2025-12-31"] })),
        "2026-01-05",
    );
    assert_eq!(rule_dates(&s, "child-discussion"), ["2026-02-28"]);
}

/// rule: child-after-change. "Wherever there has been a change of circumstances, considerable
/// increase in risk, change in social worker": no timescale, read as within 1 month.
#[test]
fn child_discussed_after_a_change() {
    for kind in [
        "risk-increase",
        "significant-change",
        "change-of-social-worker",
    ] {
        // Tue 7 Apr 2026 + 1 month = Thu 7 May 2026.
        let s = run(
            P,
            with_case(json!({ "id": "C2", "allocated": "2025-09-01",
                              "discussed": ["2026-03-20"],
                              "events": [{ "kind": kind, "date": "2026-04-07" }] })),
            "2026-04-08",
        );
        assert_eq!(
            rule_dates(&s, "child-after-change"),
            ["2026-05-07"],
            "{kind}"
        );
    }
}

/// rule: child-before-plan-change. "a child protection conference will be convened,
/// Pre-proceedings or public proceedings are being issued or a child enters care,
/// supervision should be held before this"; window read as the month before the event.
#[test]
fn child_discussed_before_a_planned_plan_change() {
    let case = |discussed: serde_json::Value, events: serde_json::Value| {
        with_case(
            json!({ "id": "C3", "allocated": "2025-09-01", "discussed": discussed,
                          "events": events }),
        )
    };
    let conference = json!([{ "kind": "child-protection-conference", "date": "2026-05-14" }]);
    // Conference planned Thu 14 May 2026: a discussion in [14 Apr, 14 May) is needed, due by
    // the day before, Wed 13 May 2026. The discussion on Fri 10 Apr is before the window.
    let s = run(
        P,
        case(json!(["2026-04-10"]), conference.clone()),
        "2026-04-20",
    );
    assert_eq!(rule_dates(&s, "child-before-plan-change"), ["2026-05-13"]);
    // Discussed Mon 20 Apr, inside the window: met.
    let s = run(
        P,
        case(json!(["2026-04-10", "2026-04-20"]), conference),
        "2026-04-21",
    );
    assert!(by_rule(&s, "child-before-plan-change").is_empty());
    // Pre-proceedings planned Mon 1 Jun and proceedings Mon 15 Jun 2026: due Sun 31 May and
    // Sun 14 Jun 2026.
    let s = run(
        P,
        case(
            json!(["2026-04-10"]),
            json!([{ "kind": "pre-proceedings", "date": "2026-06-01" },
                   { "kind": "proceedings", "date": "2026-06-15" }]),
        ),
        "2026-04-20",
    );
    assert_eq!(
        rule_dates(&s, "child-before-plan-change"),
        ["2026-05-31", "2026-06-14"]
    );
    // Entering care on Wed 1 Apr 2026 (happened by asOf Fri 10 Apr): no discussion in
    // [1 Mar, 1 Apr) — the one on 15 Feb is too early, the one on 1 Apr itself is not
    // before it — a breach.
    let entering = json!([{ "kind": "entering-care", "date": "2026-04-01" }]);
    let s = run(
        P,
        case(json!(["2026-02-15", "2026-04-01"]), entering.clone()),
        "2026-04-10",
    );
    assert_eq!(
        advisory_paths(
            &s,
            "no-discussion-before-event",
            "north-east-lincolnshire.txt"
        ),
        ["cases[0].events[0]"]
    );
    // Discussed Fri 20 Mar, inside [1 Mar, 1 Apr): no breach.
    let s = run(P, case(json!(["2026-03-20"]), entering), "2026-04-10");
    assert!(breaches(&s, "no-discussion-before-event").is_empty());
    assert!(advisories(&s, "no-discussion-before-event").is_empty());
}

/// rule: joint-supervision-step-change. "Joint supervision should be completed wherever a
/// child's plan is recommended to step up ... or step down": read as within 1 month.
#[test]
fn joint_supervision_on_step_up_or_down() {
    for kind in ["step-up", "step-down"] {
        // Mon 9 Mar 2026 + 1 month = Thu 9 Apr 2026.
        let s = run(
            P,
            with_case(json!({ "id": "C4", "allocated": "2025-09-01",
                              "discussed": ["2026-02-20"],
                              "events": [{ "kind": kind, "date": "2026-03-09" }] })),
            "2026-03-10",
        );
        assert_eq!(
            rule_dates(&s, "joint-supervision-step-change"),
            ["2026-04-09"],
            "{kind}"
        );
    }
}

/// rule: front-door-briefing. Supervision within the Front Door: "All contacts and
/// referrals will have an initial briefing supervision recorded", the outcome decided
/// "within 24 hours of the information being received": the briefing by the next day.
/// Contact C-101 received Mon 2 Mar 2026: due Tue 3 Mar 2026 (2 Mar + 1 day).
#[test]
fn front_door_briefing_within_24_hours_of_each_contact() {
    let worker = |briefed: Option<&str>| {
        let mut c = json!({ "date": "2026-03-02", "id": "C-101" });
        if let Some(b) = briefed {
            c["briefed"] = json!(b);
        }
        json!({ "id": "w", "role": "front-door", "started": "2025-01-06", "contacts": [c] })
    };
    // Not yet briefed on 2 Mar: due 3 Mar.
    let s = run(P, worker(None), "2026-03-02");
    assert_eq!(rule_dates(&s, "front-door-briefing"), ["2026-03-03"]);
    // Briefed Tue 3 Mar: met.
    let s = run(P, worker(Some("2026-03-03")), "2026-03-20");
    assert!(rule_dates(&s, "front-door-briefing").is_empty());
    assert!(advisories(&s, "late-briefing").is_empty());
    // Briefed Wed 4 Mar, after 3 Mar: a breach at the briefing.
    let s = run(P, worker(Some("2026-03-04")), "2026-03-20");
    let b = advisories(&s, "late-briefing");
    assert!(breaches(&s, "late-briefing").is_empty());
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].path, "contacts[0].briefed");
    // The rule is the front door's: a qualified social worker's contacts carry no duty.
    let mut w = worker(None);
    w["role"] = json!("social-worker");
    let s = run(P, w, "2026-03-02");
    assert!(rule_dates(&s, "front-door-briefing").is_empty());
}

/// rule: front-door-briefing. Issue 13 item 7: a worker who moved from the front door to a
/// team on Wed 1 Apr 2026 (`worker.changes`) keeps the briefings the front door owed.
/// Contact C-101 received Mon 2 Mar 2026, briefed Wed 4 Mar: due within 24 hours, by Tue
/// 3 Mar, so late — judged by the front door's rule, in force on 2 Mar. Contact C-202
/// received Fri 10 Apr 2026, after the move, never briefed: a social worker's contact
/// carries no briefing duty, so nothing is due and nothing is late. (Judged with today's role
/// alone, the late briefing of C-101 was not reported.)
#[test]
fn front_door_briefings_judged_after_moving_on() {
    let worker = json!({
        "id": "w", "role": "social-worker", "started": "2025-01-06",
        "changes": [{ "from": "2025-01-06", "role": "front-door" },
                    { "from": "2026-04-01", "role": "social-worker" }],
        "contacts": [{ "date": "2026-03-02", "id": "C-101", "briefed": "2026-03-04" },
                     { "date": "2026-04-10", "id": "C-202" }]
    });
    let s = run(P, worker, "2026-05-01");
    let late: Vec<&str> = advisories(&s, "late-briefing")
        .iter()
        .map(|b| b.path.as_str())
        .collect();
    assert_eq!(late, ["contacts[0].briefed"]);
    assert!(rule_dates(&s, "front-door-briefing").is_empty());
}

/// rules: personal-supervision, case-supervision-family-help-youth-justice, asye-supervision.
/// Issue 13 item 7: a `during` window that began with a change (`worker.changes`) does not
/// reach back over the era before it, which its overridden rules governed.
///
/// A family help worker since Mon 3 Nov 2025 qualifies and starts the ASYE as an NQSW on
/// Mon 2 Mar 2026 (`asye` and the change on that day). One-to-ones on:
/// - [0] Mon 1 Dec 2025: personal due 3 Dec, case 3 Nov + 42 days = 15 Dec: on time;
/// - [1] Mon 26 Jan 2026: personal monthly, due Thu 1 Jan 2026, late; case 6-weekly, 1 Dec
///   + 42 days = Mon 12 Jan 2026, late (both opened on 1 Dec, as family help);
/// - [2] Mon 23 Feb 2026: personal due 26 Feb, case due 9 Mar: on time;
/// - [3] Mon 2 Mar, [4] Mon 9 Mar, [5] Mon 16 Mar: on time (the 23 Feb gap is family
///   help's, due 23 Mar; then weekly in the ASYE's first six weeks);
/// - [6] Mon 30 Mar: due 16 Mar + 7 days = Mon 23 Mar, late, under the ASYE's weekly phase.
///
/// asOf Fri 3 Apr 2026, inside the ASYE's first six weeks (2 Mar to 12 Apr): the next
/// supervision is due 30 Mar + 7 days = Mon 6 Apr. (Before, the ASYE rule, chosen for the
/// whole history because its window is open on asOf, could not judge the family help months,
/// and their two late sessions went unreported.)
#[test]
fn asye_window_begun_by_a_change_leaves_the_era_before_alone() {
    let dates = [
        "2025-12-01",
        "2026-01-26",
        "2026-02-23",
        "2026-03-02",
        "2026-03-09",
        "2026-03-16",
        "2026-03-30",
    ];
    let worker = json!({
        "id": "w", "role": "nqsw", "started": "2025-11-03", "asye": "2026-03-02",
        "changes": [{ "from": "2025-11-03", "role": "family-help" },
                    { "from": "2026-03-02", "role": "nqsw" }],
        "sessions": dates.iter().map(|d| json!({ "date": d, "type": "one-to-one" }))
            .collect::<Vec<_>>()
    });
    let s = run(P, worker, "2026-04-03");
    let gaps: Vec<(&str, Option<&str>)> = breaches(&s, "cadence-gap")
        .iter()
        .map(|b| (b.path.as_str(), b.rule.as_deref()))
        .collect();
    assert_eq!(
        gaps,
        [
            ("sessions[1]", Some("personal-supervision")),
            (
                "sessions[1]",
                Some("case-supervision-family-help-youth-justice")
            ),
            ("sessions[6]", Some("asye-supervision")),
        ],
        "{s:#?}"
    );
    assert_eq!(rule_dates(&s, "asye-supervision"), ["2026-04-06"]);
}

/// rule: serious-incident-meeting. Appendix 1 (2): "When notified of a serious incident ...
/// Practice Supervisor ... should make contact immediately with the social worker ... and
/// arrange to meet with them as soon as possible on that day": read as the meeting held that
/// day. Notified Tue 3 Mar 2026: due Tue 3 Mar 2026 (the same day, no days added).
#[test]
fn serious_incident_meeting_the_same_day() {
    let worker = |met: Option<&str>| {
        let mut i = json!({ "date": "2026-03-03" });
        if let Some(m) = met {
            i["met"] = json!(m);
        }
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06", "incidents": [i] })
    };
    // Not yet met on 3 Mar: due 3 Mar (3 Mar + 0 days), the incident's own day.
    let s = run(P, worker(None), "2026-03-03");
    assert_eq!(rule_dates(&s, "serious-incident-meeting"), ["2026-03-03"]);
    assert_eq!(only(&s, "serious-incident-meeting").kind, IncidentMeeting);
    // Still not met on Wed 4 Mar: overdue since 3 Mar.
    let s = run(P, worker(None), "2026-03-04");
    let overdue = supervision_rules::schedule::Status::Overdue;
    assert_eq!(status_of(&s, "serious-incident-meeting"), overdue);
    // Met Tue 3 Mar, the same day: met, no breach.
    let s = run(P, worker(Some("2026-03-03")), "2026-03-20");
    assert!(rule_dates(&s, "serious-incident-meeting").is_empty());
    assert!(breaches(&s, "late-incident-meeting").is_empty());
    // Met Wed 4 Mar, the day after (3 Mar + 1): a breach at the meeting's date.
    let s = run(P, worker(Some("2026-03-04")), "2026-03-20");
    let b = breaches(&s, "late-incident-meeting");
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].path, "incidents[0].met");
    // An incident dated after asOf has not been notified yet: nothing is due.
    let s = run(P, worker(None), "2026-03-02");
    assert!(rule_dates(&s, "serious-incident-meeting").is_empty());
}

/// rule: child-during-assessment. Supervision of Assessments: "Supervision will take place
/// with the social worker/practitioner at the point of allocation and fortnightly thereafter
/// to discuss ongoing assessment": a discussion on the day the assessment starts, then at
/// least every 2 weeks (14 days) until it is completed. Assessment started Mon 2 Mar 2026.
#[test]
fn assessment_discussed_at_allocation_and_fortnightly() {
    let worker = |discussed: serde_json::Value, completed: Option<&str>| {
        let mut events = vec![json!({ "date": "2026-03-02", "kind": "assessment-started" })];
        if let Some(c) = completed {
            events.push(json!({ "date": c, "kind": "assessment-completed" }));
        }
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                "cases": [{ "id": "C1", "allocated": "2026-03-02", "discussed": discussed,
                            "events": events }] })
    };
    let mine = |s: &supervision_rules::schedule::Schedule, code: &str| -> Vec<String> {
        breaches(s, code)
            .into_iter()
            .filter(|b| b.rule.as_deref() == Some("child-during-assessment"))
            .map(|b| b.path.clone())
            .collect()
    };
    // Not yet discussed on Mon 2 Mar: due that day (2 Mar, the point of allocation).
    let s = run(P, worker(json!([]), None), "2026-03-02");
    assert_eq!(rule_dates(&s, "child-during-assessment"), ["2026-03-02"]);
    // Discussed Mon 2 Mar: next due Mon 16 Mar (2 Mar + 14 days).
    let s = run(P, worker(json!(["2026-03-02"]), None), "2026-03-03");
    assert_eq!(rule_dates(&s, "child-during-assessment"), ["2026-03-16"]);
    // First discussed Tue 3 Mar, a day after the start: late, at the start event.
    let s = run(P, worker(json!(["2026-03-03"]), None), "2026-03-04");
    assert_eq!(
        mine(&s, "late-first-discussion"),
        ["cases[0].events[0]".to_string()]
    );
    // 2 Mar, Mon 16 Mar (on time: 2 Mar + 14), Wed 1 Apr (after Mon 30 Mar = 16 Mar + 14),
    // completed Fri 10 Apr (1 Apr + 14 = Wed 15 Apr: no discussion missed before it): one gap,
    // and nothing more is due once the assessment is completed.
    let done = worker(
        json!(["2026-03-02", "2026-03-16", "2026-04-01"]),
        Some("2026-04-10"),
    );
    let s = run(P, done, "2026-04-20");
    assert_eq!(
        mine(&s, "child-discussion-gap"),
        ["cases[0].discussed".to_string()]
    );
    assert!(rule_dates(&s, "child-during-assessment").is_empty());
    // Discussed only on 2 Mar and completed Fri 20 Mar, after the discussion due Mon 16 Mar:
    // a gap reported at the completion event.
    let s = run(
        P,
        worker(json!(["2026-03-02"]), Some("2026-03-20")),
        "2026-04-20",
    );
    assert_eq!(
        mine(&s, "child-discussion-gap"),
        ["cases[0].events[1]".to_string()]
    );
    // A case with no assessment has no such duty.
    let none = json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                       "cases": [{ "id": "C1", "allocated": "2026-03-02" }] });
    let s = run(P, none, "2026-03-02");
    assert!(rule_dates(&s, "child-during-assessment").is_empty());
}

/// rules: rebook-cancelled, rebook-cancelled-sickness. Cancellation of supervision: "should
/// not, if at all possible, wait until the following month", read as the replacement held by
/// the last day of the month of the cancellation.
/// - [0] Tue 10 Mar 2026 cancelled (another reason); [1] held Fri 27 Mar: in March, met.
/// - [2] Tue 28 Apr 2026 cancelled for sickness; [3] held Tue 5 May: April ended on Thu
///   30 Apr, so late (late-rebook at sessions[2]).
/// - [4] Mon 15 Jun 2026 cancelled (another reason), nothing held since: on asOf Sat 20 Jun
///   the replacement is due by Tue 30 Jun.
#[test]
fn cancelled_supervision_rearranged_within_the_month() {
    let worker = json!({
        "id": "w", "role": "social-worker", "started": "2025-01-06",
        "sessions": [
            { "date": "2026-03-10", "type": "one-to-one", "cancelled": "other" },
            { "date": "2026-03-27", "type": "one-to-one" },
            { "date": "2026-04-28", "type": "one-to-one", "cancelled": "sickness" },
            { "date": "2026-05-05", "type": "one-to-one" },
            { "date": "2026-06-15", "type": "one-to-one", "cancelled": "other" }
        ]
    });
    let s = run(P, worker, "2026-06-20");
    assert!(breaches(&s, "late-rebook").is_empty());
    let late: Vec<(&str, Option<&str>)> = advisories(&s, "late-rebook")
        .iter()
        .map(|b| (b.path.as_str(), b.rule.as_deref()))
        .collect();
    assert_eq!(late, [("sessions[2]", Some("rebook-cancelled-sickness"))]);
    assert!(advisories(&s, "late-rebook")[0]
        .message
        .contains("after the deadline of 30 April 2026"));
    assert_eq!(rule_dates(&s, "rebook-cancelled"), ["2026-06-30"]);
    let reason = &only(&s, "rebook-cancelled").reason;
    assert!(reason.contains("by the end of the month of"), "{reason}");
    assert!(rule_dates(&s, "rebook-cancelled-sickness").is_empty());
}

/// rules: assessment-conclusion, assessment-conclusion-family-help-youth-justice. Supervision
/// of Assessments: the assessment concluded "within a maximum of 45 days for children's social
/// care, 20 days for Family Help", read as working days (Working Together 2018).
/// - A social worker's case C1: assessment started Mon 5 Jan 2026; 45 working days (nine
///   weeks of five, no bank holiday between) = Mon 9 Mar 2026; concluded Mon 16 Mar: late.
/// - A family help worker's case F1: started Mon 2 Mar 2026; 20 working days (four weeks,
///   Good Friday 3 Apr falls after) = Mon 30 Mar 2026; open on asOf Fri 20 Mar: due then.
#[test]
fn assessment_concluded_within_its_maximum() {
    let case = |id: &str, events: serde_json::Value| json!({ "id": id, "allocated": "2025-12-01", "events": events });
    let sw = json!({
        "id": "w", "role": "social-worker", "started": "2025-01-06",
        "cases": [case("C1", json!([
            { "date": "2026-01-05", "kind": "assessment-started" },
            { "date": "2026-03-16", "kind": "assessment-completed" }
        ]))]
    });
    let s = run(P, sw, "2026-03-20");
    let late = breaches(&s, "late-assessment-conclusion");
    assert_eq!(late.len(), 1, "{s:#?}");
    assert_eq!(late[0].path, "cases[0].events[1]");
    assert_eq!(
        late[0].message,
        "The assessment of case C1 started on 5 January 2026 was concluded on 16 March 2026, \
         after the deadline of 9 March 2026 (45 working days after its start)."
    );
    assert!(rule_dates(&s, "assessment-conclusion").is_empty());

    let fh = json!({
        "id": "w", "role": "family-help", "started": "2025-01-06",
        "cases": [case("F1", json!([{ "date": "2026-03-02", "kind": "assessment-started" }]))]
    });
    let s = run(P, fh, "2026-03-20");
    assert_eq!(
        rule_dates(&s, "assessment-conclusion-family-help-youth-justice"),
        ["2026-03-30"]
    );
    assert!(rule_dates(&s, "assessment-conclusion").is_empty());
}

/// rule: front-door-completion. Supervision within the Front Door: "Decisions regarding
/// outcomes for contact/referrals will be made within 24 hours of the information being
/// received and recorded within the completion supervision" — read as the completion
/// supervision due by the day after the contact. Contact C-101 received Mon 2 Mar 2026:
/// completion due Tue 3 Mar; recorded Thu 5 Mar, late. Contact C-102 received Thu 19 Mar,
/// not completed on asOf Fri 20 Mar: due that day.
#[test]
fn front_door_completion_within_24_hours() {
    let worker = json!({
        "id": "w", "role": "front-door", "started": "2025-01-06",
        "contacts": [
            { "date": "2026-03-02", "id": "C-101", "briefed": "2026-03-02",
              "completed": "2026-03-05" },
            { "date": "2026-03-19", "id": "C-102", "briefed": "2026-03-19" }
        ]
    });
    let s = run(P, worker, "2026-03-20");
    let late = breaches(&s, "late-completion");
    assert_eq!(late.len(), 1, "{s:#?}");
    assert_eq!(late[0].path, "contacts[0].completed");
    assert_eq!(
        late[0].message,
        "Contact C-101, received on 2 March 2026: its completion supervision, with the decision \
         on its outcome, was recorded on 5 March 2026, after the deadline of 3 March 2026 (24 \
         hours after it)."
    );
    assert_eq!(rule_dates(&s, "front-door-completion"), ["2026-03-20"]);
    assert_eq!(
        only(&s, "front-door-completion").kind,
        CompletionSupervision
    );
    assert!(breaches(&s, "late-briefing").is_empty());
}
