//! What a cadence rule's deadline is counted with: the rule's fields borrowed ([`View`]),
//! the day the next session is counted from ([`Basis`]) and the deadline with how it was
//! reached ([`Next`]).

use super::agreed::Agreed;
use crate::calendar::Duration;
use crate::schedule::Rule;
use crate::terms::{Anchor, ObligationKind, Phase, SessionType};
use chrono::NaiveDate;

/// A cadence rule's fields, borrowed from the policy, with the rule.
pub(super) struct View<'r> {
    pub(super) rule: &'r Rule,
    pub(super) obligation: ObligationKind,
    pub(super) counts: &'r [SessionType],
    pub(super) every: Option<&'r Duration>,
    pub(super) phases: &'r [Phase],
    pub(super) first: Option<&'r Duration>,
    pub(super) absence_extends: bool,
    pub(super) pro_rata: bool,
    pub(super) agreed_up_to: Option<&'r Duration>,
}

/// What a due date is counted from.
#[derive(Debug, Clone, Copy)]
pub(super) enum Basis {
    /// The last counted session.
    Session(NaiveDate),
    /// The worker's start, with nothing held since (and no phase begun since).
    Started(NaiveDate),
    /// The worker's start, with the rule's `first` deadline.
    First(NaiveDate),
    /// A phase start (the ASYE or probation began), with nothing held since.
    Anchor(Anchor, NaiveDate),
}

impl Basis {
    /// The day counted from.
    pub(super) fn date(self) -> NaiveDate {
        match self {
            Basis::Session(d) | Basis::Started(d) | Basis::First(d) | Basis::Anchor(_, d) => d,
        }
    }
}

/// The next session's deadline and how it was reached.
pub(super) struct Next<'r> {
    pub(super) due: NaiveDate,
    pub(super) basis: Basis,
    pub(super) every: &'r Duration,
    pub(super) source: &'r str,
    /// Index of the phase whose interval was used.
    pub(super) phase: Option<usize>,
    /// Days the worker's recorded absence moved it.
    pub(super) moved: i64,
    /// Days the worker's part-time working moved it (`proRata`).
    pub(super) stretched: i64,
    /// The agreement that set the interval (`agreedUpTo`).
    pub(super) agreed: Option<Agreed>,
}

impl Next<'_> {
    /// The interval the deadline was counted with.
    pub(super) fn interval(&self) -> Duration {
        self.agreed.map_or(*self.every, |a| a.interval)
    }
}
