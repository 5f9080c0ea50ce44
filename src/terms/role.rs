//! A role a policy distinguishes.

use crate::read::{read_fields, Json, Read};
use serde::Serialize;

/// A role the policy distinguishes.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Role {
    /// Id used by rules and by `worker.role`.
    pub id: String,
    /// The document's own words.
    pub label: String,
    /// File and clause.
    pub source: String,
    /// The reading chosen, where the clause is ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Read for Role {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, Role {
            id: "id",
            label: "label",
            source: "source",
            note: default "note",
        }, deny)
    }
}
