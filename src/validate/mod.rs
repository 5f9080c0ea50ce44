//! Record validation: a record checked against a policy template, every finding at once.
//!
//! A record is a flat JSON object keyed by field id. Validation never fails on the record's
//! content: a value of the wrong type, an impossible date, a nested object where text
//! belongs — each is a [`Finding`]. Keys the template does not know are ignored, so a
//! council can add its own fields.
//!
//! Findings name the field by its label and say what to do, in the GOV.UK Design System's
//! error-message style ("Enter the date of supervision", "Date of next supervision must be
//! the same as or after the date of this supervision"); they never repeat what was typed,
//! because records hold children's personal data. Every code is a [`Code`], listed with an
//! example in `docs/finding-codes.md`.
//!
//! In `draft` mode nothing blocks: fields required only when finalised are not checked, and
//! every other finding is reported as a warning.

mod code;
mod decimal;
mod field;
mod name;
mod options;
mod place;
mod rules;
mod table;

pub use code::Code;
pub use field::{case_ids_only, MAX_CASE_ID_LEN};
pub use options::{Mode, ValidateOptions, ValidationReport};

use crate::calendar::parse_date;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::json::{Json as Value, JsonMap as Map};
use crate::policy::{Field, FieldType, Policy, Template};
use chrono::NaiveDate;
use field::number;
use name::Name;
use place::Place;
use std::cell::OnceCell;

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
pub fn validate(
    policy: &Policy,
    template: &Template,
    record: &serde_json::Value,
    options: &ValidateOptions,
) -> Result<ValidationReport> {
    validate_read(policy, template, &Value::from(record), options)
}

/// [`validate`] of a record read borrowed (the JS boundary's).
pub(crate) fn validate_read(
    policy: &Policy,
    template: &Template,
    record: &Value<'_>,
    options: &ValidateOptions,
) -> Result<ValidationReport> {
    let Value::Object(record) = record else {
        return Err(Error::bad_argument("record", "an object keyed by field id"));
    };
    let role = options.role.as_deref().unwrap_or("social-worker");
    if !policy.roles.iter().any(|r| r.id == role) {
        let ids: Vec<String> = policy
            .roles
            .iter()
            .map(|r| format!("\"{}\"", r.id))
            .collect();
        return Err(Error::bad_argument(
            "options.role",
            format!("one of this policy's role ids: {}", ids.join(", ")),
        ));
    }
    // A misspelt id would silently check the field after all; the id itself is not echoed.
    if options.ignore.iter().any(|id| template.field(id).is_none()) {
        return Err(Error::bad_argument(
            "options.ignore",
            "field ids of this template",
        ));
    }
    check_rows(template, record)?;
    let mut c = Checker {
        template,
        record,
        mode: options.mode,
        names: OnceCell::new(),
        findings: Vec::new(),
    };
    let session = template
        .session_date
        .as_deref()
        .and_then(|id| c.date_value(id));
    for field in template.fields() {
        if !options.ignore.contains(&field.id) {
            c.field(field, session);
        }
    }
    rules::apply(&mut c, policy, role, session, options);

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

/// Collects findings for one record.
pub(crate) struct Checker<'a> {
    pub(crate) template: &'a Template,
    pub(crate) record: &'a Map<'a>,
    pub(crate) mode: Mode,
    /// Made on the first finding that names a field: a valid record never needs them, and
    /// making them is most of the work for one record.
    names: OnceCell<name::KeyList<Name>>,
    pub(crate) findings: Vec<Finding>,
}

/// Empty: absent, null, blank text, or a list whose every row is empty or blank.
pub(crate) fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.iter().all(|row| is_blank_cell(row) || is_blank_row(row)),
        Some(_) => false,
    }
}

/// A cell a form left empty. Not recursive, so no record can exhaust the stack.
fn is_blank_cell(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// A table row a form left blank: an object whose every cell is empty.
fn is_blank_row(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.values().all(is_blank_cell),
        _ => false,
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn push(
        &mut self,
        place: impl Into<Place>,
        code: Code,
        message: String,
        source: &str,
    ) {
        let Place { path, pointer } = place.into();
        self.findings.push(Finding {
            path,
            pointer: Some(pointer),
            code: code.as_str(),
            message,
            source: source.to_string(),
            severity: code.severity(),
            rule: None,
            run: None,
            reading: None,
            period: None,
        });
    }

    /// The clause a finding about `f` cites: the field's own, else its section's, else the
    /// template's.
    fn source(&self, f: &'a Field) -> &'a str {
        let section = || {
            self.template
                .sections
                .iter()
                .find(|s| s.fields.iter().any(|x| x.id == f.id))
                .and_then(|s| s.source.as_deref())
        };
        f.source
            .as_deref()
            .or_else(section)
            .unwrap_or(&self.template.source)
    }

    /// The name messages give the field with this id.
    pub(crate) fn name(&self, id: &str) -> Name {
        self.names
            .get_or_init(|| name::names(self.template))
            .get(id)
            .cloned()
            .unwrap_or_else(|| Name::from_label(id))
    }

    /// The field with this id as the object of a comparison: "the date of supervision". A
    /// session date labelled only "Date" is "the date of the session".
    pub(crate) fn reference(&self, id: &str) -> String {
        let n = self.name(id);
        if self.template.session_date.as_deref() == Some(id) && n.mid() == "date" {
            "the date of the session".to_string()
        } else {
            n.the()
        }
    }

    /// The session date as the object of a comparison.
    fn session_reference(&self) -> String {
        match self.template.session_date.as_deref() {
            Some(id) => self.reference(id),
            None => "the date of the session".to_string(),
        }
    }

    /// A field's value as a date, when it is one.
    pub(crate) fn date_value(&self, id: &str) -> Option<NaiveDate> {
        match self.record.get(id) {
            Some(Value::String(s)) => parse_date(s.trim()).ok(),
            _ => None,
        }
    }

    /// Whether a field has a value (of any type).
    pub(crate) fn has_value(&self, id: &str) -> bool {
        !is_empty(self.record.get(id))
    }

    /// How many fields of this type the template has.
    fn count_of(&self, kind: FieldType) -> usize {
        self.template.fields().filter(|f| f.kind == kind).count()
    }

    /// For messages about one row of a table: which table. Nothing when the template has
    /// only one and its label already says what the rows are ("Agreed actions"); the section
    /// when the label is shared (Havering's "Action to be taken" in each section); else the
    /// label ("in ‘What needs to be done?’").
    fn row_context(&self, f: &Field, noun: &str) -> String {
        let n = self.name(&f.id);
        if n.mentions(noun) {
            if let Some(section) = n.context() {
                return format!(" ({section})");
            }
            if self.count_of(f.kind) == 1 {
                return String::new();
            }
        }
        format!(" in {}", n.the())
    }
}

/// The name that opens a message about this field of `template` ("Date of supervision"), as
/// validation's own messages name it: for the widget's findings about a GOV.UK date input.
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub(crate) fn subject(template: &Template, id: &str) -> String {
    name::names(template)
        .get(id)
        .map_or_else(|| Name::from_label(id).start(), Name::start)
}
