//! `jsonSchema(policyId, templateId)` through the JS boundary, run in Node by
//! `wasm-pack test --node`: a plain JS object, and a thrown `Error` with a code for an
//! unknown template.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use supervision_rules::wasm as api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property")
}

#[wasm_bindgen_test]
fn json_schema_is_a_plain_object() {
    let s = api::json_schema(
        "havering".into(),
        "personal-supervision".into(),
        JsValue::UNDEFINED,
    )
    .expect("schema");
    assert!(s.is_object());
    assert_eq!(
        get(&s, "$schema").as_string().as_deref(),
        Some("https://json-schema.org/draft/2020-12/schema")
    );
    let props = get(&s, "properties");
    let date = get(&props, "date");
    assert_eq!(get(&date, "format").as_string().as_deref(), Some("date"));
    let required: Array = get(&s, "required").dyn_into().expect("array");
    assert!(required
        .iter()
        .any(|v| v.as_string().as_deref() == Some("date")));
    // Final mode by default: a signature is required; no x- keywords without extensions.
    assert!(get(&s, "x-required-final").is_undefined());
    let finals = required;
    assert!(finals
        .iter()
        .any(|v| v.as_string().as_deref() == Some("supervisorSignature")));
}

#[wasm_bindgen_test]
fn json_schema_of_an_unknown_template_throws() {
    let e = api::json_schema(
        "havering".into(),
        "no-such-template".into(),
        JsValue::UNDEFINED,
    )
    .expect_err("unknown");
    let err: &js_sys::Error = e.dyn_ref().expect("a JS Error");
    assert_eq!(
        get(&e, "code").as_string().as_deref(),
        Some("unknown-template")
    );
    assert!(!String::from(err.message()).is_empty());
    let e = api::json_schema(JsValue::from_f64(1.0), "x".into(), JsValue::UNDEFINED)
        .expect_err("not a string");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("bad-argument"));
    // The module keeps answering.
    assert!(api::json_schema("stockport".into(), "pdr".into(), JsValue::UNDEFINED).is_ok());
}

/// The object's keys in the order JavaScript sees them.
fn keys(v: &JsValue) -> Vec<String> {
    js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect()
}

#[wasm_bindgen_test]
fn properties_reach_javascript_in_the_template_order() {
    let s = api::json_schema(
        "havering".into(),
        "case-supervision-record".into(),
        JsValue::UNDEFINED,
    )
    .expect("schema");
    let props = keys(&get(&s, "properties"));
    // Appendix A: 1. THE PURPOSE, 2. THE PLAN, 3. THE FOCUS, 4. NON-NEGOTIABLES, in turn.
    let at = |id: &str| props.iter().position(|k| k == id).expect(id);
    assert!(at("purpose") < at("plan") && at("plan") < at("focus"));
    assert!(at("focus") < at("nonNegotiables"));
    let actions = get(&get(&get(&s, "properties"), "actions"), "items");
    assert_eq!(
        keys(&get(&actions, "properties")),
        ["action", "who", "when"]
    );
}

#[wasm_bindgen_test]
fn draft_07_is_asked_for_by_name() {
    let options = js_sys::JSON::parse(r#"{"draft":"draft-07"}"#).expect("options");
    let s = api::json_schema("havering".into(), "personal-supervision".into(), options)
        .expect("schema");
    assert_eq!(
        get(&s, "$schema").as_string().as_deref(),
        Some("http://json-schema.org/draft-07/schema#")
    );
    let options = js_sys::JSON::parse(r#"{"draft":"07"}"#).expect("options");
    let e = api::json_schema("havering".into(), "personal-supervision".into(), options)
        .expect_err("not a dialect");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("bad-argument"));
    let message = String::from(e.dyn_ref::<js_sys::Error>().expect("Error").message());
    assert!(message.contains("options.draft"), "{message}");
}
