//! The borrowed value ([`Json`], [`JsonMap`]) and its reading from JSON text by serde.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

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
    /// Reads JSON text borrowed; `None` when it is not JSON. Nesting is bounded by the
    /// parser (128 levels); callers bound it further before reading.
    #[cfg(any(target_arch = "wasm32", test))]
    pub fn parse(text: &'a [u8]) -> Option<Json<'a>> {
        serde_json::from_slice(text).ok()
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
