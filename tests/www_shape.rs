//! The demo pages (`www/`) use the package as a user would (issue 23): every error and every
//! due-dates panel is drawn by the widget (`attach`, `showError`, `showProblems`,
//! `renderSchedule`), so the pages hold no GOV.UK error pattern and no panel of their own
//! (the policy workbench's list of a policy's problems among them); they import the package's
//! entry points (`pkg/<entry>/index.js`), never wasm-bindgen's raw glue; they copy none of
//! the package's files; and the words for statuses and kinds come from the package
//! (`labels()`), never a page's own list. Checked on the text of every page and script.

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("www/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "js" || e == "html" || e == "css")
        {
            out.push(path);
        }
    }
}

fn pages() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut list = Vec::new();
    files(&root, &mut list);
    list.sort();
    list.into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(&root)
                .expect("under www/")
                .to_string_lossy()
                .replace('\\', "/");
            (name, fs::read_to_string(&p).expect("a page is text"))
        })
        .collect()
}

/// `what` in `name`'s text, with the line it is on.
fn found(name: &str, text: &str, what: &[&str]) -> Vec<String> {
    text.lines()
        .enumerate()
        .flat_map(|(i, line)| {
            what.iter()
                .filter(move |w| line.contains(*w))
                .map(move |w| format!("www/{name}:{}: {w}", i + 1))
        })
        .collect()
}

#[test]
fn no_error_pattern_or_panel_of_their_own() {
    // The GOV.UK error pattern's parts (summary, inline message, marks) and a due-dates
    // panel's: the widget draws them.
    let pattern = [
        "error-summary",
        "error-message",
        "aria-invalid",
        "form-group-error",
        "govuk-error",
        "There is a problem",
        "function renderSchedule",
        "obligation-due",
        "Past breaches",
    ];
    let mut bad = Vec::new();
    for (name, text) in pages() {
        // Styles are looks, not code (editor.css styles the widget's messages in the editor).
        if name.ends_with(".css") {
            continue;
        }
        bad.extend(found(&name, &text, &pattern));
    }
    assert!(
        bad.is_empty(),
        "drawn by the page, not the widget:\n{}",
        bad.join("\n")
    );
}

#[test]
fn pages_import_entry_points_and_copy_nothing() {
    let mut bad = Vec::new();
    for (name, text) in pages() {
        // wasm-bindgen's glue (`supervision_rules.js`) as a module imported; the .wasm's name
        // in a comment is fine.
        bad.extend(found(&name, &text, &["supervision_rules.js"]));
        // Words the package gives (labels()): a page's own list of status words.
        bad.extend(found(
            &name,
            &text,
            &["'Not yet due'", "'On time'", "'Due soon'"],
        ));
    }
    assert!(bad.is_empty(), "not as a user would:\n{}", bad.join("\n"));
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    // The package's stylesheet is served from the package; its team model lives in js/.
    for copy in ["supervision-rules.css", "team-model.js", "team-model.d.ts"] {
        assert!(
            !www.join(copy).exists(),
            "www/{copy}: a copy of the package's file"
        );
    }
}

/// One form builder (issue 23's "one of each"): a template becomes a form in
/// `www/record-form.js` alone, which the case-record page and the page for every template
/// both import. A row control named as the widget reads it (`actions[0][who]`) and the
/// table of a row's columns are written nowhere else.
#[test]
fn one_form_builder() {
    const BUILDER: &str = "record-form.js";
    let mut bad = Vec::new();
    for (name, text) in pages() {
        if name == BUILDER || name.ends_with(".css") || name.ends_with(".html") {
            continue;
        }
        bad.extend(found(
            &name,
            &text,
            &["}][${", "COLUMNS", "function renderField"],
        ));
    }
    assert!(
        bad.is_empty(),
        "a template made into a form outside www/{BUILDER}:\n{}",
        bad.join("\n")
    );
    for (name, text) in pages() {
        if name == "app.js" || name == "templates/form.js" {
            assert!(
                text.contains("record-form.js'") && text.contains("recordForm("),
                "www/{name} builds its form with www/{BUILDER}"
            );
        }
    }
}
