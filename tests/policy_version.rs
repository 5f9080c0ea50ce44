//! Every built-in policy's data carries a version (issue 12, item 6; CHANGELOG.md says when
//! it changes), and a compiled policy keeps it.
#![cfg(not(target_arch = "wasm32"))]

use supervision_rules::policy::Registry;

#[test]
fn every_builtin_policy_has_a_version_of_the_form_year_dot_n() {
    let registry = Registry::with_builtins();
    for p in registry.all() {
        let v = p
            .version
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no version", p.id));
        let (year, n) = v.split_once('.').unwrap_or_else(|| panic!("{}: {v}", p.id));
        assert!(
            year.len() == 4 && year.parse::<u32>().is_ok(),
            "{}: {v}",
            p.id
        );
        assert!(n.parse::<u32>().is_ok_and(|n| n >= 1), "{}: {v}", p.id);
    }
}
