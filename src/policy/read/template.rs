//! The unchecked reader of templates (see the parent module).

use super::{read_fields, Json, Read, Tag};
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

/// Read twice over its text, as a timing rule is (`Rule`'s `Read`): its kind's keys by the
/// kind's own `Read`, in its file (`src/validate/rules/<kind>.rs`).
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
        let name = head.kind.name(TemplateRuleKind::NAMES)?;
        let kind = TemplateRuleKind::read_named(name, &mut Json::new(text))?;
        Some(TemplateRule {
            source: head.source,
            note: head.note,
            basis: head.basis,
            reading: head.reading,
            kind,
        })
    }
}
