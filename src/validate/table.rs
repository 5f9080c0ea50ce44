//! Table fields: the rows of an actions table (what, who, by when) and of a children table
//! (name, date of birth). A row left blank is skipped.

use super::checker::{is_blank_cell, is_blank_row, is_empty, Checker};
use super::{Code, Place};
use crate::calendar::parse_date;
use crate::json::{Json as Value, JsonMap as Map};
use crate::validate::Field;
use chrono::NaiveDate;

/// One row of a table. Its path and number are made only for a finding: most rows have none.
#[derive(Clone, Copy)]
struct Row<'f> {
    field: &'f Field,
    index: usize,
}

impl Row<'_> {
    /// `actions[0]` (`/actions/0`).
    fn path(self) -> Place {
        Place::row(&self.field.id, self.index)
    }

    /// `actions[0].when` (`/actions/0/when`).
    fn cell(self, key: &str) -> Place {
        Place::cell(&self.field.id, self.index, key)
    }

    /// The row's number as a reader counts: the first is 1.
    fn number(self) -> usize {
        self.index.saturating_add(1)
    }
}

impl Checker<'_> {
    /// An actions table: each row has what needs to happen, who will do it and by when.
    pub(super) fn actions(
        &mut self,
        f: &Field,
        value: &Value,
        session: Option<NaiveDate>,
        src: &str,
    ) {
        self.each_row(f, value, src, |c, row, cells| {
            c.action(row, cells, session, src)
        });
    }

    /// One row of an actions table.
    fn action(&mut self, row: Row<'_>, value: &Value, session: Option<NaiveDate>, src: &str) {
        let n = row.number();
        let Value::Object(cells) = value else {
            let ctx = self.row_context(row.field, "action");
            self.push(
                row.path(),
                Code::InvalidType,
                format!(
                    "Action {n}{ctx} must have what needs to happen, who will do it and by \
                     when"
                ),
                src,
            );
            return;
        };
        self.action_text(row, cells, "action", Code::ActionMissing, src);
        self.action_text(row, cells, "who", Code::ActionWhoMissing, src);
        self.action_when(row, cells.get("when"), session, src);
    }

    /// The `action` or `who` cell of an action: present, and text.
    fn action_text(&mut self, row: Row<'_>, cells: &Map<'_>, key: &str, code: Code, src: &str) {
        let n = row.number();
        match cells.get(key) {
            c if is_empty(c) => {
                let ctx = self.row_context(row.field, "action");
                let missing = match key {
                    "action" => format!("Enter what needs to happen for action {n}{ctx}"),
                    _ => format!("Enter who will do action {n}{ctx}"),
                };
                self.push(row.cell(key), code, missing, src);
            }
            Some(Value::String(_)) | None => {}
            Some(_) => {
                let ctx = self.row_context(row.field, "action");
                let subject = match key {
                    "action" => format!("What needs to happen for action {n}{ctx}"),
                    _ => format!("Who will do action {n}{ctx}"),
                };
                let message = format!("{subject} must be text");
                self.push(row.cell(key), Code::InvalidType, message, src);
            }
        }
    }

    /// The `when` cell of an action: present, a real date, not before the session.
    fn action_when(
        &mut self,
        row: Row<'_>,
        when: Option<&Value>,
        session: Option<NaiveDate>,
        src: &str,
    ) {
        let n = row.number();
        let subject = |c: &Self| {
            let ctx = c.row_context(row.field, "action");
            format!("The date for action {n}{ctx}")
        };
        match when {
            c if is_empty(c) => {
                let ctx = self.row_context(row.field, "action");
                let message = format!("Enter the due date for action {n}{ctx}");
                self.push(row.cell("when"), Code::ActionWhenMissing, message, src);
            }
            Some(when) => {
                let d = when.as_str().and_then(|s| parse_date(s.trim()).ok());
                if d.is_none() {
                    self.date(row.cell("when"), subject, when, src);
                } else if let (Some(d), Some(s)) = (d, session) {
                    if d < s {
                        let message = format!(
                            "{} must be the same as or after {}",
                            subject(self),
                            self.session_reference()
                        );
                        self.push(
                            row.cell("when"),
                            Code::ActionWhenBeforeSession,
                            message,
                            src,
                        );
                    }
                }
            }
            None => {}
        }
    }

    /// A children table: each row has a name, and a date of birth not after the session.
    pub(super) fn children(
        &mut self,
        f: &Field,
        value: &Value,
        session: Option<NaiveDate>,
        src: &str,
    ) {
        self.each_row(f, value, src, |c, row, cells| {
            c.child(row, cells, session, src)
        });
    }

    /// Each row of a table field that is not blank; the field is the wrong type unless it is
    /// an array.
    fn each_row<'f>(
        &mut self,
        f: &'f Field,
        value: &Value,
        src: &str,
        mut check: impl FnMut(&mut Self, Row<'f>, &Value),
    ) {
        let Value::Array(rows) = value else {
            self.wrong_type(f, src);
            return;
        };
        for (index, row) in rows.iter().enumerate() {
            if !(is_blank_cell(row) || is_blank_row(row)) {
                check(self, Row { field: f, index }, row);
            }
        }
    }

    /// One row of a children table.
    fn child(&mut self, row: Row<'_>, value: &Value, session: Option<NaiveDate>, src: &str) {
        let n = row.number();
        let Value::Object(cells) = value else {
            let ctx = self.row_context(row.field, "child");
            let message = format!("Child {n}{ctx} must have a name and date of birth");
            self.push(row.path(), Code::InvalidType, message, src);
            return;
        };
        match cells.get("name") {
            c if is_empty(c) => {
                let ctx = self.row_context(row.field, "child");
                let message = format!("Enter the name of child {n}{ctx}");
                self.push(row.cell("name"), Code::ChildNameMissing, message, src);
            }
            Some(Value::String(_)) | None => {}
            Some(_) => {
                let ctx = self.row_context(row.field, "child");
                let message = format!("The name of child {n}{ctx} must be text");
                self.push(row.cell("name"), Code::InvalidType, message, src);
            }
        }
        if let Some(dob) = cells.get("dob").filter(|v| !is_empty(Some(v))) {
            self.child_dob(row, dob, session, src);
        }
    }

    /// A child's date of birth: a real date, not after the session.
    fn child_dob(&mut self, row: Row<'_>, dob: &Value, session: Option<NaiveDate>, src: &str) {
        let n = row.number();
        let subject = |c: &Self| {
            let ctx = c.row_context(row.field, "child");
            format!("The date of birth of child {n}{ctx}")
        };
        let d = dob.as_str().and_then(|s| parse_date(s.trim()).ok());
        if d.is_none() {
            self.date(row.cell("dob"), subject, dob, src);
        } else if let (Some(d), Some(s)) = (d, session) {
            if d > s {
                let message = format!(
                    "{} must be the same as or before {}",
                    subject(self),
                    self.session_reference()
                );
                self.push(row.cell("dob"), Code::DateOrder, message, src);
            }
        }
    }
}
