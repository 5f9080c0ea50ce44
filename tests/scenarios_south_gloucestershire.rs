//! South Gloucestershire scenarios: inputs and due dates worked out by hand from
//! south-gloucestershire.txt.
//!
//! Calendar used in the arithmetic (2026): Mondays 2, 9, 16, 23, 30 Mar; bank holidays
//! Good Friday 3 Apr and Easter Monday 6 Apr.

mod common;
use common::*;
use serde_json::json;
use supervision_rules::policy::ObligationKind::*;

const P: &str = "south-gloucestershire";

fn one(d: &str) -> serde_json::Value {
    json!({ "date": d, "type": "one-to-one", "recorded": d })
}

/// rule: management-supervision. §3.1 "six times in any 12 month period", read for a due
/// date as one every 2 calendar months.
#[test]
fn management_supervision_every_two_months() {
    let table = [
        // (last session, asOf, expected)
        // Thu 15 Jan 2026 + 2 months = Sun 15 Mar 2026.
        ("2026-01-15", "2026-01-16", "2026-03-15"),
        // Wed 31 Dec 2025 + 2 months = 31 Feb → Sat 28 Feb 2026.
        ("2025-12-31", "2026-01-05", "2026-02-28"),
    ];
    for (last, as_of, expected) in table {
        let s = run(
            P,
            json!({ "id": "w", "role": "social-worker", "started": "2025-11-03",
                    "sessions": [one(last)] }),
            as_of,
        );
        assert_eq!(
            rule_dates(&s, "management-supervision"),
            [expected],
            "{last}"
        );
    }
}

/// rules: management-supervision, management-supervision-minimum. Issue 22: §3.1 sets a
/// count (six in any 12 months), not a spacing, so the 2-monthly spacing is our reading: a
/// longer gap is an advisory, never a breach of the policy, and the count alone is judged.
/// Started Mon 6 Jan 2025; one-to-ones Fri 10 Jan, Mon 10 Feb, Mon 10 Mar, Thu 10 Apr,
/// Sat 10 May, Sat 20 Sep 2025. The gap from 10 May: + 2 months = Thu 10 Jul 2025, so
/// 20 Sep is past our spacing (an advisory at sessions[5]); on asOf Wed 1 Oct 2025 no
/// 12-month window from the start has ended (the first ends 6 Jan 2026): no breach at all.
/// The next date by our reading: 20 Sep + 2 months = Thu 20 Nov 2025, marked `reading`.
#[test]
fn a_spacing_read_into_a_count_is_advice_not_a_breach() {
    let sessions: Vec<_> = [
        "2025-01-10",
        "2025-02-10",
        "2025-03-10",
        "2025-04-10",
        "2025-05-10",
        "2025-09-20",
    ]
    .into_iter()
    .map(one)
    .collect();
    let s = run(
        P,
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                "sessions": sessions }),
        "2025-10-01",
    );
    assert!(s.breaches.is_empty(), "{:?}", s.breaches);
    assert_eq!(
        advisory_paths(&s, "cadence-gap", "south-gloucestershire.txt"),
        ["sessions[5]"]
    );
    let gap = advisories(&s, "cadence-gap")[0];
    assert!(gap
        .message
        .starts_with("By our reading of §3.1; Appendix 1, which sets no such limit"));
    assert!(
        !gap.message.contains("the policy allows"),
        "{}",
        gap.message
    );
    assert_eq!(rule_dates(&s, "management-supervision"), ["2025-11-20"]);
    assert!(only(&s, "management-supervision").reading.is_some());
}

/// rule: management-supervision-minimum. "As a minimum, management supervision should take
/// place six times in any 12 month period". Started Mon 6 Jan 2025: the first window is
/// [6 Jan 2025, 6 Jan 2026), judged on Wed 7 Jan 2026. Sessions within 2 months of each
/// other so the cadence reports no gap: 6 Jan → 6 Mar ≥ Mon 3 Mar; 3 Mar → 3 May ≥ Fri 2 May;
/// 2 May → 2 Jul ≥ Tue 1 Jul; 1 Jul → 1 Sep ≥ Mon 1 Sep; 1 Sep → 1 Nov ≥ Fri 31 Oct.
#[test]
fn six_in_any_twelve_months() {
    let five = [
        "2025-03-03",
        "2025-05-02",
        "2025-07-01",
        "2025-09-01",
        "2025-10-31",
    ];
    let with = |dates: &[&str]| {
        json!({ "id": "w", "role": "social-worker", "started": "2025-01-06",
                "sessions": dates.iter().map(|d| one(d)).collect::<Vec<_>>() })
    };
    // Five: a min-count breach for the window from 6 Jan 2025; next due 31 Oct + 2 months =
    // Wed 31 Dec 2025, overdue.
    let s = run(P, with(&five), "2026-01-07");
    assert_eq!(
        breach_paths(&s, "min-count", "south-gloucestershire.txt §3.1"),
        ["sessions"]
    );
    assert!(breach_paths(&s, "cadence-gap", "").is_empty(), "{s:#?}");
    assert_eq!(rule_dates(&s, "management-supervision"), ["2025-12-31"]);
    // A sixth on Mon 22 Dec 2025: none.
    let mut six = five.to_vec();
    six.push("2025-12-22");
    let s = run(P, with(&six), "2026-01-07");
    assert!(breach_paths(&s, "min-count", "").is_empty(), "{s:#?}");
}

/// rule: professional-supervision-minimum. §3.2 "Otherwise a minimum standard of six times per
/// year": for clinical practitioners, reflective, group and one-to-one sessions count. Five
/// reflective sessions in [6 Jan 2025, 6 Jan 2026).
#[test]
fn professional_supervision_minimum_for_clinical_practitioners() {
    let with = |role: &str| {
        json!({ "id": "w", "role": role, "started": "2025-01-06", "sessions": [
            { "date": "2025-02-03", "type": "reflective" },
            { "date": "2025-04-07", "type": "reflective" },
            { "date": "2025-06-02", "type": "reflective" },
            { "date": "2025-08-04", "type": "group" },
            { "date": "2025-10-06", "type": "reflective" }
        ] })
    };
    // Clinical practitioner: five < six under §3.2; and no management supervision at all
    // under §3.1.
    let s = run(P, with("clinical-practitioner"), "2026-01-07");
    assert_eq!(
        breach_paths(&s, "min-count", "south-gloucestershire.txt §3.2"),
        ["sessions"]
    );
    assert_eq!(
        breach_paths(&s, "min-count", "south-gloucestershire.txt §3.1"),
        ["sessions"]
    );
    // A social worker: §3.2 does not apply.
    let s = run(P, with("social-worker"), "2026-01-07");
    assert!(breach_paths(&s, "min-count", "south-gloucestershire.txt §3.2").is_empty());
}

/// rule: rebook-cancelled. §3.3 "rebooked immediately", read as held within 5 working days of
/// the cancelled date.
#[test]
fn cancelled_session_held_within_five_working_days() {
    let with = |cancelled: &str, next: Option<&str>| {
        let mut sessions = vec![
            one("2026-01-15"),
            json!({ "date": cancelled, "type": "one-to-one", "cancelled": "other" }),
        ];
        if let Some(n) = next {
            sessions.push(one(n));
        }
        json!({ "id": "w", "role": "social-worker", "started": "2025-11-03",
                "sessions": sessions })
    };
    // Cancelled Wed 4 Mar 2026: Thu 5 = 1, Fri 6 = 2, Mon 9 = 3, Tue 10 = 4, Wed 11 Mar = 5.
    let s = run(P, with("2026-03-04", None), "2026-03-05");
    assert_eq!(rule_dates(&s, "rebook-cancelled"), ["2026-03-11"]);
    assert_eq!(only(&s, "rebook-cancelled").kind, Supervision);
    // The cancelled session does not count: management supervision is still due from
    // 15 Jan, + 2 months = Sun 15 Mar 2026.
    assert_eq!(rule_dates(&s, "management-supervision"), ["2026-03-15"]);
    // Over Easter: cancelled Wed 1 Apr; Thu 2 = 1, Fri 3 and Mon 6 bank holidays, Tue 7 = 2,
    // Wed 8 = 3, Thu 9 = 4, Fri 10 Apr = 5.
    let s = run(P, with("2026-04-01", None), "2026-04-01");
    assert_eq!(rule_dates(&s, "rebook-cancelled"), ["2026-04-10"]);
    // Held Mon 9 Mar: met. Held Fri 13 Mar: late.
    let s = run(P, with("2026-03-04", Some("2026-03-09")), "2026-03-16");
    assert!(by_rule(&s, "rebook-cancelled").is_empty());
    assert!(breaches(&s, "late-rebook").is_empty());
    assert!(advisories(&s, "late-rebook").is_empty());
    let s = run(P, with("2026-03-04", Some("2026-03-13")), "2026-03-16");
    assert_eq!(
        advisory_paths(&s, "late-rebook", "south-gloucestershire.txt §3.3"),
        ["sessions[1]"]
    );
}

/// rule: rebook-cancelled-sickness. The same 5 working days, from the return to work.
#[test]
fn sickness_cancelled_session_from_the_return() {
    let with = |absences: serde_json::Value| {
        json!({ "id": "w", "role": "social-worker", "started": "2025-11-03",
                "absences": absences,
                "sessions": [one("2026-01-15"),
                             { "date": "2026-03-09", "type": "one-to-one",
                               "cancelled": "sickness" }] })
    };
    // Off Mon 9 – Wed 11 Mar: return Thu 12 Mar; Fri 13 = 1, Mon 16 = 2, Tue 17 = 3,
    // Wed 18 = 4, Thu 19 Mar = 5.
    let s = run(
        P,
        with(json!([{ "from": "2026-03-09", "to": "2026-03-11" }])),
        "2026-03-10",
    );
    assert_eq!(rule_dates(&s, "rebook-cancelled-sickness"), ["2026-03-19"]);
    // No absence recorded: from the cancelled date, Mon 9 Mar: Tue 10 = 1 … Mon 16 Mar = 5.
    let s = run(P, with(json!([])), "2026-03-10");
    assert_eq!(rule_dates(&s, "rebook-cancelled-sickness"), ["2026-03-16"]);
    // A sickness cancellation is not an "other" one.
    assert!(by_rule(&s, "rebook-cancelled").is_empty());
}

/// rule: management-supervision-minimum. Issue 13 item 1: every 12-month window that has
/// elapsed by `asOf` is judged, and a shortfall in the first window does not hide a later,
/// emptier one. Started Mon 1 Jan 2024; five sessions, then none; asOf Mon 1 Dec 2025.
/// The emptiest windows start on 1 Jan 2024 and the day after each session:
/// - [1 Jan 2024, 1 Jan 2025): Feb, Apr, Jun, Aug, Oct = 5;
/// - [2 Feb 2024, 2 Feb 2025): Apr, Jun, Aug, Oct = 4;
/// - [2 Apr 2024, 2 Apr 2025): 3; [4 Jun 2024, 4 Jun 2025): 2; [2 Aug 2024, 2 Aug 2025): 1;
/// - [2 Oct 2024, 2 Oct 2025): none;
/// - the window ending on asOf, [2 Dec 2024, 2 Dec 2025), holds the same (no) sessions as the
///   one before it: not reported twice.
#[test]
fn every_elapsed_window_is_judged() {
    let dates = [
        "2024-02-01",
        "2024-04-01",
        "2024-06-03",
        "2024-08-01",
        "2024-10-01",
    ];
    let w = json!({ "id": "w", "role": "social-worker", "started": "2024-01-01",
                    "sessions": dates.iter().map(|d| one(d)).collect::<Vec<_>>() });
    let s = run(P, w, "2025-12-01");
    let found: Vec<&str> = breaches(&s, "min-count")
        .iter()
        .filter(|b| b.rule.as_deref() == Some("management-supervision-minimum"))
        .map(|b| b.message.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(
        found,
        [
            "Only 5 sessions between 1 January 2024 and 31 December 2024",
            "Only 4 sessions between 2 February 2024 and 1 February 2025",
            "Only 3 sessions between 2 April 2024 and 1 April 2025",
            "Only 2 sessions between 4 June 2024 and 3 June 2025",
            "Only 1 session between 2 August 2024 and 1 August 2025",
            "No sessions between 2 October 2024 and 1 October 2025",
        ]
    );
}

/// rule: management-supervision-minimum. Issue 13 item 1: the obligation says when the
/// rolling count next falls short. Sessions every two months from Mon 15 Jan 2024; asOf
/// Sat 1 Feb 2025. Held, newest first: 15 Jan 2025, 15 Nov, 16 Sep, 15 Jul, 15 May,
/// 15 Mar 2024 (the 6th most recent). On 15 Mar 2025 the window ending that day is
/// [16 Mar 2024, 15 Mar 2025], holding 5: one more by Sat 15 Mar 2025 (15 Mar 2024 +
/// 12 months) keeps six. A new starter (Mon 2 Jun 2025, two sessions) has until the last day
/// of the first window: 2 Jun 2025 + 12 months = 2 Jun 2026, less a day = Mon 1 Jun 2026.
#[test]
fn minimum_says_when_the_count_next_falls_short() {
    let dates = [
        "2024-01-15",
        "2024-03-15",
        "2024-05-15",
        "2024-07-15",
        "2024-09-16",
        "2024-11-15",
        "2025-01-15",
    ];
    let w = json!({ "id": "w", "role": "social-worker", "started": "2024-01-01",
                    "sessions": dates.iter().map(|d| one(d)).collect::<Vec<_>>() });
    let s = run(P, w, "2025-02-01");
    assert_eq!(
        rule_dates(&s, "management-supervision-minimum"),
        ["2025-03-15"]
    );
    let w = json!({ "id": "w", "role": "social-worker", "started": "2025-06-02",
                    "sessions": [one("2025-06-16"), one("2025-08-15")] });
    let s = run(P, w, "2025-09-01");
    assert_eq!(
        rule_dates(&s, "management-supervision-minimum"),
        ["2026-06-01"]
    );
}

/// rules: management-supervision, management-supervision-minimum. Issue 13 item 8: records
/// that begin after the start in post (`options.recordsFrom`). Started Mon 2 Mar 2020; the
/// records begin Tue 1 Apr 2025; a session dated before them (Mon 3 Feb 2025) is not read;
/// asOf Thu 10 Apr 2025.
/// - §3.1 every 2 months: nothing held since the records begin, so 1 Apr 2025 + 2 months =
///   Sun 1 Jun 2025 (not 2 Mar 2020 + 2 months = 2 May 2020).
/// - §3.1 six in any 12 months: no window inside the records has elapsed
///   ([1 Apr 2025, 1 Apr 2026) ends on 31 Mar 2026), so no min-count breach; the first window's
///   last day, Tue 31 Mar 2026, is when six are due by.
#[test]
fn partial_history_counts_from_the_records() {
    let w = json!({ "id": "w", "role": "social-worker", "started": "2020-03-02",
                    "sessions": [one("2025-02-03")] });
    let s = run_options(
        P,
        w.clone(),
        json!({ "asOf": "2025-04-10", "recordsFrom": "2025-04-01" }),
    );
    assert_eq!(rule_dates(&s, "management-supervision"), ["2025-06-01"]);
    assert_eq!(
        rule_dates(&s, "management-supervision-minimum"),
        ["2026-03-31"]
    );
    assert!(s.breaches.is_empty(), "{:#?}", s.breaches);
    assert!(
        only(&s, "management-supervision")
            .reason
            .contains("since the records beginning on 1 April 2025"),
        "{s:#?}"
    );
}

/// rule: urgent-supervision. §3.4: "In instances where someone requires urgent supervision,
/// arrangements should be made to action this within 24 hours": read as held within 24
/// hours, by the next day on dates. Urgent request Tue 3 Mar 2026: due Wed 4 Mar 2026
/// (3 Mar + ⌈24/24⌉ = 1 day).
#[test]
fn urgent_supervision_within_24_hours_of_the_request() {
    let worker = |sessions: serde_json::Value| {
        json!({ "id": "w", "role": "social-worker", "started": "2026-01-05",
                "requests": [{ "date": "2026-03-03", "urgent": true },
                             { "date": "2026-03-10" }],
                "sessions": sessions })
    };
    // Nothing held yet on 3 Mar: urgent supervision due 4 Mar. The request of 10 Mar is not
    // urgent: no deadline.
    let s = run(P, worker(json!([])), "2026-03-03");
    assert_eq!(rule_dates(&s, "urgent-supervision"), ["2026-03-04"]);
    // Held Wed 4 Mar, the deadline: met, nothing due, no breach.
    let held = json!([{ "date": "2026-03-04", "type": "one-to-one" }]);
    let s = run(P, worker(held), "2026-03-20");
    assert!(rule_dates(&s, "urgent-supervision").is_empty());
    assert!(breaches(&s, "late-urgent-supervision").is_empty());
    // Held Thu 5 Mar, a day after 4 Mar: a breach at the request.
    let late = json!([{ "date": "2026-03-05", "type": "one-to-one" }]);
    let s = run(P, worker(late), "2026-03-20");
    let b = breaches(&s, "late-urgent-supervision");
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].path, "requests[0]");
    assert_eq!(b[0].source, "south-gloucestershire.txt §3.4");
    assert!(b[0]
        .message
        .contains("held on 5 March 2026, after the deadline of 4 March 2026"));
}

/// rule: professional-supervision-minimum (§3.2, clinical practitioners only). Issue 13
/// item 7: with `worker.changes`, a count window is judged by the rules in force on its first
/// day, so a role held in the past still has its windows judged, and a role taken up lately
/// does not reach back over the months before it.
///
/// Started Mon 6 Jan 2025; no reflective, group or one-to-one session at all; asOf Mon
/// 1 Jun 2026; the role changes on Mon 2 Mar 2026.
/// - Clinical practitioner, then manager: the window from the start, [6 Jan 2025,
///   5 Jan 2026], opened under §3.2 and is short. The one ending on asOf, 1 Jun 2026 + 1 day
///   − 12 months = [2 Jun 2025, 1 Jun 2026], holds the same (no) sessions, so it is not
///   reported twice. Nothing is due: a manager is not under §3.2. (Judged with today's role
///   alone, no shortfall was reported.)
/// - Social worker, then clinical practitioner: §3.2 came in on 2 Mar 2026, so neither
///   window above is judged under it, and its first window, [2 Mar 2026, 1 Mar 2027], has
///   not elapsed. Six are due by that window's last day, Mon 1 Mar 2027. (Judged with today's
///   role alone, the window from the start was short and six were overdue since 5 Jan 2026.)
#[test]
fn clinical_minimum_judged_by_the_role_then_held() {
    let worker = |then: &str, now: &str| {
        json!({ "id": "w", "role": now, "started": "2025-01-06",
                "changes": [{ "from": "2025-01-06", "role": then },
                            { "from": "2026-03-02", "role": now }] })
    };
    let short = |s: &supervision_rules::schedule::Schedule| -> Vec<String> {
        breaches(s, "min-count")
            .iter()
            .filter(|b| b.rule.as_deref() == Some("professional-supervision-minimum"))
            .map(|b| b.message.split(':').next().unwrap_or("").to_string())
            .collect()
    };
    let s = run(P, worker("clinical-practitioner", "manager"), "2026-06-01");
    assert_eq!(
        short(&s),
        ["No sessions between 6 January 2025 and 5 January 2026"]
    );
    assert!(rule_dates(&s, "professional-supervision-minimum").is_empty());
    let s = run(
        P,
        worker("social-worker", "clinical-practitioner"),
        "2026-06-01",
    );
    assert!(short(&s).is_empty(), "{s:#?}");
    assert_eq!(
        rule_dates(&s, "professional-supervision-minimum"),
        ["2027-03-01"]
    );
    let o = only(&s, "professional-supervision-minimum");
    assert!(o.reason.contains("from 2 March 2026"), "{}", o.reason);
}
