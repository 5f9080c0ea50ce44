//! Stand-ins for the elements of a policy that could not be read, so the policy is still
//! checked as a whole in the same round (issue 24): a misspelt role reference is reported
//! together with a misspelt key elsewhere, not only once the key is mended.
//!
//! A stand-in keeps what others refer to — the element's id, and a cadence rule's
//! obligation — and nothing else; whatever the whole-policy check finds about a stand-in
//! itself is dropped ([`StandIns::covers`]), as its reading problems are already listed.

use super::keys::de;
use crate::policy::model::Policy;
use crate::schedule::rules::{Cadence, IncidentMeeting, RuleKind};
use crate::schedule::Rule;
use crate::terms::Problems;
use crate::terms::{Basis, ObligationKind, Role, When};
use crate::validate::Template;
use serde_json::Value;

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
        let text = || "-".to_string();
        Some(Policy {
            format: 1,
            id: "stand-in".into(),
            authority: text(),
            title: text(),
            version: None,
            document: text(),
            roles: Vec::new(),
            rules: Vec::new(),
            templates: Vec::new(),
            replaces: None,
            notes: Vec::new(),
        })
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

fn id_of(v: &Value) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

// Built field by field, not through serde: the authoring build stays the size it was.

/// A role that could not be read: its id.
pub(super) fn role(v: &Value) -> Option<Role> {
    Some(Role {
        id: id_of(v),
        label: "-".into(),
        source: "-".into(),
        note: None,
    })
}

/// A template that could not be read: its id.
pub(super) fn template(v: &Value) -> Option<Template> {
    Some(Template {
        id: id_of(v),
        title: "-".into(),
        source: "-".into(),
        session_date: None,
        sections: Vec::new(),
        rules: Vec::new(),
        note: None,
    })
}

/// A rule that could not be read: its id, and a cadence's obligation when that reads (a
/// template rule measures by the cadence of its obligation).
pub(super) fn rule(v: &Value) -> Option<Rule> {
    let cadence = v.get("kind").and_then(Value::as_str) == Some("cadence");
    let obligation = v
        .get("obligation")
        .filter(|_| cadence)
        .and_then(|o| de::<ObligationKind>(o, "", &mut Problems::default()));
    let kind = match obligation {
        Some(obligation) => RuleKind::Cadence(Cadence {
            obligation,
            counts: Vec::new(),
            every: None,
            phases: Vec::new(),
            first: None,
            absence_extends: false,
            pro_rata: false,
            agreed_up_to: None,
        }),
        None => RuleKind::IncidentMeeting(IncidentMeeting { within: None }),
    };
    Some(Rule {
        id: id_of(v),
        source: "-".into(),
        note: None,
        when: When::default(),
        overrides: Vec::new(),
        basis: Basis::default(),
        reading: None,
        kind,
    })
}
