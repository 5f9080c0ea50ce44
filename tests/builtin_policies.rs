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
