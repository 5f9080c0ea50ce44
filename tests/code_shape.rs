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
