//! A team's or a service's own duties: group supervision, audits of supervision files,
//! observation of supervisors. Their subject is the team (or one of its supervisors), not a
//! worker, so they are worked out from a [`Team`] by [`schedule_team`] and come back in the
//! same [`Schedule`] shape as a worker's.
//!
//! # Stated rules
//! - A group session, an audit or an observation counts when it is dated on or before
//!   `asOf` (later ones are bookings); the same day counts once.
//! - With nothing held since the team's `started` date, the first is due the rule's
//!   interval after it.
//! - A gap longer than the interval between two held ones (or between `started` and the
//!   first) is a breach; an open gap shows as an overdue obligation, not a breach.

use super::judge::finish;
use super::output::{Obligation, Schedule, Status};
use super::ScheduleOptions;
use crate::calendar::{Calendar, Duration};
use crate::code::Code;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::input::{object, unique};
use crate::json::Json;
use crate::schedule::engine::after;
use crate::schedule::Rule;
use crate::schedule::Rulebook;
use crate::terms::ObligationKind;
use chrono::NaiveDate;
use serde_json::Value;

/// A team (or a whole service): its group sessions, the audits of its supervision files and
/// its supervisors.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// The team's id (a name of the team, not of a person).
    pub id: String,
    /// The day its record starts: the first of each duty is due an interval after it.
    pub started: NaiveDate,
    /// Group supervision sessions held, booked or cancelled.
    pub group_sessions: Vec<GroupSession>,
    /// Audits of supervision files.
    pub audits: Vec<Audit>,
    /// The team's supervisors (team leaders, team managers).
    pub supervisors: Vec<Supervisor>,
}

/// One group supervision session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupSession {
    /// When.
    pub date: NaiveDate,
    /// How long, when known.
    pub minutes: Option<u32>,
    /// Cancelled: it does not count.
    pub cancelled: bool,
}

/// An audit of supervision files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audit {
    /// When.
    pub date: NaiveDate,
    /// How many files were audited (1 when not said).
    pub files: u32,
    /// Whose supervision files, when the audit is of one supervisor's.
    pub supervisor: Option<String>,
}

/// A supervisor of the team: when their supervision was observed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Supervisor {
    /// The supervisor's id (an HR or system id, not a name).
    pub id: String,
    /// Dates their supervision was observed (or a three-way held).
    pub observed: Vec<NaiveDate>,
}

impl Team {
    /// Reads a team from the JS contract's shape: `{id, started, groupSessions?: [{date,
    /// minutes?, cancelled?}], audits?: [{date, files?, supervisor?}], supervisors?: [{id,
    /// observed?: [date]}]}`.
    ///
    /// # Errors
    /// [`crate::Error::BadArgument`] naming the first bad field (`team.audits[1].date`).
    pub fn from_json(v: &Value) -> Result<Self> {
        Team::read(&Json::from(v))
    }

    /// [`Team::from_json`] over the value read borrowed (the JS boundary's).
    pub(crate) fn read(v: &Json<'_>) -> Result<Self> {
        let t = object(v, "team")?;
        let group_sessions = t
            .array("groupSessions")?
            .into_iter()
            .map(|(path, v)| {
                let s = object(v, &path)?;
                Ok(GroupSession {
                    date: s.req_date("date")?,
                    minutes: s.opt_u32("minutes", 0, 1440)?,
                    cancelled: s.opt_bool("cancelled")?.unwrap_or(false),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let audits = t
            .array("audits")?
            .into_iter()
            .map(|(path, v)| {
                let a = object(v, &path)?;
                Ok(Audit {
                    date: a.req_date("date")?,
                    files: a.opt_u32("files", 0, 100_000)?.unwrap_or(1),
                    supervisor: match a.get("supervisor") {
                        None => None,
                        Some(Json::String(s)) => {
                            crate::limits::check_id(s, || format!("{path}.supervisor"))?;
                            Some(s.to_string())
                        }
                        Some(_) => {
                            return Err(Error::bad_argument(
                                format!("{path}.supervisor"),
                                "a string",
                            ))
                        }
                    },
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let supervisors = t
            .array("supervisors")?
            .into_iter()
            .map(|(path, v)| {
                let s = object(v, &path)?;
                Ok(Supervisor {
                    id: s.req_str("id")?.to_string(),
                    observed: s.dates("observed")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let ids = supervisors.iter().map(|s| s.id.as_str()).enumerate();
        unique(ids, "team.supervisors", "supervisor")?;
        Ok(Team {
            id: t.req_str("id")?.to_string(),
            started: t.req_date("started")?,
            group_sessions,
            audits,
            supervisors,
        })
    }
}

/// A team's schedule being worked out.
pub(crate) struct TeamEngine<'a> {
    /// Whose duties.
    pub(crate) team: &'a Team,
    /// The day it is worked out for.
    pub(crate) as_of: NaiveDate,
    due_soon: u32,
    /// The working-day calendar.
    pub(crate) cal: &'a Calendar,
    obligations: Vec<Obligation>,
    breaches: Vec<Finding>,
}

/// A gap found between two held dates: the earlier date (or the start), the later date and
/// when it was due.
pub(crate) struct Gap {
    /// The date the interval ran from.
    pub(crate) from: NaiveDate,
    /// The date held late.
    pub(crate) held: NaiveDate,
    /// When it was due.
    pub(crate) due: NaiveDate,
}

impl TeamEngine<'_> {
    fn status(&self, due: NaiveDate) -> Status {
        crate::schedule::engine::status(due, self.as_of, self.due_soon)
    }

    pub(crate) fn oblige(
        &mut self,
        kind: ObligationKind,
        subject: &str,
        due: NaiveDate,
        rule: &Rule,
        reason: String,
    ) {
        let (reason, reading) = crate::schedule::engine::on_reading(rule, reason);
        self.obligations.push(Obligation {
            kind,
            subject: subject.to_string(),
            due,
            status: self.status(due),
            source: rule.source.clone(),
            reason,
            rule: rule.id.clone(),
            reading,
        });
    }

    pub(crate) fn breach(&mut self, path: String, code: Code, rule: &Rule, message: String) {
        self.breaches
            .push(crate::schedule::engine::breach(path, code, rule, message));
    }

    /// A breach about the period from `from` to the late event on `to`, that a breach of the
    /// same rule and subject whose period begins on `to` continues (see [`super::runs`]).
    pub(crate) fn chained_breach(
        &mut self,
        period: (NaiveDate, NaiveDate),
        path: String,
        code: Code,
        rule: &Rule,
        message: String,
    ) {
        let mut b = crate::schedule::engine::breach(path, code, rule, message);
        b.period = Some(period);
        self.breaches.push(b);
    }

    /// The dates on or before `asOf`, sorted, each day once.
    pub(crate) fn held(&self, dates: impl Iterator<Item = NaiveDate>) -> Vec<NaiveDate> {
        let mut held: Vec<NaiveDate> = dates.filter(|d| *d <= self.as_of).collect();
        crate::sort::sort(&mut held);
        held.dedup();
        held
    }

    /// The gaps longer than `every` in `held` (counted from `started`), and the next due date.
    pub(crate) fn gaps(
        &self,
        held: &[NaiveDate],
        every: &Duration,
    ) -> Result<(Vec<Gap>, NaiveDate)> {
        self.gaps_by(held, |from| after(every, from, self.cal))
    }

    /// As [`gaps`](Self::gaps), with each deadline `due_after` the date it runs from.
    pub(crate) fn gaps_by(
        &self,
        held: &[NaiveDate],
        due_after: impl Fn(NaiveDate) -> Result<NaiveDate>,
    ) -> Result<(Vec<Gap>, NaiveDate)> {
        let mut gaps = Vec::new();
        let mut from = self.team.started;
        for &d in held {
            if d < from {
                continue;
            }
            let due = due_after(from)?;
            if d > due {
                gaps.push(Gap { from, held: d, due });
            }
            from = d;
        }
        Ok((gaps, due_after(from)?))
    }
}

/// Works out a team's own duties under a policy: the rules whose subject is a team.
///
/// # Errors
/// [`crate::Error::DateOutOfRange`] when a due date would fall outside chrono's range.
///
/// # Examples
/// ```
/// use supervision_rules::{policy::Registry, schedule::{schedule_team, ScheduleOptions, Team}};
/// let registry = Registry::with_builtins();
/// let team = Team::from_json(&serde_json::json!({
///     "id": "north", "started": "2026-01-05",
///     "groupSessions": [{ "date": "2026-01-20", "minutes": 90 }]
/// }))?;
/// let asof = supervision_rules::calendar::parse_date("2026-02-01")?;
/// let s = schedule_team(registry.get("havering")?, &team, &ScheduleOptions::new(asof))?;
/// assert!(s.obligations.iter().any(|o| o.due.to_string() == "2026-02-28"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn schedule_team<P>(policy: &P, team: &Team, options: &ScheduleOptions) -> Result<Schedule>
where
    P: Rulebook + ?Sized,
{
    team_schedule(policy.rules(), team, options)
}

/// [`schedule_team`] under a policy's rules: one function whatever holds them.
fn team_schedule(rules: &[Rule], team: &Team, options: &ScheduleOptions) -> Result<Schedule> {
    let mut e = TeamEngine {
        team,
        as_of: options.as_of,
        due_soon: options.due_soon_days,
        cal: &options.calendar,
        obligations: Vec::new(),
        breaches: Vec::new(),
    };
    for rule in rules {
        if let Some(kind) = rule.kind.for_team() {
            kind.apply(rule, &mut e)?;
        }
    }
    let TeamEngine {
        obligations,
        breaches,
        ..
    } = e;
    Ok(finish(obligations, breaches, options))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The error's path and what was expected, for a team that cannot be read.
    fn bad(v: &Value) -> (String, String) {
        match Team::from_json(v) {
            Err(Error::BadArgument { path, expected }) => (path, expected),
            other => panic!("expected a bad argument, got {other:?}"),
        }
    }

    fn team(extra: Value) -> Value {
        let mut t = json!({ "id": "north", "started": "2026-01-05" });
        for (k, v) in extra.as_object().expect("an object") {
            t[k] = v.clone();
        }
        t
    }

    #[test]
    fn reads_the_contract_shape_with_defaults() {
        let t = Team::from_json(&team(json!({
            "groupSessions": [
                { "date": "2026-01-20", "minutes": 90 },
                { "date": "2026-02-20", "cancelled": true }
            ],
            "audits": [
                { "date": "2026-03-31" },
                { "date": "2026-04-30", "files": 5, "supervisor": "tm1" }
            ],
            "supervisors": [{ "id": "tm1", "observed": ["2026-01-15"] }, { "id": "tm2" }],
        })))
        .expect("a team");
        assert_eq!(t.id, "north");
        assert_eq!(t.group_sessions[0].minutes, Some(90));
        assert!(!t.group_sessions[0].cancelled && t.group_sessions[1].cancelled);
        assert_eq!(
            (t.audits[0].files, t.audits[0].supervisor.as_deref()),
            (1, None)
        );
        assert_eq!(
            (t.audits[1].files, t.audits[1].supervisor.as_deref()),
            (5, Some("tm1"))
        );
        assert_eq!(t.supervisors[0].observed.len(), 1);
        assert!(t.supervisors[1].observed.is_empty());
        // Only id and started are required.
        let bare = Team::from_json(&team(json!({}))).expect("a bare team");
        assert!(
            bare.group_sessions.is_empty() && bare.audits.is_empty() && bare.supervisors.is_empty()
        );
    }

    #[test]
    fn a_team_that_is_not_an_object() {
        for v in [json!(null), json!([]), json!("north"), json!(3)] {
            assert_eq!(bad(&v), ("team".into(), "an object".into()));
        }
    }

    #[test]
    fn missing_or_mistyped_id_and_started() {
        assert_eq!(bad(&json!({ "started": "2026-01-05" })).0, "team.id");
        assert_eq!(
            bad(&json!({ "id": 7, "started": "2026-01-05" })),
            ("team.id".into(), "a string".into())
        );
        let (path, expected) = bad(&json!({ "id": "north" }));
        assert_eq!(path, "team.started");
        assert!(expected.contains("missing"), "{expected}");
        assert_eq!(
            bad(&json!({ "id": "north", "started": "05/01/2026" })).0,
            "team.started"
        );
        assert_eq!(
            bad(&json!({ "id": "north", "started": "2026-02-30" })).0,
            "team.started"
        );
    }

    #[test]
    fn lists_that_are_not_lists_and_items_that_are_not_objects() {
        for key in ["groupSessions", "audits", "supervisors"] {
            assert_eq!(
                bad(&team(json!({ key: {} }))),
                (format!("team.{key}"), "an array".into())
            );
            assert_eq!(bad(&team(json!({ key: "x" }))).0, format!("team.{key}"));
            assert_eq!(
                bad(&team(json!({ key: [4] }))),
                (format!("team.{key}[0]"), "an object".into())
            );
        }
        assert_eq!(
            bad(&team(json!({ "audits": [{ "date": "2026-03-31" }, 4] }))),
            ("team.audits[1]".into(), "an object".into())
        );
        assert_eq!(
            bad(&team(
                json!({ "supervisors": [{ "id": "tm1", "observed": "2026-01-15" }] })
            ))
            .0,
            "team.supervisors[0].observed"
        );
    }

    #[test]
    fn paths_name_the_item_and_field() {
        let cases = [
            (
                json!({ "groupSessions": [{ "date": "2026-01-20" }, { "date": "20/01/2026" }] }),
                "team.groupSessions[1].date",
            ),
            (
                json!({ "groupSessions": [{ "date": "2026-01-20", "minutes": 1441 }] }),
                "team.groupSessions[0].minutes",
            ),
            (
                json!({ "groupSessions": [{ "date": "2026-01-20", "minutes": 1.5 }] }),
                "team.groupSessions[0].minutes",
            ),
            (
                json!({ "groupSessions": [{ "date": "2026-01-20", "minutes": "90" }] }),
                "team.groupSessions[0].minutes",
            ),
            (
                json!({ "audits": [{ "date": "2026-03-31", "files": -1 }] }),
                "team.audits[0].files",
            ),
            (json!({ "audits": [{ "files": 3 }] }), "team.audits[0].date"),
            (
                json!({ "audits": [
                    { "date": "2026-03-31" },
                    { "date": "2026-04-30", "supervisor": 12 }
                ] }),
                "team.audits[1].supervisor",
            ),
            (
                json!({ "supervisors": [{ "observed": [] }] }),
                "team.supervisors[0].id",
            ),
            (
                json!({ "supervisors": [
                    { "id": "tm1", "observed": ["2026-01-15", "2026-13-01"] }
                ] }),
                "team.supervisors[0].observed[1]",
            ),
        ];
        for (extra, want) in cases {
            assert_eq!(bad(&team(extra.clone())).0, want, "{extra}");
        }
    }

    #[test]
    fn no_value_is_echoed_in_an_error() {
        let secret = "Jo Bloggs 12/03/2015";
        let cases = [
            json!({ "id": "north", "started": secret }),
            team(json!({ "groupSessions": [{ "date": secret }] })),
            team(json!({ "groupSessions": [{ "date": "2026-01-20", "minutes": secret }] })),
            team(json!({ "audits": [{ "date": "2026-03-31", "files": secret }] })),
            team(json!({ "supervisors": [{ "id": "tm1", "observed": [secret] }] })),
            team(json!({ "audits": secret })),
            json!(secret),
        ];
        for v in cases {
            let e = Team::from_json(&v).expect_err("not a team");
            let text = format!("{e} {e:?}");
            assert!(
                !text.contains("Jo Bloggs") && !text.contains("2015"),
                "{text}"
            );
        }
    }
}
