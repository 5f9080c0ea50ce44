//! The built-in policies, embedded and parsed on first use, and the [`Registry`] of
//! built-in and registered policies by id.

use super::compiled::load_compiled;
#[cfg(feature = "authoring")]
use super::load::parse_policy_value;
use super::model::Policy;
use super::read::read_unchecked;
use crate::error::{Error, Result};
use crate::validate::Template;
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
    builtin(id).and_then(|p| super::compiled::compile(p).ok())
}

/// The built-in and registered policies, by id.
#[derive(Debug, Clone)]
pub struct Registry {
    /// Registered policies (a built-in replaced by registering its id again included).
    /// The built-ins themselves are parsed on first use, by [`builtin`].
    policies: BTreeMap<String, Arc<Policy>>,
    /// Every id: the built-ins first, then in the order registered.
    order: Vec<String>,
    /// The compiled text each policy loaded by [`load_compiled`](Self::load_compiled) was
    /// read from, by id. Its policy is the text `compile` wrote of the policy with
    /// serde_json, so `policy()` and `template()` hand that text to JavaScript as it is: a
    /// build with no built-ins and no authoring (the form and base pages) carries no writer
    /// of the policy model (issue 20).
    /// (A list, not a map: a page loads a policy or two, and a second map type costs the
    /// `.wasm` more than a search does.)
    compiled: Vec<(String, Arc<str>)>,
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
            compiled: Vec::new(),
        }
    }

    /// Registers `p`; an id already in use only when `p` says it replaces it.
    fn insert(&mut self, p: Arc<Policy>) -> Result<()> {
        self.free(&p)?;
        if !self.order.contains(&p.id) {
            self.order.push(p.id.clone());
        }
        // A policy registered over one loaded compiled is no longer that text.
        self.compiled.retain(|(id, _)| *id != p.id);
        self.policies.insert(p.id.clone(), p);
        Ok(())
    }

    /// `p`'s id is not in use, or `p` replaces the policy registered under it on purpose.
    pub(super) fn free(&self, p: &Policy) -> Result<()> {
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
        let compiled = super::compiled::compile(&policy)?;
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
            if self.compiles_to(current, text) {
                return Ok(Arc::clone(current));
            }
        }
        self.insert(Arc::clone(&policy))?;
        self.compiled.push((policy.id.clone(), Arc::from(text)));
        Ok(policy)
    }

    /// Whether `current` (the policy in force under its id) compiles to `text`: it was
    /// loaded from that text (compiling what was read from a compiled text gives the text
    /// again), or, in a build that can write a policy, compiling it gives `text`.
    fn compiles_to(&self, current: &Policy, text: &str) -> bool {
        if self.compiled_text(&current.id).is_some_and(|t| t == text) {
            return true;
        }
        // Without built-ins or authoring every policy here was loaded compiled.
        #[cfg(any(feature = "builtins", feature = "authoring"))]
        return super::compiled::compile(current).is_ok_and(|c| c == text);
        #[cfg(not(any(feature = "builtins", feature = "authoring")))]
        false
    }

    /// The compiled text the policy `id` was loaded from.
    fn compiled_text(&self, id: &str) -> Option<&str> {
        self.compiled
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, t)| &**t)
    }

    /// The policy `id` as JSON text, as `compile` wrote it with serde_json
    /// (`serde_json::to_string` of the policy), when it was loaded compiled.
    #[cfg(any(target_arch = "wasm32", test))]
    pub(crate) fn policy_text(&self, id: &str) -> Option<&str> {
        super::compiled::policy_text(self.compiled_text(id)?)
    }

    /// The template `template_id` of policy `policy_id` as JSON text (serde_json's of the
    /// template), when the policy was loaded compiled.
    #[cfg(any(target_arch = "wasm32", test))]
    pub(crate) fn template_text(&self, policy_id: &str, template_id: &str) -> Option<&str> {
        super::compiled::template_text(self.policy_text(policy_id)?, template_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A registry with no built-ins, as the form and base pages have.
    fn empty() -> Registry {
        Registry {
            policies: BTreeMap::new(),
            order: Vec::new(),
            compiled: Vec::new(),
        }
    }

    #[test]
    fn a_policy_loaded_compiled_is_its_text_as_serde_json_writes_it() {
        let builtins = Registry::with_builtins();
        let mut n = 0;
        for builtin in builtins.all() {
            // Under an id of its own: in this build `get` finds the built-ins in any registry.
            let mut p = Policy::clone(builtin);
            p.id = format!("copy-of-{}", builtin.id);
            let text = super::super::compiled::compile(&p).expect("compiles");
            let mut r = empty();
            r.load_compiled(&text).expect("loads");
            let loaded = Arc::clone(r.get(&p.id).expect("loaded"));
            assert_eq!(
                r.policy_text(&p.id),
                Some(
                    serde_json::to_string(loaded.as_ref())
                        .expect("JSON")
                        .as_str()
                )
            );
            for t in &loaded.templates {
                assert_eq!(
                    r.template_text(&p.id, &t.id),
                    Some(serde_json::to_string(t).expect("JSON").as_str()),
                    "{} {}",
                    p.id,
                    t.id
                );
                n += 1;
            }
            assert_eq!(r.template_text(&p.id, "no-such-template"), None);
            // Loaded again: the same policy, nothing changes.
            let again = r.load_compiled(&text).expect("loads again");
            assert!(Arc::ptr_eq(&again, &loaded));
        }
        assert!(n >= 19, "every built-in template, saw {n}");
        assert_eq!(empty().policy_text("havering"), None);
    }

    #[cfg(feature = "authoring")]
    #[test]
    fn a_policy_registered_over_one_loaded_compiled_has_no_text() {
        let builtins = Registry::with_builtins();
        let mut p = Policy::clone(builtins.get("havering").expect("havering"));
        p.id = "copy".into();
        let text = super::super::compiled::compile(&p).expect("compiles");
        let mut r = empty();
        r.load_compiled(&text).expect("loads");
        assert!(r.policy_text("copy").is_some());
        let mut source = serde_json::to_value(&p).expect("JSON");
        source["replaces"] = "copy".into();
        r.register(source).expect("registers");
        assert_eq!(r.policy_text("copy"), None);
        assert_eq!(r.template_text("copy", &p.templates[0].id), None);
    }
}
