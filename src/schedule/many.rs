//! Schedules for many workers in one call: a team's dashboard reads them at once.

use super::judge::schedule;
use super::output::Schedule;
use super::{ScheduleOptions, Worker};
use crate::error::{Error, Result};
use crate::json::Json;
use crate::schedule::Rulebook;
use serde_json::Value;

/// The schedule of each worker in `workers` (the JS contract's `Worker[]`), in order.
///
/// # Errors
/// [`Error::BadArgument`] naming the worker by its place in the list
/// (`workers[3].sessions[0].date`), or the first error a schedule gives.
pub fn schedule_many<P: Rulebook + ?Sized>(
    policy: &P,
    workers: &[Value],
    options: &ScheduleOptions,
) -> Result<Vec<Schedule>> {
    crate::limits::WORKERS.check(workers.len(), || "workers".into())?;
    let each = workers.iter().enumerate();
    each.map(|(i, w)| one(policy, i, &Json::from(w), options))
        .collect()
}

/// [`schedule_many`] over the workers read borrowed (the JS boundary's), each schedule
/// written to `out` as JSON text (`super::write`) as soon as it is worked out: the JSON
/// array of them, or `Ok(false)` when one could not be written.
///
/// # Errors
/// As [`schedule_many`].
#[cfg(all(target_arch = "wasm32", feature = "schedule"))]
pub(crate) fn schedule_many_written<P: Rulebook + ?Sized>(
    policy: &P,
    workers: &[Json<'_>],
    options: &ScheduleOptions,
    out: &mut Vec<u8>,
) -> Result<bool> {
    crate::limits::WORKERS.check(workers.len(), || "workers".into())?;
    out.push(b'[');
    for (i, w) in workers.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if !super::write::schedule(out, &one(policy, i, w, options)?) {
            return Ok(false);
        }
    }
    out.push(b']');
    Ok(true)
}

/// The schedule of the worker at `i`, an error naming it by its place in the list.
fn one<P: Rulebook + ?Sized>(
    policy: &P,
    i: usize,
    w: &Json<'_>,
    options: &ScheduleOptions,
) -> Result<Schedule> {
    // An error about the worker, read or scheduled, names it by its place in the list.
    let place = |e| match e {
        Error::BadArgument { path, expected } => Error::bad_argument(
            path.replacen("worker", &format!("workers[{i}]"), 1),
            expected,
        ),
        other => other,
    };
    let worker = Worker::read(w).map_err(place)?;
    schedule(policy, &worker, options).map_err(place)
}
