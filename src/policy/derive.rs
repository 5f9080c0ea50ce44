//! Deriving a policy from a registered one: `extends`, replacing and adding elements by id,
//! and `remove`.

use super::check::Problems;
use super::Registry;
use serde_json::{Map, Value};

/// Applies a derived policy's changes to its base, as JSON.
pub(super) fn derive(
    base: Value,
    overlay: Map<String, Value>,
    registry: Option<&Registry>,
    problems: &mut Problems,
) -> Map<String, Value> {
    let Some(base_id) = base.as_str() else {
        problems.push("extends", "the id of a registered policy, as a string");
        return overlay;
    };
    let Some(base) = registry.and_then(|r| r.get(base_id).ok()) else {
        problems.push("extends", "the id of a registered policy (see policies())");
        return overlay;
    };
    let Ok(Value::Object(mut out)) = serde_json::to_value(base.as_ref()) else {
        problems.push("extends", "a base policy that can be copied");
        return overlay;
    };
    let mut removals = Vec::new();
    for (key, value) in overlay {
        match key.as_str() {
            "roles" | "rules" | "templates" => {
                let Value::Array(items) = value else {
                    problems.push(key.clone(), "an array");
                    continue;
                };
                replace_by_id(&mut out, key, items);
            }
            "notes" => {
                let Value::Array(items) = value else {
                    problems.push("notes", "an array of strings");
                    continue;
                };
                if let Some(Value::Array(existing)) = out.get_mut("notes") {
                    existing.extend(items);
                } else {
                    out.insert(key, Value::Array(items));
                }
            }
            "remove" => removals.extend(read_removals(value, problems)),
            _ => {
                out.insert(key, value);
            }
        }
    }
    remove(&mut out, removals, problems);
    out
}

/// The overlay's roles, rules or templates over the base's: one with the id of a base one
/// replaces it in place; the others are added at the end.
fn replace_by_id(out: &mut Map<String, Value>, key: String, items: Vec<Value>) {
    let target = out.entry(key).or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(existing) = target else {
        return;
    };
    for item in items {
        let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
        match id.and_then(|id| {
            existing
                .iter()
                .position(|e| e.get("id").and_then(Value::as_str) == Some(&id))
        }) {
            Some(pos) => {
                if let Some(slot) = existing.get_mut(pos) {
                    *slot = item;
                }
            }
            None => existing.push(item),
        }
    }
}

/// `remove`: `(kind, index, id)` for each id to remove from the base's roles, rules or
/// templates.
fn read_removals(value: Value, problems: &mut Problems) -> Vec<(String, usize, String)> {
    let Value::Object(kinds) = value else {
        problems.push(
            "remove",
            "an object: {\"rules\": [ids], \"templates\": [ids], \"roles\": [ids]}",
        );
        return Vec::new();
    };
    let mut removals = Vec::new();
    for (kind, ids) in kinds {
        if !matches!(kind.as_str(), "roles" | "rules" | "templates") {
            problems.push(format!("remove.{kind}"), "one of roles, rules, templates");
            continue;
        }
        let Value::Array(ids) = ids else {
            problems.push(format!("remove.{kind}"), "an array of ids");
            continue;
        };
        for (i, id) in ids.into_iter().enumerate() {
            match id {
                Value::String(s) => removals.push((kind.clone(), i, s)),
                _ => problems.push(format!("remove.{kind}[{i}]"), "an id as a string"),
            }
        }
    }
    removals
}

/// Removes each of `removals` from the derived policy; one the base does not have is a
/// problem.
fn remove(
    out: &mut Map<String, Value>,
    removals: Vec<(String, usize, String)>,
    problems: &mut Problems,
) {
    for (kind, i, id) in removals {
        let found = match out.get_mut(&kind) {
            Some(Value::Array(items)) => {
                let before = items.len();
                items.retain(|e| e.get("id").and_then(Value::as_str) != Some(id.as_str()));
                items.len() != before
            }
            _ => false,
        };
        if !found {
            problems.push(
                format!("remove.{kind}[{i}]"),
                format!("the id of one of the base policy's {kind}"),
            );
        }
    }
}
