//! Deriving a policy from a registered one: `extends`, replacing and adding elements by id,
//! and `remove`; and putting the merged policy's problems back in the author's terms.

use super::keys::did_you_mean;
use super::{Policy, Registry};
use crate::error::PolicyProblem;
use crate::terms::Problems;
use serde_json::{Map, Value};
use std::sync::Arc;

/// The three lists a derived policy changes by id.
const LISTS: [&str; 3] = ["roles", "rules", "templates"];

/// The base policy `extends` names, or the problem with it.
pub(super) fn resolve(
    extends: Option<Value>,
    registry: Option<&Registry>,
    problems: &mut Problems,
) -> Option<Arc<Policy>> {
    let Some(Value::String(id)) = extends else {
        problems.push("extends", "the id of a registered policy, as a string");
        return None;
    };
    let found = registry.and_then(|r| r.get(&id).ok());
    if found.is_none() {
        let ids: Vec<String> = registry
            .map(|r| r.all().map(|p| p.id.clone()).collect())
            .unwrap_or_default();
        problems.push(
            "extends",
            format!(
                "the id of a registered policy: {}one of {}",
                did_you_mean(&id, ids.iter().map(String::as_str)),
                ids.join(", ")
            ),
        );
    }
    found.cloned()
}

/// Where an element of the merged policy came from.
#[derive(Debug, Clone)]
enum Origin {
    /// The derived file's own element at this index.
    Author(usize),
    /// The base's element at this index, inherited.
    Base(usize),
}

/// For each list, where each element of the merged policy came from (with its id).
pub(super) struct Origins {
    base: String,
    lists: [Vec<(Origin, Option<String>)>; 3],
}

impl Origins {
    /// `problem`, found in the merged policy, at its path in the derived file; a problem in
    /// an element inherited from the base says so, at `extends`.
    pub(super) fn in_author_terms(&self, problem: PolicyProblem) -> PolicyProblem {
        let Some((list, index, rest)) = element_path(&problem.path) else {
            return problem;
        };
        let Some((origin, id)) = LISTS
            .iter()
            .position(|l| *l == list)
            .and_then(|i| self.lists.get(i))
            .and_then(|l| l.get(index))
        else {
            return problem;
        };
        let singular = list.trim_end_matches('s');
        let named = id
            .as_ref()
            .map(|id| format!(" ({singular} \"{id}\")"))
            .unwrap_or_default();
        match origin {
            Origin::Author(j) => PolicyProblem {
                path: format!("{list}[{j}]{rest}"),
                expected: format!("{}{named}", problem.expected),
            },
            Origin::Base(i) => PolicyProblem {
                path: "extends".into(),
                expected: format!(
                    "in {}'s {list}[{i}]{rest}{named}, inherited unchanged: {}",
                    self.base, problem.expected
                ),
            },
        }
    }
}

/// `rules[3].every` → (`rules`, 3, `.every`).
fn element_path(path: &str) -> Option<(&str, usize, &str)> {
    let (list, tail) = path.split_once('[')?;
    let (index, rest) = tail.split_once(']')?;
    Some((list, index.parse().ok()?, rest))
}

/// Applies a derived policy's changes to its base, as JSON; and where each element came
/// from.
pub(super) fn derive(
    base: &Policy,
    overlay: Map<String, Value>,
    problems: &mut Problems,
) -> (Map<String, Value>, Origins) {
    let mut origins = Origins {
        base: base.id.clone(),
        lists: Default::default(),
    };
    let Ok(Value::Object(mut out)) = serde_json::to_value(base) else {
        problems.push("extends", "a base policy that can be copied");
        return (overlay, origins);
    };
    // Replacing is said by the policy registered, never inherited.
    out.remove("replaces");
    for (list, slot) in LISTS.iter().zip(origins.lists.iter_mut()) {
        if let Some(Value::Array(items)) = out.get(*list) {
            *slot = items
                .iter()
                .enumerate()
                .map(|(i, e)| (Origin::Base(i), id_of(e)))
                .collect();
        }
    }
    let mut removals = Vec::new();
    for (key, value) in overlay {
        match key.as_str() {
            "roles" | "rules" | "templates" => {
                let Value::Array(items) = value else {
                    problems.push(key.clone(), "an array");
                    continue;
                };
                let at = LISTS.iter().position(|l| *l == key).unwrap_or_default();
                if let Some(o) = origins.lists.get_mut(at) {
                    replace_by_id(&mut out, key, items, o);
                }
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
    remove(&mut out, removals, &mut origins, problems);
    (out, origins)
}

fn id_of(e: &Value) -> Option<String> {
    e.get("id").and_then(Value::as_str).map(str::to_owned)
}

/// The overlay's roles, rules or templates over the base's: one with the id of a base one
/// replaces it in place; the others are added at the end.
fn replace_by_id(
    out: &mut Map<String, Value>,
    key: String,
    items: Vec<Value>,
    origins: &mut Vec<(Origin, Option<String>)>,
) {
    let target = out.entry(key).or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(existing) = target else {
        return;
    };
    for (j, item) in items.into_iter().enumerate() {
        let id = id_of(&item);
        let at = id.as_ref().and_then(|id| {
            existing
                .iter()
                .position(|e| e.get("id").and_then(Value::as_str) == Some(id))
        });
        let origin = (Origin::Author(j), id);
        match at {
            Some(pos) => {
                if let (Some(slot), Some(o)) = (existing.get_mut(pos), origins.get_mut(pos)) {
                    *slot = item;
                    *o = origin;
                }
            }
            None => {
                existing.push(item);
                origins.push(origin);
            }
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
        if !LISTS.contains(&kind.as_str()) {
            problems.push(
                format!("remove.{kind}"),
                format!(
                    "{}one of roles, rules, templates",
                    did_you_mean(&kind, LISTS)
                ),
            );
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
    origins: &mut Origins,
    problems: &mut Problems,
) {
    for (kind, i, id) in removals {
        let at = LISTS.iter().position(|l| *l == kind).unwrap_or_default();
        let (Some(Value::Array(items)), Some(o)) = (out.get_mut(&kind), origins.lists.get_mut(at))
        else {
            continue;
        };
        let Some(pos) = items
            .iter()
            .position(|e| e.get("id").and_then(Value::as_str) == Some(id.as_str()))
        else {
            let ids: Vec<String> = items.iter().filter_map(id_of).collect();
            problems.push(
                format!("remove.{kind}[{i}]"),
                format!(
                    "the id of one of the base policy's {kind}: {}one of {}",
                    did_you_mean(&id, ids.iter().map(String::as_str)),
                    ids.join(", ")
                ),
            );
            continue;
        };
        items.remove(pos);
        if pos < o.len() {
            o.remove(pos);
        }
    }
}
