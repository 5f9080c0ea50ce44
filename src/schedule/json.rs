//! The schedule's inputs read from a `serde_json::Value`, for Rust callers: each converts
//! the value to the borrowed form the JS boundary reads ([`crate::json::Json`]) and reads
//! that, so both read alike.

use super::{ScheduleOptions, Worker};
use crate::calendar::Calendar;
use crate::error::Result;
use crate::json::Json;
use serde_json::Value;

impl ScheduleOptions {
    /// Reads `{asOf, dueSoonDays?, closures?, breaches?: 'all' | 'none' | 'runs',
    /// recordsFrom?}`.
    ///
    /// # Errors
    /// [`crate::Error::BadArgument`] naming the option and what was expected.
    pub fn from_json(v: &Value, calendar: Calendar) -> Result<Self> {
        ScheduleOptions::read(&Json::from(v), calendar)
    }
}

impl Worker {
    /// Reads a worker from the JS contract's shape.
    ///
    /// # Errors
    /// [`crate::Error::BadArgument`] naming the first bad field (`worker.sessions[2].date`)
    /// and what was expected there.
    pub fn from_json(v: &Value) -> Result<Self> {
        Worker::read(&Json::from(v))
    }
}
