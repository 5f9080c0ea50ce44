//! `child-assessment`: while a child's assessment is open, the case is discussed when it
//! starts and at least this often until it is completed.

use super::ChildRule;
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Case;
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems};
use crate::words::long_date;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

/// Each assessment (an `assessment-started` event up to the next `assessment-completed`)
/// discussed at its start and then at least every `every`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct ChildAssessment {
    /// The deadline for the first discussion after the start; absent, the same day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Duration>,
    /// The interval between discussions while the assessment is open.
    pub every: Duration,
}

impl crate::read::Read for ChildAssessment {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, ChildAssessment {
            first: default "first",
            every: "every",
        }, allow)
    }
}

impl ChildAssessment {
    pub(crate) fn check(&self, _rule: &Rule, _path: &str, _problems: &mut Problems) {}

    fn first_due(&self, start: NaiveDate, e: &Engine<'_>) -> Result<NaiveDate> {
        match &self.first {
            None => Ok(start),
            Some(d) => after(d, start, e.cal),
        }
    }
}

impl ChildRule for ChildAssessment {
    fn apply(&self, rule: &Rule, e: &mut Engine<'_>, index: usize, case: &Case) -> Result<()> {
        let mut assessments = case.assessments(e.records_from(), e.as_of).peekable();
        // Most cases have no assessment: their discussions are not gathered.
        if assessments.peek().is_none() {
            return Ok(());
        }
        let discussed = e.discussed(case);
        // Assessments open together share their discussions: from a discussion on, one that
        // ends where another already did gives the same findings, so they are given once
        // (n assessments never completed gave n(n+1)/2 copies of each gap).
        let mut seen: BTreeSet<(NaiveDate, Option<usize>)> = BTreeSet::new();
        'each: for a in assessments {
            let (j, start, end) = (a.index, a.start, a.end);
            let open = |d: &NaiveDate| *d >= start && end.is_none_or(|(_, c)| *d <= c.date);
            let mut due = self.first_due(start, e)?;
            let mut last: Option<NaiveDate> = None;
            // From the first discussion on or after the start (not a pass from the first).
            let first = discussed.partition_point(|d| *d < start);
            for &d in discussed.iter().skip(first).take_while(|d| open(d)) {
                if d > due {
                    let (code, path, since) = match last {
                        None => (
                            Code::LateFirstDiscussion,
                            format!("cases[{index}].events[{j}]"),
                            format!("the start of the assessment on {}", long_date(start)),
                        ),
                        Some(l) => (
                            Code::ChildDiscussionGap,
                            format!("cases[{index}].discussed"),
                            format!("the discussion on {}", long_date(l)),
                        ),
                    };
                    let message = || {
                        format!(
                        "The case was discussed on {} during its assessment, after the deadline \
                         of {} ({}).",
                        long_date(d),
                        long_date(due),
                        since
                    )
                    };
                    e.breach(last.unwrap_or(start), || path, code, rule, message);
                }
                if !seen.insert((d, end.map(|(k, _)| k))) {
                    continue 'each;
                }
                last = Some(d);
                due = after(&self.every, d, e.cal)?;
            }
            self.close(rule, e, (index, case), (start, last, due), end)?;
        }
        Ok(())
    }
}

impl ChildAssessment {
    /// The end of one assessment: completed with a discussion missed before it (a breach), or
    /// still open (the next discussion due).
    fn close(
        &self,
        rule: &Rule,
        e: &mut Engine<'_>,
        (index, case): (usize, &Case),
        (start, last, due): (NaiveDate, Option<NaiveDate>, NaiveDate),
        end: Option<(usize, &crate::schedule::Event)>,
    ) -> Result<()> {
        let since = match last {
            None => format!("started on {} and has not been discussed", long_date(start)),
            Some(l) => format!("was last discussed on {}", long_date(l)),
        };
        match end {
            Some((k, c)) if c.date > due => {
                let message = || {
                    format!(
                        "The assessment was completed on {} with no discussion due by {}: case {} \
                     {since}.",
                        long_date(c.date),
                        long_date(due),
                        case.id
                    )
                };
                let code = match last {
                    None => Code::LateFirstDiscussion,
                    Some(_) => Code::ChildDiscussionGap,
                };
                let path = || format!("cases[{index}].events[{k}]");
                e.breach(last.unwrap_or(start), path, code, rule, message);
            }
            Some(_) => {}
            None => {
                let reason = format!(
                    "During an assessment the case is discussed {} the start and at least \
                     every {}: the assessment of case {} {since}.",
                    match &self.first {
                        None => "on the day of".to_string(),
                        Some(d) => format!("within {} of", d.describe()),
                    },
                    self.every.describe(),
                    case.id
                );
                let kind = ObligationKind::ChildDiscussion;
                e.oblige(kind, &case.id, due, rule, &rule.source, reason);
            }
        }
        Ok(())
    }
}
