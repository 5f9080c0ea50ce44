//! `validate` and `scheduleMany` in one crossing (issue 20): the call as
//! `js/fast-validate.js` encodes it (the ids, the options and the reduced record, or the
//! workers; `crate::json::bytes`), read borrowed. Internal to the entry points' `validate`
//! and `scheduleMany`: not in the package's types. Built with `schedule` (every entry point
//! but the form's, whose size is held: BENCHMARKS.md, "Issue 20, speed").

use super::{calendar, with_registry, JsResult};
use crate::json::bytes::Bytes;
use crate::json::Json;
#[cfg(feature = "schedule")]
use crate::schedule::{schedule_many_written, ScheduleOptions};
use crate::validate::{validate_read, ValidateOptions};
use wasm_bindgen::prelude::*;

/// `validate(policyId, templateId, record, options)` from its encoding: the same report or
/// the same error as the exported `validate` gives for the record JavaScript reduced.
/// `undefined` when the bytes are not the encoding (JavaScript then takes the slow way).
#[wasm_bindgen(js_name = __validateEncoded, skip_typescript)]
pub fn validate_encoded(call: &[u8]) -> JsResult {
    let mut bytes = Bytes::new(call);
    let (Some(policy_id), Some(template_id), Some(options), Some(record)) =
        (bytes.text(), bytes.text(), bytes.value(), bytes.value())
    else {
        return Ok(JsValue::UNDEFINED);
    };
    if !bytes.done() || !matches!(record, Json::Object(_)) {
        return Ok(JsValue::UNDEFINED);
    }
    // As `validate`: the ids first, then the options.
    with_registry(|r| r.template(policy_id, template_id).map(|_| ()))?;
    let mut options = ValidateOptions::read(&options)?;
    options.calendar = calendar();
    with_registry(|r| {
        let (p, t) = r.template(policy_id, template_id)?;
        let report = validate_read(p, t, &record, &options)?;
        super::to_js_written(|out| report.write_json(out))
    })
}

/// `scheduleMany(policyId, workers, options)` from its encoding: the same schedules or the
/// same error as the exported `scheduleMany` gives. `undefined` when the bytes are not the
/// encoding of an id, an array and the options.
#[wasm_bindgen(js_name = __scheduleManyEncoded, skip_typescript)]
pub fn schedule_many_encoded(call: &[u8]) -> JsResult {
    let mut bytes = Bytes::new(call);
    let (Some(policy_id), Some(Json::Array(workers)), Some(options)) =
        (bytes.text(), bytes.value(), bytes.value())
    else {
        return Ok(JsValue::UNDEFINED);
    };
    if !bytes.done() {
        return Ok(JsValue::UNDEFINED);
    }
    // As `scheduleMany`: the workers read, then the options, then the policy looked up.
    let options = ScheduleOptions::read(&options, calendar())?;
    with_registry(|r| {
        let policy = r.get(policy_id)?;
        super::written_to_js(|out| schedule_many_written(policy, &workers, &options, out))
    })
}
