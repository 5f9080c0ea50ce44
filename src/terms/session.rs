//! A supervision session: its type, why it was cancelled, from when a rebooking runs.

use crate::read::read_by_name;
use serde::{Deserialize, Serialize};

/// A kind of supervision session in a worker's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionType {
    /// One-to-one: counts as both personal and case supervision.
    OneToOne,
    /// Personal supervision.
    Personal,
    /// Case supervision.
    Case,
    /// Group supervision.
    Group,
    /// Reflective supervision.
    Reflective,
}

/// Why a session was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cancelled {
    /// The worker or supervisor was off sick.
    Sickness,
    /// Any other reason.
    Other,
}

/// From when a cancelled session's rebooking deadline runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RebookFrom {
    /// The first working day after the absence that covers the session.
    Return,
    /// The cancelled session's date.
    Cancelled,
}

read_by_name!(SessionType, Cancelled, RebookFrom);
