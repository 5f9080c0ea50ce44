//! `json_schema_text` writes the schema as text by hand (issue 20: no `serde_json::Value`
//! in the `.wasm`); here it is held to what serde_json writes of `json_schema_with`'s value
//! with `properties` in the template's order (the way the text was written before), byte
//! for byte: every built-in template in every option, and templates whose labels, hints,
//! options and bounds are any text and any number.
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use proptest::prelude::*;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};
use supervision_rules::policy::{FieldType, Policy, Registry, Required, Template};
use supervision_rules::validate::{json_schema_text, json_schema_with, Draft, Mode, SchemaOptions};
use validate_support::each_template;

/// The text as serde_json writes the schema's value, `properties` in the template's order.
fn by_serde_json(p: &Policy, t: &Template, options: SchemaOptions) -> String {
    let schema = json_schema_with(p, t, options);
    let fields: Vec<&str> = t.fields().map(|f| f.id.as_str()).collect();
    serde_json::to_string(&InOrder {
        value: &schema,
        properties: &fields,
    })
    .unwrap()
}

/// The cells of action and children rows, in the document's order.
const CELLS: &[&str] = &["action", "who", "when", "name", "dob"];

/// A value written with the keys of its `properties` in the order of `properties` (then any
/// others), and the values inside it with theirs in [`CELLS`]' order; every other object's
/// keys sorted, as a `serde_json::Map` keeps them.
struct InOrder<'a> {
    value: &'a Value,
    properties: &'a [&'a str],
}

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

/// Every combination of the options.
fn all_options() -> Vec<SchemaOptions> {
    let mut all = Vec::new();
    for mode in [Mode::Final, Mode::Draft] {
        for extensions in [false, true] {
            for draft in [Draft::Draft2020_12, Draft::Draft07] {
                all.push(SchemaOptions {
                    mode,
                    extensions,
                    draft,
                });
            }
        }
    }
    all
}

#[test]
fn every_built_in_template_in_every_option_as_serde_json_writes_it() {
    let mut n = 0;
    each_template(|p, t| {
        for options in all_options() {
            assert_eq!(
                json_schema_text(p, t, options),
                by_serde_json(p, t, options),
                "{} {} {options:?}",
                p.id,
                t.id
            );
            n += 1;
        }
    });
    assert!(n >= 19 * 8);
}

#[test]
fn the_text_is_json_of_the_schema_value() {
    // Parsed back, the text is the value (the order aside, which a `Value` does not keep).
    each_template(|p, t| {
        for options in all_options() {
            let text = json_schema_text(p, t, options);
            let parsed: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(parsed, json_schema_with(p, t, options));
        }
    });
}

/// The built-in template with the most field types, and a field of every type added to it
/// (with the first field's label and hint).
fn every_kind() -> (std::sync::Arc<Policy>, Template) {
    let registry = Registry::with_builtins();
    let mut base: Option<(std::sync::Arc<Policy>, Template)> = None;
    for p in registry.all() {
        for t in &p.templates {
            let kinds = |t: &Template| {
                let mut k: Vec<FieldType> = t.fields().map(|f| f.kind).collect();
                k.sort_by_key(|k| format!("{k:?}"));
                k.dedup();
                k.len()
            };
            if base.as_ref().is_none_or(|(_, b)| kinds(t) > kinds(b)) {
                base = Some((p.clone(), t.clone()));
            }
        }
    }
    let (p, mut t) = base.unwrap();
    let first = t.fields().next().unwrap().clone();
    for (i, kind) in [
        FieldType::Text,
        FieldType::Date,
        FieldType::Time,
        FieldType::Person,
        FieldType::Signature,
        FieldType::CaseIds,
        FieldType::Actions,
        FieldType::Choice,
        FieldType::Number,
        FieldType::Children,
    ]
    .into_iter()
    .enumerate()
    {
        let mut f = first.clone();
        f.id = format!("added{i}");
        f.kind = kind;
        t.sections.last_mut().unwrap().fields.push(f);
    }
    (p, t)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Labels, hints, options and bounds of any text and any number, every field required or
    /// not, written as serde_json writes them.
    #[test]
    fn any_labels_hints_options_and_bounds_as_serde_json_writes_them(
        labels in proptest::collection::vec(any::<String>(), 64),
        hints in proptest::collection::vec(proptest::option::of(any::<String>()), 64),
        options in proptest::collection::vec(
            proptest::option::of(proptest::collection::vec("[\\x00-\\x7f\"\\\\é😀]{0,8}", 0..4)),
            64,
        ),
        bounds in proptest::collection::vec(
            (proptest::option::of(any::<f64>()), proptest::option::of(-1e6f64..1e6)),
            64,
        ),
        required in proptest::collection::vec(0u8..3, 64),
        title in any::<String>(),
        section_title in any::<String>(),
        session_date in proptest::option::of("[a-z\"]{1,6}"),
    ) {
        let (p, mut t) = every_kind();
        t.title = title;
        t.session_date = session_date;
        t.sections[0].title = section_title;
        let mut i = 0;
        for s in &mut t.sections {
            for f in &mut s.fields {
                let at = i % 64;
                f.label = labels[at].clone();
                f.hint = hints[at].clone();
                f.options = options[at].clone();
                (f.min, f.max) = bounds[at];
                f.required = [Required::No, Required::Always, Required::Final][usize::from(required[at])];
                i += 1;
            }
        }
        for o in all_options() {
            prop_assert_eq!(json_schema_text(&p, &t, o), by_serde_json(&p, &t, o));
        }
    }
}

#[test]
fn bounds_written_as_serde_json_writes_them() {
    // serde_json writes an f64 as its shortest round trip: an integer with `.0`, and from
    // 1e16 on in exponent form with the exponent's sign (`1e+16`); a non-finite bound is
    // left out, as `serde_json::Number::from_f64` gives none.
    let (p, mut t) = every_kind();
    let n = t
        .sections
        .iter_mut()
        .flat_map(|s| s.fields.iter_mut())
        .find(|f| f.kind == FieldType::Number)
        .unwrap();
    n.id = "n".into();
    n.hint = None;
    n.min = Some(-0.5);
    n.max = Some(1e16);
    let text = json_schema_text(&p, &t, SchemaOptions::default());
    assert!(
        text.contains(r#""n":{"maximum":1e+16,"minimum":-0.5,"#),
        "{text}"
    );
    n_bounds(&mut t, Some(f64::NAN), Some(3.0));
    let text = json_schema_text(&p, &t, SchemaOptions::default());
    assert!(text.contains(r#""n":{"maximum":3.0,"title":"#), "{text}");
}

fn n_bounds(t: &mut Template, min: Option<f64>, max: Option<f64>) {
    for s in &mut t.sections {
        for f in &mut s.fields {
            if f.id == "n" {
                (f.min, f.max) = (min, max);
            }
        }
    }
}
