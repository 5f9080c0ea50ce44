//! A timing rule: what every rule has (its id, clause, `basis`, `when`, `overrides`) and its
//! kind.

use super::RuleKind;
use crate::read::{read_fields, Json, Read, Tag};
use crate::terms::{Basis, When};
use serde::Serialize;

/// A timing rule.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// Unique within the policy.
    pub id: String,
    /// File and clause.
    pub source: String,
    /// The reading chosen, where the clause is ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Whether the clause sets the rule's limit (`stated`, the default) or the limit is ours
    /// (`reading`): what rests on a reading is advisory, never a breach of the policy.
    #[serde(default)]
    pub basis: Basis,
    /// With `basis: "reading"`: why the limit is ours, in one sentence a manager can read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// Which workers or cases the rule applies to.
    #[serde(default, skip_serializing_if = "When::is_empty")]
    pub when: When,
    /// Rules this one replaces for the workers it applies to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<String>,
    /// What the rule requires.
    #[serde(flatten)]
    pub kind: RuleKind,
}

/// The keys every rule has, beside its kind's own (`Rule`'s, less `kind`).
struct RuleHead {
    id: String,
    source: String,
    note: Option<String>,
    when: When,
    overrides: Vec<String>,
    basis: Basis,
    reading: Option<String>,
    kind: Tag,
}

/// A rule is read twice over its text: its own keys and `kind` first (serde's flattened
/// kind: a key may come before `kind`), then its kind's keys (each kind's `Read`, declared in
/// its file); each pass skips the other's keys.
impl Read for Rule {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        let text = j.raw()?;
        let head = read_fields!(&mut Json::new(text), RuleHead {
            id: "id",
            source: "source",
            note: default "note",
            when: default "when",
            overrides: default "overrides",
            basis: default "basis",
            reading: default "reading",
            kind: "kind",
        }, allow)?;
        let name = head.kind.name(RuleKind::NAMES)?;
        let kind = RuleKind::read_named(name, &mut Json::new(text))?;
        Some(Rule {
            id: head.id,
            source: head.source,
            note: head.note,
            when: head.when,
            overrides: head.overrides,
            basis: head.basis,
            reading: head.reading,
            kind,
        })
    }
}
