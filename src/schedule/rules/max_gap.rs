//! `max-gap`: no gap between counted sessions longer than this.

use super::{Handover, WorkerRule};
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Rule;
use crate::terms::{Problems, SessionType};
use crate::words::{long_date, sessions_counted};
use serde::Serialize;

/// No gap between sessions longer than this.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct MaxGap {
    /// Session types that count.
    pub counts: Vec<SessionType>,
    /// The longest allowed gap.
    pub gap: Duration,
}

impl crate::read::Read for MaxGap {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(
            j,
            MaxGap {
                counts: "counts",
                gap: "gap",
            },
            allow
        )
    }
}

impl MaxGap {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        problems.counts(path, &self.counts);
    }
}

impl WorkerRule for MaxGap {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        let held = e.held(&self.counts);
        let (gap, what) = (&self.gap, sessions_counted(&self.counts));
        let mut prev = e.records_from();
        let mut prev_is_start = true;
        for d in held.iter().copied() {
            let limit = after(gap, prev, e.cal)?;
            if d > limit {
                let since = if prev_is_start {
                    e.since_start()
                } else {
                    long_date(prev)
                };
                let message = || {
                    format!(
                        "No {what} between {since} and {}: longer than the {} the policy allows.",
                        long_date(d),
                        gap.describe()
                    )
                };
                let path = e.session_path(d);
                e.chained_breach((prev, d), || path, Code::MaxGap, rule, message);
            }
            prev = d;
            prev_is_start = false;
        }
        let limit = after(gap, prev, e.cal)?;
        if e.as_of > limit {
            let message = || {
                format!(
                    "No {what} since {}: longer than the {} the policy allows.",
                    long_date(prev),
                    gap.describe()
                )
            };
            e.breach(prev, || "sessions".to_string(), Code::MaxGap, rule, message);
        }
        Ok(None)
    }
}
