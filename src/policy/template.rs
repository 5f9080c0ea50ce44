//! Recording templates: sections, fields and cross-field rules, read by validation.

use super::model::{Basis, ObligationKind};
use crate::calendar::Duration;
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

/// What a template rule checks.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum TemplateRuleKind {
    /// The date is not after `options.today`.
    NotFuture {
        /// The date field.
        field: String,
    },
    /// One date is on or before another.
    DateOrder {
        /// The field that must be earlier (or the same day).
        earlier: String,
        /// The field that must be later (or the same day).
        later: String,
    },
    /// One date on or after another and no later than `within` after it.
    DateWithin {
        /// The date the deadline runs from.
        earlier: String,
        /// The date that must fall within the deadline.
        later: String,
        /// The deadline after `earlier`.
        within: Duration,
    },
    /// The next session is booked within the cadence.
    NextWithinCadence {
        /// The next-session date field.
        field: String,
        /// Which cadence.
        obligation: ObligationKind,
    },
    /// A field required when the gap since the last session exceeds the cadence.
    RequiredIfGap {
        /// The field that becomes required.
        field: String,
        /// The date of the last session.
        last: String,
        /// Which cadence.
        obligation: ObligationKind,
    },
    /// The session lasted at least this long.
    MinDuration {
        /// Minimum minutes.
        minutes: u32,
        /// A number-of-minutes field.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        field: Option<String>,
        /// A start-time field.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<String>,
        /// An end-time field.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        end: Option<String>,
    },
}

impl TemplateRuleKind {
    /// The `kind` string as written in the data.
    pub fn name(&self) -> &'static str {
        match self {
            TemplateRuleKind::NotFuture { .. } => "not-future",
            TemplateRuleKind::DateOrder { .. } => "date-order",
            TemplateRuleKind::DateWithin { .. } => "date-within",
            TemplateRuleKind::NextWithinCadence { .. } => "next-within-cadence",
            TemplateRuleKind::RequiredIfGap { .. } => "required-if-gap",
            TemplateRuleKind::MinDuration { .. } => "min-duration",
        }
    }

    /// The field ids the rule refers to.
    pub fn fields(&self) -> Vec<&str> {
        match self {
            TemplateRuleKind::NotFuture { field } => vec![field],
            TemplateRuleKind::DateOrder { earlier, later }
            | TemplateRuleKind::DateWithin { earlier, later, .. } => vec![earlier, later],
            TemplateRuleKind::NextWithinCadence { field, .. } => vec![field],
            TemplateRuleKind::RequiredIfGap { field, last, .. } => vec![field, last],
            TemplateRuleKind::MinDuration {
                field, start, end, ..
            } => [field, start, end]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect(),
        }
    }
}
