//! Findings: what validation and the schedule's audit report, as data.

pub use crate::code::{Code, Origin, Severity};
use chrono::NaiveDate;
use serde::Serialize;

/// One thing wrong with a record, or one past breach of a policy.
///
/// A finding never carries the value it is about: records hold children's personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The field's id, or a path into it: `actions[2].when`.
    pub path: String,
    /// The same place as a JSON Pointer (RFC 6901) into the record: `/actions/2/when`. Every
    /// finding of [`validate`](crate::validate) has one; a schedule's breach has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// What kind of problem: a stable code, listed in `docs/finding-codes.md`.
    pub code: Code,
    /// Plain English, naming the field by its label and saying what to do.
    pub message: String,
    /// The policy file and clause.
    pub source: String,
    /// `error`, `warning` or `advisory`.
    pub severity: Severity,
    /// With severity `advisory`: why the limit is ours and not the policy's (the rule's
    /// `reading`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// For a schedule breach, the id of the policy rule that was broken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// For a schedule breach that repeated period after period (see
    /// `docs/finding-codes.md`, *Runs*): the breaches merged into this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run: Option<Run>,
    /// While the schedule is worked out: the period a chained breach is about, from the day
    /// it counts from to the day of the late event. Never written out.
    #[serde(skip)]
    pub(crate) period: Option<(NaiveDate, NaiveDate)>,
}

/// Breaches of one rule for one subject, period after period, reported as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Run {
    /// The day of the first breach's late event.
    #[serde(with = "iso_date")]
    pub first: NaiveDate,
    /// The day of the last one's.
    #[serde(with = "iso_date")]
    pub last: NaiveDate,
    /// How many breaches in a row.
    pub count: u32,
}

mod iso_date {
    use crate::calendar::format_date;
    use chrono::NaiveDate;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*d))
    }
}
