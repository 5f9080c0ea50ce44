//! The bad-input table (docs/bad-inputs.md), through the JS boundary in Node: each row gets
//! its stated outcome — a finding, or a JS `Error` with a clear message — within its stated
//! bound, and the module still answers correctly afterwards.
//!
//! The time bounds are hang guards (a call that loops or goes quadratic on hostile input),
//! set far above the expected time; speed itself is measured in `make bench`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
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

fn now() -> f64 {
    js_sys::Date::now()
}

/// Runs `f`, asserts it finished within `bound_ms`, returns its result.
fn within<T>(bound_ms: f64, what: &str, f: impl FnOnce() -> T) -> T {
    let t = now();
    let out = f();
    let took = now() - t;
    assert!(
        took < bound_ms,
        "{what} took {took} ms (bound {bound_ms} ms)"
    );
    out
}

/// A thrown JS Error: its code and message.
fn error(e: JsValue) -> (String, String) {
    let err: &js_sys::Error = e.dyn_ref().expect("a JS Error, not another value");
    (
        get(&e, "code").as_string().unwrap_or_default(),
        String::from(err.message()),
    )
}

/// The module still gives the right answers.
fn still_answers() {
    assert_eq!(
        api::add_working_days(s("2026-12-24"), JsValue::from_f64(2.0), JsValue::UNDEFINED)
            .expect("date"),
        "2026-12-30"
    );
    let r = api::validate(
        s("havering"),
        s("case-supervision-record"),
        js("{}"),
        js(r#"{"mode":"final"}"#),
    )
    .expect("validate");
    assert_eq!(get(&r, "valid").as_bool(), Some(false));
}

const WORKER: &str = r#"{"id":"w","role":"social-worker","started":"2025-01-06"}"#;
const ASOF: &str = r#"{"asOf":"2026-03-02"}"#;

#[wasm_bindgen_test]
fn unknown_ids_throw() {
    within(2_000.0, "unknown ids", || {
        let (code, msg) = error(api::policy(s("atlantis")).expect_err("unknown policy"));
        assert_eq!(code, "unknown-policy", "{msg}");
        let (code, _) =
            error(api::template(s("havering"), s("atlantis")).expect_err("unknown template"));
        assert_eq!(code, "unknown-template");
        let (code, _) =
            error(api::schedule(s("atlantis"), js(WORKER), js(ASOF)).expect_err("unknown"));
        assert_eq!(code, "unknown-policy");
        let (code, msg) = error(
            api::schedule(
                s("havering"),
                js(r#"{"id":"w","role":"wizard","started":"2025-01-06"}"#),
                js(ASOF),
            )
            .expect_err("unknown role"),
        );
        assert_eq!(code, "bad-argument");
        assert!(
            msg.contains("worker.role") && msg.contains("social-worker"),
            "{msg}"
        );
        still_answers();
    });
}

#[wasm_bindgen_test]
fn null_undefined_and_wrong_types_for_every_argument() {
    within(2_000.0, "null, undefined and wrong types", || {
        let bad_values = [
            JsValue::NULL,
            JsValue::UNDEFINED,
            JsValue::from_f64(1.0),
            JsValue::TRUE,
            Array::new().into(),
            Object::new().into(),
        ];
        for v in &bad_values {
            assert!(api::policy(v.clone()).is_err());
            assert!(api::template(v.clone(), s("x")).is_err());
            assert!(api::template(s("havering"), v.clone()).is_err());
            assert!(api::validate(
                v.clone(),
                s("case-supervision-record"),
                js("{}"),
                JsValue::UNDEFINED
            )
            .is_err());
            assert!(api::schedule(s("havering"), v.clone(), js(ASOF)).is_err());
            assert!(api::schedule(s("havering"), js(WORKER), v.clone()).is_err());
            assert!(
                api::add_working_days(v.clone(), JsValue::from_f64(1.0), JsValue::UNDEFINED)
                    .is_err()
            );
            if !v.is_object() {
                assert!(api::register_policy(v.clone()).is_err());
            }
        }
        // A record that is not an object is a bad argument; options may be left out.
        for v in [
            JsValue::NULL,
            JsValue::from_f64(1.0),
            s("text"),
            Array::new().into(),
        ] {
            let (code, _) = error(
                api::validate(
                    s("havering"),
                    s("case-supervision-record"),
                    v,
                    JsValue::UNDEFINED,
                )
                .expect_err("record"),
            );
            assert_eq!(code, "bad-argument");
        }
        assert!(api::validate(
            s("havering"),
            s("case-supervision-record"),
            js("{}"),
            JsValue::NULL
        )
        .is_ok());
        let (_, msg) = error(
            api::validate(
                s("havering"),
                s("case-supervision-record"),
                js("{}"),
                js(r#"{"mode":"maybe"}"#),
            )
            .expect_err("mode"),
        );
        assert!(msg.contains("options.mode"), "{msg}");
        assert!(api::add_working_days(
            s("2026-01-01"),
            JsValue::from_f64(-1.0),
            JsValue::UNDEFINED
        )
        .is_err());
        assert!(
            api::add_working_days(s("2026-01-01"), JsValue::from_f64(1.5), JsValue::UNDEFINED)
                .is_err()
        );
        assert!(api::add_working_days(
            s("2026-01-01"),
            JsValue::from_f64(f64::NAN),
            JsValue::UNDEFINED
        )
        .is_err());
        assert!(api::bank_holidays(JsValue::from_f64(f64::INFINITY)).is_err());
        assert!(api::bank_holidays(s("2026")).is_err());
        still_answers();
    });
}

#[wasm_bindgen_test]
fn impossible_and_out_of_range_dates() {
    within(2_000.0, "impossible and out-of-range dates", || {
        for d in [
            "0000-01-01",
            "2026-02-29",
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026-1-1",
            "",
            "2026-01-01T00:00",
        ] {
            let (code, msg) = error(
                api::add_working_days(s(d), JsValue::from_f64(1.0), JsValue::UNDEFINED)
                    .expect_err(d),
            );
            assert_eq!(code, "bad-argument", "{d}: {msg}");
            assert!(
                d.is_empty() || !msg.contains(d),
                "the message repeats the input: {msg}"
            );
        }
        // The far end of the range: an answer or a clear error, never an abort.
        match api::add_working_days(s("9999-12-31"), JsValue::from_f64(5.0), JsValue::UNDEFINED) {
            Ok(d) => panic!("a date past 9999-12-31: {d}"),
            Err(e) => assert_eq!(error(e).0, "date-out-of-range"),
        }
        let w = js(r#"{"id":"w","role":"social-worker","started":"9999-12-01",
        "sessions":[{"date":"9999-12-30","type":"one-to-one"}],"agreement":{"signed":"9999-12-31"}}"#);
        let r = api::schedule(s("havering"), w, js(r#"{"asOf":"9999-12-31"}"#));
        if let Err(e) = r {
            assert_eq!(error(e).0, "date-out-of-range");
        }
        // In a record, an impossible date is a finding.
        let r = api::validate(
            s("havering"),
            s("case-supervision-record"),
            js(r#"{"date":"2026-02-30"}"#),
            JsValue::UNDEFINED,
        )
        .expect("report");
        let errors: Array = get(&r, "errors").dyn_into().expect("errors");
        assert!(errors
            .iter()
            .any(|f| get(&f, "path").as_string().as_deref() == Some("date")
                && get(&f, "code").as_string().as_deref() == Some("invalid-date")));
        still_answers();
    });
}

#[wasm_bindgen_test]
fn histories_out_of_order_with_duplicates() {
    within(2_000.0, "histories out of order", || {
        let w = js(
            r#"{"id":"w","role":"social-worker","started":"2025-01-06","sessions":[
        {"date":"2026-02-02","type":"one-to-one"},{"date":"2025-11-03","type":"one-to-one"},
        {"date":"2026-02-02","type":"one-to-one"},{"date":"2025-12-01","type":"one-to-one"}]}"#,
        );
        let sorted = js(
            r#"{"id":"w","role":"social-worker","started":"2025-01-06","sessions":[
        {"date":"2025-11-03","type":"one-to-one"},{"date":"2025-12-01","type":"one-to-one"},
        {"date":"2026-02-02","type":"one-to-one"}]}"#,
        );
        let a = api::schedule(s("havering"), w, js(ASOF)).expect("schedule");
        let b = api::schedule(s("havering"), sorted, js(ASOF)).expect("schedule");
        // The same obligations (write-ups aside, which count sessions as given).
        let due = |x: &JsValue| -> Vec<String> {
            let list: Array = get(x, "obligations").dyn_into().expect("array");
            list.iter()
                .filter(|o| get(o, "kind").as_string().as_deref() != Some("write-up"))
                .map(|o| {
                    format!(
                        "{}:{}",
                        get(&o, "kind").as_string().unwrap_or_default(),
                        get(&o, "due").as_string().unwrap_or_default()
                    )
                })
                .collect()
        };
        assert_eq!(due(&a), due(&b));
        still_answers();
    });
}

#[wasm_bindgen_test]
fn a_ten_megabyte_text_field() {
    let big = "x".repeat(10 * 1024 * 1024);
    let record = Object::new();
    Reflect::set(&record, &"purpose".into(), &s(&big)).expect("set");
    Reflect::set(&record, &"date".into(), &s("2026-02-30")).expect("set");
    let r = within(5_000.0, "validate with a 10 MB field", || {
        api::validate(
            s("havering"),
            s("case-supervision-record"),
            record.into(),
            JsValue::UNDEFINED,
        )
        .expect("report")
    });
    assert_eq!(get(&r, "valid").as_bool(), Some(false));
    let text = JSON::stringify(&r)
        .expect("json")
        .as_string()
        .unwrap_or_default();
    assert!(!text.contains("xxxxxxxx"), "the report repeats record text");
    still_answers();
}

#[wasm_bindgen_test]
fn a_hundred_thousand_sessions() {
    let sessions = Array::new();
    for i in 0..100_000u32 {
        // Daily sessions from 1 Jan 1970, as ISO dates.
        let (y, m, day) = civil(i);
        let o = Object::new();
        Reflect::set(&o, &"date".into(), &s(&format!("{y:04}-{m:02}-{day:02}"))).expect("set");
        Reflect::set(
            &o,
            &"type".into(),
            &s(if i % 3 == 0 { "case" } else { "one-to-one" }),
        )
        .expect("set");
        Reflect::set(
            &o,
            &"recorded".into(),
            &s(&format!("{y:04}-{m:02}-{day:02}")),
        )
        .expect("set");
        sessions.push(&o);
    }
    let w = Object::new();
    Reflect::set(&w, &"id".into(), &s("w")).expect("set");
    Reflect::set(&w, &"role".into(), &s("social-worker")).expect("set");
    Reflect::set(&w, &"started".into(), &s("1970-01-01")).expect("set");
    Reflect::set(&w, &"sessions".into(), &sessions).expect("set");
    let r = within(10_000.0, "schedule with 100,000 sessions", || {
        api::schedule(s("havering"), w.into(), js(r#"{"asOf":"2243-10-17"}"#))
    });
    assert!(r.is_ok(), "an answer, not an error");
    still_answers();
}

/// Days since 1970-01-01 → (year, month, day), for building big histories without chrono.
fn civil(days: u32) -> (i64, u32, u32) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[wasm_bindgen_test]
fn a_deeply_nested_object() {
    let mut text = String::new();
    for _ in 0..10_000 {
        text.push_str("{\"a\":");
    }
    text.push('1');
    for _ in 0..10_000 {
        text.push('}');
    }
    let deep = js(&text);
    let record = Object::new();
    Reflect::set(&record, &"purpose".into(), &deep).expect("set");
    let (code, msg) = within(2_000.0, "a 10,000-level record", || {
        error(
            api::validate(
                s("havering"),
                s("case-supervision-record"),
                record.into(),
                JsValue::UNDEFINED,
            )
            .expect_err("too deep"),
        )
    });
    assert_eq!(code, "bad-argument");
    assert!(msg.contains("nested"), "{msg}");
    let (code, _) = error(api::register_policy(deep.clone()).expect_err("deep policy"));
    assert!(code == "bad-argument" || code == "invalid-policy");
    let (code, _) = error(api::register_policy(s(&text)).expect_err("deep policy text"));
    assert_eq!(code, "invalid-policy");
    still_answers();
}

#[wasm_bindgen_test]
fn a_policy_with_a_cycle_or_absurd_numbers() {
    let base = r#"{"format":1,"id":"odd","authority":"A","title":"T","document":"d.txt",
        "roles":[{"id":"social-worker","label":"SW","source":"d.txt 1"}],"rules":RULES}"#;
    for rules in [
        r#"[{"id":"a","kind":"cadence","obligation":"supervision","counts":["one-to-one"],"every":"1 month","overrides":["b"],"source":"d.txt"},
            {"id":"b","kind":"cadence","obligation":"supervision","counts":["one-to-one"],"every":"1 month","overrides":["a"],"source":"d.txt"}]"#,
        r#"[{"id":"a","kind":"cadence","obligation":"supervision","counts":["one-to-one"],"every":"99999999 years","source":"d.txt"}]"#,
        r#"[{"id":"a","kind":"min-count","counts":["one-to-one"],"count":1e300,"window":"12 months","source":"d.txt"}]"#,
        r#"[{"id":"a","kind":"cadence","obligation":"supervision","counts":["one-to-one"],"every":"-3 weeks","source":"d.txt"}]"#,
    ] {
        let (code, _) = within(1_000.0, "registering a broken policy", || {
            error(api::register_policy(js(&base.replace("RULES", rules))).expect_err(rules))
        });
        assert_eq!(code, "invalid-policy", "{rules}");
    }
    // The largest allowed interval works and answers within bounds.
    let ok = base.replace("RULES", r#"[{"id":"a","kind":"cadence","obligation":"supervision","counts":["one-to-one"],"every":"1000 years","source":"d.txt"}]"#);
    api::register_policy(js(&ok)).expect("a large but valid interval");
    let r = within(2_000.0, "a 1000-year cadence", || {
        api::schedule(s("odd"), js(WORKER), js(ASOF))
    });
    assert!(r.is_ok());
    still_answers();
}

#[wasm_bindgen_test]
fn prototype_polluting_keys() {
    within(2_000.0, "prototype-polluting keys", || {
        let record = js(
            r#"{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"date":"2026-01-05"}"#,
        );
        let r = api::validate(
            s("havering"),
            s("case-supervision-record"),
            record,
            JsValue::UNDEFINED,
        )
        .expect("report");
        assert!(get(&r, "valid").is_truthy() || get(&r, "valid").as_bool() == Some(false));
        let probe = Object::new();
        assert!(
            get(&probe.into(), "polluted").is_undefined(),
            "Object.prototype was polluted"
        );
        let p = js(
            r#"{"__proto__":{"id":"x"},"format":1,"id":"proto","authority":"A","title":"T","document":"d",
        "roles":[{"id":"social-worker","label":"SW","source":"d 1"}]}"#,
        );
        // An unknown top-level key is a problem, not a silent merge.
        assert!(api::register_policy(p).is_err());
        let probe = Object::new();
        assert!(get(&probe.into(), "id").is_undefined());
        still_answers();
    });
}
