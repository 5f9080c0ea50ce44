//! The error summary and the warnings panel: made by the widget, or, for errors, the page's
//! own `.govuk-error-summary` joined.
//!
//! GOV.UK shows one error summary, at the top of the main content above the `<h1>`. A page
//! that already shows one (the server's errors) keeps it: the widget's findings are added to
//! its list after the server's, and taken away again when fixed, the server's left as they
//! are. Otherwise the widget makes its own, above the `<h1>` that heads the form (or in the
//! element `options.summary` names, or at the top of the form on a page without one).

use super::Display;
use crate::finding::Severity;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Node};

pub(super) const SUMMARY: &str = "govuk-error-summary";
/// Before the page's title while the summary shows errors, as the GOV.UK pattern asks.
const TITLE_PREFIX: &str = "Error: ";

pub(super) struct Panel {
    pub(super) root: Element,
    pub(super) list: Element,
    /// The page's own summary, joined: it stays when the widget's findings go.
    joined: bool,
    /// What the widget added to a joined summary (a list, the `tabindex` that lets it take
    /// focus), to take away with the widget's last finding.
    added: Vec<Element>,
    tabindex_added: bool,
}

impl Panel {
    /// A panel the widget made (not the page's own): all of it goes with its last item.
    fn made(root: Element, list: Element) -> Panel {
        Panel {
            root,
            list,
            joined: false,
            added: Vec::new(),
            tabindex_added: false,
        }
    }

    /// Whether this is the page's own summary, joined.
    pub(super) fn joined(&self) -> bool {
        self.joined
    }

    pub(super) fn remove(self) {
        if !self.joined {
            self.root.remove();
            return;
        }
        for el in self.added.iter().rev() {
            el.remove();
        }
        if self.tabindex_added {
            let _ = self.root.remove_attribute("tabindex");
        }
    }
}

impl Display {
    fn panel(&self, severity: Severity) -> Result<Panel, JsValue> {
        let d = &self.document;
        if severity == Severity::Error {
            return error_summary(d);
        }
        // Not a live region: warnings do not interrupt.
        let root = d.create_element("div")?;
        let title = d.create_element("h2")?;
        let list = d.create_element("ul")?;
        root.set_class_name("sr-warning-summary");
        title.set_class_name("sr-warning-summary__title");
        title.set_text_content(Some("Things to check"));
        list.set_class_name("govuk-list sr-warning-summary__list");
        root.append_with_node_1(&title)?;
        root.append_with_node_1(&list)?;
        Ok(Panel::made(root, list))
    }

    /// The page's own error summary, when it has one (or `options.summary` is one).
    fn page_summary(&self) -> Option<Element> {
        match &self.place {
            Some(el) if el.class_list().contains(SUMMARY) => Some(el.clone()),
            Some(_) => None,
            None => self
                .document
                .query_selector(&format!(".{SUMMARY}"))
                .ok()
                .flatten(),
        }
    }

    /// Joins the page's summary: its list (made when it has none) takes the widget's items.
    fn join(&self, root: Element) -> Result<Panel, JsValue> {
        join_summary(&self.document, root)
    }

    /// The summary, to move focus to: given a `tabindex` when it has none (govuk-frontend
    /// gives the page's summary one only while it has focus).
    pub(in crate::widget) fn summary(&mut self) -> Option<HtmlElement> {
        let p = self.summary.as_mut()?;
        if !p.root.has_attribute("tabindex") && p.root.set_attribute("tabindex", "-1").is_ok() {
            p.tabindex_added |= p.joined;
        }
        p.root.clone().dyn_into::<HtmlElement>().ok()
    }

    /// Puts a new summary where GOV.UK puts it: in `options.summary`'s element, else above
    /// the `<h1>` heading the form, else at the top of the form.
    fn place_summary(&self, root: &Element) -> Result<(), JsValue> {
        if let Some(el) = &self.place {
            el.insert_before(root, el.first_child().as_ref())?;
        } else if let Some(h1) = self.heading() {
            if let Some(parent) = h1.parent_node() {
                parent.insert_before(root, Some(&h1))?;
            }
        } else {
            self.form
                .insert_before(root, self.form.first_child().as_ref())?;
        }
        Ok(())
    }

    /// The main content's `<h1>`, when it comes before the form or inside it.
    fn heading(&self) -> Option<Element> {
        let main = match self.form.closest("main").ok().flatten() {
            Some(main) => main,
            None => self.document.query_selector("main").ok().flatten()?,
        };
        let h1 = main.query_selector("h1").ok().flatten()?;
        let before = self.form.compare_document_position(&h1) & Node::DOCUMENT_POSITION_PRECEDING;
        (before != 0 || self.form.contains(Some(&h1))).then_some(h1)
    }

    /// GOV.UK's "Error: " before the page's title while there are errors, taken away (only
    /// when the widget put it there) when there are none.
    fn title(&mut self, errors: bool) {
        let title = self.document.title();
        if errors && !self.titled && !title.starts_with(TITLE_PREFIX) {
            self.document.set_title(&format!("{TITLE_PREFIX}{title}"));
            self.titled = true;
        } else if !errors && self.titled {
            if let Some(rest) = title.strip_prefix(TITLE_PREFIX) {
                self.document.set_title(rest);
            }
            self.titled = false;
        }
    }

    /// The summary (errors) or the warnings panel, with the items shown, in order; made,
    /// joined or taken away as needed.
    pub(super) fn sync_panel(&mut self, severity: Severity) -> Result<(), JsValue> {
        let items: Vec<Element> = self
            .shown
            .iter()
            .filter(|s| s.finding.severity == severity)
            .map(|s| s.item.clone())
            .collect();
        if severity == Severity::Error {
            self.title(!items.is_empty());
        }
        if items.is_empty() {
            let slot = match severity {
                Severity::Error => self.summary.take(),
                Severity::Warning | Severity::Advisory => self.warnings.take(),
            };
            if let Some(p) = slot {
                p.remove();
            }
            return Ok(());
        }
        let exists = match severity {
            Severity::Error => self.summary.is_some(),
            Severity::Warning | Severity::Advisory => self.warnings.is_some(),
        };
        if !exists {
            match severity {
                Severity::Error => {
                    let panel = match self.page_summary() {
                        Some(root) => self.join(root)?,
                        None => {
                            let panel = self.panel(severity)?;
                            self.place_summary(&panel.root)?;
                            panel
                        }
                    };
                    self.summary = Some(panel);
                }
                Severity::Warning | Severity::Advisory => {
                    let panel = self.panel(severity)?;
                    // After a summary at the top of the form, else at the top of the form.
                    let before = match &self.summary {
                        Some(s) if s.root.parent_element().as_ref() == Some(&self.form) => {
                            s.root.next_sibling()
                        }
                        _ => self.form.first_child(),
                    };
                    self.form.insert_before(&panel.root, before.as_ref())?;
                    self.warnings = Some(panel);
                }
            }
        }
        let list = match severity {
            Severity::Error => self.summary.as_ref(),
            Severity::Warning | Severity::Advisory => self.warnings.as_ref(),
        }
        .map(|p| p.list.clone());
        let Some(list) = list else { return Ok(()) };
        // The widget's items go after the page's own, in the display's order.
        let mut before: Option<Node> = None;
        for item in items.iter().rev() {
            let in_place =
                item.parent_element().as_ref() == Some(&list) && item.next_sibling() == before;
            if !in_place {
                list.insert_before(item, before.as_ref())?;
            }
            before = Some(item.clone().into());
        }
        Ok(())
    }
}

/// Joins the page's summary: its list (made when it has none) takes the widget's items.
pub(super) fn join_summary(document: &Document, root: Element) -> Result<Panel, JsValue> {
    let mut added = Vec::new();
    let list = match root.query_selector(".govuk-error-summary__list")? {
        Some(list) => list,
        None => {
            let body = match root.query_selector(".govuk-error-summary__body")? {
                Some(body) => body,
                None => {
                    let body = document.create_element("div")?;
                    body.set_class_name("govuk-error-summary__body");
                    let inside = root.query_selector("[role=alert]")?;
                    inside.as_ref().unwrap_or(&root).append_with_node_1(&body)?;
                    added.push(body.clone());
                    body
                }
            };
            let list = document.create_element("ul")?;
            list.set_class_name("govuk-list govuk-error-summary__list");
            body.append_with_node_1(&list)?;
            if added.is_empty() {
                added.push(list.clone());
            }
            list
        }
    };
    Ok(Panel {
        root,
        list,
        joined: true,
        added,
        tabindex_added: false,
    })
}

/// A new GOV.UK error summary (govuk-frontend's markup, so that it styles it), not yet on
/// the page.
pub(super) fn error_summary(d: &Document) -> Result<Panel, JsValue> {
    let root = d.create_element("div")?;
    root.set_class_name(SUMMARY);
    root.set_attribute("data-module", "govuk-error-summary")?;
    root.set_attribute("tabindex", "-1")?;
    let alert = d.create_element("div")?;
    alert.set_attribute("role", "alert")?;
    let title = d.create_element("h2")?;
    title.set_class_name("govuk-error-summary__title");
    title.set_text_content(Some("There is a problem"));
    let body = d.create_element("div")?;
    body.set_class_name("govuk-error-summary__body");
    let list = d.create_element("ul")?;
    list.set_class_name("govuk-list govuk-error-summary__list");
    body.append_with_node_1(&list)?;
    alert.append_with_node_1(&title)?;
    alert.append_with_node_1(&body)?;
    root.append_with_node_1(&alert)?;
    Ok(Panel::made(root, list))
}
