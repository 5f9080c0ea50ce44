//! Where a finding is in a record, written two ways: the path messages and the widget use
//! (`actions[2].when`) and a JSON Pointer (RFC 6901, `/actions/2/when`), which form
//! libraries and JSON Schema validators use for the same place.

use std::borrow::Cow;

/// A place in a record: a field, a row of a table field, or a cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// `actions[2].when`.
    pub(crate) path: String,
    /// `/actions/2/when`.
    pub(crate) pointer: String,
}

impl Place {
    /// A whole field: `date`, `/date`.
    pub(crate) fn field(id: &str) -> Self {
        Place {
            path: id.to_string(),
            pointer: format!("/{}", token(id)),
        }
    }

    /// One row of a table field, counted from 0: `actions[2]`, `/actions/2`.
    pub(crate) fn row(id: &str, index: usize) -> Self {
        Place {
            path: format!("{id}[{index}]"),
            pointer: format!("/{}/{index}", token(id)),
        }
    }

    /// One cell of a row: `actions[2].when`, `/actions/2/when`.
    pub(crate) fn cell(id: &str, index: usize, key: &str) -> Self {
        let row = Place::row(id, index);
        Place {
            path: format!("{}.{key}", row.path),
            pointer: format!("{}/{}", row.pointer, token(key)),
        }
    }
}

impl From<&str> for Place {
    fn from(id: &str) -> Self {
        Place::field(id)
    }
}

impl From<&String> for Place {
    fn from(id: &String) -> Self {
        Place::field(id)
    }
}

impl From<String> for Place {
    fn from(id: String) -> Self {
        Place::field(&id)
    }
}

/// A key as a JSON Pointer reference token: `~` written `~0` and `/` written `~1` (RFC 6901
/// §3), in that order, so `~1` in a key becomes `~01`, not `/`.
fn token(key: &str) -> Cow<'_, str> {
    if key.contains(['~', '/']) {
        Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_tilde_then_slash() {
        // RFC 6901 §3's examples: "a/b" → "/a~1b", "m~n" → "/m~0n"; "~1" → "/~01".
        assert_eq!(Place::field("a/b").pointer, "/a~1b");
        assert_eq!(Place::field("m~n").pointer, "/m~0n");
        assert_eq!(Place::field("~1").pointer, "/~01");
        assert_eq!(Place::field("date").pointer, "/date");
        assert_eq!(Place::field("a/b").path, "a/b");
    }

    #[test]
    fn rows_and_cells_count_from_zero() {
        assert_eq!(
            Place::cell("actions", 0, "who"),
            Place {
                path: "actions[0].who".into(),
                pointer: "/actions/0/who".into()
            }
        );
        assert_eq!(Place::row("children", 2).pointer, "/children/2");
        assert_eq!(Place::cell("x/y", 1, "a~b").pointer, "/x~1y/1/a~0b");
    }
}
