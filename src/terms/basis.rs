//! Where a rule's limit comes from (issue 22): the clause, or our reading of it.

use crate::read::read_by_name;
use serde::{Deserialize, Serialize};

/// Where a rule's limit comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The clause sets the limit; `source` quotes where.
    #[default]
    Stated,
    /// The clause sets no such limit: the limit is our reading of it (`reading` says why).
    /// What rests on it is advisory: never counted or shown as a breach of the policy.
    Reading,
}

impl Basis {
    /// `stated`: the default, left out when written.
    pub fn is_stated(&self) -> bool {
        *self == Basis::Stated
    }
}

/// A reason or message resting on a reading, worded as such: "By our reading of §3d, which
/// sets no such limit: the next …". The clause is the rule's `source` less its document's
/// name.
pub fn by_our_reading(source: &str, text: &str) -> String {
    let clause = match source.split_once(' ') {
        Some((doc, rest)) if doc.contains('.') && !rest.is_empty() => rest,
        _ => source,
    };
    // ASCII only: Unicode case tables would cost the form build kilobytes, and every
    // message begins with an ASCII capital ("The …", "Enter …"); "PDR", "ASYE" are kept.
    let bytes = text.as_bytes();
    let text = match (bytes.first(), bytes.get(1)) {
        (Some(a), Some(b)) if a.is_ascii_uppercase() && !b.is_ascii_uppercase() => {
            let mut t = text.to_string();
            if let Some(first) = t.get_mut(..1) {
                first.make_ascii_lowercase();
            }
            t
        }
        _ => text.to_string(),
    };
    format!("By our reading of {clause}, which sets no such limit: {text}")
}

read_by_name!(Basis);
