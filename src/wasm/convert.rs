//! JS values in and out: arguments read as JSON text or strings within their limits, results
//! written as JSON text for `JSON.parse`, core errors as JS `Error`s.

use super::{bounds, types};
use crate::error::Error;
use crate::json::Json;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// [`to_js`]'s buffer.
    static OUT: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

pub(crate) type JsResult<T = JsValue> = Result<T, JsValue>;

/// A JS `Error` carrying the core error's message, `code` and `problems`.
impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        let err = js_sys::Error::new(&e.to_string());
        let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code().into());
        if let Error::InvalidPolicy(problems) = &e {
            if let Ok(list) = to_js_written(|out| crate::error::write_problems(problems, out)) {
                let _ = js_sys::Reflect::set(&err, &"problems".into(), &list);
            }
        }
        err.into()
    }
}

pub(crate) fn bad(path: &str, expected: &str) -> JsValue {
    Error::bad_argument(path, expected).into()
}

/// A result as a JS value: written as JSON text in wasm and read by the engine's
/// `JSON.parse`, which is much faster than setting one property at a time across the
/// boundary (a team's schedules are tens of thousands of objects).
///
/// The text is written into a buffer kept between calls (a team's schedules are megabytes:
/// a fresh `String` grew and was copied a dozen times) and read by `JSON.parse` straight
/// from the module's memory.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult {
    // Taken, not borrowed: a `to_js` while this one runs (none does) gets a new buffer.
    let mut text = OUT.take();
    text.clear();
    let written = serde_json::to_writer(&mut text, value).is_ok();
    parsed(text, written)
}

/// [`to_js`] for text written by hand (schedules: `crate::schedule`'s `write.rs`):
/// `write` appends it to the buffer and says whether it could.
pub(crate) fn written_to_js(
    write: impl FnOnce(&mut Vec<u8>) -> crate::error::Result<bool>,
) -> JsResult {
    let mut text = OUT.take();
    text.clear();
    match write(&mut text) {
        Ok(written) => parsed(text, written),
        Err(e) => {
            if text.capacity() <= 16_777_216 {
                OUT.set(text);
            }
            Err(e.into())
        }
    }
}

/// A result written as JSON text by `write` (a writer of the crate's own, with no
/// serializer: the validation report), read by `JSON.parse` as [`to_js`]'s is.
pub(crate) fn to_js_written(write: impl FnOnce(&mut String)) -> JsResult {
    written_to_js(|text| {
        // Empty, so UTF-8.
        let mut out = String::from_utf8(std::mem::take(text)).unwrap_or_default();
        write(&mut out);
        *text = out.into_bytes();
        Ok(true)
    })
}

/// [`to_js`]'s text read by `JSON.parse` (apart: not one copy per type written).
fn parsed(text: Vec<u8>, written: bool) -> JsResult {
    let js = written.then(|| bounds::parse_json(&text).ok()).flatten();
    // A buffer over 16 MB is not kept.
    if text.capacity() <= 16_777_216 {
        OUT.set(text);
    }
    js.ok_or_else(|| bad("result", "a value that converts to JavaScript"))
}

/// A JS value as JSON. `undefined` becomes `null`.
///
/// The value is walked and written as JSON text in JavaScript, and the text copied into
/// wasm memory in one piece ([`bounds::text`]), instead of crossing the boundary once per
/// property. So the value is read as a request body would be: functions, symbols and
/// `undefined` properties are left out, a `Date` becomes its ISO text; a `BigInt` is a
/// `bad-argument` error. Before that, the walk refuses an array over its limit (on its
/// length, before any element is read), too many values, data nested deeper than 32 levels
/// (a cycle), a non-finite number and a typed array; the text is refused over
/// [`crate::limits::INPUT_CHARS`] before it is copied into the module.
#[cfg(any(feature = "authoring", feature = "widget"))]
pub(crate) fn from_js(v: JsValue, path: &str) -> JsResult<serde_json::Value> {
    match json_text(&v, path)? {
        None => Ok(serde_json::Value::Null),
        Some(text) => serde_json::from_slice(&text).map_err(|_| not_data(path)),
    }
}

/// A JS value's JSON text, as [`from_js`] reads it (`None` for `undefined`), for reading
/// borrowed with [`borrowed`].
pub(crate) fn json_text(v: &JsValue, path: &str) -> JsResult<Option<Vec<u8>>> {
    if v.is_undefined() {
        return Ok(None);
    }
    let text = bounds::text(v, path)?;
    types::check_depth(&text, path)?;
    Ok(Some(text))
}

/// [`json_text`]'s text read borrowed: records and workers are read without a
/// `serde_json::Value` tree.
pub(crate) fn borrowed<'t>(text: &'t Option<Vec<u8>>, path: &str) -> JsResult<Json<'t>> {
    match text {
        None => Ok(Json::Null),
        Some(text) => Json::parse(text).ok_or_else(|| not_data(path)),
    }
}

/// The error for an argument that is not JSON-like data.
pub(crate) fn not_data(path: &str) -> JsValue {
    bad(
        path,
        "plain JSON-like data (objects, arrays, strings, numbers, booleans)",
    )
}

/// A string argument of at most [`crate::limits::ID_CHARS`] characters (an id, a date),
/// checked on its length before it is copied into the module.
pub(crate) fn string_arg(v: &JsValue, path: &str) -> JsResult<String> {
    let s = v
        .dyn_ref::<js_sys::JsString>()
        .ok_or_else(|| bad(path, "a string"))?;
    if s.length() as usize > crate::limits::ID_CHARS {
        return Err(bad(
            path,
            &format!("a string of at most {} characters", crate::limits::ID_CHARS),
        ));
    }
    Ok(String::from(s))
}

/// A text argument (policy JSON, a compiled policy) of at most
/// [`crate::limits::INPUT_CHARS`], checked on its length before it is copied.
pub(crate) fn text_arg(v: &JsValue, path: &str) -> JsResult<Option<String>> {
    let Some(s) = v.dyn_ref::<js_sys::JsString>() else {
        return Ok(None);
    };
    bounds::text_length(s, path)?;
    Ok(Some(String::from(s)))
}
