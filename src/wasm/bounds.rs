//! The walk over a JS argument before it is converted: every array's length checked before
//! any element is read, every value counted, nesting bounded, non-finite numbers and typed
//! arrays refused. `JSON.stringify` would otherwise write `new Array(1e8)` out as 500 MB of
//! `null`s (40 s, then an out-of-memory trap in the module) and `NaN` as `null` (read as
//! "not given").
//!
//! The walk keeps only the containers it has seen (for the path of an error), so it costs
//! one pass over the value; the errors name the path and the limit, never a value.

use crate::limits::{self, Limit};
use js_sys::{Array, ArrayBuffer, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// How deep caller data may nest. Records and workers need four levels; policies seven.
const MAX_DEPTH: usize = 32;

/// A container seen by the walk: the value, its parent's place in the list and its own
/// place among the parent's values.
struct Seen {
    value: JsValue,
    parent: usize,
    index: u32,
    depth: usize,
}

/// Walks `v` (the argument at `path`) and refuses it, before anything is converted, if an
/// array in it is longer than [`limits::ANY_ARRAY`], it holds more than [`limits::VALUES`]
/// values, nests deeper than [`MAX_DEPTH`] (a cycle does), or holds a non-finite number or a
/// typed array.
pub(super) fn walk(v: &JsValue, path: &str) -> Result<(), JsValue> {
    if !v.is_object() {
        return finite(v, || path.to_string());
    }
    let mut seen = vec![Seen {
        value: v.clone(),
        parent: usize::MAX,
        index: 0,
        depth: 0,
    }];
    let mut next = 0;
    let mut count = 0usize;
    while let Some(node) = seen.get(next) {
        let (value, depth) = (node.value.clone(), node.depth);
        let here = next;
        next = next.saturating_add(1);
        let at = |seen: &[Seen]| path_of(seen, here, path);
        if depth >= MAX_DEPTH {
            // The argument's name only: the path would be 32 keys long.
            return Err(super::bad(path, "data nested at most 32 levels deep"));
        }
        if ArrayBuffer::is_view(&value) {
            return Err(super::bad(
                &at(&seen),
                "plain JSON-like data, not a typed array",
            ));
        }
        let values = match value.dyn_ref::<Array>() {
            Some(array) => array.clone(),
            None => {
                // An array-like ({length: 1e9}) is refused as the array it poses as.
                let length = Reflect::get(&value, &"length".into()).ok();
                if let Some(n) = length.and_then(|l| l.as_f64()) {
                    if n > limits::ANY_ARRAY.max as f64 {
                        return Err(limits::ANY_ARRAY.error(at(&seen)).into());
                    }
                }
                Object::values(value.unchecked_ref::<Object>())
            }
        };
        // The length is read before any element.
        check_length(&limits::ANY_ARRAY, values.length(), || at(&seen))?;
        count = count.saturating_add(values.length() as usize);
        limits::VALUES
            .check(count, || at(&seen))
            .map_err(JsValue::from)?;
        for (i, item) in values.iter().enumerate() {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            if item.is_object() {
                seen.push(Seen {
                    value: item,
                    parent: here,
                    index,
                    depth: depth.saturating_add(1),
                });
            } else {
                finite(&item, || {
                    let mut p = at(&seen);
                    push_segment(&mut p, &value, index);
                    p
                })?;
            }
        }
    }
    Ok(())
}

fn check_length(limit: &Limit, len: u32, path: impl FnOnce() -> String) -> Result<(), JsValue> {
    limit.check(len as usize, path).map_err(JsValue::from)
}

/// A number must be finite: `JSON.stringify` writes `NaN` and `Infinity` as `null`.
fn finite(v: &JsValue, path: impl FnOnce() -> String) -> Result<(), JsValue> {
    match v.as_f64() {
        Some(n) if !n.is_finite() => Err(super::bad(
            &path(),
            "a finite number (NaN and Infinity are not numbers)",
        )),
        _ => Ok(()),
    }
}

/// The path of the container at `i`: the argument's name, then each key or index.
fn path_of(seen: &[Seen], i: usize, path: &str) -> String {
    let mut chain = Vec::new();
    let mut at = i;
    while let Some(node) = seen.get(at) {
        if node.parent == usize::MAX {
            break;
        }
        chain.push((node.parent, node.index));
        at = node.parent;
    }
    let mut out = path.to_string();
    for (parent, index) in chain.into_iter().rev() {
        if let Some(p) = seen.get(parent) {
            push_segment(&mut out, &p.value, index);
        }
    }
    out
}

/// `[index]` for an array, `.key` for the object's `index`-th own enumerable key.
fn push_segment(out: &mut String, parent: &JsValue, index: u32) {
    if Array::is_array(parent) {
        out.push_str(&format!("[{index}]"));
        return;
    }
    let key = Object::keys(parent.unchecked_ref::<Object>())
        .get(index)
        .as_string()
        .unwrap_or_default();
    // A key is the caller's, not the package's: keep it short, as ids are.
    let key: String = key.chars().filter(|c| !c.is_control()).take(64).collect();
    out.push('.');
    out.push_str(&key);
}

/// Refuses JSON text longer than [`limits::INPUT_CHARS`], on its length, before it is copied
/// into the module's memory.
pub(super) fn text_length(text: &js_sys::JsString, path: &str) -> Result<(), JsValue> {
    if text.length() as usize <= limits::INPUT_CHARS {
        Ok(())
    } else {
        Err(super::bad(
            path,
            &format!(
                "at most {} characters of data in one call (the limit)",
                limits::INPUT_CHARS
            ),
        ))
    }
}
