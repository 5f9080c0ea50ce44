//! `required-if-gap`: a field becomes required when the gap since the last session is longer
//! than the role's cadence.

use super::{Context, TemplateKind};
use crate::terms::ObligationKind;
use crate::terms::Problems;
use crate::validate::rules::TemplateRuleAt;
use crate::validate::{Checker, Code};
use serde::Serialize;

/// A field required when the gap since the last session exceeds the cadence.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct RequiredIfGap {
    /// The field that becomes required.
    pub field: String,
    /// The date of the last session.
    pub last: String,
    /// Which cadence.
    pub obligation: ObligationKind,
}

impl crate::read::Read for RequiredIfGap {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            RequiredIfGap {
                field: "field",
                last: "last",
                obligation: "obligation",
            },
            allow
        )
    }
}

impl TemplateKind for RequiredIfGap {
    fn fields(&self) -> Vec<&str> {
        vec![&self.field, &self.last]
    }

    fn check(&self, at: &TemplateRuleAt<'_>, problems: &mut Problems) {
        at.date_field(&self.last, "last", problems);
        at.cadence_after_session(self.obligation, problems);
        if at.field_type(&self.field).is_none() {
            at.push("field", "the id of a field in this template", problems);
        }
    }

    /// A finding on `field` when it is empty and this session is later than the cadence for
    /// `obligation` allows after the one on `last`.
    fn apply(&self, c: &mut Checker<'_>, cx: &Context<'_>, source: &str) {
        let (field, obligation) = (self.field.as_str(), self.obligation);
        let (Some(s), Some(prev)) = (cx.session, c.date_value(&self.last)) else {
            return;
        };
        let Some(allowed) = cx.cadence(obligation, prev) else {
            return;
        };
        let interval = allowed.interval;
        let late = interval.after(prev, cx.cal).is_some_and(|due| s > due);
        if late && !c.has_value(field) {
            let n = c.name(field);
            let what = if n.is_quoted() {
                format!("Complete {}", n.mid())
            } else {
                format!("Enter {}", n.the())
            };
            let message = format!(
                "{what}, as the last supervision was more than {} before this one{}",
                interval.describe(),
                allowed.assuming
            );
            c.push(field, Code::RequiredAfterGap, message, source);
        }
    }
}
