//! Strict reading: the keys each object of the format allows, taken from the model's own
//! serde attributes, and "did you mean" for a near miss.
//!
//! Serde stops at the first unknown key and cannot see through `#[serde(flatten)]` (a rule's
//! kind, a template rule's kind), so every object is checked here first: each unknown key is
//! a problem of its own, at its own path, with the keys allowed there.

use crate::terms::Problems;
use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// The keys a struct reads, as its `Deserialize` names them (renames applied).
///
/// Asks the struct to deserialise itself from a deserialiser that records the field list
/// serde hands to `deserialize_struct` and stops there. A type read some other way (a map,
/// an enum) gives none.
pub(crate) fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    match T::deserialize(FieldNames) {
        Err(Captured(Some(fields))) => fields,
        _ => &[],
    }
}

struct FieldNames;

#[derive(Debug)]
struct Captured(Option<&'static [&'static str]>);

impl fmt::Display for Captured {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field names")
    }
}

impl std::error::Error for Captured {}

impl de::Error for Captured {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Captured(None)
    }
}

impl<'de> Deserializer<'de> for FieldNames {
    type Error = Captured;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Captured> {
        Err(Captured(None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Captured> {
        Err(Captured(Some(fields)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The nearest of `known` to `word`, when it is near enough to be a slip of the keyboard
/// (`overide` → `overrides`, `Every` → `every`).
pub(crate) fn near<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let lower = word.to_lowercase();
    known
        .into_iter()
        .map(|k| (k, strsim::jaro_winkler(&lower, &k.to_lowercase())))
        .filter(|(_, score)| *score >= 0.85)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

/// `did you mean "x"? ` for a near miss, or nothing.
pub(crate) fn did_you_mean<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> String {
    near(word, known)
        .map(|k| format!("did you mean \"{k}\"? "))
        .unwrap_or_default()
}

/// Reports every key of `obj` (at `path`) that is not in `allowed`, and returns `obj`
/// without them, so the rest of the object is still read and checked.
pub(crate) fn known_keys(
    obj: &Map<String, Value>,
    path: &str,
    what: &str,
    allowed: &[&str],
    problems: &mut Problems,
) -> Map<String, Value> {
    let mut kept = Map::new();
    for (key, value) in obj {
        if allowed.contains(&key.as_str()) {
            kept.insert(key.clone(), value.clone());
        } else {
            problems.push(
                join(path, key),
                format!(
                    "no key \"{key}\" in {what}: {}the keys are {}",
                    did_you_mean(key, allowed.iter().copied()),
                    allowed.join(", ")
                ),
            );
        }
    }
    kept
}

/// `path.key`, or `key` at the top.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Deserialises `v` (at `path`) as `T`, recording every bad value at its own path: after
/// each, the key it is under is set aside and the rest read again. `None` if any was bad.
pub(crate) fn de<T: DeserializeOwned>(v: &Value, path: &str, problems: &mut Problems) -> Option<T> {
    let mut v = v.clone();
    let mut set_aside: Vec<String> = Vec::new();
    let mut reported: Vec<String> = Vec::new();
    loop {
        let e = match serde_path_to_error::deserialize::<_, T>(&v) {
            Ok(t) => return set_aside.is_empty().then_some(t),
            Err(e) => e,
        };
        let inner = e.path().to_string();
        let message = explain(&e.into_inner().to_string());
        let full = match (path.is_empty(), inner.as_str()) {
            (_, ".") => path.to_string(),
            (true, _) => inner.clone(),
            (false, _) if inner.starts_with('[') => format!("{path}{inner}"),
            (false, _) => format!("{path}.{inner}"),
        };
        let key: String = inner
            .chars()
            .take_while(|c| !matches!(c, '.' | '['))
            .collect();
        let removed = match &mut v {
            Value::Object(o) if inner != "." => o.remove(&key).is_some(),
            _ => false,
        };
        // What follows from setting a key aside (it is now missing) was said already.
        let follows = inner == "."
            && (reported.contains(&message)
                || set_aside
                    .iter()
                    .any(|k| message == format!("the key \"{k}\" (it is missing)")));
        if !follows {
            problems.push(full, message.clone());
            reported.push(message);
        }
        if !removed {
            return None;
        }
        set_aside.push(key);
    }
}

/// Whether `value`, under `key` of a `T`, reads as that key's value; a problem at `path`
/// when it does not (what else `T` needs is not asked here). A key that may be left out is
/// left out, not `null` (as the format has always been read).
pub(crate) fn value_of<T: DeserializeOwned>(
    key: &str,
    value: &Value,
    path: &str,
    problems: &mut Problems,
) -> bool {
    let alone = Value::Object(Map::from_iter([(key.to_string(), value.clone())]));
    match serde_path_to_error::deserialize::<_, T>(&alone) {
        Err(e) if e.path().to_string() != "." => {
            problems.push(path, explain(&e.into_inner().to_string()));
            false
        }
        _ if value.is_null() => de::<String>(value, path, problems).is_some(),
        _ => true,
    }
}

/// Serde's wording, in the format's terms: a missing key by name; a value that is none of
/// the allowed ones with the nearest of them.
fn explain(message: &str) -> String {
    if let Some(key) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        return format!("the key \"{key}\" (it is missing)");
    }
    if let Some((value, rest)) = message
        .strip_prefix("unknown variant `")
        .and_then(|m| m.split_once("`, expected "))
    {
        let allowed: Vec<&str> = rest
            .trim_start_matches("one of ")
            .split(", ")
            .flat_map(|a| a.split(" or "))
            .map(|a| a.trim_matches('`'))
            .collect();
        let hint = near(value, allowed.iter().copied())
            .map(|k| format!(": did you mean \"{k}\"?"))
            .unwrap_or_default();
        return format!("one of {} (not \"{value}\"{hint})", allowed.join(", "));
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Cadence, Policy};
    use crate::validate::Field;

    #[test]
    fn field_names_come_from_the_serde_attributes() {
        assert!(fields_of::<Policy>().contains(&"authority"));
        assert!(fields_of::<Field>().contains(&"type"));
        assert!(fields_of::<Cadence>().contains(&"absenceExtends"));
        assert!(fields_of::<String>().is_empty());
    }

    #[test]
    fn near_misses() {
        assert_eq!(near("overide", ["overrides", "note"]), Some("overrides"));
        assert_eq!(near("Every", ["every", "first"]), Some("every"));
        assert_eq!(near("frequency", ["every", "first", "counts"]), None);
    }
}
