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
#[cfg(feature = "authoring")]
mod stand_in;

pub use compiled::{compile, load_compiled, COMPILED_FORMAT};
#[cfg(feature = "authoring")]
pub use load::{parse_policy, parse_policy_value, MAX_PROBLEMS};
#[cfg(feature = "authoring")]
pub use locate::{check_text, Located};
pub use model::Policy;
pub use read::read_unchecked;
pub use registry::{builtins, Registry, BUILTIN_SOURCES};

// What a policy holds, defined below it (the crate's own code imports each from its home):
// the shared words (`terms`), timing rules (`schedule`), templates (`validate`).
pub use crate::schedule::rules::*;
pub use crate::schedule::Selection;
pub use crate::terms::{
    by_our_reading, Anchor, Basis, Cancelled, EventKind, Hours, ObligationKind, Phase, Plan, Rag,
    RebookFrom, Role, SessionType, When, Who, Window,
};
pub use crate::validate::rules::*;
pub use crate::validate::{
    Field, FieldMessages, FieldType, Required, Section, Template, TemplateRule,
};
