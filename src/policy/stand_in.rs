//! Stand-ins for the elements of a policy that could not be read, so the policy is still
//! checked as a whole in the same round (issue 24): a misspelt role reference is reported
//! together with a misspelt key elsewhere, not only once the key is mended.
//!
//! A stand-in keeps what others refer to — the element's id, and a cadence rule's
//! obligation — and nothing else; whatever the whole-policy check finds about a stand-in
//! itself is dropped ([`StandIns::covers`]), as its reading problems are already listed.

use super::model::{Policy, Role, Rule, Template};
use serde_json::{json, Value};

/// The paths of the elements standing in, and whether the top level stands in too.
#[derive(Default)]
pub(super) struct StandIns {
    paths: Vec<String>,
}

impl StandIns {
    /// Whether a problem at `path` is about a stand-in.
    pub(super) fn covers(&self, path: &str) -> bool {
        self.paths.iter().any(|s| {
            path.strip_prefix(s.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
    }

    /// Nothing stands in: the policy read completely.
    pub(super) fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The top level (`format`, `id`, the strings) stands in: it could not be read.
    pub(super) fn shell(&mut self) -> Option<Policy> {
        let keys = [
            "format",
            "id",
            "authority",
            "title",
            "document",
            "version",
            "replaces",
        ];
        self.paths.extend(keys.map(String::from));
        serde_json::from_value(json!({
            "format": 1, "id": "stand-in", "authority": "-", "title": "-", "document": "-",
            "roles": []
        }))
        .ok()
    }

    /// The elements of one list, `read[i]` where element `i` was read, else its stand-in.
    pub(super) fn fill<T>(
        &mut self,
        key: &str,
        raw: &[Value],
        read: Vec<Option<T>>,
        make: impl Fn(&Value) -> Option<T>,
    ) -> Vec<T> {
        let mut out = Vec::with_capacity(read.len());
        for (i, (t, v)) in read.into_iter().zip(raw).enumerate() {
            match t {
                Some(t) => out.push(t),
                None => {
                    self.paths.push(format!("{key}[{i}]"));
                    out.extend(make(v));
                }
            }
        }
        out
    }
}

fn id_of(v: &Value) -> &str {
    v.get("id").and_then(Value::as_str).unwrap_or_default()
}

/// A role that could not be read: its id.
pub(super) fn role(v: &Value) -> Option<Role> {
    serde_json::from_value(json!({ "id": id_of(v), "label": "-", "source": "-" })).ok()
}

/// A template that could not be read: its id.
pub(super) fn template(v: &Value) -> Option<Template> {
    let t = json!({ "id": id_of(v), "title": "-", "source": "-", "sections": [] });
    serde_json::from_value(t).ok()
}

/// A rule that could not be read: its id, and a cadence's obligation when that reads (a
/// template rule measures by the cadence of its obligation).
pub(super) fn rule(v: &Value) -> Option<Rule> {
    let cadence = v.get("kind").and_then(Value::as_str) == Some("cadence");
    let obligation = v.get("obligation").cloned().unwrap_or_default();
    let as_cadence = json!({
        "id": id_of(v), "source": "-", "kind": "cadence", "obligation": obligation,
        "counts": ["one-to-one"], "every": "1 week"
    });
    let other = json!({
        "id": id_of(v), "source": "-", "kind": "max-gap", "counts": ["one-to-one"],
        "gap": "1 week"
    });
    cadence
        .then(|| serde_json::from_value(as_cadence).ok())
        .flatten()
        .or_else(|| serde_json::from_value(other).ok())
}
