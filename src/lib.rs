//! # supervision-rules
//!
//! Children's-services supervision policies as data, and the two things a case-record form
//! needs before it saves: **template validation** (required fields and sections,
//! signatures, actions with who and by when, contradictory dates, council rules) and
//! **due-date calculation** (what is due when, what is overdue, which past gaps broke the
//! policy, for a worker and each child on their caseload).
//!
//! The core is plain Rust: [`policy`] (the data model and registry), [`calendar`] (dates,
//! working days, England & Wales bank holidays), [`schedule`] and [`validate`]. The
//! WebAssembly boundary (`src/wasm`) and the DOM widget (`src/widget`) are compiled only for
//! `wasm32` and add no logic of their own.
//!
//! ```
//! use supervision_rules::policy::Registry;
//! use supervision_rules::validate::{validate, ValidateOptions};
//!
//! let registry = Registry::with_builtins();
//! let (policy, template) = registry.template("havering", "personal-supervision")?;
//! let report = validate(policy, template, &serde_json::json!({}), &ValidateOptions::default())?;
//! assert!(!report.valid); // an empty record is not a finished record
//! # Ok::<(), supervision_rules::Error>(())
//! ```
#![deny(missing_docs)]
// Without `authoring` (the npm core and widget builds) nothing reads policy JSON, so the
// rule kinds' checks are compiled but never called (and dropped by the linker); the
// default build, which clippy and the tests use, still reports dead code.
#![cfg_attr(not(feature = "authoring"), allow(dead_code))]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

pub mod calendar;
pub mod code;
mod error;
pub mod finding;
mod input;
mod json;
pub mod limits;
pub mod policy;
mod read;
pub mod schedule;
mod sort;
mod terms;
pub mod validate;
pub mod words;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
#[doc(hidden)]
pub mod widget;

pub use error::{Error, PolicyProblem, Result};
