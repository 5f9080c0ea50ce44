//! Validation over every template of every built-in policy, generated from the templates'
//! own fields and rules (issue 5 "Done when"; issue 3: "For every template, a complete record
//! validates in final mode and removing any single required field makes it invalid with that
//! field's id in the finding's path").
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use serde_json::{json, Map, Value};
use supervision_rules::policy;
use supervision_rules::policy::{Field, FieldType, Required, TemplateRuleKind};
use supervision_rules::validate::ValidateOptions;
use validate_support::*;

#[test]
fn a_complete_record_is_valid_in_final_and_draft_mode() {
    each_template(|p, t| {
        let record = complete_record(t);
        for o in [final_options(), draft_options()] {
            let r = check(p, t, &record, &o);
            assert!(
                r.valid && r.errors.is_empty() && r.warnings.is_empty(),
                "{}/{} ({:?}): {:#?}",
                p.id,
                t.id,
                o.mode,
                findings(&r)
            );
        }
    });
}

#[test]
fn removing_any_required_field_makes_the_record_invalid_with_its_path() {
    each_template(|p, t| {
        for f in required_in_final(t) {
            // Absent, null, blank text and an empty list all count as missing.
            let blanks: Vec<Option<Value>> = match f.kind {
                FieldType::Actions | FieldType::Children => {
                    vec![None, Some(Value::Null), Some(json!([])), Some(json!([{}]))]
                }
                _ => vec![
                    None,
                    Some(Value::Null),
                    Some(json!("")),
                    Some(json!("  \n")),
                ],
            };
            for blank in blanks {
                let mut record = complete_record(t);
                match &blank {
                    None => record.remove(&f.id),
                    Some(v) => record.insert(f.id.clone(), v.clone()),
                };
                let r = check(p, t, &record, &final_options());
                assert!(!r.valid, "{}/{} without {}: still valid", p.id, t.id, f.id);
                assert_eq!(
                    codes(&r),
                    vec![(f.id.clone(), "required")],
                    "{}/{} without {} ({blank:?})",
                    p.id,
                    t.id,
                    f.id
                );
                assert_eq!(r.errors.len(), 1);
            }
        }
    });
}

#[test]
fn draft_mode_never_blocks_and_skips_fields_required_only_when_final() {
    each_template(|p, t| {
        for f in required_in_final(t) {
            let mut record = complete_record(t);
            record.remove(&f.id);
            let r = check(p, t, &record, &draft_options());
            assert!(r.valid, "{}/{} draft without {}", p.id, t.id, f.id);
            assert!(r.errors.is_empty());
            match f.required {
                Required::Final => assert!(
                    findings(&r).is_empty(),
                    "{}/{} draft without final-only {}: {:?}",
                    p.id,
                    t.id,
                    f.id,
                    codes(&r)
                ),
                _ => assert_eq!(
                    codes(&r),
                    vec![(f.id.clone(), "required")],
                    "{}/{} draft without {}: a warning",
                    p.id,
                    t.id,
                    f.id
                ),
            }
        }
        // An empty draft: every finding a warning, still valid.
        let r = check(p, t, &Map::new(), &draft_options());
        assert!(r.valid && r.errors.is_empty(), "{}/{}", p.id, t.id);
        assert!(r
            .warnings
            .iter()
            .all(|w| w.severity == supervision_rules::finding::Severity::Warning));
    });
}

#[test]
fn optional_fields_may_be_left_out() {
    each_template(|p, t| {
        for f in t.fields().filter(|f| f.required == Required::No) {
            let mut record = complete_record(t);
            record.remove(&f.id);
            let r = check(p, t, &record, &final_options());
            // Leaving out a date a rule compares is fine too: the rule has nothing to check.
            assert!(
                r.valid && findings(&r).is_empty(),
                "{}/{} without optional {}: {:?}",
                p.id,
                t.id,
                f.id,
                codes(&r)
            );
        }
    });
}

#[test]
fn unknown_extra_fields_are_ignored() {
    each_template(|p, t| {
        let mut record = complete_record(t);
        record.insert(
            "councilOwnField".into(),
            json!({ "nested": [1, { "deep": true }] }),
        );
        record.insert("anotherCouncilField".into(), json!("free text"));
        record.insert("".into(), Value::Null);
        record.insert("x-list".into(), json!([1, 2, 3]));
        let r = check(p, t, &record, &final_options());
        assert!(
            r.valid && findings(&r).is_empty(),
            "{}/{}: {:?}",
            p.id,
            t.id,
            codes(&r)
        );
    });
}

/// Values of the wrong JSON type for a field, and the finding each gives: (value, path
/// suffix, code).
fn wrong_types(f: &Field) -> Vec<(Value, String, &'static str)> {
    let id = &f.id;
    let nested = json!({ "nested": { "deep": [1, { "x": null }] } });
    let mut out = vec![
        (nested, id.clone(), "invalid-type"),
        (json!(true), id.clone(), "invalid-type"),
        (json!(false), id.clone(), "invalid-type"),
    ];
    match f.kind {
        FieldType::Actions | FieldType::Children => {
            out.push((json!(42), id.clone(), "invalid-type"));
            out.push((json!("Discussed"), id.clone(), "invalid-type"));
            out.push((json!([42]), format!("{id}[0]"), "invalid-type"));
            out.push((json!(["text"]), format!("{id}[0]"), "invalid-type"));
            out.push((json!([[1, 2]]), format!("{id}[0]"), "invalid-type"));
            out.push((json!([true]), format!("{id}[0]"), "invalid-type"));
        }
        FieldType::Number => {
            out.push((json!(["90"]), id.clone(), "invalid-type"));
            out.push((json!("ninety"), id.clone(), "invalid-number"));
        }
        _ => {
            out.push((json!(42), id.clone(), "invalid-type"));
            out.push((json!(0.5), id.clone(), "invalid-type"));
            out.push((json!(["Discussed"]), id.clone(), "invalid-type"));
            out.push((json!([{ "a": 1 }]), id.clone(), "invalid-type"));
        }
    }
    out
}

#[test]
fn a_wrong_type_in_any_field_is_a_finding_not_a_failure() {
    each_template(|p, t| {
        for f in t.fields() {
            for (value, path, code) in wrong_types(f) {
                let mut record = complete_record(t);
                record.insert(f.id.clone(), value.clone());
                let r = check(p, t, &record, &final_options());
                assert!(
                    has(&r, &path, code),
                    "{}/{}.{} = {value}: expected {code} at {path}, got {:?}",
                    p.id,
                    t.id,
                    f.id,
                    codes(&r)
                );
                assert!(!r.valid);
                // In draft mode the same finding is a warning.
                let d = check(p, t, &record, &draft_options());
                assert!(d.valid && has(&d, &path, code));
            }
        }
    });
}

#[test]
fn the_whole_record_of_the_wrong_type_is_a_bad_argument() {
    each_template(|p, t| {
        for v in [json!(null), json!([]), json!("text"), json!(1), json!(true)] {
            let e = supervision_rules::validate::validate(p, t, &v, &final_options())
                .expect_err("not an object");
            assert_eq!(e.code(), "bad-argument");
        }
    });
}

/// Sets one field and validates in final mode.
fn with(
    p: &supervision_rules::policy::Policy,
    t: &supervision_rules::policy::Template,
    id: &str,
    v: Value,
) -> supervision_rules::validate::ValidationReport {
    let mut record = complete_record(t);
    record.insert(id.to_string(), v);
    check(p, t, &record, &final_options())
}

#[test]
fn dates_times_numbers_and_choices_must_be_real() {
    each_template(|p, t| {
        for f in t.fields() {
            let id = f.id.as_str();
            match f.kind {
                FieldType::Date => {
                    for bad in [
                        "2026-02-30",
                        "2026-13-01",
                        "2 March 2026",
                        "02/03/2026",
                        "0000-01-01",
                    ] {
                        let r = with(p, t, id, json!(bad));
                        assert!(
                            has(&r, id, "invalid-date"),
                            "{}/{}.{id} = {bad}",
                            p.id,
                            t.id
                        );
                    }
                    for good in ["2024-02-29", " 2026-03-02 "] {
                        let r = with(p, t, id, json!(good));
                        assert!(
                            !has(&r, id, "invalid-date"),
                            "{}/{}.{id} = {good}",
                            p.id,
                            t.id
                        );
                    }
                }
                FieldType::Time => {
                    for bad in ["25:00", "24:00", "12:60", "9:30", "09.30", "half past nine"] {
                        let r = with(p, t, id, json!(bad));
                        assert!(
                            has(&r, id, "invalid-time"),
                            "{}/{}.{id} = {bad}",
                            p.id,
                            t.id
                        );
                    }
                    for good in ["00:00", "09:30", "23:59"] {
                        let r = with(p, t, id, json!(good));
                        assert!(
                            !has(&r, id, "invalid-time"),
                            "{}/{}.{id} = {good}",
                            p.id,
                            t.id
                        );
                    }
                }
                FieldType::Number => {
                    for bad in ["abc", "1O", "NaN", "inf", ""] {
                        let r = with(p, t, id, json!(bad));
                        let empty = bad.is_empty();
                        assert!(
                            empty || has(&r, id, "invalid-number"),
                            "{}/{}.{id} = {bad}",
                            p.id,
                            t.id
                        );
                    }
                    // A numeric string from a form control is a number.
                    let r = with(p, t, id, json!(" 120 "));
                    assert!(r.valid, "{}/{}.{id}: {:?}", p.id, t.id, codes(&r));
                    if let Some(min) = f.min {
                        let r = with(p, t, id, json!(min - 1.0));
                        assert!(has(&r, id, "number-too-small"), "{}/{}.{id}", p.id, t.id);
                        let r = with(p, t, id, json!(min));
                        assert!(!has(&r, id, "number-too-small"));
                    }
                    if let Some(max) = f.max {
                        let r = with(p, t, id, json!(max + 1.0));
                        assert!(has(&r, id, "number-too-large"), "{}/{}.{id}", p.id, t.id);
                        let r = with(p, t, id, json!(max));
                        assert!(!has(&r, id, "number-too-large"));
                    }
                }
                FieldType::Choice => {
                    for bad in ["Not an option", "line manager", "Yes please"] {
                        let r = with(p, t, id, json!(bad));
                        assert!(
                            has(&r, id, "invalid-choice"),
                            "{}/{}.{id} = {bad}",
                            p.id,
                            t.id
                        );
                    }
                    for option in f.options.iter().flatten() {
                        let r = with(p, t, id, json!(option));
                        assert!(
                            r.valid,
                            "{}/{}.{id} = {option}: {:?}",
                            p.id,
                            t.id,
                            codes(&r)
                        );
                    }
                }
                _ => {}
            }
        }
    });
}

#[test]
fn each_action_needs_what_who_and_when_on_or_after_the_session() {
    each_template(|p, t| {
        for f in t.fields().filter(|f| f.kind == FieldType::Actions) {
            let id = f.id.as_str();
            let full = json!({ "action": "Book review", "who": "Social worker", "when": SESSION });
            for (drop, code) in [
                ("action", "action-missing"),
                ("who", "action-who-missing"),
                ("when", "action-when-missing"),
            ] {
                for blank in [None, Some(json!(null)), Some(json!("")), Some(json!(" "))] {
                    let mut third = full.clone();
                    match &blank {
                        None => {
                            third.as_object_mut().map(|o| o.remove(drop));
                        }
                        Some(b) => third[drop] = b.clone(),
                    }
                    let r = with(p, t, id, json!([full, full, third]));
                    let path = format!("{id}[2].{drop}");
                    assert_eq!(
                        codes(&r),
                        vec![(path.clone(), code)],
                        "{}/{}: row 3 without {drop}",
                        p.id,
                        t.id
                    );
                    assert!(!r.valid);
                }
            }
            // Wrong cell types.
            let r = with(
                p,
                t,
                id,
                json!([{ "action": 5, "who": ["x"], "when": 20260302 }]),
            );
            for cell in ["action", "who", "when"] {
                assert!(
                    has(&r, &format!("{id}[0].{cell}"), "invalid-type"),
                    "{}/{} {cell}",
                    p.id,
                    t.id
                );
            }
            // Not a real date.
            let r = with(
                p,
                t,
                id,
                json!([{ "action": "a", "who": "b", "when": "2026-02-30" }]),
            );
            assert_eq!(codes(&r), vec![(format!("{id}[0].when"), "invalid-date")]);
            // Before the session date, where the template has one.
            let before = json!([{ "action": "a", "who": "b", "when": plus_days(SESSION, -1) }]);
            let r = with(p, t, id, before);
            if t.session_date.is_some() {
                assert_eq!(
                    codes(&r),
                    vec![(format!("{id}[0].when"), "action-when-before-session")],
                    "{}/{}",
                    p.id,
                    t.id
                );
            } else {
                assert!(r.valid);
            }
            // On the session date, later, and with blank rows and extra cells: fine.
            let ok = json!([
                { "action": "a", "who": "b", "when": SESSION },
                {},
                { "action": "", "who": null, "when": " " },
                { "action": "c", "who": "d", "when": YEAR_AFTER, "status": "open", "notes": [1] }
            ]);
            let r = with(p, t, id, ok);
            assert!(
                r.valid && findings(&r).is_empty(),
                "{}/{}: {:?}",
                p.id,
                t.id,
                codes(&r)
            );
        }
    });
}

#[test]
fn each_child_needs_a_name_and_a_real_date_of_birth_not_after_the_session() {
    let mut seen = 0;
    each_template(|p, t| {
        for f in t.fields().filter(|f| f.kind == FieldType::Children) {
            seen += 1;
            let id = f.id.as_str();
            let child = json!({ "name": "Child A", "dob": "2015-01-01" });
            let r = with(p, t, id, json!([child, { "dob": "2016-01-01" }]));
            assert_eq!(
                codes(&r),
                vec![(format!("{id}[1].name"), "child-name-missing")]
            );
            let r = with(p, t, id, json!([{ "name": "B", "dob": "2015-02-30" }]));
            assert_eq!(codes(&r), vec![(format!("{id}[0].dob"), "invalid-date")]);
            let r = with(p, t, id, json!([{ "name": 7, "dob": 2015 }]));
            assert!(has(&r, &format!("{id}[0].name"), "invalid-type"));
            assert!(has(&r, &format!("{id}[0].dob"), "invalid-type"));
            let r = with(
                p,
                t,
                id,
                json!([{ "name": "B", "dob": plus_days(SESSION, 1) }]),
            );
            assert_eq!(codes(&r), vec![(format!("{id}[0].dob"), "date-order")]);
            let r = with(
                p,
                t,
                id,
                json!([{ "name": "B", "dob": SESSION }, { "name": "C" }]),
            );
            assert!(r.valid && findings(&r).is_empty());
        }
    });
    assert!(seen > 0, "no template has a children field");
}

/// Every template rule of every template, firing and not firing.
#[test]
fn every_template_rule_fires_and_does_not_fire() {
    let mut kinds = std::collections::BTreeSet::new();
    each_template(|p, t| {
        let session = t.session_date.as_deref();
        for rule in &t.rules {
            kinds.insert(rule.kind.name());
            let ctx = format!("{}/{} rule {:?}", p.id, t.id, rule.kind);
            match &rule.kind {
                TemplateRuleKind::NotFuture(policy::NotFuture { field }) => {
                    let r = with(p, t, field, json!(plus_days(TODAY, 1)));
                    assert!(has(&r, field, "date-in-future"), "{ctx}: {:?}", codes(&r));
                    let r = with(p, t, field, json!(TODAY));
                    assert!(!has(&r, field, "date-in-future"), "{ctx}");
                    // Without options.today there is nothing to compare with.
                    let mut record = complete_record(t);
                    record.insert(field.clone(), json!(plus_days(TODAY, 1)));
                    let o = ValidateOptions {
                        today: None,
                        ..final_options()
                    };
                    assert!(
                        !has(&check(p, t, &record, &o), field, "date-in-future"),
                        "{ctx}"
                    );
                }
                TemplateRuleKind::DateOrder(policy::DateOrder { earlier, later }) => {
                    let record = complete_record(t);
                    let value = |id: &str| record[id].as_str().expect("date").to_string();
                    // Change the field that is not the session date; the finding is on it.
                    let (moved, to, same) = if session == Some(later.as_str()) {
                        (earlier, plus_days(&value(later), 1), value(later))
                    } else {
                        (later, plus_days(&value(earlier), -1), value(earlier))
                    };
                    let r = with(p, t, moved, json!(to));
                    assert!(has(&r, moved, "date-order"), "{ctx}: {:?}", codes(&r));
                    assert!(!r.valid);
                    let r = with(p, t, moved, json!(same));
                    assert!(r.valid && findings(&r).is_empty(), "{ctx}: {:?}", codes(&r));
                }
                TemplateRuleKind::DateWithin(policy::DateWithin {
                    earlier,
                    later,
                    within,
                }) => {
                    let record = complete_record(t);
                    let from = record[earlier].as_str().expect("date").to_string();
                    let latest = plus(&from, &within.describe());
                    // A day after the deadline: a warning on the later date.
                    let r = with(p, t, later, json!(plus_days(&latest, 1)));
                    assert!(has(&r, later, "date-too-late"), "{ctx}: {:?}", codes(&r));
                    // On the deadline: no finding on it.
                    let r = with(p, t, later, json!(latest));
                    assert!(!has(&r, later, "date-too-late"), "{ctx}: {:?}", codes(&r));
                    // Before the earlier date: the wrong way round.
                    let r = with(p, t, later, json!(plus_days(&from, -1)));
                    assert!(has(&r, later, "date-order"), "{ctx}: {:?}", codes(&r));
                }
                TemplateRuleKind::NextWithinCadence(policy::NextWithinCadence {
                    field, ..
                }) => {
                    let r = with(p, t, field, json!(plus_days(SESSION, 400)));
                    assert_eq!(codes(&r), vec![(field.clone(), "next-too-late")], "{ctx}");
                    assert!(r.valid, "a warning does not block");
                    assert!(r.warnings[0].message.contains("on or before"), "{ctx}");
                    let r = with(p, t, field, json!(plus_days(SESSION, 7)));
                    assert!(findings(&r).is_empty(), "{ctx}");
                }
                TemplateRuleKind::RequiredIfGap(policy::RequiredIfGap { field, last, .. }) => {
                    let mut record = complete_record(t);
                    record.insert(last.clone(), json!(plus_days(SESSION, -400)));
                    record.remove(field);
                    let r = check(p, t, &record, &final_options());
                    assert_eq!(
                        codes(&r),
                        vec![(field.clone(), "required-after-gap")],
                        "{ctx}"
                    );
                    // A rule resting on our reading advises; a stated one blocks.
                    let stated = rule.basis == supervision_rules::policy::Basis::Stated;
                    assert_eq!(r.valid, !stated, "{ctx}");
                    record.insert(field.clone(), json!("Staff sickness"));
                    assert!(check(p, t, &record, &final_options()).valid, "{ctx}");
                    // A short gap: the comment is not needed.
                    record.insert(last.clone(), json!(plus_days(SESSION, -7)));
                    record.remove(field);
                    let r = check(p, t, &record, &final_options());
                    assert!(r.valid && findings(&r).is_empty(), "{ctx}");
                }
                TemplateRuleKind::MinDuration(policy::MinDuration {
                    minutes,
                    field: Some(field),
                    ..
                }) => {
                    let r = with(p, t, field, json!(f64::from(*minutes) - 1.0));
                    assert_eq!(
                        codes(&r),
                        vec![(field.clone(), "session-too-short")],
                        "{ctx}"
                    );
                    assert!(r.valid, "a warning does not block");
                    let r = with(p, t, field, json!(*minutes));
                    assert!(findings(&r).is_empty(), "{ctx}");
                }
                TemplateRuleKind::MinDuration(policy::MinDuration { .. }) => {
                    // Start and end times: covered with a registered policy in validate_rules.rs.
                }
            }
        }
    });
    for k in [
        "not-future",
        "date-order",
        "date-within",
        "next-within-cadence",
        "required-if-gap",
        "min-duration",
    ] {
        assert!(kinds.contains(k), "no built-in template has a {k} rule");
    }
}

/// GOV.UK error messages: a sentence without a full stop, starting with a capital (or a quoted
/// heading), no stray colons, spaces or capitals from the documents' headings.
#[test]
fn messages_read_as_govuk_error_messages() {
    each_template(|p, t| {
        // Words of the headings written in capitals: a message lowers them.
        let headings = t
            .fields()
            .map(|f| f.label.as_str())
            .chain(t.sections.iter().map(|s| s.title.as_str()));
        let shouty: Vec<&str> = headings
            .filter(|h| {
                h.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            })
            .flat_map(|h| h.split(|c: char| !c.is_alphabetic()))
            .filter(|w| w.chars().count() > 2)
            .collect();
        let mut records = vec![Map::new()];
        let mut typed = Map::new();
        let mut formats = Map::new();
        for f in t.fields() {
            typed.insert(f.id.clone(), json!(true));
            let bad = match f.kind {
                FieldType::Date => json!("2026-02-30"),
                FieldType::Time => json!("25:00"),
                FieldType::Number => json!("abc"),
                FieldType::Choice => json!("Not an option"),
                FieldType::CaseIds => json!("Jane Smith"),
                FieldType::Actions => {
                    json!([{}, { "action": "a" }, 5, { "who": "b", "when": "x" }])
                }
                FieldType::Children => json!([{ "dob": "x" }, 5]),
                _ => json!(7),
            };
            formats.insert(f.id.clone(), bad);
        }
        records.push(typed);
        records.push(formats);
        for record in records {
            for o in [final_options(), draft_options()] {
                let r = check(p, t, &record, &o);
                for f in findings(&r) {
                    let m = &f.message;
                    let ctx = format!("{}/{} {}: {m:?}", p.id, t.id, f.path);
                    let first = m.chars().next().expect("non-empty");
                    assert!(first.is_uppercase() || first == '‘', "{ctx}");
                    assert!(!m.ends_with('.') && !m.ends_with(' '), "{ctx}");
                    assert!(
                        !m.contains("  ") && !m.contains(" :") && !m.contains(":’"),
                        "{ctx}"
                    );
                    assert!(
                        !m.contains("::") && !m.contains("..") && !m.contains(" ,"),
                        "{ctx}"
                    );
                    // No heading shouted in capitals ("THE PURPOSE", "NAME").
                    let shouted = m
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| shouty.contains(&w));
                    assert!(!shouted, "{ctx}");
                    assert!(
                        !f.source.is_empty() && f.source.starts_with(&p.document),
                        "{ctx}"
                    );
                }
            }
        }
    });
}
