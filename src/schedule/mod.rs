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
mod many;
mod options;
pub(crate) mod rules;
mod runs;
pub(crate) mod supervisee;
pub(crate) mod team;
mod worker;

pub use agreements::Agreement;
pub use changes::Change;
pub use hours::TimeOfDay;
pub use many::schedule_many;
#[cfg(all(target_arch = "wasm32", feature = "schedule"))]
pub(crate) use many::schedule_many_read;
pub use options::{Breaches, ScheduleOptions};
pub use rules::Subject;
pub use team::{schedule_team, Audit, GroupSession, Supervisor, Team};
pub use worker::{
    Absence, CancelledBy, Case, Contact, Event, Incident, Request, Review, Session, Worker,
};

use crate::calendar::format_date;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::policy::{ObligationKind, Policy, Rule, Selection};
use chrono::NaiveDate;
use engine::Engine;
use rules::Handover;
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
        let ids: Vec<String> = policy
            .roles
            .iter()
            .map(|r| format!("\"{}\"", r.id))
            .collect();
        return Err(Error::bad_argument(
            "worker.role",
            format!("one of this policy's role ids: {}", ids.join(", ")),
        ));
    }
    for (i, c) in worker.changes.iter().enumerate() {
        if c.role
            .as_ref()
            .is_some_and(|r| !policy.roles.iter().any(|p| p.id == *r))
        {
            return Err(Error::bad_argument(
                format!("worker.changes[{i}].role"),
                "one of this policy's role ids, as for worker.role",
            ));
        }
    }
    // The worker's own first day of complete records wins over the call's.
    let records_from = worker.records_from.or(options.records_from);
    if worker.records_from.is_some_and(|d| d > options.as_of) {
        return Err(Error::bad_argument(
            "worker.recordsFrom",
            "a date on or before \"asOf\" (records cannot start after the day judged)",
        ));
    }
    let mut e = Engine::new(
        worker,
        options.as_of,
        options.due_soon_days,
        records_from,
        &options.calendar,
    );
    e.wording = options.breaches != Breaches::None;
    let brought = brought_in(policy, &e);
    past_eras(policy, &mut e, &brought)?;
    judge(policy, &mut e, &brought)?;
    let Engine {
        obligations,
        breaches,
        ..
    } = e;
    Ok(finish(obligations, breaches, options))
}

/// The schedule from what the rules found (a worker's, or a team's): obligations in date
/// order, and the history's breaches unless the options leave them out, each run of
/// breaches merged into one (see [`runs`]).
pub(crate) fn finish(
    mut obligations: Vec<Obligation>,
    mut breaches: Vec<Finding>,
    options: &ScheduleOptions,
) -> Schedule {
    if options.breaches == Breaches::None {
        breaches.clear();
    }
    let mut breaches = runs::merge(breaches);
    if options.breaches == Breaches::Runs {
        breaches.retain(|b| b.run.is_some());
    }
    let (advisories, breaches) = breaches
        .into_iter()
        .partition(|b| b.severity == crate::finding::Severity::Advisory);
    obligations.sort_by(|a, b| {
        (a.due, a.kind, &a.subject, &a.rule).cmp(&(b.due, b.kind, &b.subject, &b.rule))
    });
    Schedule {
        as_of: options.as_of,
        obligations,
        breaches,
        advisories,
    }
}

/// With `worker.changes`, each era before the one in force on `asOf` (and begun by it): the
/// rules chosen with that era's role, hours and `fte` judge the gaps and duties that opened
/// in it (see [`Engine::breach`]). Their obligations are not wanted: what is due now is the
/// present era's.
fn past_eras<'a>(policy: &'a Policy, e: &mut Engine<'a>, brought: &BroughtIn<'a>) -> Result<()> {
    let eras = e.worker.eras();
    for era in eras {
        if era.contains(e.as_of) || era.from.is_some_and(|f| f > e.as_of) {
            continue;
        }
        let mut past = e.afresh();
        past.era = era;
        judge(policy, &mut past, brought)?;
        e.breaches.extend(past.breaches);
    }
    Ok(())
}

/// The worker's rules, then the child rules for each case on the caseload, chosen with the
/// engine's era.
fn judge<'a>(policy: &'a Policy, e: &mut Engine<'a>, brought: &BroughtIn<'a>) -> Result<()> {
    e.since = brought.get(&e.era.from).cloned().unwrap_or_default();
    worker_rules(policy, e)?;
    let worker = e.worker;
    // What a case's rules depend on besides the case (the era, `asOf`) is the same for every
    // case, and cases with one plan and RAG rating have the same rules: chosen once each.
    let who = e.who();
    let for_any_case: Vec<&Rule> = (policy.rules.iter())
        .filter(|r| r.kind.for_child().is_some() && r.when.matches(&who, |w| e.inside(w)))
        .collect();
    let mut chosen: Vec<(CaseKey, Vec<&Rule>)> = Vec::new();
    for (i, case) in worker.cases.iter().enumerate() {
        let key = (case.plan, case.rag);
        if !chosen.iter().any(|(k, _)| *k == key) {
            let applying =
                (for_any_case.iter().copied()).filter(|r| r.when.matches_case(case.plan, case.rag));
            chosen.push((key, Selection::of(applying).chosen().collect()));
        }
        let rules = (chosen.iter().find(|(k, _)| *k == key)).map_or(&[][..], |(_, r)| r);
        for rule in rules.iter().copied() {
            if let Some(kind) = rule.kind.for_child() {
                e.rule_since = e.since.get(rule.id.as_str()).copied();
                kind.apply(rule, e, i, case)?;
            }
        }
    }
    e.rule_since = None;
    Ok(())
}

/// What chooses a case's rules besides the worker: its plan and RAG rating.
type CaseKey = (Option<crate::policy::Plan>, Option<crate::policy::Rag>);

/// The rules a change brought in, for each era (by its first day): for each worker or child
/// rule chosen in the era, the first day of the run of eras up to it in which the rule has
/// been chosen, when that run begins with a change rather than at the start. Such a rule
/// owes nothing for the days before it and counts its first deadline from that day. One pass
/// over the eras, each run carried from one era to the next: a choice per era and rule.
type BroughtIn<'a> = BTreeMap<Option<NaiveDate>, BTreeMap<&'a str, NaiveDate>>;

fn brought_in<'a>(policy: &'a Policy, e: &Engine<'a>) -> BroughtIn<'a> {
    let mut all = BTreeMap::new();
    if e.worker.changes.is_empty() {
        return all;
    }
    let mut before: BTreeSet<&'a str> = BTreeSet::new();
    let mut since_before: BTreeMap<&'a str, NaiveDate> = BTreeMap::new();
    for era in e.worker.eras() {
        let chosen: BTreeSet<&'a str> = Selection::new(policy, |r| {
            (r.kind.for_worker().is_some() || r.kind.for_child().is_some())
                && r.when.matches(&era.who, |w| e.inside_era(w, &era))
        })
        .chosen()
        .map(|r| r.id.as_str())
        .collect();
        let mut since = BTreeMap::new();
        for id in &chosen {
            let day = if before.contains(id) {
                since_before.get(id).copied()
            } else {
                era.from
            };
            if let Some(day) = day {
                since.insert(*id, day);
            }
        }
        all.insert(era.from, since.clone());
        (before, since_before) = (chosen, since);
    }
    all
}

/// The worker's rules: those chosen, then each overridden rule whose every overrider has
/// handed over (its `during` window ends before its next session falls due). A rule taking
/// over gives its next obligation only: the history was audited by the rule that governed it.
fn worker_rules<'a>(policy: &'a Policy, e: &mut Engine<'a>) -> Result<()> {
    let selection = Selection::new(policy, |r| {
        r.kind.for_worker().is_some() && r.when.matches(&e.who(), |w| e.inside(w))
    });
    judge_ended_windows(policy, e)?;
    let mut handed_over: BTreeMap<&str, Handover> = BTreeMap::new();
    for rule in selection.chosen() {
        if let Some(h) = apply(rule, e)? {
            handed_over.insert(rule.id.as_str(), h);
        }
    }
    for rule in selection.applying() {
        let by = selection.overriders(&rule.id);
        let handovers: Vec<Handover> = by
            .iter()
            .filter_map(|id| handed_over.get(id).copied())
            .collect();
        let Some(last) = handovers.iter().max_by_key(|h| h.ends) else {
            continue;
        };
        if handovers.len() < by.len() {
            continue;
        }
        let prefix = last.prefix();
        let mut taking_over = e.afresh();
        apply(rule, &mut taking_over)?;
        e.obligations
            .extend(taking_over.obligations.into_iter().map(|mut o| {
                o.reason.insert_str(0, &prefix);
                o
            }));
    }
    Ok(())
}

/// The worker's `during` rules whose window has ended by `asOf`: each judges the sessions
/// that fell due inside its window (the rule then in force), and the rules it overrides
/// leave those sessions alone. A rule overridden by another ended rule comes after it.
fn judge_ended_windows<'a>(policy: &'a Policy, e: &mut Engine<'a>) -> Result<()> {
    let ended: Vec<&Rule> = policy
        .rules
        .iter()
        .filter(|r| {
            r.kind.for_worker().is_some()
                && r.when.during.is_some()
                && r.when.matches(&e.who(), |w| e.ended(w))
        })
        .collect();
    let mut ordered: Vec<(usize, &Rule)> = ended
        .iter()
        .map(|r| {
            let by = ended.iter().filter(|o| o.overrides.contains(&r.id)).count();
            (by, *r)
        })
        .collect();
    ordered.sort_by_key(|(by, _)| *by);
    for (_, rule) in ordered {
        let mut judging = e.afresh();
        apply(rule, &mut judging)?;
        e.breaches.extend(judging.breaches);
        e.claimed.extend(judging.claimed);
    }
    Ok(())
}

/// Applies one worker rule.
fn apply<'a>(rule: &'a Rule, e: &mut Engine<'a>) -> Result<Option<Handover>> {
    e.rule_since = e.since.get(rule.id.as_str()).copied();
    match rule.kind.for_worker() {
        Some(kind) => kind.apply(rule, e),
        None => Ok(None),
    }
}
