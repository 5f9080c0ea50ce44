//! The bounds of a JS argument, checked before it is converted: every array's length before
//! any element is read, every value counted, nesting bounded, non-finite numbers and typed
//! arrays refused. `JSON.stringify` would otherwise write `new Array(1e8)` out as 500 MB of
//! `null`s (40 s, then an out-of-memory trap in the module) and `NaN` as `null` (read as
//! "not given").
//!
//! The walk runs in JavaScript (`read.js`), which hands the module the argument's JSON text
//! or the kind and path of its refusal; the refusal is worded here, from the limits in
//! [`crate::limits`]. The errors name the path and the limit, never a value.

use crate::limits;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/read.js")]
extern "C" {
    /// The argument's JSON text as UTF-8, or nothing when it is refused.
    #[wasm_bindgen(js_name = jsonText)]
    fn json_text(
        v: &JsValue,
        path: &str,
        max_array: f64,
        max_values: f64,
        max_chars: f64,
    ) -> Vec<u8>;
    /// `[kind, path]` of the last refusal.
    fn refusal() -> JsValue;
    /// JSON text (UTF-8) read by `JSON.parse`.
    #[wasm_bindgen(js_name = parseJson, catch)]
    pub(super) fn parse_json(text: &[u8]) -> Result<JsValue, JsValue>;
}

/// `v` (the argument at `path`, not `undefined`) as JSON text (UTF-8), walked and written in one
/// call into JavaScript. Refused, before it is copied into the module, if an array in it is
/// longer than [`limits::ANY_ARRAY`], it holds more than [`limits::VALUES`] values, nests 32
/// levels deep (a cycle does), holds a non-finite number or a typed array, is not JSON-like
/// data (a `BigInt`, a `toJSON` that throws, a function), or its text is longer than
/// [`limits::INPUT_CHARS`].
// The limits are far below 2^53: exact as f64.
#[allow(clippy::cast_precision_loss)]
pub(super) fn text(v: &JsValue, path: &str) -> Result<Vec<u8>, JsValue> {
    let out = json_text(
        v,
        path,
        limits::ANY_ARRAY.max as f64,
        limits::VALUES.max as f64,
        limits::INPUT_CHARS as f64,
    );
    // JSON text is never empty.
    if !out.is_empty() {
        return Ok(out);
    }
    let refusal = js_sys::Array::from(&refusal());
    let kind = refusal.get(0).as_string().unwrap_or_default();
    let at = refusal
        .get(1)
        .as_string()
        .unwrap_or_else(|| path.to_string());
    Err(match kind.as_str() {
        "finite" => super::bad(&at, "a finite number (NaN and Infinity are not numbers)"),
        "depth" => super::bad(&at, "data nested at most 32 levels deep"),
        "typed" => super::bad(&at, "plain JSON-like data, not a typed array"),
        "array" => limits::ANY_ARRAY.error(at).into(),
        "values" => limits::VALUES.error(at).into(),
        "chars" => too_long(&at),
        _ => super::not_data(&at),
    })
}

fn too_long(path: &str) -> JsValue {
    super::bad(
        path,
        &format!(
            "at most {} characters of data in one call (the limit)",
            limits::INPUT_CHARS
        ),
    )
}

/// Refuses JSON text longer than [`limits::INPUT_CHARS`], on its length, before it is copied
/// into the module's memory.
pub(super) fn text_length(text: &js_sys::JsString, path: &str) -> Result<(), JsValue> {
    if text.length() as usize <= limits::INPUT_CHARS {
        Ok(())
    } else {
        Err(too_long(path))
    }
}
