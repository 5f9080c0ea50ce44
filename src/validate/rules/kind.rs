//! What a template rule kind implements ([`TemplateKind`]) and what it is given to check a
//! record with ([`Context`]); each kind is a file beside this one.

use crate::calendar::Calendar;
use crate::schedule::Rule;
use crate::terms::{Problems, Who};
use crate::validate::rules::TemplateRuleAt;
use crate::validate::{Checker, ValidateOptions};
use chrono::NaiveDate;

/// A template rule kind: the fields it names, its check against the template, and its check
/// of a record.
pub(crate) trait TemplateKind {
    /// The field ids the rule refers to.
    fn fields(&self) -> Vec<&str>;

    /// Checks the kind's own fields against the template: the fields it names exist and
    /// have the right type, and what else it needs (`at` is where the rule is).
    fn check(&self, at: &TemplateRuleAt<'_>, problems: &mut Problems);

    /// Checks a record: each finding pushed on `c`, citing `source` (the rule's clause).
    fn apply(&self, c: &mut Checker<'_>, cx: &Context<'_>, source: &str);
}

/// What a rule needs beyond the record: the policy's cadences for the worker the options
/// describe, the session date, today and the working-day calendar.
pub(crate) struct Context<'r> {
    pub(super) rules: &'r [Rule],
    pub(super) who: Who<'r>,
    pub(super) options: &'r ValidateOptions,
    pub(super) session: Option<NaiveDate>,
    pub(super) today: Option<NaiveDate>,
    pub(super) cal: &'r Calendar,
}
