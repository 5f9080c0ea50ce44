//! Findings never carry what was typed: records hold children's personal data (issue 5: "No
//! finding's message contains any text from the record"). Distinctive strings go into every
//! field, action cell, child's name and unknown key; no message, path or source may contain
//! them, and a path is only ever a field id with a row index and a cell name.
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use supervision_rules::policy::{FieldType, Policy, Template};
use supervision_rules::validate::{validate, ValidationReport};
use validate_support::*;

const SECRET: &str = "ZQXJ-Secret-Name-Ω";
/// Fragments of [`SECRET`] that must not appear either, in any case.
const FRAGMENTS: &[&str] = &["zqxj", "secret", "Ω"];

/// A path is a template field id, optionally `[row]`, optionally `.cell`.
fn path_is_structural(t: &Template, path: &str) -> bool {
    let (id, rest) = match path.find('[') {
        Some(i) => path.split_at(i),
        None => (path, ""),
    };
    if t.field(id).is_none() {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('[') else {
        return false;
    };
    let Some((index, cell)) = rest.split_once(']') else {
        return false;
    };
    index.chars().all(|c| c.is_ascii_digit())
        && !index.is_empty()
        && matches!(cell, "" | ".action" | ".who" | ".when" | ".name" | ".dob")
}

fn assert_private(p: &Policy, t: &Template, r: &ValidationReport, what: &str) {
    for f in findings(r) {
        for text in [&f.message, &f.path, &f.source] {
            let lower = text.to_lowercase();
            for frag in FRAGMENTS {
                assert!(
                    !lower.contains(&frag.to_lowercase()),
                    "{}/{} ({what}): a finding repeats the record: {f:?}",
                    p.id,
                    t.id
                );
            }
        }
        assert!(
            path_is_structural(t, &f.path),
            "{}/{} ({what}): path {:?} is not a field id",
            p.id,
            t.id,
            f.path
        );
    }
}

/// The secret in every shape a field could be given.
fn secret_values(kind: FieldType) -> Vec<Value> {
    let s = SECRET;
    let mut v = vec![
        json!(s),
        json!(format!("{s} 12345")),
        json!(format!("12345, {s}")),
        json!(s.repeat(50)),
        json!([s]),
        json!({ s: s }),
        json!({ "nested": [s, { s: [s] }] }),
    ];
    match kind {
        FieldType::Actions => {
            v.push(
                json!([{ "action": s, "who": s, "when": s }, { "action": s }, s, [s], { s: s }]),
            );
            v.push(json!([{ "action": s, "who": s, "when": "2026-02-30" }]));
            v.push(json!([{ "action": { s: s }, "who": [s], "when": { "date": s } }]));
        }
        FieldType::Children => {
            v.push(json!([{ "name": s, "dob": s }, { "dob": s }, s, { s: s }]));
            v.push(json!([{ "name": [s], "dob": { s: s } }]));
        }
        _ => {}
    }
    v
}

#[test]
fn no_finding_repeats_what_was_typed_in_any_field() {
    each_template(|p, t| {
        // Every field at once, in each shape.
        for shape in 0..secret_values(FieldType::Text).len() {
            let mut record = Map::new();
            for f in t.fields() {
                let values = secret_values(f.kind);
                record.insert(f.id.clone(), values[shape % values.len()].clone());
            }
            record.insert(SECRET.into(), json!(SECRET));
            for o in [final_options(), draft_options()] {
                let r = check(p, t, &record, &o);
                assert_private(p, t, &r, &format!("all fields, shape {shape}"));
            }
        }
        // One field at a time, in a complete record, so each finding stands alone.
        for f in t.fields() {
            for v in secret_values(f.kind) {
                let mut record = complete_record(t);
                record.insert(f.id.clone(), v.clone());
                let r = check(p, t, &record, &final_options());
                assert_private(p, t, &r, &format!("{} = {v}", f.id));
            }
        }
    });
}

#[test]
fn no_finding_repeats_a_secret_inside_an_otherwise_valid_value() {
    // A valid record whose free text is the secret: no findings at all.
    each_template(|p, t| {
        let mut record = complete_record(t);
        for f in t.fields() {
            let v = match f.kind {
                FieldType::Text | FieldType::Person | FieldType::Signature => json!(SECRET),
                FieldType::Actions => {
                    json!([{ "action": SECRET, "who": SECRET, "when": SESSION }])
                }
                FieldType::Children => json!([{ "name": SECRET, "dob": "2015-01-01" }]),
                _ => continue,
            };
            record.insert(f.id.clone(), v);
        }
        let r = check(p, t, &record, &final_options());
        assert!(
            r.valid && findings(&r).is_empty(),
            "{}/{}: {:?}",
            p.id,
            t.id,
            codes(&r)
        );
    });
}

/// Any JSON value, with the secret in its text and keys.
fn any_json() -> impl Strategy<Value = Value> {
    let text = prop::sample::select(vec![
        SECRET.to_string(),
        format!("{SECRET} 12345"),
        "2026-02-30".into(),
        "2026-03-02".into(),
        "25:00".into(),
        "10:00".into(),
        "12345, AB-678".into(),
        "90".into(),
        String::new(),
        "  ".into(),
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        text.prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 5, |inner| {
        let key = prop::sample::select(vec!["action", "who", "when", "name", "dob", SECRET]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..5).prop_map(|m| {
                Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever a record holds, validation answers with findings: never a failure, never
    /// a finding that repeats the record, never a path that is not the template's.
    #[test]
    fn any_record_gives_findings_only(values in prop::collection::vec(any_json(), 40), draft in any::<bool>()) {
        let o = if draft { draft_options() } else { final_options() };
        each_template(|p, t| {
            let mut record = Map::new();
            for (f, v) in t.fields().zip(values.iter().cycle()) {
                record.insert(f.id.clone(), v.clone());
            }
            record.insert(SECRET.into(), values[0].clone());
            let r = validate(p, t, &Value::Object(record), &o).expect("findings, not an error");
            assert_private(p, t, &r, "proptest");
            if draft {
                assert!(r.valid && r.errors.is_empty());
            }
        });
    }
}
