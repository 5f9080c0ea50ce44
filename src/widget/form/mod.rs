//! Reading the form: which controls stand for which template fields, the record they hold,
//! and where on the page a finding about a path belongs.
//!
//! A field's control is the one whose `name` is the field's id, or the name the page mapped
//! it to. A table field (`actions`, `children`) is read from rows named `prefix[N][key]`:
//! `actions[0][action]`, `actions[0][who]`, `actions[0][when]`; the prefix is the field's id
//! or its mapped name, and the rows are taken in the order of N (gaps allowed), so the
//! finding `actions[1].when` is about the second row on the page.

mod locate;
mod scan;

use scan::Control;
pub(super) use scan::{tag, Scan, Target};
