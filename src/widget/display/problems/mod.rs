//! `showProblems()`: the GOV.UK error pattern for a page's own list of problems that are not
//! a record's findings (a policy's mistakes in the policy workbench, a file's rows): the
//! error summary, each problem a link that moves focus to its control, and on each control
//! an inline message and the widget's marks. One list at a time: each call replaces the
//! last, and `showProblems([])` takes it all away, restoring what it changed.
//!
//! Built for long lists: problems are drawn 200 a task (the first 200 at once, the rest in
//! later tasks, stopped by the next call), so that 10,000 of them never hold the page. A
//! list the same as the one shown is left as it is, and one with the same messages and
//! links (on elements drawn again) keeps its summary items: a page that shows its problems
//! again after each edit neither redraws a summary of thousands of items nor has a screen
//! reader read the summary out again.

mod draw;
mod list;
mod show;

pub(super) use draw::message;
pub use show::show_problems;
