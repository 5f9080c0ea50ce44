//! A mark on one of the page's own elements (`aria-describedby`, `aria-invalid`, the form
//! group's and the control's GOV.UK error classes), remembering the value it replaced so that taking it away restores
//! the page exactly.

use wasm_bindgen::JsValue;
use web_sys::Element;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum MarkKind {
    DescribedBy,
    Invalid,
    /// A GOV.UK error modifier class: `govuk-form-group--error`, `govuk-input--error`, …
    Class(&'static str),
}

/// A change to one of the page's own elements, and what it replaced.
pub(super) struct Mark {
    pub(super) el: Element,
    pub(super) kind: MarkKind,
    /// The attribute's value before the widget touched it (for the class: `Some` when the
    /// element already had it).
    original: Option<String>,
    /// What the widget last set (for a class: the `class` attribute before the widget).
    set: Option<String>,
    /// The ids the widget added to `aria-describedby`.
    ours: Vec<String>,
}

/// The form group's error class.
pub(super) const GROUP_ERROR: &str = "govuk-form-group--error";

/// The error modifier govuk-frontend gives a control of this kind: text-like inputs (the
/// date input's boxes among them), textareas and selects; none for radios and checkboxes,
/// whose group alone is marked.
pub(super) fn control_error_class(el: &Element) -> Option<&'static str> {
    match el.tag_name().to_ascii_uppercase().as_str() {
        "TEXTAREA" => Some("govuk-textarea--error"),
        "SELECT" => Some("govuk-select--error"),
        "INPUT" => {
            let kind = el
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            (!matches!(kind.as_str(), "radio" | "checkbox")).then_some("govuk-input--error")
        }
        _ => None,
    }
}

impl Mark {
    pub(super) fn new(el: &Element, kind: MarkKind) -> Mark {
        let original = match kind {
            MarkKind::DescribedBy => el.get_attribute("aria-describedby"),
            MarkKind::Invalid => el.get_attribute("aria-invalid"),
            MarkKind::Class(class) => el.class_list().contains(class).then(String::new),
        };
        // For a class: the `class` attribute as it was, so that taking the last class away
        // takes away an attribute the element did not have.
        let set = match kind {
            MarkKind::Class(_) => el.get_attribute("class"),
            _ => None,
        };
        Mark {
            el: el.clone(),
            kind,
            original,
            set,
            ours: Vec::new(),
        }
    }

    pub(super) fn apply(&mut self, ids: Vec<String>) -> Result<(), JsValue> {
        match self.kind {
            MarkKind::DescribedBy => {
                let current = self.el.get_attribute("aria-describedby");
                if self.set.is_some() && current != self.set {
                    // The page changed it meanwhile: keep its change, less our ids.
                    self.original = current.as_deref().map(|c| without(c, &self.ours));
                }
                let mut tokens: Vec<&str> = self
                    .original
                    .as_deref()
                    .map(|o| o.split_ascii_whitespace().collect())
                    .unwrap_or_default();
                tokens.extend(ids.iter().map(String::as_str));
                let value = tokens.join(" ");
                if current.as_deref() != Some(value.as_str()) {
                    self.el.set_attribute("aria-describedby", &value)?;
                }
                self.set = Some(value);
                self.ours = ids;
            }
            MarkKind::Invalid => {
                if self.el.get_attribute("aria-invalid").as_deref() != Some("true") {
                    self.el.set_attribute("aria-invalid", "true")?;
                }
                self.set = Some("true".into());
            }
            MarkKind::Class(class) => {
                if self.original.is_none() {
                    self.el.class_list().add_1(class)?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn restore(&self) {
        // Restoring sets attributes the element already had or removes them: neither can
        // fail for these names, and there is no one to report a failure to.
        match self.kind {
            MarkKind::DescribedBy => {
                let current = self.el.get_attribute("aria-describedby");
                if current == self.set {
                    let _ = match &self.original {
                        Some(o) => self.el.set_attribute("aria-describedby", o),
                        None => self.el.remove_attribute("aria-describedby"),
                    };
                } else if let Some(c) = current {
                    let left = without(&c, &self.ours);
                    let _ = if left.is_empty() && self.original.is_none() {
                        self.el.remove_attribute("aria-describedby")
                    } else {
                        self.el.set_attribute("aria-describedby", &left)
                    };
                }
            }
            MarkKind::Invalid => {
                if self.el.get_attribute("aria-invalid").as_deref() == Some("true") {
                    let _ = match &self.original {
                        Some(o) => self.el.set_attribute("aria-invalid", o),
                        None => self.el.remove_attribute("aria-invalid"),
                    };
                }
            }
            MarkKind::Class(class) => {
                if self.original.is_none() {
                    let _ = self.el.class_list().remove_1(class);
                    let emptied = self.el.get_attribute("class").is_some_and(|c| c.is_empty());
                    if emptied && self.set.is_none() {
                        let _ = self.el.remove_attribute("class");
                    }
                }
            }
        }
    }
}

/// `list` less the tokens in `ours`, single-spaced.
pub(super) fn without(list: &str, ours: &[String]) -> String {
    list.split_ascii_whitespace()
        .filter(|t| !ours.iter().any(|o| o == t))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::without;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn describedby_tokens() {
        let ours = vec!["a-error".to_string()];
        assert_eq!(without("hint  a-error other", &ours), "hint other");
    }
}
