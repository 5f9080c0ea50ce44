//! Policies as data: the model, loading and checking policy JSON, deriving one policy from
//! another, and the registry of built-in and registered policies.
//!
//! A policy is checked as a whole before it is used: every problem is reported with its JSON
//! path ([`PolicyProblem`]), and nothing is registered unless there are none.

mod load;
mod model;
mod schema;

pub use load::{check, parse_policy, parse_policy_value};
pub use model::*;
pub use schema::{json_schema, EXTENSION_KEYWORDS};

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The built-in policies' JSON, embedded at build time.
pub const BUILTIN_SOURCES: &[(&str, &str)] = &[
    ("stockport", include_str!("../policies/stockport.json")),
    (
        "north-east-lincolnshire",
        include_str!("../policies/north-east-lincolnshire.json"),
    ),
    ("havering", include_str!("../policies/havering.json")),
    ("shropshire", include_str!("../policies/shropshire.json")),
    (
        "south-gloucestershire",
        include_str!("../policies/south-gloucestershire.json"),
    ),
];

/// The built-in policies, parsed once.
///
/// A built-in file that fails its checks is left out here; `tests/builtin_policies.rs`
/// fails the build's tests in that case, so such a file cannot ship.
pub fn builtins() -> &'static [Arc<Policy>] {
    static BUILTINS: OnceLock<Vec<Arc<Policy>>> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .filter_map(|(_, json)| parse_policy(json, None).ok())
            .map(Arc::new)
            .collect()
    })
}

/// The built-in and registered policies, by id.
#[derive(Debug, Clone)]
pub struct Registry {
    policies: BTreeMap<String, Arc<Policy>>,
    order: Vec<String>,
}

impl Default for Registry {
    fn default() -> Self {
        Self::with_builtins()
    }
}

impl Registry {
    /// A registry holding the five built-in policies.
    pub fn with_builtins() -> Self {
        let mut r = Registry {
            policies: BTreeMap::new(),
            order: Vec::new(),
        };
        for p in builtins() {
            r.insert(Arc::clone(p));
        }
        r
    }

    fn insert(&mut self, p: Arc<Policy>) {
        if !self.policies.contains_key(&p.id) {
            self.order.push(p.id.clone());
        }
        self.policies.insert(p.id.clone(), p);
    }

    /// Every policy, built-ins first, then in the order registered.
    pub fn all(&self) -> impl Iterator<Item = &Arc<Policy>> {
        self.order.iter().filter_map(|id| self.policies.get(id))
    }

    /// The policy with this id.
    ///
    /// # Errors
    /// [`Error::UnknownPolicy`] when none is registered under `id`.
    pub fn get(&self, id: &str) -> Result<&Arc<Policy>> {
        self.policies
            .get(id)
            .ok_or_else(|| Error::unknown_policy(id))
    }

    /// The template `template_id` of policy `policy_id`.
    ///
    /// # Errors
    /// [`Error::UnknownPolicy`] or [`Error::UnknownTemplate`].
    pub fn template(&self, policy_id: &str, template_id: &str) -> Result<(&Policy, &Template)> {
        let p = self.get(policy_id)?;
        let t = p
            .templates
            .iter()
            .find(|t| t.id == template_id)
            .ok_or_else(|| Error::unknown_template(policy_id, template_id))?;
        Ok((p, t))
    }

    /// Checks and registers a council's own policy, given as JSON text or a parsed value.
    /// A policy with `extends` is derived from a registered one. Registering an id again
    /// replaces the earlier policy (built-ins included), so a council can change a reading.
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] listing every problem; nothing is registered then.
    pub fn register(&mut self, value: serde_json::Value) -> Result<Arc<Policy>> {
        let policy = Arc::new(parse_policy_value(value, Some(self))?);
        self.insert(Arc::clone(&policy));
        Ok(policy)
    }
}
