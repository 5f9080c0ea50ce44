//! The JS boundary, run in Node by `wasm-pack test --node`: values convert both ways, a bad
//! argument throws a JS `Error` with a clear message and a `code`, and the module keeps
//! answering afterwards.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use supervision_rules::wasm as api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property")
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// The thrown value is a real JS `Error`; returns its message and code.
fn thrown(e: JsValue) -> (String, String) {
    let err: &js_sys::Error = e.dyn_ref().expect("a JS Error");
    (
        String::from(err.message()),
        get(&e, "code").as_string().unwrap_or_default(),
    )
}

#[wasm_bindgen_test]
fn policies_lists_the_five() {
    let list: Array = api::policies()
        .expect("policies")
        .dyn_into()
        .expect("array");
    assert_eq!(list.length(), 5);
    let ids: Vec<String> = list
        .iter()
        .map(|p| get(&p, "id").as_string().expect("id"))
        .collect();
    assert!(ids.contains(&"havering".to_string()));
}

#[wasm_bindgen_test]
fn issue_examples_hold_through_the_boundary() {
    let worker = js(
        r#"{"id":"w1","role":"nqsw","started":"2026-01-05","asye":"2026-01-05",
        "sessions":[{"date":"2026-01-12","type":"one-to-one"}]}"#,
    );
    let sched =
        api::schedule(s("havering"), worker, js(r#"{"asOf":"2026-01-14"}"#)).expect("schedule");
    let obligations: Array = get(&sched, "obligations").dyn_into().expect("array");
    let hit = obligations.iter().any(|o| {
        get(&o, "kind").as_string().as_deref() == Some("supervision")
            && get(&o, "due").as_string().as_deref() == Some("2026-01-19")
    });
    assert!(hit, "a supervision obligation due 2026-01-19");
    let d = api::add_working_days(s("2026-12-24"), JsValue::from_f64(2.0), JsValue::UNDEFINED)
        .expect("date");
    assert_eq!(d, "2026-12-30");
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_and_the_module_keeps_working() {
    let (msg, code) = thrown(api::policy(s("no-such-council")).expect_err("unknown policy"));
    assert_eq!(code, "unknown-policy");
    assert!(msg.contains("policies()"), "{msg}");

    let (msg, code) =
        thrown(api::template(s("havering"), s("nope")).expect_err("unknown template"));
    assert_eq!(code, "unknown-template");
    assert!(msg.contains("havering"), "{msg}");

    let (msg, code) = thrown(
        api::add_working_days(s("2026-02-30"), JsValue::from_f64(1.0), JsValue::UNDEFINED)
            .expect_err("impossible date"),
    );
    assert_eq!(code, "bad-argument");
    assert!(msg.contains("date") && !msg.contains("2026-02-30"), "{msg}");

    let (_, code) = thrown(
        api::validate(JsValue::from_f64(3.0), s("x"), js("{}"), JsValue::UNDEFINED)
            .expect_err("number id"),
    );
    assert_eq!(code, "bad-argument");

    let (msg, _) = thrown(
        api::schedule(
            s("havering"),
            js(r#"{"id":"w","role":"social-worker","started":"Jane Smith"}"#),
            js(r#"{"asOf":"2026-01-01"}"#),
        )
        .expect_err("bad worker date"),
    );
    assert!(
        msg.contains("worker.started") && !msg.contains("Jane"),
        "{msg}"
    );

    // Still answering, and answering correctly.
    let report = api::validate(
        s("havering"),
        s("case-supervision-record"),
        js("{}"),
        js(r#"{"mode":"draft"}"#),
    )
    .expect("validate");
    assert_eq!(get(&report, "valid").as_bool(), Some(true));
    let d = api::add_working_days(s("2026-12-24"), JsValue::from_f64(2.0), JsValue::UNDEFINED)
        .expect("date");
    assert_eq!(d, "2026-12-30");
}

#[wasm_bindgen_test]
fn invalid_policy_lists_problems_and_registers_nothing() {
    let err = api::register_policy(js(r#"{"format":1,"id":"broken","authority":"A","title":"T","document":"d.txt",
        "roles":[{"id":"social-worker","label":"SW","source":"d.txt 1"}],
        "rules":[{"id":"r","kind":"cadence","obligation":"supervision","counts":["one-to-one"],"every":"-3 weeks","source":"d.txt 2"},
                 {"id":"q","kind":"teleport","source":"d.txt 3"}]}"#))
    .expect_err("broken policy");
    let problems: Array = get(&err, "problems").dyn_into().expect("problems array");
    assert!(problems.length() >= 2);
    let paths: Vec<String> = problems
        .iter()
        .map(|p| get(&p, "path").as_string().unwrap_or_default())
        .collect();
    assert!(paths.iter().any(|p| p == "rules[0].every"), "{paths:?}");
    assert!(paths.iter().any(|p| p == "rules[1].kind"), "{paths:?}");
    assert!(api::policy(s("broken")).is_err(), "nothing registered");
    assert!(api::policy(s("havering")).is_ok());
}
