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

#[cfg(feature = "authoring")]
mod authoring;
mod bounds;
// Not in the form build (no `schedule`): its index.js and .wasm stay as small as they were.
#[cfg(feature = "schedule")]
mod encoded;
#[cfg(feature = "schedule")]
mod labels;
mod schema;
mod types;

#[cfg(feature = "authoring")]
pub use authoring::{check_policy, compile_policy, register_policy};
#[cfg(feature = "schedule")]
pub use encoded::{schedule_many_encoded, validate_encoded};
pub use schema::json_schema;

use crate::calendar::{format_date, parse_date, Calendar, PublishedList};
use crate::error::Error;
use crate::json::Json;
use crate::policy::Registry;
#[cfg(feature = "schedule")]
use crate::schedule::{schedule as core_schedule, schedule_many_read};
#[cfg(feature = "schedule")]
use crate::schedule::{schedule_team as core_schedule_team, ScheduleOptions, Team, Worker};
use crate::validate::{validate_read, ValidateOptions};
use chrono::Datelike;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::with_builtins());
    static PUBLISHED: RefCell<Option<PublishedList>> = const { RefCell::new(None) };
    /// [`to_js`]'s buffer.
    static OUT: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Runs `f` with the registry the exports use, so the widget sees the policies a page
/// registered or loaded.
pub(crate) fn with_registry<R>(f: impl FnOnce(&Registry) -> R) -> R {
    REGISTRY.with(|r| f(&r.borrow()))
}

/// Runs `f` with the registry, to add a policy to it.
fn with_registry_mut<R>(f: impl FnOnce(&mut Registry) -> R) -> R {
    REGISTRY.with(|r| f(&mut r.borrow_mut()))
}

type JsResult<T = JsValue> = Result<T, JsValue>;

/// A JS `Error` carrying the core error's message, `code` and `problems`.
impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        let err = js_sys::Error::new(&e.to_string());
        let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code().into());
        if let Error::InvalidPolicy(problems) = &e {
            if let Ok(list) = to_js_written(|out| crate::error::write_problems(problems, out)) {
                let _ = js_sys::Reflect::set(&err, &"problems".into(), &list);
            }
        }
        err.into()
    }
}

pub(crate) fn bad(path: &str, expected: &str) -> JsValue {
    Error::bad_argument(path, expected).into()
}

/// A result as a JS value: written as JSON text in wasm and read by the engine's
/// `JSON.parse`, which is much faster than setting one property at a time across the
/// boundary (a team's schedules are tens of thousands of objects).
///
/// The text is written into a buffer kept between calls (a team's schedules are megabytes:
/// a fresh `String` grew and was copied a dozen times) and read by `JSON.parse` straight
/// from the module's memory.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult {
    // Taken, not borrowed: a `to_js` while this one runs (none does) gets a new buffer.
    let mut text = OUT.take();
    text.clear();
    let written = serde_json::to_writer(&mut text, value).is_ok();
    parsed(text, written)
}

/// A result written as JSON text by `write` (a writer of the crate's own, with no
/// serializer: the validation report), read by `JSON.parse` as [`to_js`]'s is.
pub(crate) fn to_js_written(write: impl FnOnce(&mut String)) -> JsResult {
    let mut text = OUT.take();
    text.clear();
    // Empty, so UTF-8.
    let mut out = String::from_utf8(text).unwrap_or_default();
    write(&mut out);
    parsed(out.into_bytes(), true)
}

/// [`to_js`]'s text read by `JSON.parse` (apart: not one copy per type written).
fn parsed(text: Vec<u8>, written: bool) -> JsResult {
    let js = written.then(|| bounds::parse_json(&text).ok()).flatten();
    // A buffer over 16 MB is not kept.
    if text.capacity() <= 16_777_216 {
        OUT.set(text);
    }
    js.ok_or_else(|| bad("result", "a value that converts to JavaScript"))
}

/// A JS value as JSON. `undefined` becomes `null`.
///
/// The value is walked and written as JSON text in JavaScript, and the text copied into
/// wasm memory in one piece ([`bounds::text`]), instead of crossing the boundary once per
/// property. So the value is read as a request body would be: functions, symbols and
/// `undefined` properties are left out, a `Date` becomes its ISO text; a `BigInt` is a
/// `bad-argument` error. Before that, the walk refuses an array over its limit (on its
/// length, before any element is read), too many values, data nested deeper than 32 levels
/// (a cycle), a non-finite number and a typed array; the text is refused over
/// [`crate::limits::INPUT_CHARS`] before it is copied into the module.
#[cfg(any(feature = "authoring", feature = "widget"))]
pub(crate) fn from_js(v: JsValue, path: &str) -> JsResult<serde_json::Value> {
    match json_text(&v, path)? {
        None => Ok(serde_json::Value::Null),
        Some(text) => serde_json::from_slice(&text).map_err(|_| not_data(path)),
    }
}

/// A JS value's JSON text, as [`from_js`] reads it (`None` for `undefined`), for reading
/// borrowed with [`borrowed`].
pub(crate) fn json_text(v: &JsValue, path: &str) -> JsResult<Option<Vec<u8>>> {
    if v.is_undefined() {
        return Ok(None);
    }
    let text = bounds::text(v, path)?;
    types::check_depth(&text, path)?;
    Ok(Some(text))
}

/// [`json_text`]'s text read borrowed: records and workers are read without a
/// `serde_json::Value` tree.
pub(crate) fn borrowed<'t>(text: &'t Option<Vec<u8>>, path: &str) -> JsResult<Json<'t>> {
    match text {
        None => Ok(Json::Null),
        Some(text) => Json::parse(text).ok_or_else(|| not_data(path)),
    }
}

/// The error for an argument that is not JSON-like data.
pub(crate) fn not_data(path: &str) -> JsValue {
    bad(
        path,
        "plain JSON-like data (objects, arrays, strings, numbers, booleans)",
    )
}

/// A string argument of at most [`crate::limits::ID_CHARS`] characters (an id, a date),
/// checked on its length before it is copied into the module.
pub(crate) fn string_arg(v: &JsValue, path: &str) -> JsResult<String> {
    let s = v
        .dyn_ref::<js_sys::JsString>()
        .ok_or_else(|| bad(path, "a string"))?;
    if s.length() as usize > crate::limits::ID_CHARS {
        return Err(bad(
            path,
            &format!("a string of at most {} characters", crate::limits::ID_CHARS),
        ));
    }
    Ok(String::from(s))
}

/// A text argument (policy JSON, a compiled policy) of at most
/// [`crate::limits::INPUT_CHARS`], checked on its length before it is copied.
pub(crate) fn text_arg(v: &JsValue, path: &str) -> JsResult<Option<String>> {
    let Some(s) = v.dyn_ref::<js_sys::JsString>() else {
        return Ok(None);
    };
    bounds::text_length(s, path)?;
    Ok(Some(String::from(s)))
}

pub(crate) fn calendar() -> Calendar {
    let cal = Calendar::england_and_wales();
    match PUBLISHED.with(|p| p.borrow().clone()) {
        Some(list) => cal.with_published(list),
        None => cal,
    }
}

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
fn to_js_model<T: Serialize>(value: &T) -> JsResult {
    to_js(value)
}

/// Without built-ins or authoring every policy was loaded compiled, and is handed over as
/// its text ([`Registry::policy_text`](crate::policy::Registry)): no writer of the model.
#[cfg(not(any(feature = "builtins", feature = "authoring")))]
fn to_js_model<T>(_: &T) -> JsResult {
    Err(bad("result", "a policy loaded compiled"))
}

/// Reads the two id arguments and runs `f` on the policy and template they name.
pub(crate) fn with_template(
    policy_id: &JsValue,
    template_id: &JsValue,
    f: impl FnOnce(&crate::policy::Policy, &crate::policy::Template) -> JsResult,
) -> JsResult {
    let policy_id = string_arg(policy_id, "policyId")?;
    let template_id = string_arg(template_id, "templateId")?;
    REGISTRY.with(|r| {
        let r = r.borrow();
        let (p, t) = r.template(&policy_id, &template_id)?;
        f(p, t)
    })
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
    with_registry(|r| to_js(&core_schedule(r.get(&policy_id)?, &worker, &options)?))
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
    with_registry(|r| to_js(&schedule_many_read(r.get(&policy_id)?, &list, &options)?))
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
    with_registry(|r| to_js(&core_schedule_team(r.get(&policy_id)?, &team, &options)?))
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
