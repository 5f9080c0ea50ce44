//! A frequency agreed in the worker's supervision agreement (`agreement.frequency`), for the
//! cadences whose policy lets an agreement set it (`agreedUpTo`); and the other adjustments
//! of a deadline after its interval is chosen (pro rata, absence).

use super::{Basis, Next, View};
use crate::calendar::{add_days, Duration};
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
    /// The agreed interval, when it was longer than the policy allows.
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
                " The supervision agreement signed on {} agrees {}, longer than the {} the \
                 policy allows.",
                long_date(self.signed),
                every_phrase(&longer),
                self.interval.describe()
            ),
        }
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
            let full = next.due.signed_duration_since(from).num_days();
            let stretched = self.pro_rata_days(full);
            next.stretched = stretched.saturating_sub(full);
            next.due = add_days(from, stretched)
                .and_then(in_range)
                .ok_or(Error::DateOutOfRange)?;
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
        let (Some(up_to), Some(a)) = (c.agreed_up_to, self.worker.agreement) else {
            return Ok(());
        };
        let from = next.basis.date();
        let Some(agreed) = a.frequency.filter(|_| a.signed <= from) else {
            return Ok(());
        };
        if next.phase.is_some() || matches!(next.basis, Basis::First(_)) {
            return Ok(());
        }
        let by_agreement = after(&agreed, from, self.cal)?;
        let ceiling = after(up_to, from, self.cal)?;
        let (due, interval, longer) = if by_agreement <= ceiling {
            (by_agreement, agreed, None)
        } else {
            (ceiling, *up_to, Some(agreed))
        };
        next.due = due;
        next.agreed = Some(Agreed {
            signed: a.signed,
            interval,
            longer,
        });
        Ok(())
    }
}
