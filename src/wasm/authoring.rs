//! The authoring entry point's exports: reading and checking a council's policy JSON.
//! Compiled only with the `authoring` feature, so a form page's build carries none of it.

use super::{
    bad, from_js, to_js, types, with_registry, with_registry_mut, with_template, JsResult,
};
use crate::error::{Error, PolicyProblem};
use crate::policy::SchemaOptions;
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

/// One template as JSON Schema (draft 2020-12): the record's shape, for form builders.
/// `required` lists what `validate` requires in `options.mode` (default `final`);
/// `extensions: true` adds the `x-` keywords.
#[wasm_bindgen(js_name = jsonSchema, unchecked_return_type = "RecordSchema")]
pub fn json_schema(
    #[wasm_bindgen(js_name = policyId, unchecked_param_type = "string")] policy_id: JsValue,
    #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "JsonSchemaOptions")] options: JsValue,
) -> JsResult {
    let options = SchemaOptions::from_json(&from_js(options, "options")?)?;
    with_template(&policy_id, &template_id, |p, t| {
        to_js(&crate::policy::json_schema_with(p, t, options))
    })
}

#[wasm_bindgen(typescript_custom_section)]
const TS_AUTHORING: &'static str = r#"
/** Options for jsonSchema(). */
export interface JsonSchemaOptions {
  /** Which fields `required` lists: those validate() requires in this mode. "final" (the
   *  default, as validate()'s) includes fields required only when the record is finalised
   *  (signatures, say); "draft" leaves them out. */
  mode?: 'draft' | 'final';
  /** true adds the x- keywords (x-policy, x-template, x-session-date, x-required-final,
   *  x-sections, x-field-type), which a validator in strict mode must be told about first
   *  (Ajv: addVocabulary). Default false: only standard keywords. */
  extensions?: boolean;
}
/** One field of a record, as JSON Schema. */
export interface FieldSchema {
  title: string; description?: string; type: 'string' | 'number' | 'array';
  format?: 'date'; pattern?: string; enum?: string[]; minimum?: number; maximum?: number;
  minItems?: number; items?: object;
  'x-field-type'?: Field['type'];
}
/** A template's record as JSON Schema (draft 2020-12), from jsonSchema(). */
export interface RecordSchema {
  $schema: 'https://json-schema.org/draft/2020-12/schema';
  title: string; description: string; type: 'object';
  properties: Record<string, FieldSchema>; required: string[]; additionalProperties: true;
  'x-policy'?: string; 'x-template'?: string; 'x-session-date'?: string;
  'x-required-final'?: string[]; 'x-sections'?: { id: string; title: string; fields: string[] }[];
}
"#;

/// Checks and registers a council's own policy (an object or JSON text). Throws with
/// every problem listed in `error.problems`; nothing is registered then.
#[wasm_bindgen(js_name = registerPolicy, unchecked_return_type = "PolicySummary")]
pub fn register_policy(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
) -> JsResult {
    let value = policy_arg(policy)?;
    let p = with_registry_mut(|r| r.register(value))?;
    to_js(&types::PolicySummary::from(p.as_ref()))
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
