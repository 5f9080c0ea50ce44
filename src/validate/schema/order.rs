//! The schema written as JSON text with `properties` in the template's order: a
//! `serde_json::Map` sorts its keys (without serde_json's `preserve_order` feature, which
//! the crate leaves off), and a form library shows properties in the order it reads them.
//!
//! Written straight as text (`json::write`), not built as a `serde_json::Value` and
//! serialized: the `BTreeMap<String, Value>` code was 8.6 KB gzipped of every `.wasm`
//! (issue 20). The text is the one [`json_schema_with`](super::json_schema_with)'s value
//! gives written by serde_json with `properties` reordered, byte for byte
//! (`tests/schema_text.rs` holds them together): every other object's keys sorted, as a
//! `serde_json::Map` has them.

use super::export::{description, field_type, CASE_IDS_PATTERN, DATE_PATTERN, TIME_PATTERN};
use super::SchemaOptions;
use crate::json::write::{self, Object};
use crate::schedule::Rulebook;
use crate::validate::Mode;
use crate::validate::{Field, FieldType, Required, Template};

/// The record of `template` as JSON Schema text, written as `options` say, with each
/// `properties` in the template's order: the fields section by section, a row's cells as
/// the document has them (`action`, `who`, `when`; `name`, `dob`). A form library that
/// renders properties in the order it reads them shows the document's order.
///
/// # Examples
/// ```
/// use supervision_rules::policy::Registry;
/// use supervision_rules::validate::{json_schema_text, SchemaOptions};
/// let registry = Registry::with_builtins();
/// let (policy, template) = registry.template("havering", "case-supervision-record")?;
/// let text = json_schema_text(policy, template, SchemaOptions::default());
/// let purpose = text.find("\"purpose\":").unwrap();
/// let focus = text.find("\"focus\":").unwrap();
/// assert!(purpose < focus, "1. THE PURPOSE before 3. THE FOCUS");
/// # Ok::<(), supervision_rules::Error>(())
/// ```
pub fn json_schema_text<P: Rulebook + ?Sized>(
    policy: &P,
    template: &Template,
    options: SchemaOptions,
) -> String {
    schema_text(policy.id(), policy.authority(), template, options)
}

/// [`json_schema_text`] for the policy `id` of `authority`: one function whatever holds it.
fn schema_text(id: &str, authority: &str, template: &Template, options: SchemaOptions) -> String {
    let finalised = options.mode == Mode::Final;
    let mut properties: Vec<(&str, String)> = Vec::new();
    let mut required = Vec::new();
    let mut required_final = Vec::new();
    let mut sections = Vec::new();
    for s in &template.sections {
        for f in &s.fields {
            let is_required = match f.required {
                Required::Always => true,
                Required::Final => {
                    required_final.push(f.id.as_str());
                    finalised
                }
                Required::No => false,
            };
            if is_required {
                required.push(f.id.as_str());
            }
            properties.push((&f.id, field_schema(f, is_required, options.extensions)));
        }
        let mut section = Object::new();
        section.text("id", &s.id).text("title", &s.title).set(
            "fields",
            write::strings(s.fields.iter().map(|f| f.id.as_str())),
        );
        sections.push(section.write());
    }
    // A field id used twice (which checking a policy refuses) is written twice, with the
    // schema of its last field, as a map keyed by id then listed in the template's order was.
    let properties = write::ordered(properties.iter().map(|(id, _)| {
        let last = properties.iter().rev().find(|(k, _)| k == id);
        (*id, last.map_or("", |(_, v)| v.as_str()))
    }));
    let description = description(authority, template, finalised, !required_final.is_empty());
    let mut schema = Object::new();
    schema
        .text("$schema", options.draft.uri())
        .text("title", &template.title)
        .text("description", &description)
        .text("type", "object")
        .set("properties", properties)
        .set("required", write::strings(required))
        .set("additionalProperties", "true".into());
    if options.extensions {
        schema.text("x-policy", id).text("x-template", &template.id);
        if let Some(sd) = &template.session_date {
            schema.text("x-session-date", sd);
        }
        schema
            .set("x-required-final", write::strings(required_final))
            .set("x-sections", write::array(sections));
    }
    schema.write()
}

/// A field's schema (see [`json_schema`](super::json_schema) for what each type is).
fn field_schema(f: &Field, always: bool, extensions: bool) -> String {
    let mut s = Object::new();
    match f.kind {
        FieldType::Text | FieldType::Person | FieldType::Signature => {
            if always {
                non_blank(&mut s);
            } else {
                s.text("type", "string");
            }
            if f.kind == FieldType::Text {
                s.text("contentMediaType", "text/plain");
            }
        }
        FieldType::Date => date(&mut s),
        FieldType::Time => pattern(&mut s, TIME_PATTERN),
        FieldType::Number => {
            s.text("type", "number");
            // As `serde_json::Number::from_f64` keeps them: finite bounds only.
            if let Some(m) = f.min.filter(|m| m.is_finite()) {
                s.set("minimum", number(m));
            }
            if let Some(m) = f.max.filter(|m| m.is_finite()) {
                s.set("maximum", number(m));
            }
        }
        FieldType::Choice => {
            s.text("type", "string");
            if let Some(options) = &f.options {
                let labelled = options.iter().map(|o| {
                    let mut choice = Object::new();
                    choice.text("const", o).text("title", o);
                    choice.write()
                });
                s.set("oneOf", write::array(labelled));
            }
        }
        FieldType::CaseIds => pattern(&mut s, CASE_IDS_PATTERN),
        FieldType::Actions => rows(
            &mut s,
            "Action",
            &[
                ("action", "What needs to happen", non_blank),
                ("who", "Who will do it", non_blank),
                ("when", "By when", date),
            ],
            &["action", "who", "when"],
        ),
        FieldType::Children => rows(
            &mut s,
            "Child",
            &[("name", "Name", non_blank), ("dob", "Date of birth", date)],
            &["name"],
        ),
    }
    if always && matches!(f.kind, FieldType::Actions | FieldType::Children) {
        s.set("minItems", write::integer(1));
    }
    s.text("title", &f.label);
    if let Some(h) = &f.hint {
        s.text("description", h);
    }
    if extensions {
        s.text("x-field-type", field_type(f.kind));
    }
    s.write()
}

/// A bound as serde_json writes an `f64` (`1.0`, `0.5`, `1e+16`: its shortest round trip).
fn number(n: f64) -> String {
    serde_json::to_string(&n).unwrap_or_default()
}

/// What a cell's schema is made of.
type Cell<'a> = (&'a str, &'a str, fn(&mut Object));

/// An array of objects titled `title`, with these cells (key, title, schema) in this order,
/// the `required` ones required.
fn rows(s: &mut Object, title: &str, cells: &[Cell], required: &[&str]) {
    let cells: Vec<(&str, String)> = cells
        .iter()
        .map(|(key, title, schema)| {
            let mut cell = Object::new();
            schema(&mut cell);
            cell.text("title", title);
            (*key, cell.write())
        })
        .collect();
    let properties = write::ordered(cells.iter().map(|(k, v)| (*k, v.as_str())));
    let mut row = Object::new();
    row.text("type", "object")
        .text("title", title)
        .set("properties", properties)
        .set("required", write::strings(required.iter().copied()))
        .set("additionalProperties", "true".into());
    s.text("type", "array").set("items", row.write());
}

/// A non-empty string: what a required cell of an action or child row must hold.
fn non_blank(s: &mut Object) {
    pattern(s, "\\S");
}

/// A date, `YYYY-MM-DD`.
fn date(s: &mut Object) {
    pattern(s, DATE_PATTERN);
    s.text("format", "date");
}

/// A string matching `re`.
fn pattern(s: &mut Object, re: &str) {
    s.text("type", "string").text("pattern", re);
}
