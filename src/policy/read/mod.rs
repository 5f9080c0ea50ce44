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

/// The pull reader, shared with the reading of records and workers (`json::pull`).
pub(crate) use crate::json::pull::Reader as Json;

use super::model::*;
use crate::calendar::Duration;
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::de::DeserializeOwned;

/// A value read from JSON text without its checks; `None` when it is not one.
pub(crate) trait Read: Sized {
    /// Reads one value; `None` refuses it.
    fn read(j: &mut Json<'_>) -> Option<Self>;
}

/// Declares how a struct (or an enum's struct variant) is read from a JSON object:
///
/// ```ignore
/// read_fields!(j, Type { field: "key", other: default "otherKey" }, deny)
/// ```
///
/// one line per key, in the struct's order: `default` for a key that may be left out (the
/// field's default then); `deny` to refuse an object with a key not listed
/// (`deny_unknown_fields`), `allow` to skip such keys. The expression is an `Option<Type>`.
///
/// As serde's derive does, a `deny` struct may also be written as an array of its values
/// in the struct's order (the ones with a default may be left off the end); an `allow` one
/// (a rule kind, or the keys beside a flattened kind) only as an object.
macro_rules! read_fields {
    ($j:expr, $($ty:ident)::+ {
        $($field:ident : $($default:ident)? $key:literal),* $(,)?
    }, $deny:ident) => {{
        let j: &mut $crate::policy::Json<'_> = $j;
        $(let mut $field = None;)*
        let read = if $crate::policy::read_fields!(@deny $deny) && j.peek() == Some(b'[') {
            j.open_array().and_then(|()| {
                let mut more = true;
                let mut first = true;
                $(if more {
                    more = j.element(first)?;
                    first = false;
                    if more {
                        $field = Some($crate::policy::Read::read(j)?);
                    }
                })*
                (!more || !j.element(first)?).then_some(())
            })
        } else {
            j.object($crate::policy::read_fields!(@deny $deny), |j, key| {
                match key {
                    $($key => $field = Some($crate::policy::Read::read(j)?),)*
                    _ => return Some(false),
                }
                Some(true)
            })
        };
        read.and_then(move |()| {
            Some($($ty)::+ {
                $($field: $crate::policy::read_fields!(@take $field $($default)?),)*
            })
        })
    }};
    (@take $field:ident) => { $field? };
    (@take $field:ident default) => { $field.unwrap_or_default() };
    (@deny deny) => { true };
    (@deny allow) => { false };
}
pub(crate) use read_fields;

/// Reads a policy that has passed its checks (a built-in, or a compiled policy's `policy`),
/// without them; `None` when the text is not such a policy.
pub fn read_unchecked(text: &str) -> Option<Policy> {
    let mut j = Json::new(text);
    let policy = Policy::read(&mut j)?;
    j.end()?;
    Some(policy)
}

impl Read for String {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        j.string().map(|s| s.into_owned())
    }
}

impl Read for bool {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        j.bool()
    }
}

impl Read for u32 {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        let n = j.number().filter(|n| n.integer && !n.negative)?;
        u32::try_from(n.mantissa).ok()
    }
}

/// A number as `serde_json` reads it into an `f64` (its digits as an `f64`, times or divided by
/// a power of ten), for the numbers whose power of ten is exact (up to 10^22); others refused.
impl Read for f64 {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        let n = j.number()?;
        // The digits as serde_json converts them (rounded to the nearest f64 above 2^53).
        #[allow(clippy::cast_precision_loss)]
        let mut x = n.mantissa as f64;
        let power = (0..n.exponent.unsigned_abs())
            .try_fold(1.0_f64, |p, _| (p < 1e22).then_some(p * 10.0))?;
        if n.exponent < 0 {
            x /= power;
        } else {
            x *= power;
        }
        Some(if n.negative { -x } else { x })
    }
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

impl<T: Read> Read for Vec<T> {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        let mut items = Vec::new();
        j.array(|j| {
            items.push(T::read(j)?);
            Some(())
        })?;
        Some(items)
    }
}

/// `null` is `None`, as serde reads an `Option`.
impl<T: Read> Read for Option<T> {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        if j.null() {
            return Some(None);
        }
        T::read(j).map(Some)
    }
}

/// One of an enum's names, read by the enum's own list of names (its serde `rename`s: the
/// enums are also read from records and options, so that list is in the build anyway).
pub(crate) fn by_name<T: DeserializeOwned>(j: &mut Json<'_>) -> Option<T> {
    let name = j.string()?;
    T::deserialize(StrDeserializer::<ValueError>::new(&name)).ok()
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

/// A kind's tag: its name, or (as serde reads an enum's tag) its index in the list of kinds.
pub(crate) enum Tag {
    Name(String),
    Index(u64),
}

impl Tag {
    /// The kind's name, out of `names` (in the enum's order).
    pub(crate) fn name<'n>(&'n self, names: &[&'n str]) -> Option<&'n str> {
        match self {
            Tag::Name(name) => Some(name),
            Tag::Index(i) => names.get(usize::try_from(*i).ok()?).copied(),
        }
    }
}

impl Read for Tag {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        if j.peek()? == b'"' {
            return String::read(j).map(Tag::Name);
        }
        let n = j.number().filter(|n| n.integer && !n.negative)?;
        Some(Tag::Index(n.mantissa))
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
