//! The unchecked policy reader: a policy that has passed its checks already (a built-in, or a
//! compiled one) read from its JSON text straight into the model, by hand. No serde
//! `Deserialize`, no tree, no buffering: the form page's core carries this instead of serde's
//! general reader (issue 20). It reads what serde's derive read from the same text, and
//! refuses (`None`) what that refused; `tests/two_readers.rs` holds the two together.
//!
//! Each struct says how it is read with [`read_fields!`], one line per key, beside
//! its definition or below it here: a key added to a struct is a line added to its list.
//! The strict reader, with every problem at its path and "did you mean", is `load.rs`
//! (authoring builds).

mod fields;

/// The pull reader, shared with the reading of records and workers (`json::pull`).
pub(crate) use crate::json::pull::Reader as Json;
pub(crate) use fields::{by_name, read_fields, Read, Tag};

use super::model::*;
use crate::calendar::Duration;

/// Reads a policy that has passed its checks (a built-in, or a compiled policy's `policy`),
/// without them; `None` when the text is not such a policy.
pub fn read_unchecked(text: &str) -> Option<Policy> {
    let mut j = Json::new(text);
    let policy = Policy::read(&mut j)?;
    j.end()?;
    Some(policy)
}

impl Read for Duration {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        Duration::parse(&j.string()?).ok()
    }
}

impl Read for Required {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        match j.peek()? {
            b'"' => (j.string()? == "final").then_some(Required::Final),
            _ => Some(if j.bool()? {
                Required::Always
            } else {
                Required::No
            }),
        }
    }
}

/// The enums of the model read by name.
macro_rules! read_by_name {
    ($($ty:ty),* $(,)?) => {
        $(impl Read for $ty {
            fn read(j: &mut Json<'_>) -> Option<Self> {
                by_name(j)
            }
        })*
    };
}
read_by_name!(
    Anchor,
    Hours,
    Plan,
    Rag,
    SessionType,
    Cancelled,
    RebookFrom,
    ObligationKind,
    EventKind,
    FieldType,
    Basis,
);

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

impl Read for When {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, When {
            roles: default "roles",
            hours: default "hours",
            shifts_per_month_below: default "shiftsPerMonthBelow",
            during: default "during",
            plans: default "plans",
            rag: default "rag",
        }, deny)
    }
}

impl Read for Window {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(
            j,
            Window {
                start: "start",
                until: "until"
            },
            deny
        )
    }
}

impl Read for Phase {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, Phase {
            start: "start",
            until: "until",
            every: "every",
            source: "source",
            note: default "note",
        }, deny)
    }
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

mod template;
