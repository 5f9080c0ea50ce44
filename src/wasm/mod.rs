//! The wasm-bindgen boundary: converts JS values in and out and core errors into JS
//! `Error`s. No rule lives here.
//!
//! Every export returns `Result<_, JsValue>`; an `Err` becomes a thrown JS `Error` whose
//! `message` names the argument and what was expected (never the value given), with a
//! `code` property (`unknown-policy`, `bad-argument`, …) and, for an invalid policy, a
//! `problems` array of `{path, expected}`.
//!
//! The npm package has five builds of this crate, one per entry point: the core (these
//! exports), `widget` (and `src/widget`'s), `authoring` (and [`authoring`]'s), `base` (these,
//! no built-in policies) and `form` (these without the `schedule` feature's).

/// The allocator of the one-council builds (no built-in policies: `base`, `form`,
/// `widget/base`, `widget/form`): talc, 2.6 KB gzipped smaller than the standard library's
/// dlmalloc. The builds with the built-ins (the core, `widget`, `authoring`), where issue 20's
/// speed targets are measured, keep dlmalloc: with talc `scheduleMany` (10,000 children) took
/// 114 ms CPU against 107 (BENCHMARKS.md, "Stop 30").
#[cfg(not(feature = "builtins"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "authoring")]
mod authoring;
mod bounds;
mod convert;
// Not in the form build (no `schedule`): its index.js and .wasm stay as small as they were.
#[cfg(feature = "schedule")]
mod encoded;
#[cfg(feature = "schedule")]
mod labels;
mod schema;
mod state;
mod types;

#[cfg(feature = "authoring")]
pub use authoring::{check_policy, compile_policy, register_policy};
#[cfg(feature = "schedule")]
pub use encoded::{schedule_many_encoded, validate_encoded};
pub use schema::json_schema;

#[cfg(any(feature = "authoring", feature = "widget"))]
pub(crate) use convert::from_js;
#[cfg(any(feature = "authoring", feature = "widget"))]
pub(crate) use convert::to_js;
#[cfg(feature = "schedule")]
pub(crate) use convert::written_to_js;
pub(crate) use convert::{
    bad, borrowed, json_text, not_data, string_arg, text_arg, to_js_written, JsResult,
};
pub(crate) use state::{calendar, with_registry, with_registry_mut, with_template};
use state::{PUBLISHED, REGISTRY};

use crate::calendar::{format_date, parse_date, PublishedList};
use crate::error::Error;
use crate::json::Json;
#[cfg(feature = "schedule")]
use crate::schedule::{schedule as core_schedule, schedule_many_written, write_schedule};
#[cfg(feature = "schedule")]
use crate::schedule::{schedule_team as core_schedule_team, ScheduleOptions, Team, Worker};
use crate::validate::{validate_read, ValidateOptions};
use chrono::Datelike;
use wasm_bindgen::prelude::*;
#[cfg(feature = "schedule")]
use wasm_bindgen::JsCast;

/// Every registered policy: `{id, authority, title}`.
#[wasm_bindgen(unchecked_return_type = "PolicySummary[]")]
pub fn policies() -> JsResult {
    REGISTRY.with(|r| {
        let r = r.borrow();
        to_js_written(|out| {
            out.push('[');
            for (i, p) in r.all().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                types::PolicySummary::from(p.as_ref()).write_json(out);
            }
            out.push(']');
        })
    })
}

/// One policy, with its roles, rules and templates.
#[wasm_bindgen(unchecked_return_type = "Policy")]
pub fn policy(#[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> JsResult {
    let id = string_arg(&id, "id")?;
    REGISTRY.with(|r| {
        let r = r.borrow();
        let p = r.get(&id)?;
        match r.policy_text(&id) {
            // Loaded compiled: the text compile wrote of it.
            Some(text) => to_js_written(|out| out.push_str(text)),
            None => to_js_model(p.as_ref()),
        }
    })
}

/// One template of a policy.
#[wasm_bindgen(unchecked_return_type = "Template")]
pub fn template(
    #[wasm_bindgen(js_name = policyId, unchecked_param_type = "string")] policy_id: JsValue,
    #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
) -> JsResult {
    let policy_id = string_arg(&policy_id, "policyId")?;
    let template_id = string_arg(&template_id, "templateId")?;
    with_registry(|r| {
        let (p, t) = r.template(&policy_id, &template_id)?;
        match r.template_text(&p.id, &t.id) {
            // Loaded compiled: the template's text as compile wrote it.
            Some(text) => to_js_written(|out| out.push_str(text)),
            None => to_js_model(t),
        }
    })
}

/// A policy or template written by serde_json, in a build that has policies not loaded
/// compiled (built-ins, or registered by authoring).
#[cfg(any(feature = "builtins", feature = "authoring"))]
fn to_js_model<T: serde::Serialize>(value: &T) -> JsResult {
    convert::to_js(value)
}

/// Without built-ins or authoring every policy was loaded compiled, and is handed over as
/// its text ([`Registry::policy_text`](crate::policy::Registry)): no writer of the model.
#[cfg(not(any(feature = "builtins", feature = "authoring")))]
fn to_js_model<T>(_: &T) -> JsResult {
    Err(bad("result", "a policy loaded compiled"))
}

/// Validates a record against a template: `{valid, errors, warnings}`.
#[wasm_bindgen(unchecked_return_type = "ValidationReport")]
pub fn validate(
    #[wasm_bindgen(js_name = policyId, unchecked_param_type = "string")] policy_id: JsValue,
    #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] record: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsResult {
    let policy_id = string_arg(&policy_id, "policyId")?;
    let template_id = string_arg(&template_id, "templateId")?;
    if !record.is_object() || js_sys::Array::is_array(&record) {
        return Err(bad("record", "an object keyed by field id"));
    }
    // The ids first: with an unknown one, nothing of the record is read.
    with_registry(|r| r.template(&policy_id, &template_id).map(|_| ()))?;
    let record = json_text(&record, "record")?;
    let record = borrowed(&record, "record")?;
    let options = json_text(&options, "options")?;
    let mut options = ValidateOptions::read(&borrowed(&options, "options")?)?;
    options.calendar = calendar();
    with_registry(|r| {
        let (p, t) = r.template(&policy_id, &template_id)?;
        let report = validate_read(p, t, &record, &options)?;
        to_js_written(|out| report.write_json(out))
    })
}

#[cfg(feature = "schedule")]
/// The schedule's options, read borrowed, with the calendar loaded.
fn schedule_options(options: &JsValue) -> JsResult<ScheduleOptions> {
    let text = json_text(options, "options")?;
    Ok(ScheduleOptions::read(
        &borrowed(&text, "options")?,
        calendar(),
    )?)
}

#[cfg(feature = "schedule")]
/// A worker's schedule: obligations with statuses, and past breaches.
#[wasm_bindgen(unchecked_return_type = "Schedule")]
pub fn schedule(
    #[wasm_bindgen(js_name = policyId, unchecked_param_type = "string")] policy_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Worker")] worker: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ScheduleOptions")] options: JsValue,
) -> JsResult {
    let policy_id = string_arg(&policy_id, "policyId")?;
    let worker = json_text(&worker, "worker")?;
    let worker = Worker::read(&borrowed(&worker, "worker")?)?;
    let options = schedule_options(&options)?;
    with_registry(|r| {
        let policy = r.get(&policy_id)?;
        written_to_js(|out| {
            Ok(write_schedule(
                out,
                &core_schedule(policy, &worker, &options)?,
            ))
        })
    })
}

#[cfg(feature = "schedule")]
/// Schedules for many workers in one call (a team dashboard crosses the boundary once).
#[wasm_bindgen(js_name = scheduleMany, unchecked_return_type = "Schedule[]")]
pub fn schedule_many(
    #[wasm_bindgen(js_name = policyId, unchecked_param_type = "string")] policy_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Worker[]")] workers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ScheduleOptions")] options: JsValue,
) -> JsResult {
    let policy_id = string_arg(&policy_id, "policyId")?;
    // On the JS length, before anything of a worker is read.
    if let Some(list) = workers.dyn_ref::<js_sys::Array>() {
        crate::limits::WORKERS.check(list.length() as usize, || "workers".into())?;
    }
    let workers = json_text(&workers, "workers")?;
    let Json::Array(list) = borrowed(&workers, "workers")? else {
        return Err(bad("workers", "an array of workers"));
    };
    let options = schedule_options(&options)?;
    with_registry(|r| {
        let policy = r.get(&policy_id)?;
        written_to_js(|out| schedule_many_written(policy, &list, &options, out))
    })
}

#[cfg(feature = "schedule")]
/// A team's own duties (group supervision, file audits, observation of supervisors), in the
/// same shape as a worker's schedule.
#[wasm_bindgen(js_name = scheduleTeam, unchecked_return_type = "Schedule")]
pub fn schedule_team(
    #[wasm_bindgen(js_name = policyId, unchecked_param_type = "string")] policy_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Team")] team: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ScheduleOptions")] options: JsValue,
) -> JsResult {
    let policy_id = string_arg(&policy_id, "policyId")?;
    let team = json_text(&team, "team")?;
    let team = Team::read(&borrowed(&team, "team")?)?;
    let options = schedule_options(&options)?;
    with_registry(|r| {
        let policy = r.get(&policy_id)?;
        written_to_js(|out| {
            Ok(write_schedule(
                out,
                &core_schedule_team(policy, &team, &options)?,
            ))
        })
    })
}

/// The N-th working day after `date` (weekends, England & Wales bank holidays and the
/// given closure days skipped).
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string[]")] closures: JsValue,
) -> JsResult<String> {
    let date = json_text(&date, "date")?;
    let d = crate::input::date(&borrowed(&date, "date")?, "date")?;
    let n = days
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=100_000.0).contains(n))
        .ok_or_else(|| bad("days", "a whole number from 0 to 100000"))?;
    let closures = json_text(&closures, "closures")?;
    let closures = match borrowed(&closures, "closures")? {
        Json::Null => Vec::new(),
        Json::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| crate::input::date(v, &format!("closures[{i}]")))
            .collect::<Result<Vec<_>, _>>()?,
        _ => return Err(bad("closures", "an array of dates as YYYY-MM-DD")),
    };
    // Whole and in range, checked above.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = n as u32;
    calendar()
        .with_closures(closures)
        .add_working_days(d, n)
        .filter(|d| d.year() <= 9999)
        .map(format_date)
        .ok_or_else(|| Error::DateOutOfRange.into())
}

/// England & Wales bank holidays in a year (1970–2100 computed; a loaded published list
/// takes precedence for the years it covers).
#[wasm_bindgen(js_name = bankHolidays)]
pub fn bank_holidays(
    #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
) -> JsResult<Vec<String>> {
    let y = year
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (1.0..=9999.0).contains(n))
        .ok_or_else(|| bad("year", "a whole number from 1 to 9999"))?;
    // Whole and in range, checked above.
    #[allow(clippy::cast_possible_truncation)]
    let y = y as i32;
    Ok(calendar()
        .bank_holidays(y)
        .into_iter()
        .map(format_date)
        .collect())
}

/// Loads the published list of bank holidays (gov.uk's `bank-holidays.json`, or its
/// `england-and-wales` division `{division, events:[{title, date}]}`), so a future
/// proclamation needs no release. Returns how many dates were loaded.
#[wasm_bindgen(js_name = loadBankHolidays)]
pub fn load_bank_holidays(
    #[wasm_bindgen(unchecked_param_type = "object | string")] list: JsValue,
) -> JsResult<u32> {
    // Read borrowed, like a record: no `serde_json::Value` in the builds for pages.
    let (text, given) = match text_arg(&list, "list")? {
        Some(text) => (Some(text.into_bytes()), true),
        None => (json_text(&list, "list")?, false),
    };
    let value = match &text {
        Some(text) if given => Json::parse(text).ok_or_else(|| bad("list", "valid JSON"))?,
        _ => borrowed(&text, "list")?,
    };
    let list = PublishedList::read_gov_uk(&value)?;
    let count = list.dates().count();
    PUBLISHED.with(|p| *p.borrow_mut() = Some(list));
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Parses a date strictly (`YYYY-MM-DD`, a real calendar date); returns it normalised.
#[wasm_bindgen(js_name = parseDate)]
pub fn parse_date_js(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
) -> JsResult<String> {
    let s = string_arg(&date, "date")?;
    parse_date(&s)
        .map(format_date)
        .map_err(|e| bad("date", &e.to_string()))
}

/// Registers a council's policy compiled by the authoring entry point's `compilePolicy`
/// (or `npx supervision-rules compile`), without reading or checking it again.
#[wasm_bindgen(js_name = loadPolicy, unchecked_return_type = "PolicySummary")]
pub fn load_policy(#[wasm_bindgen(unchecked_param_type = "string")] compiled: JsValue) -> JsResult {
    let text = text_arg(&compiled, "compiled")?.ok_or_else(|| bad("compiled", "a string"))?;
    let p = with_registry_mut(|r| r.load_compiled(&text))?;
    to_js_written(|out| types::PolicySummary::from(p.as_ref()).write_json(out))
}
