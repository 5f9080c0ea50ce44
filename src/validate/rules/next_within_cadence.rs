//! `next-within-cadence`: the next session is booked within the role's cadence.

use super::{Context, TemplateKind};
use crate::terms::ObligationKind;
use crate::terms::Problems;
use crate::validate::rules::TemplateRuleAt;
use crate::validate::{Checker, Code};
use crate::words::{every, long_date};
use serde::Serialize;

/// The next session is booked within the cadence.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct NextWithinCadence {
    /// The next-session date field.
    pub field: String,
    /// Which cadence.
    pub obligation: ObligationKind,
}

impl crate::read::Read for NextWithinCadence {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            NextWithinCadence {
                field: "field",
                obligation: "obligation",
            },
            allow
        )
    }
}

impl TemplateKind for NextWithinCadence {
    fn fields(&self) -> Vec<&str> {
        vec![&self.field]
    }

    fn check(&self, at: &TemplateRuleAt<'_>, problems: &mut Problems) {
        at.date_field(&self.field, "field", problems);
        at.cadence_after_session(self.obligation, problems);
    }

    /// A finding on `field` when the next session's date is after the latest the cadence for
    /// `obligation` allows after this session.
    fn apply(&self, c: &mut Checker<'_>, cx: &Context<'_>, source: &str) {
        let (field, obligation) = (self.field.as_str(), self.obligation);
        let (Some(s), Some(next)) = (cx.session, c.date_value(field)) else {
            return;
        };
        let Some(allowed) = cx.cadence(obligation, s) else {
            return;
        };
        let interval = allowed.interval;
        if let Some(latest) = interval.after(s, cx.cal) {
            if next > latest {
                let message = format!(
                    "{} should be on or before {}, as the policy asks for {} at least {}{}",
                    c.name(field).start(),
                    long_date(latest),
                    obligation.describe(),
                    every(&interval),
                    allowed.assuming
                );
                c.push(field, Code::NextTooLate, message, source);
            }
        }
    }
}
