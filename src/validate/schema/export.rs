//! A template as JSON Schema (draft 2020-12, or draft-07 for the tools that default to it),
//! for form builders and tools that already speak it: the structural part of the template —
//! which keys, of which types and formats, which are required — not the cross-field rules,
//! which only [`validate`](crate::validate) checks.

use crate::schedule::Rulebook;
use crate::validate::Mode;
use crate::validate::{Field, FieldType, Required, Template};
use serde_json::{Map, Value};

/// The dialect a schema declares (`$schema`), and the one its keywords are written for.
///
/// The keywords used are the same in both (`const` and `contentMediaType` are draft-07's
/// already); only `$schema` differs. Draft-07 is for validators that know only it, as Ajv's
/// default class and react-jsonschema-form's default validator do: given a 2020-12 schema
/// they answer `no schema with key or ref "https://json-schema.org/draft/2020-12/schema"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Draft {
    /// `https://json-schema.org/draft/2020-12/schema` (the default).
    #[default]
    Draft2020_12,
    /// `http://json-schema.org/draft-07/schema#`.
    Draft07,
}

impl Draft {
    /// The `$schema` URI of the dialect.
    pub fn uri(self) -> &'static str {
        match self {
            Draft::Draft2020_12 => "https://json-schema.org/draft/2020-12/schema",
            Draft::Draft07 => "http://json-schema.org/draft-07/schema#",
        }
    }
}

/// The keywords a schema exported with `extensions: true` adds to the standard ones, all
/// prefixed `x-`. A validator ignores them; one that refuses unknown keywords (Ajv in strict
/// mode) is told about them first: `ajv.addVocabulary(EXTENSION_KEYWORDS)`.
///
/// - `x-policy`, `x-template`: the ids the schema was made from;
/// - `x-session-date`: the id of the field holding the session date, when there is one;
/// - `x-required-final`: the fields required only when the record is finalised;
/// - `x-sections`: `[{id, title, fields}]`, the document's sections and the ids of their
///   fields, in the document's order (JSON Schema has no keyword for a group of properties);
/// - `x-field-type`: on each property, the template's field type (`person`, `signature`,
///   `case-ids`, …), which JSON types alone do not tell apart.
pub const EXTENSION_KEYWORDS: &[&str] = &[
    "x-policy",
    "x-template",
    "x-session-date",
    "x-required-final",
    "x-sections",
    "x-field-type",
];

/// `YYYY-MM-DD`. Whether the date is real (not 30 February) is `format: date`'s part, which
/// a validator asserts only when asked to; [`validate`](crate::validate) always does.
pub(super) const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// `HH:MM`, 24-hour, `00:00` to `23:59`.
pub(super) const TIME_PATTERN: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

/// Case IDs only, separated by commas, semicolons or white space: each ID has a digit and only
/// letters, digits, `-` and `/`. (The length limit of one ID, which
/// [`case_ids_only`](crate::validate::case_ids_only) also checks, is not expressed.) The
/// letters before an ID's first digit cannot be digits, so the pattern never backtracks.
pub(super) const CASE_IDS_PATTERN: &str =
    r"^[,;\s]*[A-Za-z/-]*[0-9][A-Za-z0-9/-]*([,;\s]+[A-Za-z/-]*[0-9][A-Za-z0-9/-]*)*[,;\s]*$";

/// The record of `template` as JSON Schema, draft 2020-12.
///
/// The schema is an object schema with a property per field, in the template's order
/// (section by section, as [`json_schema_text`] writes it: a `serde_json::Value` keeps its
/// keys sorted unless serde_json's `preserve_order` feature is on), titled with the field's
/// label and described by its hint, and:
///
/// - **types and formats**: text, person and signature are strings; free text (`text`)
///   also has `contentMediaType: "text/plain"`, the mark of a multi-line answer (render it
///   as a text area), which one-line strings (names, signatures, case IDs) do not have; a
///   date is a string with `format: "date"` and the pattern `YYYY-MM-DD`; a time a string
///   `HH:MM` (a pattern, no format: JSON Schema's `time` needs seconds and an offset); a
///   number a JSON number within the field's `min`/`max`; a choice one of its options, as
///   `oneOf: [{const, title}]` (the title is the label a form shows); case IDs a string of
///   IDs, each with a digit and only letters, digits, `-` and `/`; actions an array of
///   `{action, who, when}` and children an array of `{name, dob}`, each row with its
///   required cells, in that order.
/// - **`required`** lists the fields [`validate`](crate::validate) requires in the options'
///   mode: in `final` (the default, as `validate`'s) the fields with `required: true` and
///   those with `required: "final"` (signatures, say); in `draft` only those with
///   `required: true`. A required text field must hold a non-blank string (`pattern: "\\S"`), a
///   required list at least one row, as [`validate`](crate::validate) treats blank text and
///   empty lists as missing.
/// - **`additionalProperties: true`**: councils add their own fields.
///
/// Where the schema is stricter than [`validate`](crate::validate): an empty optional field
/// should be left out rather than sent as `null` or `""`; a number must be a JSON number
/// (`validate` also takes a numeric string from a form control); dates and times have no
/// surrounding spaces. What only `validate` checks: real calendar dates when a validator does
/// not assert formats, and every template rule (dates in the future or the wrong way round,
/// the cadence, the session length).
///
/// Only standard keywords, so a validator in strict mode (Ajv) loads it as it is; with
/// `extensions: true` the schema also carries the keywords in [`EXTENSION_KEYWORDS`], which
/// such a validator must be told about first.
///
/// # Examples
/// ```
/// use supervision_rules::policy::Registry;
/// use supervision_rules::validate::{json_schema, json_schema_with, Mode, SchemaOptions};
/// let registry = Registry::with_builtins();
/// let (policy, template) = registry.template("havering", "personal-supervision")?;
/// let schema = json_schema(policy, template);
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["properties"]["date"]["title"], "Date of this Supervision");
/// assert_eq!(schema["properties"]["date"]["format"], "date");
/// let required = schema["required"].as_array().unwrap();
/// assert!(required.contains(&"date".into()));
/// assert!(required.contains(&"supervisorSignature".into()));
/// let options = SchemaOptions { mode: Mode::Draft, extensions: true, ..Default::default() };
/// let draft = json_schema_with(policy, template, options);
/// assert!(!draft["required"].as_array().unwrap().contains(&"supervisorSignature".into()));
/// assert!(draft["x-required-final"].as_array().unwrap().contains(&"supervisorSignature".into()));
/// # Ok::<(), supervision_rules::Error>(())
/// ```
pub fn json_schema<P: Rulebook + ?Sized>(policy: &P, template: &Template) -> Value {
    json_schema_with(policy, template, SchemaOptions::default())
}

/// How [`json_schema_with`] writes a schema.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SchemaOptions {
    /// Which fields `required` lists: those `validate` requires in this mode (default
    /// `Final`, as `validate`'s).
    pub mode: Mode,
    /// Adds the keywords in [`EXTENSION_KEYWORDS`] (default false).
    pub extensions: bool,
    /// The dialect (default 2020-12).
    pub draft: Draft,
}

impl SchemaOptions {
    /// Reads `{mode?, extensions?, draft?}` (`null`/`undefined` = defaults); `draft` is
    /// `"2020-12"` or `"draft-07"`.
    ///
    /// # Errors
    /// [`Error::BadArgument`](crate::Error) naming the option.
    pub fn from_json(v: &Value) -> crate::error::Result<Self> {
        Self::read(v)
    }

    /// [`SchemaOptions::from_json`] over either kind of value (the JS boundary reads its
    /// options borrowed, with no `serde_json::Value`).
    pub(crate) fn read<V: crate::input::Input>(v: &V) -> crate::error::Result<Self> {
        if v.null() {
            return Ok(Self::default());
        }
        let o = crate::input::object(v, "options")?;
        let mode = match o.get("mode").map(|v| v.text()) {
            None => Mode::Final,
            Some(Some("final")) => Mode::Final,
            Some(Some("draft")) => Mode::Draft,
            Some(_) => {
                return Err(crate::Error::bad_argument(
                    "options.mode",
                    "\"draft\" or \"final\"",
                ))
            }
        };
        let extensions = match o.get("extensions").map(|v| v.boolean()) {
            None => false,
            Some(Some(b)) => b,
            Some(None) => {
                return Err(crate::Error::bad_argument(
                    "options.extensions",
                    "true or false",
                ))
            }
        };
        let draft = match o.get("draft").map(|v| v.text()) {
            None => Draft::Draft2020_12,
            Some(Some("2020-12")) => Draft::Draft2020_12,
            Some(Some("draft-07")) => Draft::Draft07,
            Some(_) => {
                return Err(crate::Error::bad_argument(
                    "options.draft",
                    "\"2020-12\" or \"draft-07\"",
                ))
            }
        };
        Ok(SchemaOptions {
            mode,
            extensions,
            draft,
        })
    }
}

/// The record of `template` as JSON Schema, written as `options` say (see [`json_schema`]).
pub fn json_schema_with<P: Rulebook + ?Sized>(
    policy: &P,
    template: &Template,
    options: SchemaOptions,
) -> Value {
    schema_with(policy.id(), policy.authority(), template, options)
}

/// [`json_schema_with`] for the policy `id` of `authority`: one function whatever holds it.
fn schema_with(id: &str, authority: &str, template: &Template, options: SchemaOptions) -> Value {
    let finalised = options.mode == Mode::Final;
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut required_final = Vec::new();
    let mut sections = Vec::new();
    for s in &template.sections {
        let mut ids = Vec::new();
        for f in &s.fields {
            let id = Value::from(f.id.as_str());
            let is_required = match f.required {
                Required::Always => true,
                Required::Final => {
                    required_final.push(id.clone());
                    finalised
                }
                Required::No => false,
            };
            if is_required {
                required.push(id.clone());
            }
            properties.insert(
                f.id.clone(),
                field_schema(f, is_required, options.extensions),
            );
            ids.push(id);
        }
        sections.push(object(vec![
            ("id", s.id.as_str().into()),
            ("title", s.title.as_str().into()),
            ("fields", ids.into()),
        ]));
    }
    let description = description(authority, template, finalised, !required_final.is_empty());
    let mut schema = Map::new();
    schema.insert("$schema".into(), options.draft.uri().into());
    schema.insert("title".into(), template.title.as_str().into());
    schema.insert("description".into(), description.into());
    schema.insert("type".into(), "object".into());
    schema.insert("properties".into(), Value::Object(properties));
    schema.insert("required".into(), Value::Array(required));
    schema.insert("additionalProperties".into(), true.into());
    if options.extensions {
        schema.insert("x-policy".into(), id.into());
        schema.insert("x-template".into(), template.id.as_str().into());
        if let Some(sd) = &template.session_date {
            schema.insert("x-session-date".into(), sd.as_str().into());
        }
        schema.insert("x-required-final".into(), Value::Array(required_final));
        schema.insert("x-sections".into(), Value::Array(sections));
    }
    Value::Object(schema)
}

/// The schema's `description`: whose template it is, and in which mode `required` lists.
pub(super) fn description(
    authority: &str,
    template: &Template,
    finalised: bool,
    any_required_final: bool,
) -> String {
    let mut description = format!(
        "{}: {} ({}). A record of this template, keyed by field id, as {} it.",
        authority,
        template.title,
        template.source,
        if finalised {
            "finalised"
        } else {
            "a draft saves"
        }
    );
    if !finalised && any_required_final {
        description.push_str(" Some fields are required too when the record is finalised.");
    }
    description
}

/// A non-empty string: what a required cell of an action or child row must hold.
fn non_blank() -> Value {
    pattern("\\S")
}

fn date() -> Value {
    let mut d = pattern(DATE_PATTERN);
    set(&mut d, "format", "date".into());
    d
}

fn field_schema(f: &Field, always: bool, extensions: bool) -> Value {
    let mut s = match f.kind {
        FieldType::Text | FieldType::Person | FieldType::Signature => {
            let mut text = if always { non_blank() } else { string() };
            if f.kind == FieldType::Text {
                set(&mut text, "contentMediaType", "text/plain".into());
            }
            text
        }
        FieldType::Date => date(),
        FieldType::Time => pattern(TIME_PATTERN),
        FieldType::Number => {
            let mut n = object(vec![("type", "number".into())]);
            if let Some(m) = f.min.and_then(serde_json::Number::from_f64) {
                set(&mut n, "minimum", Value::Number(m));
            }
            if let Some(m) = f.max.and_then(serde_json::Number::from_f64) {
                set(&mut n, "maximum", Value::Number(m));
            }
            n
        }
        FieldType::Choice => match &f.options {
            Some(options) => {
                let labelled: Vec<Value> = options
                    .iter()
                    .map(|o| {
                        object(vec![
                            ("const", o.as_str().into()),
                            ("title", o.as_str().into()),
                        ])
                    })
                    .collect();
                let mut choice = string();
                set(&mut choice, "oneOf", labelled.into());
                choice
            }
            None => string(),
        },
        FieldType::CaseIds => pattern(CASE_IDS_PATTERN),
        FieldType::Actions => action_rows(),
        FieldType::Children => child_rows(),
    };
    if always && matches!(f.kind, FieldType::Actions | FieldType::Children) {
        set(&mut s, "minItems", 1.into());
    }
    set(&mut s, "title", f.label.as_str().into());
    if let Some(h) = &f.hint {
        set(&mut s, "description", h.as_str().into());
    }
    if extensions {
        set(&mut s, "x-field-type", field_type(f.kind).into());
    }
    s
}

/// An actions table: rows of what needs to happen, who will do it and by when.
fn action_rows() -> Value {
    rows(
        "Action",
        vec![
            ("action", titled("What needs to happen", non_blank())),
            ("who", titled("Who will do it", non_blank())),
            ("when", titled("By when", date())),
        ],
        vec!["action", "who", "when"],
    )
}

/// A children table: rows of a name and a date of birth.
fn child_rows() -> Value {
    rows(
        "Child",
        vec![
            ("name", titled("Name", non_blank())),
            ("dob", titled("Date of birth", date())),
        ],
        vec!["name"],
    )
}

/// An array of objects titled `title`, with these cells, the `required` ones required.
fn rows(title: &str, cells: Vec<(&str, Value)>, required: Vec<&str>) -> Value {
    let row = object(vec![
        ("type", "object".into()),
        ("title", title.into()),
        ("properties", object(cells)),
        ("required", required.into()),
        ("additionalProperties", true.into()),
    ]);
    object(vec![("type", "array".into()), ("items", row)])
}

/// A schema with a title.
fn titled(title: &str, mut schema: Value) -> Value {
    set(&mut schema, "title", title.into());
    schema
}

/// A string.
fn string() -> Value {
    object(vec![("type", "string".into())])
}

/// A string matching `re`.
fn pattern(re: &str) -> Value {
    let mut s = string();
    set(&mut s, "pattern", re.into());
    s
}

/// An object of these keys and values. (Written out rather than with `json!`, whose
/// expansion is several times larger in the `.wasm`: the schema is in every entry point.)
fn object(entries: Vec<(&str, Value)>) -> Value {
    let mut m = Map::new();
    for (k, v) in entries {
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}

/// Sets a key of a schema object (every schema built here is one).
fn set(schema: &mut Value, key: &str, value: Value) {
    if let Value::Object(m) = schema {
        m.insert(key.to_string(), value);
    }
}

/// The field type as the policy data writes it.
pub(super) fn field_type(kind: FieldType) -> &'static str {
    match kind {
        FieldType::Text => "text",
        FieldType::Date => "date",
        FieldType::Time => "time",
        FieldType::Person => "person",
        FieldType::Signature => "signature",
        FieldType::CaseIds => "case-ids",
        FieldType::Actions => "actions",
        FieldType::Choice => "choice",
        FieldType::Number => "number",
        FieldType::Children => "children",
    }
}
