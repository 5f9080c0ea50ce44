//! A template as JSON Schema (draft 2020-12, or draft-07 for the tools that default to it),
//! for form builders and tools that already speak it: the structural part of the template —
//! which keys, of which types and formats, which are required — not the cross-field rules,
//! which only [`validate`](crate::validate) checks.

mod export;
mod order;

pub use export::*;
pub use order::json_schema_text;
