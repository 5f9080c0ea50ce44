//! Every built-in policy file parses and passes its checks, so a broken file cannot ship.

use supervision_rules::policy::{parse_policy, Registry, BUILTIN_SOURCES};

#[test]
fn every_builtin_policy_is_valid() {
    let mut failures = Vec::new();
    for (id, json) in BUILTIN_SOURCES {
        match parse_policy(json, None) {
            Ok(p) => assert_eq!(&p.id, id, "file for {id} declares another id"),
            Err(e) => failures.push(format!("{id}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "invalid built-in policies:\n{}",
        failures.join("\n")
    );
}

#[test]
fn registry_lists_all_five() {
    let r = Registry::with_builtins();
    let ids: Vec<&str> = r.all().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "stockport",
            "north-east-lincolnshire",
            "havering",
            "shropshire",
            "south-gloucestershire"
        ]
    );
}

#[test]
fn every_rule_role_and_template_cites_its_document() {
    for p in Registry::with_builtins().all() {
        let doc = &p.document;
        for r in &p.roles {
            assert!(
                r.source.starts_with(doc.as_str()),
                "{}: role {} source {:?}",
                p.id,
                r.id,
                r.source
            );
        }
        for r in &p.rules {
            assert!(
                r.source.starts_with(doc.as_str()),
                "{}: rule {} source {:?}",
                p.id,
                r.id,
                r.source
            );
        }
        for t in &p.templates {
            assert!(
                t.source.starts_with(doc.as_str()),
                "{}: template {} source {:?}",
                p.id,
                t.id,
                t.source
            );
            for f in t.fields() {
                if let Some(s) = &f.source {
                    assert!(
                        s.starts_with(doc.as_str()),
                        "{}: {}.{} source {:?}",
                        p.id,
                        t.id,
                        f.id,
                        s
                    );
                }
            }
            for r in &t.rules {
                assert!(
                    r.source.starts_with(doc.as_str()),
                    "{}: {} rule source {:?}",
                    p.id,
                    t.id,
                    r.source
                );
            }
        }
    }
}

/// The registry reads the built-ins straight into the model, without the checks: that must
/// give exactly what the checked reader gives, for every file.
#[test]
fn builtins_read_without_checks_equal_the_checked_read() {
    let r = Registry::with_builtins();
    for (id, json) in BUILTIN_SOURCES {
        let checked = parse_policy(json, None).expect("checked above");
        let direct = r.get(id).expect("a built-in id");
        assert_eq!(
            serde_json::to_value(direct.as_ref()).expect("serialises"),
            serde_json::to_value(&checked).expect("serialises"),
            "{id}: the unchecked read differs from the checked one"
        );
    }
}

/// A council's policy compiled by the authoring build loads into a registry without the
/// checks and is the same policy; a changed compiled text is refused.
#[test]
fn compiled_policies_round_trip_and_refuse_edits() {
    use supervision_rules::policy::load_compiled;
    let r = Registry::with_builtins();
    let derived = serde_json::json!({
        "format": 1, "id": "havering-compiled", "extends": "havering",
        "title": "Havering, compiled for a test"
    });
    let compiled = r.compile(derived.clone()).expect("a valid derived policy");
    let mut checked = Registry::with_builtins();
    let expected = checked.register(derived).expect("registers");
    let loaded = load_compiled(&compiled).expect("loads");
    assert_eq!(
        serde_json::to_value(&loaded).unwrap(),
        serde_json::to_value(expected.as_ref()).unwrap()
    );
    let edited = compiled.replace("compiled for a test", "compiled for another test");
    let err = load_compiled(&edited).expect_err("an edited compiled policy is refused");
    assert_eq!(err.code(), "invalid-policy");
    assert!(err.to_string().contains("checksum"), "{err}");
    assert!(load_compiled("{}").is_err());
    assert!(
        load_compiled(&compiled.replace("\"compiledPolicy\":1", "\"compiledPolicy\":2")).is_err()
    );
}

/// Broken compiled input never panics and never echoes its text.
#[test]
fn compiled_policy_errors_do_not_repeat_the_text() {
    use supervision_rules::policy::load_compiled;
    for text in [
        "",
        "null",
        "[]",
        "{\"compiledPolicy\":1}",
        "SECRET-CHILD-NAME",
    ] {
        let err = load_compiled(text).expect_err("not a compiled policy");
        assert!(!err.to_string().contains("SECRET"), "{err}");
    }
}

/// Each built-in's policy module (`supervision-rules/policies/<id>`, what `compilePolicy`
/// makes of its file) reads back into the same model as the built-in, and a registry that
/// holds the built-in takes it as is.
#[test]
fn every_builtin_policy_compiles_to_a_module_of_the_same_model() {
    use supervision_rules::policy::{compile, load_compiled};
    let r = Registry::with_builtins();
    for (id, json) in BUILTIN_SOURCES {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let module = r.compile(value).unwrap_or_else(|e| panic!("{id}: {e}"));
        let builtin = r.get(id).unwrap();
        assert_eq!(
            module,
            compile(builtin).unwrap(),
            "{id}: module = the built-in"
        );
        let read = load_compiled(&module).unwrap();
        assert_eq!(
            compile(&read).unwrap(),
            module,
            "{id}: the module reads back the same"
        );
        let mut holding = Registry::with_builtins();
        let loaded = holding.load_compiled(&module).unwrap();
        assert!(
            std::sync::Arc::ptr_eq(&loaded, builtin),
            "{id}: taken as the built-in"
        );
        let again = holding.load_compiled(&module).unwrap();
        assert!(std::sync::Arc::ptr_eq(&again, builtin), "{id}: and again");
        assert!(!holding.replaced(id), "{id}: nothing replaced");
    }
}

/// A built-in's file changed is not its module: it still needs `replaces`.
#[test]
fn a_changed_builtin_file_still_needs_replaces() {
    let r = Registry::with_builtins();
    let (_, json) = BUILTIN_SOURCES
        .iter()
        .find(|(id, _)| *id == "havering")
        .unwrap();
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["title"] = "Havering, changed".into();
    let e = r.compile(value).unwrap_err();
    assert_eq!(e.code(), "invalid-policy");
    assert!(e.to_string().contains("replaces"), "{e}");
}

/// Issue 22: every timing and template rule of a built-in says its basis in the file itself
/// (a council's own policy may leave it out, meaning `stated`), and a reading says why.
#[test]
fn every_builtin_rule_says_its_basis() {
    for (id, json) in BUILTIN_SOURCES {
        let v: serde_json::Value = serde_json::from_str(json).expect("JSON");
        let rules = v["rules"].as_array().expect("rules").iter();
        let template_rules = v["templates"]
            .as_array()
            .expect("templates")
            .iter()
            .flat_map(|t| t["rules"].as_array().into_iter().flatten());
        for r in rules.chain(template_rules) {
            let at = format!("{id}: {} {}", r["kind"], r["source"]);
            match r["basis"].as_str() {
                // A stated rule with parts that are readings (`readingFor`) says why.
                Some("stated") => assert_eq!(
                    r.get("reading").is_some(),
                    r.get("readingFor").is_some(),
                    "{at}"
                ),
                Some("reading") => {
                    let why = r["reading"].as_str().unwrap_or_default();
                    assert!(why.ends_with('.') && why.len() > 40, "{at}: {why}");
                }
                other => panic!("{at}: basis {other:?}"),
            }
        }
    }
}

/// Issue 22: a rule's note that says the rule "selects the role \"x\"" is held to its
/// `when.roles`; one that says the clause gives no timescale (no deadline, no window, no
/// interval) for what the rule times is held to `basis: "reading"`, since the limit is
/// then ours; one that says `first` is not set is held to its absence.
#[test]
fn rule_notes_agree_with_their_data() {
    let claims_no_time = [
        "No timescale is given",
        "No window is given",
        "sets no interval",
        "No deadline is given",
        "No deadline is set",
    ];
    for p in Registry::with_builtins().all() {
        for r in &p.rules {
            let note = r.note.as_deref().unwrap_or_default();
            let at = format!("{}/{}", p.id, r.id);
            let roles = r.when.roles.clone().unwrap_or_default();
            for part in note.split("selects the role \"").skip(1) {
                let role = part.split('"').next().unwrap_or_default();
                assert!(roles.iter().any(|x| x == role), "{at}: note selects {role}");
            }
            if note.contains("selects no role") {
                assert!(r.when.roles.is_none(), "{at}: note selects no role");
            }
            let rule = serde_json::to_value(r).expect("rule");
            if claims_no_time.iter().any(|c| note.contains(c)) {
                let partly = rule["readingFor"].as_array().is_some_and(|a| !a.is_empty());
                assert!(
                    r.basis == supervision_rules::policy::Basis::Reading || partly,
                    "{at}: the note says the clause sets no time, but the basis is stated"
                );
            }
            if note.contains("neither `first`") {
                assert!(rule.get("first").is_none(), "{at}: note says no first");
            }
        }
    }
}
