//! Issue 14: a council's own policy cannot go silently wrong. A table of broken policies —
//! each one mistake, some with several — and the exact path and message of every problem,
//! derived policies included. `PRINT_PROBLEMS=1 cargo test --test policy_problems` prints
//! what each case gives.

use serde_json::{json, Value};
use supervision_rules::policy::{check_text, Registry, MAX_PROBLEMS};
use supervision_rules::schedule::{schedule, ScheduleOptions, Worker};

/// A small valid policy: two roles, a cadence and its newly-qualified variant, one template.
pub(crate) fn base() -> Value {
    json!({
        "format": 1, "id": "my-council", "authority": "My Council",
        "title": "Supervision policy", "document": "my-council.txt",
        "roles": [
            { "id": "social-worker", "label": "Social worker", "source": "my-council.txt 1" },
            { "id": "nqsw", "label": "Newly qualified social worker", "source": "my-council.txt 1" }
        ],
        "rules": [
            { "id": "supervision", "kind": "cadence", "obligation": "supervision",
              "counts": ["one-to-one"], "every": "1 month", "source": "my-council.txt 2" },
            { "id": "nqsw-supervision", "kind": "cadence", "obligation": "supervision",
              "counts": ["one-to-one"], "every": "2 weeks", "when": { "roles": ["nqsw"] },
              "overrides": ["supervision"], "source": "my-council.txt 3" }
        ],
        "templates": [{
            "id": "record", "title": "Supervision record", "source": "my-council.txt A",
            "sessionDate": "date",
            "sections": [{ "id": "details", "title": "Details", "fields": [
                { "id": "date", "label": "Date of supervision", "type": "date", "required": true },
                { "id": "venue", "label": "Venue", "type": "choice", "options": ["Office", "Home"],
                  "required": false },
                { "id": "next", "label": "Date of next supervision", "type": "date", "required": "final" }
            ] }],
            "rules": [{ "kind": "next-within-cadence", "field": "next", "obligation": "supervision",
                        "source": "my-council.txt 2" }]
        }]
    })
}

/// A policy derived from Havering, valid as it is.
fn derived() -> Value {
    json!({
        "format": 1, "id": "my-havering", "extends": "havering",
        "authority": "My Council", "title": "Havering, as we read it", "document": "my.txt",
        "rules": [{ "id": "case-supervision", "kind": "cadence", "obligation": "case-supervision",
                    "counts": ["case", "one-to-one"], "every": "4 weeks", "source": "my.txt 2" }]
    })
}

/// `v` with the value at the JSON pointer `at` set to `to` (`Value::Null` removes it).
fn with(mut v: Value, at: &str, to: Value) -> Value {
    let (parent, key) = at.rsplit_once('/').expect("a pointer");
    let target = v.pointer_mut(parent).expect("the parent exists");
    match (target, to) {
        (Value::Object(o), Value::Null) => {
            o.remove(key);
        }
        (Value::Object(o), to) => {
            o.insert(key.to_string(), to);
        }
        (Value::Array(a), Value::Null) => {
            a.remove(key.parse::<usize>().expect("an index"));
        }
        (Value::Array(a), to) => {
            let i: usize = key.parse().expect("an index");
            if i == a.len() {
                a.push(to);
            } else {
                a[i] = to;
            }
        }
        _ => panic!("{at}: not a container"),
    }
    v
}

fn problems(v: &Value) -> Vec<(String, String)> {
    let text = serde_json::to_string_pretty(v).expect("JSON");
    check_text(&text, &Registry::with_builtins())
        .into_iter()
        .map(|p| (p.path, p.expected))
        .collect()
}

pub(crate) type Case = (&'static str, Value, &'static [(&'static str, &'static str)]);

pub(crate) fn cases() -> Vec<Case> {
    let b = base;
    let d = derived;
    vec![
        // ---- unknown keys: each with the keys allowed there, and a near miss ----
        ("misspelt overrides", with(with(b(), "/rules/1/overrides", Value::Null), "/rules/1/overide", json!(["supervision"])), &[
            ("rules[1].overide", "no key \"overide\" in a \"cadence\" rule: did you mean \"overrides\"? the keys are kind, id, source, note, basis, reading, when, overrides, obligation, counts, every, phases, first, absenceExtends, proRata, agreedUpTo"),
        ]),
        ("notes for note in a rule", with(b(), "/rules/0/notes", json!("why")), &[
            ("rules[0].notes", "no key \"notes\" in a \"cadence\" rule: did you mean \"note\"? the keys are kind, id, source, note, basis, reading, when, overrides, obligation, counts, every, phases, first, absenceExtends, proRata, agreedUpTo"),
        ]),
        ("a rebook rule with both deadlines", with(b(), "/rules/2", json!({
            "id": "rebook", "kind": "rebook", "obligation": "supervision", "counts": ["one-to-one"],
            "cancelled": "other", "after": "cancelled", "within": "5 days", "byMonthEnd": true,
            "source": "my-council.txt 4" })), &[
            ("rules[2]", "\"within\" (a duration) or \"byMonthEnd\": true, one of them"),
        ]),
        ("an agreed frequency with no interval to stand in for", with(with(b(), "/rules/0/every", Value::Null), "/rules/0/agreedUpTo", json!("6 weeks")), &[
            ("rules[0]", "\"every\" or \"phases\" (or both)"),
            ("rules[0].every", "an interval for \"agreedUpTo\" to stand in for (an agreed frequency replaces \"every\")"),
        ]),
        ("a key no rule kind has", with(b(), "/rules/0/frequency", json!("monthly")), &[
            ("rules[0].frequency", "no key \"frequency\" in a \"cadence\" rule: the keys are kind, id, source, note, basis, reading, when, overrides, obligation, counts, every, phases, first, absenceExtends, proRata, agreedUpTo"),
        ]),
        ("misspelt top-level key, so also missing", with(with(b(), "/title", Value::Null), "/titel", json!("T")), &[
            ("titel", "no key \"titel\" in a policy: did you mean \"title\"? the keys are format, id, authority, title, version, document, roles, rules, templates, replaces, notes"),
            ("", "the key \"title\" (it is missing)"),
        ]),
        ("misspelt role key", with(with(b(), "/roles/1/label", Value::Null), "/roles/1/lable", json!("NQSW")), &[
            ("roles[1].lable", "no key \"lable\" in a role: did you mean \"label\"? the keys are id, label, source, note"),
            ("roles[1]", "the key \"label\" (it is missing)"),
        ]),
        ("misspelt template key", with(b(), "/templates/0/sesionDate", json!("date")), &[
            ("templates[0].sesionDate", "no key \"sesionDate\" in a template: did you mean \"sessionDate\"? the keys are id, title, source, sessionDate, sections, rules, note"),
        ]),
        ("misspelt section key", with(b(), "/templates/0/sections/0/sorce", json!("x")), &[
            ("templates[0].sections[0].sorce", "no key \"sorce\" in a section: did you mean \"source\"? the keys are id, title, fields, source, note"),
        ]),
        ("misspelt field key", with(b(), "/templates/0/sections/0/fields/1/hnt", json!("x")), &[
            ("templates[0].sections[0].fields[1].hnt", "no key \"hnt\" in a field: did you mean \"hint\"? the keys are id, label, type, required, source, note, hint, options, min, max, messages"),
        ]),
        ("misspelt key in when", with(b(), "/rules/1/when", json!({ "role": ["nqsw"] })), &[
            ("rules[1].when.role", "no key \"role\" in \"when\": did you mean \"roles\"? the keys are roles, hours, shiftsPerMonthBelow, during, plans, rag"),
        ]),
        ("misspelt key in when.during", with(b(), "/rules/1/when", json!({ "during": { "start": "asye", "untill": "6 months" } })), &[
            ("rules[1].when.during.untill", "no key \"untill\" in \"during\": did you mean \"until\"? the keys are start, until"),
            ("rules[1].when.during", "a duration as a string, like \"4 weeks\""),
        ]),
        ("misspelt key in a phase", with(b(), "/rules/1/phases", json!([{ "start": "asye", "until": "6 weeks", "evry": "1 week", "source": "s" }])), &[
            ("rules[1].phases[0].evry", "no key \"evry\" in a phase: did you mean \"every\"? the keys are start, until, every, source, note"),
            ("rules[1].phases[0]", "a duration as a string, like \"4 weeks\""),
        ]),
        ("misspelt key in a template rule", with(b(), "/templates/0/rules/0", json!({ "kind": "not-future", "feild": "date", "source": "s" })), &[
            ("templates[0].rules[0].feild", "no key \"feild\" in a \"not-future\" template rule: did you mean \"field\"? the keys are kind, source, note, basis, reading, field"),
        ]),
        // ---- basis: a reading says why; a stated limit has no reading (issue 22) ----
        ("a reading with no reason", with(b(), "/rules/0/basis", json!("reading")), &[
            ("rules[0]", "the key \"reading\" with basis \"reading\": why the limit is ours, in a sentence"),
        ]),
        ("a reason on a stated rule", with(b(), "/rules/0/reading", json!("Ours.")), &[
            ("rules[0].reading", "no \"reading\" unless basis is \"reading\" (a stated limit is the clause's own)"),
        ]),
        ("a misspelt basis", with(b(), "/rules/0/basis", json!("stateed")), &[
            ("rules[0].basis", "one of stated, reading (not \"stateed\": did you mean \"stated\"?)"),
        ]),
        ("a template rule's reading with no reason", with(b(), "/templates/0/rules/0", json!({ "kind": "not-future", "field": "date", "source": "s", "basis": "reading" })), &[
            ("templates[0].rules[0]", "the key \"reading\" with basis \"reading\": why the limit is ours, in a sentence"),
        ]),
        ("misspelt key in a field's messages", with(b(), "/templates/0/sections/0/fields/0/messages", json!({ "requird": "Say when" })), &[
            ("templates[0].sections[0].fields[0].messages.requird", "no key \"requird\" in \"messages\": did you mean \"required\"? the keys are required"),
        ]),
        // ---- values, at their own path down to the leaf ----
        ("misspelt obligation", with(b(), "/rules/0/obligation", json!("supervison")), &[
            ("rules[0].obligation", "one of supervision, personal-supervision, case-supervision, child-discussion, agreement-review, observation, write-up, asye-review, pdr, group-supervision, file-audit, supervision-observation, urgent-supervision, briefing-supervision, incident-meeting, assessment-conclusion, completion-supervision (not \"supervison\": did you mean \"supervision\"?)"),
        ]),
        ("misspelt session type", with(b(), "/rules/0/counts", json!(["one-to-one", "cse"])), &[
            ("rules[0].counts[1]", "one of one-to-one, personal, case, group, reflective (not \"cse\": did you mean \"case\"?)"),
        ]),
        ("a trailing space in a duration", with(b(), "/rules/0/every", json!("28 days ")), &[
            ("rules[0].every", "a duration with no space before or after it: remove the space at the end"),
        ]),
        ("a negative duration", with(b(), "/rules/0/every", json!("-3 weeks")), &[
            ("rules[0].every", "expected the duration to start with a whole number from 1 to 1000, e.g. \"6 weeks\""),
        ]),
        ("a duration as a number", with(b(), "/rules/0/every", json!(4)), &[
            ("rules[0].every", "a duration as a string, like \"4 weeks\""),
        ]),
        ("a duration in a phase", with(b(), "/rules/1/phases", json!([{ "start": "asye", "until": "6 wekes", "every": "1 week", "source": "s" }])), &[
            ("rules[1].phases[0].until", "expected the duration's unit to be one of day(s), working day(s), week(s), month(s), year(s), hour(s)"),
        ]),
        ("misspelt field type", with(b(), "/templates/0/sections/0/fields/0/type", json!("dat")), &[
            ("templates[0].sections[0].fields[0].type", "one of text, date, time, person, signature, case-ids, actions, choice, number, children (not \"dat\": did you mean \"date\"?)"),
        ]),
        ("required neither true, false nor final", with(b(), "/templates/0/sections/0/fields/0/required", json!("sometimes")), &[
            ("templates[0].sections[0].fields[0].required", "expected true, false or \"final\""),
        ]),
        ("misspelt rule kind", with(b(), "/rules/0/kind", json!("cadance")), &[
            ("rules[0].kind", "one of the rule kinds: did you mean \"cadence\"? cadence, min-count, max-gap, write-up, rebook, urgent-request, contact-briefing, incident-meeting, agreement-review, observation, milestone, child-discussion, child-first-discussion, child-after-event, child-before-event, child-assessment, child-assessment-conclusion, group-supervision, file-audit, supervisor-observation"),
        ]),
        ("a rule without a kind", with(b(), "/rules/0/kind", Value::Null), &[
            ("rules[0]", "the key \"kind\": one of cadence, min-count, max-gap, write-up, rebook, urgent-request, contact-briefing, incident-meeting, agreement-review, observation, milestone, child-discussion, child-first-discussion, child-after-event, child-before-event, child-assessment, child-assessment-conclusion, group-supervision, file-audit, supervisor-observation"),
        ]),
        ("misspelt template rule kind", with(b(), "/templates/0/rules/0/kind", json!("next-within-cadense")), &[
            ("templates[0].rules[0].kind", "one of the template rule kinds: did you mean \"next-within-cadence\"? not-future, date-order, date-within, next-within-cadence, required-if-gap, min-duration"),
        ]),
        ("misspelt obligation in a template rule", with(b(), "/templates/0/rules/0/obligation", json!("supervisoin")), &[
            ("templates[0].rules[0].obligation", "one of supervision, personal-supervision, case-supervision, child-discussion, agreement-review, observation, write-up, asye-review, pdr, group-supervision, file-audit, supervision-observation, urgent-supervision, briefing-supervision, incident-meeting, assessment-conclusion, completion-supervision (not \"supervisoin\": did you mean \"supervision\"?)"),
        ]),
        ("a required-if-gap's last session not a date field", with(b(), "/templates/0/rules/0", json!({ "kind": "required-if-gap", "field": "venue", "last": "venue", "obligation": "supervision", "source": "s" })), &[
            ("templates[0].rules[0].last", "the id of a date field"),
        ]),
        ("a min-duration with neither a number field nor times", with(b(), "/templates/0/rules/0", json!({ "kind": "min-duration", "minutes": 0, "field": "date", "start": "date", "source": "s" })), &[
            ("templates[0].rules[0].minutes", "a whole number from 1 to 1440"),
            ("templates[0].rules[0]", "either \"field\", or \"start\" and \"end\""),
        ]),
        ("a template rule's values of the wrong type, and a key left out", with(b(), "/templates/0/rules/0", json!({ "kind": "date-within", "earlier": 5, "within": "2 wekes", "note": null, "source": "s" })), &[
            ("templates[0].rules[0].earlier", "invalid type: integer `5`, expected a string"),
            ("templates[0].rules[0].note", "invalid type: null, expected a string"),
            ("templates[0].rules[0].within", "expected the duration's unit to be one of day(s), working day(s), week(s), month(s), year(s), hour(s)"),
        ]),
        ("a template rule missing its source and a key of its kind", with(b(), "/templates/0/rules/0", json!({ "kind": "date-order", "earlier": "date" })), &[
            ("templates[0].rules[0]", "the key \"source\" (it is missing)"),
        ]),
        ("misspelt hours", with(b(), "/rules/1/when", json!({ "hours": "part time" })), &[
            ("rules[1].when.hours", "one of full-time, part-time (not \"part time\": did you mean \"part-time\"?)"),
        ]),
        // ---- several mistakes: every one reported ----
        ("two mistakes in one rule", with(with(b(), "/rules/0/obligation", json!("supervison")), "/rules/0/every", json!("1 mnth")), &[
            ("rules[0].every", "expected the duration's unit to be one of day(s), working day(s), week(s), month(s), year(s), hour(s)"),
            ("rules[0].obligation", "one of supervision, personal-supervision, case-supervision, child-discussion, agreement-review, observation, write-up, asye-review, pdr, group-supervision, file-audit, supervision-observation, urgent-supervision, briefing-supervision, incident-meeting, assessment-conclusion, completion-supervision (not \"supervison\": did you mean \"supervision\"?)"),
        ]),
        ("mistakes in two rules and a field", with(with(with(b(), "/rules/0/overide", json!([])), "/rules/1/counts", json!(["1-1"])), "/templates/0/sections/0/fields/2/type", json!("date ")), &[
            ("rules[0].overide", "no key \"overide\" in a \"cadence\" rule: did you mean \"overrides\"? the keys are kind, id, source, note, basis, reading, when, overrides, obligation, counts, every, phases, first, absenceExtends, proRata, agreedUpTo"),
            ("rules[1].counts[0]", "one of one-to-one, personal, case, group, reflective (not \"1-1\")"),
            ("templates[0].sections[0].fields[2].type", "one of text, date, time, person, signature, case-ids, actions, choice, number, children (not \"date \": did you mean \"date\"?)"),
        ]),
        // ---- issue 24: format and references in one round ----
        ("a misspelt key and a misspelt role reference together", with(with(b(), "/rules/0/evry", json!("1 month")), "/rules/1/when", json!({ "roles": ["nqs"] })), &[
            ("rules[0].evry", "no key \"evry\" in a \"cadence\" rule: did you mean \"every\"? the keys are kind, id, source, note, basis, reading, when, overrides, obligation, counts, every, phases, first, absenceExtends, proRata, agreedUpTo"),
            ("rules[1].when.roles[0]", "the id of a role in this policy's roles"),
        ]),
        ("a broken role still referred to, a broken template and a misspelt override", with(with(with(b(), "/roles/1/lable", json!("x")), "/templates/0/titel", json!("x")), "/rules/1/overrides", json!(["supervisoin"])), &[
            ("roles[1].lable", "no key \"lable\" in a role: did you mean \"label\"? the keys are id, label, source, note"),
            ("templates[0].titel", "no key \"titel\" in a template: did you mean \"title\"? the keys are id, title, source, sessionDate, sections, rules, note"),
            ("rules[1].overrides[0]", "the id of a rule in this policy"),
        ]),
        ("a built-in's id without replaces, and a misspelt key", with(with(b(), "/id", json!("havering")), "/rules/0/evry", json!("1 month")), &[
            ("rules[0].evry", "no key \"evry\" in a \"cadence\" rule: did you mean \"every\"? the keys are kind, id, source, note, basis, reading, when, overrides, obligation, counts, every, phases, first, absenceExtends, proRata, agreedUpTo"),
            ("id", "an id not in use: \"havering\" is a built-in policy; to replace it on purpose, add \"replaces\": \"havering\""),
        ]),
        // ---- the policy as a whole ----
        ("overrides an unknown rule", with(b(), "/rules/1/overrides", json!(["supervisoin"])), &[
            ("rules[1].overrides[0]", "the id of a rule in this policy"),
        ]),
        ("when names an unknown role", with(b(), "/rules/1/when", json!({ "roles": ["nqs"] })), &[
            ("rules[1].when.roles[0]", "the id of a role in this policy's roles"),
        ]),
        ("replaces another id", with(b(), "/replaces", json!("havering")), &[
            ("replaces", "this policy's own id: a policy replaces the one registered under its id"),
        ]),
        ("a message on an optional field", with(b(), "/templates/0/sections/0/fields/1/messages", json!({ "required": "Choose a venue" })), &[
            ("templates[0].sections[0].fields[1].messages.required", "a message only on a required field (this one is optional)"),
        ]),
        ("a blank section source", with(b(), "/templates/0/sections/0/source", json!(" ")), &[
            ("templates[0].sections[0].source", "a non-empty string"),
        ]),
        // ---- replacing is explicit ----
        ("a built-in's id without replaces", with(b(), "/id", json!("havering")), &[
            ("id", "an id not in use: \"havering\" is a built-in policy; to replace it on purpose, add \"replaces\": \"havering\""),
        ]),
        ("a built-in's id with replaces", with(with(b(), "/id", json!("havering")), "/replaces", json!("havering")), &[]),
        // ---- derived policies, in the author's terms ----
        ("derived: misspelt obligation in a replaced rule", with(d(), "/rules/0/obligation", json!("case-supervison")), &[
            ("rules[0].obligation", "one of supervision, personal-supervision, case-supervision, child-discussion, agreement-review, observation, write-up, asye-review, pdr, group-supervision, file-audit, supervision-observation, urgent-supervision, briefing-supervision, incident-meeting, assessment-conclusion, completion-supervision (not \"case-supervison\": did you mean \"case-supervision\"?) (rule \"case-supervision\")"),
        ]),
        ("derived: an added rule with an unknown key", with(d(), "/rules/1", json!({ "id": "extra", "kind": "max-gap", "counts": ["case"], "gap": "8 weeks", "soruce": "my.txt 3" })), &[
            ("rules[1].soruce", "no key \"soruce\" in a \"max-gap\" rule: did you mean \"source\"? the keys are kind, id, source, note, basis, reading, when, overrides, counts, gap (rule \"extra\")"),
            ("rules[1]", "the key \"source\" (it is missing) (rule \"extra\")"),
        ]),
        ("derived: misspelt extends", with(d(), "/extends", json!("havring")), &[
            ("extends", "the id of a registered policy: did you mean \"havering\"? one of stockport, north-east-lincolnshire, havering, shropshire, south-gloucestershire"),
        ]),
        ("derived: remove an id the base lacks", with(d(), "/remove", json!({ "rules": ["observation"] })), &[
            ("remove.rules[0]", "the id of one of the base policy's rules: did you mean \"observations\"? one of case-supervision, personal-supervision, asye-supervision, probation-supervision, min-sessions, max-gap, case-write-up, personal-write-up, sickness-rebook, contract-review, observations, pdr, group-case-supervision, supervision-file-audit, supervision-of-supervision"),
        ]),
        ("derived: removing a rule a base rule overrides", with(d(), "/remove", json!({ "rules": ["personal-supervision"] })), &[
            ("extends", "in havering's rules[2].overrides[0] (rule \"asye-supervision\"), inherited unchanged: the id of a rule in this policy"),
            ("extends", "in havering's rules[3].overrides[0] (rule \"probation-supervision\"), inherited unchanged: the id of a rule in this policy"),
            ("extends", "in havering's templates[1].rules[2].obligation (template \"personal-supervision\"), inherited unchanged: an obligation with a cadence rule in this policy"),
        ]),
        ("derived: a misspelt list in remove", with(d(), "/remove", json!({ "rule": ["observations"] })), &[
            ("remove.rule", "did you mean \"rules\"? one of roles, rules, templates"),
        ]),
    ]
}

#[test]
fn every_broken_policy_gives_exactly_its_problems() {
    assert!(problems(&base()).is_empty(), "{:?}", problems(&base()));
    assert!(
        problems(&derived()).is_empty(),
        "{:?}",
        problems(&derived())
    );
    let print = std::env::var_os("PRINT_PROBLEMS").is_some();
    let mut failed = Vec::new();
    for (name, policy, expected) in cases() {
        let got = problems(&policy);
        if print {
            println!("({name:?}, ..., &[");
            for (p, m) in &got {
                println!("    ({p:?}, {m:?}),");
            }
            println!("]),");
        }
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(p, m)| (p.to_string(), m.to_string()))
            .collect();
        if got != want {
            failed.push(format!("{name}:\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn there_are_at_least_thirty_cases() {
    assert!(cases().len() >= 30);
    assert!(
        cases().iter().filter(|c| c.2.len() > 1).count() >= 5,
        "some with several"
    );
}

#[test]
fn too_many_problems_are_capped_and_counted() {
    let roles: Vec<Value> = (0..60)
        .map(|i| json!({ "id": format!("r{i}"), "label": "R", "sorce": "s" }))
        .collect();
    let got = problems(&with(base(), "/roles", Value::Array(roles)));
    assert_eq!(got.len(), MAX_PROBLEMS + 1);
    let (path, last) = got.last().expect("a last problem");
    assert_eq!(path, "");
    assert!(
        last.starts_with("and ") && last.contains("more problems"),
        "{last}"
    );
}

/// The newly qualified worker of the issue: with `overrides` misspelt, the policy used to
/// register and give her two cadences; now it does not register at all.
#[test]
fn a_misspelt_overrides_no_longer_gives_two_cadences() {
    let broken = with(
        with(base(), "/rules/1/overrides", Value::Null),
        "/rules/1/overide",
        json!(["supervision"]),
    );
    let mut r = Registry::with_builtins();
    assert!(r.register(broken).is_err());
    let p = r.register(base()).expect("the corrected policy");
    let w = Worker::from_json(&json!({"id": "w", "role": "nqsw", "started": "2026-01-05",
        "sessions": [{"date": "2026-03-02", "type": "one-to-one"}]}))
    .expect("worker");
    let asof = supervision_rules::calendar::parse_date("2026-03-03").expect("date");
    let s = schedule(&p, &w, &ScheduleOptions::new(asof)).expect("schedule");
    // One cadence: the fortnightly one (my-council.txt 3), from Mon 2 Mar 2026 to Mon 16 Mar.
    let due: Vec<String> = s.obligations.iter().map(|o| o.due.to_string()).collect();
    assert_eq!(due, ["2026-03-16"]);
}

#[test]
fn replacing_is_explicit_and_shown() {
    let mut r = Registry::with_builtins();
    let mine = with(base(), "/id", json!("havering"));
    let e = r
        .register(mine.clone())
        .expect_err("havering is a built-in");
    assert_eq!(e.problems()[0].path, "id");
    assert!(!r.replaced("havering"));
    r.register(with(mine, "/replaces", json!("havering")))
        .expect("replaces on purpose");
    assert!(r.replaced("havering"));
    assert_eq!(r.get("havering").expect("in force").authority, "My Council");
}

/// A section's own `source` is what its fields' findings cite; a field's own `messages`
/// replace the generated sentence; an unknown role lists the policy's role ids.
#[test]
fn authors_control_the_wording() {
    use supervision_rules::validate::{validate, ValidateOptions};
    let mut r = Registry::with_builtins();
    let v = with(
        with(
            base(),
            "/templates/0/sections/0/source",
            json!("my-council.txt B"),
        ),
        "/templates/0/sections/0/fields/0/messages",
        json!({ "required": "Say when supervision took place" }),
    );
    let p = r.register(v).expect("valid");
    let t = &p.templates[0];
    let report = validate(&p, t, &json!({}), &ValidateOptions::default()).expect("report");
    let date = report
        .errors
        .iter()
        .find(|f| f.path == "date")
        .expect("date");
    assert_eq!(date.message, "Say when supervision took place");
    assert_eq!(date.source, "my-council.txt B");
    let options = ValidateOptions::from_json(&json!({ "role": "manager" })).expect("options");
    let e = validate(&p, t, &json!({}), &options).expect_err("unknown role");
    assert!(e.to_string().contains("\"social-worker\", \"nqsw\""), "{e}");
}

/// The command line: the same problems, with file:line:column, and its exit codes.
#[test]
fn the_command_line_checks_and_compiles() {
    let bin = env!("CARGO_BIN_EXE_supervision-rules");
    let dir = std::env::temp_dir().join(format!("policy-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let good = dir.join("good.json");
    let bad = dir.join("bad.json");
    std::fs::write(&good, serde_json::to_string_pretty(&base()).expect("json")).expect("write");
    let broken = with(base(), "/rules/0/every", json!("28 days "));
    std::fs::write(&bad, serde_json::to_string_pretty(&broken).expect("json")).expect("write");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .output()
            .expect("runs")
    };

    let ok = run(&["check", good.to_str().expect("path")]);
    assert_eq!(ok.status.code(), Some(0));
    let out = run(&["check", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(":23:7: rules[0].every: a duration with no space before or after it"),
        "{text}"
    );
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "/nonexistent/p.json"]).status.code(),
        Some(2)
    );

    let compiled = dir.join("compiled.json");
    let c = run(&[
        "compile",
        good.to_str().expect("p"),
        "-o",
        compiled.to_str().expect("p"),
    ]);
    assert_eq!(c.status.code(), Some(0));
    let text = std::fs::read_to_string(&compiled).expect("written");
    let mut r = Registry::with_builtins();
    assert_eq!(r.load_compiled(&text).expect("loads").id, "my-council");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `registerPolicy` refuses a policy over a limit of one call (docs/bad-inputs.md: 2,000
/// rules); the check shows that refusal as the policy's one problem, at the rules, instead
/// of passing a policy that cannot be registered.
#[test]
fn a_policy_over_a_limit_is_a_problem_not_a_pass() {
    let rule = &derived()["rules"][0];
    let rules: Vec<Value> = (0..2001)
        .map(|i| {
            let mut r = rule.clone();
            r["id"] = json!(format!("rule-{i}"));
            r
        })
        .collect();
    let found = problems(&with(derived(), "/rules", Value::Array(rules)));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "rules");
    assert!(found[0].1.contains("at most 2000 rules"), "{found:?}");
    // And at the limit, no such problem.
    let rules: Vec<Value> = (0..2000)
        .map(|i| {
            let mut r = rule.clone();
            r["id"] = json!(format!("rule-{i}"));
            r
        })
        .collect();
    let at_limit = problems(&with(derived(), "/rules", Value::Array(rules)));
    assert!(
        at_limit.iter().all(|(path, _)| path != "rules"),
        "{at_limit:?}"
    );
}
