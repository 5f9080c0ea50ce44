//! JSON text written by hand, byte for byte as serde_json writes it (compact): a string
//! escaped as serde_json escapes it, and an object whose keys come out in sorted order, as
//! a `serde_json::Map` (a `BTreeMap` without the `preserve_order` feature) keeps them.
//!
//! Results a page reads with `JSON.parse` were built as a `serde_json::Value` and written by
//! serde_json; the `BTreeMap<String, Value>` code behind that was 12 KB of every `.wasm`
//! (issue 20). Tests hold each writer here to serde_json's text on the same data.

use std::fmt::Write;

/// Writes `s` as a JSON string: `"`, `\` and the control characters escaped (`\b`, `\f`,
/// `\n`, `\r`, `\t`, else `\u00xx` in lowercase hex), everything else as it is, as
/// serde_json does.
pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' => {
                let b = u32::from(c);
                out.push_str("\\u00");
                out.push(char::from_digit(b >> 4, 16).unwrap_or('0'));
                out.push(char::from_digit(b & 0xf, 16).unwrap_or('0'));
            }
            _ => out.push(c),
        }
    }
    out.push('"');
}

/// `s` as a JSON string (see [`string`]).
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::new();
    string(&mut out, s);
    out
}

/// An array of these strings.
pub(crate) fn strings<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::from("[");
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(&mut out, s);
    }
    out.push(']');
    out
}

/// An array of values already written.
pub(crate) fn array(items: impl IntoIterator<Item = String>) -> String {
    let mut out = String::from("[");
    for (i, v) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&v);
    }
    out.push(']');
    out
}

/// An integer, as serde_json writes one.
pub(crate) fn integer(n: u64) -> String {
    let mut out = String::new();
    let _ = write!(out, "{n}");
    out
}

/// An object being written: its entries kept sorted by key (bytewise, as `String`'s `Ord`
/// sorts), each value already written as JSON text. Setting a key again replaces its value,
/// as a map's `insert` does.
#[derive(Debug, Default)]
pub(crate) struct Object<'k> {
    entries: Vec<(&'k str, String)>,
}

impl<'k> Object<'k> {
    /// An object with no entries.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Sets `key` to `value`, JSON text.
    pub(crate) fn set(&mut self, key: &'k str, value: String) -> &mut Self {
        // Objects here have a dozen keys at most: a linear search costs less code than a
        // sort or a map.
        let at = self.entries.iter().position(|(k, _)| *k >= key);
        let at = at.unwrap_or(self.entries.len());
        match self.entries.get_mut(at) {
            Some((k, v)) if *k == key => *v = value,
            _ => self.entries.insert(at, (key, value)),
        }
        self
    }

    /// Sets `key` to the string `value`.
    pub(crate) fn text(&mut self, key: &'k str, value: &str) -> &mut Self {
        self.set(key, quoted(value))
    }

    /// The object as JSON text.
    pub(crate) fn write(&self) -> String {
        ordered(self.entries.iter().map(|(k, v)| (*k, v.as_str())))
    }
}

/// An object of these entries in the order given (values already written).
pub(crate) fn ordered<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(&mut out, k);
        out.push(':');
        out.push_str(v);
    }
    out.push('}');
    out
}

// proptest is a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Map, Value};

    #[test]
    fn escapes_as_serde_json_does() {
        // Worked by hand from RFC 8259 §7 and serde_json's table: the two-character escapes,
        // other controls as \u00xx (lowercase), DEL and non-ASCII as they are.
        assert_eq!(quoted("a\"b\\c/"), r#""a\"b\\c/""#);
        assert_eq!(quoted("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
        assert_eq!(
            quoted("\u{0}\u{1f}\u{7f}é€😀"),
            "\"\\u0000\\u001f\u{7f}é€😀\""
        );
        assert_eq!(quoted(""), r#""""#);
    }

    #[test]
    fn an_object_sorts_its_keys_and_replaces_a_key_set_twice() {
        let mut o = Object::new();
        o.text("title", "T")
            .set("minItems", integer(1))
            .text("$schema", "s")
            .text("x-field-type", "text")
            .set("minimum", "0.0".into())
            .text("title", "U");
        assert_eq!(
            o.write(),
            r#"{"$schema":"s","minItems":1,"minimum":0.0,"title":"U","x-field-type":"text"}"#
        );
        assert_eq!(Object::new().write(), "{}");
        assert_eq!(array(Vec::new()), "[]");
        assert_eq!(strings(["a", "b"]), r#"["a","b"]"#);
    }

    proptest! {
        /// Any string, written as serde_json writes it.
        #[test]
        fn a_string_as_serde_json_writes_it(s in any::<String>()) {
            prop_assert_eq!(quoted(&s), serde_json::to_string(&s).unwrap());
        }

        /// Strings of the characters that are escaped, and some that are not.
        #[test]
        fn escapes_as_serde_json_writes_them(s in "[\\x00-\\x20\"\\\\/a\\x7fé😀]{0,40}") {
            prop_assert_eq!(quoted(&s), serde_json::to_string(&s).unwrap());
        }

        /// Objects of any keys and string values, set in any order (keys repeated too),
        /// written as a `serde_json::Map` writes them.
        #[test]
        fn an_object_as_a_serde_json_map_writes_it(
            entries in proptest::collection::vec(("[a-zA-Z$_x\\-é]{0,6}", any::<String>()), 0..12)
        ) {
            let mut o = Object::new();
            let mut m = Map::new();
            for (k, v) in &entries {
                o.text(k, v);
                m.insert(k.clone(), Value::from(v.as_str()));
            }
            prop_assert_eq!(o.write(), serde_json::to_string(&m).unwrap());
        }
    }
}
