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

mod checker;
mod field;
mod name;
mod options;
mod place;
mod record;
pub(crate) mod rules;
mod schema;
mod table;
mod template;

pub use crate::code::Code;
pub use field::{case_ids_only, MAX_CASE_ID_LEN};
pub use options::{Mode, ValidateOptions, ValidationReport};
pub use record::validate;
#[cfg(target_arch = "wasm32")]
pub(crate) use record::validate_read;
pub use schema::{
    json_schema, json_schema_text, json_schema_with, Draft, SchemaOptions, EXTENSION_KEYWORDS,
};
pub use template::{Field, FieldMessages, FieldType, Required, Section, Template, TemplateRule};

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub(crate) use checker::subject;
pub(crate) use checker::{is_empty, Checker};
pub(crate) use field::number;
pub(crate) use place::Place;
