//! The [`Checker`]: what the checks of one record share (its template, the record, the mode,
//! the names messages give fields) and the findings they collect; what counts as empty.

use super::name::{self, Name};
use super::options::Mode;
use super::place::Place;
use crate::calendar::parse_date;
use crate::code::Code;
use crate::finding::Finding;
use crate::json::{Json as Value, JsonMap as Map};
use crate::validate::{Field, FieldType, Template};
use chrono::NaiveDate;
use std::cell::OnceCell;

/// Collects findings for one record.
pub(crate) struct Checker<'a> {
    pub(crate) template: &'a Template,
    pub(crate) record: &'a Map<'a>,
    pub(crate) mode: Mode,
    /// Made on the first finding that names a field: a valid record never needs them, and
    /// making them is most of the work for one record.
    names: OnceCell<super::name::KeyList<Name>>,
    pub(crate) findings: Vec<Finding>,
}

impl<'a> Checker<'a> {
    /// A checker of `record` against `template`, with no findings yet.
    pub(crate) fn new(template: &'a Template, record: &'a Map<'a>, mode: Mode) -> Self {
        Checker {
            template,
            record,
            mode,
            names: OnceCell::new(),
            findings: Vec::new(),
        }
    }
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
pub(super) fn is_blank_cell(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// A table row a form left blank: an object whose every cell is empty.
pub(super) fn is_blank_row(v: &Value) -> bool {
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
            code,
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
    pub(super) fn source(&self, f: &'a Field) -> &'a str {
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
    pub(super) fn session_reference(&self) -> String {
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
    pub(super) fn count_of(&self, kind: FieldType) -> usize {
        self.template.fields().filter(|f| f.kind == kind).count()
    }

    /// For messages about one row of a table: which table. Nothing when the template has
    /// only one and its label already says what the rows are ("Agreed actions"); the section
    /// when the label is shared (Havering's "Action to be taken" in each section); else the
    /// label ("in ‘What needs to be done?’").
    pub(super) fn row_context(&self, f: &Field, noun: &str) -> String {
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
