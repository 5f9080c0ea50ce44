//! The engine's state while a schedule is worked out: the worker, `asOf`, the calendar and
//! the worker's absences; the obligations and breaches found so far; and what every rule
//! kind asks of them (sessions held, due dates, statuses).

use super::changes::Era;
use super::output::{Obligation, Status};
use super::{Absence, Case, Worker};
use crate::calendar::{add_days, Calendar, Duration};
use crate::code::Code;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::schedule::Rule;
use crate::terms::{by_our_reading, Anchor, Basis, ObligationKind, SessionType, Who, Window};
use crate::words::long_date;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// A schedule being worked out.
pub(crate) struct Engine<'a> {
    /// Whose schedule.
    pub(crate) worker: &'a Worker,
    /// The day it is worked out for.
    pub(crate) as_of: NaiveDate,
    due_soon: u32,
    /// `options.recordsFrom`, when it is later than the start in post.
    records: Option<NaiveDate>,
    /// The working-day calendar.
    pub(crate) cal: &'a Calendar,
    /// The worker's absences, sorted, overlapping and adjacent ones merged.
    absences: Vec<(NaiveDate, NaiveDate)>,
    /// The worker's and the supervisor's absences together, merged: either one off stops
    /// a session being held (`after: return`).
    either_off: Vec<(NaiveDate, NaiveDate)>,
    /// Obligations found so far.
    pub(crate) obligations: Vec<Obligation>,
    /// Breaches found so far.
    pub(crate) breaches: Vec<Finding>,
    /// Sessions a `during` rule whose window has ended judged, by the id of each rule it
    /// overrides: those rules do not judge them again.
    pub(crate) claimed: BTreeSet<(&'a str, NaiveDate)>,
    /// The role, hours and `fte` rules are chosen with, and the days whose gaps and duties
    /// the rules judge: the era in force on `asOf`, or a past one (`worker.changes`).
    pub(crate) era: Era<'a>,
    /// With `worker.changes`: for each rule a change brought in (chosen in this era and the
    /// eras since that change, not in the one before it), the day of that change.
    pub(crate) since: BTreeMap<&'a str, NaiveDate>,
    /// The rule being applied's day in [`since`](Self::since), when it has one.
    pub(crate) rule_since: Option<NaiveDate>,
    /// Whether breaches are kept (and worded): not when the options want none
    /// (`breaches: 'none'`, a dashboard's due dates).
    pub(crate) wording: bool,
}

impl<'a> Engine<'a> {
    /// An engine with nothing found yet.
    pub(crate) fn new(
        worker: &'a Worker,
        as_of: NaiveDate,
        due_soon: u32,
        records_from: Option<NaiveDate>,
        cal: &'a Calendar,
    ) -> Self {
        Engine {
            worker,
            as_of,
            due_soon,
            records: records_from.filter(|r| *r > worker.started),
            cal,
            absences: merge_absences(&worker.absences),
            either_off: merge_absences(
                &[
                    worker.absences.as_slice(),
                    worker.supervisor_absences.as_slice(),
                ]
                .concat(),
            ),
            obligations: Vec::new(),
            breaches: Vec::new(),
            claimed: BTreeSet::new(),
            era: worker.era_on(as_of),
            since: BTreeMap::new(),
            rule_since: None,
            wording: true,
        }
    }

    /// An engine for the same worker and day with nothing found yet: for a rule taking over
    /// from a `during` rule, whose breaches are not wanted (the history was governed by the
    /// rule it takes over from).
    pub(crate) fn afresh(&self) -> Self {
        Engine {
            absences: self.absences.clone(),
            either_off: self.either_off.clone(),
            obligations: Vec::new(),
            breaches: Vec::new(),
            claimed: self.claimed.clone(),
            since: self.since.clone(),
            ..*self
        }
    }
}

/// Absences as sorted, disjoint, non-adjacent day ranges (both ends included).
fn merge_absences(absences: &[Absence]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut spans: Vec<(NaiveDate, NaiveDate)> = absences
        .iter()
        .filter(|a| a.from <= a.to)
        .map(|a| (a.from, a.to))
        .collect();
    crate::sort::sort(&mut spans);
    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(spans.len());
    for (from, to) in spans {
        match merged.last_mut() {
            Some(last) if last.1.succ_opt().is_none_or(|next| from <= next) => {
                last.1 = last.1.max(to);
            }
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// Dates at the boundary are `YYYY-MM-DD`: years 0001 to 9999.
pub(crate) fn in_range(date: NaiveDate) -> Option<NaiveDate> {
    (1..=9999).contains(&date.year()).then_some(date)
}

pub(crate) fn after(d: &Duration, date: NaiveDate, cal: &Calendar) -> Result<NaiveDate> {
    d.after(date, cal)
        .and_then(in_range)
        .ok_or(Error::DateOutOfRange)
}

pub(crate) fn before(d: &Duration, date: NaiveDate, cal: &Calendar) -> Result<NaiveDate> {
    d.before(date, cal)
        .and_then(in_range)
        .ok_or(Error::DateOutOfRange)
}

impl<'a> Engine<'a> {
    pub(crate) fn anchor(&self, a: Anchor) -> Option<NaiveDate> {
        match a {
            Anchor::Asye => self.worker.asye,
            Anchor::Probation => self.worker.probation,
            Anchor::Started => Some(self.worker.started),
        }
    }

    /// The first day the history covers: the start in post, or `options.recordsFrom` when
    /// the records begin later. Sessions, discussions and reviews before it are not read.
    pub(crate) fn history_from(&self) -> NaiveDate {
        self.records.unwrap_or(self.worker.started)
    }

    /// The first day the rule being applied judges and counts from: the history's first day,
    /// or the day a change of role, hours or `fte` brought the rule in (`worker.changes`),
    /// whichever is later. Nothing before it is owed under the rule; a first deadline counts
    /// from it.
    pub(crate) fn records_from(&self) -> NaiveDate {
        let from = self.history_from();
        self.rule_since.map_or(from, |s| s.max(from))
    }

    /// Whether the rule's history begins after the start in post (`options.recordsFrom`, or
    /// a change that brought the rule in): a new starter's first deadline does not apply.
    pub(crate) fn partial(&self) -> bool {
        self.records_from() > self.worker.started
    }

    /// What a first deadline counts from, in a sentence: "starting on 5 January 2026", "the
    /// records beginning on 1 April 2024" or "the change on 2 March 2026 that brought this
    /// rule in".
    pub(crate) fn since_start(&self) -> String {
        match (self.rule_since, self.records) {
            (Some(s), _) if s > self.history_from() => {
                format!("the change on {} that brought this rule in", long_date(s))
            }
            (_, Some(r)) => format!("the records beginning on {}", long_date(r)),
            _ => format!("starting on {}", long_date(self.worker.started)),
        }
    }

    /// The worker's `fte` in a sentence: "0.6".
    pub(crate) fn fte_words(&self) -> String {
        let t = self.era.who.fte_thousandths.unwrap_or(1000);
        let text = format!("{}.{:03}", t / 1000, t % 1000);
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }

    /// The worker, as a rule's `when` sees it.
    pub(crate) fn who(&self) -> Who<'a> {
        self.era.who
    }

    /// Whether `asOf` falls inside a `during` window of the worker's, and the window began
    /// before the engine's era ended: a past era (`worker.changes`) that ended before the
    /// window began was governed by the rules the window's rule overrides.
    pub(crate) fn inside(&self, win: &Window) -> bool {
        self.inside_era(win, &self.era)
    }

    /// As [`inside`](Self::inside), for another of the worker's eras.
    pub(crate) fn inside_era(&self, win: &Window, era: &Era<'_>) -> bool {
        self.anchor(win.start).is_some_and(|start| {
            start <= self.as_of
                && era.to.is_none_or(|to| start < to)
                && win
                    .until
                    .after(start, self.cal)
                    .is_some_and(|end| self.as_of < end)
        })
    }

    /// A `during` window's days, [start, end), when the worker has its start date.
    pub(crate) fn window(&self, win: &Window) -> Option<(NaiveDate, NaiveDate)> {
        let start = self.anchor(win.start)?;
        Some((start, win.until.after(start, self.cal)?))
    }

    /// Whether a `during` window of the worker's has ended by `asOf`.
    pub(crate) fn ended(&self, win: &Window) -> bool {
        self.window(win).is_some_and(|(_, end)| end <= self.as_of)
    }

    pub(crate) fn status(&self, due: NaiveDate) -> Status {
        status(due, self.as_of, self.due_soon)
    }

    pub(crate) fn oblige(
        &mut self,
        kind: ObligationKind,
        subject: &str,
        due: NaiveDate,
        rule: &Rule,
        source: &str,
        reason: String,
    ) {
        let (reason, reading) = on_reading(rule, reason);
        self.obligations.push(Obligation {
            kind,
            subject: subject.to_string(),
            due,
            status: self.status(due),
            source: source.to_string(),
            reason,
            rule: rule.id.clone(),
            reading,
        });
    }

    /// A breach of `rule`, when the engine's era judges it: `judged_on` is the day whose
    /// rules judge it — the day the gap or duty opened (the session, start or phase start a
    /// deadline counts from; the request, contact, cancelled session or event; a child's
    /// allocation or last discussion), the day a milestone fell due, or the first day of a
    /// window counted. With `worker.changes`, each era's rules judge what opened in it.
    ///
    /// The path and message are made only when the schedule carries breaches
    /// ([`wording`](Self::wording)).
    pub(crate) fn breach(
        &mut self,
        judged_on: NaiveDate,
        path: impl FnOnce() -> String,
        code: Code,
        rule: &Rule,
        message: impl FnOnce() -> String,
    ) {
        if self.wording && self.era.contains(judged_on) {
            self.breaches.push(breach(path(), code, rule, message()));
        }
    }

    /// A breach about the period from `from` (the day it counts from, as
    /// [`breach`](Self::breach)'s `judged_on`) to `to` (the day of the late event): one that a
    /// breach of the same rule and subject whose period begins on `to` continues (see
    /// [`runs`](super::runs)).
    pub(crate) fn chained_breach(
        &mut self,
        (from, to): (NaiveDate, NaiveDate),
        path: impl FnOnce() -> String,
        code: Code,
        rule: &Rule,
        message: impl FnOnce() -> String,
    ) {
        if self.wording && self.era.contains(from) {
            let mut b = breach(path(), code, rule, message());
            b.period = Some((from, to));
            self.breaches.push(b);
        }
    }

    /// Dates of counted sessions held from the records' start to `asOf`, sorted, each day
    /// once.
    pub(crate) fn held(&self, counts: &[SessionType]) -> Vec<NaiveDate> {
        let mut held: Vec<NaiveDate> = self
            .worker
            .sessions
            .iter()
            .filter(|s| {
                s.cancelled.is_none()
                    && counts.contains(&s.kind)
                    && s.date <= self.as_of
                    && s.date >= self.history_from()
            })
            .map(|s| s.date)
            .collect();
        crate::sort::sort(&mut held);
        held.dedup();
        held
    }

    /// Dates a case was discussed from the records' start to `asOf`, sorted, each day once.
    pub(crate) fn discussed(&self, case: &Case) -> Vec<NaiveDate> {
        let from = self.history_from();
        // Room for them all at once: collected from a filter, the list grew by reallocation
        // (three allocations for a case's ten discussions, for each child rule and case).
        let mut days = Vec::with_capacity(case.discussed.len());
        let held = case.discussed.iter().copied();
        days.extend(held.filter(|d| *d <= self.as_of && *d >= from));
        crate::sort::sort(&mut days);
        days.dedup();
        days
    }

    /// The path of the held session on `date`, for a breach: `sessions[3]`.
    pub(crate) fn session_path(&self, date: NaiveDate) -> String {
        self.worker
            .sessions
            .iter()
            .position(|s| s.date == date && s.cancelled.is_none())
            .map_or_else(|| "sessions".to_string(), |i| format!("sessions[{i}]"))
    }

    /// Days of recorded absence in (from, to].
    pub(crate) fn absent_days(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        self.absences
            .iter()
            .map(|&(a, b)| {
                let lo = a.max(from.succ_opt().unwrap_or(from));
                let hi = b.min(to);
                if hi < lo {
                    0
                } else {
                    hi.signed_duration_since(lo).num_days().saturating_add(1)
                }
            })
            .fold(0, i64::saturating_add)
    }

    /// `due` moved later by the days of absence in (from, due] and in the days the move
    /// reaches: the day on which as many non-absent days have passed since `from` as there
    /// were days from `from` to `due`.
    pub(crate) fn extend(&self, from: NaiveDate, due: NaiveDate) -> Result<NaiveDate> {
        let mut need = self.absent_days(from, due);
        let mut d = due;
        for &(a, b) in &self.absences {
            if need == 0 {
                break;
            }
            if b <= d {
                continue;
            }
            let start = a.max(d.succ_opt().ok_or(Error::DateOutOfRange)?);
            let free = start.signed_duration_since(d).num_days().saturating_sub(1);
            if free >= need {
                break;
            }
            need = need.saturating_sub(free);
            d = b;
        }
        add_days(d, need)
            .and_then(in_range)
            .ok_or(Error::DateOutOfRange)
    }

    /// The first working day after the absence (the worker's or the supervisor's) covering
    /// `date`, passing over absences of either that follow on; `None` when none covers it.
    pub(crate) fn return_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let (_, to) = self
            .either_off
            .iter()
            .copied()
            .find(|&(a, b)| a <= date && date <= b)?;
        let mut back = self.cal.next_working_day(to)?;
        for &(a, b) in &self.either_off {
            if a <= back && back <= b {
                back = self.cal.next_working_day(b)?;
            }
        }
        Some(back)
    }
}

/// Where an obligation due on `due` stands on `as_of`, with `due_soon` days' notice (a
/// worker's schedule and a team's alike).
pub(crate) fn status(due: NaiveDate, as_of: NaiveDate, due_soon: u32) -> Status {
    if due < as_of {
        Status::Overdue
    } else if add_days(as_of, i64::from(due_soon)).is_none_or(|edge| due <= edge) {
        Status::DueSoon
    } else {
        Status::Ok
    }
}

/// A breach of `rule` found at `path` (a worker's history or a team's).
/// One resting on a reading (`basis: "reading"`) is an advisory, worded as our reading.
pub(crate) fn breach(path: String, code: Code, rule: &Rule, message: String) -> Finding {
    let (message, reading) = on_reading(rule, message);
    Finding {
        path,
        pointer: None,
        code,
        message,
        source: rule.source.clone(),
        severity: match rule.basis {
            Basis::Stated => Severity::Error,
            Basis::Reading => Severity::Advisory,
        },
        rule: Some(rule.id.clone()),
        run: None,
        reading,
        period: None,
    }
}

/// A reason or message of a rule resting on a reading, worded as such ("By our reading of
/// §3d, which sets no such limit: …"), with the rule's `reading`; a stated rule's, unchanged.
pub(crate) fn on_reading(rule: &Rule, text: String) -> (String, Option<String>) {
    match rule.basis {
        Basis::Stated => (text, None),
        Basis::Reading => (by_our_reading(&rule.source, &text), rule.reading.clone()),
    }
}
