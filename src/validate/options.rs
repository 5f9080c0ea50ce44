//! What [`validate`](super::validate()) is asked to do, and what it reports.

use crate::calendar::Calendar;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::input::object;
use crate::json::Json as Value;
use crate::schedule::supervisee::LOOSE;
use crate::schedule::Supervisee;
use chrono::NaiveDate;
use serde::Serialize;

/// Draft or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Saving a draft: nothing blocks.
    Draft,
    /// Finalising the record: errors block.
    #[default]
    Final,
}

/// Options for [`validate`](super::validate()).
#[derive(Debug, Clone, Default)]
pub struct ValidateOptions {
    /// Draft or final (default final).
    pub mode: Mode,
    /// Today's date, for "not in the future" checks; without it they are skipped.
    pub today: Option<NaiveDate>,
    /// The supervisee, for the cadence checks: their role (default `social-worker`), and the
    /// hours, shifts, `fte` and agreed frequency the cadence rules are chosen and counted by
    /// (as in the schedule). What is not given is assumed (full time, no shift pattern, the
    /// policy's own frequency), and a finding that depends on it says so.
    pub supervisee: Supervisee,
    /// The working-day calendar cadences are counted with: the same one the schedule is
    /// given ([`ScheduleOptions::calendar`](crate::schedule::ScheduleOptions)), so the two
    /// agree on a cadence counted in working days.
    pub calendar: Calendar,
    /// Field ids the form does not collect: their own checks (required, type) are skipped.
    /// The template's cross-field rules still read them when present.
    pub ignore: Vec<String>,
}

impl ValidateOptions {
    /// Options with the defaults: final mode, no `today`, the default role, a full-time
    /// worker assumed, the England & Wales calendar, no field ignored.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads `{mode?, today?, role?, ignore?, hours?, shiftsPerMonth?, fte?, frequency?,
    /// worker?}` (`null`/`undefined` = defaults), with the England &
    /// Wales calendar: the caller sets [`calendar`](Self::calendar) to the one it has loaded.
    ///
    /// `worker` is the supervisee as [`schedule`](crate::schedule::schedule) takes them (a
    /// `Worker`): the role, hours, shifts and `fte` are its own (today's, after its last
    /// change), the frequency the one of the agreement in force on `today` (the latest when
    /// `today` is not given), read by the schedule's reader. It stands in for the loose
    /// options `role`, `hours`, `shiftsPerMonth`, `fte` and `frequency`, which cannot be given
    /// beside it.
    ///
    /// # Errors
    /// [`Error::BadArgument`] naming the option.
    pub fn from_json(v: &serde_json::Value) -> Result<Self> {
        ValidateOptions::read(&Value::from(v))
    }

    /// [`ValidateOptions::from_json`] over the value read borrowed (the JS boundary's).
    pub(crate) fn read(v: &Value<'_>) -> Result<Self> {
        if v.is_null() {
            return Ok(Self::default());
        }
        let o = object(v, "options")?;
        let mode = match o.get("mode") {
            None => Mode::Final,
            Some(Value::String(s)) if s == "final" => Mode::Final,
            Some(Value::String(s)) if s == "draft" => Mode::Draft,
            Some(_) => {
                return Err(Error::bad_argument(
                    "options.mode",
                    "\"draft\" or \"final\"",
                ))
            }
        };
        let role = Supervisee::loose_role(&o)?;
        let ignore = match o.get("ignore") {
            None => Vec::new(),
            Some(Value::Array(ids)) => ids
                .iter()
                .map(|id| id.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| Error::bad_argument("options.ignore", "an array of field ids"))?,
            Some(_) => {
                return Err(Error::bad_argument(
                    "options.ignore",
                    "an array of field ids",
                ))
            }
        };
        let today = o.opt_date("today")?;
        if let Some(w) = o.get("worker") {
            if let Some(loose) = LOOSE.iter().find(|k| o.get(k).is_some()) {
                return Err(Error::bad_argument(
                    format!("options.{loose}"),
                    "nothing beside options.worker, which gives the supervisee's role, hours, \
                     shiftsPerMonth, fte and agreed frequency",
                ));
            }
            return Ok(ValidateOptions {
                today,
                ignore,
                ..Self::with_worker(w, mode)?
            });
        }
        Ok(ValidateOptions {
            mode,
            today,
            supervisee: Supervisee::read_loose(&o, role)?,
            calendar: Calendar::england_and_wales(),
            ignore,
        })
    }
}

impl ValidateOptions {
    /// The supervisee from a worker (see [`ValidateOptions::from_json`]); errors name the
    /// path under `options.worker`.
    fn with_worker(w: &Value, mode: Mode) -> Result<Self> {
        let read = object(w, "worker").and_then(|w| Supervisee::read(&w));
        let (_, supervisee) = read.map_err(|e| match e {
            // Every path the reader gives starts at `worker`.
            Error::BadArgument { path, expected } => {
                Error::bad_argument(format!("options.{path}"), expected)
            }
            other => other,
        })?;
        Ok(ValidateOptions {
            mode,
            supervisee,
            ..Self::default()
        })
    }

    /// The frequency of the supervisee's agreement in force on `today` (the latest when
    /// `today` is not given).
    pub(crate) fn frequency(&self) -> Option<crate::calendar::Duration> {
        self.supervisee.frequency_on(self.today)
    }
}

/// The result of validating a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationReport {
    /// No errors (warnings allowed). Always `true` in draft mode.
    pub valid: bool,
    /// Findings that block a final save.
    pub errors: Vec<Finding>,
    /// Findings that inform.
    pub warnings: Vec<Finding>,
}

impl ValidationReport {
    /// The report as JSON text, byte for byte as serde_json writes it (`serde_json::
    /// to_string(&report)`), with no serializer: what `validate` hands to JavaScript.
    ///
    /// # Examples
    /// ```
    /// use supervision_rules::validate::ValidationReport;
    /// let report = ValidationReport { valid: true, errors: vec![], warnings: vec![] };
    /// assert_eq!(report.to_json(), r#"{"valid":true,"errors":[],"warnings":[]}"#);
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    /// [`to_json`](Self::to_json) appended to `out`.
    pub(crate) fn write_json(&self, out: &mut String) {
        out.push_str(if self.valid {
            "{\"valid\":true,\"errors\":"
        } else {
            "{\"valid\":false,\"errors\":"
        });
        crate::finding::write_json_list(&self.errors, out);
        out.push_str(",\"warnings\":");
        crate::finding::write_json_list(&self.warnings, out);
        out.push('}');
    }
}
