//! Checking a typed policy as a whole: ids, cross-references, limits. Each rule kind checks
//! its own fields (`check` in `src/schedule/rules/<kind>.rs`); this module checks what all
//! rules share and the templates.

use crate::policy::model::Policy;
use crate::schedule::rules::RuleKind;
use crate::schedule::rules::Subject;
use crate::schedule::Rule;
use crate::terms::Problems;
use crate::terms::{Basis, ObligationKind};
use crate::validate::rules::{date_field, TemplateRuleAt};
use crate::validate::{Field, FieldType, Required, Template};
use std::collections::{BTreeMap, BTreeSet};

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

/// A policy with neither rules nor templates checks nothing; in place of a built-in
/// (`replaces`) it would switch that council's checks off without a word.
fn not_empty(p: &Policy, problems: &mut Problems) {
    if p.rules.is_empty() && p.templates.is_empty() {
        problems.push(
            "rules",
            "at least one rule or template: a policy with neither checks nothing (and in \
             place of a built-in it would switch that council's checks off)",
        );
    }
}

pub(super) fn check_policy(p: &Policy, problems: &mut Problems) {
    if p.format != 1 {
        problems.push("format", "1 (the only format version)");
    }
    if !is_id(&p.id) {
        problems.push(
            "id",
            "an id of lowercase letters, digits and hyphens (at most 64)",
        );
    }
    problems.text("authority".into(), &p.authority);
    problems.text("title".into(), &p.title);
    problems.text("document".into(), &p.document);
    if let Some(r) = &p.replaces {
        if r != &p.id {
            problems.push(
                "replaces",
                "this policy's own id: a policy replaces the one registered under its id",
            );
        }
    }
    not_empty(p, problems);
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
        problems.text(format!("roles[{i}].label"), &r.label);
        problems.text(format!("roles[{i}].source"), &r.source);
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
    super::cycles::check_override_cycles(p, &rule_ids, problems);

    let cadences: BTreeSet<ObligationKind> = p
        .rules
        .iter()
        .filter_map(|r| match &r.kind {
            RuleKind::Cadence(c) => Some(c.obligation),
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

/// What every rule shares: its source, `when` and `overrides`; then the kind's own fields.
fn check_rule(
    i: usize,
    r: &Rule,
    roles: &BTreeSet<&str>,
    rules: &BTreeMap<&str, usize>,
    problems: &mut Problems,
) {
    let path = format!("rules[{i}]");
    problems.text(format!("{path}.source"), &r.source);
    // A stated rule some of whose parts are readings (`readingFor`) says why in `reading`.
    let partly = matches!(&r.kind, RuleKind::AgreementReview(a) if !a.reading_for.is_empty());
    if !partly {
        check_basis(&path, r.basis, r.reading.as_deref(), problems);
    }
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
    let for_children = r.kind.subject() == Subject::Child;
    if !for_children && (r.when.plans.is_some() || r.when.rag.is_some()) {
        problems.push(format!("{path}.when"), "plans and rag only on child rules");
    }
    r.kind.check(r, &path, problems);
}

/// A reading says why (one sentence); a stated limit has no `reading`.
fn check_basis(path: &str, basis: Basis, reading: Option<&str>, problems: &mut Problems) {
    match (basis, reading) {
        (Basis::Reading, None) => problems.push(
            path,
            "the key \"reading\" with basis \"reading\": why the limit is ours, in a sentence",
        ),
        (Basis::Reading, Some(text)) => problems.text(format!("{path}.reading"), text),
        (Basis::Stated, Some(_)) => problems.push(
            format!("{path}.reading"),
            "no \"reading\" unless basis is \"reading\" (a stated limit is the clause's own)",
        ),
        (Basis::Stated, None) => {}
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
    problems.text(format!("{path}.title"), &t.title);
    problems.text(format!("{path}.source"), &t.source);
    if t.sections.is_empty() {
        problems.push(format!("{path}.sections"), "at least one section");
    }
    let fields = check_sections(path, t, problems);
    if let Some(sd) = &t.session_date {
        date_field(&fields, sd, format!("{path}.sessionDate"), problems);
    }
    for (i, r) in t.rules.iter().enumerate() {
        let at = TemplateRuleAt {
            template: path,
            rule: format!("{path}.rules[{i}]"),
            fields: &fields,
            session_date: t.session_date.is_some(),
            cadences,
        };
        problems.text(format!("{}.source", at.rule), &r.source);
        check_basis(&at.rule, r.basis, r.reading.as_deref(), problems);
        r.kind.check(&at, problems);
    }
}

/// A template's sections and their fields; the type of each field, by id.
fn check_sections<'t>(
    path: &str,
    t: &'t Template,
    problems: &mut Problems,
) -> BTreeMap<&'t str, FieldType> {
    let mut section_ids = BTreeSet::new();
    let mut field_ids: BTreeMap<&str, FieldType> = BTreeMap::new();
    for (i, s) in t.sections.iter().enumerate() {
        let spath = format!("{path}.sections[{i}]");
        if !section_ids.insert(s.id.as_str()) {
            problems.push(format!("{spath}.id"), "an id not used by another section");
        }
        problems.text(format!("{spath}.title"), &s.title);
        if let Some(src) = &s.source {
            problems.text(format!("{spath}.source"), src);
        }
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
            check_field(&fpath, f, problems);
        }
    }
    field_ids
}

/// A field's label, options and range.
fn check_field(fpath: &str, f: &Field, problems: &mut Problems) {
    problems.text(format!("{fpath}.label"), &f.label);
    if let Some(m) = &f.messages.required {
        problems.text(format!("{fpath}.messages.required"), m);
        if f.required == Required::No {
            problems.push(
                format!("{fpath}.messages.required"),
                "a message only on a required field (this one is optional)",
            );
        }
    }
    match (f.kind, &f.options) {
        (FieldType::Choice, None) => {
            problems.push(format!("{fpath}.options"), "the allowed values of a choice")
        }
        (FieldType::Choice, Some(o)) if o.is_empty() => {
            problems.push(format!("{fpath}.options"), "at least one allowed value")
        }
        (FieldType::Choice, _) | (_, None) => {}
        (_, Some(_)) => problems.push(format!("{fpath}.options"), "options only on a choice"),
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
