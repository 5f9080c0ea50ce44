//! Loading a policy: JSON text or value → checked [`Policy`], with every problem listed.
//!
//! Each rule, template, section and field is read on its own, so one bad element does not
//! hide the next; [`check`](super::check) then checks the typed policy as a whole.

use super::check::{check_policy, Problems};
use super::derive::derive;
use super::model::*;
use super::Registry;
use crate::error::{Error, PolicyProblem, Result};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

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
/// [`Error::InvalidPolicy`] listing every problem found.
pub fn parse_policy_value(value: Value, registry: Option<&Registry>) -> Result<Policy> {
    let mut problems = Problems::default();
    let Value::Object(mut obj) = value else {
        return Err(Error::InvalidPolicy(vec![PolicyProblem {
            path: String::new(),
            expected: "a JSON object".into(),
        }]));
    };
    if let Some(base) = obj.remove("extends") {
        obj = derive(base, obj, registry, &mut problems);
    } else if obj.contains_key("remove") {
        problems.push("remove", "\"remove\" only together with \"extends\"");
    }
    let policy = typed(obj, &mut problems);
    if let Some(p) = &policy {
        check_policy(p, &mut problems);
    }
    match (policy, problems.is_empty()) {
        (Some(p), true) => Ok(p),
        _ => Err(Error::InvalidPolicy(problems.into_vec())),
    }
}

/// Deserialises `v` as `T`, recording the first problem with its full path.
fn de<T: DeserializeOwned>(v: &Value, path: &str, problems: &mut Problems) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(v) {
        Ok(t) => Some(t),
        Err(e) => {
            let inner = e.path().to_string();
            let full = match (path.is_empty(), inner.as_str()) {
                (_, ".") => path.to_string(),
                (true, _) => inner,
                (false, _) if inner.starts_with('[') => format!("{path}{inner}"),
                (false, _) => format!("{path}.{inner}"),
            };
            problems.push(full, e.into_inner().to_string());
            None
        }
    }
}

/// Deserialises element by element, so one bad rule does not hide the next.
fn typed(mut obj: Map<String, Value>, problems: &mut Problems) -> Option<Policy> {
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

    let roles: Vec<Role> = each(&roles_v, "roles", problems, de);
    let rules: Vec<Rule> = each(&rules_v, "rules", problems, |v, path, problems| {
        rule(v, path, problems)
    });
    let templates: Vec<Template> = each(&templates_v, "templates", problems, template);
    let complete = roles.len() == roles_v.len()
        && rules.len() == rules_v.len()
        && templates.len() == templates_v.len();
    let mut policy = shell?;
    policy.roles = roles;
    policy.rules = rules;
    policy.templates = templates;
    complete.then_some(policy)
}

fn each<T>(
    items: &[Value],
    key: &str,
    problems: &mut Problems,
    f: impl Fn(&Value, &str, &mut Problems) -> Option<T>,
) -> Vec<T> {
    items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| f(v, &format!("{key}[{i}]"), problems))
        .collect()
}

fn rule(v: &Value, path: &str, problems: &mut Problems) -> Option<Rule> {
    if let Some(kind) = v.get("kind") {
        if !kind.as_str().is_some_and(|k| RuleKind::NAMES.contains(&k)) {
            problems.push(
                format!("{path}.kind"),
                format!("one of the rule kinds: {}", RuleKind::NAMES.join(", ")),
            );
            return None;
        }
    }
    // Serde reports problems inside an internally tagged enum at the enum's path, so the
    // durations — the values most often mistyped — are checked first with their own paths.
    if !durations_ok(v, path, problems) {
        return None;
    }
    let kind: Option<RuleKind> = de(v, path, problems);
    let head: Option<RuleHead> = de(v, path, problems);
    let (kind, head) = (kind?, head?);
    Some(Rule {
        id: head.id,
        source: head.source,
        note: head.note,
        when: head.when,
        overrides: head.overrides,
        kind,
    })
}

/// Checks every duration-valued key of a rule (and its phases and `when.during`).
fn durations_ok(v: &Value, path: &str, problems: &mut Problems) -> bool {
    let before = problems.len();
    let mut check = |value: &Value, at: String| {
        if let Value::String(text) = value {
            if let Err(e) = crate::calendar::Duration::parse(text) {
                problems.push(at, e.to_string());
            }
        } else {
            problems.push(at, "a duration as a string, like \"4 weeks\"");
        }
    };
    for key in [
        "every",
        "first",
        "within",
        "window",
        "gap",
        "onChangeOfSupervisor",
    ] {
        if let Some(d) = v.get(key).filter(|d| !d.is_null()) {
            check(d, format!("{path}.{key}"));
        }
    }
    if let Some(Value::Array(at)) = v.get("at") {
        for (i, d) in at.iter().enumerate() {
            check(d, format!("{path}.at[{i}]"));
        }
    }
    if let Some(Value::Array(phases)) = v.get("phases") {
        for (i, p) in phases.iter().enumerate() {
            for key in ["every", "until"] {
                if let Some(d) = p.get(key) {
                    check(d, format!("{path}.phases[{i}].{key}"));
                }
            }
        }
    }
    if let Some(d) = v
        .get("when")
        .and_then(|w| w.get("during"))
        .and_then(|d| d.get("until"))
    {
        check(d, format!("{path}.when.during.until"));
    }
    problems.len() == before
}

/// The fields every rule has, beside its kind.
#[derive(serde::Deserialize)]
struct RuleHead {
    id: String,
    source: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    when: When,
    #[serde(default)]
    overrides: Vec<String>,
}

/// A template rule, read in two halves for the same reason as [`rule`].
fn template_rule(v: &Value, path: &str, problems: &mut Problems) -> Option<TemplateRule> {
    #[derive(serde::Deserialize)]
    struct Head {
        source: String,
        #[serde(default)]
        note: Option<String>,
    }
    let kind: Option<TemplateRuleKind> = de(v, path, problems);
    let head: Option<Head> = de(v, path, problems);
    let (kind, head) = (kind?, head?);
    Some(TemplateRule {
        source: head.source,
        note: head.note,
        kind,
    })
}

fn template(v: &Value, path: &str, problems: &mut Problems) -> Option<Template> {
    let Value::Object(obj) = v else {
        problems.push(path, "a template object");
        return None;
    };
    let mut obj = obj.clone();
    let sections_v = match obj.insert("sections".into(), Value::Array(Vec::new())) {
        Some(Value::Array(a)) => a,
        Some(_) => {
            problems.push(format!("{path}.sections"), "an array of sections");
            Vec::new()
        }
        None => {
            problems.push(path, "missing field `sections`");
            Vec::new()
        }
    };
    let rules_v = match obj.insert("rules".into(), Value::Array(Vec::new())) {
        Some(Value::Array(a)) => a,
        None => Vec::new(),
        Some(_) => {
            problems.push(format!("{path}.rules"), "an array of template rules");
            Vec::new()
        }
    };
    let shell: Option<Template> = de(&Value::Object(obj), path, problems);
    let sections: Vec<Section> = each(&sections_v, &format!("{path}.sections"), problems, section);
    let rules: Vec<TemplateRule> =
        each(&rules_v, &format!("{path}.rules"), problems, template_rule);
    let mut t = shell?;
    if sections.len() != sections_v.len() || rules.len() != rules_v.len() {
        return None;
    }
    t.sections = sections;
    t.rules = rules;
    Some(t)
}

fn section(v: &Value, path: &str, problems: &mut Problems) -> Option<Section> {
    let Value::Object(obj) = v else {
        problems.push(path, "a section object");
        return None;
    };
    let mut obj = obj.clone();
    let fields_v = match obj.insert("fields".into(), Value::Array(Vec::new())) {
        Some(Value::Array(a)) => a,
        Some(_) => {
            problems.push(format!("{path}.fields"), "an array of fields");
            Vec::new()
        }
        None => {
            problems.push(path, "missing field `fields`");
            Vec::new()
        }
    };
    let shell: Option<Section> = de(&Value::Object(obj), path, problems);
    let fields: Vec<Field> = each(&fields_v, &format!("{path}.fields"), problems, de);
    let mut s = shell?;
    if fields.len() != fields_v.len() {
        return None;
    }
    s.fields = fields;
    Some(s)
}
