//! `options.ignore` (issue 12, item 4): a form that collects only part of a template names
//! the fields it does not collect, and their own checks are skipped, so a user is never
//! told to fill in a field the page has no control for.
#![cfg(not(target_arch = "wasm32"))]

mod validate_support;

use serde_json::{json, Value};
use supervision_rules::validate::{validate, ValidateOptions};
use supervision_rules::Error;
use validate_support::*;

#[test]
fn ignored_fields_are_not_checked_and_the_others_still_are() {
    each_template(|p, t| {
        let required = required_in_final(t);
        let Some(first) = required.first() else {
            return;
        };
        let mut record = complete_record(t);
        record.remove(&first.id);
        let options = final_options();
        let without = check(p, t, &record, &options);
        assert!(has(&without, &first.id, "required"), "{}/{}", p.id, t.id);

        let ignoring = ValidateOptions {
            ignore: vec![first.id.clone()],
            ..final_options()
        };
        let report = check(p, t, &record, &ignoring);
        assert!(
            findings(&report).iter().all(|f| f.path != first.id),
            "{}/{}: {:?}",
            p.id,
            t.id,
            codes(&report)
        );
        // Every other required field is still required.
        let report = check(p, t, &serde_json::Map::new(), &ignoring);
        for f in required.iter().skip(1) {
            assert!(
                has(&report, &f.id, "required"),
                "{}/{}.{}",
                p.id,
                t.id,
                f.id
            );
        }
    });
}

#[test]
fn ignore_is_read_from_json_and_a_misspelt_id_is_refused() {
    let registry = supervision_rules::policy::Registry::with_builtins();
    let (p, t) = registry
        .template("havering", "personal-supervision")
        .expect("template");
    let o = ValidateOptions::from_json(&json!({ "ignore": ["supervisorSignature"] })).expect("ok");
    assert_eq!(o.ignore, vec!["supervisorSignature".to_string()]);
    let report = validate(p, t, &json!({}), &o).expect("report");
    assert!(!has(&report, "supervisorSignature", "required"));
    assert!(has(&report, "date", "required"));

    for bad in [json!({ "ignore": "date" }), json!({ "ignore": [1] })] {
        let e = ValidateOptions::from_json(&bad).expect_err("bad");
        assert!(matches!(e, Error::BadArgument { .. }), "{bad}: {e:?}");
    }
    let o = ValidateOptions::from_json(&json!({ "ignore": ["supervisorSignatur"] })).expect("ok");
    let e = validate(p, t, &Value::Object(Default::default()), &o).expect_err("unknown id");
    assert!(matches!(e, Error::BadArgument { .. }));
    assert!(!e.to_string().contains("supervisorSignatur"), "{e}");
}
