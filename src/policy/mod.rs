//! Policies as data: the model, loading and checking policy JSON, deriving one policy from
//! another, and the registry of built-in and registered policies.
//!
//! A policy is checked as a whole before it is used: every problem is reported with its JSON
//! path ([`PolicyProblem`]), and nothing is registered unless there are none.

mod check;
mod compiled;
mod cycles;
#[cfg(feature = "authoring")]
mod derive;
#[cfg(feature = "authoring")]
mod keys;
#[cfg(feature = "authoring")]
mod load;
#[cfg(feature = "authoring")]
mod locate;
mod model;
mod read;
mod select;
#[cfg(feature = "authoring")]
mod stand_in;
mod template;

pub(crate) use check::{Problems, TemplateRuleAt};
pub use compiled::{compile, load_compiled, COMPILED_FORMAT};
#[cfg(feature = "authoring")]
pub(crate) use load::KindReader;
#[cfg(feature = "authoring")]
pub use load::{parse_policy, parse_policy_value, MAX_PROBLEMS};
#[cfg(feature = "authoring")]
pub use locate::{check_text, Located};
pub use model::*;
pub use read::read_unchecked;
pub(crate) use read::{by_name as read_by_name, read_fields, Json, Read};
pub use select::{Selection, Who};

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The built-in policies' JSON, embedded at build time (minified by `build.rs` from
/// `src/policies/*.json`). Empty without the `builtins` feature: such a build (the npm
/// package's `supervision-rules/base`) loads a council's policy module instead.
#[cfg(feature = "builtins")]
pub const BUILTIN_SOURCES: &[(&str, &str)] = &[
    (
        "stockport",
        include_str!(concat!(env!("OUT_DIR"), "/stockport.json")),
    ),
    (
        "north-east-lincolnshire",
        include_str!(concat!(env!("OUT_DIR"), "/north-east-lincolnshire.json")),
    ),
    (
        "havering",
        include_str!(concat!(env!("OUT_DIR"), "/havering.json")),
    ),
    (
        "shropshire",
        include_str!(concat!(env!("OUT_DIR"), "/shropshire.json")),
    ),
    (
        "south-gloucestershire",
        include_str!(concat!(env!("OUT_DIR"), "/south-gloucestershire.json")),
    ),
];

/// No built-in policies: see above.
#[cfg(not(feature = "builtins"))]
pub const BUILTIN_SOURCES: &[(&str, &str)] = &[];

/// The built-in policies, parsed once.
///
/// A built-in file that fails its checks is left out here; `tests/builtin_policies.rs`
/// fails the build's tests in that case, so such a file cannot ship.
pub fn builtins() -> &'static [Arc<Policy>] {
    static BUILTINS: OnceLock<Vec<Arc<Policy>>> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .filter_map(|(id, _)| builtin(id).cloned())
            .collect()
    })
}

/// The built-in policy `id`, parsed the first time it is asked for: a page that checks one
/// council's records parses that council's policy only (in a browser, parsing all five was
/// most of the time the first call took). `None` for another id, or a file that fails its
/// checks (which `tests/builtin_policies.rs` prevents from shipping).
fn builtin(id: &str) -> Option<&'static Arc<Policy>> {
    static PARSED: [OnceLock<Option<Arc<Policy>>>; BUILTIN_SOURCES.len()] =
        [const { OnceLock::new() }; BUILTIN_SOURCES.len()];
    let i = BUILTIN_SOURCES.iter().position(|(known, _)| *known == id)?;
    let (_, json) = BUILTIN_SOURCES.get(i)?;
    PARSED
        .get(i)?
        .get_or_init(|| read_unchecked(json).map(Arc::new))
        .as_ref()
}

/// The compiled form of the built-in policy `id` (its policy module's text), if there is one.
#[cfg(feature = "authoring")]
fn builtin_compiled(id: &str) -> Option<String> {
    builtin(id).and_then(|p| compile(p).ok())
}

/// The built-in and registered policies, by id.
#[derive(Debug, Clone)]
pub struct Registry {
    /// Registered policies (a built-in replaced by registering its id again included).
    /// The built-ins themselves are parsed on first use, by [`builtin`].
    policies: BTreeMap<String, Arc<Policy>>,
    /// Every id: the built-ins first, then in the order registered.
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
        Registry {
            policies: BTreeMap::new(),
            order: BUILTIN_SOURCES
                .iter()
                .map(|(id, _)| (*id).to_string())
                .collect(),
        }
    }

    /// Registers `p`; an id already in use only when `p` says it replaces it.
    fn insert(&mut self, p: Arc<Policy>) -> Result<()> {
        self.free(&p)?;
        if !self.order.contains(&p.id) {
            self.order.push(p.id.clone());
        }
        self.policies.insert(p.id.clone(), p);
        Ok(())
    }

    /// `p`'s id is not in use, or `p` replaces the policy registered under it on purpose.
    fn free(&self, p: &Policy) -> Result<()> {
        self.id_free(&p.id, p.replaces.as_deref())
    }

    /// Whether a policy with this `id` and `replaces` may be registered (`free`, for a
    /// policy not yet read: checkPolicy reports it with the policy's other problems).
    pub(crate) fn id_free(&self, id: &str, replaces: Option<&str>) -> Result<()> {
        let in_use = self.get(id).is_ok();
        if !in_use || replaces == Some(id) {
            return Ok(());
        }
        let what = if BUILTIN_SOURCES.iter().any(|(b, _)| *b == id) {
            "a built-in policy"
        } else {
            "a registered policy"
        };
        Err(Error::InvalidPolicy(vec![crate::error::PolicyProblem {
            path: "id".into(),
            expected: format!(
                concat!(
                    "an id not in use: \"{id}\" is {what}; ",
                    "to replace it on purpose, add \"replaces\": \"{id}\""
                ),
                id = id,
                what = what
            ),
        }]))
    }

    /// The policy `id` is a replacement of a built-in or earlier one (`replaces`).
    pub fn replaced(&self, id: &str) -> bool {
        self.policies
            .get(id)
            .is_some_and(|p| p.replaces.as_deref() == Some(id))
    }

    /// Every policy, built-ins first, then in the order registered.
    pub fn all(&self) -> impl Iterator<Item = &Arc<Policy>> {
        self.order.iter().filter_map(|id| self.get(id).ok())
    }

    /// The policy with this id.
    ///
    /// # Errors
    /// [`Error::UnknownPolicy`] when none is registered under `id`.
    pub fn get(&self, id: &str) -> Result<&Arc<Policy>> {
        self.policies
            .get(id)
            .or_else(|| builtin(id))
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

    /// Checks and registers a council's own policy, given as a parsed JSON value. A policy
    /// with `extends` is derived from a registered one. An id already in use (a built-in's
    /// included) is an error unless the policy says `"replaces": "<its id>"`: a council
    /// replaces a policy only on purpose.
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] listing every problem; nothing is registered then.
    #[cfg(feature = "authoring")]
    pub fn register(&mut self, value: serde_json::Value) -> Result<Arc<Policy>> {
        let policy = Arc::new(parse_policy_value(value, Some(self))?);
        self.insert(Arc::clone(&policy))?;
        Ok(policy)
    }

    /// Checks a council's own policy as [`register`](Self::register) does (resolving
    /// `extends` against this registry) and returns its compiled form, which
    /// [`load_compiled`] reads without the checks; nothing is registered. The compiled form
    /// is loaded into another registry, so of the ids in use only the built-ins' are
    /// checked here (a built-in's id needs `replaces`); [`load_compiled`](Self::load_compiled)
    /// checks the rest.
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] listing every problem.
    ///
    /// A built-in policy's own file compiles too (unchanged, it needs no `replaces`): that
    /// is the npm package's policy module of that council (`supervision-rules/policies/…`),
    /// which a core with no built-in policies loads, and a core holding it takes as is.
    #[cfg(feature = "authoring")]
    pub fn compile(&self, value: serde_json::Value) -> Result<String> {
        let policy = parse_policy_value(value, Some(self))?;
        let compiled = compile(&policy)?;
        if builtin_compiled(&policy.id).as_deref() != Some(compiled.as_str()) {
            // Loaded into another registry: only the built-ins are known to be there.
            Registry::with_builtins().free(&policy)?;
        }
        Ok(compiled)
    }

    /// Registers a policy compiled by [`compile`](Self::compile) (see [`load_compiled`]).
    /// As with [`register`](Self::register), an id in use only with `replaces`.
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] when the text is not a compiled policy of this format, or
    /// its id is in use and it does not say it replaces that policy.
    ///
    /// The policy in force under its id, compiled again (a built-in's own module loaded into
    /// a registry holding the built-in, or one module loaded twice), is taken as is: nothing
    /// changes.
    pub fn load_compiled(&mut self, text: &str) -> Result<Arc<Policy>> {
        let policy = Arc::new(load_compiled(text)?);
        if let Ok(current) = self.get(&policy.id) {
            if compile(current).is_ok_and(|c| c == text) {
                return Ok(Arc::clone(current));
            }
        }
        self.insert(Arc::clone(&policy))?;
        Ok(policy)
    }
}
