//! The unchecked reader of templates (see the parent module).

use super::{Json, Read, Tag};
use crate::policy::model::*;

impl Read for Template {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, Template {
            id: "id",
            title: "title",
            source: "source",
            session_date: default "sessionDate",
            sections: "sections",
            rules: default "rules",
            note: default "note",
        }, deny)
    }
}

impl Read for Section {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, Section {
            id: "id",
            title: "title",
            fields: "fields",
            source: default "source",
            note: default "note",
        }, deny)
    }
}

impl Read for Field {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, Field {
            id: "id",
            label: "label",
            kind: "type",
            required: "required",
            source: default "source",
            note: default "note",
            hint: default "hint",
            options: default "options",
            min: default "min",
            max: default "max",
            messages: default "messages",
        }, deny)
    }
}

impl Read for FieldMessages {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, FieldMessages { required: default "required" }, deny)
    }
}

/// The keys every template rule has, beside its kind's own.
struct TemplateRuleHead {
    source: String,
    note: Option<String>,
    basis: Basis,
    reading: Option<String>,
    kind: Tag,
}

/// Read twice over its text, as a timing rule is (`Rule`'s `Read`).
impl Read for TemplateRule {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        let text = j.raw()?;
        let head = read_fields!(&mut Json::new(text), TemplateRuleHead {
            source: "source",
            note: default "note",
            basis: default "basis",
            reading: default "reading",
            kind: "kind",
        }, allow)?;
        let name = head.kind.name(&TEMPLATE_RULE_KINDS)?;
        let kind = template_rule_kind(name, &mut Json::new(text))?;
        Some(TemplateRule {
            source: head.source,
            note: head.note,
            basis: head.basis,
            reading: head.reading,
            kind,
        })
    }
}

/// The template rule kinds, in `TemplateRuleKind`'s order (a tag may be an index).
const TEMPLATE_RULE_KINDS: [&str; 6] = [
    "not-future",
    "date-order",
    "date-within",
    "next-within-cadence",
    "required-if-gap",
    "min-duration",
];

/// A template rule's kind and its own keys: one arm per kind, one line per key.
fn template_rule_kind(name: &str, j: &mut Json<'_>) -> Option<TemplateRuleKind> {
    use TemplateRuleKind as K;
    match name {
        "not-future" => read_fields!(j, K::NotFuture { field: "field" }, allow),
        "date-order" => read_fields!(
            j,
            K::DateOrder {
                earlier: "earlier",
                later: "later",
            },
            allow
        ),
        "date-within" => read_fields!(
            j,
            K::DateWithin {
                earlier: "earlier",
                later: "later",
                within: "within",
            },
            allow
        ),
        "next-within-cadence" => read_fields!(
            j,
            K::NextWithinCadence {
                field: "field",
                obligation: "obligation",
            },
            allow
        ),
        "required-if-gap" => read_fields!(
            j,
            K::RequiredIfGap {
                field: "field",
                last: "last",
                obligation: "obligation",
            },
            allow
        ),
        "min-duration" => read_fields!(j, K::MinDuration {
            minutes: "minutes",
            field: default "field",
            start: default "start",
            end: default "end",
        }, allow),
        _ => None,
    }
}
