//! Field types, one rule for all (issue 13 item 2): what each field type accepts and what
//! counts as blank, the table in docs/finding-codes.md ("Field types: values and blanks"),
//! tested cell by cell. Blank (missing, `null`, "" or whitespace) is `required` for every
//! type; a value of the wrong JSON type is `invalid-type` for every type, an array for a
//! text field included.
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use serde_json::{json, Value};
use supervision_rules::policy::Registry;
use validate_support::*;

/// A policy whose one template has a required field of each type, ids as the type names.
fn policy() -> Registry {
    let types = [
        "text",
        "person",
        "signature",
        "date",
        "time",
        "number",
        "choice",
        "case-ids",
        "actions",
        "children",
    ];
    let fields: Vec<Value> = types
        .iter()
        .map(|t| {
            let mut f = json!({ "id": t, "label": t, "type": t, "required": true });
            if *t == "choice" {
                f["options"] = json!(["yes", "no"]);
            }
            f
        })
        .collect();
    let mut r = Registry::with_builtins();
    r.register(json!({
        "format": 1, "id": "types", "authority": "A", "title": "T", "document": "d.txt",
        "roles": [{ "id": "social-worker", "label": "Social worker", "source": "d.txt 1" }],
        "rules": [],
        "templates": [{ "id": "t", "title": "T", "source": "d.txt A", "sections": [
            { "id": "s", "title": "S", "fields": fields }
        ] }]
    }))
    .expect("policy with every field type");
    r
}

/// The code a field of type `id` gets for `value` (`None`: missing), or "ok".
fn code_for(r: &Registry, id: &str, value: Option<Value>) -> String {
    let (p, t) = r.template("types", "t").expect("template");
    let mut record = serde_json::Map::new();
    if let Some(v) = value {
        record.insert(id.to_string(), v);
    }
    let report = check(p, t, &record, &final_options());
    let mine: Vec<&str> = findings(&report)
        .iter()
        .filter(|f| f.path == id || f.path.starts_with(&format!("{id}[")))
        .map(|f| f.code.as_str())
        .collect();
    mine.first().map_or("ok".to_string(), |c| c.to_string())
}

#[test]
fn every_field_type_by_every_kind_of_value() {
    let r = policy();
    let good = |t: &str| match t {
        "date" => json!("2026-01-05"),
        "time" => json!("09:30"),
        "number" => json!(3),
        "choice" => json!("yes"),
        "case-ids" => json!("12345"),
        "actions" => json!([{ "action": "Book review", "who": "SW", "when": "2026-01-06" }]),
        "children" => json!([{ "name": "A" }]),
        _ => json!("Some text"),
    };
    // (value, code for text/person/signature/date/time/choice/case-ids, for number,
    //  for actions/children)
    let blank = "required";
    let wrong = "invalid-type";
    let table: [(Option<Value>, &str, &str, &str); 10] = [
        (None, blank, blank, blank),
        (Some(Value::Null), blank, blank, blank),
        (Some(json!("")), blank, blank, blank),
        (Some(json!("  \n")), blank, blank, blank),
        // An array is a list of rows: blank for a table, the wrong type elsewhere.
        (Some(json!([])), wrong, wrong, blank),
        (Some(json!(["", null])), wrong, wrong, blank),
        (Some(json!({})), wrong, wrong, wrong),
        (Some(json!({ "a": "x" })), wrong, wrong, wrong),
        (Some(json!(true)), wrong, wrong, wrong),
        // A number is a number's value; numeric text is accepted for a number too.
        (Some(json!(7)), wrong, "ok", wrong),
    ];
    for t in [
        "text",
        "person",
        "signature",
        "date",
        "time",
        "number",
        "choice",
        "case-ids",
        "actions",
        "children",
    ] {
        assert_eq!(code_for(&r, t, Some(good(t))), "ok", "{t}: a good value");
        for (value, scalar, number, table_field) in &table {
            let expected = match t {
                "number" => number,
                "actions" | "children" => table_field,
                _ => scalar,
            };
            assert_eq!(
                code_for(&r, t, value.clone()),
                *expected,
                "{t} given {value:?}"
            );
        }
    }
}
