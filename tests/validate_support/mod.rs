//! Shared by the validation and JSON Schema tests: every built-in template, and a complete
//! record for any template, made from its fields and rules rather than written by hand.
#![allow(dead_code)]

use serde_json::{json, Map, Value};
use supervision_rules::calendar::{format_date, parse_date, Calendar, Duration};
use supervision_rules::policy;
use supervision_rules::policy::{
    FieldType, Policy, Registry, Required, Template, TemplateRuleKind,
};
use supervision_rules::validate::{validate, Mode, ValidateOptions, ValidationReport};

/// The session date of every generated record (a Monday).
pub const SESSION: &str = "2026-03-02";
/// `options.today` in every test unless a test says otherwise.
pub const TODAY: &str = "2026-12-31";
/// A week before and after the session.
pub const WEEK_BEFORE: &str = "2026-02-23";
pub const WEEK_AFTER: &str = "2026-03-09";
/// A year after the session: a review date.
pub const YEAR_AFTER: &str = "2027-03-02";

/// Every template of every built-in policy, with its policy.
pub fn each_template(mut f: impl FnMut(&Policy, &Template)) {
    let registry = Registry::with_builtins();
    let mut n = 0;
    for p in registry.all() {
        for t in &p.templates {
            f(p, t);
            n += 1;
        }
    }
    assert!(n >= 19, "expected every built-in template, saw {n}");
}

/// Final mode, today = [`TODAY`], default role.
pub fn final_options() -> ValidateOptions {
    ValidateOptions {
        mode: Mode::Final,
        today: Some(date(TODAY)),
        calendar: Calendar::england_and_wales(),
        ..ValidateOptions::new()
    }
}

/// Draft mode, today = [`TODAY`].
pub fn draft_options() -> ValidateOptions {
    ValidateOptions {
        mode: Mode::Draft,
        ..final_options()
    }
}

pub fn date(s: &str) -> chrono::NaiveDate {
    parse_date(s).expect("test date")
}

/// `validate`, which must not fail on any record content.
pub fn check(
    p: &Policy,
    t: &Template,
    record: &Map<String, Value>,
    o: &ValidateOptions,
) -> ValidationReport {
    validate(p, t, &Value::Object(record.clone()), o)
        .unwrap_or_else(|e| panic!("{}/{}: validate failed: {e}", p.id, t.id))
}

/// Every finding of a report, errors first.
pub fn findings(r: &ValidationReport) -> Vec<&supervision_rules::finding::Finding> {
    r.errors.iter().chain(&r.warnings).collect()
}

/// The (path, code) pairs of a report's findings.
pub fn codes(r: &ValidationReport) -> Vec<(String, &'static str)> {
    findings(r)
        .into_iter()
        .map(|f| (f.path.clone(), f.code.as_str()))
        .collect()
}

/// Whether a report has a finding with this path and code.
pub fn has(r: &ValidationReport, path: &str, code: &str) -> bool {
    findings(r).iter().any(|f| f.path == path && f.code == code)
}

/// The minutes a number field must hold for every min-duration rule on it.
fn min_minutes(t: &Template, id: &str) -> Option<f64> {
    t.rules
        .iter()
        .filter_map(|r| match &r.kind {
            TemplateRuleKind::MinDuration(policy::MinDuration {
                minutes,
                field: Some(f),
                ..
            }) if f == id => Some(f64::from(*minutes)),
            _ => None,
        })
        .reduce(f64::max)
}

/// A valid value for a number field: 90 (a session's length) moved into [min, max] and up
/// to any minimum duration.
fn number_for(t: &Template, f: &supervision_rules::policy::Field) -> Value {
    let mut n = 90.0_f64;
    if let Some(m) = min_minutes(t, &f.id) {
        n = n.max(m);
    }
    if let Some(min) = f.min {
        n = n.max(min);
    }
    if let Some(max) = f.max {
        n = n.min(max);
    }
    json!(n)
}

/// A complete record for `t`: every field filled with a valid value of its type, dates
/// chosen to satisfy the template's rules:
///
/// - every date is the session date, except
/// - the later date of a `date-order` rule whose earlier date is the session: a week after
///   (the next session, the date the record was signed or shared);
/// - the earlier date of a `date-order` rule whose later date is the session: a week before
///   (the date of the last supervision);
/// - the later date of a `date-order` rule between two other dates: a year after (a review
///   date), unless it may not be in the future or must fall within the cadence;
/// - a `next-within-cadence` date: a week after; a `required-if-gap` last date: a week
///   before (no cadence in the policies is shorter than a week).
pub fn complete_record(t: &Template) -> Map<String, Value> {
    let session = t.session_date.as_deref();
    let mut dates: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    let not_future: Vec<&str> = t
        .rules
        .iter()
        .filter_map(|r| match &r.kind {
            TemplateRuleKind::NotFuture(policy::NotFuture { field }) => Some(field.as_str()),
            _ => None,
        })
        .collect();
    let mut start_end: Vec<(&str, &str, u32)> = Vec::new();
    for r in &t.rules {
        match &r.kind {
            TemplateRuleKind::DateOrder(policy::DateOrder { earlier, later }) => {
                if Some(earlier.as_str()) == session {
                    dates.insert(later, WEEK_AFTER);
                } else if Some(later.as_str()) == session {
                    dates.insert(earlier, WEEK_BEFORE);
                } else if !not_future.contains(&later.as_str()) {
                    dates.entry(later).or_insert(YEAR_AFTER);
                }
            }
            TemplateRuleKind::NextWithinCadence(policy::NextWithinCadence { field, .. }) => {
                dates.insert(field, WEEK_AFTER);
            }
            TemplateRuleKind::RequiredIfGap(policy::RequiredIfGap { last, .. }) => {
                dates.insert(last, WEEK_BEFORE);
            }
            TemplateRuleKind::MinDuration(policy::MinDuration {
                minutes,
                start: Some(s),
                end: Some(e),
                ..
            }) => start_end.push((s, e, *minutes)),
            _ => {}
        }
    }
    let mut record = Map::new();
    for f in t.fields() {
        let v = match f.kind {
            FieldType::Text => json!("Discussed"),
            FieldType::Person => json!("A. Worker"),
            FieldType::Signature => json!("A. Supervisor"),
            FieldType::Date => json!(dates.get(f.id.as_str()).copied().unwrap_or(SESSION)),
            FieldType::Time => {
                let end = start_end.iter().find(|(_, e, _)| *e == f.id);
                match end {
                    Some((_, _, minutes)) => {
                        let m = 10 * 60 + minutes.max(&90);
                        json!(format!("{:02}:{:02}", m / 60, m % 60))
                    }
                    None => json!("10:00"),
                }
            }
            FieldType::Number => number_for(t, f),
            FieldType::Choice => {
                json!(f.options.as_ref().and_then(|o| o.first()).expect("options"))
            }
            FieldType::CaseIds => json!("12345, 67890"),
            FieldType::Actions => {
                json!([{ "action": "Book review", "who": "Social worker", "when": SESSION }])
            }
            FieldType::Children => json!([{ "name": "Child A", "dob": "2015-01-01" }]),
        };
        record.insert(f.id.clone(), v);
    }
    record
}

/// The fields required in final mode (`true` and `"final"`).
pub fn required_in_final(t: &Template) -> Vec<&supervision_rules::policy::Field> {
    t.fields().filter(|f| f.required != Required::No).collect()
}

/// `d` plus a duration, as the engine counts it.
pub fn plus(d: &str, duration: &str) -> String {
    let cal = Calendar::england_and_wales();
    let dur = Duration::parse(duration).expect("duration");
    format_date(dur.after(date(d), &cal).expect("in range"))
}

/// `d` plus `n` calendar days.
pub fn plus_days(d: &str, n: i64) -> String {
    format_date(supervision_rules::calendar::add_days(date(d), n).expect("in range"))
}
