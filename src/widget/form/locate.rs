//! Where on the page a finding about a path belongs: its control, its row, its field's
//! controls, or a container named for the field; where the inline message goes and which
//! GOV.UK form group is marked.

use super::super::options::DateParts;
use super::{tag, Control, Scan, Target};
use crate::validate::{FieldType, Template};
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlFormElement, Node};

impl Scan {
    /// Where the finding at `path` (`date`, `actions[2]`, `actions[2].when`) goes: its
    /// control; else the row's controls; else the field's; else a `<fieldset>` named for
    /// the field or an element with that id. `None` when the page has nothing for it.
    pub(in crate::widget) fn target(
        &self,
        path: &str,
        template: &Template,
        names: &BTreeMap<String, String>,
        dates: &BTreeMap<String, DateParts>,
        form: &HtmlFormElement,
    ) -> Option<Target> {
        let (id, rest) = match path.find('[') {
            Some(i) => (path.get(..i)?, path.get(i..).unwrap_or("")),
            None => (path, ""),
        };
        let field = template.field(id)?;
        let name = names.get(id).map_or(id, String::as_str);
        let mut chosen: Vec<&Control> = Vec::new();
        if matches!(field.kind, FieldType::Actions | FieldType::Children) {
            let rows = self.rows(name);
            let (row, key) = row_and_key(rest);
            if let Some(cells) = row.and_then(|i| rows.values().nth(i)) {
                if let Some(key) = key {
                    chosen = cells
                        .iter()
                        .filter(|(k, c)| *k == key && c.focusable)
                        .map(|(_, c)| *c)
                        .collect();
                }
                if chosen.is_empty() {
                    chosen = cells
                        .iter()
                        .filter(|(_, c)| c.focusable)
                        .map(|(_, c)| *c)
                        .collect();
                }
            }
            if chosen.is_empty() {
                chosen = rows
                    .values()
                    .flatten()
                    .filter(|(_, c)| c.focusable)
                    .map(|(_, c)| *c)
                    .collect();
            }
        } else if let Some(parts) = self.parts(field, name, dates) {
            // Day, month, year: the summary's link goes to the day.
            chosen = parts
                .names()
                .iter()
                .filter_map(|n| self.controls.iter().find(|c| c.name == *n && c.focusable))
                .collect();
        } else {
            chosen = self.named(name).filter(|c| c.focusable).collect();
        }
        if chosen.is_empty() {
            return self.container(name, form);
        }
        Some(self.group_target(&chosen, form))
    }

    fn group_target(&self, chosen: &[&Control], form: &HtmlFormElement) -> Target {
        let controls: Vec<HtmlElement> = chosen.iter().map(|c| c.el.clone()).collect();
        let elements: Vec<Element> = controls.iter().map(|c| c.clone().into()).collect();
        // A group of controls inside a fieldset of their own (radios, a table of actions) is
        // described once, on the fieldset, as GOV.UK does; otherwise each control is.
        let own_fieldset = if elements.len() > 1 {
            common_ancestor(&elements)
                .and_then(|a| a.closest("fieldset").ok().flatten())
                .filter(|fs| form.contains(Some(fs)))
                .filter(|fs| {
                    self.controls.iter().all(|c| {
                        !c.focusable
                            || chosen.iter().any(|k| k.el == c.el)
                            || !fs.contains(Some(&c.el))
                    })
                })
        } else {
            None
        };
        let described = match own_fieldset {
            Some(fs) => vec![fs],
            None => elements.clone(),
        };
        let placement = placement(&elements, form);
        let group = placement
            .as_ref()
            .and_then(|(parent, _)| form_group(parent, form));
        Target {
            link: controls.first().cloned(),
            controls,
            described,
            placement,
            group,
        }
    }

    /// A `<fieldset name=…>` or an element with the name as its id, inside the form.
    fn container(&self, name: &str, form: &HtmlFormElement) -> Option<Target> {
        let el: Element = match self.named(name).find(|c| c.fieldset) {
            Some(c) => c.el.clone().into(),
            None => form
                .owner_document()?
                .get_element_by_id(name)
                .filter(|e| form.contains(Some(e)))?,
        };
        // Inside it, after its legend.
        let mut before = el.first_child();
        while let Some(node) = before.clone() {
            match node.dyn_ref::<Element>() {
                Some(e) if tag(e) == "LEGEND" => before = node.next_sibling(),
                Some(_) => break,
                None => before = node.next_sibling(),
            }
        }
        let placement = before.map(|b| (el.clone(), b));
        Some(Target {
            controls: Vec::new(),
            described: vec![el.clone()],
            link: el.clone().dyn_into::<HtmlElement>().ok(),
            group: form_group(&el, form),
            placement,
        })
    }
}

/// `[2].when` → `(Some(2), Some("when"))`; `[2]` → `(Some(2), None)`.
fn row_and_key(rest: &str) -> (Option<usize>, Option<&str>) {
    let Some(rest) = rest.strip_prefix('[') else {
        return (None, None);
    };
    let Some((n, rest)) = rest.split_once(']') else {
        return (None, None);
    };
    (
        n.parse().ok(),
        rest.strip_prefix('.').filter(|k| !k.is_empty()),
    )
}

fn common_ancestor(els: &[Element]) -> Option<Element> {
    let mut candidate = els.first()?.clone();
    loop {
        if els.iter().all(|e| candidate.contains(Some(e))) {
            return Some(candidate);
        }
        candidate = candidate.parent_element()?;
    }
}

/// The child of `container` that holds `el`.
fn child_toward(container: &Element, el: &Element) -> Option<Element> {
    let mut node = el.clone();
    loop {
        let parent = node.parent_element()?;
        if parent == *container {
            return Some(node);
        }
        node = parent;
    }
}

/// Where an inline message for these controls goes: before the control, or before the
/// block that holds a group of them (inside their fieldset, after its legend), never inside
/// a label or a paragraph (not valid HTML, and a label would read it as the control's name)
/// nor between table rows.
fn placement(els: &[Element], form: &HtmlFormElement) -> Option<(Element, Node)> {
    let first = els.first()?;
    let mut node = if els.len() == 1 {
        first.clone()
    } else {
        let lca = common_ancestor(els)?;
        let container = matches!(tag(&lca).as_str(), "FIELDSET" | "FORM" | "TD" | "TH" | "LI")
            || lca.class_list().contains("govuk-form-group")
            || lca == ***form;
        if matches!(
            tag(&lca).as_str(),
            "TABLE" | "THEAD" | "TBODY" | "TFOOT" | "TR"
        ) {
            lca.closest("table").ok().flatten()?
        } else if container {
            child_toward(&lca, first)?
        } else {
            lca
        }
    };
    while let Some(parent) = node.parent_element() {
        let phrasing = matches!(
            tag(&parent).as_str(),
            "LABEL" | "P" | "SPAN" | "B" | "STRONG" | "EM" | "I" | "SMALL" | "A" | "CODE"
        );
        if phrasing && parent != ***form {
            node = parent;
        } else {
            break;
        }
    }
    let parent = node.parent_element()?;
    Some((parent, node.into()))
}

/// The GOV.UK form group around `el`, when it is inside the form.
fn form_group(el: &Element, form: &HtmlFormElement) -> Option<Element> {
    el.closest(".govuk-form-group")
        .ok()
        .flatten()
        .filter(|g| *g != ***form && form.contains(Some(g)))
}

#[cfg(test)]
mod tests {
    use super::row_and_key;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn paths() {
        assert_eq!(row_and_key("[2].when"), (Some(2), Some("when")));
        assert_eq!(row_and_key("[2]"), (Some(2), None));
        assert_eq!(row_and_key(""), (None, None));
    }
}
