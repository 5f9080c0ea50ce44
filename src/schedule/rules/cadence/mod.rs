//! `cadence` rules: when the next session is due, and which past gaps were too long.
//!
//! The next session is counted from a *basis*: the last counted session; or, when nothing has
//! been held since, the latest phase start (the ASYE or probation began) or the worker's start.
//! The interval is the one of the phase containing the basis (first phase in list order), else
//! the rule's `every`; with nothing held at all, the rule's `first` gives the first session's
//! deadline when that is earlier. The same reckoning audits the history: each session is
//! checked against the deadline that the one before it (or the start) set.

mod agreed;
mod next;

use agreed::{interval_after, Terms};
use next::{Basis, Next, View};

use super::WorkerRule;
use crate::calendar::{Calendar, Duration};
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::{after, Engine};
use crate::schedule::Rule;
use crate::terms::{Anchor, ObligationKind, Phase, Problems, SessionType, Who};
use crate::words::{capitalise, every_phrase, long_date, plural, sessions_counted};
use chrono::NaiveDate;
use serde::Serialize;

/// A recurring session.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Cadence {
    /// The obligation it produces.
    pub obligation: ObligationKind,
    /// Session types that count.
    pub counts: Vec<SessionType>,
    /// The interval after the phases, or throughout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Duration>,
    /// Phases from one of the worker's dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// The first session after `started`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Duration>,
    /// Recorded absence inside the interval moves the due date later by its days.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub absence_extends: bool,
    /// The interval is full-time work's: a worker's `fte` stretches it (its days ÷ fte,
    /// rounded up).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pro_rata: bool,
    /// A frequency agreed in the worker's supervision agreement (`agreement.frequency`)
    /// replaces `every` for the gaps opened from the day it was signed, up to this interval:
    /// an agreed interval longer than this one gives this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_up_to: Option<Duration>,
}

impl crate::read::Read for Cadence {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, Cadence {
            obligation: "obligation",
            counts: "counts",
            every: default "every",
            phases: default "phases",
            first: default "first",
            absence_extends: default "absenceExtends",
            pro_rata: default "proRata",
            agreed_up_to: default "agreedUpTo",
        }, allow)
    }
}

impl Cadence {
    pub(crate) fn check(&self, rule: &Rule, path: &str, problems: &mut Problems) {
        problems.counts(path, &self.counts);
        problems.session_obligation(path, self.obligation);
        if self.every.is_none() && self.phases.is_empty() {
            problems.push(path, "\"every\" or \"phases\" (or both)");
        }
        if self.agreed_up_to.is_some() && self.every.is_none() {
            problems.push(
                format!("{path}.every"),
                "an interval for \"agreedUpTo\" to stand in for (an agreed frequency replaces \"every\")",
            );
        }
        if self.every.is_none() && !self.phases.is_empty() && rule.when.during.is_none() {
            problems.push(
                format!("{path}.every"),
                "an interval for after the phases end (or a \"when.during\" window)",
            );
        }
    }

    /// The interval this rule allows after a session on `from` (see [`interval_after`]), for
    /// validation's cadence checks; `None` for a rule with no `every` (phases only).
    pub(crate) fn interval_after(
        &self,
        who: &Who<'_>,
        agreed: Option<Duration>,
        from: NaiveDate,
        cal: &Calendar,
    ) -> Option<Duration> {
        let terms = Terms {
            pro_rata: self.pro_rata,
            agreed_up_to: self.agreed_up_to.as_ref(),
        };
        interval_after(self.every.as_ref()?, terms, who, agreed, from, cal).map(|(d, _)| d)
    }
}

impl WorkerRule for Cadence {
    fn apply<'a>(&'a self, rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
        e.cadence(&View {
            rule,
            obligation: self.obligation,
            counts: &self.counts,
            every: self.every.as_ref(),
            phases: &self.phases,
            first: self.first.as_ref(),
            absence_extends: self.absence_extends,
            pro_rata: self.pro_rata,
            agreed_up_to: self.agreed_up_to.as_ref(),
        })
    }
}

/// A `during` rule whose window ends before its next session falls due: the rules it
/// overrides take over.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Handover {
    /// The window's end (exclusive).
    pub(crate) ends: NaiveDate,
    /// What the window runs from.
    pub(crate) start: Anchor,
}

impl Handover {
    /// The sentence put before the reason of each rule taking over.
    pub(crate) fn prefix(self) -> String {
        let last = self.ends.pred_opt().unwrap_or(self.ends);
        format!(
            "The {} cadence ends on {}, before its next session would fall due. ",
            period(self.start),
            long_date(last)
        )
    }
}

/// The period a phase anchor begins, in a reason.
fn period(a: Anchor) -> &'static str {
    match a {
        Anchor::Asye => "ASYE",
        Anchor::Probation => "probation",
        Anchor::Started => "starting",
    }
}

impl<'a> Engine<'a> {
    /// The phase containing `date`, if any, by index.
    fn phase_index(&self, phases: &[Phase], date: NaiveDate) -> Option<usize> {
        phases.iter().position(|p| {
            self.anchor(p.start).is_some_and(|start| {
                start <= date && p.until.after(start, self.cal).is_some_and(|end| date < end)
            })
        })
    }

    /// The days a phase governs: from the end of the phases listed before it (that share its
    /// start) to its own end, exclusive.
    fn phase_span(&self, phases: &[Phase], k: usize) -> Option<(NaiveDate, NaiveDate)> {
        let p = phases.get(k)?;
        let start = self.anchor(p.start)?;
        let end = p.until.after(start, self.cal)?;
        let begin = phases
            .iter()
            .take(k)
            .filter(|q| q.start == p.start)
            .filter_map(|q| q.until.after(start, self.cal))
            .filter(|e| *e < end)
            .max()
            .unwrap_or(start)
            .max(start);
        Some((begin, end))
    }

    /// The deadline for the next counted session after `prev` (the last one held, if any),
    /// with phase starts up to `upto` taken into account.
    fn next<'r>(
        &self,
        c: &View<'r>,
        prev: Option<NaiveDate>,
        upto: NaiveDate,
    ) -> Result<Option<Next<'r>>> {
        let started = self.records_from();
        let mut basis = match prev {
            Some(d) => Basis::Session(d),
            None => Basis::Started(started),
        };
        for p in c.phases {
            if let Some(a) = self.anchor(p.start) {
                // A phase that begins on the start day is named rather than the start.
                let later = match basis {
                    Basis::Started(d) => a >= d,
                    _ => a > basis.date(),
                };
                if later && a <= upto {
                    basis = Basis::Anchor(p.start, a);
                }
            }
        }
        let from = basis.date();
        let regular = match self.phase_index(c.phases, from) {
            Some(k) => c
                .phases
                .get(k)
                .map(|p| (&p.every, p.source.as_str(), Some(k))),
            None => c.every.map(|d| (d, c.rule.source.as_str(), None)),
        };
        let regular = match regular {
            Some((every, source, phase)) => Some(Next {
                due: after(every, from, self.cal)?,
                basis,
                every,
                source,
                phase,
                moved: 0,
                stretched: 0,
                agreed: None,
            }),
            None => None,
        };
        // `first` is a new starter's deadline: not for records that begin later.
        let first = match (prev, c.first) {
            (None, Some(f)) if !self.partial() => Some(Next {
                due: after(f, started, self.cal)?,
                basis: Basis::First(started),
                every: f,
                source: c.rule.source.as_str(),
                phase: None,
                moved: 0,
                stretched: 0,
                agreed: None,
            }),
            _ => None,
        };
        let next = match (regular, first) {
            (Some(r), Some(f)) => Some(if f.due <= r.due { f } else { r }),
            (r, f) => r.or(f),
        };
        let Some(mut next) = next else {
            return Ok(None);
        };
        self.adjust(c, &mut next)?;
        Ok(Some(next))
    }

    /// Why the deadline is what it is, in one or two sentences.
    fn cadence_reason(&self, c: &View<'_>, n: &Next<'_>) -> String {
        let what = sessions_counted(c.counts);
        let obligation = capitalise(c.obligation.describe());
        let every = every_phrase(&n.interval());
        let rhythm = match (n.phase, n.basis) {
            (_, Basis::First(d)) => {
                return self.with_absence(
                    format!(
                        "The first {what} is due within {} of starting on {}.",
                        n.every.describe(),
                        long_date(d)
                    ),
                    n,
                )
            }
            (Some(k), _) => match (self.phase_span(c.phases, k), c.phases.get(k)) {
                (Some((begin, end)), Some(p)) => format!(
                    "{obligation} {every} in the {} from {} to {}",
                    period(p.start),
                    long_date(begin),
                    long_date(end.pred_opt().unwrap_or(end))
                ),
                _ => format!("{obligation} {every}"),
            },
            (None, _) => {
                // After every phase has ended, say so: the interval is the rule's own.
                let last_phase = c.phases.iter().max_by_key(|p| {
                    self.anchor(p.start)
                        .and_then(|s| p.until.after(s, self.cal))
                });
                match last_phase {
                    Some(p) if self.anchor(p.start).is_some_and(|s| s <= n.basis.date()) => {
                        format!(
                            "{obligation} {every} after the first {} of the {}",
                            p.until.describe(),
                            period(p.start)
                        )
                    }
                    _ => format!("{obligation} {every}"),
                }
            }
        };
        let since = match n.basis {
            Basis::Session(d) => format!("the last {what} was on {}", long_date(d)),
            Basis::Started(_) | Basis::First(_) => {
                format!("no {what} is recorded since {}", self.since_start())
            }
            Basis::Anchor(a, d) => format!(
                "no {what} is recorded since {} on {}",
                a.describe(),
                long_date(d)
            ),
        };
        self.with_absence(format!("{rhythm}: {since}."), n)
    }

    fn with_absence(&self, mut reason: String, n: &Next<'_>) -> String {
        if let Some(a) = n.agreed {
            reason.push_str(&a.words());
        }
        if n.stretched > 0 {
            reason.push_str(&format!(
                " Pro rata for {} of full time: {} later.",
                self.fte_words(),
                plural(
                    usize::try_from(n.stretched).unwrap_or(usize::MAX),
                    "day",
                    "days"
                )
            ));
        }
        if n.moved > 0 {
            reason.push_str(&format!(
                " Recorded absence moves it {} later.",
                plural(
                    usize::try_from(n.moved).unwrap_or(usize::MAX),
                    "day",
                    "days"
                )
            ));
        }
        reason
    }

    /// Audits the history under a cadence rule and gives the next session's deadline.
    ///
    /// A gap is judged by the era in force on the day it opened (a session, the start or a
    /// phase start): with `worker.changes`, each era's rules judge its own gaps.
    ///
    /// Returns a [`Handover`] when the rule has a `during` window that ends before the next
    /// session would fall due under it. A rule whose window has ended by `asOf` still judges
    /// the sessions that fell due inside it (counted from a basis inside it), claims them
    /// from the rules it overrides, and gives no obligation.
    fn cadence(&mut self, c: &View<'a>) -> Result<Option<Handover>> {
        let held: Vec<NaiveDate> = self
            .held(c.counts)
            .into_iter()
            .filter(|d| *d >= self.history_from())
            .collect();
        let span = c.rule.when.during.as_ref().and_then(|w| self.window(w));
        let past = span.filter(|(_, end)| *end <= self.as_of);

        let mut prev = None;
        for &b in &held {
            let claimed = self.claimed.contains(&(c.rule.id.as_str(), b));
            if let (Some(n), false) = (self.next(c, prev, b)?, claimed) {
                let ours = past.is_none_or(|(start, end)| n.basis.date() >= start && n.due < end);
                if ours && past.is_some() {
                    for o in &c.rule.overrides {
                        self.claimed.insert((o.as_str(), b));
                    }
                }
                if ours && b > n.due {
                    self.gap(c, b, &n);
                }
            }
            prev = Some(b);
        }
        if past.is_some() {
            return Ok(None);
        }

        let window = match &c.rule.when.during {
            Some(w) => self
                .anchor(w.start)
                .and_then(|s| w.until.after(s, self.cal))
                .map(|end| (end, w.start)),
            None => None,
        };
        let next = self.next(c, prev, self.as_of)?;
        match (next, window) {
            (Some(n), Some((end, _))) if n.due < end => self.oblige_next(c, &n),
            (Some(n), None) => self.oblige_next(c, &n),
            (_, Some((ends, start))) => return Ok(Some(Handover { ends, start })),
            (None, None) => {}
        }
        Ok(None)
    }

    /// A `cadence-gap`: the session on `b` came after the deadline `n`.
    fn gap(&mut self, c: &View<'a>, b: NaiveDate, n: &Next<'_>) {
        if !self.wording {
            return;
        }
        let what = sessions_counted(c.counts);
        let since = match n.basis {
            Basis::Session(a) => format!("the one on {}", long_date(a)),
            Basis::Started(_) | Basis::First(_) => self.since_start(),
            Basis::Anchor(k, a) => format!("{} on {}", k.describe(), long_date(a)),
        };
        let message = format!(
            "The {what} on {} came more than {} after {since}: it was due by {}.",
            long_date(b),
            n.interval().describe(),
            long_date(n.due)
        );
        let path = self.session_path(b);
        let period = (n.basis.date(), b);
        self.chained_breach(period, || path, Code::CadenceGap, c.rule, || message);
    }

    fn oblige_next(&mut self, c: &View<'a>, n: &Next<'a>) {
        let reason = self.cadence_reason(c, n);
        let subject = self.worker.id.clone();
        self.oblige(c.obligation, &subject, n.due, c.rule, n.source, reason);
    }
}
