//! `supervisor-observation`: each supervisor's supervision observed (or a three-way held) at
//! an interval.

use super::TeamRule;
use crate::calendar::Duration;
use crate::code::Code;
use crate::error::Result;
use crate::schedule::team::TeamEngine;
use crate::schedule::Rule;
use crate::terms::{ObligationKind, Problems};
use crate::words::long_date;
use serde::Serialize;

/// Observation of a supervisor's supervision.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct SupervisorObservation {
    /// Interval from the last observation.
    pub every: Duration,
}

impl crate::read::Read for SupervisorObservation {
    fn read(j: &mut crate::read::Json<'_>) -> Option<Self> {
        crate::read::read_fields!(j, SupervisorObservation { every: "every" }, allow)
    }
}

impl SupervisorObservation {
    pub(crate) fn check(&self, _rule: &Rule, _path: &str, _problems: &mut Problems) {}
}

impl TeamRule for SupervisorObservation {
    fn apply(&self, rule: &Rule, e: &mut TeamEngine<'_>) -> Result<()> {
        let team = e.team;
        let every = self.every.describe();
        for (i, s) in team.supervisors.iter().enumerate() {
            let held = e.held(s.observed.iter().copied());
            let (gaps, due) = e.gaps(&held, &self.every)?;
            for g in gaps {
                let at = s.observed.iter().position(|d| *d == g.held).map_or_else(
                    || format!("supervisors[{i}].observed"),
                    |j| format!("supervisors[{i}].observed[{j}]"),
                );
                e.chained_breach(
                    (g.from, g.held),
                    at,
                    Code::SupervisorObservationGap,
                    rule,
                    format!(
                        "The supervision of {} was observed on {}, more than {every} after {}: \
                         due by {}.",
                        s.id,
                        long_date(g.held),
                        long_date(g.from),
                        long_date(g.due)
                    ),
                );
            }
            let reason = match held.last() {
                Some(last) => format!(
                    "Supervision observed every {every}: last observed on {}.",
                    long_date(*last)
                ),
                None => format!(
                    "Supervision observed every {every}: none is recorded since {}.",
                    long_date(team.started)
                ),
            };
            e.oblige(
                ObligationKind::SupervisionObservation,
                &s.id,
                due,
                rule,
                reason,
            );
        }
        Ok(())
    }
}
