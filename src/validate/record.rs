//! A record checked against a template: [`validate`], every finding at once.

use super::checker::Checker;
use super::options::{Mode, ValidateOptions, ValidationReport};
use super::rules;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::json::{Json as Value, JsonMap as Map};
use crate::schedule::supervisee::known_role;
use crate::schedule::{Rule, Rulebook};
use crate::terms::Role;
use crate::validate::Template;

/// Tables (and any field holding a list) within [`crate::limits::ROWS`]: a record's
/// content is otherwise never an error, but its size is bounded.
fn check_rows(template: &Template, record: &Map<'_>) -> Result<()> {
    for f in template.sections.iter().flat_map(|s| &s.fields) {
        if let Some(Value::Array(rows)) = record.get(&f.id) {
            crate::limits::ROWS.check(rows.len(), || format!("record.{}", f.id))?;
        }
    }
    Ok(())
}

/// Validates `record` against `template` of `policy`.
///
/// Every finding is reported, not the first: required fields, types and formats, action
/// and child rows, and the template's rules (dates in the future or the wrong way round,
/// the next session within the cadence, a comment after a long gap, session length).
///
/// # Errors
/// [`Error::BadArgument`] when the record is not an object or `options.role` is not one of
/// the policy's roles. Nothing in the record's content is an error: it is a finding.
///
/// # Examples
/// ```
/// use supervision_rules::{policy::Registry, validate::{validate, ValidateOptions}};
/// let registry = Registry::with_builtins();
/// let (policy, template) = registry.template("havering", "case-supervision-record")?;
/// let record = serde_json::json!({ "date": "2026-02-30" });
/// let report = validate(policy, template, &record, &ValidateOptions::default())?;
/// assert!(!report.valid);
/// let date = report.errors.iter().find(|f| f.path == "date").unwrap();
/// assert_eq!(date.code, "invalid-date");
/// assert_eq!(date.message, "Date of supervision must be a real date");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate<P: Rulebook + ?Sized>(
    policy: &P,
    template: &Template,
    record: &serde_json::Value,
    options: &ValidateOptions,
) -> Result<ValidationReport> {
    validate_read(policy, template, &Value::from(record), options)
}

/// [`validate`] of a record read borrowed (the JS boundary's).
pub(crate) fn validate_read<P: Rulebook + ?Sized>(
    policy: &P,
    template: &Template,
    record: &Value<'_>,
    options: &ValidateOptions,
) -> Result<ValidationReport> {
    validate_under(policy.roles(), policy.rules(), template, record, options)
}

/// [`validate_read`] under a policy's roles and rules: one function whatever holds them.
fn validate_under(
    roles: &[Role],
    rules: &[Rule],
    template: &Template,
    record: &Value<'_>,
    options: &ValidateOptions,
) -> Result<ValidationReport> {
    let Value::Object(record) = record else {
        return Err(Error::bad_argument("record", "an object keyed by field id"));
    };
    known_role(roles, &options.supervisee.role, "options.role")?;
    // A misspelt id would silently check the field after all; the id itself is not echoed.
    if options.ignore.iter().any(|id| template.field(id).is_none()) {
        return Err(Error::bad_argument(
            "options.ignore",
            "field ids of this template",
        ));
    }
    check_rows(template, record)?;
    let mut c = Checker::new(template, record, options.mode);
    let session = template
        .session_date
        .as_deref()
        .and_then(|id| c.date_value(id));
    for field in template.fields() {
        if !options.ignore.contains(&field.id) {
            c.field(field, session);
        }
    }
    rules::apply(&mut c, rules, session, options);

    let (mut errors, mut warnings): (Vec<Finding>, Vec<Finding>) = c
        .findings
        .into_iter()
        .partition(|f| f.severity == Severity::Error);
    if options.mode == Mode::Draft {
        for mut f in errors.drain(..) {
            f.severity = Severity::Warning;
            warnings.push(f);
        }
    }
    Ok(ValidationReport {
        valid: errors.is_empty(),
        errors,
        warnings,
    })
}
