//! Checking a typed policy as a whole: ids, cross-references, limits. Each rule kind checks
//! its own fields (`check` in `src/schedule/rules/<kind>.rs`); this module checks what all
//! rules share and the templates.

use super::model::*;
use crate::error::PolicyProblem;
use std::collections::{BTreeMap, BTreeSet};

/// Largest count a rule may ask for (sessions in a window, observations): beyond this a
/// number is a typing error, not a policy.
pub(crate) const MAX_COUNT: u32 = 1000;
/// Longest id, label or source string.
const MAX_TEXT: usize = 10_000;

/// Every problem found, with its JSON path.
#[derive(Default)]
pub(crate) struct Problems(Vec<PolicyProblem>);

impl Problems {
    /// Records a problem at `path`.
    pub(crate) fn push(&mut self, path: impl Into<String>, expected: impl Into<String>) {
        self.0.push(PolicyProblem {
            path: path.into(),
            expected: expected.into(),
        });
    }

    /// Records a problem found elsewhere.
    pub(crate) fn add(&mut self, problem: PolicyProblem) {
        self.0.push(problem);
    }

    /// None found.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, in the order found.
    pub(crate) fn into_vec(self) -> Vec<PolicyProblem> {
        self.0
    }

    /// A text value: not blank, not longer than 10,000 bytes.
    pub(crate) fn text(&mut self, path: String, s: &str) {
        if s.trim().is_empty() {
            self.push(path, "a non-empty string");
        } else if s.len() > MAX_TEXT {
            self.push(path, "a string of at most 10,000 bytes");
        }
    }

    /// A rule's `counts`: at least one session type.
    pub(crate) fn counts(&mut self, path: &str, counts: &[SessionType]) {
        if counts.is_empty() {
            self.push(format!("{path}.counts"), "at least one session type");
        }
    }

    /// A count a rule asks for: 1 to [`MAX_COUNT`].
    pub(crate) fn count(&mut self, path: &str, field: &str, n: u32) {
        if n == 0 || n > MAX_COUNT {
            self.push(format!("{path}.{field}"), "a whole number from 1 to 1000");
        }
    }

    /// An obligation a session can meet: supervision, personal or case supervision.
    pub(crate) fn session_obligation(&mut self, path: &str, obligation: ObligationKind) {
        if !matches!(
            obligation,
            ObligationKind::Supervision
                | ObligationKind::PersonalSupervision
                | ObligationKind::CaseSupervision
        ) {
            self.push(
                format!("{path}.obligation"),
                "supervision, personal-supervision or case-supervision",
            );
        }
    }
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

/// `id`, at `at`, names a date field of the template.
fn date_field(fields: &BTreeMap<&str, FieldType>, id: &str, at: String, problems: &mut Problems) {
    match fields.get(id) {
        Some(FieldType::Date) => {}
        Some(_) => problems.push(at, "the id of a date field"),
        None => problems.push(at, "the id of a field in this template"),
    }
}

/// Where a template rule is, the fields it may name and what else its kind's `check`
/// (`src/validate/rules/<kind>.rs`) looks at.
pub(crate) struct TemplateRuleAt<'a> {
    template: &'a str,
    rule: String,
    fields: &'a BTreeMap<&'a str, FieldType>,
    session_date: bool,
    cadences: &'a BTreeSet<ObligationKind>,
}

impl TemplateRuleAt<'_> {
    /// `id`, under the rule's `key`, names a date field of the template.
    pub(crate) fn date_field(&self, id: &str, key: &str, problems: &mut Problems) {
        date_field(self.fields, id, format!("{}.{key}", self.rule), problems);
    }

    /// The type of the template's field `id`; `None` when there is no such field.
    pub(crate) fn field_type(&self, id: &str) -> Option<FieldType> {
        self.fields.get(id).copied()
    }

    /// A problem with the rule's `key`.
    pub(crate) fn push(&self, key: &str, expected: &str, problems: &mut Problems) {
        problems.push(format!("{}.{key}", self.rule), expected);
    }

    /// A problem with the rule as a whole.
    pub(crate) fn push_whole(&self, expected: &str, problems: &mut Problems) {
        problems.push(self.rule.clone(), expected);
    }

    /// A rule measured from the session by the cadence for `obligation`: the template has a
    /// session date, and the policy a cadence rule for that obligation.
    pub(crate) fn cadence_after_session(
        &self,
        obligation: ObligationKind,
        problems: &mut Problems,
    ) {
        if !self.session_date {
            problems.push(
                format!("{}.sessionDate", self.template),
                "the session date field, which this rule measures from",
            );
        }
        if !self.cadences.contains(&obligation) {
            self.push(
                "obligation",
                "an obligation with a cadence rule in this policy",
                problems,
            );
        }
    }
}
