//! Hostile input through the JS boundary (issue 25, docs/bad-inputs.md "Limits" and
//! "Nonsense refused"): arrays and array-likes far over a limit, values that would be
//! converted to nothing (`NaN`), ids a megabyte long, nonsense. Each gets a `bad-argument`
//! (or `invalid-policy`) error naming the path and the limit, never the value, within a
//! hang guard; and after each, every exported function of the core and authoring builds
//! still answers (`every_function_answers`) — a trap would make every later call throw
//! "unreachable".
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use supervision_rules::wasm as api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property")
}

fn set(o: &JsValue, key: &str, v: &JsValue) {
    Reflect::set(o, &key.into(), v).expect("set");
}

const WORKER: &str = r#"{"id":"w","role":"social-worker","started":"2025-01-06"}"#;
const ASOF: &str = r#"{"asOf":"2026-03-02"}"#;
const TEAM: &str = r#"{"id":"t","started":"2025-01-06"}"#;

/// `{length: n}`: an array-like that claims `n` elements.
fn array_like(n: f64) -> JsValue {
    let o: JsValue = Object::new().into();
    set(&o, "length", &JsValue::from_f64(n));
    o
}

/// `new Array(n)`: holes only, but `JSON.stringify` writes each as `null`.
fn holes(n: u32) -> JsValue {
    Array::new_with_length(n).into()
}

/// `base` (JSON) with `value` at `key`.
fn with(base: &str, key: &str, value: &JsValue) -> JsValue {
    let o = js(base);
    set(&o, key, value);
    o
}

/// Runs `call`, which must throw a JS Error with `code` whose message contains each of
/// `names` (the path, the limit) and not `not` (the value); within 5 s (a hang guard: each
/// takes milliseconds); then checks that every function still answers.
fn refused(
    what: &str,
    code: &str,
    names: &[&str],
    call: impl FnOnce() -> Result<JsValue, JsValue>,
) {
    let t = js_sys::Date::now();
    let e = call().expect_err(what);
    let took = js_sys::Date::now() - t;
    assert!(took < 5_000.0, "{what}: took {took} ms");
    let err: &js_sys::Error = e.dyn_ref().expect("a JS Error");
    let message = String::from(err.message());
    assert_eq!(
        get(&e, "code").as_string().as_deref(),
        Some(code),
        "{what}: {message}"
    );
    for name in names {
        assert!(
            message.contains(name),
            "{what}: {message} should name {name}"
        );
    }
    assert!(
        !message.contains("SECRET"),
        "{what}: {message} repeats the value"
    );
    every_function_answers(what);
}

fn ok<T>(r: Result<T, JsValue>, what: &str, after: &str) -> T {
    r.unwrap_or_else(|e| panic!("after {after}: {what} failed: {e:?}"))
}

/// Every export of the core and authoring builds gives its usual answer.
fn every_function_answers(after: &str) {
    let list = ok(api::policies(), "policies", after);
    assert!(Array::from(&list).length() >= 5, "after {after}: policies");
    ok(api::policy(s("havering")), "policy", after);
    ok(
        api::template(s("havering"), s("case-supervision-record")),
        "template",
        after,
    );
    let r = ok(
        api::validate(
            s("havering"),
            s("case-supervision-record"),
            js("{}"),
            JsValue::UNDEFINED,
        ),
        "validate",
        after,
    );
    assert_eq!(get(&r, "valid").as_bool(), Some(false), "after {after}");
    ok(
        api::schedule(s("havering"), js(WORKER), js(ASOF)),
        "schedule",
        after,
    );
    let workers = js(&format!("[{WORKER}]"));
    ok(
        api::schedule_many(s("havering"), workers, js(ASOF)),
        "scheduleMany",
        after,
    );
    ok(
        api::schedule_team(s("havering"), js(TEAM), js(ASOF)),
        "scheduleTeam",
        after,
    );
    let d = ok(
        api::add_working_days(s("2026-12-24"), JsValue::from_f64(2.0), JsValue::UNDEFINED),
        "addWorkingDays",
        after,
    );
    assert_eq!(d, "2026-12-30", "after {after}");
    assert_eq!(
        ok(
            api::bank_holidays(JsValue::from_f64(2026.0)),
            "bankHolidays",
            after
        )
        .len(),
        8
    );
    assert_eq!(
        ok(api::parse_date_js(s("2026-02-28")), "parseDate", after),
        "2026-02-28"
    );
    assert!(
        api::load_bank_holidays(s("{}")).is_err(),
        "after {after}: loadBankHolidays"
    );
    assert!(
        api::load_policy(s("{}")).is_err(),
        "after {after}: loadPolicy"
    );
    ok(
        api::json_schema(
            s("havering"),
            s("case-supervision-record"),
            JsValue::UNDEFINED,
        ),
        "jsonSchema",
        after,
    );
    let problems = ok(api::check_policy(s("{}")), "checkPolicy", after);
    assert!(
        Array::from(&problems).length() > 0,
        "after {after}: checkPolicy"
    );
    assert!(
        api::register_policy(js("{}")).is_err(),
        "after {after}: registerPolicy"
    );
    assert!(
        api::compile_policy(js("{}")).is_err(),
        "after {after}: compilePolicy"
    );
}

#[wasm_bindgen_test]
fn arrays_and_array_likes_over_a_limit_are_refused_on_their_length() {
    for (name, big) in [
        ("{length: 1e9}", array_like(1e9)),
        ("new Array(1e8)", holes(100_000_000)),
        ("new Array(4294967295)", holes(u32::MAX)),
    ] {
        let at = |path: &str| format!("{name} as {path}");
        refused(
            &at("worker.sessions"),
            "bad-argument",
            &["worker.sessions", "100000"],
            || api::schedule(s("havering"), with(WORKER, "sessions", &big), js(ASOF)),
        );
        refused(
            &at("workers"),
            "bad-argument",
            &["workers", "(the limit)"],
            || api::schedule_many(s("havering"), big.clone(), js(ASOF)),
        );
        let record = with("{}", "actions", &big);
        refused(
            &at("record.actions"),
            "bad-argument",
            &["record.actions", "100000"],
            || {
                api::validate(
                    s("havering"),
                    s("case-supervision-record"),
                    record,
                    JsValue::UNDEFINED,
                )
            },
        );
        refused(
            &at("options.closures"),
            "bad-argument",
            &["options.closures", "100000"],
            || api::schedule(s("havering"), js(WORKER), with(ASOF, "closures", &big)),
        );
        refused(
            &at("closures"),
            "bad-argument",
            &["closures", "100000"],
            || {
                api::add_working_days(s("2026-01-05"), JsValue::from_f64(1.0), big.clone())
                    .map(JsValue::from)
            },
        );
        refused(
            &at("team.groupSessions"),
            "bad-argument",
            &["team.groupSessions"],
            || api::schedule_team(s("havering"), with(TEAM, "groupSessions", &big), js(ASOF)),
        );
        refused(
            &at("policy.rules"),
            "bad-argument",
            &["policy.rules", "100000"],
            || api::register_policy(with(r#"{"id":"x"}"#, "rules", &big)),
        );
    }
    // Nested deeper: the path names each step.
    let cases = js(r#"[{"id":"c","allocated":"2025-01-06"}]"#);
    set(
        &cases.dyn_ref::<Array>().expect("array").get(0),
        "events",
        &holes(1 << 30),
    );
    refused(
        "events of a case",
        "bad-argument",
        &["worker.cases[0].events"],
        || api::schedule(s("havering"), with(WORKER, "cases", &cases), js(ASOF)),
    );
}

#[wasm_bindgen_test]
fn each_kind_has_its_own_limit_under_the_general_one() {
    // 10,001 cases: under the general limit of one array, over the caseload's.
    let cases = Array::new();
    for i in 0..10_001 {
        cases.push(&js(&format!(r#"{{"id":"c{i}","allocated":"2025-01-06"}}"#)));
    }
    refused(
        "10,001 cases",
        "bad-argument",
        &["worker.cases", "10000 cases"],
        || api::schedule(s("havering"), with(WORKER, "cases", &cases), js(ASOF)),
    );
    let changes = holes(10_001);
    refused(
        "10,001 changes",
        "bad-argument",
        &["worker.changes", "10000 changes"],
        || api::schedule(s("havering"), with(WORKER, "changes", &changes), js(ASOF)),
    );
    refused(
        "20,001 workers",
        "bad-argument",
        &["workers", "20000 workers"],
        || api::schedule_many(s("havering"), holes(20_001), js(ASOF)),
    );
    let record = with("{}", "actions", &holes(10_001));
    refused(
        "10,001 action rows",
        "bad-argument",
        &["record.actions", "10000 rows"],
        || {
            api::validate(
                s("havering"),
                s("case-supervision-record"),
                record,
                JsValue::UNDEFINED,
            )
        },
    );
    let policy = with(r#"{"id":"x"}"#, "rules", &holes(2_001));
    refused(
        "2,001 rules",
        "bad-argument",
        &["policy.rules", "2000 rules"],
        || api::register_policy(policy),
    );
    let policy = with(r#"{"id":"x"}"#, "templates", &holes(201));
    refused(
        "201 templates",
        "bad-argument",
        &["policy.templates", "200 templates"],
        || api::register_policy(policy),
    );
}

#[wasm_bindgen_test]
fn long_ids_and_long_text_are_refused_on_their_length() {
    let long = format!("SECRET{}", "x".repeat(1_000_000));
    // A 1 MB worker id with 5,000 urgent requests: the id is repeated in every result.
    let requests = Array::new();
    for _ in 0..5_000 {
        requests.push(&js(r#"{"date":"2026-01-05","urgent":true}"#));
    }
    let worker = with(WORKER, "id", &s(&long));
    set(&worker, "requests", &requests);
    refused(
        "a 1 MB worker id",
        "bad-argument",
        &["worker.id", "1000 characters"],
        || api::schedule(s("havering"), worker, js(ASOF)),
    );
    let cases = js(r#"[{"allocated":"2025-01-06"}]"#);
    set(
        &cases.dyn_ref::<Array>().expect("array").get(0),
        "id",
        &s(&long),
    );
    refused(
        "a 1 MB case id",
        "bad-argument",
        &["worker.cases[0].id", "1000"],
        || api::schedule(s("havering"), with(WORKER, "cases", &cases), js(ASOF)),
    );
    refused(
        "a 1 MB policy id",
        "bad-argument",
        &["policyId", "1000"],
        || api::schedule(s(&long), js(WORKER), js(ASOF)),
    );
    refused(
        "a 1 MB template id",
        "bad-argument",
        &["templateId", "1000"],
        || api::template(s("havering"), s(&long)),
    );
    // 70 million characters of record text: over the input limit, refused on the length of
    // the JSON text before it is copied into the module.
    let huge = js_sys::JsString::from("SECRET").repeat(12_000_000);
    let record = with("{}", "purpose", &huge);
    refused(
        "70 MB of record text",
        "bad-argument",
        &["record", "characters"],
        || {
            api::validate(
                s("havering"),
                s("case-supervision-record"),
                record,
                JsValue::UNDEFINED,
            )
        },
    );
    refused(
        "70 MB of policy text",
        "bad-argument",
        &["policy", "characters"],
        || api::register_policy(huge.clone().into()),
    );
    refused(
        "70 MB to checkPolicy",
        "bad-argument",
        &["text", "characters"],
        || api::check_policy(huge.clone().into()),
    );
}

#[wasm_bindgen_test]
fn typed_arrays_cycles_and_wide_objects_are_refused() {
    let typed: JsValue = js_sys::Uint8Array::new_with_length(10_000_000).into();
    refused(
        "a typed array",
        "bad-argument",
        &["worker.sessions", "typed array"],
        || api::schedule(s("havering"), with(WORKER, "sessions", &typed), js(ASOF)),
    );
    let cycle = js(WORKER);
    set(&cycle, "agreement", &cycle);
    refused("a cycle", "bad-argument", &["worker", "32 levels"], || {
        api::schedule(s("havering"), cycle, js(ASOF))
    });
    let wide = Object::new();
    for i in 0..100_001 {
        set(&wide, &format!("k{i}"), &JsValue::TRUE);
    }
    refused(
        "an object of 100,001 keys",
        "bad-argument",
        &["record", "100000"],
        || {
            api::validate(
                s("havering"),
                s("case-supervision-record"),
                wide.into(),
                JsValue::UNDEFINED,
            )
        },
    );
}

#[wasm_bindgen_test]
fn nonsense_is_refused() {
    refused("fte NaN", "bad-argument", &["worker.fte", "finite"], || {
        api::schedule(
            s("havering"),
            with(WORKER, "fte", &JsValue::from_f64(f64::NAN)),
            js(ASOF),
        )
    });
    let options = with(ASOF, "dueSoonDays", &JsValue::from_f64(f64::INFINITY));
    refused(
        "dueSoonDays Infinity",
        "bad-argument",
        &["options.dueSoonDays", "finite"],
        || api::schedule(s("havering"), js(WORKER), options),
    );
    let options = js(r#"{"asOf":"2026-03-02","recordsFrom":"2026-03-03"}"#);
    refused(
        "recordsFrom after asOf",
        "bad-argument",
        &["options.recordsFrom", "asOf"],
        || api::schedule(s("havering"), js(WORKER), options),
    );
    let team = with(
        TEAM,
        "groupSessions",
        &js(r#"[{"date":"2026-01-05","cancelled":"yes"}]"#),
    );
    refused(
        "cancelled \"yes\"",
        "bad-argument",
        &["groupSessions[0].cancelled"],
        || api::schedule_team(s("havering"), team, js(ASOF)),
    );
    let contacts = js(r#"[{"id":"k1","date":"2026-01-05"},{"id":"k1","date":"2026-01-06"}]"#);
    refused(
        "two contacts with one id",
        "bad-argument",
        &["worker.contacts[1].id"],
        || api::schedule(s("havering"), with(WORKER, "contacts", &contacts), js(ASOF)),
    );
    let supervisors = js(r#"[{"id":"s1"},{"id":"s1"}]"#);
    refused(
        "two supervisors with one id",
        "bad-argument",
        &["team.supervisors[1].id"],
        || {
            api::schedule_team(
                s("havering"),
                with(TEAM, "supervisors", &supervisors),
                js(ASOF),
            )
        },
    );
    // A replacement of a built-in with its rules and templates taken out.
    let p = api::policy(s("north-east-lincolnshire")).expect("policy");
    let text = JSON::stringify(&p)
        .expect("json")
        .as_string()
        .unwrap_or_default();
    let empty = js(&text);
    set(&empty, "replaces", &s("north-east-lincolnshire"));
    set(&empty, "rules", &Array::new());
    set(&empty, "templates", &Array::new());
    refused(
        "a replacement with nothing in it",
        "invalid-policy",
        &["at least one rule"],
        || api::register_policy(empty),
    );
}
