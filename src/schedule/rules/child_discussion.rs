//! `child-discussion`: each child discussed in supervision at least this often.

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

/// Each child discussed at least this often.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct ChildDiscussion {
    /// The interval.
    pub every: Duration,
}

impl crate::read::Read for ChildDiscussion {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, ChildDiscussion { every: "every" }, allow)
    }
}

impl ChildDiscussion {
    pub(crate) fn check(&self, _rule: &Rule, _path: &str, _problems: &mut Problems) {}
}

impl ChildRule for ChildDiscussion {
    fn apply(&self, rule: &Rule, e: &mut Engine<'_>, index: usize, case: &Case) -> Result<()> {
        let every = &self.every;
        // Records that begin after the allocation count from their start.
        let from = case.allocated.max(e.records_from());
        let mut prev = from;
        let mut since_allocation = true;
        for d in e.discussed(case).into_iter().filter(|d| *d >= from) {
            let due = after(every, prev, e.cal)?;
            if d > due {
                let message = || {
                    format!(
                        "The case was discussed on {}, more than {} after the {} on {}.",
                        long_date(d),
                        every.describe(),
                        match since_allocation {
                            true if prev > case.allocated => "start of the records",
                            true => "allocation",
                            false => "discussion",
                        },
                        long_date(prev)
                    )
                };
                let path = || format!("cases[{index}].discussed");
                e.chained_breach((prev, d), path, Code::ChildDiscussionGap, rule, message);
            }
            prev = d;
            since_allocation = false;
        }
        let due = after(every, prev, e.cal)?;
        let last = match since_allocation {
            true if prev > case.allocated => {
                "has no discussion recorded since the records began on"
            }
            true => "has not been discussed since allocation on",
            false => "was last discussed on",
        };
        let reason = format!(
            "Each child is discussed at least every {}: case {} {last} {}.",
            every.describe(),
            case.id,
            long_date(prev)
        );
        let kind = ObligationKind::ChildDiscussion;
        e.oblige(kind, &case.id, due, rule, &rule.source, reason);
        Ok(())
    }
}
