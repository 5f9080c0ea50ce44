//! `supervision-rules`: checks and compiles a council's policy file, for CI.
//!
//! ```text
//! supervision-rules check policy.json     every problem as file:line:column: path: message
//! supervision-rules compile policy.json [-o compiled.json]
//!                                         the compiled form for loadPolicy (stdout by default)
//! ```
//!
//! Exit codes: 0 the policy is valid (and, for `compile`, written); 1 it has problems;
//! 2 usage, or a file that cannot be read or written. `extends` resolves against the
//! built-in policies. The messages are the ones `registerPolicy` gives.

use std::process::ExitCode;
use supervision_rules::policy::{check_text, Registry};

const USAGE: &str = concat!(
    "usage: supervision-rules check <policy.json>\n",
    "       supervision-rules compile <policy.json> [-o <compiled.json>]"
);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check", file] => check(file).0,
        ["compile", file] => compile(file, None),
        ["compile", file, "-o", out] => compile(file, Some(out)),
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Checks `file`, printing every problem; its text when it has none.
fn check(file: &str) -> (ExitCode, Option<String>) {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            return (ExitCode::from(2), None);
        }
    };
    let problems = check_text(&text, &Registry::with_builtins());
    if problems.is_empty() {
        eprintln!("{file}: ok");
        return (ExitCode::SUCCESS, Some(text));
    }
    for p in &problems {
        let path = if p.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", p.path)
        };
        println!("{file}:{}:{}: {path}{}", p.line, p.column, p.expected);
    }
    let n = problems.len();
    eprintln!("{file}: {n} problem{}", if n == 1 { "" } else { "s" });
    (ExitCode::from(1), None)
}

/// Checks `file` and writes its compiled form to `out` (or stdout).
fn compile(file: &str, out: Option<&str>) -> ExitCode {
    let (code, text) = check(file);
    let Some(text) = text else {
        return code;
    };
    let compiled = serde_json::from_str(&text)
        .map_err(|e| e.to_string())
        .and_then(|v| {
            Registry::with_builtins()
                .compile(v)
                .map_err(|e| e.to_string())
        });
    let compiled = match compiled {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(1);
        }
    };
    match out {
        None => {
            println!("{compiled}");
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(path, compiled) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{path}: cannot write: {e}");
                ExitCode::from(2)
            }
        },
    }
}
