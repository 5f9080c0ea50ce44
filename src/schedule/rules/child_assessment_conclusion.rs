//! `child-assessment-conclusion`: a child's assessment concluded within a time of its start
//! (the supervisor concludes it in supervision).

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

/// Each assessment (an `assessment-started` event) concluded by an `assessment-completed`
/// event within a time of its start.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct ChildAssessmentConclusion {
    /// The deadline after the assessment started.
    pub within: Duration,
}

impl crate::read::Read for ChildAssessmentConclusion {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, ChildAssessmentConclusion { within: "within" }, allow)
    }
}

impl ChildAssessmentConclusion {
    pub(crate) fn check(&self, _rule: &Rule, _path: &str, _problems: &mut Problems) {}
}

impl ChildRule for ChildAssessmentConclusion {
    fn apply(&self, rule: &Rule, e: &mut Engine<'_>, index: usize, case: &Case) -> Result<()> {
        // Worded only when said: most cases have no assessment, most assessments no breach.
        let within = || self.within.describe();
        for a in case.assessments(e.records_from(), e.as_of) {
            let (start, done) = (a.start, a.end);
            let due = after(&self.within, start, e.cal)?;
            let what = || {
                let (id, on) = (&case.id, long_date(start));
                format!("The assessment of case {id} started on {on}")
            };
            match done {
                None => {
                    let (what, within) = (what(), within());
                    let reason = format!("{what} is concluded within {within} of its start.");
                    let kind = ObligationKind::AssessmentConclusion;
                    e.oblige(kind, &case.id, due, rule, &rule.source, reason);
                }
                Some((k, c)) if c.date > due => {
                    let message = || {
                        let (what, within) = (what(), within());
                        format!(
                            "{what} was concluded on {}, after the deadline of {} ({within} \
                             after its start).",
                            long_date(c.date),
                            long_date(due)
                        )
                    };
                    let path = || format!("cases[{index}].events[{k}]");
                    e.breach(start, path, Code::LateAssessmentConclusion, rule, message);
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}
