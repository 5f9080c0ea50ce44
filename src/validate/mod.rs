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
mod name;
mod rules;

pub use code::Code;

use crate::calendar::{parse_date, parse_time, Calendar, DateErrorKind};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::input::object;
use crate::policy::{Field, FieldType, Policy, Required, Template};
use chrono::NaiveDate;
use name::Name;
use serde::Serialize;
use serde_json::{Map, Value};
use std::cell::OnceCell;
use std::collections::BTreeMap;

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
    /// The working-day calendar cadences are counted with: the same one the schedule is
    /// given ([`ScheduleOptions::calendar`](crate::schedule::ScheduleOptions)), so the two
    /// agree on a cadence counted in working days.
    pub calendar: Calendar,
}

impl ValidateOptions {
    /// Reads `{mode?, today?, role?}` (`null`/`undefined` = defaults), with the England &
    /// Wales calendar: the caller sets [`calendar`](Self::calendar) to the one it has loaded.
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
            calendar: Calendar::england_and_wales(),
        })
    }
}

/// The result of validating a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationReport {
    /// No errors (warnings allowed). Always `true` in draft mode.
    pub valid: bool,
    /// Findings that block a final save.
    pub errors: Vec<Finding>,
    /// Findings that inform.
    pub warnings: Vec<Finding>,
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
        names: OnceCell::new(),
        findings: Vec::new(),
    };
    let session = template
        .session_date
        .as_deref()
        .and_then(|id| c.date_value(id));
    for field in template.fields() {
        c.field(field, session);
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
    pub(crate) record: &'a Map<String, Value>,
    pub(crate) mode: Mode,
    /// Made on the first finding that names a field: a valid record never needs them, and
    /// making them is most of the work for one record.
    names: OnceCell<BTreeMap<String, Name>>,
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
        path: impl Into<String>,
        code: Code,
        message: String,
        source: &str,
    ) {
        self.findings.push(Finding {
            path: path.into(),
            code: code.as_str(),
            message,
            source: source.to_string(),
            severity: code.severity(),
            rule: None,
        });
    }

    fn source(&self, f: &'a Field) -> &'a str {
        f.source.as_deref().unwrap_or(&self.template.source)
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

    fn field(&mut self, f: &'a Field, session: Option<NaiveDate>) {
        let value = self.record.get(f.id.as_str());
        let src = self.source(f);
        if is_empty(value) {
            let required = match f.required {
                Required::Always => true,
                Required::Final => self.mode == Mode::Final,
                Required::No => false,
            };
            if required {
                let message = self.required_message(f);
                self.push(f.id.clone(), Code::Required, message, src);
            }
            return;
        }
        let Some(value) = value else { return };
        // Names are made only for a finding (most values have none).
        match f.kind {
            FieldType::Text | FieldType::Person | FieldType::Signature => {
                if !value.is_string() {
                    self.wrong_type(f, src);
                }
            }
            FieldType::Date => {
                if !value.is_string() {
                    self.wrong_type(f, src);
                } else {
                    self.date(f.id.clone(), |c| c.name(&f.id).start(), value, src);
                }
            }
            FieldType::Time => match value {
                Value::String(s) if parse_time(s.trim()).is_ok() => {}
                Value::String(_) => self.push(
                    f.id.clone(),
                    Code::InvalidTime,
                    format!(
                        "{} must be a real time, like 09:30 or 14:30",
                        self.name(&f.id).start()
                    ),
                    src,
                ),
                _ => self.wrong_type(f, src),
            },
            FieldType::Number => match value {
                Value::Number(_) | Value::String(_) => match number(value) {
                    None => self.push(
                        f.id.clone(),
                        Code::InvalidNumber,
                        format!("{} must be a number", self.name(&f.id).start()),
                        src,
                    ),
                    Some(x) => {
                        if let Some(min) = f.min.filter(|m| x < *m) {
                            self.push(
                                f.id.clone(),
                                Code::NumberTooSmall,
                                format!("{} must be {min} or more", self.name(&f.id).start()),
                                src,
                            );
                        }
                        if let Some(max) = f.max.filter(|m| x > *m) {
                            self.push(
                                f.id.clone(),
                                Code::NumberTooLarge,
                                format!("{} must be {max} or less", self.name(&f.id).start()),
                                src,
                            );
                        }
                    }
                },
                _ => self.wrong_type(f, src),
            },
            FieldType::Choice => match value {
                Value::String(s) => {
                    let ok = f
                        .options
                        .as_ref()
                        .is_some_and(|o| o.iter().any(|opt| opt == s.trim()));
                    if !ok {
                        let message =
                            format!("Select one of the options for {}", self.name(&f.id).the());
                        self.push(f.id.clone(), Code::InvalidChoice, message, src);
                    }
                }
                _ => self.wrong_type(f, src),
            },
            FieldType::CaseIds => match value {
                Value::String(s) => {
                    if !case_ids_only(s) {
                        self.push(
                            f.id.clone(),
                            Code::CaseIdsOnly,
                            format!(
                                "{} must list case IDs only, like 12345 or AB-678, not names or \
                                 other details about a child",
                                self.name(&f.id).start()
                            ),
                            src,
                        );
                    }
                }
                _ => self.wrong_type(f, src),
            },
            FieldType::Actions => self.actions(f, value, session, src),
            FieldType::Children => self.children(f, value, session, src),
        }
    }

    /// "Enter …", "Select …", "Answer …": what to do about an empty required field.
    fn required_message(&self, f: &Field) -> String {
        let n = self.name(&f.id);
        let quoted = n.is_quoted();
        let mid = n.mid();
        match f.kind {
            FieldType::Choice if quoted => format!("Select an option for {mid}"),
            FieldType::Choice => format!("Select {}", n.the()),
            FieldType::Actions => format!(
                "Enter at least one action{}, with who will do it and by when",
                self.row_context(f, "action")
            ),
            FieldType::Children => {
                format!("Enter at least one child{}", self.row_context(f, "child"))
            }
            _ if n.is_question() => format!("Answer {mid}"),
            FieldType::Text if quoted => format!("Complete {mid}"),
            FieldType::Person if quoted => format!("Enter a name for {mid}"),
            FieldType::Signature if quoted => format!("Add a signature for {mid}"),
            FieldType::Date if quoted => format!("Enter a date for {mid}"),
            FieldType::Time if quoted => format!("Enter a time for {mid}"),
            FieldType::Number if quoted => format!("Enter a number for {mid}"),
            FieldType::CaseIds if quoted => format!("Enter case IDs for {mid}"),
            FieldType::Person if !n.mentions("name") => format!("Enter the name of {}", n.the()),
            FieldType::Date => format!("Enter {}", self.reference(&f.id)),
            _ => format!("Enter {}", n.the()),
        }
    }

    fn wrong_type(&mut self, f: &Field, src: &str) {
        let what = match f.kind {
            FieldType::Text | FieldType::Person | FieldType::Signature => "text",
            FieldType::Date => "a date written as YYYY-MM-DD",
            FieldType::Time => "a time written as HH:MM",
            FieldType::Number => "a number",
            FieldType::Choice => "one of the options",
            FieldType::CaseIds => "text listing case IDs",
            FieldType::Actions => "a list of actions",
            FieldType::Children => "a list of children",
        };
        let message = format!("{} must be {what}", self.name(&f.id).start());
        self.push(f.id.clone(), Code::InvalidType, message, src);
    }

    /// A date given as text: real, and written `YYYY-MM-DD`. `subject` names it in a message,
    /// made only when there is a finding.
    fn date(
        &mut self,
        path: String,
        subject: impl FnOnce(&Self) -> String,
        value: &Value,
        src: &str,
    ) {
        let Value::String(s) = value else {
            let subject = subject(self);
            self.push(
                path,
                Code::InvalidType,
                format!("{subject} must be a date written as YYYY-MM-DD"),
                src,
            );
            return;
        };
        if let Err(e) = parse_date(s.trim()) {
            let subject = subject(self);
            let message = match e.kind() {
                DateErrorKind::NotACalendarDate | DateErrorKind::OutOfRange => {
                    format!("{subject} must be a real date")
                }
                _ => format!("{subject} must be a date written as YYYY-MM-DD, like 2026-03-27"),
            };
            self.push(path, Code::InvalidDate, message, src);
        }
    }

    fn actions(&mut self, f: &Field, value: &Value, session: Option<NaiveDate>, src: &str) {
        let Value::Array(rows) = value else {
            self.wrong_type(f, src);
            return;
        };
        // Paths and messages are made only for a finding: most rows have none.
        let ctx = |c: &Self| c.row_context(f, "action");
        for (i, row) in rows.iter().enumerate() {
            let path = || format!("{}[{i}]", f.id);
            let n = i.saturating_add(1);
            if is_blank_cell(row) || is_blank_row(row) {
                continue;
            }
            let Value::Object(cells) = row else {
                let ctx = ctx(self);
                self.push(
                    path(),
                    Code::InvalidType,
                    format!(
                        "Action {n}{ctx} must have what needs to happen, who will do it and by when"
                    ),
                    src,
                );
                continue;
            };
            for (key, code) in [
                ("action", Code::ActionMissing),
                ("who", Code::ActionWhoMissing),
            ] {
                let subject = |ctx: &str| match key {
                    "action" => format!("What needs to happen for action {n}{ctx}"),
                    _ => format!("Who will do action {n}{ctx}"),
                };
                match cells.get(key) {
                    c if is_empty(c) => {
                        let ctx = ctx(self);
                        let missing = match key {
                            "action" => format!("Enter what needs to happen for action {n}{ctx}"),
                            _ => format!("Enter who will do action {n}{ctx}"),
                        };
                        self.push(format!("{}.{key}", path()), code, missing, src);
                    }
                    Some(Value::String(_)) => {}
                    Some(_) => {
                        let subject = subject(&ctx(self));
                        self.push(
                            format!("{}.{key}", path()),
                            Code::InvalidType,
                            format!("{subject} must be text"),
                            src,
                        );
                    }
                    None => {}
                }
            }
            let wpath = || format!("{}.when", path());
            match cells.get("when") {
                c if is_empty(c) => {
                    let ctx = ctx(self);
                    self.push(
                        wpath(),
                        Code::ActionWhenMissing,
                        format!("Enter the due date for action {n}{ctx}"),
                        src,
                    );
                }
                Some(when) => {
                    let subject = |c: &Self| format!("The date for action {n}{}", ctx(c));
                    let d = when.as_str().and_then(|s| parse_date(s.trim()).ok());
                    if d.is_none() {
                        self.date(wpath(), subject, when, src);
                    } else if let (Some(d), Some(s)) = (d, session) {
                        if d < s {
                            let message = format!(
                                "{} must be the same as or after {}",
                                subject(self),
                                self.session_reference()
                            );
                            self.push(wpath(), Code::ActionWhenBeforeSession, message, src);
                        }
                    }
                }
                None => {}
            }
        }
    }

    fn children(&mut self, f: &Field, value: &Value, session: Option<NaiveDate>, src: &str) {
        let Value::Array(rows) = value else {
            self.wrong_type(f, src);
            return;
        };
        // Paths and messages are made only for a finding: most rows have none.
        let ctx = |c: &Self| c.row_context(f, "child");
        for (i, row) in rows.iter().enumerate() {
            let path = || format!("{}[{i}]", f.id);
            let n = i.saturating_add(1);
            if is_blank_cell(row) || is_blank_row(row) {
                continue;
            }
            let Value::Object(cells) = row else {
                let ctx = ctx(self);
                self.push(
                    path(),
                    Code::InvalidType,
                    format!("Child {n}{ctx} must have a name and date of birth"),
                    src,
                );
                continue;
            };
            match cells.get("name") {
                c if is_empty(c) => {
                    let ctx = ctx(self);
                    self.push(
                        format!("{}.name", path()),
                        Code::ChildNameMissing,
                        format!("Enter the name of child {n}{ctx}"),
                        src,
                    );
                }
                Some(Value::String(_)) | None => {}
                Some(_) => {
                    let ctx = ctx(self);
                    self.push(
                        format!("{}.name", path()),
                        Code::InvalidType,
                        format!("The name of child {n}{ctx} must be text"),
                        src,
                    );
                }
            }
            if let Some(dob) = cells.get("dob").filter(|v| !is_empty(Some(v))) {
                let dpath = || format!("{}.dob", path());
                let subject = |c: &Self| format!("The date of birth of child {n}{}", ctx(c));
                let d = dob.as_str().and_then(|s| parse_date(s.trim()).ok());
                if d.is_none() {
                    self.date(dpath(), subject, dob, src);
                } else if let (Some(d), Some(s)) = (d, session) {
                    if d > s {
                        let message = format!(
                            "{} must be the same as or before {}",
                            subject(self),
                            self.session_reference()
                        );
                        self.push(dpath(), Code::DateOrder, message, src);
                    }
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

/// The longest case ID accepted: longer runs of letters and digits are not an ID.
pub const MAX_CASE_ID_LEN: usize = 32;

/// Case IDs only (Stockport Appendix A §6 "Numbers only"): separated by commas, semicolons
/// or white space, each ID has a digit and only letters, digits, `-` and `/`, and is at most
/// [`MAX_CASE_ID_LEN`] characters. A name has no digit, so "Jane Smith" fails, and so does
/// "1234 (Jane)"; "12345, AB-678" passes.
///
/// # Examples
/// ```
/// use supervision_rules::validate::case_ids_only;
/// assert!(case_ids_only("12345, AB-678"));
/// assert!(!case_ids_only("Jane Smith"));
/// assert!(!case_ids_only("1234 (Jane)"));
/// ```
pub fn case_ids_only(s: &str) -> bool {
    let mut any = false;
    for token in s.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        if token.is_empty() {
            continue;
        }
        any = true;
        let ok = token.len() <= MAX_CASE_ID_LEN
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
