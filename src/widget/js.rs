//! The widget's JS errors (`Error`s with a `code`, as the boundary's) and its reading of
//! an options object's properties.

use crate::error::Error;
use wasm_bindgen::prelude::*;

/// A JS `Error` carrying the core error's message and `code`.
pub(crate) fn js_error(e: &Error) -> JsValue {
    widget_error(e.code(), &e.to_string())
}

/// A JS `Error` with this `code` and message.
pub(crate) fn widget_error(code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

/// A `bad-argument` JS `Error`: the argument at `path` is not what was `expected`.
pub(crate) fn bad(path: &str, expected: &str) -> JsValue {
    js_error(&Error::bad_argument(path, expected))
}

/// `obj[key]`, or `undefined` when `obj` is not an object.
pub(crate) fn prop(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The error for a call made while the widget handles an event.
pub(crate) fn busy() -> JsValue {
    widget_error(
        "busy",
        "the widget is already handling an event: call it again afterwards",
    )
}
