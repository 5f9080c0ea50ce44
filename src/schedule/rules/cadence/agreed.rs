//! The interval after a session ([`interval_after`]), for the schedule's deadlines and
//! validation's cadence checks alike: a frequency agreed in the supervisee's agreement
//! (`agreement.frequency`), for the cadences whose policy lets an agreement set it
//! (`agreedUpTo`), else the rule's own, pro rata (`proRata`); and the other adjustment of a
//! deadline after its interval is chosen (absence).

use super::next::{Basis, Next, View};
use crate::calendar::{add_days, Calendar, Duration, Unit};
use crate::error::{Error, Result};
use crate::schedule::engine::{after, Engine};
use crate::terms::Who;
use crate::words::{every_phrase, long_date};
use chrono::{Days, NaiveDate};

/// An interval set by the worker's supervision agreement.
#[derive(Debug, Clone, Copy)]
pub(super) struct Agreed {
    /// When the agreement was signed.
    signed: NaiveDate,
    /// The interval used: the agreed one, or the policy's `agreedUpTo` when it agrees longer.
    pub(super) interval: Duration,
    /// The agreed interval, when it was longer than the rule allows (`agreedUpTo`: the
    /// policy's limit, or our reading's where the rule is a reading).
    longer: Option<Duration>,
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
/// agreed one beside it, when the agreed one would fall later.
fn agreed_interval(
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

/// What of a cadence rule adjusts its interval after a session.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Terms<'r> {
    /// `proRata`: the interval is full-time work's.
    pub(crate) pro_rata: bool,
    /// `agreedUpTo`: an agreed frequency stands in for the interval, up to this one.
    pub(crate) agreed_up_to: Option<&'r Duration>,
}

/// How the interval after a session was reached.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Counted {
    /// The rule's own interval.
    Own,
    /// The agreed frequency (`agreedUpTo`); `longer` is the agreed interval when it was
    /// longer than the rule allows, and the interval is then the rule's limit.
    Agreed { longer: Option<Duration> },
    /// The rule's own, stretched for the worker's `fte` (`proRata`): a number of days.
    ProRata,
}

/// The interval a cadence allows after a session on `from`, counted from `every` (the rule's
/// interval, or its `first`): the frequency the supervisee's agreement sets (`agreed`) where
/// the rule lets an agreement set it (`agreedUpTo`), up to that limit; else, for a `proRata`
/// rule and a worker below full time, `every`'s days ÷ fte, rounded up (as days); else
/// `every`. The one reckoning of both the schedule's deadlines and validation's cadence
/// checks.
///
/// `None` when a date falls outside the calendar's range.
pub(crate) fn interval_after(
    every: &Duration,
    terms: Terms<'_>,
    who: &Who<'_>,
    agreed: Option<Duration>,
    from: NaiveDate,
    cal: &Calendar,
) -> Option<(Duration, Counted)> {
    if let (Some(up_to), Some(agreed)) = (terms.agreed_up_to, agreed) {
        let (interval, longer) = agreed_interval(agreed, *up_to, from, cal)?;
        return Some((interval, Counted::Agreed { longer }));
    }
    match who
        .fte_thousandths
        .filter(|t| terms.pro_rata && *t > 0 && *t < 1000)
    {
        Some(fte) => {
            let due = pro_rata_due(every, fte, from, cal)?;
            let n = u32::try_from(due.signed_duration_since(from).num_days()).ok()?;
            Some((
                Duration {
                    n,
                    unit: Unit::Days,
                },
                Counted::ProRata,
            ))
        }
        None => Some((*every, Counted::Own)),
    }
}

/// `every` after `from`, as the equivalent at `fte` thousandths of full time (`proRata`): its
/// days ÷ fte, rounded up — and never earlier than for a session on any of the days before
/// `from`. A month's days vary (28 to 31), so divided alone they could give a session on 31
/// January an earlier deadline (28 March at 0.5) than one on 29 January (30 March): a later
/// session never gets an earlier deadline. Looking back `3 ÷ fte` days is enough, since no
/// two intervals of `every` differ by more than 3 days.
fn pro_rata_due(every: &Duration, fte: u32, from: NaiveDate, cal: &Calendar) -> Option<NaiveDate> {
    let stretched = |d: NaiveDate| -> Option<NaiveDate> {
        let full = every.after(d, cal)?.signed_duration_since(d).num_days();
        add_days(d, pro_rata_days(full, fte))
    };
    let back = 3000_u64.div_ceil(u64::from(fte));
    let own = stretched(from)?;
    Some(
        (1..=back)
            .filter_map(|k| from.checked_sub_days(Days::new(k)))
            .filter_map(stretched)
            .fold(own, NaiveDate::max),
    )
}

/// `days` of full-time work as calendar days at `fte` thousandths (1 to 999): days ÷ fte,
/// rounded up.
fn pro_rata_days(days: i64, fte: u32) -> i64 {
    days.checked_mul(1000)
        .and_then(|n| n.checked_add(i64::from(fte).saturating_sub(1)))
        .and_then(|n| n.checked_div(i64::from(fte)))
        .unwrap_or(days)
}

impl Engine<'_> {
    /// The deadline after its interval is chosen: for the rule's `every` or `first` (not a
    /// phase's), the interval after the session ([`interval_after`]: an agreed frequency,
    /// else pro rata); then `absenceExtends`.
    pub(super) fn adjust<'r>(&self, c: &View<'r>, next: &mut Next<'r>) -> Result<()> {
        let from = next.basis.date();
        if next.phase.is_none() {
            // An agreement sets the rule's `every`, for a gap opened on or after the day it
            // was signed: not a first deadline.
            let agreement = match next.basis {
                Basis::First(_) => None,
                _ => self.worker.supervisee.agreement_on(Some(from)),
            };
            let terms = Terms {
                pro_rata: c.pro_rata,
                agreed_up_to: c.agreed_up_to,
            };
            let agreed = agreement.and_then(|a| a.frequency);
            let (interval, counted) =
                interval_after(next.every, terms, &self.who(), agreed, from, self.cal)
                    .ok_or(Error::DateOutOfRange)?;
            match counted {
                Counted::Own => {}
                Counted::Agreed { longer } => {
                    next.due = after(&interval, from, self.cal)?;
                    next.agreed = agreement.map(|a| Agreed {
                        signed: a.signed,
                        interval,
                        longer,
                    });
                }
                Counted::ProRata => {
                    let due = after(&interval, from, self.cal)?;
                    next.stretched = due.signed_duration_since(next.due).num_days();
                    next.due = due;
                }
            }
        }
        if c.absence_extends {
            let moved_to = self.extend(from, next.due)?;
            next.moved = moved_to.signed_duration_since(next.due).num_days();
            next.due = moved_to;
        }
        Ok(())
    }
}
