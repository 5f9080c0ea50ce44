//! `child-after-event`: a child discussed within a time after an event in the child's life.

use super::ChildRule;
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Case;
use crate::schedule::Rule;
use crate::terms::{EventKind, ObligationKind, Problems};
use crate::words::long_date;
use serde::Serialize;

/// A child discussed within a time after an event.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct ChildAfterEvent {
    /// Which events.
    pub events: Vec<EventKind>,
    /// The deadline after the event.
    pub within: Duration,
}

impl crate::read::Read for ChildAfterEvent {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            ChildAfterEvent {
                events: "events",
                within: "within",
            },
            allow
        )
    }
}

impl ChildAfterEvent {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        if self.events.is_empty() {
            problems.push(format!("{path}.events"), "at least one event kind");
        }
    }
}

impl ChildRule for ChildAfterEvent {
    fn apply(&self, rule: &Rule, e: &mut Engine<'_>, index: usize, case: &Case) -> Result<()> {
        let discussed = e.discussed(case);
        // Worded only when said: most events were discussed in time.
        let within = || self.within.describe();
        for (j, ev) in case.events.iter().enumerate() {
            if !self.events.contains(&ev.kind) || ev.date > e.as_of {
                continue;
            }
            let due = after(&self.within, ev.date, e.cal)?;
            let event = || format!("{} on {}", ev.kind.describe(), long_date(ev.date));
            // The discussions are sorted: the first on or after the event, without a pass.
            match discussed.get(discussed.partition_point(|d| *d < ev.date)) {
                None => {
                    let reason = format!(
                        "The case is discussed within {} of the {}.",
                        within(),
                        event()
                    );
                    let kind = ObligationKind::ChildDiscussion;
                    e.oblige(kind, &case.id, due, rule, &rule.source, reason);
                }
                Some(d) if *d > due => {
                    let message = || {
                        format!(
                            "The case was discussed on {}, more than {} after the {}.",
                            long_date(*d),
                            within(),
                            event()
                        )
                    };
                    let path = || format!("cases[{index}].events[{j}]");
                    e.breach(ev.date, path, Code::LateDiscussionAfterEvent, rule, message);
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}
