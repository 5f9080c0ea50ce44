//! Caller data (a record, a worker, a team) read borrowed: the JSON text's strings are not
//! copied and an object is a list of its entries, not a map of owned keys. Records and
//! workers cross from JavaScript as JSON text (`src/wasm/read.js`), and reading them into a
//! `serde_json::Value` tree — a `String` for every key and text, a `BTreeMap` for every
//! object — was a quarter of `validate`'s time (issue 20).
//!
//! [`Json`] has `serde_json::Value`'s variants and the methods the readers use, so a
//! reader is written against either alike. A number is an `f64`, as every reader took it
//! (`as_f64`); a `Value` converts with [`Json::from`] for the crate's public functions
//! that take one.
//!
//! `value.rs` holds the value; `pull.rs` the pull reader of JSON text it is read with (the
//! policy reader's too), `decimal.rs` the reading of a number's text; `bytes.rs` the
//! value's reading from the compact encoding `js/encode.js` writes (issue 20's one
//! crossing); `write.rs` JSON text written by hand, as serde_json writes it.

#[cfg(any(target_arch = "wasm32", test))]
pub(crate) mod bytes;
pub(crate) mod decimal;
pub(crate) mod pull;
mod value;

pub use value::*;
pub(crate) mod write;
