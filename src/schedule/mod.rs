//! The due-date engine: from a worker's history and caseload and a policy's timing rules,
//! what is due when (obligations, with a status relative to `asOf`) and which past gaps broke
//! the policy (breaches).
//!
//! Every date is a [`NaiveDate`]: no clock, no time zone. The same input gives the same
//! output on any machine on any day.
//!
//! # Stated rules
//! - A session counts when its type is in the rule's `counts`, it was not cancelled and it
//!   is dated on or before `asOf` (later ones are bookings, not sessions held). Sessions
//!   on the same day count once. The same holds for discussions, observations and reviews.
//! - Phase boundaries: the interval after a session is the one of the phase containing
//!   that session's date (see `docs/policy-format.md`, *Phases*). A session in ASYE week 6
//!   is followed by one due a week later; the first session in week 7 by one due a
//!   fortnight later. When no session has been held since a phase began (the ASYE or
//!   probation date is later than the last session), the next is due the phase's interval
//!   after its start.
//! - With nothing held since starting, a rule's `first` sets the first session's deadline
//!   when that is earlier than the regular one; a first session later than that deadline is
//!   a `cadence-gap`, like any other late session.
//! - A rule with a `when.during` window gives no obligation falling on or after the window's
//!   end. When its next session would fall due after the end, the rules it overrides take
//!   over: their next obligations are given (their reasons say the window ends), without
//!   re-auditing the history the window governed.
//! - The past is judged by the rule then in force: once a `during` window has ended, its
//!   rule still judges each session whose deadline it set inside the window (counted from a
//!   basis inside it, due before its end), and the rules it overrides judge the rest.
//! - Absence (`absenceExtends`): the due date moves later by the days of recorded absence
//!   between the basis and the due date, including absence the move itself reaches into;
//!   equivalently, the deadline is the interval's length in days *not* absent.
//! - Partial histories (`options.recordsFrom`, later than `started`): sessions, discussions,
//!   observations and reviews dated before it are not read; no breach is found before it;
//!   first deadlines count from it (a new starter's `first` does not apply), and milestones
//!   due before it are taken as met outside the records.
//! - A dated history (`worker.changes`): every worker and child rule judges the gaps and
//!   duties that opened while the values it was chosen with were in force; a rule a change
//!   brought in counts from the change; what is due now is worked out by today's rules.
//! - Rebooking after sickness (`after: return`): the return is the first working day after
//!   the absence covering the cancelled session, passing over absences that follow on.

mod agreements;
mod changes;
mod engine;
mod hours;
mod json;
mod judge;
mod many;
mod options;
mod output;
mod rulebook;
pub(crate) mod rules;
mod runs;
mod selection;
pub(crate) mod supervisee;
pub(crate) mod team;
mod worker;
#[cfg(any(test, all(target_arch = "wasm32", feature = "schedule")))]
mod write;

pub use crate::calendar::TimeOfDay;
pub use agreements::Agreement;
pub use changes::Change;
pub use judge::schedule;
pub use many::schedule_many;
#[cfg(all(target_arch = "wasm32", feature = "schedule"))]
pub(crate) use many::schedule_many_written;
pub use options::{Breaches, ScheduleOptions};
pub use output::{status_label, Obligation, Schedule, Status};
pub use rulebook::Rulebook;
pub use rules::{Rule, Subject};
pub use selection::Selection;
pub use supervisee::Supervisee;
pub use team::{schedule_team, Audit, GroupSession, Supervisor, Team};
pub use worker::{
    Absence, CancelledBy, Case, Contact, Event, Incident, Request, Review, Session, Worker,
};
#[cfg(all(target_arch = "wasm32", feature = "schedule"))]
pub(crate) use write::schedule as write_schedule;
