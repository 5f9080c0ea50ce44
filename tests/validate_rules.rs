//! Validation rules against the policies' own clauses, with dates worked out by hand.
//! Each table row cites the clause it reproduces.
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use serde_json::{json, Value};
use supervision_rules::policy::{FieldType, Registry};
use supervision_rules::validate::{validate, Mode, ValidateOptions, ValidationReport};
use validate_support::*;

/// Validates a complete record of a built-in template with some fields changed (`null`
/// removes a field).
fn run(policy: &str, template: &str, changes: Value, role: Option<&str>) -> ValidationReport {
    let registry = Registry::with_builtins();
    let (p, t) = registry
        .template(policy, template)
        .expect("built-in template");
    let mut record = complete_record(t);
    // A new session date moves the actions' "by when" with it.
    let session = t.session_date.as_deref().and_then(|id| changes.get(id));
    if let Some(s) = session {
        for f in t.fields().filter(|f| f.kind == FieldType::Actions) {
            record.insert(
                f.id.clone(),
                json!([{ "action": "Book review", "who": "Social worker", "when": s }]),
            );
        }
    }
    for (k, v) in changes.as_object().expect("changes").clone() {
        if v.is_null() {
            record.remove(&k);
        } else {
            record.insert(k, v);
        }
    }
    let mut o = final_options();
    if let Some(role) = role {
        o.supervisee.role = role.to_string();
    }
    check(p, t, &record, &o)
}

/// Stockport Appendix A §6 "List case ID's that have been discussed in this supervision —
/// Numbers only": the child's details go on Liquid Logic, not in the personal record.
#[test]
fn stockport_case_ids_only() {
    let table = [
        ("Jane Smith", false),
        ("1234 (Jane)", false),
        ("12345 Jane", false),
        ("Child 12345", false),
        ("12345, Jane's brother", false),
        ("jane.smith@example.org 1", false),
        ("12345, AB-678", true),
        ("12345; 67890", true),
        ("2024/001 67890\n12", true),
        (" 12345 , ", true),
    ];
    for template in ["line-management-record", "asye-reflection"] {
        for (value, ok) in table {
            let r = run("stockport", template, json!({ "caseIds": value }), None);
            assert_eq!(
                !has(&r, "caseIds", "case-ids-only"),
                ok,
                "stockport/{template} caseIds {value:?}: {:?}",
                codes(&r)
            );
            assert_eq!(r.valid, ok);
        }
        // Blank is not required (optional field); an ID of 33 characters is not an ID.
        let r = run("stockport", template, json!({ "caseIds": "   " }), None);
        assert!(r.valid);
        let r = run(
            "stockport",
            template,
            json!({ "caseIds": "1".repeat(33) }),
            None,
        );
        assert!(has(&r, "caseIds", "case-ids-only"));
    }
}

/// The next supervision date against the cadence for the worker's role: the latest
/// compliant date, worked out by hand, is named in the warning.
#[test]
fn next_supervision_within_the_cadence_for_the_role() {
    // (policy, template, role, session, latest compliant next date, clause)
    let table = [
        // Havering §4a, §4b: personal supervision monthly; 31 January + 1 month = 28 February.
        (
            "havering",
            "personal-supervision",
            None,
            "2026-01-31",
            "2026-02-28",
            "§4a",
        ),
        (
            "havering",
            "personal-supervision",
            None,
            "2026-03-02",
            "2026-04-02",
            "§4a",
        ),
        // Stockport §7: one-to-one at least monthly for fieldwork staff.
        (
            "stockport",
            "line-management-record",
            None,
            "2026-03-02",
            "2026-04-02",
            "§7",
        ),
        (
            "stockport",
            "line-management-record",
            Some("nqsw"),
            "2026-03-31",
            "2026-04-30",
            "§7",
        ),
        // Stockport §10: the additional reflective 1-1 monthly throughout the ASYE.
        (
            "stockport",
            "asye-reflection",
            Some("nqsw"),
            "2026-03-02",
            "2026-04-02",
            "§10",
        ),
        // North East Lincolnshire: personal supervision monthly.
        (
            "north-east-lincolnshire",
            "personal-supervision",
            None,
            "2026-03-02",
            "2026-04-02",
            "Frequency",
        ),
        (
            "north-east-lincolnshire",
            "personal-supervision",
            Some("family-help"),
            "2026-03-02",
            "2026-04-02",
            "Frequency",
        ),
        // Shropshire Appendix 5: social workers 4 weekly; non-case-holding staff monthly.
        (
            "shropshire",
            "practitioner-supervision",
            None,
            "2026-03-02",
            "2026-03-30",
            "Appendix 5",
        ),
        (
            "shropshire",
            "practitioner-supervision",
            Some("non-case-holding-staff"),
            "2026-03-02",
            "2026-04-02",
            "Appendix 5",
        ),
        (
            "shropshire",
            "manager-supervision",
            Some("team-manager"),
            "2026-03-02",
            "2026-03-30",
            "Appendix 5",
        ),
        // Residential staff: full-time 4 weekly (a record has no hours, so full-time is read).
        (
            "shropshire",
            "practitioner-supervision",
            Some("residential-worker"),
            "2026-03-02",
            "2026-03-30",
            "Appendix 5",
        ),
        // South Gloucestershire §3.1: management supervision every 2 months.
        (
            "south-gloucestershire",
            "one-to-one-record",
            None,
            "2026-03-02",
            "2026-05-02",
            "§3.1",
        ),
        (
            "south-gloucestershire",
            "one-to-one-record",
            None,
            "2025-12-31",
            "2026-02-28",
            "§3.1",
        ),
    ];
    let registry = Registry::with_builtins();
    for (policy, template, role, session, latest, clause) in table {
        let ctx = format!("{policy} {clause} {template} role {role:?} session {session}");
        let (_, t) = registry.template(policy, template).expect("template");
        let session_field = t.session_date.clone().expect("session date");
        let next = |d: &str| {
            let r = run(
                policy,
                template,
                json!({ session_field.clone(): session, "nextDate": d }),
                role,
            );
            assert!(r.valid, "{ctx}: a warning never blocks: {:?}", codes(&r));
            r
        };
        let r = next(latest);
        assert!(
            findings(&r).is_empty(),
            "{ctx}: {latest} is compliant: {:?}",
            codes(&r)
        );
        let r = next(&plus_days(latest, 1));
        assert_eq!(
            codes(&r),
            vec![("nextDate".to_string(), "next-too-late")],
            "{ctx}"
        );
        let d = date(latest);
        let long = format!(
            "{} {} {}",
            chrono::Datelike::day(&d),
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December"
            ][chrono::Datelike::month0(&d) as usize],
            chrono::Datelike::year(&d)
        );
        assert!(
            r.warnings[0]
                .message
                .contains(&format!("on or before {long},")),
            "{ctx}: {}",
            r.warnings[0].message
        );
    }
}

#[test]
fn next_too_late_message_names_the_latest_date_and_the_cadence() {
    let r = run(
        "havering",
        "personal-supervision",
        json!({ "date": "2026-01-31", "nextDate": "2026-03-01" }),
        None,
    );
    assert_eq!(
        r.warnings[0].message,
        "Date of next supervision should be on or before 28 February 2026, as the policy asks for personal supervision at least every month (assuming full-time hours)"
    );
    assert_eq!(r.warnings[0].source, "havering.txt §4b");
    let r = run(
        "shropshire",
        "practitioner-supervision",
        json!({ "date": "2026-03-02", "nextDate": "2026-04-02" }),
        None,
    );
    assert!(r.warnings[0]
        .message
        .ends_with("supervision at least every 4 weeks"));
}

/// Shropshire Appendices 3, 4 and 6: "Comments if significant delay since last meeting",
/// read as required when the gap since the last supervision exceeds the cadence.
#[test]
fn shropshire_comments_after_a_significant_delay() {
    // (template, role, last supervision, session, comment required)
    let table = [
        // 4 weekly: 2 February + 4 weeks = 2 March, on time; 1 February + 4 weeks = 1 March.
        (
            "practitioner-supervision",
            None,
            "2026-02-02",
            "2026-03-02",
            false,
        ),
        (
            "practitioner-supervision",
            None,
            "2026-02-01",
            "2026-03-02",
            true,
        ),
        (
            "manager-supervision",
            Some("team-manager"),
            "2026-02-01",
            "2026-03-02",
            true,
        ),
        (
            "manager-supervision",
            Some("team-manager"),
            "2026-02-03",
            "2026-03-02",
            false,
        ),
        (
            "residential-supervision",
            Some("residential-worker"),
            "2026-02-01",
            "2026-03-02",
            true,
        ),
        (
            "residential-supervision",
            Some("residential-worker"),
            "2026-02-02",
            "2026-03-02",
            false,
        ),
        // Non-case-holding staff: monthly, so 31 January + 1 month = 28 February.
        (
            "practitioner-supervision",
            Some("non-case-holding-staff"),
            "2026-01-31",
            "2026-02-28",
            false,
        ),
        (
            "practitioner-supervision",
            Some("non-case-holding-staff"),
            "2026-01-31",
            "2026-03-01",
            true,
        ),
    ];
    for (template, role, last, session, required) in table {
        let ctx = format!("shropshire/{template} role {role:?} last {last} session {session}");
        let changes = json!({
            "lastDate": last, "date": session, "nextDate": session, "delayComments": null
        });
        let r = run("shropshire", template, changes.clone(), role);
        assert_eq!(
            has(&r, "delayComments", "required-after-gap"),
            required,
            "{ctx}: {:?}",
            codes(&r)
        );
        // "Significant delay" is our reading: advice, which never blocks a final save.
        assert!(r.valid, "{ctx}");
        let mut with_comment = changes;
        with_comment["delayComments"] = json!("Supervisor on leave");
        let r = run("shropshire", template, with_comment, role);
        assert!(r.valid && findings(&r).is_empty(), "{ctx}: {:?}", codes(&r));
    }
    let r = run(
        "shropshire",
        "practitioner-supervision",
        json!({ "lastDate": "2026-01-05", "date": "2026-03-02", "delayComments": null }),
        None,
    );
    assert_eq!(
        r.warnings[0].message,
        "By our reading of Appendix 3, which sets no such limit: enter comments if significant delay since last meeting, as the last supervision was more than 4 weeks before this one"
    );
    assert_eq!(
        r.warnings[0].severity,
        supervision_rules::finding::Severity::Advisory
    );
}

/// Stockport Appendix C item 2: "As a guideline the meeting will be for a minimum of 1½ to
/// 2 hours" — a warning, since §7 says shorter sessions are often enough.
#[test]
fn stockport_session_length_guideline() {
    for (minutes, short) in [
        (json!(60), true),
        (json!(89), true),
        (json!("89"), true),
        (json!(89.5), true),
        (json!(90), false),
        (json!(120), false),
    ] {
        let r = run(
            "stockport",
            "supervision-agreement",
            json!({ "sessionMinutes": minutes }),
            None,
        );
        assert_eq!(
            has(&r, "sessionMinutes", "session-too-short"),
            short,
            "{minutes}"
        );
        assert!(r.valid, "a warning never blocks");
    }
    let r = run(
        "stockport",
        "supervision-agreement",
        json!({ "sessionMinutes": 60 }),
        None,
    );
    assert_eq!(
        r.warnings[0].message,
        "The anticipated length of time for each session (minutes) should be at least 90 minutes, as the policy asks"
    );
    assert_eq!(r.warnings[0].source, "stockport.txt Appendix C item 2");
}

/// A council's own template with start and end times (the format's `start` + `end` form of
/// `min-duration`, which no built-in template uses): length and order of the times.
#[test]
fn session_length_from_start_and_end_times() {
    let mut registry = Registry::with_builtins();
    registry
        .register(json!({
            "format": 1,
            "id": "timed-council",
            "extends": "havering",
            "authority": "Timed Council",
            "title": "Supervision policy",
            "document": "timed.txt",
            "templates": [{
                "id": "timed-record",
                "title": "Timed record",
                "source": "timed.txt Appendix A",
                "sessionDate": "date",
                "sections": [{ "id": "details", "title": "Details", "fields": [
                    { "id": "date", "label": "Date of supervision", "type": "date", "required": true },
                    { "id": "start", "label": "Start time", "type": "time", "required": true },
                    { "id": "end", "label": "End time", "type": "time", "required": true }
                ] }],
                "rules": [
                    { "kind": "min-duration", "minutes": 60, "start": "start", "end": "end", "source": "timed.txt §2" }
                ]
            }]
        }))
        .expect("a valid derived policy");
    let (p, t) = registry
        .template("timed-council", "timed-record")
        .expect("template");
    let o = final_options();
    let go = |start: &str, end: &str| {
        let record = json!({ "date": SESSION, "start": start, "end": end });
        validate(p, t, &record, &o).expect("validate")
    };
    let r = go("10:00", "11:00");
    assert!(r.valid && findings(&r).is_empty());
    let r = go("10:00", "10:59");
    assert_eq!(codes(&r), vec![("end".to_string(), "session-too-short")]);
    assert!(r.valid);
    assert_eq!(
        r.warnings[0].message,
        "The session should last at least 60 minutes, as the policy asks"
    );
    let r = go("11:00", "10:00");
    assert_eq!(codes(&r), vec![("end".to_string(), "time-order")]);
    assert_eq!(r.errors[0].message, "End time must be after the start time");
    assert!(!r.valid);
    // A time that is not real: no length to compare.
    let r = go("10:00", "25:00");
    assert_eq!(codes(&r), vec![("end".to_string(), "invalid-time")]);
}

/// Dates that contradict each other (issue 5): the session in the future, the next
/// supervision before the session, the last supervision after it.
#[test]
fn dates_that_contradict_each_other() {
    // Havering §7e: the record of a session held, so not in the future.
    let today = |d: &str| ValidateOptions {
        today: Some(date(d)),
        ..final_options()
    };
    let registry = Registry::with_builtins();
    let (p, t) = registry
        .template("havering", "case-supervision-record")
        .expect("t");
    let mut record = complete_record(t);
    record.insert("date".into(), json!("2026-06-02"));
    record.insert(
        "actions".into(),
        json!([{ "action": "a", "who": "b", "when": "2026-06-02" }]),
    );
    let r = check(p, t, &record, &today("2026-06-01"));
    assert_eq!(codes(&r), vec![("date".to_string(), "date-in-future")]);
    assert_eq!(
        r.errors[0].message,
        "Date of supervision must be today or in the past"
    );
    assert!(check(p, t, &record, &today("2026-06-02")).valid);

    let r = run(
        "havering",
        "personal-supervision",
        json!({ "nextDate": "2026-03-01" }),
        None,
    );
    assert_eq!(codes(&r), vec![("nextDate".to_string(), "date-order")]);
    assert_eq!(
        r.errors[0].message,
        "Date of next supervision must be the same as or after the date of this supervision"
    );
    let r = run(
        "shropshire",
        "practitioner-supervision",
        json!({ "lastDate": "2026-03-03" }),
        None,
    );
    assert_eq!(codes(&r), vec![("lastDate".to_string(), "date-order")]);
    assert_eq!(
        r.errors[0].message,
        "Date of last supervision must be the same as or before the date of supervision"
    );
    // South Gloucestershire Appendix 1 item 5: signed and dated, on or after the session.
    let r = run(
        "south-gloucestershire",
        "one-to-one-record",
        json!({ "signedDate": "2026-03-01" }),
        None,
    );
    assert_eq!(codes(&r), vec![("signedDate".to_string(), "date-order")]);
    assert_eq!(
        r.errors[0].message,
        "Date (signatures) must be the same as or after the date of the session"
    );
}

/// Havering Appendix B, "SMART" actions (§7g): what, by who and by when.
#[test]
fn havering_actions_name_their_row_and_section() {
    let r = run(
        "havering",
        "personal-supervision",
        json!({ "healthWellbeingActions": [
            { "action": "Book OH referral", "who": "Manager", "when": "2026-03-09" },
            { "action": "Phased return plan" }
        ] }),
        None,
    );
    assert_eq!(
        codes(&r),
        vec![
            (
                "healthWellbeingActions[1].who".to_string(),
                "action-who-missing"
            ),
            (
                "healthWellbeingActions[1].when".to_string(),
                "action-when-missing"
            ),
        ]
    );
    assert_eq!(
        r.errors[0].message,
        "Enter who will do action 2 (health and wellbeing)"
    );
    assert_eq!(
        r.errors[1].message,
        "Enter the due date for action 2 (health and wellbeing)"
    );
    let r = run(
        "havering",
        "case-supervision-record",
        json!({ "actions": [{ "action": "Visit", "who": "SW", "when": "2026-03-01" }] }),
        None,
    );
    assert_eq!(
        r.errors[0].message,
        "The date for action 1 must be the same as or after the date of supervision"
    );
}

#[test]
fn options_are_checked() {
    let registry = Registry::with_builtins();
    let (p, t) = registry
        .template("havering", "case-supervision-record")
        .expect("t");
    let record = Value::Object(complete_record(t));
    let mut o = final_options();
    o.supervisee.role = "astronaut".into();
    let e = validate(p, t, &record, &o).expect_err("unknown role");
    assert_eq!(e.code(), "bad-argument");
    assert!(
        !e.to_string().contains("astronaut"),
        "the value is not repeated"
    );
    for bad in [
        json!({ "mode": "published" }),
        json!({ "today": "2026-02-30" }),
        json!({ "role": 1 }),
        json!([]),
    ] {
        assert!(ValidateOptions::from_json(&bad).is_err(), "{bad}");
    }
    let o =
        ValidateOptions::from_json(&json!({ "mode": "draft", "today": "2026-01-01" })).expect("ok");
    assert_eq!(o.mode, Mode::Draft);
    let o = ValidateOptions::from_json(&Value::Null).expect("defaults");
    assert_eq!(o.mode, Mode::Final);
}
