//! The words policies, schedules and validation share: who a rule applies to (`When`,
//! `Who`), a worker's hours and dates, a case's plan and events, session types, obligation
//! kinds, a rule's `basis`, a phase, a role, and the problems a check finds. Below
//! `schedule`, `validate` and `policy`, importing none of them.

mod basis;
mod case;
mod obligation;
mod phase;
mod problems;
mod role;
mod session;
mod when;
mod who;

pub use basis::{by_our_reading, Basis};
pub use case::{EventKind, Plan, Rag};
pub use obligation::ObligationKind;
pub use phase::Phase;
pub(crate) use problems::Problems;
pub use role::Role;
pub use session::{Cancelled, RebookFrom, SessionType};
pub use when::{When, Who, Window};
pub use who::{Anchor, Hours};
