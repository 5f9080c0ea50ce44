//! The policy data model: what a policy JSON file deserialises into.
//!
//! `docs/policy-format.md` is the reference for the format; this module is its typed form.

use crate::schedule::{Rule, Rulebook};
use crate::terms::Role;
use crate::validate::Template;
use serde::Serialize;

/// A council's supervision policy: roles, timing rules and recording templates.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Policy {
    /// Format version; always 1.
    pub format: u32,
    /// The id used in every call, e.g. `havering`.
    pub id: String,
    /// The council or board.
    pub authority: String,
    /// The document's title.
    pub title: String,
    /// The version of this policy's data, e.g. `2026.1` (CHANGELOG.md: when it changes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The source document, e.g. `havering.txt`.
    pub document: String,
    /// Every role the document distinguishes.
    pub roles: Vec<Role>,
    /// Timing rules, read by the schedule engine.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Recording templates, read by validation.
    #[serde(default)]
    pub templates: Vec<Template>,
    /// The id of the policy this one replaces on purpose: its own `id`, which is already
    /// registered (a built-in, say). Without it, registering an id in use is an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// Readings that apply to the whole policy, and rules the format does not encode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What the schedule and validation read of a policy.
impl Rulebook for Policy {
    fn id(&self) -> &str {
        &self.id
    }
    fn authority(&self) -> &str {
        &self.authority
    }
    fn roles(&self) -> &[Role] {
        &self.roles
    }
    fn rules(&self) -> &[Rule] {
        &self.rules
    }
}
