//! `options.breaches`: a dashboard asks for what is due without the history's breaches.

use serde_json::json;
use supervision_rules::calendar::parse_date;
use supervision_rules::policy::Registry;
use supervision_rules::schedule::{schedule, Breaches, ScheduleOptions, Worker};

fn options(breaches: Option<&str>) -> ScheduleOptions {
    let mut v = json!({ "asOf": "2026-11-02" });
    if let Some(b) = breaches {
        v["breaches"] = json!(b);
    }
    ScheduleOptions::from_json(
        &v,
        supervision_rules::calendar::Calendar::england_and_wales(),
    )
    .expect("valid options")
}

#[test]
fn breaches_none_leaves_the_history_out_and_changes_nothing_else() {
    let worker: serde_json::Value =
        serde_json::from_str(include_str!("../bench/fixtures/worker.json")).unwrap();
    let worker = Worker::from_json(&worker).unwrap();
    let r = Registry::with_builtins();
    let p = r.get("north-east-lincolnshire").unwrap();
    let all = schedule(p, &worker, &options(None)).unwrap();
    let also_all = schedule(p, &worker, &options(Some("all"))).unwrap();
    let none = schedule(p, &worker, &options(Some("none"))).unwrap();
    assert!(
        !all.breaches.is_empty(),
        "the fixture's history has breaches"
    );
    assert_eq!(
        serde_json::to_value(&all).unwrap(),
        serde_json::to_value(&also_all).unwrap()
    );
    assert!(none.breaches.is_empty());
    assert_eq!(
        serde_json::to_value(&none.obligations).unwrap(),
        serde_json::to_value(&all.obligations).unwrap()
    );
    assert_eq!(options(Some("none")).breaches, Breaches::None);
    assert_eq!(
        ScheduleOptions::new(parse_date("2026-11-02").unwrap()).breaches,
        Breaches::All
    );
}

#[test]
fn breaches_option_refuses_an_unknown_value() {
    let err = ScheduleOptions::from_json(
        &json!({ "asOf": "2026-11-02", "breaches": "compact" }),
        supervision_rules::calendar::Calendar::england_and_wales(),
    )
    .expect_err("an unknown value");
    assert_eq!(err.code(), "bad-argument");
    assert!(err.to_string().contains("options.breaches"), "{err}");
}
