//! Validation and the schedule count working days with one calendar: the one the page loaded
//! (`loadBankHolidays`) or was given (closures), not each its own.
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use serde_json::{json, Value};
use supervision_rules::calendar::{format_date, Calendar};
use supervision_rules::policy::{ObligationKind, Registry};
use supervision_rules::schedule::{schedule, ScheduleOptions, Worker};
use supervision_rules::validate::{validate, ValidateOptions};
use validate_support::{complete_record, date, final_options, findings, has, plus_days};

/// Havering, with personal supervision counted in working days.
fn registry() -> Registry {
    let mut registry = Registry::with_builtins();
    registry
        .register(json!({
            "extends": "havering",
            "id": "havering-working-days",
            "rules": [{
                "id": "personal-supervision",
                "kind": "cadence",
                "obligation": "personal-supervision",
                "counts": ["personal", "one-to-one"],
                "every": "10 working days",
                "source": "a council's own reading"
            }]
        }))
        .expect("derived policy");
    registry
}

/// The office closed on Wednesday 4 March 2026: ten working days from Monday 2 March end on
/// Tuesday 17 March, not Monday 16 March.
fn calendar() -> Calendar {
    Calendar::england_and_wales().with_closures([date("2026-03-04")])
}

#[test]
fn validate_and_schedule_agree_on_a_working_day_cadence() {
    let registry = registry();
    let (policy, template) = registry
        .template("havering-working-days", "personal-supervision")
        .expect("template");

    let worker = Worker::from_json(&json!({
        "id": "w1", "role": "social-worker", "started": "2026-01-05",
        "sessions": [{ "date": "2026-03-02", "type": "personal" }]
    }))
    .expect("worker");
    let mut options = ScheduleOptions::new(date("2026-03-02"));
    options.calendar = calendar();
    let s = schedule(policy, &worker, &options).expect("schedule");
    let due = s
        .obligations
        .iter()
        .find(|o| o.kind == ObligationKind::PersonalSupervision)
        .expect("personal supervision due")
        .due;
    assert_eq!(format_date(due), "2026-03-17");

    let o = ValidateOptions {
        calendar: calendar(),
        ..final_options()
    };
    let mut record = complete_record(template);
    record.insert("date".into(), json!("2026-03-02"));
    record.insert("nextDate".into(), json!(format_date(due)));
    let report = validate(policy, template, &Value::Object(record.clone()), &o).expect("report");
    assert!(
        !has(&report, "nextDate", "next-too-late"),
        "the schedule's due date is within the cadence: {report:?}"
    );

    record.insert("nextDate".into(), json!(plus_days(&format_date(due), 1)));
    let report = validate(policy, template, &Value::Object(record), &o).expect("report");
    let finding = findings(&report)
        .into_iter()
        .find(|f| f.path == "nextDate" && f.code == "next-too-late")
        .expect("a day after the schedule's due date is too late");
    assert!(
        finding.message.contains("17 March 2026"),
        "{}",
        finding.message
    );
}
