//! What reads a rule kind's or a template rule kind's own fields in the strict reader
//! (`policy/load/`), named by the kinds' registrations.

use serde::de::DeserializeOwned;

/// Reads one rule kind's own fields; the registration in `rule_kinds!` (or
/// `template_rule_kinds!`) names the type.
pub(crate) trait KindReader {
    /// Reads `T` (`what`, for messages) from the rule, checking its keys first.
    fn read<T: DeserializeOwned>(&mut self, what: &str) -> Option<T>;
}
