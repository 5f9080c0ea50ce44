//! The TypeScript contract against the Rust types. The `.d.ts` the npm package ships is
//! written by hand (`TS_CONTRACT` in src/wasm/types.rs, `TS_WIDGET` in src/widget/mod.rs,
//! `TS_PROBLEMS` in src/widget/display/problems/show.rs);
//! this test reads that text and checks that every string union in it holds exactly the
//! values the Rust side writes, so a variant added in Rust cannot be missing from the
//! `.d.ts`, nor a removed one linger there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde::Serialize;
use std::collections::BTreeSet;
use supervision_rules::finding::{Code, Severity};
use supervision_rules::policy::{
    Cancelled, EventKind, FieldType, Hours, ObligationKind, Plan, Rag, RuleKind, SessionType,
    TemplateRuleKind,
};
use supervision_rules::schedule::{CancelledBy, Status};

const TS_CONTRACT: &str = include_str!("../src/wasm/types.rs");
const TS_WIDGET: &str = include_str!("../src/widget/mod.rs");

/// How a value is written across the boundary: serde's JSON string.
fn written<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value).expect("serialises") {
        serde_json::Value::String(s) => s,
        other => panic!("{other} is not written as a string"),
    }
}

/// Every variant of a fieldless enum, as written. The `match` stops compiling when a variant
/// is added to the enum and not to the list.
macro_rules! every {
    ($ty:ident: $($variant:ident),+ $(,)?) => {{
        fn whole(v: $ty) {
            match v {
                $($ty::$variant)|+ => {}
            }
        }
        let _ = whole;
        [$($ty::$variant),+].iter().map(written).collect::<BTreeSet<String>>()
    }};
}

/// The string literals of `field`'s union in `interface`: from `field:` (or `field?:`) up
/// to the `;` that ends it.
fn union(ts: &str, interface: &str, field: &str) -> BTreeSet<String> {
    let head = format!("export interface {interface} ");
    let start = ts
        .find(&head)
        .unwrap_or_else(|| panic!("no interface {interface}"));
    let body = &ts[start + head.len()..];
    let body = &body[..body.find("\nexport ").unwrap_or(body.len())];
    let at = [" ", "{", ";", "\n"]
        .iter()
        .flat_map(|before| [":", "?:"].map(|after| body.find(&format!("{before}{field}{after}"))))
        .flatten()
        .min()
        .unwrap_or_else(|| panic!("no field {field} in {interface}"));
    let rest = &body[at..];
    let rest = &rest[rest.find(':').unwrap() + 1..];
    let text = &rest[..rest.find(';').unwrap_or(rest.len())];
    let values: BTreeSet<String> = text
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    assert!(
        !values.is_empty(),
        "{interface}.{field} is not a union of strings: {text}"
    );
    values
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn worker_and_case_unions_hold_every_variant() {
    let cases = [
        (
            "Session",
            "type",
            every!(SessionType: OneToOne, Personal, Case, Group, Reflective),
        ),
        ("Session", "cancelled", every!(Cancelled: Sickness, Other)),
        (
            "Session",
            "cancelledBy",
            every!(CancelledBy: Worker, Supervisor),
        ),
        (
            "CaseEvent",
            "kind",
            every!(EventKind: SignificantChange, ChangeOfSocialWorker, RiskIncrease,
                ChildProtectionConference, PreProceedings, Proceedings, EnteringCare, StepUp,
                StepDown, AssessmentStarted, AssessmentCompleted),
        ),
        (
            "Case",
            "plan",
            every!(Plan: EarlyHelp, ChildInNeed, ChildProtection, LookedAfter, LeavingCare),
        ),
        ("Case", "rag", every!(Rag: Red, Amber, Green)),
        ("Worker", "hours", every!(Hours: FullTime, PartTime)),
    ];
    for (interface, field, rust) in cases {
        assert_eq!(
            union(TS_CONTRACT, interface, field),
            rust,
            "{interface}.{field}"
        );
    }
}

#[test]
fn schedule_unions_hold_every_variant() {
    let kinds = every!(ObligationKind: Supervision, PersonalSupervision, CaseSupervision,
        ChildDiscussion, AgreementReview, Observation, WriteUp, AsyeReview, Pdr,
        GroupSupervision, FileAudit, SupervisionObservation, UrgentSupervision,
        BriefingSupervision, IncidentMeeting, AssessmentConclusion, CompletionSupervision);
    assert_eq!(union(TS_CONTRACT, "Obligation", "kind"), kinds);
    assert_eq!(
        union(TS_CONTRACT, "Obligation", "status"),
        every!(Status: Overdue, DueSoon, Ok)
    );
    // labels() names every kind and status: the lists it walks hold them all.
    let all_kinds: BTreeSet<String> = ObligationKind::ALL
        .iter()
        .map(|k| {
            let written = serde_json::to_value(k).expect("a kind");
            assert_eq!(written.as_str(), Some(k.name()), "{k:?}: name() is serde's");
            k.name().to_string()
        })
        .collect();
    let all_statuses: BTreeSet<String> = Status::ALL
        .iter()
        .map(|s| {
            let written = serde_json::to_value(s).expect("a status");
            assert_eq!(written.as_str(), Some(s.name()), "{s:?}: name() is serde's");
            s.name().to_string()
        })
        .collect();
    assert_eq!(all_kinds, kinds);
    assert_eq!(all_statuses, union(TS_CONTRACT, "Obligation", "status"));
}

#[test]
fn finding_unions_hold_every_code_and_severity() {
    assert_eq!(
        union(TS_CONTRACT, "Finding", "severity"),
        every!(Severity: Error, Warning, Advisory)
    );
    let codes: BTreeSet<String> = Code::ALL.iter().map(written).collect();
    assert_eq!(union(TS_CONTRACT, "Finding", "code"), codes);
}

#[test]
fn basis_unions_hold_every_basis() {
    use supervision_rules::policy::Basis;
    let bases = every!(Basis: Stated, Reading);
    assert_eq!(union(TS_CONTRACT, "Rule", "basis"), bases);
    assert_eq!(union(TS_CONTRACT, "TemplateRule", "basis"), bases);
}

#[test]
fn policy_unions_hold_every_kind() {
    assert_eq!(union(TS_CONTRACT, "Rule", "kind"), names(RuleKind::NAMES));
    assert_eq!(
        union(TS_CONTRACT, "Field", "type"),
        every!(FieldType: Text, Date, Time, Person, Signature, CaseIds, Actions, Choice, Number,
            Children)
    );
    // Each name is also its variant's serde `rename`: both come from the kind's one line in
    // `template_rule_kinds!` (src/validate/rules/mod.rs).
    assert_eq!(
        union(TS_CONTRACT, "TemplateRule", "kind"),
        names(TemplateRuleKind::NAMES)
    );
}

#[test]
fn widget_options_mode_is_validate_options_mode() {
    // `Mode` is read from a string, not serialised; both contracts must offer the same two.
    let modes = names(&["draft", "final"]);
    assert_eq!(union(TS_CONTRACT, "ValidateOptions", "mode"), modes);
    assert_eq!(union(TS_WIDGET, "AttachOptions", "mode"), modes);
}

#[test]
fn the_reader_finds_multi_line_unions() {
    let ts = "export interface A {\n  x: string;\n  kind: 'a'|'b'\n      |'c';\n}\n";
    assert_eq!(union(ts, "A", "kind"), names(&["a", "b", "c"]));
}

const TS_SCHEMA: &str = include_str!("../src/wasm/schema.rs");

/// The names an interface declares (`name:` or `name?:`), its doc comments left out.
fn members(ts: &str, interface: &str) -> BTreeSet<String> {
    let head = format!("export interface {interface} ");
    let start = ts
        .find(&head)
        .unwrap_or_else(|| panic!("no interface {interface}"));
    let body = &ts[start + head.len()..];
    let body = &body[body.find('{').unwrap() + 1..];
    let body = &body[..body.find("\nexport ").unwrap_or(body.len())];
    let mut code = String::new();
    let mut rest = body;
    while let Some(open) = rest.find("/**") {
        code.push_str(&rest[..open]);
        rest = &rest[open + rest[open..].find("*/").unwrap() + 2..];
    }
    code.push_str(rest);
    // The interface's members have no braces of their own.
    code[..code.find('}').unwrap()]
        .split(';')
        .filter_map(|m| m.split(':').next())
        .map(|name| name.trim().trim_end_matches('?').to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// Every key a finding of `validate` or a schedule's breach writes is in `Finding`, and
/// nothing else is: `pointer` (validate's) and `rule` (a breach's) among them.
#[test]
fn finding_interface_names_every_key_a_finding_writes() {
    use supervision_rules::policy::Registry;
    use supervision_rules::validate::{validate, ValidateOptions};
    let registry = Registry::with_builtins();
    let (p, t) = registry
        .template("havering", "personal-supervision")
        .unwrap();
    // An action row without who will do it: `howFeelingActions[0].who`.
    let record = serde_json::json!({
        "howFeelingActions": [{ "action": "Rest", "when": "2026-04-09" }]
    });
    let report = validate(p, t, &record, &ValidateOptions::default()).unwrap();
    let who = report
        .errors
        .iter()
        .find(|f| f.path == "howFeelingActions[0].who")
        .expect("the row's finding");
    assert_eq!(who.pointer.as_deref(), Some("/howFeelingActions/0/who"));
    let mut written = BTreeSet::new();
    for f in report.errors.iter().chain(&report.warnings) {
        assert!(
            f.pointer.is_some(),
            "{}: every finding of validate has one",
            f.path
        );
        let v = serde_json::to_value(f).unwrap();
        written.extend(v.as_object().unwrap().keys().cloned());
    }
    written.insert("rule".to_string()); // a breach's, checked in the schedule's tests
    written.insert("run".to_string()); // a run of breaches', checked below
    written.insert("reading".to_string()); // an advisory's, checked in the scenarios
    assert_eq!(members(TS_CONTRACT, "Finding"), written);
    assert_eq!(
        members(TS_CONTRACT, "RecordFinding"),
        names(&["pointer"]),
        "validate's findings always have a pointer"
    );
}

/// `JsonSchemaOptions.draft` offers exactly the dialects `jsonSchema` reads.
#[test]
fn json_schema_options_draft_is_what_the_options_read() {
    use supervision_rules::validate::{Draft, SchemaOptions};
    let drafts = union(TS_SCHEMA, "JsonSchemaOptions", "draft");
    assert_eq!(drafts, names(&["2020-12", "draft-07"]));
    let read: BTreeSet<&str> = drafts
        .iter()
        .map(|d| {
            let o = SchemaOptions::from_json(&serde_json::json!({ "draft": d })).unwrap();
            o.draft.uri()
        })
        .collect();
    assert_eq!(
        read,
        [Draft::Draft2020_12.uri(), Draft::Draft07.uri()].into()
    );
    assert!(SchemaOptions::from_json(&serde_json::json!({ "draft": "2019-09" })).is_err());
    assert_eq!(
        union(TS_SCHEMA, "JsonSchemaOptions", "mode"),
        names(&["draft", "final"])
    );
}

/// `BreachRun` names every key a breach's `run` writes (tests/schedule_runs.rs has one).
#[test]
fn breach_run_interface_names_every_key_a_run_writes() {
    use supervision_rules::finding::Run;
    let d = supervision_rules::calendar::parse_date("2026-01-05").unwrap();
    let run = Run {
        first: d,
        last: d,
        count: 2,
    };
    let v = serde_json::to_value(run).unwrap();
    let written: BTreeSet<String> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(members(TS_CONTRACT, "BreachRun"), written);
}

/// The inputs issue 22 added are in the contract: a worker's agreements over time and own
/// `recordsFrom`; a session's time and cancellation; validate taking the worker.
#[test]
fn issue_22_inputs_are_in_the_contract() {
    // Worker's members have braces of their own (`absences?: {...}[]`): read as text.
    let start = TS_CONTRACT.find("export interface Worker ").unwrap();
    let worker = &TS_CONTRACT[start..];
    let worker = &worker[..worker.find("\n}").unwrap()];
    for key in [
        "agreement?: Agreement;",
        "agreements?: Agreement[];",
        "recordsFrom?: string;",
        "requests?: { date: string; time?: TimeOfDay;",
        "contacts?: { date: string; time?: TimeOfDay;",
    ] {
        assert!(worker.contains(key), "Worker: {key}");
    }
    let session = members(TS_CONTRACT, "Session");
    for key in ["time", "cancelledOn", "cancelledBy"] {
        assert!(session.contains(key), "Session.{key}: {session:?}");
    }
    assert!(members(TS_CONTRACT, "ValidateOptions").contains("worker"));
    let agreement = members(TS_CONTRACT, "Agreement");
    let expected: BTreeSet<String> = ["signed", "supervisorChanged", "frequency"]
        .map(String::from)
        .into();
    assert_eq!(agreement, expected);
}

/// `Problem` and `ShowProblemsOptions` (showProblems' `.d.ts`, beside its code in
/// src/widget/display/problems/show.rs) name exactly the keys the function reads.
#[test]
fn show_problems_types_name_the_keys_it_reads() {
    const SOURCE: &str = include_str!("../src/widget/display/problems/show.rs");
    let problem = members(SOURCE, "Problem");
    assert_eq!(problem, names(&["message", "element", "link", "caret"]));
    for key in &problem {
        assert!(
            SOURCE.contains(&format!("(&p, \"{key}\")"))
                || SOURCE.contains(&format!("element(\"{key}\")")),
            "showProblems reads {key}"
        );
    }
    assert_eq!(
        members(SOURCE, "ShowProblemsOptions"),
        names(&["summary", "title"])
    );
    assert!(SOURCE.contains("prop(&options, \"title\")"));
    // `summary` is read as attach reads it.
    assert!(SOURCE.contains("options::summary(&options)"));
}
