//! Record validation: a record checked against a policy template, every finding at once.
//!
//! A record is a flat JSON object keyed by field id. Validation never fails on the record's
//! content: a value of the wrong type, an impossible date, a nested object where text
//! belongs — each is a [`Finding`]. Findings name the field by its label and say what to
//! do; they never repeat what was typed, because records hold children's personal data.
//!
//! In `draft` mode nothing blocks: fields required only when finalised are not checked, and
//! every other finding is reported as a warning.

mod rules;

use crate::calendar::{parse_date, parse_time};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::input::object;
use crate::policy::{Field, FieldType, Policy, Required, Template};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

/// Draft or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Saving a draft: nothing blocks.
    Draft,
    /// Finalising the record: errors block.
    #[default]
    Final,
}

/// Options for [`validate`].
#[derive(Debug, Clone, Default)]
pub struct ValidateOptions {
    /// Draft or final (default final).
    pub mode: Mode,
    /// Today's date, for "not in the future" checks; without it they are skipped.
    pub today: Option<NaiveDate>,
    /// The supervisee's role id, for cadence checks (default `social-worker`).
    pub role: Option<String>,
}

impl ValidateOptions {
    /// Reads `{mode?, today?, role?}` (`null`/`undefined` = defaults).
    ///
    /// # Errors
    /// [`Error::BadArgument`] naming the option.
    pub fn from_json(v: &Value) -> Result<Self> {
        if v.is_null() {
            return Ok(Self::default());
        }
        let o = object(v, "options")?;
        let mode = match o.get("mode") {
            None => Mode::Final,
            Some(Value::String(s)) if s == "final" => Mode::Final,
            Some(Value::String(s)) if s == "draft" => Mode::Draft,
            Some(_) => {
                return Err(Error::bad_argument(
                    "options.mode",
                    "\"draft\" or \"final\"",
                ))
            }
        };
        let role = match o.get("role") {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(Error::bad_argument("options.role", "a role id as a string")),
        };
        Ok(ValidateOptions {
            mode,
            today: o.opt_date("today")?,
            role,
        })
    }
}

/// The result of validating a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationReport {
    /// No errors (warnings allowed).
    pub valid: bool,
    /// Findings that block a final save.
    pub errors: Vec<Finding>,
    /// Findings that inform.
    pub warnings: Vec<Finding>,
}

/// Validates `record` against `template` of `policy`.
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
/// assert!(report.errors.iter().any(|f| f.path == "date" && f.code == "invalid-date"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate(
    policy: &Policy,
    template: &Template,
    record: &Value,
    options: &ValidateOptions,
) -> Result<ValidationReport> {
    let Value::Object(record) = record else {
        return Err(Error::bad_argument("record", "an object keyed by field id"));
    };
    let role = options.role.as_deref().unwrap_or("social-worker");
    if !policy.roles.iter().any(|r| r.id == role) {
        return Err(Error::bad_argument(
            "options.role",
            "one of this policy's role ids",
        ));
    }
    let mut c = Checker {
        template,
        record,
        mode: options.mode,
        findings: Vec::new(),
    };
    let session = template
        .session_date
        .as_deref()
        .and_then(|id| c.date_value(id));
    for field in template.fields() {
        c.field(field, session);
    }
    rules::apply(&mut c, policy, role, session, options.today);

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
    pub(crate) record: &'a Map<String, Value>,
    pub(crate) mode: Mode,
    pub(crate) findings: Vec<Finding>,
}

/// The label as a sentence fragment: without a trailing colon or question mark's spacing.
pub(crate) fn label(f: &Field) -> String {
    f.label.trim().trim_end_matches(':').trim().to_string()
}

/// Empty: absent, null, blank text, or an empty list.
pub(crate) fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.iter().all(|row| is_empty(Some(row)) || is_blank_row(row)),
        Some(_) => false,
    }
}

/// A table row a form left blank: every cell empty.
fn is_blank_row(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.values().all(|c| is_empty(Some(c))),
        _ => false,
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn push(
        &mut self,
        path: impl Into<String>,
        code: &'static str,
        message: String,
        source: &str,
        severity: Severity,
    ) {
        self.findings.push(Finding {
            path: path.into(),
            code,
            message,
            source: source.to_string(),
            severity,
        });
    }

    fn source(&self, f: &'a Field) -> &'a str {
        f.source.as_deref().unwrap_or(&self.template.source)
    }

    /// A field's value as a date, when it is one.
    pub(crate) fn date_value(&self, id: &str) -> Option<NaiveDate> {
        match self.record.get(id) {
            Some(Value::String(s)) => parse_date(s.trim()).ok(),
            _ => None,
        }
    }

    /// A field's value as text, when it is non-empty text.
    pub(crate) fn has_value(&self, id: &str) -> bool {
        !is_empty(self.record.get(id))
    }

    fn field(&mut self, f: &'a Field, session: Option<NaiveDate>) {
        let value = self.record.get(f.id.as_str());
        let src = self.source(f);
        let name = label(f);
        if is_empty(value) {
            let required = match f.required {
                Required::Always => true,
                Required::Final => self.mode == Mode::Final,
                Required::No => false,
            };
            if required {
                let message = match f.kind {
                    FieldType::Choice => format!("Select {name}"),
                    FieldType::Signature => format!("Sign the record: enter the name for {name}"),
                    FieldType::Actions => format!(
                        "Enter at least one action for {name}, with who will do it and by when"
                    ),
                    FieldType::Children => format!("Enter at least one child for {name}"),
                    _ => format!("Enter {name}"),
                };
                self.push(f.id.clone(), "required", message, src, Severity::Error);
            }
            return;
        }
        let Some(value) = value else { return };
        match f.kind {
            FieldType::Text | FieldType::Person | FieldType::Signature => {
                if !value.is_string() {
                    self.wrong_type(f, &f.id, src);
                }
            }
            FieldType::Date => self.date(&f.id, &name, value, src),
            FieldType::Time => match value {
                Value::String(s) if parse_time(s.trim()).is_ok() => {}
                Value::String(_) => self.push(
                    f.id.clone(),
                    "invalid-time",
                    format!("{name} must be a time in hours and minutes, like 14:30"),
                    src,
                    Severity::Error,
                ),
                _ => self.wrong_type(f, &f.id, src),
            },
            FieldType::Number => match number(value) {
                None => self.push(
                    f.id.clone(),
                    "invalid-number",
                    format!("{name} must be a number"),
                    src,
                    Severity::Error,
                ),
                Some(n) => {
                    if let Some(min) = f.min.filter(|m| n < *m) {
                        self.push(
                            f.id.clone(),
                            "number-too-small",
                            format!("{name} must be {min} or more"),
                            src,
                            Severity::Error,
                        );
                    }
                    if let Some(max) = f.max.filter(|m| n > *m) {
                        self.push(
                            f.id.clone(),
                            "number-too-large",
                            format!("{name} must be {max} or less"),
                            src,
                            Severity::Error,
                        );
                    }
                }
            },
            FieldType::Choice => match value {
                Value::String(s) => {
                    let ok = f
                        .options
                        .as_ref()
                        .is_some_and(|o| o.iter().any(|opt| opt == s.trim()));
                    if !ok {
                        self.push(
                            f.id.clone(),
                            "invalid-choice",
                            format!("Select {name} from the list"),
                            src,
                            Severity::Error,
                        );
                    }
                }
                _ => self.wrong_type(f, &f.id, src),
            },
            FieldType::CaseIds => match value {
                Value::String(s) => {
                    if !case_ids_only(s) {
                        self.push(f.id.clone(), "case-ids-only", format!("{name} must list case IDs only, not names or other details about the child"), src, Severity::Error);
                    }
                }
                _ => self.wrong_type(f, &f.id, src),
            },
            FieldType::Actions => self.actions(f, &name, value, session, src),
            FieldType::Children => self.children(f, &name, value, session, src),
        }
    }

    fn wrong_type(&mut self, f: &Field, path: &str, src: &str) {
        let what = match f.kind {
            FieldType::Text => "text",
            FieldType::Person | FieldType::Signature => "a name",
            FieldType::Date => "a date",
            FieldType::Time => "a time",
            FieldType::Number => "a number",
            FieldType::Choice => "one of the listed options",
            FieldType::CaseIds => "a list of case IDs",
            FieldType::Actions => "a list of actions",
            FieldType::Children => "a list of children",
        };
        self.push(
            path.to_string(),
            "invalid-type",
            format!("{} must be {what}", label(f)),
            src,
            Severity::Error,
        );
    }

    fn date(&mut self, path: &str, name: &str, value: &Value, src: &str) {
        match value {
            Value::String(s) => {
                if parse_date(s.trim()).is_err() {
                    self.push(
                        path.to_string(),
                        "invalid-date",
                        format!("{name} must be a real date, like 2026-03-27"),
                        src,
                        Severity::Error,
                    );
                }
            }
            _ => self.push(
                path.to_string(),
                "invalid-type",
                format!("{name} must be a date"),
                src,
                Severity::Error,
            ),
        }
    }

    fn actions(
        &mut self,
        f: &Field,
        name: &str,
        value: &Value,
        session: Option<NaiveDate>,
        src: &str,
    ) {
        let Value::Array(rows) = value else {
            self.wrong_type(f, &f.id, src);
            return;
        };
        for (i, row) in rows.iter().enumerate() {
            let path = format!("{}[{i}]", f.id);
            let n = i + 1;
            let Value::Object(cells) = row else {
                self.push(
                    path,
                    "invalid-type",
                    format!("Action {n} in {name} must have what, who and by when"),
                    src,
                    Severity::Error,
                );
                continue;
            };
            if is_blank_row(row) {
                continue;
            }
            for (key, code, message) in [
                (
                    "action",
                    "action-missing",
                    format!("Enter what action {n} in {name} is"),
                ),
                (
                    "who",
                    "action-who-missing",
                    format!("Enter who will do action {n} in {name}"),
                ),
                (
                    "when",
                    "action-when-missing",
                    format!("Enter by when action {n} in {name} will be done"),
                ),
            ] {
                let cell = cells.get(key);
                if is_empty(cell) {
                    self.push(format!("{path}.{key}"), code, message, src, Severity::Error);
                } else if key != "when" && !cell.is_some_and(Value::is_string) {
                    self.push(
                        format!("{path}.{key}"),
                        "invalid-type",
                        format!(
                            "The {} of action {n} in {name} must be text",
                            if key == "who" { "who" } else { "description" }
                        ),
                        src,
                        Severity::Error,
                    );
                }
            }
            if let Some(when) = cells.get("when").filter(|v| !is_empty(Some(v))) {
                let wpath = format!("{path}.when");
                let label = format!("The date for action {n} in {name}");
                match when {
                    Value::String(s) => {
                        match parse_date(s.trim()) {
                            Err(_) => self.push(
                                wpath,
                                "invalid-date",
                                format!("{label} must be a real date, like 2026-03-27"),
                                src,
                                Severity::Error,
                            ),
                            Ok(d) => {
                                if session.is_some_and(|s| d < s) {
                                    self.push(wpath, "action-when-before-session", format!("{label} must be on or after the date of the supervision"), src, Severity::Error);
                                }
                            }
                        }
                    }
                    _ => self.push(
                        wpath,
                        "invalid-type",
                        format!("{label} must be a date"),
                        src,
                        Severity::Error,
                    ),
                }
            }
        }
    }

    fn children(
        &mut self,
        f: &Field,
        name: &str,
        value: &Value,
        session: Option<NaiveDate>,
        src: &str,
    ) {
        let Value::Array(rows) = value else {
            self.wrong_type(f, &f.id, src);
            return;
        };
        for (i, row) in rows.iter().enumerate() {
            let path = format!("{}[{i}]", f.id);
            let n = i + 1;
            let Value::Object(cells) = row else {
                self.push(
                    path,
                    "invalid-type",
                    format!("Child {n} in {name} must have a name and date of birth"),
                    src,
                    Severity::Error,
                );
                continue;
            };
            if is_blank_row(row) {
                continue;
            }
            match cells.get("name") {
                c if is_empty(c) => self.push(
                    format!("{path}.name"),
                    "child-name-missing",
                    format!("Enter the name of child {n} in {name}"),
                    src,
                    Severity::Error,
                ),
                Some(Value::String(_)) => {}
                Some(_) => self.push(
                    format!("{path}.name"),
                    "invalid-type",
                    format!("The name of child {n} in {name} must be text"),
                    src,
                    Severity::Error,
                ),
                None => {}
            }
            if let Some(dob) = cells.get("dob").filter(|v| !is_empty(Some(v))) {
                let dpath = format!("{path}.dob");
                let label = format!("The date of birth of child {n} in {name}");
                match dob {
                    Value::String(s) => {
                        match parse_date(s.trim()) {
                            Err(_) => self.push(
                                dpath,
                                "invalid-date",
                                format!("{label} must be a real date, like 2015-03-27"),
                                src,
                                Severity::Error,
                            ),
                            Ok(d) => {
                                if session.is_some_and(|s| d > s) {
                                    self.push(dpath, "date-order", format!("{label} must be on or before the date of the supervision"), src, Severity::Error);
                                }
                            }
                        }
                    }
                    _ => self.push(
                        dpath,
                        "invalid-type",
                        format!("{label} must be a date"),
                        src,
                        Severity::Error,
                    ),
                }
            }
        }
    }
}

/// A number, or a numeric string as a form control gives it.
pub(crate) fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64().filter(|f| f.is_finite()),
        Value::String(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
        _ => None,
    }
}

/// Case IDs only (Stockport Appendix A §6 "Numbers only"): separated by commas, semicolons
/// or white space, each ID has a digit and only letters, digits, `-` and `/`. A name has no
/// digit, so "Jane Smith" fails, and so does "1234 (Jane)".
pub fn case_ids_only(s: &str) -> bool {
    let mut any = false;
    for token in s.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        if token.is_empty() {
            continue;
        }
        any = true;
        let ok = token.len() <= 32
            && token.chars().any(|c| c.is_ascii_digit())
            && token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '/');
        if !ok {
            return false;
        }
    }
    any
}
