//! Registering a council's own policy: derived from a built-in one, or rejected with every
//! problem listed at its JSON path — never half-registered.

use serde_json::json;
use supervision_rules::calendar::parse_date;
use supervision_rules::policy::{ObligationKind, Registry};
use supervision_rules::schedule::{schedule, ScheduleOptions, Worker};
use supervision_rules::Error;

fn paths(e: &Error) -> Vec<String> {
    e.problems().iter().map(|p| p.path.clone()).collect()
}

#[test]
fn a_derived_policy_changes_only_what_it_names() {
    let mut r = Registry::with_builtins();
    let p = r
        .register(json!({
            "format": 1, "id": "my-council", "extends": "havering",
            "authority": "My Council", "title": "Supervision policy 2027",
            "document": "my-council.txt",
            "rules": [{ "id": "case-supervision", "kind": "cadence", "obligation": "case-supervision",
                        "counts": ["case", "one-to-one"], "every": "4 weeks",
                        "source": "my-council.txt §2" }],
            "remove": { "rules": ["observations"] }
        }))
        .expect("derived policy");
    assert_eq!(p.authority, "My Council");
    // Havering's templates come across unchanged.
    let base = r.get("havering").expect("havering");
    assert_eq!(p.templates.len(), base.templates.len());
    assert!(p.rules.iter().all(|x| x.id != "observations"));
    assert!(
        base.rules.iter().any(|x| x.id == "observations"),
        "the base is untouched"
    );

    // Case supervision on Thu 2 Apr 2026 + 4 weeks (my-council.txt §2) = Thu 30 Apr 2026,
    // where Havering's own six-weekly limit gives Thu 14 May 2026.
    let w = Worker::from_json(
        &json!({"id": "w", "role": "social-worker", "started": "2025-01-01",
        "sessions": [{"date": "2026-04-02", "type": "case", "recorded": "2026-04-02"}]}),
    )
    .expect("worker");
    let opts = ScheduleOptions::new(parse_date("2026-04-03").expect("date"));
    let due = |policy: &str| {
        let s = schedule(r.get(policy).expect("policy"), &w, &opts).expect("schedule");
        s.obligations
            .iter()
            .filter(|o| o.kind == ObligationKind::CaseSupervision)
            .map(|o| o.due.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(due("my-council"), ["2026-04-30"]);
    assert_eq!(due("havering"), ["2026-05-14"]);
}

#[test]
fn a_broken_policy_gets_every_problem_with_its_path() {
    let mut r = Registry::with_builtins();
    let err = r
        .register(json!({
            "format": 1, "id": "broken", "authority": "A", "title": 7, "document": "d.txt",
            "roles": [{ "id": "social-worker", "label": "Social worker", "source": "d.txt 1" }],
            "rules": [
                { "id": "a", "kind": "cadence", "obligation": "supervision", "counts": ["one-to-one"],
                  "every": "-3 weeks", "source": "d.txt 2" },
                { "id": "b", "kind": "teleport", "source": "d.txt 3" },
                { "id": "c", "kind": "min-count", "counts": ["one-to-one"], "count": 1000000,
                  "window": "12 months", "source": "d.txt 4" },
                { "id": "d", "kind": "cadence", "obligation": "supervision", "counts": ["one-to-one"],
                  "every": "1 month", "overrides": ["e"], "source": "d.txt 5" },
                { "id": "e", "kind": "cadence", "obligation": "supervision", "counts": ["one-to-one"],
                  "every": "1 month", "overrides": ["d"], "source": "d.txt 6" }
            ],
            "templates": [{ "id": "t", "title": "T", "source": "d.txt A", "sections": [
                { "id": "s", "title": "S", "fields": [
                    { "id": "x", "label": "X", "type": "text", "required": true },
                    { "id": "x", "label": "X again", "type": "text", "required": "sometimes" }
                ] }
            ] }]
        }))
        .expect_err("broken policy");
    let p = paths(&err);
    for expected in [
        "title",
        "rules[0].every",
        "rules[1].kind",
        "templates[0].sections[0].fields[1].required",
    ] {
        assert!(p.iter().any(|x| x == expected), "{expected} not in {p:?}");
    }
    // The problems above stop typed checks; a policy that types correctly gets the rest.
    let err = r
        .register(json!({
            "format": 1, "id": "broken2", "authority": "A", "title": "T", "document": "d.txt",
            "roles": [{ "id": "social-worker", "label": "Social worker", "source": "d.txt 1" }],
            "rules": [
                { "id": "c", "kind": "min-count", "counts": ["one-to-one"], "count": 1000000,
                  "window": "12 months", "source": "d.txt 4" },
                { "id": "d", "kind": "cadence", "obligation": "supervision", "counts": ["one-to-one"],
                  "every": "1 month", "overrides": ["e"], "source": "d.txt 5" },
                { "id": "e", "kind": "cadence", "obligation": "supervision", "counts": ["one-to-one"],
                  "every": "1 month", "overrides": ["d"], "source": "d.txt 6" }
            ],
            "templates": [{ "id": "t", "title": "T", "source": "d.txt A", "sections": [
                { "id": "s", "title": "S", "fields": [
                    { "id": "x", "label": "X", "type": "text", "required": true },
                    { "id": "x", "label": "X again", "type": "text", "required": false }
                ] }
            ] }]
        }))
        .expect_err("broken policy");
    let p = paths(&err);
    for expected in [
        "rules[0].count",
        "rules[1].overrides",
        "rules[2].overrides",
        "templates[0].sections[0].fields[1].id",
    ] {
        assert!(p.iter().any(|x| x == expected), "{expected} not in {p:?}");
    }
    // Nothing was registered, and the registry still answers.
    assert!(r.get("broken").is_err() && r.get("broken2").is_err());
    assert!(r.template("havering", "case-supervision-record").is_ok());
}

#[test]
fn malformed_json_text_and_wrong_shapes_are_problems_not_panics() {
    use supervision_rules::policy::parse_policy;
    for text in [
        "",
        "{",
        "[]",
        "null",
        "\"havering\"",
        "{\"format\": 1}",
        "{\"roles\": 3}",
    ] {
        let e = parse_policy(text, None).expect_err(text);
        assert!(!e.problems().is_empty(), "{text}: {e}");
    }
}

#[test]
fn extends_must_name_a_registered_policy() {
    let mut r = Registry::with_builtins();
    let e = r
        .register(
            json!({"format": 1, "id": "x", "extends": "nowhere", "authority": "A",
                         "title": "T", "document": "d"}),
        )
        .expect_err("unknown base");
    assert!(paths(&e).iter().any(|p| p == "extends"), "{e}");
}
