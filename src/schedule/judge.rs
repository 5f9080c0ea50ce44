//! Working out a schedule: the worker's rules in order, the rules a `during` window hands
//! over to, past eras of a dated history, then the child rules for each case; and the
//! finished schedule from what they found.

use super::engine::Engine;
use super::options::{Breaches, ScheduleOptions};
use super::output::{Obligation, Schedule};
use super::rules::Handover;
use super::runs;
use super::supervisee::{has_role, known_role};
use super::worker::Worker;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::schedule::{Rule, Rulebook, Selection};
use crate::terms::Role;
use chrono::NaiveDate;
use std::collections::BTreeMap;

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
pub fn schedule<P>(policy: &P, worker: &Worker, options: &ScheduleOptions) -> Result<Schedule>
where
    P: Rulebook + ?Sized,
{
    schedule_by(policy.roles(), policy.rules(), worker, options)
}

/// [`schedule`] under a policy's roles and rules (one function whatever holds them).
fn schedule_by(
    roles: &[Role],
    rules: &[Rule],
    worker: &Worker,
    options: &ScheduleOptions,
) -> Result<Schedule> {
    let who = &worker.supervisee;
    known_role(roles, &who.role, "worker.role")?;
    for (i, c) in who.changes.iter().enumerate() {
        if c.role.as_ref().is_some_and(|r| !has_role(roles, r)) {
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
    let brought = brought_in(rules, &e);
    past_eras(rules, &mut e, &brought)?;
    judge(rules, &mut e, &brought)?;
    let Engine {
        obligations,
        breaches,
        ..
    } = e;
    Ok(finish(obligations, breaches, options))
}

/// The schedule from what the rules found (a worker's, or a team's): obligations in date
/// order, and the history's breaches unless the options leave them out, each run of
/// breaches merged into one (see [`runs`](super::runs)).
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
        .partition(|b| b.severity == Severity::Advisory);
    crate::sort::sort_by(&mut obligations, |a, b| {
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
fn past_eras<'a>(rules: &'a [Rule], e: &mut Engine<'a>, brought: &BroughtIn<'a>) -> Result<()> {
    let eras = e.worker.eras();
    for era in eras {
        if era.contains(e.as_of) || era.from.is_some_and(|f| f > e.as_of) {
            continue;
        }
        let mut past = e.afresh();
        past.era = era;
        judge(rules, &mut past, brought)?;
        e.breaches.extend(past.breaches);
    }
    Ok(())
}

/// The worker's rules, then the child rules for each case on the caseload, chosen with the
/// engine's era.
fn judge<'a>(rules: &'a [Rule], e: &mut Engine<'a>, brought: &BroughtIn<'a>) -> Result<()> {
    e.since = brought.get(&e.era.from).cloned().unwrap_or_default();
    worker_rules(rules, e)?;
    let worker = e.worker;
    // What a case's rules depend on besides the case (the era, `asOf`) is the same for every
    // case, and cases with one plan and RAG rating have the same rules: chosen once each.
    let who = e.who();
    let for_any_case: Vec<&Rule> = rules
        .iter()
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
type CaseKey = (Option<crate::terms::Plan>, Option<crate::terms::Rag>);

/// The rules a change brought in, for each era (by its first day): for each worker or child
/// rule chosen in the era, the first day of the run of eras up to it in which the rule has
/// been chosen, when that run begins with a change rather than at the start. Such a rule
/// owes nothing for the days before it and counts its first deadline from that day. One pass
/// over the eras, each run carried from one era to the next: a choice per era and rule.
type BroughtIn<'a> = BTreeMap<Option<NaiveDate>, BTreeMap<&'a str, NaiveDate>>;

fn brought_in<'a>(rules: &'a [Rule], e: &Engine<'a>) -> BroughtIn<'a> {
    let mut all = BTreeMap::new();
    if e.worker.supervisee.changes.is_empty() {
        return all;
    }
    // The ids chosen in the era before, sorted, each once.
    let mut before: Vec<&'a str> = Vec::new();
    let mut since_before: BTreeMap<&'a str, NaiveDate> = BTreeMap::new();
    for era in e.worker.eras() {
        let mut chosen: Vec<&'a str> = Selection::among(rules, |r| {
            (r.kind.for_worker().is_some() || r.kind.for_child().is_some())
                && r.when.matches(&era.who, |w| e.inside_era(w, &era))
        })
        .chosen()
        .map(|r| r.id.as_str())
        .collect();
        crate::sort::sort(&mut chosen);
        chosen.dedup();
        let mut since = BTreeMap::new();
        for id in &chosen {
            let day = if before.binary_search(id).is_ok() {
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
fn worker_rules<'a>(rules: &'a [Rule], e: &mut Engine<'a>) -> Result<()> {
    let selection = Selection::among(rules, |r| {
        r.kind.for_worker().is_some() && r.when.matches(&e.who(), |w| e.inside(w))
    });
    judge_ended_windows(rules, e)?;
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
fn judge_ended_windows<'a>(rules: &'a [Rule], e: &mut Engine<'a>) -> Result<()> {
    let ended: Vec<&Rule> = rules
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
    crate::sort::sort_by_key(&mut ordered, |(by, _)| *by);
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
