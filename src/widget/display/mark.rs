//! A mark on one of the page's own elements (`aria-describedby`, `aria-invalid`, the form
//! group's error class), remembering the value it replaced so that taking it away restores
//! the page exactly.

use wasm_bindgen::JsValue;
use web_sys::Element;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum MarkKind {
    DescribedBy,
    Invalid,
    GroupError,
}

/// A change to one of the page's own elements, and what it replaced.
pub(super) struct Mark {
    pub(super) el: Element,
    pub(super) kind: MarkKind,
    /// The attribute's value before the widget touched it (for the class: `Some` when the
    /// element already had it).
    original: Option<String>,
    /// What the widget last set.
    set: Option<String>,
    /// The ids the widget added to `aria-describedby`.
    ours: Vec<String>,
}

const GROUP_ERROR: &str = "govuk-form-group--error";

impl Mark {
    pub(super) fn new(el: &Element, kind: MarkKind) -> Mark {
        let original = match kind {
            MarkKind::DescribedBy => el.get_attribute("aria-describedby"),
            MarkKind::Invalid => el.get_attribute("aria-invalid"),
            MarkKind::GroupError => el.class_list().contains(GROUP_ERROR).then(String::new),
        };
        Mark {
            el: el.clone(),
            kind,
            original,
            set: None,
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
            MarkKind::GroupError => {
                if self.original.is_none() {
                    self.el.class_list().add_1(GROUP_ERROR)?;
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
            MarkKind::GroupError => {
                if self.original.is_none() {
                    let _ = self.el.class_list().remove_1(GROUP_ERROR);
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
