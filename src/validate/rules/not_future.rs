//! `not-future`: a date is not after today (skipped when today is not given).

use super::{Context, TemplateKind};
use crate::terms::Problems;
use crate::validate::rules::TemplateRuleAt;
use crate::validate::{Checker, Code};
use serde::Serialize;

/// The date is not after `options.today`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct NotFuture {
    /// The date field.
    pub field: String,
}

impl crate::read::Read for NotFuture {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, NotFuture { field: "field" }, allow)
    }
}

impl TemplateKind for NotFuture {
    fn fields(&self) -> Vec<&str> {
        vec![&self.field]
    }

    fn check(&self, at: &TemplateRuleAt<'_>, problems: &mut Problems) {
        at.date_field(&self.field, "field", problems);
    }

    /// A finding on `field` when its date is after `today`.
    fn apply(&self, c: &mut Checker<'_>, cx: &Context<'_>, source: &str) {
        let field = self.field.as_str();
        if let (Some(d), Some(today)) = (c.date_value(field), cx.today) {
            if d > today {
                let message = format!("{} must be today or in the past", c.name(field).start());
                c.push(field, Code::DateInFuture, message, source);
            }
        }
    }
}
