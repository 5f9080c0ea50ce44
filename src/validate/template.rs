//! Recording templates: sections, fields and cross-field rules, read by validation.

use super::rules::TemplateRuleKind;
use crate::read::{read_by_name, read_fields, Json, Read, Tag};
use crate::terms::Basis;
#[cfg(feature = "authoring")]
use serde::Deserializer;
use serde::{Deserialize, Serialize, Serializer};

/// A recording template.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Template {
    /// Unique within the policy.
    pub id: String,
    /// The document's own heading.
    pub title: String,
    /// File and appendix or clause.
    pub source: String,
    /// The id of the field holding the session date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_date: Option<String>,
    /// The template's sections, in the document's order.
    pub sections: Vec<Section>,
    /// Cross-field rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<TemplateRule>,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Template {
    /// Every field, section by section.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections.iter().flat_map(|s| s.fields.iter())
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|f| f.id == id)
    }
}

/// A section of a template.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Section {
    /// Unique within the template.
    pub id: String,
    /// The document's own heading.
    pub title: String,
    /// The section's fields, in order.
    pub fields: Vec<Field>,
    /// File and clause, where not the template's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A field of a template.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Field {
    /// The key in a record.
    pub id: String,
    /// The document's own words.
    pub label: String,
    /// What the value is.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Whether a value is required.
    pub required: Required,
    /// The clause that makes it required, where not the template's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Help text for the form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// For `choice`: the allowed values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
    /// For `number`: the smallest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// For `number`: the largest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The policy's own wording for a finding about this field, used instead of the
    /// generated sentence.
    #[serde(default, skip_serializing_if = "FieldMessages::is_empty")]
    pub messages: FieldMessages,
}

/// A field's own messages: what validation says instead of its generated sentence (where a
/// label is a noun phrase the generated "Enter …" reads badly). Fixed text from the policy,
/// so a message still never carries what a record holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FieldMessages {
    /// Said when the field is required and empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<String>,
}

impl FieldMessages {
    /// No message of the policy's own.
    pub fn is_empty(&self) -> bool {
        self.required.is_none()
    }
}

/// The type of a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    /// Free text.
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:MM`.
    Time,
    /// A person's name.
    Person,
    /// The signer's name.
    Signature,
    /// Case IDs only.
    CaseIds,
    /// `[{action, who, when}]`.
    Actions,
    /// One of `options`.
    Choice,
    /// A number.
    Number,
    /// `[{name, dob}]`.
    Children,
}

/// Whether a field must have a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    /// Optional.
    No,
    /// Required in draft and final mode.
    Always,
    /// Required only when the record is finalised.
    Final,
}

impl Serialize for Required {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Required::No => s.serialize_bool(false),
            Required::Always => s.serialize_bool(true),
            Required::Final => s.serialize_str("final"),
        }
    }
}

#[cfg(feature = "authoring")]
impl<'de> Deserialize<'de> for Required {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Str(String),
        }
        match Raw::deserialize(d) {
            Ok(Raw::Bool(true)) => Ok(Required::Always),
            Ok(Raw::Bool(false)) => Ok(Required::No),
            Ok(Raw::Str(s)) if s == "final" => Ok(Required::Final),
            _ => Err(serde::de::Error::custom(
                "expected true, false or \"final\"",
            )),
        }
    }
}

/// A cross-field rule of a template.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct TemplateRule {
    /// File and clause.
    pub source: String,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Whether the clause sets the limit (`stated`, the default) or it is ours (`reading`):
    /// a finding of a rule resting on a reading is an advisory, never an error.
    #[serde(default)]
    pub basis: Basis,
    /// With `basis: "reading"`: why the limit is ours, in one sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// What the rule checks.
    #[serde(flatten)]
    pub kind: TemplateRuleKind,
}

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

read_by_name!(FieldType);
