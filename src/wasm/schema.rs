//! `jsonSchema`: a template's record as JSON Schema, in every entry point, so a form page
//! can draw its form from the core alone.

use super::{borrowed, json_text, with_template, JsResult};
use crate::validate::SchemaOptions;
use wasm_bindgen::prelude::*;

/// One template as JSON Schema (draft 2020-12, or draft-07 with `draft: 'draft-07'`): the
/// record's shape, for form builders, with `properties` in the template's order.
/// `required` lists what `validate` requires in `options.mode` (default `final`);
/// `extensions: true` adds the `x-` keywords.
#[wasm_bindgen(js_name = jsonSchema, unchecked_return_type = "RecordSchema")]
pub fn json_schema(
    #[wasm_bindgen(js_name = policyId, unchecked_param_type = "string")] policy_id: JsValue,
    #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "JsonSchemaOptions")] options: JsValue,
) -> JsResult {
    let options = json_text(&options, "options")?;
    let options = SchemaOptions::read(&borrowed(&options, "options")?)?;
    with_template(&policy_id, &template_id, |p, t| {
        // Parsed by the engine from text written in the template's order, so the object's
        // keys keep that order (a serde_json map would sort them).
        let text = crate::validate::json_schema_text(p, t, options);
        js_sys::JSON::parse(&text).map_err(|_| super::bad("result", "JSON Schema text"))
    })
}

#[wasm_bindgen(typescript_custom_section)]
const TS_SCHEMA: &'static str = r#"
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
  /** The dialect: "2020-12" (the default) or "draft-07", for validators that know only
   *  draft-07 (Ajv's default class, react-jsonschema-form's default validator). Only
   *  `$schema` differs. */
  draft?: '2020-12' | 'draft-07';
}
/** One field of a record, as JSON Schema. `contentMediaType: 'text/plain'` marks free text
 *  (a multi-line answer: a text area); a choice is `oneOf` its options, each `{const, title}`;
 *  a date has `format: 'date'` (a validator asserts it only with a date format installed:
 *  Ajv with ajv-formats). */
export interface FieldSchema {
  title: string; description?: string; type: 'string' | 'number' | 'array';
  format?: 'date'; pattern?: string; contentMediaType?: 'text/plain';
  oneOf?: { const: string; title: string }[]; minimum?: number; maximum?: number;
  minItems?: number; items?: object;
  'x-field-type'?: Field['type'];
}
/** A template's record as JSON Schema, from jsonSchema(): `properties` in the template's
 *  order (section by section); `x-sections` (with extensions) groups them. */
export interface RecordSchema {
  $schema: 'https://json-schema.org/draft/2020-12/schema'
    | 'http://json-schema.org/draft-07/schema#';
  title: string; description: string; type: 'object';
  properties: Record<string, FieldSchema>; required: string[]; additionalProperties: true;
  'x-policy'?: string; 'x-template'?: string; 'x-session-date'?: string;
  'x-required-final'?: string[]; 'x-sections'?: { id: string; title: string; fields: string[] }[];
}
"#;
