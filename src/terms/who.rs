//! A worker's values a rule is chosen or counted by: hours, and the dates a phase counts from.

use crate::read::read_by_name;
use serde::{Deserialize, Serialize};

/// One of the worker's dates that a phase or milestone counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// `worker.asye`: the ASYE began.
    Asye,
    /// `worker.probation`: probation began.
    Probation,
    /// `worker.started`: the worker started in post.
    Started,
}

impl Anchor {
    /// The worker field's name, for reasons.
    pub fn describe(self) -> &'static str {
        match self {
            Anchor::Asye => "the ASYE began",
            Anchor::Probation => "probation began",
            Anchor::Started => "the worker started",
        }
    }
}

/// Full-time or part-time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hours {
    /// Full-time (the default for a worker with no `hours`).
    FullTime,
    /// Part-time.
    PartTime,
}

read_by_name!(Anchor, Hours);
