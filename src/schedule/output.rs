//! What a schedule is: obligations with their status on `asOf`, and the breaches and
//! advisories found in the history. Written out (serde), never read back.

use crate::calendar::format_date;
use crate::finding::Finding;
use crate::terms::ObligationKind;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// Where an obligation stands on `asOf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The due date has passed.
    Overdue,
    /// Due within `dueSoonDays` (today included).
    DueSoon,
    /// Due later.
    Ok,
}

impl Status {
    /// Every status, most urgent first (`tests/ts_contract.rs` holds it to the `.d.ts`
    /// union): what `labels()` names.
    pub const ALL: [Status; 3] = [Status::Overdue, Status::DueSoon, Status::Ok];

    /// The name a schedule writes: `overdue`, `due-soon`, `ok`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Overdue => "overdue",
            Status::DueSoon => "due-soon",
            Status::Ok => "ok",
        }
    }
}

/// A status's name on the page: `Overdue`, `Due soon`, `Upcoming`. The one set of words
/// for statuses: the widget's panel, `labels()` and through it the demo pages use it, so a
/// new status is named here (the `match` will not compile without it) and everywhere at once.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Overdue => "Overdue",
        Status::DueSoon => "Due soon",
        Status::Ok => "Upcoming",
    }
}

/// Something due, for the worker or one child on the caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Obligation {
    /// What is due.
    pub kind: ObligationKind,
    /// The worker's id, or the case's id for `child-discussion`.
    pub subject: String,
    /// When.
    #[serde(serialize_with = "iso")]
    pub due: NaiveDate,
    /// Relative to `asOf`.
    pub status: Status,
    /// The policy file and clause.
    pub source: String,
    /// One plain sentence: why this date.
    pub reason: String,
    /// The id of the policy rule that produced it.
    pub rule: String,
    /// Present when the due date rests on our reading of a clause that sets no such limit
    /// (the rule's `basis` is `reading`): why the limit is ours. Such an obligation is
    /// advisory: when it passes, that is not a breach of the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// What is due and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    /// The day it was worked out for.
    #[serde(serialize_with = "iso")]
    pub as_of: NaiveDate,
    /// Obligations by due date (overdue ones come first), then kind.
    pub obligations: Vec<Obligation>,
    /// Past breaches of the policy found in the history.
    pub breaches: Vec<Finding>,
    /// Past gaps beyond a limit that is our reading, not the policy's (severity `advisory`,
    /// each with its `reading`): shown apart, never counted as breaches.
    #[serde(default)]
    pub advisories: Vec<Finding>,
}

fn iso<S: Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&format_date(*d))
}
