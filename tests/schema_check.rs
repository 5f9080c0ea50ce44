//! Every template's exported JSON Schema checked with a real JSON Schema validator (the
//! `jsonschema` crate, draft 2020-12, formats asserted): it is a valid 2020-12 schema, the
//! generated complete record is valid against it, and a value of the wrong type in any field
//! is not (issue 3, item 5).
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use serde_json::{json, Map, Value};
use supervision_rules::policy::{FieldType, Policy, Required, Template};
use supervision_rules::validate::{
    json_schema, json_schema_text, json_schema_with, Draft, Mode, SchemaOptions, EXTENSION_KEYWORDS,
};
use validate_support::*;

const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

fn compile(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("schema does not compile: {e}\n{schema:#}"))
}

/// The schema a draft is checked against: fields required only when finalised left out.
fn draft_schema(p: &Policy, t: &Template) -> Value {
    json_schema_with(
        p,
        t,
        SchemaOptions {
            mode: Mode::Draft,
            extensions: false,
            ..SchemaOptions::default()
        },
    )
}

/// The schema with the `x-` keywords.
fn extended_schema(p: &Policy, t: &Template, mode: Mode) -> Value {
    json_schema_with(
        p,
        t,
        SchemaOptions {
            mode,
            extensions: true,
            ..SchemaOptions::default()
        },
    )
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_schema_is_a_valid_2020_12_schema() {
    each_template(|p, t| {
        let schema = json_schema(p, t);
        assert_eq!(schema["$schema"], DIALECT, "{}/{}", p.id, t.id);
        if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
            panic!("{}/{}: not a valid 2020-12 schema: {e}", p.id, t.id);
        }
        assert!(jsonschema::meta::is_valid(&schema));
        compile(&schema);
        compile(&draft_schema(p, t));
        assert_eq!(schema["type"], "object");
        assert_eq!(schema["additionalProperties"], true);
        assert_eq!(schema["title"], t.title.as_str());
        assert!(
            schema.get("x-policy").is_none(),
            "standard keywords only by default"
        );
        let extended = extended_schema(p, t, Mode::Final);
        compile(&extended);
        assert_eq!(extended["x-policy"], p.id.as_str());
        assert_eq!(extended["x-template"], t.id.as_str());
    });
}

#[test]
fn properties_required_and_sections_follow_the_template() {
    each_template(|p, t| {
        let schema = extended_schema(p, t, Mode::Draft);
        let props = schema["properties"].as_object().expect("properties");
        assert_eq!(props.len(), t.fields().count(), "{}/{}", p.id, t.id);
        let ids = |r: Required| -> Vec<Value> {
            t.fields()
                .filter(|f| f.required == r)
                .map(|f| json!(f.id))
                .collect()
        };
        assert_eq!(
            schema["required"],
            json!(ids(Required::Always)),
            "{}/{}",
            p.id,
            t.id
        );
        assert_eq!(schema["x-required-final"], json!(ids(Required::Final)));
        let finalised: Vec<Value> = t
            .fields()
            .filter(|f| f.required != Required::No)
            .map(|f| json!(f.id))
            .collect();
        assert_eq!(
            json_schema(p, t)["required"],
            json!(finalised),
            "final by default"
        );
        let in_sections: Vec<Value> = schema["x-sections"]
            .as_array()
            .expect("sections")
            .iter()
            .flat_map(|s| s["fields"].as_array().cloned().unwrap_or_default())
            .collect();
        let in_order: Vec<Value> = t.fields().map(|f| json!(f.id)).collect();
        assert_eq!(in_sections, in_order, "document order");
        for f in t.fields() {
            let prop = &props[&f.id];
            assert_eq!(prop["title"], f.label.as_str());
            if let Some(h) = &f.hint {
                assert_eq!(prop["description"], h.as_str());
            }
            match f.kind {
                FieldType::Date => {
                    assert_eq!(prop["format"], "date");
                    assert_eq!(prop["pattern"], "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
                }
                FieldType::Choice => {
                    // Each option with its label, as a form shows it; no `enum` beside it.
                    let labelled: Vec<Value> = f
                        .options
                        .clone()
                        .expect("options")
                        .into_iter()
                        .map(|o| json!({ "const": o, "title": o }))
                        .collect();
                    assert_eq!(prop["oneOf"], json!(labelled));
                    assert!(prop.get("enum").is_none());
                }
                FieldType::Text => assert_eq!(prop["contentMediaType"], "text/plain"),
                FieldType::Number => {
                    assert_eq!(prop["type"], "number");
                    if let Some(m) = f.min {
                        assert_eq!(prop["minimum"].as_f64(), Some(m));
                    }
                    if let Some(m) = f.max {
                        assert_eq!(prop["maximum"].as_f64(), Some(m));
                    }
                }
                FieldType::Actions => {
                    assert_eq!(prop["items"]["required"], json!(["action", "who", "when"]))
                }
                FieldType::Children => assert_eq!(prop["items"]["required"], json!(["name"])),
                _ => assert!(prop.get("contentMediaType").is_none(), "one line: {}", f.id),
            }
        }
    });
}

/// Every `x-` keyword anywhere in a schema is one of [`EXTENSION_KEYWORDS`], so a strict
/// validator can be told about all of them.
#[test]
fn extension_keywords_are_all_declared() {
    fn walk(v: &Value, found: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    if k.starts_with("x-") {
                        found.push(k.clone());
                    }
                    // The values of `properties` are keyed by field id, not keywords.
                    if k != "x-sections" {
                        walk(v, found);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    each_template(|p, t| {
        let mut found = Vec::new();
        walk(&extended_schema(p, t, Mode::Final), &mut found);
        let mut standard = Vec::new();
        walk(&json_schema(p, t), &mut standard);
        walk(&draft_schema(p, t), &mut standard);
        assert_eq!(
            standard,
            Vec::<String>::new(),
            "{}/{}: only standard keywords",
            p.id,
            t.id
        );
        for k in found {
            assert!(
                EXTENSION_KEYWORDS.contains(&k.as_str()),
                "{}/{}: {k}",
                p.id,
                t.id
            );
        }
    });
}

#[test]
fn the_complete_record_is_valid_against_its_schema() {
    each_template(|p, t| {
        let schema = json_schema(p, t);
        let record = Value::Object(complete_record(t));
        for s in [
            schema.clone(),
            draft_schema(p, t),
            extended_schema(p, t, Mode::Final),
        ] {
            let v = compile(&s);
            assert!(
                v.is_valid(&record),
                "{}/{}: {:?}",
                p.id,
                t.id,
                errors(&v, &record)
            );
        }
        // A council's own extra fields are allowed.
        let mut extra = complete_record(t);
        extra.insert("councilOwnField".into(), json!({ "any": ["thing"] }));
        assert!(compile(&schema).is_valid(&Value::Object(extra)));
    });
}

/// Values of the wrong JSON type for a field.
fn wrong_types(kind: FieldType) -> Vec<Value> {
    let mut v = vec![json!(null), json!(true), json!({ "nested": { "deep": 1 } })];
    match kind {
        FieldType::Actions | FieldType::Children => v.extend([
            json!("text"),
            json!(42),
            json!([42]),
            json!(["text"]),
            json!([[]]),
        ]),
        FieldType::Number => v.extend([json!("90"), json!([90])]),
        _ => v.extend([json!(42), json!(["text"]), json!([{}])]),
    }
    v
}

fn with(t: &Template, id: &str, value: Value) -> Value {
    let mut r = complete_record(t);
    r.insert(id.to_string(), value);
    Value::Object(r)
}

#[test]
fn a_wrong_type_in_any_field_is_invalid_against_the_schema() {
    each_template(|p, t| {
        let v = compile(&json_schema(p, t));
        for f in t.fields() {
            for value in wrong_types(f.kind) {
                let record = with(t, &f.id, value.clone());
                assert!(
                    !v.is_valid(&record),
                    "{}/{}.{} = {value}: the schema accepts it",
                    p.id,
                    t.id,
                    f.id
                );
            }
        }
    });
}

/// The structural findings of `validate` are schema failures too: a record the schema
/// accepts (with the final requirements) has none of them in final mode, and each of these
/// bad values fails both.
#[test]
fn schema_and_validate_agree_on_structure() {
    each_template(|p, t| {
        let v = compile(&json_schema(p, t));
        let check_both = |record: &Value, what: &str| {
            let schema_ok = v.is_valid(record);
            let map: &Map<String, Value> = record.as_object().expect("object");
            let report = check(p, t, map, &final_options());
            assert!(
                !schema_ok,
                "{}/{} {what}: the schema accepts it",
                p.id, t.id
            );
            assert!(
                !report.valid,
                "{}/{} {what}: validate accepts it",
                p.id, t.id
            );
        };
        for f in t.fields() {
            let id = f.id.as_str();
            if f.required != Required::No {
                let mut r = complete_record(t);
                r.remove(id);
                check_both(&Value::Object(r), &format!("without {id}"));
            }
            let bad: Vec<Value> = match f.kind {
                FieldType::Date => vec![
                    json!("2026-02-30"),
                    json!("2 March 2026"),
                    json!("2026-3-2"),
                ],
                FieldType::Time => vec![json!("25:00"), json!("9:30"), json!("12:60")],
                FieldType::Choice => vec![json!("Not an option")],
                FieldType::CaseIds => vec![json!("Jane Smith"), json!("1234 (Jane)")],
                FieldType::Number => {
                    let mut b = vec![];
                    if let Some(m) = f.min {
                        b.push(json!(m - 1.0));
                    }
                    if let Some(m) = f.max {
                        b.push(json!(m + 1.0));
                    }
                    b
                }
                FieldType::Actions => vec![
                    json!([{ "action": "a", "who": "b" }]),
                    json!([{ "action": "a", "when": SESSION }]),
                    json!([{ "who": "b", "when": SESSION }]),
                    json!([{ "action": "a", "who": "b", "when": "2026-02-30" }]),
                    json!([{ "action": "", "who": "b", "when": SESSION }]),
                ],
                FieldType::Children => vec![
                    json!([{ "dob": "2015-01-01" }]),
                    json!([{ "name": "A", "dob": "2015-02-30" }]),
                ],
                _ => vec![],
            };
            for b in bad {
                check_both(&with(t, id, b.clone()), &format!("{id} = {b}"));
            }
        }
    });
}

#[test]
fn case_ids_pattern_matches_stockport_appendix_a() {
    let registry = supervision_rules::policy::Registry::with_builtins();
    let (p, t): (&Policy, &Template) = registry
        .template("stockport", "line-management-record")
        .expect("template");
    let v = compile(&json_schema(p, t));
    for (ids, ok) in [
        ("12345, AB-678", true),
        ("12345;67890 2024/001", true),
        ("Jane Smith", false),
        ("1234 (Jane)", false),
        ("12345 Jane", false),
    ] {
        assert_eq!(v.is_valid(&with(t, "caseIds", json!(ids))), ok, "{ids}");
    }
}

/// What a form builder sees first: for an empty record, the schema's `required` (final, the
/// default) names exactly the fields `validate` reports as required in final mode, and the
/// draft schema's exactly those it reports in draft mode.
#[test]
fn required_matches_validate_on_an_empty_record() {
    each_template(|p, t| {
        let empty = Map::new();
        for (schema, options) in [
            (json_schema(p, t), final_options()),
            (draft_schema(p, t), draft_options()),
        ] {
            let report = check(p, t, &empty, &options);
            let mut reported: Vec<Value> = report
                .errors
                .iter()
                .chain(&report.warnings)
                .filter(|f| f.code == "required")
                .map(|f| json!(f.path))
                .collect();
            reported.dedup();
            assert_eq!(schema["required"], json!(reported), "{}/{}", p.id, t.id);
        }
    });
}

/// The same schema with `draft: Draft07`: only `$schema` differs, it is a valid draft-07
/// schema, and a validator of draft-07 agrees with the 2020-12 one on the complete record
/// and on a record missing its required fields.
#[test]
fn draft_07_differs_only_in_its_dialect() {
    each_template(|p, t| {
        for mode in [Mode::Final, Mode::Draft] {
            let options = SchemaOptions {
                mode,
                draft: Draft::Draft07,
                ..SchemaOptions::default()
            };
            let old = json_schema_with(p, t, options);
            assert_eq!(old["$schema"], "http://json-schema.org/draft-07/schema#");
            if let Err(e) = jsonschema::draft7::meta::validate(&old) {
                panic!("{}/{}: not a valid draft-07 schema: {e}", p.id, t.id);
            }
            let mut new = json_schema_with(
                p,
                t,
                SchemaOptions {
                    draft: Draft::Draft2020_12,
                    ..options
                },
            );
            assert_eq!(new["$schema"], DIALECT);
            new["$schema"] = old["$schema"].clone();
            assert_eq!(old, new, "{}/{}: only $schema differs", p.id, t.id);
            let v = jsonschema::draft7::options()
                .should_validate_formats(true)
                .build(&old)
                .unwrap_or_else(|e| panic!("{}/{}: {e}", p.id, t.id));
            let complete = Value::Object(complete_record(t));
            assert!(v.is_valid(&complete), "{:?}", errors(&v, &complete));
            let empty = json!({});
            let required = old["required"].as_array().map_or(0, Vec::len);
            assert_eq!(v.is_valid(&empty), required == 0, "{}/{}", p.id, t.id);
            assert!(!v.is_valid(&with(t, &t.fields().next().expect("a field").id, json!(42))));
        }
    });
}

/// Every key of a JSON object as written, in order (a `serde_json::Value` would sort them).
struct Keys(Vec<(String, Box<serde_json::value::RawValue>)>);

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(entry) = m.next_entry()? {
                    keys.push(entry);
                }
                Ok(Keys(keys))
            }
        }
        d.deserialize_map(Visit)
    }
}

fn keys_of(text: &str) -> Keys {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn entry<'a>(k: &'a Keys, key: &str) -> &'a str {
    k.0.iter()
        .find(|(name, _)| name == key)
        .map(|(_, raw)| raw.get())
        .unwrap_or_else(|| panic!("no {key}"))
}

/// `json_schema_text` writes `properties` in the template's order (section by section), and
/// a row's cells in the document's (`action`, `who`, `when`; `name`, `dob`); read back it is
/// the same schema as `json_schema_with`.
#[test]
fn properties_are_written_in_the_template_order() {
    each_template(|p, t| {
        let options = SchemaOptions {
            extensions: true,
            ..SchemaOptions::default()
        };
        let text = json_schema_text(p, t, options);
        let value: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(value, json_schema_with(p, t, options), "{}/{}", p.id, t.id);
        let top = keys_of(&text);
        let props = keys_of(entry(&top, "properties"));
        let written: Vec<&str> = props.0.iter().map(|(k, _)| k.as_str()).collect();
        let template: Vec<&str> = t.fields().map(|f| f.id.as_str()).collect();
        assert_eq!(written, template, "{}/{}", p.id, t.id);
        for f in t.fields() {
            let cells: &[&str] = match f.kind {
                FieldType::Actions => &["action", "who", "when"],
                FieldType::Children => &["name", "dob"],
                _ => continue,
            };
            let prop = keys_of(entry(&props, &f.id));
            let items = keys_of(entry(&prop, "items"));
            let row = keys_of(entry(&items, "properties"));
            let written: Vec<&str> = row.0.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(written, cells, "{}/{}.{}", p.id, t.id, f.id);
        }
    });
    // Havering's case supervision record (Appendix A): the header, then 1. THE PURPOSE,
    // 2. THE PLAN, 3. THE FOCUS, 4. NON-NEGOTIABLES, as the appendix has them.
    let registry = supervision_rules::policy::Registry::with_builtins();
    let (p, t) = registry
        .template("havering", "case-supervision-record")
        .expect("template");
    let text = json_schema_text(p, t, SchemaOptions::default());
    let at = |id: &str| text.find(&format!("\"{id}\":{{")).expect(id);
    assert!(at("purpose") < at("plan") && at("plan") < at("focus"));
    assert!(at("focus") < at("nonNegotiables"));
}
