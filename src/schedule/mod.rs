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
//! - Absence (`absenceExtends`): the due date moves later by the days of recorded absence
//!   between the basis and the due date, including absence the move itself reaches into;
//!   equivalently, the deadline is the interval's length in days *not* absent.
//! - Rebooking after sickness (`after: return`): the return is the first working day after
//!   the absence covering the cancelled session, passing over absences that follow on.

mod cadence;
mod many;
mod worker;

pub use many::schedule_many;
pub use worker::{Absence, Agreement, Case, Event, Review, ScheduleOptions, Session, Worker};

use cadence::{Cadence, Handover};

use crate::calendar::{add_days, format_date, Calendar, Duration};
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::policy::{
    Anchor, Cancelled, EventKind, ObligationKind, Policy, RebookFrom, Rule, RuleKind, SessionType,
    When,
};
use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};

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
}

fn iso<S: Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&format_date(*d))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2 March 2026`, as GOV.UK writes dates.
pub fn long_date(d: NaiveDate) -> String {
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
    format!("{} {} {}", d.day(), month, d.year())
}

/// Works out a worker's schedule under a policy.
///
/// # Errors
/// [`Error::BadArgument`] when the worker's role is not one of the policy's roles;
/// [`Error::DateOutOfRange`] when a due date would fall outside chrono's range.
///
/// # Examples
/// ```
/// use supervision_rules::{policy::Registry, schedule::{schedule, ScheduleOptions, Worker}};
/// let registry = Registry::with_builtins();
/// let worker = Worker::from_json(&serde_json::json!({
///     "id": "w1", "role": "nqsw", "started": "2026-01-05", "asye": "2026-01-05",
///     "sessions": [{ "date": "2026-01-12", "type": "one-to-one" }]
/// }))?;
/// let asof = supervision_rules::calendar::parse_date("2026-01-14")?;
/// let s = schedule(registry.get("havering")?, &worker, &ScheduleOptions::new(asof))?;
/// assert!(s.obligations.iter().any(|o| o.due.to_string() == "2026-01-19"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn schedule(policy: &Policy, worker: &Worker, options: &ScheduleOptions) -> Result<Schedule> {
    if !policy.roles.iter().any(|r| r.id == worker.role) {
        return Err(Error::bad_argument(
            "worker.role",
            format!(
                "one of this policy's role ids: {}",
                policy
                    .roles
                    .iter()
                    .map(|r| format!("\"{}\"", r.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let mut e = Engine {
        worker,
        as_of: options.as_of,
        due_soon: options.due_soon_days,
        cal: &options.calendar,
        absences: merge_absences(&worker.absences),
        quiet: false,
        prefix: None,
        obligations: Vec::new(),
        breaches: Vec::new(),
    };
    let applying: Vec<&Rule> = policy
        .rules
        .iter()
        .filter(|r| !is_child_rule(r) && e.applies(&r.when))
        .collect();
    let overriders = |id: &str| -> Vec<&str> {
        applying
            .iter()
            .filter(|r| r.overrides.iter().any(|o| o == id))
            .map(|r| r.id.as_str())
            .collect()
    };
    let mut handed_over: BTreeMap<&str, Handover> = BTreeMap::new();
    for rule in applying.iter().copied() {
        if overriders(&rule.id).is_empty() {
            if let Some(h) = e.worker_rule(rule)? {
                handed_over.insert(rule.id.as_str(), h);
            }
        }
    }
    // A rule whose every overrider has handed over gives its next obligation; the history is
    // audited by the rule that governed it.
    for rule in applying.iter().copied() {
        let by = overriders(&rule.id);
        let handovers: Vec<Handover> = by
            .iter()
            .filter_map(|id| handed_over.get(id).copied())
            .collect();
        if by.is_empty() || handovers.len() < by.len() {
            continue;
        }
        e.quiet = true;
        e.prefix = handovers.iter().max_by_key(|h| h.ends).map(|h| h.prefix());
        e.worker_rule(rule)?;
        e.quiet = false;
        e.prefix = None;
    }
    for (i, case) in worker.cases.iter().enumerate() {
        let rules = select(policy, |r| {
            is_child_rule(r) && e.applies(&r.when) && case_matches(&r.when, case)
        });
        for rule in rules {
            e.child_rule(rule, i, case)?;
        }
    }
    let Engine {
        mut obligations,
        breaches,
        ..
    } = e;
    obligations.sort_by(|a, b| {
        (a.due, a.kind, &a.subject, &a.rule).cmp(&(b.due, b.kind, &b.subject, &b.rule))
    });
    Ok(Schedule {
        as_of: options.as_of,
        obligations,
        breaches,
    })
}

fn is_child_rule(r: &Rule) -> bool {
    matches!(
        r.kind,
        RuleKind::ChildDiscussion { .. }
            | RuleKind::ChildFirstDiscussion { .. }
            | RuleKind::ChildAfterEvent { .. }
            | RuleKind::ChildBeforeEvent { .. }
    )
}

fn case_matches(when: &When, case: &Case) -> bool {
    when.plans
        .as_ref()
        .is_none_or(|ps| case.plan.is_some_and(|p| ps.contains(&p)))
        && when
            .rag
            .as_ref()
            .is_none_or(|rs| case.rag.is_some_and(|r| rs.contains(&r)))
}

/// The rules that apply, less those overridden by another rule that applies.
fn select(policy: &Policy, applies: impl Fn(&Rule) -> bool) -> Vec<&Rule> {
    let applying: Vec<&Rule> = policy.rules.iter().filter(|r| applies(r)).collect();
    let overridden: BTreeSet<&str> = applying
        .iter()
        .flat_map(|r| r.overrides.iter().map(String::as_str))
        .collect();
    applying
        .into_iter()
        .filter(|r| !overridden.contains(r.id.as_str()))
        .collect()
}

struct Engine<'a> {
    worker: &'a Worker,
    as_of: NaiveDate,
    due_soon: u32,
    cal: &'a Calendar,
    /// The worker's absences, sorted, overlapping and adjacent ones merged.
    absences: Vec<(NaiveDate, NaiveDate)>,
    /// Breaches are not recorded (a rule taking over from a `during` rule).
    quiet: bool,
    /// Put before each obligation's reason.
    prefix: Option<String>,
    obligations: Vec<Obligation>,
    breaches: Vec<Finding>,
}

/// Absences as sorted, disjoint, non-adjacent day ranges (both ends included).
fn merge_absences(absences: &[Absence]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut spans: Vec<(NaiveDate, NaiveDate)> = absences
        .iter()
        .filter(|a| a.from <= a.to)
        .map(|a| (a.from, a.to))
        .collect();
    spans.sort();
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
fn in_range(date: NaiveDate) -> Option<NaiveDate> {
    (1..=9999).contains(&date.year()).then_some(date)
}

fn after(d: &Duration, date: NaiveDate, cal: &Calendar) -> Result<NaiveDate> {
    d.after(date, cal)
        .and_then(in_range)
        .ok_or(Error::DateOutOfRange)
}

fn before(d: &Duration, date: NaiveDate, cal: &Calendar) -> Result<NaiveDate> {
    d.before(date, cal)
        .and_then(in_range)
        .ok_or(Error::DateOutOfRange)
}

fn describe_counts(counts: &[SessionType]) -> &'static str {
    match counts {
        [SessionType::OneToOne] => "one-to-one",
        [SessionType::Reflective] => "reflective session",
        [SessionType::Group] => "group session",
        _ if counts.contains(&SessionType::Case) && !counts.contains(&SessionType::Personal) => {
            "case supervision"
        }
        _ if counts.contains(&SessionType::Personal) && !counts.contains(&SessionType::Case) => {
            "personal supervision"
        }
        _ => "supervision session",
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

impl<'a> Engine<'a> {
    fn anchor(&self, a: Anchor) -> Option<NaiveDate> {
        match a {
            Anchor::Asye => self.worker.asye,
            Anchor::Probation => self.worker.probation,
            Anchor::Started => Some(self.worker.started),
        }
    }

    fn applies(&self, when: &When) -> bool {
        let w = self.worker;
        when.roles.as_ref().is_none_or(|rs| rs.contains(&w.role))
            && when.hours.is_none_or(|h| h == w.hours)
            && when
                .shifts_per_month_below
                .is_none_or(|n| w.shifts_per_month.is_some_and(|s| s < n))
            && when.during.as_ref().is_none_or(|win| {
                self.anchor(win.start).is_some_and(|start| {
                    start <= self.as_of
                        && win
                            .until
                            .after(start, self.cal)
                            .is_some_and(|end| self.as_of < end)
                })
            })
    }

    fn status(&self, due: NaiveDate) -> Status {
        if due < self.as_of {
            Status::Overdue
        } else if add_days(self.as_of, i64::from(self.due_soon)).is_none_or(|edge| due <= edge) {
            Status::DueSoon
        } else {
            Status::Ok
        }
    }

    fn oblige(
        &mut self,
        kind: ObligationKind,
        subject: &str,
        due: NaiveDate,
        rule: &Rule,
        source: &str,
        reason: String,
    ) {
        let reason = match &self.prefix {
            Some(p) => format!("{p}{reason}"),
            None => reason,
        };
        self.obligations.push(Obligation {
            kind,
            subject: subject.to_string(),
            due,
            status: self.status(due),
            source: source.to_string(),
            reason,
            rule: rule.id.clone(),
        });
    }

    fn breach(&mut self, path: String, code: &'static str, rule: &Rule, message: String) {
        if self.quiet {
            return;
        }
        self.breaches.push(Finding {
            path,
            code,
            message,
            source: rule.source.clone(),
            severity: Severity::Error,
            rule: Some(rule.id.clone()),
        });
    }

    /// Dates of counted sessions held on or before `asOf`, sorted, each day once.
    fn held(&self, counts: &[SessionType]) -> Vec<NaiveDate> {
        let set: BTreeSet<NaiveDate> = self
            .worker
            .sessions
            .iter()
            .filter(|s| s.cancelled.is_none() && counts.contains(&s.kind) && s.date <= self.as_of)
            .map(|s| s.date)
            .collect();
        set.into_iter().collect()
    }

    /// The path of the held session on `date`, for a breach: `sessions[3]`.
    fn session_path(&self, date: NaiveDate) -> String {
        self.worker
            .sessions
            .iter()
            .position(|s| s.date == date && s.cancelled.is_none())
            .map_or_else(|| "sessions".to_string(), |i| format!("sessions[{i}]"))
    }

    /// Days of recorded absence in (from, to].
    fn absent_days(&self, from: NaiveDate, to: NaiveDate) -> i64 {
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
    fn extend(&self, from: NaiveDate, due: NaiveDate) -> Result<NaiveDate> {
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

    /// The first working day after the absence covering `date`, passing over absences that
    /// follow on; `None` when no absence covers it.
    fn return_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let (_, to) = self
            .absences
            .iter()
            .copied()
            .find(|&(a, b)| a <= date && date <= b)?;
        let mut back = self.cal.next_working_day(to)?;
        for &(a, b) in &self.absences {
            if a <= back && back <= b {
                back = self.cal.next_working_day(b)?;
            }
        }
        Some(back)
    }

    /// Applies one worker rule; a `cadence` rule may hand over to the rules it overrides.
    fn worker_rule(&mut self, rule: &'a Rule) -> Result<Option<Handover>> {
        if let RuleKind::Cadence {
            obligation,
            counts,
            every,
            phases,
            first,
            absence_extends,
        } = &rule.kind
        {
            return self.cadence(&Cadence {
                rule,
                obligation: *obligation,
                counts,
                every: every.as_ref(),
                phases,
                first: first.as_ref(),
                absence_extends: *absence_extends,
            });
        }
        self.other_worker_rule(rule).map(|()| None)
    }

    fn other_worker_rule(&mut self, rule: &'a Rule) -> Result<()> {
        let id = self.worker.id.clone();
        match &rule.kind {
            RuleKind::Cadence { .. } => Ok(()),
            RuleKind::MinCount {
                counts,
                count,
                window,
            } => {
                let held = self.held(counts);
                self.min_count(
                    rule,
                    &held,
                    *count,
                    window,
                    "sessions",
                    describe_counts(counts),
                );
                Ok(())
            }
            RuleKind::MaxGap { counts, gap } => self.max_gap(rule, counts, gap),
            RuleKind::WriteUp {
                counts,
                within,
                what,
            } => {
                for (i, s) in self.worker.sessions.iter().enumerate() {
                    if s.cancelled.is_some() || !counts.contains(&s.kind) || s.date > self.as_of {
                        continue;
                    }
                    let due = after(within, s.date, self.cal)?;
                    match s.recorded {
                        None => self.oblige(
                            ObligationKind::WriteUp,
                            &id,
                            due,
                            rule,
                            &rule.source,
                            format!(
                                "{} for the session on {}: due within {} of it.",
                                capitalise(what),
                                long_date(s.date),
                                within.describe()
                            ),
                        ),
                        Some(r) if r > due => self.breach(
                            format!("sessions[{i}].recorded"),
                            "late-write-up",
                            rule,
                            format!(
                                "{} for the session on {}: written up on {}, after the deadline of {} ({} after the session).",
                                capitalise(what),
                                long_date(s.date),
                                long_date(r),
                                long_date(due),
                                within.describe()
                            ),
                        ),
                        Some(_) => {}
                    }
                }
                Ok(())
            }
            RuleKind::Rebook {
                obligation,
                counts,
                cancelled,
                within,
                after: from,
            } => self.rebook(rule, *obligation, counts, *cancelled, within, *from),
            RuleKind::AgreementReview {
                every,
                first,
                on_change_of_supervisor,
            } => {
                let (due, reason) = match self.worker.agreement {
                    Some(a) => {
                        let annual = after(every, a.signed, self.cal)?;
                        let changed = match (a.supervisor_changed, on_change_of_supervisor) {
                            (Some(c), Some(within)) if c > a.signed => {
                                Some((after(within, c, self.cal)?, c, within))
                            }
                            _ => None,
                        };
                        match changed {
                            Some((due, c, within)) if due < annual => (
                                due,
                                format!(
                                    "The supervisor changed on {}: the agreement is re-signed within {} of the change.",
                                    long_date(c),
                                    within.describe()
                                ),
                            ),
                            _ => (
                                annual,
                                format!(
                                    "The agreement signed on {} is reviewed within {} of signing.",
                                    long_date(a.signed),
                                    every.describe()
                                ),
                            ),
                        }
                    }
                    None => match first {
                        Some(f) => (
                            after(f, self.worker.started, self.cal)?,
                            format!(
                                "No supervision agreement is recorded: the first is due within {} of starting on {}.",
                                f.describe(),
                                long_date(self.worker.started)
                            ),
                        ),
                        None => (
                            self.worker.started,
                            format!(
                                "No supervision agreement is recorded: one is due from the start on {}.",
                                long_date(self.worker.started)
                            ),
                        ),
                    },
                };
                self.oblige(
                    ObligationKind::AgreementReview,
                    &id,
                    due,
                    rule,
                    &rule.source,
                    reason,
                );
                Ok(())
            }
            RuleKind::Observation {
                every,
                count,
                window,
            } => {
                let held: Vec<NaiveDate> = self
                    .worker
                    .observations
                    .iter()
                    .copied()
                    .filter(|d| *d <= self.as_of)
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let (due, reason) = match held.last() {
                    Some(last) => (
                        after(every, *last, self.cal)?,
                        format!(
                            "Observation of practice every {}: the last was on {}.",
                            every.describe(),
                            long_date(*last)
                        ),
                    ),
                    None => (
                        after(every, self.worker.started, self.cal)?,
                        format!(
                            "Observation of practice every {}: none is recorded since the start on {}.",
                            every.describe(),
                            long_date(self.worker.started)
                        ),
                    ),
                };
                self.oblige(
                    ObligationKind::Observation,
                    &id,
                    due,
                    rule,
                    &rule.source,
                    reason,
                );
                if let (Some(n), Some(w)) = (count, window) {
                    self.min_count(
                        rule,
                        &held,
                        *n,
                        w,
                        "observations",
                        "observation of practice",
                    );
                }
                Ok(())
            }
            RuleKind::Milestone {
                obligation,
                from,
                at,
                labels,
                every,
            } => {
                let Some(start) = self.anchor(*from) else {
                    return Ok(());
                };
                let mut reviews: Vec<NaiveDate> = self
                    .worker
                    .reviews
                    .iter()
                    .filter(|r| r.kind == *obligation && r.date >= start && r.date <= self.as_of)
                    .map(|r| r.date)
                    .collect();
                reviews.sort();
                reviews.dedup();
                // The k-th review held satisfies the k-th milestone.
                let next = at
                    .iter()
                    .zip(labels)
                    .enumerate()
                    .find(|(k, _)| *k >= reviews.len());
                match next {
                    Some((_, (offset, label))) => {
                        let due = after(offset, start, self.cal)?;
                        self.oblige(
                            *obligation,
                            &id,
                            due,
                            rule,
                            &rule.source,
                            format!(
                                "{label}: {} after {} on {}.",
                                offset.describe(),
                                from.describe(),
                                long_date(start)
                            ),
                        );
                    }
                    None => {
                        if let (Some(every), Some(last)) = (every, reviews.last()) {
                            let due = after(every, *last, self.cal)?;
                            self.oblige(
                                *obligation,
                                &id,
                                due,
                                rule,
                                &rule.source,
                                format!(
                                    "{} every {}: the last was on {}.",
                                    labels.last().map_or("Review", String::as_str),
                                    every.describe(),
                                    long_date(*last)
                                ),
                            );
                        }
                    }
                }
                Ok(())
            }
            RuleKind::ChildDiscussion { .. }
            | RuleKind::ChildFirstDiscussion { .. }
            | RuleKind::ChildAfterEvent { .. }
            | RuleKind::ChildBeforeEvent { .. } => Ok(()),
        }
    }

    fn min_count(
        &mut self,
        rule: &Rule,
        held: &[NaiveDate],
        count: u32,
        window: &Duration,
        noun: &str,
        what: &str,
    ) {
        // The emptiest windows start at the start of employment or the day after a session.
        let mut starts = vec![self.worker.started];
        starts.extend(held.iter().filter_map(|d| d.succ_opt()));
        let mut reported_until: Option<NaiveDate> = None;
        for s in starts {
            if s < self.worker.started || reported_until.is_some_and(|u| s < u) {
                continue;
            }
            let Some(end) = window.after(s, self.cal) else {
                continue;
            };
            // Only windows that have fully elapsed by asOf can be judged.
            if end > self.as_of.succ_opt().unwrap_or(self.as_of) {
                break;
            }
            // `held` is sorted: count by binary search, so long histories stay n·log n.
            let n = held
                .partition_point(|d| *d < end)
                .saturating_sub(held.partition_point(|d| *d < s));
            if n < count as usize {
                let last_day = end.pred_opt().unwrap_or(end);
                self.breach(
                    noun.to_string(),
                    "min-count",
                    rule,
                    format!(
                        "{} between {} and {}: the policy asks for at least {count} in any {} ({what}).",
                        match n {
                            0 => format!("No {}", if noun == "sessions" { "sessions" } else { "observations" }),
                            _ => format!("Only {}", plural(n, if noun == "sessions" { "session" } else { "observation" })),
                        },
                        long_date(s),
                        long_date(last_day),
                        window.describe()
                    ),
                );
                reported_until = Some(end);
            }
        }
    }

    fn max_gap(&mut self, rule: &Rule, counts: &[SessionType], gap: &Duration) -> Result<()> {
        let held = self.held(counts);
        let mut prev = self.worker.started;
        let mut prev_is_start = true;
        let what = describe_counts(counts);
        for d in held.iter().copied().filter(|d| *d >= self.worker.started) {
            let limit = after(gap, prev, self.cal)?;
            if d > limit {
                self.breach(
                    self.session_path(d),
                    "max-gap",
                    rule,
                    format!(
                        "No {what} between {} and {}: longer than the {} the policy allows.",
                        if prev_is_start {
                            format!("starting on {}", long_date(prev))
                        } else {
                            long_date(prev)
                        },
                        long_date(d),
                        gap.describe()
                    ),
                );
            }
            prev = d;
            prev_is_start = false;
        }
        let limit = after(gap, prev, self.cal)?;
        if self.as_of > limit {
            self.breach(
                "sessions".to_string(),
                "max-gap",
                rule,
                format!(
                    "No {what} since {}: longer than the {} the policy allows.",
                    long_date(prev),
                    gap.describe()
                ),
            );
        }
        Ok(())
    }

    fn rebook(
        &mut self,
        rule: &Rule,
        obligation: ObligationKind,
        counts: &[SessionType],
        cancelled: Cancelled,
        within: &Duration,
        from: RebookFrom,
    ) -> Result<()> {
        let held = self.held(counts);
        let id = self.worker.id.clone();
        for (i, s) in self.worker.sessions.iter().enumerate() {
            if s.cancelled != Some(cancelled) || !counts.contains(&s.kind) || s.date > self.as_of {
                continue;
            }
            let (start, phrase) = match from {
                RebookFrom::Cancelled => (
                    s.date,
                    format!("the cancellation of the session on {}", long_date(s.date)),
                ),
                RebookFrom::Return => match self.return_after(s.date) {
                    Some(back) => (back, format!("the return to work on {}", long_date(back))),
                    None => (
                        s.date,
                        format!(
                            "the cancelled session on {} (no absence is recorded around it)",
                            long_date(s.date)
                        ),
                    ),
                },
            };
            let due = after(within, start, self.cal)?;
            match held.get(held.partition_point(|d| *d <= s.date)) {
                None => self.oblige(
                    obligation,
                    &id,
                    due,
                    rule,
                    &rule.source,
                    format!("A session cancelled for {} is held within {} of {phrase}.", match cancelled { Cancelled::Sickness => "sickness", Cancelled::Other => "another reason" }, within.describe()),
                ),
                Some(d) if *d > due => self.breach(
                    format!("sessions[{i}]"),
                    "late-rebook",
                    rule,
                    format!(
                        "The session cancelled on {} was next held on {}, after the deadline of {}.",
                        long_date(s.date),
                        long_date(*d),
                        long_date(due)
                    ),
                ),
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn child_rule(&mut self, rule: &Rule, i: usize, case: &Case) -> Result<()> {
        let discussed: Vec<NaiveDate> = case
            .discussed
            .iter()
            .copied()
            .filter(|d| *d <= self.as_of)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let path = format!("cases[{i}]");
        match &rule.kind {
            RuleKind::ChildDiscussion { every } => {
                let mut prev = case.allocated;
                let mut prev_label = "allocation";
                for d in discussed.iter().copied().filter(|d| *d >= case.allocated) {
                    let due = after(every, prev, self.cal)?;
                    if d > due {
                        self.breach(
                            format!("{path}.discussed"),
                            "child-discussion-gap",
                            rule,
                            format!(
                                "The case was discussed on {}, more than {} after the {prev_label} on {}.",
                                long_date(d),
                                every.describe(),
                                long_date(prev)
                            ),
                        );
                    }
                    prev = d;
                    prev_label = "discussion";
                }
                let due = after(every, prev, self.cal)?;
                let reason = if prev_label == "allocation" {
                    format!("Each child is discussed at least every {}: case {} has not been discussed since allocation on {}.", every.describe(), case.id, long_date(prev))
                } else {
                    format!("Each child is discussed at least every {}: case {} was last discussed on {}.", every.describe(), case.id, long_date(prev))
                };
                self.oblige(
                    ObligationKind::ChildDiscussion,
                    &case.id,
                    due,
                    rule,
                    &rule.source,
                    reason,
                );
            }
            RuleKind::ChildFirstDiscussion { within } => {
                let due = after(within, case.allocated, self.cal)?;
                match discussed.iter().find(|d| **d >= case.allocated) {
                    None => self.oblige(
                        ObligationKind::ChildDiscussion,
                        &case.id,
                        due,
                        rule,
                        &rule.source,
                        format!("The case is first discussed within {} of allocation on {}.",  within.describe(), long_date(case.allocated)),
                    ),
                    Some(d) if *d > due => self.breach(
                        format!("{path}.discussed"),
                        "late-first-discussion",
                        rule,
                        format!("The case was first discussed on {}, more than {} after allocation on {}.",  long_date(*d), within.describe(), long_date(case.allocated)),
                    ),
                    Some(_) => {}
                }
            }
            RuleKind::ChildAfterEvent { events, within } => {
                for (j, ev) in case.events.iter().enumerate() {
                    if !events.contains(&ev.kind) || ev.date > self.as_of {
                        continue;
                    }
                    let due = after(within, ev.date, self.cal)?;
                    match discussed.iter().find(|d| **d >= ev.date) {
                        None => self.oblige(
                            ObligationKind::ChildDiscussion,
                            &case.id,
                            due,
                            rule,
                            &rule.source,
                            format!(
                                "The case is discussed within {} of the {} on {}.",
                                within.describe(),
                                ev.kind.describe(),
                                long_date(ev.date)
                            ),
                        ),
                        Some(d) if *d > due => self.breach(
                            format!("{path}.events[{j}]"),
                            "late-discussion-after-event",
                            rule,
                            format!(
                                "The case was discussed on {}, more than {} after the {} on {}.",
                                long_date(*d),
                                within.describe(),
                                ev.kind.describe(),
                                long_date(ev.date)
                            ),
                        ),
                        Some(_) => {}
                    }
                }
            }
            RuleKind::ChildBeforeEvent { events, window } => {
                for (j, ev) in case.events.iter().enumerate() {
                    if !events.contains(&ev.kind) {
                        continue;
                    }
                    let from = before(window, ev.date, self.cal)?;
                    let done = discussed.iter().any(|d| *d >= from && *d < ev.date);
                    if done {
                        continue;
                    }
                    let due = ev.date.pred_opt().ok_or(Error::DateOutOfRange)?;
                    if ev.date > self.as_of {
                        self.oblige(
                            ObligationKind::ChildDiscussion,
                            &case.id,
                            due,
                            rule,
                            &rule.source,
                            format!("The case is discussed before the planned {} on {} (within the {} before it).",  describe_event(ev.kind), long_date(ev.date), window.describe()),
                        );
                    } else {
                        self.breach(
                            format!("{path}.events[{j}]"),
                            "no-discussion-before-event",
                            rule,
                            format!(
                                "The case was not discussed in the {} before the {} on {}.",
                                window.describe(),
                                describe_event(ev.kind),
                                long_date(ev.date)
                            ),
                        );
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn describe_event(k: EventKind) -> &'static str {
    k.describe()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
