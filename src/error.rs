//! The crate's error type.
//!
//! Errors carry facts (which argument, what was expected), never the value that was given:
//! the values are supervision records and caseloads, which hold children's personal data.

use std::fmt;

/// One problem found in a policy, with the JSON path where it was found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PolicyProblem {
    /// Where in the policy JSON, e.g. `rules[3].every`.
    pub path: String,
    /// What was expected there.
    pub expected: String,
}

/// Problems as a JSON array, as serde_json writes them (`[{"path":…,"expected":…}]`),
/// with no serializer (an error's `problems` in the form page's `.wasm`).
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn write_problems(problems: &[PolicyProblem], out: &mut String) {
    use crate::json::write::string;
    out.push('[');
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"path\":");
        string(out, &p.path);
        out.push_str(",\"expected\":");
        string(out, &p.expected);
        out.push('}');
    }
    out.push(']');
}

impl fmt::Display for PolicyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.expected)
        } else {
            write!(f, "{}: {}", self.path, self.expected)
        }
    }
}

/// Everything that can go wrong in a call to the package.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// No policy is registered under this id (the id, shortened to 64 characters).
    UnknownPolicy(String),
    /// The policy has no template with this id.
    UnknownTemplate {
        /// The policy searched.
        policy: String,
        /// The template id asked for (shortened to 64 characters).
        template: String,
    },
    /// An argument had the wrong shape or an impossible value.
    BadArgument {
        /// Where, e.g. `worker.sessions[2].date`.
        path: String,
        /// What was expected there, e.g. `a date as YYYY-MM-DD`.
        expected: String,
    },
    /// A policy failed its checks; every problem is listed.
    InvalidPolicy(Vec<PolicyProblem>),
    /// A date computation left the supported range of dates.
    DateOutOfRange,
}

impl Error {
    /// A bad argument at `path`, expecting `expected`.
    pub fn bad_argument(path: impl Into<String>, expected: impl Into<String>) -> Self {
        Error::BadArgument {
            path: path.into(),
            expected: expected.into(),
        }
    }

    /// An unknown policy id; the id is shortened and stripped of control characters.
    pub fn unknown_policy(id: &str) -> Self {
        Error::UnknownPolicy(shorten(id))
    }

    /// An unknown template id in a known policy.
    pub fn unknown_template(policy: &str, template: &str) -> Self {
        Error::UnknownTemplate {
            policy: shorten(policy),
            template: shorten(template),
        }
    }

    /// A short, stable code for the kind of error (`unknown-policy`, `bad-argument`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Error::UnknownPolicy(_) => "unknown-policy",
            Error::UnknownTemplate { .. } => "unknown-template",
            Error::BadArgument { .. } => "bad-argument",
            Error::InvalidPolicy(_) => "invalid-policy",
            Error::DateOutOfRange => "date-out-of-range",
        }
    }

    /// The problems of an invalid policy (empty for other errors).
    pub fn problems(&self) -> &[PolicyProblem] {
        match self {
            Error::InvalidPolicy(p) => p,
            _ => &[],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownPolicy(id) => write!(
                f,
                "unknown policy id \"{id}\": policies() lists the registered ids"
            ),
            Error::UnknownTemplate { policy, template } => write!(
                f,
                "policy \"{policy}\" has no template \"{template}\": \
                 policy(id).templates lists them"
            ),
            Error::BadArgument { path, expected } => write!(f, "{path}: expected {expected}"),
            Error::InvalidPolicy(problems) => {
                write!(f, "invalid policy ({} problem", problems.len())?;
                if problems.len() != 1 {
                    write!(f, "s")?;
                }
                write!(f, ")")?;
                for p in problems {
                    write!(f, "; {p}")?;
                }
                Ok(())
            }
            Error::DateOutOfRange => write!(f, "a computed date is outside the supported range"),
        }
    }
}

impl std::error::Error for Error {}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Ids are not record text, but a caller may pass anything: keep them short and printable.
fn shorten(id: &str) -> String {
    let mut out: String = id.chars().filter(|c| !c.is_control()).take(64).collect();
    if id.chars().count() > 64 {
        out.push('…');
    }
    out
}

// proptest is a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod problems_json {
    use super::{write_problems, PolicyProblem};
    use proptest::prelude::*;

    proptest! {
        /// Any problems, as serde_json writes them.
        #[test]
        fn as_serde_json_writes_them(
            problems in proptest::collection::vec((any::<String>(), any::<String>()), 0..4)
        ) {
            let problems: Vec<PolicyProblem> = problems
                .into_iter()
                .map(|(path, expected)| PolicyProblem { path, expected })
                .collect();
            let mut out = String::new();
            write_problems(&problems, &mut out);
            prop_assert_eq!(out, serde_json::to_string(&problems).unwrap());
        }
    }
}
