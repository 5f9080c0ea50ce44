//! Schedules for many workers in one call: a team's dashboard reads them at once.

use super::{schedule, Schedule, ScheduleOptions, Worker};
use crate::error::{Error, Result};
use crate::policy::Policy;
use serde_json::Value;

/// The schedule of each worker in `workers` (the JS contract's `Worker[]`), in order.
///
/// # Errors
/// [`Error::BadArgument`] naming the worker by its place in the list
/// (`workers[3].sessions[0].date`), or the first error a schedule gives.
pub fn schedule_many(
    policy: &Policy,
    workers: &[Value],
    options: &ScheduleOptions,
) -> Result<Vec<Schedule>> {
    crate::limits::WORKERS.check(workers.len(), || "workers".into())?;
    workers
        .iter()
        .enumerate()
        .map(|(i, w)| {
            // An error about the worker names it by its place in the list.
            let place = |e| match e {
                Error::BadArgument { path, expected } => Error::bad_argument(
                    path.replacen("worker", &format!("workers[{i}]"), 1),
                    expected,
                ),
                other => other,
            };
            let worker = Worker::from_json(w).map_err(place)?;
            schedule(policy, &worker, options).map_err(place)
        })
        .collect()
}
