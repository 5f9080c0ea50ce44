//! Page safety (issue 8): the package runs inside pages that hold children's records, so its
//! source may not use the browser APIs that would leak, store or execute what it is given,
//! nor read the clock behind the caller's back.
//!
//! A source scan of `src/` (Rust, CSS and any JavaScript; test code excluded: `tests.rs` files
//! and everything after a file's `#[cfg(test)]`; comment lines skipped). Each forbidden API is
//! listed with its JavaScript and its web-sys/js-sys spelling. Two kinds are allowed only at
//! reviewed sites, listed below with their reason: a new site fails this test until it is
//! reviewed and added.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// (what, the spellings that are forbidden anywhere in src/).
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "HTML from strings (text goes in with textContent)",
        &[
            "innerHTML",
            "inner_html",
            "outerHTML",
            "outer_html",
            "insertAdjacentHTML",
            "insert_adjacent_html",
            "document.write",
            "DomParser",
            "DOMParser",
            "create_contextual_fragment",
        ],
    ),
    (
        "code from strings",
        &[
            "eval(",
            "Function(",
            "Function::new",
            "setTimeout(\"",
            "javascript:",
        ],
    ),
    (
        "network requests",
        &[
            "fetch",
            "XmlHttpRequest",
            "XMLHttpRequest",
            "WebSocket",
            "EventSource",
            "send_beacon",
            "sendBeacon",
            "Request::new",
            "import(",
            "@import",
            "url(",
        ],
    ),
    (
        "storage",
        &[
            "localStorage",
            "local_storage",
            "sessionStorage",
            "session_storage",
            "indexedDB",
            "indexed_db",
            "cookie",
            "CacheStorage",
            "caches",
        ],
    ),
    (
        "logging data",
        &[
            "console::log",
            "console.log",
            "console::info",
            "console::debug",
        ],
    ),
    (
        "the clock (the core takes asOf and today as arguments)",
        &[
            "Utc::now",
            "Local::now",
            "SystemTime",
            "Instant::now",
            "Date::now",
        ],
    ),
    (
        "inline handlers and styles (a strict CSP blocks them)",
        &[
            "set_attribute(\"on",
            "setAttribute(\"on",
            "set_attribute(\"style\"",
        ],
    ),
];

/// (spelling, file, what the line must also contain, why it is allowed). Every other
/// occurrence of the spelling in src/ is a failure.
const REVIEWED: &[(&str, &str, &str, &str)] = &[
    (
        "console::",
        "src/widget/attached.rs",
        "console::error_2(&format!(\"supervision-rules: {context}\")",
        "a failure inside an event listener, where there is no caller to throw to: the context \
         is a fixed phrase and the value is the package's own error, which names a path and \
         what was expected, never a value",
    ),
    (
        "console::",
        "src/widget/attached.rs",
        "console::warn_1(",
        "a form with no control for a required field: names the control and the template's \
         field id (the page's structure), never what was typed",
    ),
    (
        "console::",
        "src/widget/attached.rs",
        "console::error_1(",
        "options.absent names required fields: the template's field ids, labels and clauses \
         (the page's structure and the policy's words), never what was typed",
    ),
    (
        "Date::new_0",
        "src/widget/options.rs",
        "let now = js_sys::Date::new_0();",
        "the widget's default `today` for not-in-the-future checks is the person's own date, \
         read only when the page did not give `today`; the core never reads the clock",
    ),
];

/// Spellings found only at reviewed sites.
const GUARDED: &[&str] = &["console::", "Date::new"];

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            source_files(&p, out);
        } else if p.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| matches!(x, "rs" | "css" | "js" | "mjs" | "ts" | "html"))
        {
            out.push(p);
        }
    }
}

/// The non-test, non-comment lines of `src/`, as (file relative to the crate, line number,
/// line).
fn code_lines() -> Vec<(String, usize, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    source_files(&root.join("src"), &mut files);
    assert!(
        files.len() > 20,
        "expected the crate's sources, found {}",
        files.len()
    );
    let mut lines = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .expect("inside the crate")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&f).expect("source file");
        for (i, line) in text.lines().enumerate() {
            let t = line.trim_start();
            if t.starts_with("#[cfg(test)]") {
                break;
            }
            if t.starts_with("//") || t.starts_with("/*") || t.starts_with('*') {
                continue;
            }
            lines.push((rel.clone(), i + 1, line.to_string()));
        }
    }
    lines
}

/// Every forbidden spelling in `lines`.
fn forbidden(lines: &[(String, usize, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (file, n, line) in lines {
        for (what, spellings) in FORBIDDEN {
            for s in *spellings {
                if line.contains(s) {
                    found.push(format!("{file}:{n}: {what}: `{s}` in: {}", line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn no_forbidden_api_in_the_package_source() {
    let found = forbidden(&code_lines());
    assert!(found.is_empty(), "forbidden APIs:\n{}", found.join("\n"));
}

#[test]
fn console_and_clock_only_at_reviewed_sites() {
    let mut unreviewed = Vec::new();
    let mut used = vec![false; REVIEWED.len()];
    for (file, n, line) in code_lines() {
        for g in GUARDED {
            if !line.contains(g) {
                continue;
            }
            let site = REVIEWED
                .iter()
                .position(|(s, f, must, _)| line.contains(s) && *f == file && line.contains(must));
            match site {
                Some(i) => used[i] = true,
                None => unreviewed.push(format!("{file}:{n}: {}", line.trim())),
            }
        }
    }
    assert!(
        unreviewed.is_empty(),
        "console or clock use at a site not reviewed in tests/page_safety.rs:\n{}",
        unreviewed.join("\n")
    );
    // A reviewed site that has gone should leave the list too.
    for (i, (_, file, must, _)) in REVIEWED.iter().enumerate() {
        assert!(used[i], "reviewed site no longer in {file}: {must}");
    }
}

/// The scan itself: it finds each spelling in ordinary code, and ignores comments and tests.
#[test]
fn the_scan_finds_what_it_looks_for() {
    let lines = code_lines();
    // Something every build has, so the scan is known to read the files.
    assert!(lines
        .iter()
        .any(|(f, _, l)| f == "src/lib.rs" && l.contains("pub mod calendar;")));
    assert!(
        !lines
            .iter()
            .any(|(_, _, l)| l.trim_start().starts_with("//")),
        "comment lines are skipped"
    );
    // Each kind is caught in the spellings a change would most likely bring in.
    let samples = [
        "el.set_inner_html(&record_text);",
        "el.insert_adjacent_html(\"beforeend\", &s)?;",
        "js_sys::eval(&code)?;",
        "let f = js_sys::Function::new_no_args(&code);",
        "window.fetch_with_str(&url);",
        "let x = web_sys::XmlHttpRequest::new()?;",
        "window.local_storage()?;",
        "window.session_storage()?;",
        "web_sys::console::log_1(&value);",
        "let today = chrono::Utc::now();",
        "let t = std::time::SystemTime::now();",
    ];
    for s in samples {
        let line = [("src/x.rs".to_string(), 1, s.to_string())];
        assert!(!forbidden(&line).is_empty(), "not caught: {s}");
    }
}
