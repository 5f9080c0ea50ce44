//! Team and service duties: a team's own record (group sessions, audits of supervision
//! files, observations of its supervisors) under `schedule_team`, with due dates worked out
//! by hand from havering.txt and stockport.txt.
//!
//! Calendar used in the arithmetic: "1 month" and "3 months" add calendar months, the day
//! clamped to the month's end (31 Mar + 3 months = 30 Jun); "1 year" adds twelve months.
//! `dueSoonDays` is 7: due on or before asOf + 7 days is `due-soon`.

mod common;
use common::date;
use serde_json::{json, Value};
use supervision_rules::calendar::parse_date;
use supervision_rules::policy::{ObligationKind, Registry};
use supervision_rules::schedule::{schedule_team, Schedule, ScheduleOptions, Status, Team};

fn team(policy: &str, t: Value, as_of: &str) -> Schedule {
    let registry = Registry::with_builtins();
    let p = registry.get(policy).expect("built-in policy");
    let t = Team::from_json(&t).expect("team");
    schedule_team(
        p,
        &t,
        &ScheduleOptions::new(parse_date(as_of).expect("asOf")),
    )
    .expect("team")
}

/// The (subject, due, status) of each obligation a rule produced.
fn due(s: &Schedule, rule: &str) -> Vec<(String, String, Status)> {
    s.obligations
        .iter()
        .filter(|o| o.rule == rule)
        .map(|o| (o.subject.clone(), o.due.to_string(), o.status))
        .collect()
}

/// The (path, code) of each breach a rule found.
fn breaches(s: &Schedule, rule: &str) -> Vec<(String, &'static str)> {
    s.breaches
        .iter()
        .filter(|b| b.rule.as_deref() == Some(rule))
        .map(|b| (b.path.clone(), b.code.as_str()))
        .collect()
}

/// The kind of the first obligation a rule produced.
fn kind(s: &Schedule, rule: &str) -> ObligationKind {
    s.obligations
        .iter()
        .find(|o| o.rule == rule)
        .map(|o| o.kind)
        .expect("an obligation from the rule")
}

fn row(subject: &str, due: &str, status: Status) -> (String, String, Status) {
    (subject.to_string(), due.to_string(), status)
}

// ------------------------------------------------------ Havering §3b: group case supervision

/// rule: group-case-supervision. §3b: "at least one group case supervision diarised on a
/// monthly basis; lasting from 60-120mins", counted in calendar months (issue 22: one in
/// each month, as a diary counts). Last group session Tue 20 Jan 2026 (90 minutes) → one due
/// in February, by Sat 28 Feb 2026 (was 20 Jan + 1 month = Fri 20 Feb). asOf Sun 1 Feb:
/// 28 Feb is after 1 Feb + 7 = 8 Feb, so `ok`.
#[test]
fn group_case_supervision_monthly() {
    let s = team(
        "havering",
        json!({ "id": "north", "started": "2026-01-05",
                "groupSessions": [{ "date": "2026-01-20", "minutes": 90 }] }),
        "2026-02-01",
    );
    assert_eq!(
        due(&s, "group-case-supervision"),
        [row("north", "2026-02-28", Status::Ok)]
    );
    assert_eq!(
        kind(&s, "group-case-supervision"),
        ObligationKind::GroupSupervision
    );
    assert!(s.breaches.is_empty());
}

/// rule: group-case-supervision, calendar months (issue 22). Sessions Mon 5 Jan and Fri
/// 27 Feb 2026: one in January, one in February, so no gap (rolling, 5 Jan + 1 month = Thu
/// 5 Feb made 27 Feb a breach). Next by the end of March, Tue 31 Mar (rolling: 27 Mar).
#[test]
fn group_case_supervision_in_each_calendar_month() {
    let s = team(
        "havering",
        json!({ "id": "north", "started": "2026-01-05",
                "groupSessions": [{ "date": "2026-01-05", "minutes": 60 },
                                  { "date": "2026-02-27", "minutes": 60 }] }),
        "2026-03-02",
    );
    assert!(s.breaches.is_empty(), "{:?}", s.breaches);
    assert_eq!(
        due(&s, "group-case-supervision"),
        [row("north", "2026-03-31", Status::Ok)]
    );
}

/// rule: group-case-supervision. A session recorded as 45 minutes (Wed 18 Feb) is under the
/// 60 minutes of §3b and does not count. So after Tue 20 Jan the next counted one is Mon
/// 2 Mar: February had none (due by Sat 28 Feb), a `group-supervision-gap` at
/// `groupSessions[2]`. Next due in April, by Thu 30 Apr 2026: `ok` on Fri 10 Apr (30 Apr is
/// after 10 Apr + 7 = 17 Apr).
#[test]
fn group_case_supervision_short_session_does_not_count() {
    let s = team(
        "havering",
        json!({ "id": "north", "started": "2026-01-05",
                "groupSessions": [
                    { "date": "2026-01-20", "minutes": 90 },
                    { "date": "2026-02-18", "minutes": 45 },
                    { "date": "2026-03-02", "minutes": 60 } ] }),
        "2026-04-10",
    );
    assert_eq!(
        due(&s, "group-case-supervision"),
        [row("north", "2026-04-30", Status::Ok)]
    );
    assert_eq!(
        breaches(&s, "group-case-supervision"),
        [("groupSessions[2]".to_string(), "group-supervision-gap")]
    );
}

/// rule: group-case-supervision. Nothing held since the team's record started on Mon 5 Jan
/// 2026 (a cancelled session does not count): due 5 Jan + 1 month, to the end of that month
/// = Sat 28 Feb 2026, overdue on Mon 2 Mar. An open gap is an overdue obligation, not a
/// breach.
#[test]
fn group_case_supervision_none_held() {
    let s = team(
        "havering",
        json!({ "id": "north", "started": "2026-01-05",
                "groupSessions": [{ "date": "2026-01-27", "cancelled": true }] }),
        "2026-03-02",
    );
    assert_eq!(
        due(&s, "group-case-supervision"),
        [row("north", "2026-02-28", Status::Overdue)]
    );
    assert!(s.breaches.is_empty());
}

// ------------------------------------------------------------ Havering §3e: file audits

/// rule: supervision-file-audit. §3e: "a random selection of supervision files on a 3
/// monthly basis". Last audit Tue 31 Mar 2026 (5 files) → + 3 months = 30 Jun 2026 (31 Jun
/// does not exist: clamped). asOf Wed 1 Apr: `ok`.
#[test]
fn file_audit_every_three_months() {
    let s = team(
        "havering",
        json!({ "id": "north", "started": "2026-01-05",
                "audits": [{ "date": "2026-03-31", "files": 5 }] }),
        "2026-04-01",
    );
    assert_eq!(
        due(&s, "supervision-file-audit"),
        [row("north", "2026-06-30", Status::Ok)]
    );
    assert_eq!(
        kind(&s, "supervision-file-audit"),
        ObligationKind::FileAudit
    );
}

/// rule: supervision-file-audit. Record started Mon 5 Jan 2026: the first audit was due
/// 5 Jan + 3 months = Sun 5 Apr; held Mon 6 Apr, a `file-audit-gap` at `audits[0]`. Next due
/// 6 Apr + 3 months = Mon 6 Jul 2026; on Mon 29 Jun that is within 7 days: `due-soon`.
#[test]
fn file_audit_late_first_audit() {
    let s = team(
        "havering",
        json!({ "id": "north", "started": "2026-01-05",
                "audits": [{ "date": "2026-04-06", "files": 3 }] }),
        "2026-06-29",
    );
    assert_eq!(
        due(&s, "supervision-file-audit"),
        [row("north", "2026-07-06", Status::DueSoon)]
    );
    assert_eq!(
        breaches(&s, "supervision-file-audit"),
        [("audits[0]".to_string(), "file-audit-gap")]
    );
}

// -------------------------------------------------- Havering §6: supervision of supervision

/// rule: supervision-of-supervision. §6: 3-ways "on a bi-annual basis", read as every 6
/// months. tm1 last observed Thu 15 Jan 2026 → + 6 months = Wed 15 Jul 2026; tm2 never, so
/// from the start Mon 5 Jan → Sun 5 Jul 2026. Both overdue on Sat 1 Aug; sorted by due date.
#[test]
fn supervision_of_supervision_six_monthly() {
    let s = team(
        "havering",
        json!({ "id": "north", "started": "2026-01-05",
                "supervisors": [{ "id": "tm1", "observed": ["2026-01-15"] }, { "id": "tm2" }] }),
        "2026-08-01",
    );
    assert_eq!(
        due(&s, "supervision-of-supervision"),
        [
            row("tm2", "2026-07-05", Status::Overdue),
            row("tm1", "2026-07-15", Status::Overdue)
        ]
    );
}

/// rule: supervision-of-supervision. tm1 observed Thu 15 Jan then Thu 20 Aug 2026: later than
/// 15 Jul, a `supervisor-observation-gap` at `supervisors[0].observed[1]`. Next due 20 Aug +
/// 6 months = Sat 20 Feb 2027.
#[test]
fn supervision_of_supervision_gap() {
    let s = team(
        "havering",
        json!({ "id": "north", "started": "2026-01-05",
                "supervisors": [{ "id": "tm1", "observed": ["2026-01-15", "2026-08-20"] }] }),
        "2026-09-01",
    );
    assert_eq!(
        due(&s, "supervision-of-supervision"),
        [row("tm1", "2027-02-20", Status::Ok)]
    );
    // Havering's "bi-annual" read as twice a year is our reading: an advisory, not a breach.
    assert!(breaches(&s, "supervision-of-supervision").is_empty());
    let advice: Vec<_> = s
        .advisories
        .iter()
        .map(|b| (b.path.as_str(), b.code.as_str()))
        .collect();
    assert_eq!(
        advice,
        [("supervisors[0].observed[1]", "supervisor-observation-gap")]
    );
    assert!(s.advisories[0].message.starts_with("By our reading of §6"));
}

// ------------------------------------------------------------------- Stockport §8

/// rule: team-leader-observation. §8: each team leader observed in supervision "at least
/// annually". tl1 observed Tue 10 Jun 2025 → + 1 year = Wed 10 Jun 2026; asOf Fri 5 Jun
/// 2026: 10 Jun ≤ 5 Jun + 7 = 12 Jun, `due-soon`.
#[test]
fn team_leader_observed_annually() {
    let s = team(
        "stockport",
        json!({ "id": "east", "started": "2025-04-01",
                "supervisors": [{ "id": "tl1", "observed": ["2025-06-10"] }] }),
        "2026-06-05",
    );
    assert_eq!(
        due(&s, "team-leader-observation"),
        [row("tl1", "2026-06-10", Status::DueSoon)]
    );
    assert_eq!(
        kind(&s, "team-leader-observation"),
        ObligationKind::SupervisionObservation
    );
}

/// rule: team-leader-file-audit. §8: "audit at least 1 supervision file for each of the team
/// leaders ... at least annually". tl1's file audited Sun 1 Mar 2026 → Mon 1 Mar 2027. tl2:
/// the only audit naming tl2 looked at 0 files (not the sample of 1) and the team-wide audit
/// names no one, so from the start Tue 1 Apr 2025 → Wed 1 Apr 2026: overdue on 1 Jun 2026.
#[test]
fn team_leader_file_audited_annually() {
    let s = team(
        "stockport",
        json!({ "id": "east", "started": "2025-04-01",
                "supervisors": [{ "id": "tl1" }, { "id": "tl2" }],
                "audits": [
                    { "date": "2026-03-01", "files": 1, "supervisor": "tl1" },
                    { "date": "2026-03-01", "files": 0, "supervisor": "tl2" },
                    { "date": "2026-03-02", "files": 4 } ] }),
        "2026-06-01",
    );
    assert_eq!(
        due(&s, "team-leader-file-audit"),
        [
            row("tl2", "2026-04-01", Status::Overdue),
            row("tl1", "2027-03-01", Status::Ok)
        ]
    );
}

/// The team rules give a worker's schedule nothing, and a policy without team rules gives a
/// team nothing.
#[test]
fn team_rules_stay_apart_from_workers() {
    let s = team(
        "shropshire",
        json!({ "id": "north", "started": "2026-01-05" }),
        "2026-06-01",
    );
    assert!(s.obligations.is_empty());
    let w = common::run(
        "havering",
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06" }),
        "2026-06-01",
    );
    assert!(w
        .obligations
        .iter()
        .all(|o| o.kind != ObligationKind::GroupSupervision));
    let _ = date("2026-01-01");
}

/// A bad team names the field: `team.audits[0].date`.
#[test]
fn a_bad_team_names_the_field() {
    let e = Team::from_json(&json!({ "id": "n", "started": "2026-01-05",
        "audits": [{ "date": "5/1/2026" }] }))
    .expect_err("bad date");
    assert!(e.to_string().contains("team.audits[0].date"), "{e}");
}
