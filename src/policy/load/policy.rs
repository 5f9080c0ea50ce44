//! Loading a policy (the policy, its roles and rules; `template.rs` its templates): JSON text or value → checked [`Policy`], with every problem listed.
//!
//! Each rule, template, section and field is read on its own, so one bad element does not
//! hide the next; inside an element every unknown key is reported ([`super::keys`]) and
//! every bad value at its own path ([`de`]); [`check`](super::check) then checks the typed
//! policy as a whole. A derived policy (`extends`) is merged with its base and its problems
//! are put back in the author's terms ([`super::derive`]).

use crate::error::{Error, PolicyProblem, Result};
use crate::policy::check::check_policy;
use crate::policy::derive::{derive, resolve};
use crate::policy::keys::{de, did_you_mean, fields_of, join, known_keys};
use crate::policy::model::Policy;
use crate::policy::stand_in::{self, StandIns};
use crate::policy::Registry;
use crate::read::KindReader;
use crate::schedule::rules::RuleKind;
use crate::schedule::Rule;
use crate::terms::Problems;
use crate::terms::{Basis, Role, When};
use crate::terms::{Phase, Window};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// At most this many problems are listed; a last one says how many more there were.
pub const MAX_PROBLEMS: usize = 50;

/// Parses and checks a policy from JSON text. `registry` resolves `extends`.
///
/// # Errors
/// [`Error::InvalidPolicy`] listing every problem found.
pub fn parse_policy(json: &str, registry: Option<&Registry>) -> Result<Policy> {
    let value: Value = serde_json::from_str(json).map_err(|e| {
        Error::InvalidPolicy(vec![PolicyProblem {
            path: String::new(),
            expected: format!(
                "valid JSON (the text is not: line {}, column {})",
                e.line(),
                e.column()
            ),
        }])
    })?;
    parse_policy_value(value, registry)
}

/// Parses and checks a policy from a JSON value. `registry` resolves `extends`.
///
/// # Errors
/// [`Error::InvalidPolicy`] listing every problem found (at most [`MAX_PROBLEMS`]);
/// [`Error::BadArgument`] for more rules, templates, sections or fields than
/// [`crate::limits`] allows.
pub fn parse_policy_value(value: Value, registry: Option<&Registry>) -> Result<Policy> {
    crate::limits::check_value(&value, crate::limits::POLICY, "policy")?;
    let mut problems = Problems::default();
    let Value::Object(mut obj) = value else {
        return Err(Error::InvalidPolicy(vec![PolicyProblem {
            path: String::new(),
            expected: "a JSON object".into(),
        }]));
    };
    let mut allowed: Vec<&str> = fields_of::<Policy>().to_vec();
    let policy = if obj.contains_key("extends") {
        allowed.extend(["extends", "remove"]);
        let obj = known_keys(&obj, "", "a policy", &allowed, &mut problems);
        derived(obj, registry, &mut problems)
    } else {
        if obj.remove("remove").is_some() {
            problems.push("remove", "\"remove\" only together with \"extends\"");
        }
        let obj = known_keys(&obj, "", "a policy", &allowed, &mut problems);
        read_and_check(obj, &mut problems)
    };
    match (policy, problems.is_empty()) {
        (Some(p), true) => Ok(p),
        _ => Err(Error::InvalidPolicy(capped(problems.into_vec()))),
    }
}

/// At most [`MAX_PROBLEMS`], and then how many more.
fn capped(mut list: Vec<PolicyProblem>) -> Vec<PolicyProblem> {
    if list.len() > MAX_PROBLEMS {
        let more = list.len().saturating_sub(MAX_PROBLEMS);
        list.truncate(MAX_PROBLEMS);
        list.push(PolicyProblem {
            path: String::new(),
            expected: format!(
                "and {more} more problem{} (fix these first)",
                if more == 1 { "" } else { "s" }
            ),
        });
    }
    list
}

/// A derived policy: resolved against its base, merged, checked, and its problems put back
/// at their paths in the derived file. An `extends` that names no policy stops here: the
/// rest would only report what the base would have supplied.
fn derived(
    mut obj: Map<String, Value>,
    registry: Option<&Registry>,
    problems: &mut Problems,
) -> Option<Policy> {
    let base = resolve(obj.remove("extends"), registry, problems)?;
    let (merged, origins) = derive(&base, obj, problems);
    let mut inner = Problems::default();
    let policy = read_and_check(merged, &mut inner);
    for p in inner.into_vec() {
        problems.add(origins.in_author_terms(p));
    }
    policy
}

/// Reads the policy and checks it as a whole, in one round: an element that could not be
/// read has a stand-in ([`crate::policy::stand_in`]), so references to it and elsewhere are checked
/// too, and only what is found about the stand-ins is dropped.
fn read_and_check(obj: Map<String, Value>, problems: &mut Problems) -> Option<Policy> {
    let (policy, stand_ins) = typed(obj, problems)?;
    let mut found = Problems::default();
    check_policy(&policy, &mut found);
    for p in found.into_vec() {
        if !stand_ins.covers(&p.path) {
            problems.add(p);
        }
    }
    stand_ins.is_empty().then_some(policy)
}

/// Deserialises element by element, so one bad rule does not hide the next.
fn typed(mut obj: Map<String, Value>, problems: &mut Problems) -> Option<(Policy, StandIns)> {
    let mut list = |key: &str, problems: &mut Problems| -> Vec<Value> {
        match obj.get_mut(key).map(Value::take) {
            None => Vec::new(),
            Some(Value::Array(a)) => a,
            Some(_) => {
                problems.push(key, "an array");
                Vec::new()
            }
        }
    };
    let roles_v = list("roles", problems);
    let rules_v = list("rules", problems);
    let templates_v = list("templates", problems);
    for key in ["roles", "rules", "templates"] {
        obj.insert(key.into(), Value::Array(Vec::new()));
    }
    let shell: Option<Policy> = de(&Value::Object(obj), "", problems);

    let roles = each(&roles_v, "roles", problems, |v, path, problems| {
        strict(v, path, "a role", fields_of::<Role>(), problems)
    });
    let rules = each(&rules_v, "rules", problems, rule);
    let templates = each(
        &templates_v,
        "templates",
        problems,
        super::template::template,
    );
    let mut stand_ins = StandIns::default();
    let mut policy = match shell {
        Some(p) => p,
        None => stand_ins.shell()?,
    };
    policy.roles = stand_ins.fill("roles", &roles_v, roles, stand_in::role);
    policy.rules = stand_ins.fill("rules", &rules_v, rules, stand_in::rule);
    policy.templates = stand_ins.fill("templates", &templates_v, templates, stand_in::template);
    Some((policy, stand_ins))
}

/// Each element read on its own: `None` where it could not be.
pub(super) fn each<T>(
    items: &[Value],
    key: &str,
    problems: &mut Problems,
    f: impl Fn(&Value, &str, &mut Problems) -> Option<T>,
) -> Vec<Option<T>> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| f(v, &format!("{key}[{i}]"), problems))
        .collect()
}

/// An object with only `allowed` keys, read as `T`.
pub(super) fn strict<T: DeserializeOwned>(
    v: &Value,
    path: &str,
    what: &str,
    allowed: &[&str],
    problems: &mut Problems,
) -> Option<T> {
    let Value::Object(obj) = v else {
        problems.push(path, format!("{what}, as an object"));
        return None;
    };
    let kept = known_keys(obj, path, what, allowed, problems);
    let t = de(&Value::Object(kept), path, problems);
    (kept_all(obj, allowed)).then_some(t).flatten()
}

pub(super) fn kept_all(obj: &Map<String, Value>, allowed: &[&str]) -> bool {
    obj.keys().all(|k| allowed.contains(&k.as_str()))
}

/// Sets aside the unknown keys of the object under `key` of `obj` (if it is one).
pub(super) fn nested(
    obj: &mut Map<String, Value>,
    key: &str,
    path: &str,
    what: &str,
    allowed: &[&str],
    problems: &mut Problems,
) -> bool {
    match obj.get_mut(key) {
        Some(Value::Object(inner)) => {
            let ok = kept_all(inner, allowed);
            *inner = known_keys(inner, &join(path, key), what, allowed, problems);
            ok
        }
        _ => true,
    }
}

/// Reads a rule: its shared keys ([`RuleHead`]) and its kind's.
struct RuleReader<'a> {
    obj: &'a Map<String, Value>,
    path: &'a str,
    problems: &'a mut Problems,
    head: Option<RuleHead>,
}

impl KindReader for RuleReader<'_> {
    /// Only what needs `T` is generic here (the rest, `head`, is one function for every
    /// kind: the authoring build is smaller for it).
    fn read<T: DeserializeOwned>(&mut self, what: &str) -> Option<T> {
        let (kind, ok) = self.head(what, fields_of::<T>());
        let kind = de(&kind, self.path, self.problems);
        kind.filter(|_| ok)
    }
}

impl RuleReader<'_> {
    /// Checks the rule's keys (the shared ones and the kind's `own`), reads the shared ones
    /// into `self.head` and gives the object of the kind's own keys, and whether no key was
    /// unknown.
    fn head(&mut self, what: &str, own: &[&str]) -> (Value, bool) {
        let shared = fields_of::<RuleHead>();
        let allowed: Vec<&str> = ["kind"]
            .into_iter()
            .chain(shared.iter().copied())
            .chain(own.iter().copied())
            .collect();
        let mut ok = kept_all(self.obj, &allowed);
        let mut kept = known_keys(self.obj, self.path, what, &allowed, self.problems);
        ok &= nested(
            &mut kept,
            "when",
            self.path,
            "\"when\"",
            fields_of::<When>(),
            self.problems,
        );
        if let Some(Value::Object(when)) = kept.get_mut("when") {
            let at = join(self.path, "when");
            ok &= nested(
                when,
                "during",
                &at,
                "\"during\"",
                fields_of::<Window>(),
                self.problems,
            );
        }
        if let Some(Value::Array(phases)) = kept.get_mut("phases") {
            for (j, phase) in phases.iter_mut().enumerate() {
                if let Value::Object(o) = phase {
                    let at = format!("{}.phases[{j}]", self.path);
                    ok &= kept_all(o, fields_of::<Phase>());
                    *o = known_keys(o, &at, "a phase", fields_of::<Phase>(), self.problems);
                }
            }
        }
        let split = |keys: &[&str]| -> Value {
            Value::Object(
                kept.iter()
                    .filter(|(k, _)| keys.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            )
        };
        self.head = de(&split(shared), self.path, self.problems);
        (split(own), ok)
    }
}

fn rule(v: &Value, path: &str, problems: &mut Problems) -> Option<Rule> {
    let Value::Object(obj) = v else {
        problems.push(path, "a rule, as an object");
        return None;
    };
    let name = match obj.get("kind") {
        None => {
            problems.push(
                path,
                format!("the key \"kind\": one of {}", RuleKind::NAMES.join(", ")),
            );
            return None;
        }
        Some(kind) => kind.as_str().unwrap_or_default(),
    };
    let mut reader = RuleReader {
        obj,
        path,
        problems,
        head: None,
    };
    let Some(kind) = RuleKind::read(name, &mut reader) else {
        problems.push(
            format!("{path}.kind"),
            format!(
                "one of the rule kinds: {}{}",
                did_you_mean(name, RuleKind::NAMES.iter().copied()),
                RuleKind::NAMES.join(", ")
            ),
        );
        return None;
    };
    let (kind, head) = (kind?, reader.head?);
    Some(Rule {
        id: head.id,
        source: head.source,
        note: head.note,
        basis: head.basis,
        reading: head.reading,
        when: head.when,
        overrides: head.overrides,
        kind,
    })
}

/// The fields every rule has, beside its kind.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleHead {
    id: String,
    source: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    basis: Basis,
    #[serde(default)]
    reading: Option<String>,
    #[serde(default)]
    when: When,
    #[serde(default)]
    overrides: Vec<String>,
}
