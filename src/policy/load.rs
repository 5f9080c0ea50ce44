//! Loading a policy: JSON text or value → checked [`Policy`], with every problem listed.

use super::model::*;
use super::Registry;
use crate::error::{Error, PolicyProblem, Result};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Largest count a rule may ask for (sessions in a window, observations): beyond this a
/// number is a typing error, not a policy.
const MAX_COUNT: u32 = 1000;
/// Longest minimum session length, in minutes (one day).
const MAX_MINUTES: u32 = 24 * 60;
/// Longest id, label or source string.
const MAX_TEXT: usize = 10_000;

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
        return Err(Error::InvalidPolicy(vec![problem("", "a JSON object")]));
    };
    if let Some(base) = obj.remove("extends") {
        obj = derive(base, obj, registry, &mut problems);
    } else if obj.contains_key("remove") {
        problems.push("remove", "\"remove\" only together with \"extends\"");
    }
    let policy = typed(obj, &mut problems);
    if let Some(p) = &policy {
        check_into(p, &mut problems);
    }
    match (policy, problems.0.is_empty()) {
        (Some(p), true) => Ok(p),
        _ => Err(Error::InvalidPolicy(problems.0)),
    }
}

/// Checks a typed policy's cross-references and limits.
///
/// # Errors
/// [`Error::InvalidPolicy`] listing every problem found.
pub fn check(policy: &Policy) -> Result<()> {
    let mut problems = Problems::default();
    check_into(policy, &mut problems);
    if problems.0.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidPolicy(problems.0))
    }
}

#[derive(Default)]
struct Problems(Vec<PolicyProblem>);

impl Problems {
    fn push(&mut self, path: impl Into<String>, expected: impl Into<String>) {
        self.0.push(PolicyProblem {
            path: path.into(),
            expected: expected.into(),
        });
    }
}

fn problem(path: &str, expected: &str) -> PolicyProblem {
    PolicyProblem {
        path: path.into(),
        expected: expected.into(),
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
    let before = problems.0.len();
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
    problems.0.len() == before
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

/// Applies a derived policy's changes to its base, as JSON.
fn derive(
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
                let target = out
                    .entry(key.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(existing) = target {
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
            "remove" => match value {
                Value::Object(kinds) => {
                    for (kind, ids) in kinds {
                        if !matches!(kind.as_str(), "roles" | "rules" | "templates") {
                            problems
                                .push(format!("remove.{kind}"), "one of roles, rules, templates");
                            continue;
                        }
                        let Value::Array(ids) = ids else {
                            problems.push(format!("remove.{kind}"), "an array of ids");
                            continue;
                        };
                        for (i, id) in ids.into_iter().enumerate() {
                            match id {
                                Value::String(s) => removals.push((kind.clone(), i, s)),
                                _ => problems
                                    .push(format!("remove.{kind}[{i}]"), "an id as a string"),
                            }
                        }
                    }
                }
                _ => problems.push(
                    "remove",
                    "an object: {\"rules\": [ids], \"templates\": [ids], \"roles\": [ids]}",
                ),
            },
            _ => {
                out.insert(key, value);
            }
        }
    }
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
    out
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_field_id(s: &str) -> bool {
    let mut bytes = s.bytes();
    s.len() <= 64
        && bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn text(path: String, s: &str, problems: &mut Problems) {
    if s.trim().is_empty() {
        problems.push(path, "a non-empty string");
    } else if s.len() > MAX_TEXT {
        problems.push(path, "a string of at most 10,000 bytes");
    }
}

fn check_into(p: &Policy, problems: &mut Problems) {
    if p.format != 1 {
        problems.push("format", "1 (the only format version)");
    }
    if !is_id(&p.id) {
        problems.push(
            "id",
            "an id of lowercase letters, digits and hyphens (at most 64)",
        );
    }
    text("authority".into(), &p.authority, problems);
    text("title".into(), &p.title, problems);
    text("document".into(), &p.document, problems);

    let mut role_ids = BTreeSet::new();
    for (i, r) in p.roles.iter().enumerate() {
        if !is_id(&r.id) {
            problems.push(
                format!("roles[{i}].id"),
                "an id of lowercase letters, digits and hyphens",
            );
        }
        if !role_ids.insert(r.id.as_str()) {
            problems.push(format!("roles[{i}].id"), "an id not used by another role");
        }
        text(format!("roles[{i}].label"), &r.label, problems);
        text(format!("roles[{i}].source"), &r.source, problems);
    }
    if !role_ids.contains("social-worker") {
        problems.push(
            "roles",
            "a role with id \"social-worker\" (every policy accepts it)",
        );
    }

    let mut rule_ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, r) in p.rules.iter().enumerate() {
        if !is_id(&r.id) {
            problems.push(
                format!("rules[{i}].id"),
                "an id of lowercase letters, digits and hyphens",
            );
        }
        if rule_ids.insert(r.id.as_str(), i).is_some() {
            problems.push(format!("rules[{i}].id"), "an id not used by another rule");
        }
    }
    for (i, r) in p.rules.iter().enumerate() {
        check_rule(i, r, &role_ids, &rule_ids, problems);
    }
    check_override_cycles(p, &rule_ids, problems);

    let cadences: BTreeSet<ObligationKind> = p
        .rules
        .iter()
        .filter_map(|r| match &r.kind {
            RuleKind::Cadence { obligation, .. } => Some(*obligation),
            _ => None,
        })
        .collect();
    let mut template_ids = BTreeSet::new();
    for (i, t) in p.templates.iter().enumerate() {
        if !template_ids.insert(t.id.as_str()) {
            problems.push(
                format!("templates[{i}].id"),
                "an id not used by another template",
            );
        }
        check_template(&format!("templates[{i}]"), t, &cadences, problems);
    }
}

fn check_rule(
    i: usize,
    r: &Rule,
    roles: &BTreeSet<&str>,
    rules: &BTreeMap<&str, usize>,
    problems: &mut Problems,
) {
    let path = format!("rules[{i}]");
    text(format!("{path}.source"), &r.source, problems);
    if let Some(rs) = &r.when.roles {
        if rs.is_empty() {
            problems.push(format!("{path}.when.roles"), "at least one role id");
        }
        for (j, id) in rs.iter().enumerate() {
            if !roles.contains(id.as_str()) {
                problems.push(
                    format!("{path}.when.roles[{j}]"),
                    "the id of a role in this policy's roles",
                );
            }
        }
    }
    for (j, id) in r.overrides.iter().enumerate() {
        if id == &r.id {
            problems.push(
                format!("{path}.overrides[{j}]"),
                "another rule's id (not its own)",
            );
        } else if !rules.contains_key(id.as_str()) {
            problems.push(
                format!("{path}.overrides[{j}]"),
                "the id of a rule in this policy",
            );
        }
    }
    let counts = |c: &Vec<SessionType>, problems: &mut Problems| {
        if c.is_empty() {
            problems.push(format!("{path}.counts"), "at least one session type");
        }
    };
    let count = |n: u32, field: &str, problems: &mut Problems| {
        if n == 0 || n > MAX_COUNT {
            problems.push(format!("{path}.{field}"), "a whole number from 1 to 1000");
        }
    };
    let child_rule = matches!(
        r.kind,
        RuleKind::ChildDiscussion { .. }
            | RuleKind::ChildFirstDiscussion { .. }
            | RuleKind::ChildAfterEvent { .. }
            | RuleKind::ChildBeforeEvent { .. }
    );
    if !child_rule && (r.when.plans.is_some() || r.when.rag.is_some()) {
        problems.push(format!("{path}.when"), "plans and rag only on child rules");
    }
    match &r.kind {
        RuleKind::Cadence {
            obligation,
            counts: c,
            every,
            phases,
            ..
        } => {
            counts(c, problems);
            if !matches!(
                obligation,
                ObligationKind::Supervision
                    | ObligationKind::PersonalSupervision
                    | ObligationKind::CaseSupervision
            ) {
                problems.push(
                    format!("{path}.obligation"),
                    "supervision, personal-supervision or case-supervision",
                );
            }
            if every.is_none() && phases.is_empty() {
                problems.push(path.clone(), "\"every\" or \"phases\" (or both)");
            }
            if every.is_none() && !phases.is_empty() && r.when.during.is_none() {
                problems.push(
                    format!("{path}.every"),
                    "an interval for after the phases end (or a \"when.during\" window)",
                );
            }
        }
        RuleKind::MinCount {
            counts: c,
            count: n,
            ..
        } => {
            counts(c, problems);
            count(*n, "count", problems);
        }
        RuleKind::MaxGap { counts: c, .. } => counts(c, problems),
        RuleKind::WriteUp {
            counts: c, what, ..
        } => {
            counts(c, problems);
            text(format!("{path}.what"), what, problems);
        }
        RuleKind::Rebook {
            counts: c,
            obligation,
            ..
        } => {
            counts(c, problems);
            if !matches!(
                obligation,
                ObligationKind::Supervision
                    | ObligationKind::PersonalSupervision
                    | ObligationKind::CaseSupervision
            ) {
                problems.push(
                    format!("{path}.obligation"),
                    "supervision, personal-supervision or case-supervision",
                );
            }
        }
        RuleKind::Observation {
            count: n, window, ..
        } => {
            if let Some(n) = n {
                count(*n, "count", problems);
            }
            if n.is_some() != window.is_some() {
                problems.push(
                    path.clone(),
                    "\"count\" and \"window\" together, or neither",
                );
            }
        }
        RuleKind::Milestone {
            obligation,
            at,
            labels,
            ..
        } => {
            if !matches!(obligation, ObligationKind::AsyeReview | ObligationKind::Pdr) {
                problems.push(format!("{path}.obligation"), "asye-review or pdr");
            }
            if at.is_empty() {
                problems.push(format!("{path}.at"), "at least one duration");
            }
            if at.len() != labels.len() {
                problems.push(
                    format!("{path}.labels"),
                    "one label for each entry of \"at\"",
                );
            }
            for (j, l) in labels.iter().enumerate() {
                text(format!("{path}.labels[{j}]"), l, problems);
            }
        }
        RuleKind::ChildAfterEvent { events, .. } | RuleKind::ChildBeforeEvent { events, .. } => {
            if events.is_empty() {
                problems.push(format!("{path}.events"), "at least one event kind");
            }
        }
        RuleKind::AgreementReview { .. }
        | RuleKind::ChildDiscussion { .. }
        | RuleKind::ChildFirstDiscussion { .. } => {}
    }
}

/// `overrides` must not form a cycle: a rule that (through others) overrides itself would
/// leave a worker with no rule at all.
fn check_override_cycles(p: &Policy, ids: &BTreeMap<&str, usize>, problems: &mut Problems) {
    for (i, start) in p.rules.iter().enumerate() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&str> = start.overrides.iter().map(String::as_str).collect();
        while let Some(id) = stack.pop() {
            if id == start.id {
                problems.push(
                    format!("rules[{i}].overrides"),
                    "no cycle: this rule is overridden, through other rules, by itself",
                );
                break;
            }
            if !seen.insert(id) {
                continue;
            }
            if let Some(r) = ids.get(id).and_then(|&j| p.rules.get(j)) {
                stack.extend(r.overrides.iter().map(String::as_str));
            }
        }
    }
}

fn check_template(
    path: &str,
    t: &Template,
    cadences: &BTreeSet<ObligationKind>,
    problems: &mut Problems,
) {
    if !is_id(&t.id) {
        problems.push(
            format!("{path}.id"),
            "an id of lowercase letters, digits and hyphens",
        );
    }
    text(format!("{path}.title"), &t.title, problems);
    text(format!("{path}.source"), &t.source, problems);
    if t.sections.is_empty() {
        problems.push(format!("{path}.sections"), "at least one section");
    }
    let mut section_ids = BTreeSet::new();
    let mut field_ids: BTreeMap<&str, FieldType> = BTreeMap::new();
    for (i, s) in t.sections.iter().enumerate() {
        let spath = format!("{path}.sections[{i}]");
        if !section_ids.insert(s.id.as_str()) {
            problems.push(format!("{spath}.id"), "an id not used by another section");
        }
        text(format!("{spath}.title"), &s.title, problems);
        for (j, f) in s.fields.iter().enumerate() {
            let fpath = format!("{spath}.fields[{j}]");
            if !is_field_id(&f.id) {
                problems.push(
                    format!("{fpath}.id"),
                    "a field id: a letter, then letters, digits, _ or - (at most 64)",
                );
            }
            if field_ids.insert(f.id.as_str(), f.kind).is_some() {
                problems.push(
                    format!("{fpath}.id"),
                    "a field id not used by another field of this template",
                );
            }
            text(format!("{fpath}.label"), &f.label, problems);
            match (f.kind, &f.options) {
                (FieldType::Choice, None) => {
                    problems.push(format!("{fpath}.options"), "the allowed values of a choice")
                }
                (FieldType::Choice, Some(o)) if o.is_empty() => {
                    problems.push(format!("{fpath}.options"), "at least one allowed value")
                }
                (FieldType::Choice, _) | (_, None) => {}
                (_, Some(_)) => {
                    problems.push(format!("{fpath}.options"), "options only on a choice")
                }
            }
            if let (Some(lo), Some(hi)) = (f.min, f.max) {
                if lo > hi {
                    problems.push(
                        format!("{fpath}.min"),
                        "a minimum no larger than the maximum",
                    );
                }
            }
        }
    }
    let date_field = |id: &str, at: String, problems: &mut Problems| match field_ids.get(id) {
        Some(FieldType::Date) => {}
        Some(_) => problems.push(at, "the id of a date field"),
        None => problems.push(at, "the id of a field in this template"),
    };
    if let Some(sd) = &t.session_date {
        date_field(sd, format!("{path}.sessionDate"), problems);
    }
    for (i, r) in t.rules.iter().enumerate() {
        let rpath = format!("{path}.rules[{i}]");
        text(format!("{rpath}.source"), &r.source, problems);
        match &r.kind {
            TemplateRuleKind::NotFuture { field } => {
                date_field(field, format!("{rpath}.field"), problems)
            }
            TemplateRuleKind::DateOrder { earlier, later } => {
                date_field(earlier, format!("{rpath}.earlier"), problems);
                date_field(later, format!("{rpath}.later"), problems);
            }
            TemplateRuleKind::NextWithinCadence { field, obligation }
            | TemplateRuleKind::RequiredIfGap {
                field: _,
                last: field,
                obligation,
            } => {
                date_field(field, format!("{rpath}.field"), problems);
                if t.session_date.is_none() {
                    problems.push(
                        format!("{path}.sessionDate"),
                        "the session date field, which this rule measures from",
                    );
                }
                if !cadences.contains(obligation) {
                    problems.push(
                        format!("{rpath}.obligation"),
                        "an obligation with a cadence rule in this policy",
                    );
                }
                if let TemplateRuleKind::RequiredIfGap { field, .. } = &r.kind {
                    if !field_ids.contains_key(field.as_str()) {
                        problems.push(
                            format!("{rpath}.field"),
                            "the id of a field in this template",
                        );
                    }
                }
            }
            TemplateRuleKind::MinDuration {
                minutes,
                field,
                start,
                end,
            } => {
                if *minutes == 0 || *minutes > MAX_MINUTES {
                    problems.push(format!("{rpath}.minutes"), "a whole number from 1 to 1440");
                }
                match (field, start, end) {
                    (Some(f), None, None) => {
                        if field_ids.get(f.as_str()) != Some(&FieldType::Number) {
                            problems.push(format!("{rpath}.field"), "the id of a number field");
                        }
                    }
                    (None, Some(s), Some(e)) => {
                        for (k, id) in [("start", s), ("end", e)] {
                            if field_ids.get(id.as_str()) != Some(&FieldType::Time) {
                                problems.push(format!("{rpath}.{k}"), "the id of a time field");
                            }
                        }
                    }
                    _ => problems.push(rpath, "either \"field\", or \"start\" and \"end\""),
                }
            }
        }
    }
}
