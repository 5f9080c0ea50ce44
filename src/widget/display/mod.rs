//! What the widget shows on the page, and how it takes it all away again.
//!
//! Everything shown is derived from the list of findings on display: the error summary,
//! the warnings panel, the inline messages, and the marks on the page's own elements
//! (`aria-describedby`, `aria-invalid`, `govuk-form-group--error`). A mark remembers the
//! value it replaced, so taking it away restores the page exactly. Updates change only what
//! changed: the summary is a live region (`role="alert"`), and rebuilding it on each
//! keystroke would have a screen reader read it out again and again.

mod focus;
mod id;
mod mark;
mod one;
mod problems;
mod shown;
mod summary;

pub(super) use focus::focus_control;
pub use one::show_error;
pub use problems::show_problems;
pub(super) use shown::{Display, Item, Reason};
