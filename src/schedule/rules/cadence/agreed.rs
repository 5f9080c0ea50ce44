//! A frequency agreed in the worker's supervision agreement (`agreement.frequency`), for the
//! cadences whose policy lets an agreement set it (`agreedUpTo`); and the other adjustments
//! of a deadline after its interval is chosen (pro rata, absence).

use super::{Basis, Next, View};
use crate::calendar::{Calendar, Duration};
use crate::error::{Error, Result};
use crate::schedule::engine::{after, in_range, Engine};
use crate::words::{every_phrase, long_date};
use chrono::NaiveDate;

/// An interval set by the worker's supervision agreement.
#[derive(Debug, Clone, Copy)]
pub(super) struct Agreed {
    /// When the agreement was signed.
    signed: NaiveDate,
    /// The interval used: the agreed one, or the policy's `agreedUpTo` when it agrees longer.
    interval: Duration,
    /// The agreed interval, when it was longer than the rule allows (`agreedUpTo`: the
    /// policy's limit, or our reading's where the rule is a reading).
    longer: Option<Duration>,
}

impl Next<'_> {
    /// The interval the deadline was counted with.
    pub(super) fn interval(&self) -> Duration {
        self.agreed.map_or(*self.every, |a| a.interval)
    }
}


impl Agreed {
    /// The sentence added to a reason.
    pub(super) fn words(&self) -> String {
        match self.longer {
            None => format!(
                " As agreed in the supervision agreement signed on {}.",
                long_date(self.signed)
            ),
            Some(longer) => format!(
                " The supervision agreement signed on {} agrees {}, longer than the {} this \
                 rule allows.",
                long_date(self.signed),
                every_phrase(&longer),
                self.interval.describe()
            ),
        }
    }
}

/// The interval after `from` that a frequency agreed in a supervision agreement gives under a
/// rule that lets an agreement set it up to `up_to`: the agreed one; or `up_to`, with the
/// agreed one beside it, when the agreed one would fall later. The schedule and validation
/// both read an agreed frequency with it.
pub(crate) fn agreed_interval(
    agreed: Duration,
    up_to: Duration,
    from: NaiveDate,
    cal: &Calendar,
) -> Option<(Duration, Option<Duration>)> {
    Some(if agreed.after(from, cal)? <= up_to.after(from, cal)? {
        (agreed, None)
    } else {
        (up_to, Some(agreed))
    })
}

impl super::Cadence {
    /// The interval a frequency agreed in the worker's supervision agreement gives after
    /// `from` under this rule (see [`agreed_interval`]); `None` when the rule does not let an
    /// agreement set it (no `agreedUpTo`).
    pub(crate) fn agreed(&self, agreed: Duration, from: NaiveDate, cal: &Calendar) -> Option<Duration> {
        let up_to = self.agreed_up_to?;
        agreed_interval(agreed, up_to, from, cal).map(|(interval, _)| interval)
    }
}

impl Engine<'_> {
    /// The deadline after its interval is chosen: an agreed frequency (`agreedUpTo`), then
    /// `proRata` (not of an agreed interval, which is the worker's own), then
    /// `absenceExtends`.
    pub(super) fn adjust<'r>(&self, c: &View<'r>, next: &mut Next<'r>) -> Result<()> {
        self.agree(c, next)?;
        let from = next.basis.date();
        if c.pro_rata && next.phase.is_none() && next.agreed.is_none() {
            let due = self
                .who()
                .pro_rata_due(next.every, from, self.cal)
                .and_then(in_range)
                .ok_or(Error::DateOutOfRange)?;
            next.stretched = due.signed_duration_since(next.due).num_days();
            next.due = due;
        }
        if c.absence_extends {
            let moved_to = self.extend(from, next.due)?;
            next.moved = moved_to.signed_duration_since(next.due).num_days();
            next.due = moved_to;
        }
        Ok(())
    }

    /// The interval a signed agreement sets (`agreedUpTo`), for a gap opened on or after the
    /// day it was signed and governed by the rule's `every` (not a phase or `first`).
    fn agree<'r>(&self, c: &View<'r>, next: &mut Next<'r>) -> Result<()> {
        let from = next.basis.date();
        let (Some(up_to), Some(a)) = (c.agreed_up_to, self.worker.agreement_on(from)) else {
            return Ok(());
        };
        let Some(agreed) = a.frequency else {
            return Ok(());
        };
        if next.phase.is_some() || matches!(next.basis, Basis::First(_)) {
            return Ok(());
        }
        let (interval, longer) =
            agreed_interval(agreed, *up_to, from, self.cal).ok_or(Error::DateOutOfRange)?;
        next.due = after(&interval, from, self.cal)?;
        next.agreed = Some(Agreed {
            signed: a.signed,
            interval,
            longer,
        });
        Ok(())
    }
}
