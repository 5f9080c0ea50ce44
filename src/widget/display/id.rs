//! The id a control without one is given, from its name.

/// An id from a control's name: `actions[0][who]` → `actions-0-who`.
pub(super) fn id_from(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-');
    if id.is_empty() {
        "sr-field".to_string()
    } else if id.starts_with(|c: char| c.is_ascii_digit()) {
        format!("sr-{id}")
    } else {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::id_from;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn ids_from_names() {
        assert_eq!(id_from("actions[0][who]"), "actions-0-who");
        assert_eq!(id_from("staff name"), "staff-name");
        assert_eq!(id_from("2nd"), "sr-2nd");
        assert_eq!(id_from("[]"), "sr-field");
    }
}
