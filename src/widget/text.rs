//! A control's value as the widget hands it to the core: free text only as its blankness.
//!
//! Validation reads a text, person or signature field (and an action's `action` and `who`, a
//! child's `name`) only for whether it is blank, never for its words, as `validate` through
//! the entry point does (`js/fast-validate.js`). So the widget never copies such a control's
//! text into the module's memory: the value stays a JavaScript string, tested there against
//! the characters Rust's `str::trim` treats as white space, and the core is given `"x"` or
//! nothing. Dates, times, numbers, choices and case IDs are copied, as the core reads them.

use js_sys::{JsString, RegExp};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Anything but Unicode White_Space, the set `char::is_whitespace` (and so `str::trim`)
/// uses: JavaScript's `\s` differs.
const NOT_BLANK: &str =
    "[^\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

thread_local! {
    static NOT_BLANK_RE: RegExp = RegExp::new(NOT_BLANK, "");
}

/// The control's `value`, left in JavaScript.
pub(super) fn value_of(el: &Element) -> JsString {
    js_sys::Reflect::get(el, &"value".into())
        .ok()
        .and_then(|v| v.dyn_into::<JsString>().ok())
        .unwrap_or_else(|| JsString::from(""))
}

/// What the core is given for a value: `None` when it is blank; for free text `"x"`; else
/// the text itself.
pub(super) fn reading(value: &JsString, free: bool) -> Option<String> {
    if free {
        let filled = NOT_BLANK_RE.with(|re| value.search(re) >= 0);
        return filled.then(|| "x".to_string());
    }
    let text = String::from(value);
    (!text.trim().is_empty()).then_some(text)
}
