//! Problems with their place in the text: line and column for each JSON path, for the
//! command line and the policy workbench.

use super::{parse_policy, Registry};
use crate::error::{Error, PolicyProblem};
use serde::Serialize;
use std::collections::BTreeMap;

/// A problem with the line and column (from 1; columns count characters) where its path
/// begins in the policy's text: the key for a member, the value for an array element; for a
/// path the text does not have (a missing key), the nearest enclosing element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    /// Where in the policy JSON, e.g. `rules[3].every`.
    pub path: String,
    /// What was expected there.
    pub expected: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub column: usize,
}

/// Checks a policy given as JSON text (resolving `extends` against `registry`), and gives
/// every problem with its place in the text; none when the policy is valid. Nothing is
/// registered. An id already in use is a problem unless the policy `replaces` it.
pub fn check_text(text: &str, registry: &Registry) -> Vec<Located> {
    let value = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => v,
        Err(e) => {
            return vec![Located {
                path: String::new(),
                expected: format!("valid JSON: {e}"),
                line: e.line(),
                column: e.column(),
            }]
        }
    };
    let problems = match parse_policy(text, Some(registry)) {
        Ok(p) => match registry.free(&p) {
            Ok(()) => return Vec::new(),
            Err(e) => e.problems().to_vec(),
        },
        // Over a limit of one call (`crate::limits`): `registerPolicy` refuses the policy, so
        // the check must not pass it; the limit is the one problem, at its path.
        Err(Error::BadArgument { path, expected }) => vec![PolicyProblem {
            path: path
                .strip_prefix("policy")
                .map_or(path.as_str(), |p| p.trim_start_matches('.'))
                .to_string(),
            expected,
        }],
        // The id in use is reported with the other problems, not in a round of its own.
        Err(e) => {
            let str_at = |k: &str| value.get(k).and_then(serde_json::Value::as_str);
            let in_use = match str_at("id") {
                Some(id) => registry.id_free(id, str_at("replaces")).err(),
                None => None,
            };
            let mut list = e.problems().to_vec();
            if list.len() < super::MAX_PROBLEMS {
                list.extend(in_use.iter().flat_map(|e| e.problems().to_vec()));
            }
            list
        }
    };
    let mut scan = Scan {
        bytes: text.as_bytes(),
        pos: 0,
        spots: BTreeMap::new(),
    };
    scan.value(String::new());
    problems
        .into_iter()
        .map(|p: PolicyProblem| {
            let offset = scan.offset(&p.path);
            let (line, column) = line_column(text, offset);
            Located {
                path: p.path,
                expected: p.expected,
                line,
                column,
            }
        })
        .collect()
}

/// Line and column (from 1, in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count().saturating_add(1);
    let start = before.rfind('\n').map_or(0, |i| i.saturating_add(1));
    let column = before.get(start..).unwrap_or("").chars().count();
    (line, column.saturating_add(1))
}

/// Where each path of a JSON text begins. The text has parsed already, so it is well formed
/// and nests no deeper than serde_json allows.
struct Scan<'t> {
    bytes: &'t [u8],
    pos: usize,
    /// The first place of each path (a member's key; an element's value), by path: a
    /// policy of megabytes has hundreds of thousands.
    spots: BTreeMap<String, usize>,
}

impl Scan<'_> {
    /// The offset of `path`, or of the nearest enclosing path the text has.
    fn offset(&self, path: &str) -> usize {
        let mut p = path;
        loop {
            if let Some(at) = self.spots.get(p) {
                return *at;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = p.get(..i).unwrap_or(""),
                None if p.is_empty() => return 0,
                None => p = "",
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.bump();
        }
    }

    fn value(&mut self, path: String) {
        self.space();
        self.spots.entry(path.clone()).or_insert(self.pos);
        match self.peek() {
            Some(b'{') => self.object(&path),
            Some(b'[') => self.array(&path),
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b']' | b'}') && !b.is_ascii_whitespace())
                {
                    self.bump();
                }
            }
            None => {}
        }
    }

    /// Skips a string, giving its raw text.
    fn string(&mut self) -> String {
        self.bump();
        let start = self.pos;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                b'"' => break,
                _ => self.bump(),
            }
        }
        let raw = self.bytes.get(start..self.pos).unwrap_or_default();
        self.bump();
        String::from_utf8_lossy(raw).into_owned()
    }

    fn object(&mut self, path: &str) {
        self.bump();
        loop {
            self.space();
            match self.peek() {
                Some(b'"') => {
                    let at = self.pos;
                    let key = self.string();
                    let member = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    self.spots.entry(member.clone()).or_insert(at);
                    self.space();
                    self.bump(); // ':'
                    self.value(member);
                    self.space();
                    if self.peek() == Some(b',') {
                        self.bump();
                    }
                }
                Some(b'}') | None => {
                    self.bump();
                    return;
                }
                Some(_) => self.bump(),
            }
        }
    }

    fn array(&mut self, path: &str) {
        self.bump();
        let mut i = 0usize;
        loop {
            self.space();
            match self.peek() {
                Some(b']') | None => {
                    self.bump();
                    return;
                }
                _ => {
                    self.value(format!("{path}[{i}]"));
                    i = i.saturating_add(1);
                    self.space();
                    if self.peek() == Some(b',') {
                        self.bump();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_have_lines_and_columns() {
        let text = "{\n  \"rules\": [\n    { \"id\": \"a\", \"every\": \"x\" }\n  ]\n}";
        let mut s = Scan {
            bytes: text.as_bytes(),
            pos: 0,
            spots: BTreeMap::new(),
        };
        s.value(String::new());
        assert_eq!(line_column(text, s.offset("rules[0].every")), (3, 18));
        assert_eq!(line_column(text, s.offset("rules[0]")), (3, 5));
        assert_eq!(line_column(text, s.offset("rules[0].missing")), (3, 5));
        assert_eq!(line_column(text, s.offset("")), (1, 1));
    }
}
