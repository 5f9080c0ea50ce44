//! `docs/finding-codes.md` lists every code validation and the schedule emit, and each
//! validation example in it is what validation really says for that example.
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use supervision_rules::finding::{Finding, Origin, Severity};
use supervision_rules::policy::Registry;
use supervision_rules::validate::{validate, Code, ValidateOptions};
use validate_support::*;

const DOC: &str = include_str!("../docs/finding-codes.md");

/// One row of a table in the doc: `| `code` | severity | … | `path` | message |`.
#[derive(Debug)]
struct Row {
    code: String,
    severity: String,
    meaning: String,
    template: String,
    path: String,
    message: String,
}

/// The rows of the table under a heading.
fn table(heading: &str) -> Vec<Row> {
    let start = DOC
        .find(heading)
        .unwrap_or_else(|| panic!("docs/finding-codes.md has no heading {heading:?}"));
    let rest = &DOC[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<String> = l
                .trim()
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect();
            assert_eq!(cells.len(), 6, "a row of 6 cells: {l}");
            let unquote = |s: &str| s.trim_matches('`').to_string();
            Row {
                code: unquote(&cells[0]),
                severity: cells[1].clone(),
                meaning: cells[2].clone(),
                template: unquote(&cells[3]),
                path: unquote(&cells[4]),
                message: cells[5].clone(),
            }
        })
        .collect()
}

/// A record for each example: a complete record of the template with these changes (`null`
/// removes a field), and the options.
fn example(code: Code) -> (&'static str, &'static str, Value, ValidateOptions) {
    let o = final_options();
    let (p, t, changes) = match code {
        Code::Required => (
            "havering",
            "case-supervision-record",
            json!({ "date": null }),
        ),
        Code::InvalidType => (
            "havering",
            "personal-supervision",
            json!({ "supervisee": 42 }),
        ),
        Code::InvalidDate => (
            "havering",
            "case-supervision-record",
            json!({ "date": "2026-02-30" }),
        ),
        Code::InvalidTime => (
            "havering",
            "observation-of-practice",
            json!({ "time": "25:00" }),
        ),
        Code::InvalidNumber => (
            "south-gloucestershire",
            "supervision-agreement",
            json!({ "duration": "an hour" }),
        ),
        Code::NumberTooSmall => (
            "south-gloucestershire",
            "supervision-agreement",
            json!({ "duration": 0 }),
        ),
        Code::NumberTooLarge => (
            "stockport",
            "supervision-agreement",
            json!({ "sessionMinutes": 1500 }),
        ),
        Code::InvalidChoice => (
            "north-east-lincolnshire",
            "personal-supervision",
            json!({ "format": "Phone" }),
        ),
        Code::CaseIdsOnly => (
            "stockport",
            "line-management-record",
            json!({ "caseIds": "Jane Smith" }),
        ),
        Code::ActionMissing => (
            "havering",
            "case-supervision-record",
            json!({ "actions": [{ "who": "Social worker", "when": SESSION }] }),
        ),
        Code::ActionWhoMissing => (
            "havering",
            "case-supervision-record",
            json!({ "actions": [{ "action": "Visit", "who": "Social worker", "when": SESSION }, { "action": "Visit", "when": SESSION }] }),
        ),
        Code::ActionWhenMissing => (
            "shropshire",
            "case-supervision",
            json!({ "actions": [{ "action": "Visit", "who": "Social worker" }] }),
        ),
        Code::ActionWhenBeforeSession => (
            "havering",
            "case-supervision-record",
            json!({ "actions": [{ "action": "Visit", "who": "Social worker", "when": "2026-03-01" }] }),
        ),
        Code::ChildNameMissing => (
            "havering",
            "case-supervision-record",
            json!({ "children": [{ "dob": "2015-01-01" }] }),
        ),
        Code::DateInFuture => (
            "havering",
            "case-supervision-record",
            json!({ "date": "2027-01-04", "actions": [{ "action": "Visit", "who": "Social worker", "when": "2027-01-04" }] }),
        ),
        Code::DateOrder => (
            "havering",
            "personal-supervision",
            json!({ "nextDate": "2026-03-01" }),
        ),
        Code::TimeOrder => (
            "timed-council",
            "timed-record",
            json!({ "start": "11:00", "end": "10:00" }),
        ),
        Code::DateTooLate => (
            "havering",
            "observation-of-practice",
            json!({ "feedbackDate": "2026-03-17" }),
        ),
        Code::NextTooLate => (
            "havering",
            "personal-supervision",
            json!({ "date": "2026-01-31", "nextDate": "2026-03-01" }),
        ),
        Code::RequiredAfterGap => (
            "shropshire",
            "practitioner-supervision",
            json!({ "lastDate": "2026-01-05", "delayComments": null }),
        ),
        Code::SessionTooShort => (
            "stockport",
            "supervision-agreement",
            json!({ "sessionMinutes": 60 }),
        ),
        Code::CadenceGap
        | Code::MinCount
        | Code::MaxGap
        | Code::LateWriteUp
        | Code::LateRebook
        | Code::ChildDiscussionGap
        | Code::LateFirstDiscussion
        | Code::LateDiscussionAfterEvent
        | Code::NoDiscussionBeforeEvent
        | Code::GroupSupervisionGap
        | Code::FileAuditGap
        | Code::SupervisorObservationGap
        | Code::MissedMilestone
        | Code::LateUrgentSupervision
        | Code::LateBriefing
        | Code::LateIncidentMeeting
        | Code::LateAssessmentConclusion
        | Code::LateCompletion => panic!("{code:?} is a schedule breach: no record example"),
    };
    (p, t, changes, o)
}

/// A registry with the built-ins and a council template with start and end times.
fn registry() -> Registry {
    let mut r = Registry::with_builtins();
    r.register(json!({
        "format": 1, "id": "timed-council", "extends": "havering",
        "authority": "Timed Council", "title": "Supervision policy", "document": "timed.txt",
        "templates": [{
            "id": "timed-record", "title": "Timed record", "source": "timed.txt Appendix A",
            "sessionDate": "date",
            "sections": [{ "id": "details", "title": "Details", "fields": [
                { "id": "date", "label": "Date of supervision", "type": "date", "required": true },
                { "id": "start", "label": "Start time", "type": "time", "required": true },
                { "id": "end", "label": "End time", "type": "time", "required": true }
            ] }],
            "rules": [{ "kind": "min-duration", "minutes": 60, "start": "start", "end": "end", "source": "timed.txt §2" }]
        }]
    }))
    .expect("valid policy");
    r
}

fn run_example(r: &Registry, code: Code) -> Finding {
    let (p, t, changes, o) = example(code);
    let (policy, template) = r.template(p, t).expect("template");
    let mut record = complete_record(template);
    for (k, v) in changes.as_object().expect("object").clone() {
        if v.is_null() {
            record.remove(&k);
        } else {
            record.insert(k, v);
        }
    }
    let report = validate(policy, template, &Value::Object(record), &o).expect("validate");
    let all: Vec<&Finding> = findings(&report);
    assert_eq!(all.len(), 1, "{code:?}: one finding, got {all:#?}");
    all[0].clone()
}

#[test]
fn every_validation_code_is_documented_with_a_true_example() {
    let rows = table("## Validation");
    let documented: BTreeMap<&str, &Row> = rows.iter().map(|r| (r.code.as_str(), r)).collect();
    assert_eq!(documented.len(), rows.len(), "a code documented twice");
    let codes: BTreeSet<&str> = validation_codes().map(|c| c.as_str()).collect();
    let doc_codes: BTreeSet<&str> = documented.keys().copied().collect();
    assert_eq!(
        doc_codes, codes,
        "the validation table and Code::ALL's validation codes differ"
    );
    let r = registry();
    for code in validation_codes() {
        let row = documented[code.as_str()];
        let f = run_example(&r, code);
        let (p, t, ..) = example(code);
        assert_eq!(f.code, code.as_str());
        assert_eq!(row.template, format!("{p}/{t}"), "{code:?}: template");
        assert_eq!(row.path, f.path, "{code:?}: path");
        assert_eq!(row.message, f.message, "{code:?}: message");
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advisory => "advisory",
        };
        assert_eq!(row.severity, severity, "{code:?}: severity");
    }
}

/// The codes of [`validate`]'s findings.
fn validation_codes() -> impl Iterator<Item = Code> {
    Code::ALL
        .iter()
        .copied()
        .filter(|c| c.origin() == Origin::Validation)
}

/// The text of every Rust file under `dir`.
fn sources(dir: &std::path::Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).expect("source"));
        }
    }
}

#[test]
fn every_schedule_breach_code_is_documented_and_emitted() {
    let rows = table("## Schedule breaches");
    let documented: BTreeSet<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let breaches: BTreeSet<&str> = Code::ALL
        .iter()
        .filter(|c| c.origin() == Origin::Breach)
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        documented, breaches,
        "the breach table and Code::ALL's breaches differ"
    );
    for r in &rows {
        assert_eq!(r.severity, "error", "breaches are errors: {}", r.code);
    }
    // Each is passed by a rule of the schedule: a code no rule emits any more goes.
    let mut schedule = String::new();
    sources(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/schedule")),
        &mut schedule,
    );
    for code in Code::ALL.iter().filter(|c| c.origin() == Origin::Breach) {
        assert_eq!(code.severity(), Severity::Error, "{code:?}");
        let named = format!("Code::{code:?}");
        assert!(
            schedule.contains(&named),
            "no rule in src/schedule passes {named}"
        );
    }
}

/// The doc's tables together list every code once, and each code's meaning there begins
/// with the code's own one-line [`summary`](Code::summary).
#[test]
fn the_doc_lists_exactly_the_codes_each_with_its_summary() {
    let rows: Vec<Row> = table("## Validation")
        .into_iter()
        .chain(table("## Schedule breaches"))
        .collect();
    let documented: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        documented, all,
        "docs/finding-codes.md lists Code::ALL, in its order"
    );
    for (code, row) in Code::ALL.iter().zip(&rows) {
        assert_eq!(Code::from_name(code.as_str()), Some(*code));
        let summary = code.summary().trim_end_matches('.');
        assert!(
            row.meaning.starts_with(summary),
            "{code}: the doc's meaning {:?} does not begin with the summary {summary:?}",
            row.meaning
        );
        assert!(!summary.contains('\n'), "{code:?}: a summary is one line");
    }
}
