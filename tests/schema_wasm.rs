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
