//! The authoring entry point's exports: reading and checking a council's policy JSON.
//! Compiled only with the `authoring` feature, so a form page's build carries none of it.

use super::{bad, from_js, to_js, types, with_registry, with_registry_mut, JsResult};
use crate::error::{Error, PolicyProblem};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// A policy given as an object or as JSON text.
fn policy_arg(policy: JsValue) -> JsResult<Value> {
    match super::text_arg(&policy, "policy")? {
        Some(text) => serde_json::from_str::<Value>(&text).map_err(|e| {
            Error::InvalidPolicy(vec![PolicyProblem {
                path: String::new(),
                expected: format!(
                    "valid JSON (the text is not: line {}, column {})",
                    e.line(),
                    e.column()
                ),
            }])
            .into()
        }),
        None if policy.is_object() => from_js(policy, "policy"),
        None => Err(bad("policy", "a policy object or its JSON text")),
    }
}

/// Checks and registers a council's own policy (an object or JSON text). Throws with
/// every problem listed in `error.problems`; nothing is registered then.
#[wasm_bindgen(js_name = registerPolicy, unchecked_return_type = "PolicySummary")]
pub fn register_policy(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
) -> JsResult {
    let value = policy_arg(policy)?;
    let p = with_registry_mut(|r| r.register(value))?;
    super::to_js_written(|out| types::PolicySummary::from(p.as_ref()).write_json(out))
}

/// Checks a council's own policy as `registerPolicy` does and returns its compiled form
/// (JSON text) for the core's `loadPolicy`; nothing is registered.
#[wasm_bindgen(js_name = compilePolicy)]
pub fn compile_policy(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
) -> JsResult<String> {
    let value = policy_arg(policy)?;
    Ok(with_registry(|r| r.compile(value))?)
}

/// Checks a council's own policy, given as JSON text, without registering it: every
/// problem with its JSON path and its line and column in the text (none when it is valid).
/// For an editor: `registerPolicy` gives the same problems without places.
#[wasm_bindgen(js_name = checkPolicy, unchecked_return_type = "LocatedProblem[]")]
pub fn check_policy(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsResult {
    let text = super::text_arg(&text, "text")?.ok_or_else(|| bad("text", "a string"))?;
    with_registry(|r| to_js(&crate::policy::check_text(&text, r)))
}
