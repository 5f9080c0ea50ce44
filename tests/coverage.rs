//! The coverage table: every rule and template of every built-in policy, with its clause
//! and the tests that exercise it, generated from the data into `docs/coverage.md`.
//!
//! A rule is covered when a test in its policy's scenario file
//! (`tests/scenarios_<policy>.rs`) names it in a `rule: <id>` comment. The test fails if a
//! rule has no test, and if `docs/coverage.md` is out of date (run
//! `UPDATE_COVERAGE=1 cargo test --test coverage` to regenerate it).

use std::fmt::Write as _;
use supervision_rules::policy::Registry;

/// The tests in `text` whose doc comment or body mentions `rule: <id>` as a whole word.
fn tests_naming(text: &str, id: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = false;
    for line in text.lines() {
        if mentions(line, id) {
            pending = true;
        }
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("fn ") {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if pending && !found.contains(&name) {
                found.push(name);
            }
            pending = false;
        }
    }
    // A mention inside a test body, after its `fn` line: attribute it to that test.
    let mut current = String::new();
    for line in text.lines() {
        if let Some(rest) = line.trim_start().strip_prefix("fn ") {
            current = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
        } else if !line.trim_start().starts_with("///")
            && mentions(line, id)
            && !current.is_empty()
            && !found.contains(&current)
        {
            found.push(current.clone());
        }
    }
    found
}

/// `rule: <id>` (or `rule: a, b`) with `id` as a whole word.
fn mentions(line: &str, id: &str) -> bool {
    let Some(at) = line.find("rule:").or_else(|| line.find("rules:")) else {
        return false;
    };
    let rest = &line[at..];
    rest.match_indices(id).any(|(i, _)| {
        let before = rest[..i].chars().last();
        let after = rest[i + id.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
        !word(before) && !word(after)
    })
}

fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[test]
fn every_rule_has_a_scenario_and_the_table_is_current() {
    let root = env!("CARGO_MANIFEST_DIR");
    let registry = Registry::with_builtins();
    let mut doc = String::from(
        "# Rule and template coverage\n\n\
         Generated from the policy data by `tests/coverage.rs` \
         (`UPDATE_COVERAGE=1 cargo test --test coverage`); do not edit by hand.\n\n\
         Every template is exercised by the generated tests in `tests/validate_templates.rs` \
         (a complete record is valid; removing any required field makes it invalid with that \
         field's id in the path) and `tests/validate_privacy.rs`; every rule by the hand-worked \
         scenarios named here.\n",
    );
    let mut missing = Vec::new();
    for p in registry.all() {
        let file = format!("tests/scenarios_{}.rs", p.id.replace('-', "_"));
        let mut text = std::fs::read_to_string(format!("{root}/{file}")).unwrap_or_default();
        // Team and service duties are worked out by `schedule_team`, and their scenarios
        // are in one file for every policy.
        text.push_str(
            &std::fs::read_to_string(format!("{root}/tests/scenarios_team.rs")).unwrap_or_default(),
        );
        let _ = write!(doc, "\n## {} ({})\n\n### Rules\n\n| rule | kind | source | tests in `{file}` (team duties: `tests/scenarios_team.rs`) |\n|---|---|---|---|\n", p.authority, p.id);
        for r in &p.rules {
            let tests = tests_naming(&text, &r.id);
            if tests.is_empty() {
                missing.push(format!("{}/{}", p.id, r.id));
            }
            let _ = writeln!(
                doc,
                "| `{}` | {} | {} | {} |",
                r.id,
                r.kind.name(),
                escape(&r.source),
                tests
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let _ = write!(doc, "\n### Templates\n\n| template | title | source | fields | required (always / final) |\n|---|---|---|---|---|\n");
        for t in &p.templates {
            let fields: Vec<_> = t.fields().collect();
            let always = fields
                .iter()
                .filter(|f| f.required == supervision_rules::policy::Required::Always)
                .count();
            let fin = fields
                .iter()
                .filter(|f| f.required == supervision_rules::policy::Required::Final)
                .count();
            let _ = writeln!(
                doc,
                "| `{}` | {} | {} | {} | {} / {} |",
                t.id,
                escape(&t.title),
                escape(&t.source),
                fields.len(),
                always,
                fin
            );
        }
    }
    assert!(
        missing.is_empty(),
        "rules with no scenario test naming them (`rule: <id>`): {missing:?}"
    );

    let path = format!("{root}/docs/coverage.md");
    if std::env::var_os("UPDATE_COVERAGE").is_some() {
        std::fs::write(&path, &doc).expect("write docs/coverage.md");
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == doc,
        "docs/coverage.md is out of date: run UPDATE_COVERAGE=1 cargo test --test coverage"
    );
}
