//! The schedule's input: a worker's history and caseload, and the options.

use super::supervisee::Supervisee;
use crate::calendar::TimeOfDay;
use crate::error::{Error, Result};
use crate::input::{enum_value, object, Obj};
use crate::json::Json as Value;
use crate::terms::{Cancelled, EventKind, ObligationKind, Plan, Rag, SessionType};
use chrono::NaiveDate;

/// A worker: role, key dates, supervision history and caseload.
#[derive(Debug, Clone, PartialEq)]
pub struct Worker {
    /// The worker's id (an HR or system id, not a name).
    pub id: String,
    /// Who is supervised: role, hours, shifts, `fte`, their dated history (`changes`) and
    /// the supervision agreements.
    pub supervisee: Supervisee,
    /// Started in post.
    pub started: NaiveDate,
    /// The ASYE began.
    pub asye: Option<NaiveDate>,
    /// Probation began.
    pub probation: Option<NaiveDate>,
    /// Supervision sessions held, booked or cancelled.
    pub sessions: Vec<Session>,
    /// Recorded absences (sickness, leave).
    pub absences: Vec<Absence>,
    /// The supervisor's recorded absences: a session cancelled while they were off is
    /// rebooked from their return (`after: return`), as from the worker's.
    pub supervisor_absences: Vec<Absence>,
    /// Dates of observations of practice.
    pub observations: Vec<NaiveDate>,
    /// ASYE reviews, PDRs and appraisals held.
    pub reviews: Vec<Review>,
    /// The worker's caseload.
    pub cases: Vec<Case>,
    /// Requests for supervision outside the schedule.
    pub requests: Vec<Request>,
    /// Contacts and referrals the worker managed (at a front door).
    pub contacts: Vec<Contact>,
    /// Serious incidents involving a child on the worker's caseload.
    pub incidents: Vec<Incident>,
    /// The first day this worker's history is complete, when their records begin after the
    /// start in post (`recordsFrom`): as [`ScheduleOptions::records_from`], which it
    /// replaces for this worker.
    pub records_from: Option<NaiveDate>,
}

/// A request for supervision outside the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// When it was made.
    pub date: NaiveDate,
    /// At what time, when recorded: an hour limit runs from it (else from the day's end).
    pub time: Option<TimeOfDay>,
    /// Whether the worker asked for urgent supervision.
    pub urgent: bool,
}

/// A contact or referral the worker managed, and its briefing supervision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// The contact's id in the case system (never a name), when given.
    pub id: Option<String>,
    /// When the information was received.
    pub date: NaiveDate,
    /// At what time, when recorded: an hour limit runs from it (else from the day's end).
    pub time: Option<TimeOfDay>,
    /// When its initial briefing supervision was recorded.
    pub briefed: Option<NaiveDate>,
    /// When its completion supervision, recording the decision on its outcome, was recorded.
    pub completed: Option<NaiveDate>,
}

/// A serious incident involving a child on the worker's caseload, and the meeting with the
/// supervisor that follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Incident {
    /// When the supervisor was notified of it.
    pub date: NaiveDate,
    /// When the supervisor met the worker about it.
    pub met: Option<NaiveDate>,
}

/// One supervision session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    /// When it was held (or was to be held).
    pub date: NaiveDate,
    /// At what time, when recorded: read against a deadline in hours that ends that day.
    pub time: Option<TimeOfDay>,
    /// What kind.
    pub kind: SessionType,
    /// Why it was cancelled, if it was.
    pub cancelled: Option<Cancelled>,
    /// The day the cancellation was made, when before the session's day: a rebooking
    /// deadline that runs from the cancellation runs from it.
    pub cancelled_on: Option<NaiveDate>,
    /// Who cancelled it, when recorded (said in a rebooking's reason).
    pub cancelled_by: Option<CancelledBy>,
    /// When its record was written up.
    pub recorded: Option<NaiveDate>,
}

/// Who cancelled a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CancelledBy {
    /// The worker (the supervisee).
    Worker,
    /// The supervisor.
    Supervisor,
}

/// A period of absence, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Absence {
    /// First day absent.
    pub from: NaiveDate,
    /// Last day absent.
    pub to: NaiveDate,
}

/// A review held (ASYE review, PDR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    /// `asye-review` or `pdr`.
    pub kind: ObligationKind,
    /// When.
    pub date: NaiveDate,
}

/// A child's case on the caseload.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The case id (never a name).
    pub id: String,
    /// Allocated to this worker.
    pub allocated: NaiveDate,
    /// The child's plan.
    pub plan: Option<Plan>,
    /// The RAG rating.
    pub rag: Option<Rag>,
    /// Dates the case was discussed in supervision.
    pub discussed: Vec<NaiveDate>,
    /// Events, happened (on or before `asOf`) or planned (after).
    pub events: Vec<Event>,
}

/// An assessment on a case: its `assessment-started` event (by index and date) and the first
/// `assessment-completed` event on or after it, when one is recorded by `asOf`.
pub(crate) struct Assessment<'c> {
    pub(crate) index: usize,
    pub(crate) start: NaiveDate,
    pub(crate) end: Option<(usize, &'c Event)>,
}

impl Case {
    /// The case's assessments started from `from` to `as_of`, each with its completion.
    pub(crate) fn assessments(
        &self,
        from: NaiveDate,
        as_of: NaiveDate,
    ) -> impl Iterator<Item = Assessment<'_>> + '_ {
        // The completions by date, once (not a pass over every event per start).
        let mut done: Vec<(usize, &Event)> = self
            .events
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == EventKind::AssessmentCompleted && c.date <= as_of)
            .collect();
        crate::sort::sort_by_key(&mut done, |(i, c)| (c.date, *i));
        self.events
            .iter()
            .enumerate()
            .filter(move |(_, ev)| {
                ev.kind == EventKind::AssessmentStarted && from <= ev.date && ev.date <= as_of
            })
            .map(move |(index, ev)| Assessment {
                index,
                start: ev.date,
                end: done
                    .get(done.partition_point(|(_, c)| c.date < ev.date))
                    .copied(),
            })
    }
}

/// A case event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    /// When.
    pub date: NaiveDate,
    /// What.
    pub kind: EventKind,
}

/// Said of a cancellation's details on a session that was not cancelled.
const CANCELLED_ONLY: &str = "nothing on a session that was not cancelled (give \"cancelled\")";
const SESSION_TYPES: &str = "\"one-to-one\", \"personal\", \"case\", \"group\", \"reflective\"";
const PLANS: &str = concat!(
    "\"early-help\", \"child-in-need\", \"child-protection\", \"looked-after\", ",
    "\"leaving-care\""
);
const EVENT_KINDS: &str = concat!(
    "\"significant-change\", \"change-of-social-worker\", \"risk-increase\", ",
    "\"child-protection-conference\", \"pre-proceedings\", \"proceedings\", ",
    "\"entering-care\", \"step-up\", \"step-down\", \"assessment-started\", ",
    "\"assessment-completed\""
);

impl Worker {
    /// [`Worker::from_json`] over the value read borrowed (the JS boundary's and
    /// `scheduleMany`'s).
    pub(crate) fn read(v: &Value<'_>) -> Result<Self> {
        let w = object(v, "worker")?;
        let sessions = list(&w, "sessions", session)?;
        let absences = list(&w, "absences", absence)?;
        let supervisor_absences = list(&w, "supervisorAbsences", absence)?;
        let observations = w.dates("observations")?;
        let reviews = list(&w, "reviews", review)?;
        let cases = list(&w, "cases", case)?;
        let requests = list(&w, "requests", request)?;
        let contacts = list(&w, "contacts", contact)?;
        let incidents = list(&w, "incidents", incident)?;
        // Obligations name a case by its id, a briefing a contact by its: one id each.
        let case_ids = cases.iter().map(|c| c.id.as_str()).enumerate();
        crate::input::unique(case_ids, "worker.cases", "case")?;
        let contact_ids = contacts.iter().enumerate();
        let contact_ids = contact_ids.filter_map(|(i, c)| c.id.as_deref().map(|id| (i, id)));
        crate::input::unique(contact_ids, "worker.contacts", "contact")?;
        let (started, supervisee) = Supervisee::read(&w)?;
        Ok(Worker {
            id: w.req_str("id")?.to_string(),
            supervisee,
            started,
            asye: w.opt_date("asye")?,
            records_from: w.opt_date("recordsFrom")?,
            probation: w.opt_date("probation")?,
            sessions,
            absences,
            supervisor_absences,
            observations,
            reviews,
            cases,
            requests,
            contacts,
            incidents,
        })
    }
}

/// The list `key` of `o`, each element read by `read` with its path.
fn list<T>(
    o: &Obj<'_, Value<'_>>,
    key: &str,
    read: fn(&str, &Value<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let items = o.array(key)?;
    // Room for them all at once: collected from results, the list grew by reallocation.
    let mut list = Vec::with_capacity(items.len());
    for (path, v) in items {
        list.push(read(&path, v)?);
    }
    Ok(list)
}

/// One request of `worker.requests`: `{date, urgent?}`.
fn request(path: &str, v: &Value) -> Result<Request> {
    let r = object(v, path)?;
    let urgent = match r.get("urgent") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(Error::bad_argument(
                format!("{path}.urgent"),
                "true or false",
            ))
        }
    };
    Ok(Request {
        date: r.req_date("date")?,
        time: r.opt_time("time")?,
        urgent,
    })
}

/// One contact of `worker.contacts`: `{date, id?, briefed?}`.
fn contact(path: &str, v: &Value) -> Result<Contact> {
    let c = object(v, path)?;
    let id = match c.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            crate::limits::check_id(s, || format!("{path}.id"))?;
            Some(s.to_string())
        }
        Some(_) => {
            return Err(Error::bad_argument(
                format!("{path}.id"),
                "a contact id as a string",
            ))
        }
    };
    Ok(Contact {
        id,
        date: c.req_date("date")?,
        time: c.opt_time("time")?,
        briefed: c.opt_date("briefed")?,
        completed: c.opt_date("completed")?,
    })
}

/// One incident of `worker.incidents`: `{date, met?}`.
fn incident(path: &str, v: &Value) -> Result<Incident> {
    let i = object(v, path)?;
    Ok(Incident {
        date: i.req_date("date")?,
        met: i.opt_date("met")?,
    })
}

/// An absence: from and to, in order.
fn absence(path: &str, v: &Value) -> Result<Absence> {
    let a = object(v, path)?;
    let (from, to) = (a.req_date("from")?, a.req_date("to")?);
    if to < from {
        return Err(Error::bad_argument(
            format!("{path}.to"),
            "a date on or after \"from\"",
        ));
    }
    Ok(Absence { from, to })
}

/// A review held: an ASYE review or a PDR, and its date.
fn review(path: &str, v: &Value) -> Result<Review> {
    let r = object(v, path)?;
    let kind: ObligationKind = enum_value(
        r.get("kind").unwrap_or(&Value::Null),
        &format!("{path}.kind"),
        "\"asye-review\" or \"pdr\"",
    )?;
    if !matches!(kind, ObligationKind::AsyeReview | ObligationKind::Pdr) {
        return Err(Error::bad_argument(
            format!("{path}.kind"),
            "\"asye-review\" or \"pdr\"",
        ));
    }
    Ok(Review {
        kind,
        date: r.req_date("date")?,
    })
}

/// One session of `worker.sessions`.
fn session(path: &str, v: &Value) -> Result<Session> {
    let s = object(v, path)?;
    let date = s.req_date("date")?;
    let kind = s.opt_enum("type", SESSION_TYPES)?.ok_or_else(|| {
        Error::bad_argument(
            format!("{path}.type"),
            format!("one of {SESSION_TYPES} (it is missing)"),
        )
    })?;
    let cancelled = s.opt_enum("cancelled", "\"sickness\" or \"other\"")?;
    let cancelled_on = s.opt_date("cancelledOn")?;
    let cancelled_by = s.opt_enum("cancelledBy", "\"worker\" or \"supervisor\"")?;
    let given = |key: &str| Error::bad_argument(format!("{path}.{key}"), CANCELLED_ONLY);
    if cancelled.is_none() && cancelled_on.is_some() {
        return Err(given("cancelledOn"));
    }
    if cancelled.is_none() && cancelled_by.is_some() {
        return Err(given("cancelledBy"));
    }
    if cancelled_on.is_some_and(|d| d > date) {
        return Err(Error::bad_argument(
            format!("{path}.cancelledOn"),
            "a date on or before the session's \"date\"",
        ));
    }
    Ok(Session {
        date,
        time: s.opt_time("time")?,
        kind,
        cancelled,
        cancelled_on,
        cancelled_by,
        recorded: s.opt_date("recorded")?,
    })
}

/// One case of `worker.cases`.
fn case(path: &str, v: &Value) -> Result<Case> {
    let c = object(v, path)?;
    let discussed = c.dates("discussed")?;
    let events = list(&c, "events", event)?;
    Ok(Case {
        id: c.req_str("id")?.to_string(),
        allocated: c.req_date("allocated")?,
        plan: c.opt_enum("plan", PLANS)?,
        rag: c.opt_enum("rag", "\"red\", \"amber\" or \"green\"")?,
        discussed,
        events,
    })
}

/// One event of a case.
fn event(path: &str, v: &Value) -> Result<Event> {
    let e = object(v, path)?;
    let date = e.req_date("date")?;
    let kind = e.opt_enum("kind", EVENT_KINDS)?.ok_or_else(|| {
        Error::bad_argument(
            format!("{path}.kind"),
            format!("one of {EVENT_KINDS} (it is missing)"),
        )
    })?;
    Ok(Event { date, kind })
}
