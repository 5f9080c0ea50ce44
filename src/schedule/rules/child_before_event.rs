//! `child-before-event`: a child discussed before a planned event in the child's life.

use super::ChildRule;
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::{Error, Result};
use crate::schedule::engine::{before, Engine};
use crate::schedule::Case;
use crate::schedule::Rule;
use crate::terms::{EventKind, ObligationKind, Problems};
use crate::words::long_date;
use serde::Serialize;

/// A child discussed before a planned event.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct ChildBeforeEvent {
    /// Which events.
    pub events: Vec<EventKind>,
    /// How long before the event a discussion counts.
    pub window: Duration,
}

impl crate::read::Read for ChildBeforeEvent {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            ChildBeforeEvent {
                events: "events",
                window: "window",
            },
            allow
        )
    }
}

impl ChildBeforeEvent {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        if self.events.is_empty() {
            problems.push(format!("{path}.events"), "at least one event kind");
        }
    }
}

impl ChildRule for ChildBeforeEvent {
    fn apply(&self, rule: &Rule, e: &mut Engine<'_>, index: usize, case: &Case) -> Result<()> {
        let discussed = e.discussed(case);
        // Worded only when said: a breach is worded only when the schedule carries them.
        let window = || self.window.describe();
        for (j, ev) in case.events.iter().enumerate() {
            if !self.events.contains(&ev.kind) {
                continue;
            }
            let from = before(&self.window, ev.date, e.cal)?;
            // The discussions are sorted: the first on or after `from`, without a pass.
            let first = discussed.get(discussed.partition_point(|d| *d < from));
            if first.is_some_and(|d| *d < ev.date) {
                continue;
            }
            let due = ev.date.pred_opt().ok_or(Error::DateOutOfRange)?;
            let event = || format!("{} on {}", ev.kind.describe(), long_date(ev.date));
            if ev.date > e.as_of {
                let reason = format!(
                    "The case is discussed before the planned {} (within the {} before it).",
                    event(),
                    window()
                );
                let kind = ObligationKind::ChildDiscussion;
                e.oblige(kind, &case.id, due, rule, &rule.source, reason);
            } else {
                let message = || {
                    let (window, event) = (window(), event());
                    format!("The case was not discussed in the {window} before the {event}.")
                };
                let path = || format!("cases[{index}].events[{j}]");
                e.breach(from, path, Code::NoDiscussionBeforeEvent, rule, message);
            }
        }
        Ok(())
    }
}
