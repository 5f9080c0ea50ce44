//! Reading JSON text into typed values without serde's `Deserialize` (issue 20): the [`Read`]
//! trait, each struct's keys listed by [`read_fields!`], an enum read by its name, a kind's
//! tag; over the JSON pull reader (`json::pull`), which reads records too. A type's `Read` is
//! beside its definition. Below `schedule`, `validate` and `policy`.

mod fields;
#[cfg(feature = "authoring")]
mod kind;

/// The pull reader, shared with the reading of records and workers (`json::pull`).
pub(crate) use crate::json::pull::Reader as Json;
pub(crate) use fields::{by_name, read_by_name, read_fields, Read, Tag};
#[cfg(feature = "authoring")]
pub(crate) use kind::KindReader;
