//! `date-order`: one date is on or before another.

use super::{Context, TemplateKind};
use crate::terms::Problems;
use crate::validate::rules::TemplateRuleAt;
use crate::validate::{Checker, Code};
use serde::Serialize;

/// One date is on or before another.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct DateOrder {
    /// The field that must be earlier (or the same day).
    pub earlier: String,
    /// The field that must be later (or the same day).
    pub later: String,
}

impl crate::read::Read for DateOrder {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            DateOrder {
                earlier: "earlier",
                later: "later",
            },
            allow
        )
    }
}

impl TemplateKind for DateOrder {
    fn fields(&self) -> Vec<&str> {
        vec![&self.earlier, &self.later]
    }

    fn check(&self, at: &TemplateRuleAt<'_>, problems: &mut Problems) {
        at.date_field(&self.earlier, "earlier", problems);
        at.date_field(&self.later, "later", problems);
    }

    fn apply(&self, c: &mut Checker<'_>, _cx: &Context<'_>, source: &str) {
        check(c, source, &self.earlier, &self.later);
    }
}

/// A finding when `earlier` is after `later`, on the field that is not the session date:
/// that is the one to fix. Also `date-within`'s finding for its two dates the wrong way round.
pub(super) fn check(c: &mut Checker<'_>, source: &str, earlier: &str, later: &str) {
    let (Some(a), Some(b)) = (c.date_value(earlier), c.date_value(later)) else {
        return;
    };
    if a <= b {
        return;
    }
    if c.template.session_date.as_deref() == Some(later) {
        let message = format!(
            "{} must be the same as or before {}",
            c.name(earlier).start(),
            c.reference(later)
        );
        c.push(earlier, Code::DateOrder, message, source);
    } else {
        let message = format!(
            "{} must be the same as or after {}",
            c.name(later).start(),
            c.reference(earlier)
        );
        c.push(later, Code::DateOrder, message, source);
    }
}
