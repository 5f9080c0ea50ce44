//! The unchecked policy reader: a policy that has passed its checks already (a built-in, or a
//! compiled one) read from its JSON text straight into the model, by hand. No serde
//! `Deserialize`, no tree, no buffering: the form page's core carries this instead of serde's
//! general reader (issue 20). It reads what serde's derive read from the same text, and
//! refuses (`None`) what that refused; `tests/two_readers.rs` holds the two together.
//!
//! Each struct says how it is read with [`read_fields!`], one line per key, beside its
//! definition (the machinery is `src/read/`): a key added to a struct is a line added to its
//! list. The strict reader, with every problem at its path and "did you mean", is `load/`
//! (authoring builds).

use super::model::Policy;
use crate::read::{read_fields, Json, Read};

/// Reads a policy that has passed its checks (a built-in, or a compiled policy's `policy`),
/// without them; `None` when the text is not such a policy.
pub fn read_unchecked(text: &str) -> Option<Policy> {
    let mut j = Json::new(text);
    let policy = Policy::read(&mut j)?;
    j.end()?;
    Some(policy)
}

impl Read for Policy {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, Policy {
            format: "format",
            id: "id",
            authority: "authority",
            title: "title",
            version: default "version",
            document: "document",
            roles: "roles",
            rules: default "rules",
            templates: default "templates",
            replaces: default "replaces",
            notes: default "notes",
        }, deny)
    }
}
