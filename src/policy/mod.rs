//! Policies as data: the model, loading and checking policy JSON, deriving one policy from
//! another, and the registry of built-in and registered policies.
//!
//! A policy is checked as a whole before it is used: every problem is reported with its JSON
//! path ([`PolicyProblem`]), and nothing is registered unless there are none.

mod check;
mod compiled;
mod cycles;
#[cfg(feature = "authoring")]
mod derive;
#[cfg(feature = "authoring")]
mod keys;
#[cfg(feature = "authoring")]
mod load;
#[cfg(feature = "authoring")]
mod locate;
mod model;
mod read;
mod registry;
mod select;
#[cfg(feature = "authoring")]
mod stand_in;
mod template;

pub(crate) use check::{Problems, TemplateRuleAt};
pub use compiled::{compile, load_compiled, COMPILED_FORMAT};
#[cfg(feature = "authoring")]
pub(crate) use load::KindReader;
#[cfg(feature = "authoring")]
pub use load::{parse_policy, parse_policy_value, MAX_PROBLEMS};
#[cfg(feature = "authoring")]
pub use locate::{check_text, Located};
pub use model::*;
pub use read::read_unchecked;
pub(crate) use read::{by_name as read_by_name, read_fields, Json, Read};
pub use registry::{builtins, Registry, BUILTIN_SOURCES};
pub use select::{Selection, Who};
