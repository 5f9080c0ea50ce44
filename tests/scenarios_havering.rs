//! Havering scenarios: inputs and due dates worked out by hand from havering.txt.

mod common;
use common::*;
use serde_json::json;
use supervision_rules::policy::ObligationKind::*;

/// §4b ASYE: "supervised weekly for the first six weeks". ASYE began Mon 5 Jan 2026; the
/// last one-to-one on Mon 12 Jan is in the weekly phase (5 Jan – 15 Feb), so the next is due
/// 12 Jan + 7 days = Mon 19 Jan 2026.
#[test]
fn asye_weekly_phase() {
    let s = run(
        "havering",
        json!({ "id": "w1", "role": "nqsw", "started": "2026-01-05", "asye": "2026-01-05",
                "sessions": [{ "date": "2026-01-12", "type": "one-to-one" }] }),
        "2026-01-14",
    );
    assert_eq!(dates(&s, Supervision, "w1"), ["2026-01-19"]);
}

/// §3c "no more than two working days after the supervision session": case supervision on
/// Thu 2 Apr 2026 → Fri 3 Apr is Good Friday, Mon 6 Apr Easter Monday, so working day 1 is
/// Tue 7 Apr and working day 2 is Wed 8 Apr 2026.
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
}
