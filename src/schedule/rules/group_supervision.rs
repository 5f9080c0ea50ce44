//! `group-supervision`: a team holds a group supervision session at an interval.

use super::rebook::month_end;
use super::TeamRule;
use crate::calendar::{Duration, Unit};
use crate::code::Code;
use crate::error::Result;
use crate::schedule::engine::after;
use crate::schedule::team::TeamEngine;
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems};
use crate::words::long_date;
use chrono::NaiveDate;
use serde::Serialize;

/// Group supervision of a team.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct GroupSupervision {
    /// Interval from the last group session.
    pub every: Duration,
    /// A session shorter than this many minutes (when its length is known) does not count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_minutes: Option<u32>,
    /// `every` counted in calendar months, as a manager counts them: the next session is due
    /// by the end of the calendar month `every` after the last one's (one in each month, for
    /// "monthly"), not on the same day of that month.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub calendar_months: bool,
}

impl crate::read::Read for GroupSupervision {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, GroupSupervision {
            every: "every",
            min_minutes: default "minMinutes",
            calendar_months: default "calendarMonths",
        }, allow)
    }
}

impl GroupSupervision {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        if self.min_minutes == Some(0) {
            problems.push(format!("{path}.minMinutes"), "a whole number above 0");
        }
        if self.calendar_months && self.every.unit != Unit::Months {
            problems.push(
                format!("{path}.calendarMonths"),
                "only with \"every\" in months (\"1 month\")",
            );
        }
    }

    /// The deadline after a session (or the start) on `from`.
    fn due_after(&self, from: NaiveDate, e: &TeamEngine<'_>) -> Result<NaiveDate> {
        let due = after(&self.every, from, e.cal)?;
        if self.calendar_months {
            month_end(due)
        } else {
            Ok(due)
        }
    }
}

impl TeamRule for GroupSupervision {
    fn apply(&self, rule: &Rule, e: &mut TeamEngine<'_>) -> Result<()> {
        let min = self.min_minutes.unwrap_or(0);
        let team = e.team;
        let held = e.held(
            team.group_sessions
                .iter()
                .filter(|s| !s.cancelled && s.minutes.is_none_or(|m| m >= min))
                .map(|s| s.date),
        );
        let every = if self.calendar_months {
            format!("{} (calendar months)", self.every.describe())
        } else {
            self.every.describe()
        };
        let (gaps, due) = e.gaps_by(&held, |from| self.due_after(from, e))?;
        for g in gaps {
            let at = team
                .group_sessions
                .iter()
                .position(|s| s.date == g.held && !s.cancelled)
                .map_or_else(
                    || "groupSessions".to_string(),
                    |i| format!("groupSessions[{i}]"),
                );
            e.chained_breach(
                (g.from, g.held),
                at,
                Code::GroupSupervisionGap,
                rule,
                format!(
                    "The group supervision on {} came more than {every} after {}: it was due \
                     by {}.",
                    long_date(g.held),
                    long_date(g.from),
                    long_date(g.due)
                ),
            );
        }
        let reason = match held.last() {
            Some(last) => format!(
                "Group supervision every {every}: the last was on {}.",
                long_date(*last)
            ),
            None => format!(
                "Group supervision every {every}: none is recorded since {}.",
                long_date(team.started)
            ),
        };
        e.oblige(
            ObligationKind::GroupSupervision,
            &team.id,
            due,
            rule,
            reason,
        );
        Ok(())
    }
}
