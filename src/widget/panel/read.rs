//! Reading the schedule a page hands `renderSchedule` into the core's own types.
//!
//! The schedule may come from anywhere — `schedule()` in this module, a Web Worker's, a
//! server's, a page's slice of one — so it is input, and read as the boundary reads a
//! worker: with `input`'s readers, each problem naming its path. The core's output types
//! have no `Deserialize` of their own (issue 23): they are written, never read back.

use super::super::{bad, js_error};
use crate::finding::{Code, Finding, Run, Severity};
use crate::input::{enum_value, object, Obj};
use crate::schedule::{Obligation, Schedule, Status};
use crate::terms::ObligationKind;
use chrono::NaiveDate;
use serde_json::Value;
use wasm_bindgen::JsValue;

/// The schedule `value`, as `schedule()` writes it.
pub(super) fn schedule(value: &Value) -> Result<Schedule, JsValue> {
    let o = object(value, "schedule").map_err(|_| whole())?;
    let as_of = o.req_date("asOf").map_err(|e| js_error(&e))?;
    let obligations = list(
        &o,
        "obligations",
        "an obligation, as schedule() writes it",
        obligation,
    )?;
    let breaches = list(&o, "breaches", "a finding, as schedule() writes it", breach)?;
    // Optional: a schedule made by hand, or by an older version, may have none.
    let advisories = match o.get("advisories") {
        None => Vec::new(),
        Some(_) => list(
            &o,
            "advisories",
            "a finding, as schedule() writes it",
            breach,
        )?,
    };
    Ok(Schedule {
        as_of,
        obligations,
        breaches,
        advisories,
    })
}

fn whole() -> JsValue {
    bad("schedule", "a schedule, as schedule() returns it")
}

/// The array under `key`, each item read by `read` (`None`: not one, said as `what`).
fn list<T>(
    o: &Obj<'_, Value>,
    key: &str,
    what: &str,
    read: fn(&Value) -> Option<T>,
) -> Result<Vec<T>, JsValue> {
    let path = format!("schedule.{key}");
    let Some(Value::Array(items)) = o.get(key) else {
        return Err(bad(&path, "an array"));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, v)| read(v).ok_or_else(|| bad(&format!("{path}[{i}]"), what)))
        .collect()
}

/// The string under `key` (any length: a reason or a message is no id).
fn text(o: &Obj<'_, Value>, key: &str) -> Option<String> {
    o.get(key)?.as_str().map(str::to_string)
}

/// The string under `key` if there is one (`Some(None)`: absent; `None`: not a string).
fn optional_text(o: &Obj<'_, Value>, key: &str) -> Option<Option<String>> {
    match o.get(key) {
        None => Some(None),
        Some(v) => v.as_str().map(|s| Some(s.to_string())),
    }
}

fn status(v: &Value) -> Option<Status> {
    let name = v.as_str()?;
    Status::ALL.into_iter().find(|s| s.name() == name)
}

fn obligation(v: &Value) -> Option<Obligation> {
    let o = object(v, "").ok()?;
    let kind: ObligationKind = enum_value(o.get("kind")?, "kind", "").ok()?;
    Some(Obligation {
        kind,
        subject: text(&o, "subject")?,
        due: o.req_date("due").ok()?,
        status: status(o.get("status")?)?,
        source: text(&o, "source")?,
        reason: text(&o, "reason")?,
        rule: text(&o, "rule")?,
        reading: optional_text(&o, "reading")?,
    })
}

fn breach(v: &Value) -> Option<Finding> {
    let o = object(v, "").ok()?;
    let severity = match o.get("severity")?.as_str()? {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "advisory" => Severity::Advisory,
        _ => return None,
    };
    let run = match o.opt_object("run").ok()? {
        None => None,
        Some(r) => Some(Run {
            first: r.req_date("first").ok()?,
            last: r.req_date("last").ok()?,
            count: r.opt_u32("count", 0, u32::MAX).ok()??,
        }),
    };
    let optional = |key| optional_text(&o, key);
    Some(Finding {
        path: text(&o, "path")?,
        pointer: optional("pointer")?,
        code: Code::from_name(o.get("code")?.as_str()?)?,
        message: text(&o, "message")?,
        source: text(&o, "source")?,
        severity,
        rule: optional("rule")?,
        run,
        period: None,
        reading: optional("reading")?,
    })
}

/// The sessions held in `owner.sessions`: not cancelled, on or before `as_of`, in date
/// order.
pub(super) fn held(owner: &Value, path: &str, as_of: NaiveDate) -> Result<Vec<NaiveDate>, JsValue> {
    let owner = object(owner, path).map_err(|e| js_error(&e))?;
    let mut sessions = Vec::new();
    for (path, s) in owner.array("sessions").map_err(|e| js_error(&e))? {
        let session = object(s, &path).map_err(|e| js_error(&e))?;
        let date = session.req_date("date").map_err(|e| js_error(&e))?;
        if date <= as_of && session.get("cancelled").is_none() {
            sessions.push(date);
        }
    }
    crate::sort::sort(&mut sessions);
    sessions.dedup();
    Ok(sessions)
}
