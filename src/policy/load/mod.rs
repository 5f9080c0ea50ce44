//! Loading a policy: JSON text or value → checked [`Policy`](crate::policy::Policy), with
//! every problem listed: `policy.rs` the policy, its roles and its timing rules; `template.rs`
//! its templates, sections, fields and template rules.

mod policy;
mod template;

pub use policy::*;
