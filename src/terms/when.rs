//! Who a rule applies to (`when`), and what it is matched against: the supervisee's values
//! on one day ([`Who`]).

use super::case::{Plan, Rag};
use super::who::{Anchor, Hours};
use crate::calendar::Duration;
use crate::read::{read_fields, Json, Read};
use serde::Serialize;

/// Who a rule applies to.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct When {
    /// The worker's role is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    /// The worker's hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// The worker's `shiftsPerMonth` is below this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shifts_per_month_below: Option<u32>,
    /// Only while `asOf` is inside this window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub during: Option<Window>,
    /// (Child rules) the case's plan is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plans: Option<Vec<Plan>>,
    /// (Child rules) the case's RAG rating is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Vec<Rag>>,
}

impl When {
    /// No condition at all.
    pub fn is_empty(&self) -> bool {
        self.specificity() == 0
    }

    /// How many conditions the filter sets; used to report which variant applied.
    pub fn specificity(&self) -> usize {
        [
            self.roles.is_some(),
            self.hours.is_some(),
            self.shifts_per_month_below.is_some(),
            self.during.is_some(),
            self.plans.is_some(),
            self.rag.is_some(),
        ]
        .into_iter()
        .filter(|&set| set)
        .count()
    }
}

/// A window of time from one of the worker's dates.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Window {
    /// Which date the window starts at.
    pub start: Anchor,
    /// How long after it the window ends (exclusive).
    pub until: Duration,
}

/// What a rule's `when` is matched against: the supervisee's values on one day, from a
/// [`Supervisee`](crate::schedule::Supervisee) (today's, or those in force in an era of a
/// worker's dated history). The schedule knows the whole worker; validation knows what its
/// options say (the role, and the hours, shifts and `fte` when given).
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    /// The worker's role id.
    pub role: &'a str,
    /// Full-time or part-time.
    pub hours: Hours,
    /// Shifts a month, for shift-based staff.
    pub shifts_per_month: Option<u32>,
    /// Working time as a fraction of full time, in thousandths, for `proRata` cadences.
    pub fte_thousandths: Option<u32>,
}

impl When {
    /// Whether the rule applies to `who`; `inside` says whether the day in question falls
    /// inside a `during` window. Plans and RAG ratings are a case's, not a worker's: see
    /// [`When::matches_case`].
    pub fn matches(&self, who: &Who<'_>, inside: impl Fn(&Window) -> bool) -> bool {
        self.roles
            .as_ref()
            .is_none_or(|rs| rs.iter().any(|r| r == who.role))
            && self.hours.is_none_or(|h| h == who.hours)
            && self
                .shifts_per_month_below
                .is_none_or(|n| who.shifts_per_month.is_some_and(|s| s < n))
            && self.during.as_ref().is_none_or(inside)
    }

    /// Whether a child rule applies to a case with this plan and RAG rating.
    pub fn matches_case(&self, plan: Option<Plan>, rag: Option<Rag>) -> bool {
        self.plans
            .as_ref()
            .is_none_or(|ps| plan.is_some_and(|p| ps.contains(&p)))
            && self
                .rag
                .as_ref()
                .is_none_or(|rs| rag.is_some_and(|r| rs.contains(&r)))
    }
}

impl Read for When {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, When {
            roles: default "roles",
            hours: default "hours",
            shifts_per_month_below: default "shiftsPerMonthBelow",
            during: default "during",
            plans: default "plans",
            rag: default "rag",
        }, deny)
    }
}

impl Read for Window {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(
            j,
            Window {
                start: "start",
                until: "until"
            },
            deny
        )
    }
}
