//! A phase of a phased cadence, and a duration as a policy writes it.

use super::who::Anchor;
use crate::calendar::Duration;
use crate::read::{read_fields, Json, Read};
#[cfg(feature = "authoring")]
use serde::{Deserialize, Deserializer};
use serde::{Serialize, Serializer};

/// One phase of a phased cadence (ASYE, probation).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "authoring", derive(serde::Deserialize))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Phase {
    /// Which of the worker's dates the phase counts from.
    pub start: Anchor,
    /// When the phase ends, counted from `start` (exclusive).
    pub until: Duration,
    /// The interval between sessions during the phase.
    pub every: Duration,
    /// File and clause.
    pub source: String,
    /// The reading chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.describe())
    }
}

#[cfg(feature = "authoring")]
impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d).map_err(|_: D::Error| {
            serde::de::Error::custom("a duration as a string, like \"4 weeks\"")
        })?;
        if s.trim() != s && Duration::parse(s.trim()).is_ok() {
            let at = if s.starts_with(char::is_whitespace) {
                "at the start"
            } else {
                "at the end"
            };
            return Err(serde::de::Error::custom(format!(
                "a duration with no space before or after it: remove the space {at}"
            )));
        }
        Duration::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl Read for Duration {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        Duration::parse(&j.string()?).ok()
    }
}

impl Read for Phase {
    fn read(j: &mut Json<'_>) -> Option<Self> {
        read_fields!(j, Phase {
            start: "start",
            until: "until",
            every: "every",
            source: "source",
            note: default "note",
        }, deny)
    }
}
