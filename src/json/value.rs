//! The borrowed value ([`Json`], [`JsonMap`]) and its reading from JSON text (by the
//! pull reader, `json::pull`; serde's reading, which it replaced, is kept for the tests).

use serde::de;
use std::borrow::Cow;

/// A JSON value whose strings borrow from the text it was read from where they can (a
/// string with an escape is copied).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json<'a> {
    /// `null` (or, from JavaScript, `undefined`).
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object: its entries in the order written.
    Object(JsonMap<'a>),
}

/// An object's entries in the order written. Text written by `JSON.stringify` (or a
/// `serde_json::Value`) has each key once; with a key repeated, [`get`](Self::get) reads
/// the last, as `serde_json::Value` keeps it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JsonMap<'a>(pub(super) Vec<(Cow<'a, str>, Json<'a>)>);

impl<'a> JsonMap<'a> {
    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Each value, in order.
    pub fn values(&self) -> impl Iterator<Item = &Json<'a>> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<'a> Json<'a> {
    /// Reads JSON text borrowed; `None` when it is not JSON. Nesting is bounded as
    /// serde_json bounds it (127 levels); callers bound it further before reading. What
    /// serde_json reads (with `float_roundtrip`: every number the nearest double, as
    /// JavaScript reads it), read by the crate's own reader (`json::pull`); the tests
    /// hold the two together.
    #[cfg(any(target_arch = "wasm32", test))]
    pub fn parse(text: &'a [u8]) -> Option<Json<'a>> {
        let mut reader = super::pull::Reader::new(std::str::from_utf8(text).ok()?);
        let value = reader.value(128)?;
        reader.end()?;
        Some(value)
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// Whether this is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Json::String(_))
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// The number, when this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }
}

impl<'a> From<&'a serde_json::Value> for Json<'a> {
    fn from(v: &'a serde_json::Value) -> Self {
        use serde_json::Value;
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            // Every number has an f64 (the nearest, for a large integer).
            Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::String(Cow::Borrowed(s)),
            Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            Value::Object(map) => Json::Object(JsonMap(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::from(v)))
                    .collect(),
            )),
        }
    }
}

/// serde_json's reading of the value (as `Json::parse` read it before), what
/// [`Json::parse`] is held to.
#[cfg(test)]
mod by_serde {
    use super::{Cow, Json, JsonMap};
    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    impl<'de> Deserialize<'de> for Json<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(JsonVisitor)
        }
    }

    struct JsonVisitor;

    impl<'de> Visitor<'de> for JsonVisitor {
        type Value = Json<'de>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("JSON")
        }

        fn visit_unit<E>(self) -> Result<Json<'de>, E> {
            Ok(Json::Null)
        }

        fn visit_none<E>(self) -> Result<Json<'de>, E> {
            Ok(Json::Null)
        }

        fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
            Ok(Json::Bool(b))
        }

        // As serde_json::Number::as_f64 gives them: the nearest f64.
        #[allow(clippy::cast_precision_loss)]
        fn visit_u64<E>(self, n: u64) -> Result<Json<'de>, E> {
            Ok(Json::Number(n as f64))
        }

        #[allow(clippy::cast_precision_loss)]
        fn visit_i64<E>(self, n: i64) -> Result<Json<'de>, E> {
            Ok(Json::Number(n as f64))
        }

        fn visit_f64<E>(self, n: f64) -> Result<Json<'de>, E> {
            Ok(Json::Number(n))
        }

        fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
            Ok(Json::String(Cow::Borrowed(s)))
        }

        fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
            Ok(Json::String(Cow::Owned(s.to_string())))
        }

        fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
            Ok(Json::String(Cow::Owned(s)))
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(Json::Array(items))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
            while let Some(Key(k)) = map.next_key()? {
                entries.push((k, map.next_value()?));
            }
            Ok(Json::Object(JsonMap(entries)))
        }
    }

    /// A key, borrowed when it has no escape.
    struct Key<'a>(Cow<'a, str>);

    impl<'de> Deserialize<'de> for Key<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct KeyVisitor;
            impl<'de> Visitor<'de> for KeyVisitor {
                type Value = Key<'de>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a key")
                }
                fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                    Ok(Key(Cow::Borrowed(s)))
                }
                fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                    Ok(Key(Cow::Owned(s.to_string())))
                }
                fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
                    Ok(Key(Cow::Owned(s)))
                }
            }
            d.deserialize_str(KeyVisitor)
        }
    }
}

/// One of a serde enum's values, from a string (`"part-time"`).
pub(crate) fn enum_of<T: de::DeserializeOwned>(s: &str) -> Option<T> {
    T::deserialize(de::value::StrDeserializer::<de::value::Error>::new(s)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_serde_json_value_does() {
        let text = r#"{"a":[1,2.5,-3,"x\n",null,true],"b":{"c":"d"},"é":18446744073709551615}"#;
        let json = Json::parse(text.as_bytes()).expect("JSON");
        let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        assert_eq!(json, Json::from(&value));
        let Json::Object(map) = &json else {
            panic!("an object")
        };
        assert_eq!(
            map.get("é").and_then(Json::as_f64),
            Some(18_446_744_073_709_551_615.0)
        );
        // The last of a repeated key, as serde_json keeps it.
        let Some(Json::Object(b)) = Json::parse(br#"{"c":"d","c":"e"}"#) else {
            panic!("an object")
        };
        assert_eq!(b.get("c").and_then(Json::as_str), Some("e"));
    }

    #[test]
    fn not_json_is_none() {
        for text in ["", "{", "[1,]", "nul", "\"\\ud800\"", "1e400", "{} x"] {
            assert_eq!(Json::parse(text.as_bytes()), None, "{text}");
        }
    }
}

/// [`Json::parse`] against serde_json's reading of the same text (the `Deserialize` above,
/// as `Json::parse` read before): the same value, every number bit for bit, or both none.
/// The host build's serde_json has `float_roundtrip` (jsonschema, a dev-dependency, turns it
/// on): every number the nearest double, as JavaScript reads it.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod against_serde_json {
    use super::Json;
    use proptest::prelude::*;

    /// `{:?}` tells every double apart (-0.0 from 0.0 too).
    fn same(text: &[u8]) -> Result<(), TestCaseError> {
        let ours = Json::parse(text).map(|v| format!("{v:?}"));
        let theirs = serde_json::from_slice::<Json>(text)
            .ok()
            .map(|v| format!("{v:?}"));
        prop_assert_eq!(ours, theirs, "{}", String::from_utf8_lossy(text));
        Ok(())
    }

    fn nested(open: &str, close: &str, levels: usize) -> String {
        format!("{}1{}", open.repeat(levels), close.repeat(levels))
    }

    #[test]
    fn hand_cases() {
        let cases: &[&str] = &[
            "",
            " ",
            "null",
            "true",
            "false",
            "nul",
            "truex",
            "0",
            "-0",
            "-0.0",
            "0.0",
            "01",
            "-01",
            "1.",
            ".5",
            "+1",
            "-",
            "1e",
            "1e+",
            "1e-",
            "--1",
            "1.5e3",
            "1E3",
            "1e+3",
            "1e-3",
            "12345678901234567890",
            "123456789012345678901234567890",
            "-9223372036854775808",
            "18446744073709551615",
            "18446744073709551616",
            "9007199254740993",
            "0.99999999999999989",
            "0.1",
            "2.2250738585072011e-308",
            "4.9e-324",
            "5e-325",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "1e400",
            "-1e400",
            "1e-400",
            "0e99999999999999999999",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "-0e5",
            "123456789012345",
            "1234567890123456",
            "999999999999999",
            "[1,]",
            "[,1]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":1,\"a\":2}",
            "[1 2]",
            "[] []",
            "{} x",
            "\"\\ud83d\\ude00\"",
            "\"\\udc00\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\ud800x\"",
            "\"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12G4\"",
            "\"a\u{1}b\"",
            "\"a\u{7f}é😀\"",
            "\"\\uDBFF\\uDFFF\"",
            " [ 1 , { \"k\" : [ ] } ] ",
            "\t\n\r1\r\n\t",
            "\u{b}1",
            "\u{c}1",
            "\u{a0}1",
            "\u{feff}1",
            "[\"a\",\"a\\u0000\"]",
        ];
        for text in cases {
            same(text.as_bytes()).unwrap();
        }
        // Not UTF-8: in a string, outside one, cut in the middle of a character.
        for text in [&b"\"\xff\""[..], b"\xff", b"\"\xc3\"", b"[\"\xe2\x82\"]"] {
            same(text).unwrap();
        }
        // serde_json's nesting limit: 127 levels read, 128 refused.
        for levels in [1, 126, 127, 128, 200] {
            same(nested("[", "]", levels).as_bytes()).unwrap();
            same(nested("{\"a\":", "}", levels).as_bytes()).unwrap();
            same(nested("[{\"a\":", "}]", levels / 2).as_bytes()).unwrap();
        }
        assert!(Json::parse(nested("[", "]", 127).as_bytes()).is_some());
        assert!(Json::parse(nested("[", "]", 128).as_bytes()).is_none());
    }

    /// Any JSON value, as text with white space where JSON allows it.
    fn any_json() -> impl Strategy<Value = String> {
        let space = "[ \t\n\r]{0,2}";
        let leaf = prop_oneof![
            Just("null".to_string()),
            any::<bool>().prop_map(|b| b.to_string()),
            any::<f64>().prop_map(|x| serde_json::to_string(&x).unwrap()),
            any::<i64>().prop_map(|x| x.to_string()),
            "-?(0|[1-9][0-9]{0,25})(\\.[0-9]{1,25})?([eE][+-]?[0-9]{1,3})?",
            any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
            "\"([a-z]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*\"",
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                proptest::collection::vec((inner.clone(), space), 0..6).prop_map(|items| {
                    let items: Vec<String> = items.into_iter().map(|(v, s)| v + &s).collect();
                    format!("[{}]", items.join(","))
                }),
                proptest::collection::vec(("[a-c\"\\\\é]{0,3}", inner, space), 0..6).prop_map(
                    |entries| {
                        let entries: Vec<String> = entries
                            .into_iter()
                            .map(|(k, v, s)| {
                                format!("{}{s}:{s}{v}", serde_json::to_string(&k).unwrap())
                            })
                            .collect();
                        format!("{{{}}}", entries.join(","))
                    }
                ),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_json_text_as_serde_json_reads_it(text in any_json(), pad in "[ \t\n\r]{0,2}") {
            same(format!("{pad}{text}{pad}").as_bytes())?;
        }

        /// Valid JSON cut short or with a byte changed: mostly not JSON, refused alike.
        #[test]
        fn json_text_broken_as_serde_json_reads_it(
            text in any_json(),
            at in any::<prop::sample::Index>(),
            byte in prop::sample::select(b"[]{}:,\"\\0123456789.eE+-tfnu \x01\xff".to_vec()),
            cut in any::<bool>(),
        ) {
            let mut bytes = text.into_bytes();
            let i = at.index(bytes.len() + 1);
            if cut {
                bytes.truncate(i);
            } else if i < bytes.len() {
                bytes[i] = byte;
            }
            same(&bytes)?;
        }

        /// Text of JSON's characters in any order.
        #[test]
        fn any_text_of_json_characters_as_serde_json_reads_it(
            text in "[\\[\\]{}:,\"\\\\0-9.eE+\\-tfrnula \t\n\u{1}é]{0,24}"
        ) {
            same(text.as_bytes())?;
        }

        /// Numbers of any digits and exponent (the doubles' edges, long digit strings).
        #[test]
        fn any_number_as_serde_json_reads_it(
            text in "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,40})?([eE][+-]?[0-9]{1,25})?"
        ) {
            same(text.as_bytes())?;
        }

        /// Every double as Rust and JavaScript write it.
        #[test]
        fn any_double_as_serde_json_reads_it(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
            same(format!("{x}").as_bytes())?;
            same(format!("{x:e}").as_bytes())?;
            same(format!("{x:?}").as_bytes())?;
        }
    }
}
