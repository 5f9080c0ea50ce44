//! The shape ARCHITECTURE.md promises, checked: no file in `src/` over 500 lines and no
//! function over 80 (tests excepted), so a rule kind or a check stays small enough to read
//! at once. Counted on the text: a function runs from its `fn` line to the line that closes
//! it at the same indentation; `#[cfg(test)]` modules and `tests/` folders are left out.

use std::collections::{BTreeMap, BTreeSet};
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

/// A file's module path from `src/`: `src/schedule/engine.rs` is `["schedule", "engine"]`,
/// `src/schedule/mod.rs` `["schedule"]`, `src/lib.rs` `[]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("a file under src/");
    let mut path: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    if path.last().is_some_and(|l| l == "mod" || l == "lib") {
        path.pop();
    }
    path
}

/// A file's code: before its `#[cfg(test)]` module, without comment lines (a doc link is no
/// import).
fn code_text(text: &str) -> String {
    code_lines(text)
        .into_iter()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names a hub (`mod.rs`, `lib.rs`) defines itself, at the top level: its functions,
/// types, traits, constants, statics and macros. Its `use` and `pub use` are not its own.
fn defined(code: &str) -> BTreeSet<String> {
    const KINDS: [&str; 9] = [
        "fn ",
        "struct ",
        "enum ",
        "trait ",
        "type ",
        "const ",
        "static ",
        "union ",
        "macro_rules! ",
    ];
    let mut names = BTreeSet::new();
    for line in code
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '}']))
    {
        let mut rest = line;
        for prefix in ["pub(crate) ", "pub(super) ", "pub ", "const fn", "unsafe "] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        if let Some(kind) = KINDS.iter().find(|k| rest.starts_with(*k)) {
            let name: String = rest[kind.len()..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

/// Every path a file names from `crate::` or `super::`, absolute, with `use` groups
/// unfolded: `use super::{a::B, C}` in `src/x/y.rs` gives `[x, a, B]` and `[x, C]`.
fn paths(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let start = ["crate::", "super::"]
            .iter()
            .find(|p| rest.starts_with(*p))
            .filter(|_| i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        if start.is_none() {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let (mut base, mut j) = (module.to_vec(), i);
        if rest.starts_with("crate::") {
            base.clear();
            j += "crate::".len();
        }
        while code[j..].starts_with("super::") {
            base.pop();
            j += "super::".len();
        }
        i = tree(code, j, base, &mut out);
    }
    out
}

/// Reads a use tree at `at` (`a::b::C`, `a::{B, c::D}`, `*`) below `base`; returns where it
/// ends.
fn tree(code: &str, mut at: usize, mut base: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    loop {
        let rest = &code[at..];
        if let Some(inner) = rest.strip_prefix('{') {
            let mut k = code.len() - inner.len();
            loop {
                k += code[k..].len() - code[k..].trim_start().len();
                if code[k..].starts_with('}') {
                    return k + 1;
                }
                k = tree(code, k, base.clone(), out);
                k += code[k..].len() - code[k..].trim_start().len();
                if code[k..].starts_with(',') {
                    k += 1;
                }
            }
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '*')
            .collect();
        if name.is_empty() {
            out.push(base);
            return at;
        }
        at += name.len();
        base.push(name);
        if code[at..].starts_with("::") {
            at += 2;
        } else {
            // `self` in a group names the module itself.
            if base.last().is_some_and(|n| n == "self") {
                base.pop();
            }
            out.push(base);
            return at;
        }
    }
}

/// Top-level modules that import each other, known and to go. `code` and `finding` are in
/// no circle: validation's codes and the schedule's breaches are one `Code` (issue 23).
const KNOWN_CIRCLES: &[(&str, &str)] = &[
    // None left (issue 23): the words rules share are in `terms`, the readers' machinery in
    // `read`; `schedule` holds `Rule` and its kinds and reads a policy through its `Rulebook`
    // trait, `validate` holds `Template` and its rule kinds, and `policy` imports both.
];

struct Source {
    module: Vec<String>,
    code: String,
}

fn sources() -> Vec<Source> {
    let src = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files
        .iter()
        .filter(|f| !f.starts_with(src.join("bin")))
        .map(|f| Source {
            module: module_path(src, f),
            code: code_text(&fs::read_to_string(f).expect("a source file")),
        })
        .collect()
}

#[test]
fn no_child_imports_from_its_parents_hub() {
    let all = sources();
    let hubs: BTreeMap<Vec<String>, BTreeSet<String>> = all
        .iter()
        .map(|s| (s.module.clone(), defined(&s.code)))
        .filter(|(_, names)| !names.is_empty())
        .collect();
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in &all {
        for path in paths(&s.module, &s.code) {
            // Each hub above the file: the crate's, then its folders' down to its parent's.
            for k in 0..path.len().min(s.module.len()) {
                let (hub, name) = (&path[..k], &path[k]);
                if s.module[..k] != *hub {
                    break;
                }
                if hubs
                    .get(hub)
                    .is_some_and(|names| names.contains(name) || name == "*")
                {
                    let hub = format!("src/{}", hub_file(hub));
                    found.entry(hub).or_default().insert(format!(
                        "src/{} imports `{}`",
                        s.module.join("/"),
                        path[..=k].join("::")
                    ));
                }
            }
        }
    }
    // Every hub emptied (issue 23): none may fill again.
    let new: Vec<&String> = found.values().flatten().collect();
    assert!(
        new.is_empty(),
        "a child importing what its parent's hub defines (move it to a file of its own and \
         re-export it):\n{}",
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The file of the hub of a module path: `lib.rs` for the crate, `x/mod.rs` else.
fn hub_file(module: &[String]) -> String {
    if module.is_empty() {
        "lib.rs".to_string()
    } else {
        format!("{}/mod.rs", module.join("/"))
    }
}

#[test]
fn no_two_modules_import_each_other() {
    let mut edges: BTreeSet<(String, String)> = BTreeSet::new();
    for s in sources() {
        let Some(me) = s.module.first() else { continue };
        for path in paths(&s.module, &s.code) {
            if let Some(other) = path.first().filter(|o| *o != me) {
                edges.insert((me.clone(), other.clone()));
            }
        }
    }
    let circles: BTreeSet<(String, String)> = edges
        .iter()
        .filter(|(a, b)| a < b && edges.contains(&(b.clone(), a.clone())))
        .cloned()
        .collect();
    let known: BTreeSet<(String, String)> = KNOWN_CIRCLES
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    for m in ["code", "finding"] {
        assert!(
            circles.iter().all(|(a, b)| a != m && b != m),
            "`{m}` imports a module that imports it: {circles:?}"
        );
    }
    let new: Vec<_> = circles.difference(&known).collect();
    assert!(new.is_empty(), "modules importing each other: {new:?}");
    let gone: Vec<_> = known.difference(&circles).collect();
    assert!(
        gone.is_empty(),
        "no longer a circle, take out of KNOWN_CIRCLES: {gone:?}"
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

/// The keys of `export const <name> = { … };` in www/editor/kinds.js: each line at two
/// spaces' indent that opens an entry (`cadence: {` or `'min-count': {`).
fn editor_keys(name: &str) -> BTreeSet<String> {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/editor/kinds.js"))
        .expect("www/editor/kinds.js");
    let start = text
        .find(&format!("export const {name} = {{"))
        .unwrap_or_else(|| panic!("www/editor/kinds.js has no {name}"));
    let body = &text[start..];
    let body = &body[..body.find("\n};").expect("the object's end")];
    body.lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split_once(": {").map(|(k, _)| k))
        .filter(|k| !k.starts_with(' '))
        .map(|k| k.trim_matches('\'').to_string())
        .collect()
}

/// Outside `src/`, a rule kind is named in two more places, both here: the format's reference
/// (docs/policy-format.md, which must name it) and the policy editor's sentences
/// (www/editor/kinds.js, which must have one for every kind and none for a kind the engine
/// lacks). A kind added to the engine alone fails here, naming what is missing.
#[test]
fn every_rule_kind_has_its_doc_and_its_editor_sentence() {
    use supervision_rules::policy::{RuleKind, TemplateRuleKind};
    let doc = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/policy-format.md"
    ))
    .expect("docs/policy-format.md");
    let mut problems = Vec::new();
    for (names, editor) in [
        (RuleKind::NAMES, "RULE_KINDS"),
        (TemplateRuleKind::NAMES, "TEMPLATE_RULE_KINDS"),
    ] {
        let keys = editor_keys(editor);
        let names: BTreeSet<String> = names.iter().map(|n| n.to_string()).collect();
        for n in names.difference(&keys) {
            problems.push(format!("{n}: no sentence in www/editor/kinds.js {editor}"));
        }
        for k in keys.difference(&names) {
            problems.push(format!(
                "{k}: in www/editor/kinds.js {editor}, not a kind of the engine"
            ));
        }
        for n in &names {
            if !doc.contains(&format!("`{n}`")) {
                problems.push(format!("{n}: not named in docs/policy-format.md"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
