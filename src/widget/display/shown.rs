//! What is on display ([`Display`]): the findings shown, the marks and ids the widget
//! added, and how it is brought up to date and taken away.

use super::id::id_from;
use super::mark::{control_error_class, Mark, MarkKind, GROUP_ERROR};
use super::summary::Panel;
use crate::finding::{Finding, Severity};
use crate::widget::form::Target;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlFormElement, Node};

/// Why the display is being brought up to date.
pub(in crate::widget) enum Reason<'a> {
    /// A submit or `validate()`: show every finding.
    Full,
    /// The user is typing: take away what is fixed, add nothing new.
    Input,
    /// The user changed this control: also show new findings about it.
    Change(&'a JsValue),
}

/// A finding and where it goes.
pub(in crate::widget) struct Item {
    pub(in crate::widget) finding: Finding,
    pub(in crate::widget) target: Option<Target>,
}

pub(super) struct Shown {
    pub(super) finding: Finding,
    pub(super) target: Option<Target>,
    /// The link's target id, when there is one.
    pub(super) link: Option<String>,
    /// The inline message `<p>`.
    pub(super) inline: Element,
    /// The `<li>` in the summary or the warnings panel.
    pub(super) item: Element,
}

/// What is on display.
pub(in crate::widget) struct Display {
    pub(super) document: Document,
    pub(super) form: HtmlFormElement,
    /// `options.summary`: a summary to join, or an element to put the summary in.
    pub(super) place: Option<Element>,
    pub(super) summary: Option<Panel>,
    pub(super) warnings: Option<Panel>,
    pub(super) shown: Vec<Shown>,
    pub(super) marks: Vec<Mark>,
    /// Ids the widget gave to controls that had none.
    pub(super) ids: Vec<(Element, String)>,
    /// Whether the widget put GOV.UK's "Error: " before the page's title.
    pub(super) titled: bool,
}

impl Display {
    pub(in crate::widget) fn new(
        document: Document,
        form: HtmlFormElement,
        place: Option<Element>,
    ) -> Display {
        Display {
            document,
            form,
            place,
            summary: None,
            warnings: None,
            shown: Vec::new(),
            marks: Vec::new(),
            ids: Vec::new(),
            titled: false,
        }
    }

    /// Brings the page up to date with `items` (errors first, then warnings, each in the
    /// report's order).
    pub(in crate::widget) fn show(
        &mut self,
        items: Vec<Item>,
        reason: Reason<'_>,
    ) -> Result<(), JsValue> {
        let mut old: Vec<Option<Shown>> = std::mem::take(&mut self.shown)
            .into_iter()
            .map(Some)
            .collect();
        let mut next: Vec<Shown> = Vec::new();
        let mut result = Ok(());
        for Item { finding, target } in items {
            let same = old.iter_mut().find(|s| {
                s.as_ref().is_some_and(|s| {
                    s.finding.path == finding.path
                        && s.finding.code == finding.code
                        && s.finding.severity == finding.severity
                })
            });
            if let Some(mut s) = same.and_then(Option::take) {
                let link = self.link_id(target.as_ref());
                if s.finding.message != finding.message || s.link != link {
                    s.finding = finding;
                    s.link = link;
                    if let Err(e) = self.fill(&s) {
                        result = Err(e);
                    }
                }
                s.target = target;
                next.push(s);
                continue;
            }
            let wanted = match reason {
                Reason::Full => true,
                Reason::Input => false,
                Reason::Change(el) => target
                    .as_ref()
                    .is_some_and(|t| t.controls.iter().any(|c| AsRef::<JsValue>::as_ref(c) == el)),
            };
            if wanted {
                match self.create(finding, target, &next) {
                    Ok(s) => next.push(s),
                    Err(e) => result = Err(e),
                }
            }
        }
        for s in old.into_iter().flatten() {
            s.inline.remove();
            s.item.remove();
        }
        self.shown = next;
        // Each step runs even when an earlier one failed, so the page is never left
        // half-marked; the first failure is reported.
        for step in [
            self.place_inline(),
            self.sync_panel(Severity::Error),
            self.sync_panel(Severity::Warning),
            self.sync_marks(),
        ] {
            if result.is_ok() {
                result = step;
            }
        }
        result
    }

    /// Takes away everything the widget added and restores what it changed.
    pub(in crate::widget) fn clear(&mut self) {
        // With nothing to show, nothing can fail to be created; removing cannot fail.
        let _ = self.show(Vec::new(), Reason::Full);
        for m in self.marks.drain(..) {
            m.restore();
        }
        for (el, id) in self.ids.drain(..) {
            if el.id() == id {
                el.remove_attribute("id").ok();
            }
        }
    }

    /// Whether `el` is inside the summary or the warnings panel.
    pub(in crate::widget) fn owns(&self, el: &Element) -> bool {
        [&self.summary, &self.warnings]
            .into_iter()
            .flatten()
            .any(|p| p.root.contains(Some(el)))
    }

    fn link_id(&mut self, target: Option<&Target>) -> Option<String> {
        let el = target?.link.clone()?;
        self.ensure_id(&el)
    }

    /// The element's id, giving it one derived from its name when it has none.
    fn ensure_id(&mut self, el: &Element) -> Option<String> {
        let id = el.id();
        if !id.is_empty() {
            return Some(id);
        }
        let base = id_from(&el.get_attribute("name").unwrap_or_default());
        let id = self.unique(&base, &[])?;
        el.set_id(&id);
        self.ids.push((el.clone(), id.clone()));
        Some(id)
    }

    /// `base`, or `base-2`, `base-3`…: the first not used in the document nor by `pending`.
    fn unique(&self, base: &str, pending: &[Shown]) -> Option<String> {
        (1..10_000u32)
            .map(|n| {
                if n == 1 {
                    base.to_string()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|id| {
                self.document.get_element_by_id(id).is_none()
                    && !pending.iter().any(|s| s.inline.id() == *id)
            })
    }

    fn create(
        &mut self,
        finding: Finding,
        target: Option<Target>,
        pending: &[Shown],
    ) -> Result<Shown, JsValue> {
        let link = self.link_id(target.as_ref());
        let base = link.clone().unwrap_or_else(|| id_from(&finding.path));
        let suffix = match finding.severity {
            Severity::Error => "error",
            Severity::Warning | Severity::Advisory => "warning",
        };
        let id = self
            .unique(&format!("{base}-{suffix}"), pending)
            .ok_or_else(|| crate::widget::widget_error("dom", "no free id for a message"))?;
        let inline = self.document.create_element("p")?;
        inline.set_id(&id);
        inline.set_class_name(match finding.severity {
            Severity::Error => "govuk-error-message",
            Severity::Warning | Severity::Advisory => "sr-warning",
        });
        let item = self.document.create_element("li")?;
        let s = Shown {
            finding,
            target,
            link,
            inline,
            item,
        };
        self.fill(&s)?;
        Ok(s)
    }

    /// Writes the message into the inline `<p>` and the list item (text only, never HTML).
    fn fill(&self, s: &Shown) -> Result<(), JsValue> {
        let prefix = self.document.create_element("span")?;
        prefix.set_class_name("govuk-visually-hidden");
        prefix.set_text_content(Some(match s.finding.severity {
            Severity::Error => "Error:",
            Severity::Warning => "Warning:",
            Severity::Advisory => "Our reading:",
        }));
        s.inline.set_text_content(None);
        s.inline.append_with_node_1(&prefix)?;
        s.inline
            .append_with_str_1(&format!(" {}", s.finding.message))?;

        s.item.set_text_content(None);
        match &s.link {
            Some(id) => {
                let a = self.document.create_element("a")?;
                a.set_attribute("href", &format!("#{id}"))?;
                a.set_text_content(Some(&s.finding.message));
                s.item.append_with_node_1(&a)?;
            }
            None => s.item.set_text_content(Some(&s.finding.message)),
        }
        Ok(())
    }

    /// Puts each inline message just before its anchor, in the display's order, moving
    /// only those not already in place.
    fn place_inline(&self) -> Result<(), JsValue> {
        let mut next_before: Vec<(Node, Node)> = Vec::new();
        for s in self.shown.iter().rev() {
            let Some((parent, anchor)) = s.target.as_ref().and_then(|t| t.placement.clone()) else {
                s.inline.remove();
                continue;
            };
            let before = next_before
                .iter()
                .find(|(a, _)| *a == anchor)
                .map_or_else(|| anchor.clone(), |(_, b)| b.clone());
            let in_place = s.inline.parent_element().as_ref() == Some(&parent)
                && s.inline.next_sibling().as_ref() == Some(&before);
            if !in_place {
                parent.insert_before(&s.inline, Some(&before))?;
            }
            let inline: Node = s.inline.clone().into();
            match next_before.iter_mut().find(|(a, _)| *a == anchor) {
                Some(entry) => entry.1 = inline,
                None => next_before.push((anchor, inline)),
            }
        }
        Ok(())
    }

    /// Marks the page's elements for what is shown, and unmarks the rest.
    fn sync_marks(&mut self) -> Result<(), JsValue> {
        let mut want: Vec<(Element, MarkKind, Vec<String>)> = Vec::new();
        let mut add = |el: &Element, kind: MarkKind, id: Option<String>| {
            let entry = match want.iter_mut().position(|(e, k, _)| e == el && *k == kind) {
                Some(i) => want.get_mut(i),
                None => {
                    want.push((el.clone(), kind, Vec::new()));
                    want.last_mut()
                }
            };
            if let (Some(entry), Some(id)) = (entry, id) {
                if !entry.2.contains(&id) {
                    entry.2.push(id);
                }
            }
        };
        for s in &self.shown {
            let Some(t) = &s.target else { continue };
            if s.inline.is_connected() {
                for el in &t.described {
                    add(el, MarkKind::DescribedBy, Some(s.inline.id()));
                }
            }
            if s.finding.severity == Severity::Error {
                for c in &t.controls {
                    add(c, MarkKind::Invalid, None);
                    if let Some(class) = control_error_class(c) {
                        add(c, MarkKind::Class(class), None);
                    }
                }
                if let Some(g) = &t.group {
                    add(g, MarkKind::Class(GROUP_ERROR), None);
                }
            }
        }
        let (keep, release): (Vec<Mark>, Vec<Mark>) = std::mem::take(&mut self.marks)
            .into_iter()
            .partition(|m| want.iter().any(|(e, k, _)| *e == m.el && *k == m.kind));
        for m in release.iter().rev() {
            m.restore();
        }
        self.marks = keep;
        let mut result = Ok(());
        for (el, kind, ids) in want {
            let i = match self.marks.iter().position(|m| m.el == el && m.kind == kind) {
                Some(i) => i,
                None => {
                    self.marks.push(Mark::new(&el, kind));
                    self.marks.len().saturating_sub(1)
                }
            };
            if let Some(m) = self.marks.get_mut(i) {
                if let Err(e) = m.apply(ids) {
                    result = Err(e);
                }
            }
        }
        result
    }
}
