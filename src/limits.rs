//! How much one call accepts: the most sessions, cases, events, changes, requests, workers,
//! rows, rules and templates, and the longest id and input. Each is far above a real
//! council's worst case (a social worker has some 30 children and some 25 sessions a year;
//! a council's policy has some 40 rules), so only broken or hostile input meets one.
//!
//! A limit is checked on an array's length before any element is read, and refused with
//! a `bad-argument` error naming the path and the limit, never the value: the JS boundary
//! checks every JS array's length against [`ANY_ARRAY`] before the value is converted
//! (`src/wasm/bounds.rs`, which also counts [`VALUES`] and refuses non-finite numbers), and
//! the core's readers check each kind's own limit on the JSON before reading an element. The readers of
//! policies, records and workers take their limits from here, so a new reader keeps them.
//! docs/bad-inputs.md lists them.

use crate::error::{Error, Result};

/// The most items of one kind that one call accepts, and what they are called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// What is counted, in the plural: `"sessions"`.
    pub what: &'static str,
    /// The most accepted.
    pub max: usize,
}

impl Limit {
    /// An error unless `len` is within the limit; `path` is made only for the error.
    ///
    /// # Errors
    /// [`Error::BadArgument`] at `path`, naming the limit.
    pub fn check(&self, len: usize, path: impl FnOnce() -> String) -> Result<()> {
        if len <= self.max {
            Ok(())
        } else {
            Err(self.error(path()))
        }
    }

    /// The error for an array at `path` longer than the limit.
    pub fn error(&self, path: impl Into<String>) -> Error {
        Error::bad_argument(
            path,
            format!("at most {} {} in one call (the limit)", self.max, self.what),
        )
    }
}

const fn limit(what: &'static str, max: usize) -> Limit {
    Limit { what, max }
}

/// Sessions of one worker (`worker.sessions`): 2,000 years of weekly sessions.
pub const SESSIONS: Limit = limit("sessions", 100_000);
/// Children on one worker's caseload (`worker.cases`).
pub const CASES: Limit = limit("cases", 10_000);
/// Events of one case (`cases[].events`), and the dates it was discussed.
pub const EVENTS: Limit = limit("events", 10_000);
/// Dated changes of role, hours or `fte` of one worker (`worker.changes`).
pub const CHANGES: Limit = limit("changes", 10_000);
/// Requests, contacts, incidents, reviews, absences, observations of one worker, and the
/// group sessions and audits of one team: each list.
pub const REQUESTS: Limit = limit("entries", 100_000);
/// Workers in one `scheduleMany` call.
pub const WORKERS: Limit = limit("workers", 20_000);
/// Supervisors of one team.
pub const SUPERVISORS: Limit = limit("supervisors", 10_000);
/// Closure days (`options.closures`) and bank holidays loaded.
pub const DAYS: Limit = limit("dates", 100_000);
/// Rows of one table field of a record (`actions`, `children`), and fields of a record.
pub const ROWS: Limit = limit("rows", 10_000);
/// Rules of one policy (and of one template).
pub const RULES: Limit = limit("rules", 2_000);
/// Templates (and roles) of one policy.
pub const TEMPLATES: Limit = limit("templates", 200);
/// Sections of one template, fields of one section, options of one field.
pub const FIELDS: Limit = limit("fields", 1_000);
/// Any other array anywhere in an argument (read by no reader, but converted).
pub const ANY_ARRAY: Limit = limit("items in any one array", 100_000);
/// Values (objects, arrays, strings, numbers) in one argument, all levels together.
pub const VALUES: Limit = limit("values in all", 5_000_000);

/// The longest id or other short string a reader keeps (a worker, case, contact or
/// supervisor id, a role): ids are repeated in every result that concerns them.
pub const ID_CHARS: usize = 1_000;

/// The longest argument, as JSON text in UTF-16 code units (record text included: a 10 MB
/// text field is accepted).
pub const INPUT_CHARS: usize = 64 * 1024 * 1024;

/// The limit on the array under `key` in a worker, a team, options or a case.
pub fn of_key(key: &str) -> Limit {
    match key {
        "sessions" => SESSIONS,
        "cases" => CASES,
        "events" | "discussed" => EVENTS,
        "changes" | "agreements" => CHANGES,
        "supervisors" => SUPERVISORS,
        "closures" | "observed" => DAYS,
        _ => REQUESTS,
    }
}

/// An error unless the id at `path` is at most [`ID_CHARS`] characters long.
///
/// # Errors
/// [`Error::BadArgument`] naming the path and the limit.
pub fn check_id(id: &str, path: impl FnOnce() -> String) -> Result<()> {
    if id.chars().count() <= ID_CHARS {
        Ok(())
    } else {
        Err(Error::bad_argument(
            path(),
            format!("a string of at most {ID_CHARS} characters"),
        ))
    }
}

/// Arrays whose lengths a reader checks before reading an element: under `key`, at most
/// `limit`, and in each element the arrays of `inner`.
#[derive(Debug)]
pub struct ArrayAt {
    /// The member holding the array.
    pub key: &'static str,
    /// Its limit.
    pub limit: Limit,
    /// The arrays inside each of its elements.
    pub inner: &'static [ArrayAt],
}

const fn at(key: &'static str, limit: Limit) -> ArrayAt {
    ArrayAt {
        key,
        limit,
        inner: &[],
    }
}

/// The arrays of a policy.
pub const POLICY: &[ArrayAt] = &[
    at("roles", TEMPLATES),
    at("rules", RULES),
    ArrayAt {
        key: "templates",
        limit: TEMPLATES,
        inner: &[
            at("rules", RULES),
            ArrayAt {
                key: "sections",
                limit: FIELDS,
                inner: &[ArrayAt {
                    key: "fields",
                    limit: FIELDS,
                    inner: &[at("options", FIELDS)],
                }],
            },
        ],
    },
    at("remove", RULES),
];

/// Checks the arrays of `shape` in `v` (at `path`) against their limits, outer before inner,
/// each before any of its elements is read. A member that is not an array is left to the
/// reader, which says what it expected.
///
/// # Errors
/// [`Error::BadArgument`] at the first array over its limit.
pub fn check_value(v: &serde_json::Value, shape: &[ArrayAt], path: &str) -> Result<()> {
    let serde_json::Value::Object(map) = v else {
        return Ok(());
    };
    for a in shape {
        let Some(serde_json::Value::Array(items)) = map.get(a.key) else {
            continue;
        };
        let here = || join(path, a.key);
        a.limit.check(items.len(), here)?;
        if !a.inner.is_empty() {
            for (i, item) in items.iter().enumerate() {
                check_value(item, a.inner, &format!("{}[{i}]", here()))?;
            }
        }
    }
    Ok(())
}

/// `path.key`, or `key` at the top.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_names_the_path_and_the_limit() {
        let e = SESSIONS
            .check(100_001, || "worker.sessions".into())
            .expect_err("over");
        assert_eq!(
            e.to_string(),
            "worker.sessions: expected at most 100000 sessions in one call (the limit)"
        );
        assert!(SESSIONS.check(100_000, || unreachable!()).is_ok());
        assert!(check_id(&"x".repeat(1_001), || "worker.id".into()).is_err());
        assert!(check_id(&"é".repeat(1_000), || unreachable!()).is_ok());
    }
}
