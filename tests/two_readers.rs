//! Issue 20: the form page's core reads built-in and compiled policies with a reader of its
//! own (`policy::read_unchecked`, no serde `Deserialize`); the authoring build keeps serde's
//! derive, behind the strict reader. The two are held together here, over every built-in
//! policy, the broken-policy table (`tests/policy_problems.rs`), the fuzz corpus
//! (`tests/corpus/policy-*.json`) and every built-in policy mutated key by key.
//!
//! What "the same" means, for each input text:
//! - **serde's derive** (`serde_json` → `Value` → `Policy`, what the core used before) and
//!   **the hand-written reader** give the identical model (compared by `Debug`, which shows
//!   every field), or both refuse. The unchecked reader refuses without saying why (its
//!   callers give one message: the text is not a policy compiled by this release), so
//!   "identical errors" is both refusing.
//! - When **the strict reader** (`parse_policy`: keys, values and the whole policy checked)
//!   accepts a policy, the hand-written reader gives the identical model from the policy's
//!   text (when it does not `extends` another) and from its compiled form. The strict reader
//!   refuses more (its checks); the unchecked reader is only ever given what it accepted.
//!
//! Where the two can differ, on text neither `compilePolicy` nor `build.rs` writes: a key
//! given twice whose first value is not of its type (serde keeps the last value; this reader
//! refuses); a `min`/`max` whose power of ten is beyond 10^22 or whose digits are more than
//! 19 (serde rounds it; this reader refuses), and so for such a number under a key a rule
//! ignores; and a number out of `f64`'s range there (serde refuses it; this reader skips
//! it). None of them occurs in
//! the inputs below; the test would say so. A struct written as an array, and a kind's tag
//! given as its index, read as serde's derive reads them.

#[path = "policy_problems.rs"]
#[allow(dead_code)]
mod policy_problems;

use serde_json::{json, Value};
use std::path::Path;
use supervision_rules::policy::{
    compile, load_compiled, parse_policy, read_unchecked, Policy, Registry, BUILTIN_SOURCES,
};

/// The reader the core used before: serde's derive, through a `Value`.
fn serde_read(text: &str) -> Option<Policy> {
    serde_json::from_str::<Value>(text)
        .and_then(serde_json::from_value)
        .ok()
}

fn model(p: &Option<Policy>) -> Option<String> {
    p.as_ref().map(|p| format!("{p:?}"))
}

/// Every way the readers disagree on `text` (`what` names the input).
fn compare(what: &str, text: &str, failures: &mut Vec<String>) {
    let by_serde = model(&serde_read(text));
    let by_hand = model(&read_unchecked(text));
    if by_serde != by_hand {
        failures.push(format!(
            "{what}: serde's derive {}, the hand-written reader {}",
            if by_serde.is_some() {
                "reads it"
            } else {
                "refuses it"
            },
            if by_hand.is_some() {
                "reads it"
            } else {
                "refuses it"
            },
        ));
    }
    let Ok(checked) = parse_policy(text, Some(&Registry::with_builtins())) else {
        return;
    };
    let checked_model = Some(format!("{checked:?}"));
    let extends = serde_json::from_str::<Value>(text).is_ok_and(|v| v.get("extends").is_some());
    if !extends && by_hand != checked_model {
        failures.push(format!("{what}: the strict reader's model differs"));
    }
    let compiled = compile(&checked).expect("a checked policy compiles");
    let loaded = load_compiled(&compiled).ok().map(|p| format!("{p:?}"));
    if loaded != checked_model {
        failures.push(format!(
            "{what}: its compiled form does not load as the same model"
        ));
    }
}

fn assert_none(failures: Vec<String>, count: usize) {
    assert!(
        failures.is_empty(),
        "{} of {count} inputs:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_builtin_policy_reads_the_same() {
    let mut failures = Vec::new();
    for (id, text) in BUILTIN_SOURCES {
        compare(id, text, &mut failures);
        let pretty = std::fs::read_to_string(format!("src/policies/{id}.json")).expect("file");
        compare(&format!("{id} as written"), &pretty, &mut failures);
        assert!(read_unchecked(text).is_some(), "{id}");
    }
    assert_none(failures, BUILTIN_SOURCES.len() * 2);
}

#[test]
fn every_broken_policy_of_the_table_reads_the_same() {
    let cases = policy_problems::cases();
    let mut failures = Vec::new();
    for (name, policy, _) in &cases {
        let text = serde_json::to_string_pretty(policy).expect("JSON");
        compare(name, &text, &mut failures);
    }
    compare(
        "the table's base",
        &policy_problems::base().to_string(),
        &mut failures,
    );
    assert_none(failures, cases.len() + 1);
}

#[test]
fn every_policy_of_the_fuzz_corpus_reads_the_same() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/corpus") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        if !name.starts_with("policy-") {
            continue;
        }
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("file")).expect("JSON");
        let text = match (case.get("input"), case.get("inputText")) {
            (Some(Value::String(t)), _) if case["target"] == "policy-text" => t.clone(),
            (Some(v), _) => v.to_string(),
            (None, Some(Value::String(t))) => t.clone(),
            _ => continue,
        };
        compare(name, &text, &mut failures);
        count += 1;
    }
    assert!(count >= 10, "expected the corpus's policies, found {count}");
    assert_none(failures, count);
}

/// What a value is replaced with: each type, and the awkward values of each.
fn replacements() -> Vec<Value> {
    vec![
        Value::Null,
        json!(0),
        json!(-1),
        json!(1.5),
        json!(4_294_967_296_u64),
        json!(""),
        json!("final"),
        json!("1 week"),
        json!(" 1 week"),
        json!(true),
        json!([]),
        json!({}),
        json!(["x"]),
    ]
}

/// Every path to a value in `v`, as JSON pointer steps.
fn paths(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let children: Vec<(String, &Value)> = match v {
        Value::Object(o) => o.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => return,
    };
    for (k, child) in children {
        at.push(k);
        out.push(at.clone());
        paths(child, at, out);
        at.pop();
    }
}

/// `v` with the value at `path` removed (`None`) or replaced.
fn mutated(v: &Value, path: &[String], to: Option<&Value>) -> Value {
    let mut v = v.clone();
    let (last, parent) = path.split_last().expect("a path");
    let pointer: String = parent.iter().map(|s| format!("/{s}")).collect();
    match (v.pointer_mut(&pointer), to) {
        (Some(Value::Object(o)), None) => {
            o.remove(last);
        }
        (Some(Value::Object(o)), Some(to)) => {
            o.insert(last.clone(), to.clone());
        }
        (Some(Value::Array(a)), None) => {
            a.remove(last.parse::<usize>().expect("an index"));
        }
        (Some(Value::Array(a)), Some(to)) => {
            a[last.parse::<usize>().expect("an index")] = to.clone();
        }
        _ => {}
    }
    v
}

/// Each built-in policy (every 31st path of it, to keep the debug build's test short;
/// `TWO_READERS_STEP=n` for every n-th: at 7, 8,613 inputs in about three minutes) and
/// the table's small base policy (every path), each value removed and replaced by each of
/// [`replacements`], and an unknown key added to each object: the fuzz of
/// `tests/fuzz_inputs.rs` made exhaustive where it counts.
#[test]
fn every_policy_mutated_key_by_key_reads_the_same() {
    let step = std::env::var("TWO_READERS_STEP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(31);
    let mut inputs: Vec<(String, Value, usize)> = BUILTIN_SOURCES
        .iter()
        .map(|(id, text)| {
            (
                (*id).to_string(),
                serde_json::from_str(text).expect("JSON"),
                step,
            )
        })
        .collect();
    inputs.push(("base".into(), policy_problems::base(), 1));
    let mut failures = Vec::new();
    let mut count = 0;
    for (id, policy, step) in &inputs {
        let mut all = Vec::new();
        paths(policy, &mut Vec::new(), &mut all);
        for path in all.iter().step_by(*step) {
            let at = path.join("/");
            let mut each = vec![(format!("{id} /{at} removed"), mutated(policy, path, None))];
            for to in replacements() {
                each.push((
                    format!("{id} /{at} = {to}"),
                    mutated(policy, path, Some(&to)),
                ));
            }
            let pointer: String = path.iter().map(|s| format!("/{s}")).collect();
            if policy.pointer(&pointer).is_some_and(Value::is_object) {
                let mut extra = path.clone();
                extra.push("unknownKey".into());
                let v = mutated(policy, &extra, Some(&json!(1)));
                each.push((format!("{id} /{at}/unknownKey"), v));
            }
            for (what, v) in each {
                compare(&what, &v.to_string(), &mut failures);
                count += 1;
            }
        }
    }
    assert_none(failures, count);
}

/// JSON text only serde_json accepts is refused by both; the awkward text of JSON itself
/// (escapes, surrogate pairs, exponents, white space) is read the same.
#[test]
fn awkward_json_text_reads_the_same() {
    let base = policy_problems::base().to_string();
    let texts = [
        base.replace(
            "\"Social worker\"",
            "\"Social \\u0077orker \\ud83d\\ude00 \\n\\t\\\"\\/\"",
        ),
        base.replace("\"Social worker\"", "\"lone \\ud83d surrogate\""),
        base.replace("\"Social worker\"", "\"bad \\x escape\""),
        base.replace("\"Social worker\"", "\"tab\tinside\""),
        base.replace("\"format\":1", "\"format\":1.0"),
        base.replace("\"format\":1", "\"format\":1e0"),
        base.replace("\"format\":1", "\"format\":01"),
        base.replace("\"format\":1", "\"format\":-0"),
        base.replace("\"format\":1", " \"format\" : 1 "),
        format!(" \n{base}\r\n\t"),
        format!("{base} x"),
        format!("{base}{{}}"),
        base.replace('{', "{ ").replace(',', " ,\n"),
        base[..base.len() - 1].to_string(),
        String::new(),
        "null".into(),
        "[]".into(),
    ];
    let mut failures = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        compare(&format!("text {i}"), text, &mut failures);
    }
    assert_none(failures, texts.len());
}
