//! The due-dates panel: a worker's obligations in date order, overdue ones first, each with
//! its status, reason and clause; the past breaches; and a small timeline picture of past
//! sessions and upcoming due dates, because a manager reads a picture faster than a list.
//! The picture is summarised in words for screen readers; everything in it is also in the
//! list.

mod draw;
mod read;
mod timeline;

pub use draw::render_schedule;
use draw::{append, counts, days, tag, Builder, Panel};
