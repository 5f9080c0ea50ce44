//! `child-first-discussion`: a child first discussed within a time of allocation.

use super::ChildRule;
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Case;
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems};
use crate::words::long_date;
use serde::Serialize;

/// A child first discussed within a time of allocation.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct ChildFirstDiscussion {
    /// The deadline after allocation.
    pub within: Duration,
}

impl crate::read::Read for ChildFirstDiscussion {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, ChildFirstDiscussion { within: "within" }, allow)
    }
}

impl ChildFirstDiscussion {
    pub(crate) fn check(&self, _rule: &Rule, _path: &str, _problems: &mut Problems) {}
}

impl ChildRule for ChildFirstDiscussion {
    fn apply(&self, rule: &Rule, e: &mut Engine<'_>, index: usize, case: &Case) -> Result<()> {
        let due = after(&self.within, case.allocated, e.cal)?;
        // A first discussion due before the records begin cannot be judged from them.
        if due < e.records_from() {
            return Ok(());
        }
        let within = self.within.describe();
        let allocated = long_date(case.allocated);
        match e.discussed(case).into_iter().find(|d| *d >= case.allocated) {
            None => {
                let reason = format!(
                    "The case is first discussed within {within} of allocation on {allocated}."
                );
                let kind = ObligationKind::ChildDiscussion;
                e.oblige(kind, &case.id, due, rule, &rule.source, reason);
            }
            Some(d) if d > due => {
                let message = || {
                    format!(
                        "The case was first discussed on {}, more than {within} after allocation \
                     on {allocated}.",
                        long_date(d)
                    )
                };
                let path = || format!("cases[{index}].discussed");
                e.breach(
                    case.allocated,
                    path,
                    Code::LateFirstDiscussion,
                    rule,
                    message,
                );
            }
            Some(_) => {}
        }
        Ok(())
    }
}
