//! `file-audit`: supervision files audited at an interval, with a sample of at least so many
//! files; for the team, or for each of its supervisors.

use super::TeamRule;
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::team::TeamEngine;
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems};
use crate::words::long_date;
use chrono::NaiveDate;
use serde::Serialize;

/// An audit of supervision files.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct FileAudit {
    /// Interval from the last audit.
    pub every: Duration,
    /// An audit counts when it looked at at least this many files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<u32>,
    /// Each supervisor's files are audited (an audit names its `supervisor`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_supervisor: bool,
}

impl crate::read::Read for FileAudit {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, FileAudit {
            every: "every",
            sample: default "sample",
            per_supervisor: default "perSupervisor",
        }, allow)
    }
}

impl FileAudit {
    pub(crate) fn check(&self, _rule: &Rule, path: &str, problems: &mut Problems) {
        if self.sample == Some(0) {
            problems.push(format!("{path}.sample"), "a whole number above 0");
        }
    }

    /// The audits counted for `supervisor` (or the whole team).
    fn held(&self, e: &TeamEngine<'_>, supervisor: Option<&str>) -> Vec<NaiveDate> {
        let sample = self.sample.unwrap_or(1);
        e.held(
            e.team
                .audits
                .iter()
                .filter(|a| a.files >= sample)
                .filter(|a| supervisor.is_none() || a.supervisor.as_deref() == supervisor)
                .map(|a| a.date),
        )
    }

    fn one(&self, rule: &Rule, e: &mut TeamEngine<'_>, supervisor: Option<&str>) -> Result<()> {
        let held = self.held(e, supervisor);
        let every = self.every.describe();
        let whose = supervisor.map_or_else(
            || "Supervision files".to_string(),
            |s| format!("Supervision files of {s}"),
        );
        let (gaps, due) = e.gaps(&held, &self.every)?;
        for g in gaps {
            let at = e
                .team
                .audits
                .iter()
                .position(|a| a.date == g.held)
                .map_or_else(|| "audits".to_string(), |i| format!("audits[{i}]"));
            e.breach(
                at,
                Code::FileAuditGap,
                rule,
                format!(
                    "{whose} audited on {} came more than {every} after {}: due by {}.",
                    long_date(g.held),
                    long_date(g.from),
                    long_date(g.due)
                ),
            );
        }
        let sample = self
            .sample
            .map_or_else(String::new, |n| format!(" (at least {n} files)"));
        let reason = match held.last() {
            Some(last) => format!(
                "{whose} audited every {every}{sample}: the last audit was on {}.",
                long_date(*last)
            ),
            None => format!(
                "{whose} audited every {every}{sample}: none is recorded since {}.",
                long_date(e.team.started)
            ),
        };
        let subject = supervisor.map_or_else(|| e.team.id.clone(), str::to_string);
        e.oblige(ObligationKind::FileAudit, &subject, due, rule, reason);
        Ok(())
    }
}

impl TeamRule for FileAudit {
    fn apply(&self, rule: &Rule, e: &mut TeamEngine<'_>) -> Result<()> {
        if !self.per_supervisor {
            return self.one(rule, e, None);
        }
        let team = e.team;
        for s in &team.supervisors {
            self.one(rule, e, Some(&s.id))?;
        }
        Ok(())
    }
}
