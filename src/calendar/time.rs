//! A time of day: `requests[i].time`, `contacts[i].time`, `sessions[i].time`, read with
//! [`parse_time`](super::parse_time).

/// A time of day, `HH:MM` at the boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeOfDay {
    /// 0 to 23.
    pub hour: u32,
    /// 0 to 59.
    pub minute: u32,
}

impl TimeOfDay {
    pub(crate) fn minutes(self) -> u32 {
        self.hour.saturating_mul(60).saturating_add(self.minute)
    }

    pub(crate) fn of_minutes(m: u32) -> Self {
        TimeOfDay {
            hour: m / 60,
            minute: m % 60,
        }
    }

    /// `"15:00"`.
    pub(crate) fn words(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}
