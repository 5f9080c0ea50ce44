//! The schema written as JSON text with `properties` in the template's order: a
//! `serde_json::Map` sorts its keys (without serde_json's `preserve_order` feature, which
//! the crate leaves off), and a form library shows properties in the order it reads them.

use super::{json_schema_with, SchemaOptions};
use crate::policy::{Policy, Template};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};

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
pub fn json_schema_text(policy: &Policy, template: &Template, options: SchemaOptions) -> String {
    let schema = json_schema_with(policy, template, options);
    let fields: Vec<&str> = template.fields().map(|f| f.id.as_str()).collect();
    let ordered = InOrder {
        value: &schema,
        properties: &fields,
    };
    // Writing a `Value` to a string cannot fail: its keys are strings.
    serde_json::to_string(&ordered).unwrap_or_default()
}

/// The cells of action and children rows, in the document's order.
const CELLS: &[&str] = &["action", "who", "when", "name", "dob"];

/// A schema written with the keys of its `properties` in the order of `properties` (then
/// any others), and the schemas inside it with theirs in [`CELLS`]' order.
struct InOrder<'a> {
    value: &'a Value,
    properties: &'a [&'a str],
}

/// The `properties` object of a schema, its keys in `order`.
struct Properties<'a> {
    map: &'a Map<String, Value>,
    order: &'a [&'a str],
}

impl<'a> InOrder<'a> {
    fn nested(value: &'a Value) -> Self {
        InOrder {
            value,
            properties: CELLS,
        }
    }
}

impl Serialize for InOrder<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.value {
            Value::Object(m) => {
                let mut out = s.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    match v {
                        Value::Object(props) if k == "properties" => {
                            let order = self.properties;
                            out.serialize_entry(k, &Properties { map: props, order })?
                        }
                        _ => out.serialize_entry(k, &InOrder::nested(v))?,
                    }
                }
                out.end()
            }
            Value::Array(items) => {
                let mut out = s.serialize_seq(Some(items.len()))?;
                for v in items {
                    out.serialize_element(&InOrder::nested(v))?;
                }
                out.end()
            }
            other => other.serialize(s),
        }
    }
}

impl Serialize for Properties<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_map(Some(self.map.len()))?;
        let listed = self.order.iter().filter_map(|k| self.map.get_key_value(*k));
        let others = self
            .map
            .iter()
            .filter(|(k, _)| !self.order.contains(&k.as_str()));
        for (k, v) in listed.chain(others) {
            out.serialize_entry(k, &InOrder::nested(v))?;
        }
        out.end()
    }
}
