//! `date-within`: one date on or after another, and no later than a time after it (a step
//! of a process done within its deadline).

use super::{Context, TemplateKind};
use crate::calendar::Duration;
use crate::terms::Problems;
use crate::validate::rules::TemplateRuleAt;
use crate::validate::{Checker, Code};
use crate::words::long_date;
use serde::Serialize;

/// One date on or after another and no later than `within` after it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct DateWithin {
    /// The date the deadline runs from.
    pub earlier: String,
    /// The date that must fall within the deadline.
    pub later: String,
    /// The deadline after `earlier`.
    pub within: Duration,
}

impl crate::read::Read for DateWithin {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            DateWithin {
                earlier: "earlier",
                later: "later",
                within: "within",
            },
            allow
        )
    }
}

impl TemplateKind for DateWithin {
    fn fields(&self) -> Vec<&str> {
        vec![&self.earlier, &self.later]
    }

    fn check(&self, at: &TemplateRuleAt<'_>, problems: &mut Problems) {
        at.date_field(&self.earlier, "earlier", problems);
        at.date_field(&self.later, "later", problems);
    }

    /// A finding on `later` when it is before `earlier` (`date-order`) or after `earlier` +
    /// `within` (`date-too-late`).
    fn apply(&self, c: &mut Checker<'_>, cx: &Context<'_>, source: &str) {
        let (earlier, later) = (self.earlier.as_str(), self.later.as_str());
        let (Some(a), Some(b)) = (c.date_value(earlier), c.date_value(later)) else {
            return;
        };
        if b < a {
            // The two dates the wrong way round: the `date-order` rule's own finding.
            super::date_order::check(c, source, earlier, later);
            return;
        }
        let Some(latest) = self.within.after(a, cx.cal) else {
            return;
        };
        if b > latest {
            let message = format!(
                "{} should be on or before {}, within {} of {}",
                c.name(later).start(),
                long_date(latest),
                self.within.describe(),
                c.reference(earlier)
            );
            c.push(later, Code::DateTooLate, message, source);
        }
    }
}
