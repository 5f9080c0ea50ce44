//! Properties of the schedule that hold for any history, under every built-in policy.
//!
//! Histories are arbitrary: dates across 1970–2100, duplicates, unsorted, cancelled sessions,
//! overlapping absences, cases with events before and after `asOf`.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::BTreeMap;
use supervision_rules::calendar::{add_days, Calendar};
use supervision_rules::policy::{
    Cancelled, EventKind, Hours, ObligationKind, Plan, Policy, Rag, Registry, RuleKind, SessionType,
};
use supervision_rules::schedule::{
    schedule, Absence, Agreement, Case, Contact, Event, Incident, Request, Review, Schedule,
    ScheduleOptions, Session, Supervisee, Worker,
};

const POLICIES: [&str; 5] = [
    "stockport",
    "north-east-lincolnshire",
    "havering",
    "shropshire",
    "south-gloucestershire",
];

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("1970-01-01")
}

/// 1 Jan 1970 to 31 Dec 2100.
const SPAN: i64 = 47_846;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0..=SPAN).prop_map(|n| add_days(epoch(), n).expect("in range"))
}

/// Dates clustered in a few years, so that sessions, absences and `asOf` interact.
fn near_date(base: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    (-400i64..400).prop_map(move |n| add_days(base, n).expect("in range"))
}

fn session_type() -> impl Strategy<Value = SessionType> {
    prop_oneof![
        Just(SessionType::OneToOne),
        Just(SessionType::Personal),
        Just(SessionType::Case),
        Just(SessionType::Group),
        Just(SessionType::Reflective),
    ]
}

fn event_kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        Just(EventKind::SignificantChange),
        Just(EventKind::ChangeOfSocialWorker),
        Just(EventKind::RiskIncrease),
        Just(EventKind::ChildProtectionConference),
        Just(EventKind::PreProceedings),
        Just(EventKind::Proceedings),
        Just(EventKind::EnteringCare),
        Just(EventKind::StepUp),
        Just(EventKind::StepDown),
        Just(EventKind::AssessmentStarted),
        Just(EventKind::AssessmentCompleted),
    ]
}

fn session(date: BoxedStrategy<NaiveDate>) -> impl Strategy<Value = Session> {
    (
        date.clone(),
        session_type(),
        prop_oneof![
            6 => Just(None),
            1 => Just(Some(Cancelled::Sickness)),
            1 => Just(Some(Cancelled::Other)),
        ],
        prop::option::of(date),
    )
        .prop_map(|(date, kind, cancelled, recorded)| Session {
            date,
            time: None,
            kind,
            cancelled,
            cancelled_on: None,
            cancelled_by: None,
            recorded,
        })
}

/// A case; [`unique_ids`] numbers them.
fn case(date: BoxedStrategy<NaiveDate>) -> impl Strategy<Value = Case> {
    (
        Just(0u32),
        date.clone(),
        prop::option::of(prop_oneof![
            Just(Plan::EarlyHelp),
            Just(Plan::ChildInNeed),
            Just(Plan::ChildProtection),
            Just(Plan::LookedAfter),
            Just(Plan::LeavingCare),
        ]),
        prop::option::of(prop_oneof![
            Just(Rag::Red),
            Just(Rag::Amber),
            Just(Rag::Green)
        ]),
        prop::collection::vec(date.clone(), 0..6),
        prop::collection::vec(
            (date, event_kind()).prop_map(|(date, kind)| Event { date, kind }),
            0..4,
        ),
    )
        .prop_map(|(_, allocated, plan, rag, discussed, events)| Case {
            id: String::new(),
            allocated,
            plan,
            rag,
            discussed,
            events,
        })
}

/// Case ids are unique on a caseload: C0, C1, …
fn unique_ids(mut cases: Vec<Case>) -> Vec<Case> {
    for (i, c) in cases.iter_mut().enumerate() {
        c.id = format!("C{i}");
    }
    cases
}

/// A worker of one of the policy's roles, with a history around `base`.
fn worker_near(roles: Vec<String>, base: NaiveDate) -> impl Strategy<Value = Worker> {
    let date = near_date(base).boxed();
    (
        (
            prop::sample::select(roles),
            date.clone(),
            prop::option::of(date.clone()),
            prop::option::of(date.clone()),
            prop_oneof![Just(Hours::FullTime), Just(Hours::PartTime)],
            prop::option::of(0u32..12),
        ),
        prop::collection::vec(session(date.clone()), 0..16),
        prop::collection::vec(
            (date.clone(), 0i64..30).prop_map(|(from, len)| Absence {
                from,
                to: add_days(from, len).expect("in range"),
            }),
            0..4,
        ),
        prop::option::of(
            (
                date.clone(),
                prop::option::of(date.clone()),
                prop::option::of(prop_oneof![
                    Just("1 week"),
                    Just("2 weeks"),
                    Just("4 weeks"),
                    Just("8 weeks")
                ]),
            )
                .prop_map(|(signed, changed, frequency)| Agreement {
                    signed,
                    supervisor_changed: changed,
                    frequency: frequency.map(|f| {
                        supervision_rules::calendar::Duration::parse(f).expect("duration")
                    }),
                }),
        ),
        prop::collection::vec(date.clone(), 0..4),
        prop::collection::vec(
            (
                date.clone(),
                prop_oneof![Just(ObligationKind::AsyeReview), Just(ObligationKind::Pdr)],
            )
                .prop_map(|(date, kind)| Review { kind, date }),
            0..4,
        ),
        prop::collection::vec(case(date), 0..3),
    )
        .prop_map(
            |(
                (role, started, asye, probation, hours, shifts),
                sessions,
                absences,
                agreement,
                observations,
                reviews,
                cases,
            )| Worker {
                id: "w".to_string(),
                supervisee: Supervisee {
                    role,
                    hours: Some(hours),
                    shifts_per_month: shifts,
                    fte_thousandths: None,
                    changes: Vec::new(),
                    agreements: agreement.into_iter().collect(),
                },
                started,
                asye,
                probation,
                sessions,
                absences,
                supervisor_absences: Vec::new(),
                records_from: None,
                observations,
                reviews,
                cases: unique_ids(cases),
                requests: Vec::new(),
                contacts: Vec::new(),
                incidents: Vec::new(),
            },
        )
}

/// A policy id, a worker with a history around some date in 1971–2099, and an `asOf` near it.
fn scenario() -> impl Strategy<Value = (&'static str, Worker, NaiveDate)> {
    (prop::sample::select(POLICIES.to_vec()), 400..=SPAN - 400).prop_flat_map(|(id, base)| {
        let base = add_days(epoch(), base).expect("in range");
        let roles = policy(id).roles.iter().map(|r| r.id.clone()).collect();
        (Just(id), worker_near(roles, base), near_date(base))
    })
}

fn policy(id: &str) -> Policy {
    let registry = Registry::with_builtins();
    let p = registry.get(id).expect("built-in policy");
    Policy::clone(p)
}

fn run(id: &str, w: &Worker, opts: &ScheduleOptions) -> Schedule {
    schedule(&policy(id), w, opts).expect("schedule")
}

/// Due dates by (rule, subject), sorted.
fn by_key(s: &Schedule) -> BTreeMap<(String, String), Vec<NaiveDate>> {
    let mut m: BTreeMap<(String, String), Vec<NaiveDate>> = BTreeMap::new();
    for o in &s.obligations {
        m.entry((o.rule.clone(), o.subject.clone()))
            .or_default()
            .push(o.due);
    }
    for v in m.values_mut() {
        v.sort();
    }
    m
}

/// Rules that give at most one obligation per subject, from the last of something.
fn single(p: &Policy, rule: &str) -> bool {
    p.rules.iter().any(|r| {
        r.id == rule
            && matches!(
                r.kind,
                RuleKind::Cadence { .. }
                    | RuleKind::ChildDiscussion { .. }
                    | RuleKind::AgreementReview { .. }
                    | RuleKind::Observation { .. }
                    | RuleKind::Milestone { .. }
            )
    })
}

// 256 cases each (proptest's default); set PROPTEST_CASES for a longer run.
proptest! {
    /// No panic and no error for arbitrary histories anywhere in 1970–2100, with dates
    /// scattered independently (asOf before the start, events decades apart, …).
    #[test]
    fn never_panics_on_arbitrary_histories(
        id in prop::sample::select(POLICIES.to_vec()),
        role_pick in any::<prop::sample::Index>(),
        dates in prop::collection::vec(any_date(), 18),
        sessions in prop::collection::vec(session(any_date().boxed()), 0..12),
        cases in prop::collection::vec(case(any_date().boxed()), 0..3),
        as_of in any_date(),
        due_soon in 0u32..=366,
    ) {
        let p = policy(id);
        let role = p.roles[role_pick.index(p.roles.len())].id.clone();
        let (a, b) = (dates[3].min(dates[4]), dates[3].max(dates[4]));
        let w = Worker {
            id: "w".to_string(),
            supervisee: Supervisee {
                role,
                hours: Some(Hours::PartTime),
                shifts_per_month: Some(2),
                fte_thousandths: None,
                changes: Vec::new(),
                agreements: vec![Agreement {
                    signed: dates[6],
                    supervisor_changed: Some(dates[7]),
                    frequency: None,
                }],
            },
            started: dates[0],
            asye: Some(dates[1]),
            probation: Some(dates[2]),
            sessions,
            absences: vec![Absence { from: a, to: b }, Absence { from: dates[5], to: dates[5] }],
            supervisor_absences: Vec::new(),
            records_from: None,
            observations: vec![dates[8], dates[8], dates[9]],
            reviews: vec![
                Review { kind: ObligationKind::Pdr, date: dates[10] },
                Review { kind: ObligationKind::AsyeReview, date: dates[11] },
            ],
            cases: unique_ids(cases),
            requests: vec![
                Request { date: dates[12], time: None, urgent: true },
                Request { date: dates[13], time: None, urgent: false },
            ],
            contacts: vec![Contact {
                id: None,
                date: dates[14],
                time: None,
                briefed: Some(dates[15]),
                completed: Some(dates[16]),
            }],
            incidents: vec![Incident { date: dates[16], met: Some(dates[17]) }],
        };
        let mut opts = ScheduleOptions::new(as_of);
        opts.due_soon_days = due_soon;
        prop_assert!(schedule(&p, &w, &opts).is_ok());
    }

    /// Determinism: the same input gives the same output, value for value and as JSON.
    #[test]
    fn the_same_input_gives_the_same_output((id, w, as_of) in scenario()) {
        let opts = ScheduleOptions::new(as_of);
        let a = run(id, &w, &opts);
        let b = run(id, &w, &opts);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(
            serde_json::to_string(&a).expect("json"),
            serde_json::to_string(&b).expect("json")
        );
    }

    /// The order of the history does not matter to what is due when.
    #[test]
    fn order_of_the_history_does_not_matter((id, w, as_of) in scenario()) {
        let opts = ScheduleOptions::new(as_of);
        let mut reversed = w.clone();
        reversed.sessions.reverse();
        reversed.absences.reverse();
        reversed.observations.reverse();
        reversed.reviews.reverse();
        for c in &mut reversed.cases {
            c.discussed.reverse();
        }
        prop_assert_eq!(by_key(&run(id, &w, &opts)), by_key(&run(id, &reversed, &opts)));
    }

    /// A due date from a cadence or a child's discussion cadence is never on or before the
    /// last counted session (or discussion) held by `asOf`.
    #[test]
    fn due_is_never_before_the_last_counted_session((id, w, as_of) in scenario()) {
        let p = policy(id);
        let s = run(id, &w, &ScheduleOptions::new(as_of));
        for o in &s.obligations {
            let Some(rule) = p.rules.iter().find(|r| r.id == o.rule) else { continue };
            let last = match &rule.kind {
                RuleKind::Cadence(c) => w
                    .sessions
                    .iter()
                    .filter(|x| {
                        x.cancelled.is_none() && c.counts.contains(&x.kind) && x.date <= as_of
                    })
                    .map(|x| x.date)
                    .max(),
                RuleKind::ChildDiscussion { .. } => w
                    .cases
                    .iter()
                    .filter(|c| c.id == o.subject)
                    .flat_map(|c| c.discussed.iter().copied())
                    .filter(|d| *d <= as_of)
                    .max(),
                _ => None,
            };
            if let Some(last) = last {
                prop_assert!(o.due > last, "{} due {} not after {}", o.rule, o.due, last);
            }
        }
    }

    /// Adding a held session, or a discussion of a child, never makes an obligation earlier
    /// (compared per rule and subject, for rules that give one obligation per subject).
    #[test]
    fn more_history_never_makes_an_obligation_earlier(
        (id, w, as_of) in scenario(),
        offset in -400i64..400,
        kind in session_type(),
        case_pick in any::<prop::sample::Index>(),
    ) {
        let p = policy(id);
        let opts = ScheduleOptions::new(as_of);
        let before = by_key(&run(id, &w, &opts));
        let extra = add_days(as_of, offset).expect("in range");

        let mut with_session = w.clone();
        with_session.sessions.push(Session {
            date: extra,
            time: None,
            kind,
            cancelled: None,
            cancelled_on: None,
            cancelled_by: None,
            recorded: None,
        });
        let mut with_discussion = w.clone();
        if !with_discussion.cases.is_empty() {
            let i = case_pick.index(with_discussion.cases.len());
            with_discussion.cases[i].discussed.push(extra);
        }
        for more in [with_session, with_discussion] {
            let after = by_key(&run(id, &more, &opts));
            for (key, was) in &before {
                if !single(&p, &key.0) {
                    continue;
                }
                if let (Some(now), [was]) = (after.get(key), was.as_slice()) {
                    if let [now] = now.as_slice() {
                        prop_assert!(now >= was, "{:?}: {} became {}", key, was, now);
                    }
                }
            }
        }
    }

    /// A closure day never makes a deadline earlier: working-day deadlines move later or stay,
    /// and nothing else moves.
    #[test]
    fn a_closure_never_makes_a_deadline_earlier(
        (id, w, as_of) in scenario(),
        closure_offsets in prop::collection::vec(-400i64..400, 1..4),
    ) {
        let open = ScheduleOptions::new(as_of);
        let mut closed = ScheduleOptions::new(as_of);
        closed.calendar = Calendar::england_and_wales().with_closures(
            closure_offsets.iter().map(|n| add_days(as_of, *n).expect("in range")),
        );
        let a = by_key(&run(id, &w, &open));
        let b = by_key(&run(id, &w, &closed));
        prop_assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        for (key, was) in &a {
            let now = &b[key];
            prop_assert_eq!(was.len(), now.len(), "{:?}", key);
            for (x, y) in was.iter().zip(now) {
                prop_assert!(y >= x, "{:?}: {} became {}", key, x, y);
            }
        }
    }
}
