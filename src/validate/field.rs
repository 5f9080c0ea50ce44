//! One field's value against its type: required when empty, text, dates, times, numbers,
//! choices and case IDs (table fields are in `table.rs`).

use super::{is_empty, Checker, Code, Mode, Place};
use crate::calendar::{parse_date, parse_time, DateErrorKind};
use crate::json::Json as Value;
use crate::validate::{Field, FieldType, Required};
use chrono::NaiveDate;

/// Whether a field's value counts as not given: missing, `null` or blank text for every type;
/// for a list of rows (actions, children) also a list with no filled-in row. Any other value
/// is given, and checked against the type (an array for a text field is `invalid-type`).
pub(crate) fn blank(kind: FieldType, v: &Value) -> bool {
    match (kind, v) {
        (_, Value::Null) => true,
        (_, Value::String(s)) => s.trim().is_empty(),
        (FieldType::Actions | FieldType::Children, Value::Array(_)) => is_empty(Some(v)),
        _ => false,
    }
}

impl<'a> Checker<'a> {
    /// One field: required when it is empty, else its value checked against its type.
    pub(super) fn field(&mut self, f: &'a Field, session: Option<NaiveDate>) {
        let src = self.source(f);
        match self.record.get(f.id.as_str()).filter(|v| !blank(f.kind, v)) {
            None => self.required(f, src),
            Some(value) => self.value(f, value, session, src),
        }
    }

    /// An empty field: a finding when the mode requires it.
    fn required(&mut self, f: &Field, src: &str) {
        let required = match f.required {
            Required::Always => true,
            Required::Final => self.mode == Mode::Final,
            Required::No => false,
        };
        if required {
            let message = self.required_message(f);
            self.push(f.id.clone(), Code::Required, message, src);
        }
    }

    /// A value checked against its field's type. Names are made only for a finding (most
    /// values have none).
    fn value(&mut self, f: &Field, value: &Value, session: Option<NaiveDate>, src: &str) {
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
            FieldType::Time => self.time_field(f, value, src),
            FieldType::Number => self.number_field(f, value, src),
            FieldType::Choice => self.choice_field(f, value, src),
            FieldType::CaseIds => self.case_ids_field(f, value, src),
            FieldType::Actions => self.actions(f, value, session, src),
            FieldType::Children => self.children(f, value, session, src),
        }
    }

    /// A time: text, and a real time.
    fn time_field(&mut self, f: &Field, value: &Value, src: &str) {
        match value {
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
        }
    }

    /// A number (or numeric text), within the field's `min` and `max`.
    fn number_field(&mut self, f: &Field, value: &Value, src: &str) {
        if !matches!(value, Value::Number(_) | Value::String(_)) {
            self.wrong_type(f, src);
            return;
        }
        let Some(x) = number(value) else {
            let message = format!("{} must be a number", self.name(&f.id).start());
            self.push(f.id.clone(), Code::InvalidNumber, message, src);
            return;
        };
        if let Some(min) = f.min.filter(|m| x < *m) {
            let min = crate::words::number(min);
            let message = format!("{} must be {min} or more", self.name(&f.id).start());
            self.push(f.id.clone(), Code::NumberTooSmall, message, src);
        }
        if let Some(max) = f.max.filter(|m| x > *m) {
            let max = crate::words::number(max);
            let message = format!("{} must be {max} or less", self.name(&f.id).start());
            self.push(f.id.clone(), Code::NumberTooLarge, message, src);
        }
    }

    /// One of the field's options.
    fn choice_field(&mut self, f: &Field, value: &Value, src: &str) {
        let Value::String(s) = value else {
            self.wrong_type(f, src);
            return;
        };
        let ok = f
            .options
            .as_ref()
            .is_some_and(|o| o.iter().any(|opt| opt == s.trim()));
        if !ok {
            let message = format!("Select one of the options for {}", self.name(&f.id).the());
            self.push(f.id.clone(), Code::InvalidChoice, message, src);
        }
    }

    /// Text listing case IDs and nothing else about a child.
    fn case_ids_field(&mut self, f: &Field, value: &Value, src: &str) {
        let Value::String(s) = value else {
            self.wrong_type(f, src);
            return;
        };
        if !case_ids_only(s) {
            self.push(
                f.id.clone(),
                Code::CaseIdsOnly,
                format!(
                    "{} must list case IDs only, like 12345 or AB-678, not names or other \
                     details about a child",
                    self.name(&f.id).start()
                ),
                src,
            );
        }
    }

    /// "Enter …", "Select …", "Answer …": what to do about an empty required field.
    fn required_message(&self, f: &Field) -> String {
        if let Some(own) = &f.messages.required {
            return own.clone();
        }
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

    pub(super) fn wrong_type(&mut self, f: &Field, src: &str) {
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
    pub(super) fn date(
        &mut self,
        path: impl Into<Place>,
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
}

/// A number, or a numeric string as a form control gives it.
pub(crate) fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n).filter(|f| f.is_finite()),
        // As `str::parse::<f64>` reads it, without its tables (`decimal`).
        Value::String(s) => crate::json::decimal::parse(s.trim()),
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
