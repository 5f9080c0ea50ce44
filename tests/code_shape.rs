//! The shape ARCHITECTURE.md promises, checked: no file in `src/` over 500 lines and no
//! function over 80 (tests excepted), so a rule kind or a check stays small enough to read
//! at once. Counted on the text: a function runs from its `fn` line to the line that closes
//! it at the same indentation; `#[cfg(test)]` modules and `tests/` folders are left out.

use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 500;
const MAX_FN_LINES: usize = 80;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

/// The lines of a file before its `#[cfg(test)]` module, if any.
fn code_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .iter()
        .position(|l| l.trim() == "#[cfg(test)]")
        .unwrap_or(lines.len());
    lines[..end].to_vec()
}

fn is_fn_start(line: &str) -> bool {
    let t = line.trim_start();
    let t = t
        .trim_start_matches("pub(crate) ")
        .trim_start_matches("pub(super) ")
        .trim_start_matches("pub ")
        .trim_start_matches("const ")
        .trim_start_matches("unsafe ");
    t.starts_with("fn ") && !line.trim_end().ends_with(';')
}

fn long_functions(path: &Path, lines: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !is_fn_start(line) {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let close = " ".repeat(indent) + "}";
        let end = lines[i..]
            .iter()
            .position(|l| l.trim_end() == close)
            .map_or(lines.len(), |k| i + k);
        let length = end - i + 1;
        if length > MAX_FN_LINES {
            let name = line
                .split("fn ")
                .nth(1)
                .and_then(|s| s.split(['(', '<']).next())
                .unwrap_or(line);
            found.push(format!(
                "{}:{}: `fn {name}` is {length} lines",
                path.display(),
                i + 1
            ));
        }
    }
    found
}

#[test]
fn no_file_over_500_lines_and_no_function_over_80() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let mut problems = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).expect("a source file");
        let lines = code_lines(&text);
        if lines.len() > MAX_FILE_LINES {
            problems.push(format!("{}: {} lines", path.display(), lines.len()));
        }
        problems.extend(long_functions(path, &lines));
    }
    assert!(
        problems.is_empty(),
        "over the limits of ARCHITECTURE.md:\n{}",
        problems.join("\n")
    );
}

/// `not-future` → `NotFuture`.
fn type_name(kind: &str) -> String {
    kind.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Whether `line` holds `word` as a whole identifier, other than as a finding code
/// (`Code::DateOrder`, or its declaration `DateOrder = "date-order", …`).
fn names_type(line: &str, word: &str) -> bool {
    fn ident(c: char) -> bool {
        c.is_ascii_alphanumeric() || c == '_'
    }
    line.match_indices(word).any(|(i, _)| {
        let before = &line[..i];
        let after = &line[i + word.len()..];
        !before.ends_with(ident)
            && !after.starts_with(ident)
            && !before.ends_with("Code::")
            && !after.starts_with(" = \"")
    })
}

/// Adding a template rule kind is one file and one line (issue 23, as for a timing rule): in
/// `src/`, a kind's name (`"not-future"`, quoted as code writes it) and its type
/// (`NotFuture`) appear only in its own file (`src/validate/rules/not_future.rs`) and on its
/// one line of `template_rule_kinds!` in `src/validate/rules/mod.rs`. Left aside: a finding
/// code of the same name (`date-order`, declared where the codes are) and the TypeScript
/// contract's union (`'not-future'|…` in `src/wasm/types.rs`), which `tests/ts_contract.rs`
/// holds to `TemplateRuleKind::NAMES`.
#[test]
fn a_template_rule_kind_is_named_in_its_file_and_its_registration_line_only() {
    use supervision_rules::policy::TemplateRuleKind;
    let src = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let rules = src.join("validate/rules");
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let texts: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).expect("a source file");
            (p, text)
        })
        .collect();
    let mut problems = Vec::new();
    for kind in TemplateRuleKind::NAMES {
        let home = rules.join(format!("{}.rs", kind.replace('-', "_")));
        if !home.exists() {
            problems.push(format!("{kind}: no file {}", home.display()));
        }
        let (quoted, ty) = (format!("\"{kind}\""), type_name(kind));
        let mut registered = 0;
        for (path, text) in texts.iter().filter(|(p, _)| *p != home) {
            for (i, line) in text.lines().enumerate() {
                if !line.contains(&quoted) && !names_type(line, &ty) {
                    continue;
                }
                let module = kind.replace('-', "_");
                let registration = format!("{ty}({module}::{ty}) = {quoted};");
                if *path == rules.join("mod.rs") && line.trim() == registration {
                    registered += 1;
                } else if !line.contains(&format!("{ty} = {quoted},")) {
                    problems.push(format!("{kind}: {}:{}: {line}", path.display(), i + 1));
                }
            }
        }
        if registered != 1 {
            problems.push(format!(
                "{kind}: {registered} lines of template_rule_kinds! register it, not 1"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "a template rule kind named outside its file and its line:\n{}",
        problems.join("\n")
    );
}
