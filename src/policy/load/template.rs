//! Loading a template: its sections, fields and rules, each read on its own (see the parent
//! module); a template rule's kind reads its own keys (`TemplateRuleKind::read`, registered in
//! `src/validate/rules/mod.rs`).

use super::{each, kept_all, nested, strict};
use crate::policy::keys::known_keys;
use crate::policy::keys::{de, did_you_mean, fields_of, join, value_of};
use crate::read::KindReader;
use crate::terms::Basis;
use crate::terms::Problems;
use crate::validate::rules::TemplateRuleKind;
use crate::validate::{Field, FieldMessages, Section, Template, TemplateRule};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The fields every template rule has, beside its kind.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateRuleHead {
    source: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    basis: Basis,
    #[serde(default)]
    reading: Option<String>,
}

/// Reads a template rule: its shared keys ([`TemplateRuleHead`]) and its kind's. Every key's
/// value is read on its own first, each bad one at its path; only then the missing keys.
struct TemplateRuleReader<'a> {
    obj: &'a Map<String, Value>,
    path: &'a str,
    problems: &'a mut Problems,
    head: Option<TemplateRuleHead>,
}

/// Whether a key's value reads (`value_of` for one type), reporting it where it does not.
type ValueCheck<'f> = &'f dyn Fn(&str, &Value, &str, &mut Problems) -> bool;

impl KindReader for TemplateRuleReader<'_> {
    /// Only what needs `T` is generic here (the rest, `head`, is one function for every
    /// kind: the authoring build is smaller for it).
    fn read<T: DeserializeOwned>(&mut self, what: &str) -> Option<T> {
        let own = fields_of::<T>();
        let kind = self.head(what, own, &value_of::<T>)?;
        de(&kind, self.path, self.problems)
    }
}

impl TemplateRuleReader<'_> {
    /// Checks the rule's keys (the shared ones and the kind's `own`), each value on its own
    /// (`own_value` for the kind's), reads the shared ones into `self.head` and gives the
    /// object of the kind's own keys; `None` after any problem.
    fn head(&mut self, what: &str, own: &[&str], own_value: ValueCheck<'_>) -> Option<Value> {
        let shared = fields_of::<TemplateRuleHead>();
        let allowed: Vec<&str> = ["kind"]
            .into_iter()
            .chain(shared.iter().copied())
            .chain(own.iter().copied())
            .collect();
        let kept = known_keys(self.obj, self.path, what, &allowed, self.problems);
        let mut ok = kept_all(self.obj, &allowed);
        for (key, value) in &kept {
            let at = join(self.path, key);
            ok &= match key.as_str() {
                "kind" => true,
                k if own.contains(&k) => own_value(k, value, &at, self.problems),
                k => value_of::<TemplateRuleHead>(k, value, &at, self.problems),
            };
        }
        if !ok {
            return None;
        }
        let split = |keys: &[&str]| -> Value {
            Value::Object(
                kept.iter()
                    .filter(|(k, _)| keys.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            )
        };
        self.head = Some(de(&split(shared), self.path, self.problems)?);
        Some(split(own))
    }
}

/// A template rule: its keys, each value at its own path, then the whole.
fn template_rule(v: &Value, path: &str, problems: &mut Problems) -> Option<TemplateRule> {
    let Value::Object(obj) = v else {
        problems.push(path, "a template rule, as an object");
        return None;
    };
    let name = obj.get("kind").and_then(Value::as_str).unwrap_or_default();
    let mut reader = TemplateRuleReader {
        obj,
        path,
        problems,
        head: None,
    };
    let Some(kind) = TemplateRuleKind::read(name, &mut reader) else {
        let names = TemplateRuleKind::NAMES;
        problems.push(
            join(path, "kind"),
            format!(
                "one of the template rule kinds: {}{}",
                did_you_mean(name, names.iter().copied()),
                names.join(", ")
            ),
        );
        return None;
    };
    let (kind, head) = (kind?, reader.head?);
    Some(TemplateRule {
        source: head.source,
        note: head.note,
        basis: head.basis,
        reading: head.reading,
        kind,
    })
}

pub(super) fn template(v: &Value, path: &str, problems: &mut Problems) -> Option<Template> {
    let Value::Object(obj) = v else {
        problems.push(path, "a template, as an object");
        return None;
    };
    let allowed = fields_of::<Template>();
    let mut ok = kept_all(obj, allowed);
    let mut obj = known_keys(obj, path, "a template", allowed, problems);
    let sections_v = match obj.insert("sections".into(), Value::Array(Vec::new())) {
        Some(Value::Array(a)) => a,
        Some(_) => {
            problems.push(format!("{path}.sections"), "an array of sections");
            Vec::new()
        }
        None => {
            problems.push(path, "the key \"sections\" (it is missing)");
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
    let sections: Vec<Section> = each(&sections_v, &format!("{path}.sections"), problems, section)
        .into_iter()
        .flatten()
        .collect();
    let rules: Vec<TemplateRule> =
        each(&rules_v, &format!("{path}.rules"), problems, template_rule)
            .into_iter()
            .flatten()
            .collect();
    let mut t = shell?;
    ok &= sections.len() == sections_v.len() && rules.len() == rules_v.len();
    t.sections = sections;
    t.rules = rules;
    ok.then_some(t)
}

fn section(v: &Value, path: &str, problems: &mut Problems) -> Option<Section> {
    let Value::Object(obj) = v else {
        problems.push(path, "a section, as an object");
        return None;
    };
    let allowed = fields_of::<Section>();
    let mut ok = kept_all(obj, allowed);
    let mut obj = known_keys(obj, path, "a section", allowed, problems);
    let fields_v = match obj.insert("fields".into(), Value::Array(Vec::new())) {
        Some(Value::Array(a)) => a,
        Some(_) => {
            problems.push(format!("{path}.fields"), "an array of fields");
            Vec::new()
        }
        None => {
            problems.push(path, "the key \"fields\" (it is missing)");
            Vec::new()
        }
    };
    let shell: Option<Section> = de(&Value::Object(obj), path, problems);
    let fields: Vec<Field> = each(&fields_v, &format!("{path}.fields"), problems, field)
        .into_iter()
        .flatten()
        .collect();
    let mut s = shell?;
    ok &= fields.len() == fields_v.len();
    s.fields = fields;
    ok.then_some(s)
}

fn field(v: &Value, path: &str, problems: &mut Problems) -> Option<Field> {
    let mut v = v.clone();
    let mut ok = true;
    if let Value::Object(obj) = &mut v {
        let allowed = fields_of::<FieldMessages>();
        ok = nested(obj, "messages", path, "\"messages\"", allowed, problems);
    }
    strict(&v, path, "a field", fields_of::<Field>(), problems).filter(|_| ok)
}
