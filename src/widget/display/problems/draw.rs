//! Drawing a chunk of problems: each inline message in its place, and the marks on the
//! elements they concern.

use super::super::mark::{control_error_class, Mark, MarkKind, GROUP_ERROR};
use super::list::items;
use super::show::{free_id, Marked, Shown, CHUNK};
use crate::widget::form::tag;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

pub(super) fn is_control(el: &Element) -> bool {
    matches!(tag(el).as_str(), "INPUT" | "SELECT" | "TEXTAREA")
}

/// Draws the next chunk of problems (inline messages, marks, summary items): whether there
/// is more to draw.
pub(super) fn step(document: &Document, shown: &mut Shown) -> Result<bool, JsValue> {
    let start = shown.next;
    let end = shown.problems.len().min(start.saturating_add(CHUNK));
    shown.next = end;
    let problems = std::mem::take(&mut shown.problems);
    let mut touched = Vec::new();
    let mut result = Ok(());
    for p in problems.get(start..end).unwrap_or_default() {
        if let Some(el) = &p.element {
            match place_message(document, shown, el, &p.message) {
                Ok(i) if !touched.contains(&i) => touched.push(i),
                Ok(_) => {}
                Err(e) => result = Err(e),
            }
        }
    }
    shown.problems = problems;
    for i in touched {
        let Some(m) = shown.marked.get(i) else {
            continue;
        };
        let ids = m.ids.clone();
        if let Some(mark) = shown.marks.get_mut(m.described) {
            mark.apply(ids)?;
        }
    }
    if shown.draw_items {
        if let Some(s) = shown.summary.as_mut() {
            items(document, s, start, end)?;
        }
    }
    result?;
    Ok(end < shown.problems.len())
}

/// Puts a message on `el` (marking it the first time): its index in `shown.marked`.
fn place_message(
    document: &Document,
    shown: &mut Shown,
    el: &Element,
    text: &str,
) -> Result<usize, JsValue> {
    let i = match shown.seen.get(el).as_f64() {
        Some(i) => i as usize,
        None => mark(shown, el)?,
    };
    let base = if el.id().is_empty() {
        "sr-problem".to_string()
    } else {
        el.id()
    };
    let id = free_id(document, &format!("{base}-error"), &mut shown.next_id)?;
    let msg = message(document, &id, text)?;
    let last = shown.marked.get(i).and_then(|m| m.last.clone());
    if is_control(el) {
        // GOV.UK's place: after the label and hint, just before the control.
        if let Some(parent) = el.parent_node() {
            parent.insert_before(&msg, Some(el))?;
        }
    } else {
        // After the legend or heading a fieldset or a part of the page starts with.
        let after = match last {
            Some(node) => Some(node),
            None => el
                .first_element_child()
                .filter(|c| {
                    matches!(
                        tag(c).as_str(),
                        "LEGEND" | "H1" | "H2" | "H3" | "H4" | "H5" | "H6"
                    )
                })
                .map(Node::from),
        };
        let before = match after {
            Some(a) => a.next_sibling(),
            None => el.first_child(),
        };
        el.insert_before(&msg, before.as_ref())?;
    }
    if let Some(m) = shown.marked.get_mut(i) {
        m.last = Some(msg.clone().into());
        m.ids.push(id);
    }
    shown.inline.push(msg);
    Ok(i)
}

/// Marks an element with its first message: `aria-invalid` and the error classes on a
/// control, the class on its form group; its `aria-describedby` mark made, to fill as its
/// messages come. Its index in `shown.marked`.
fn mark(shown: &mut Shown, el: &Element) -> Result<usize, JsValue> {
    let i = shown.marked.len();
    shown.seen.set(el, &JsValue::from(i as f64));
    shown.marked.push(Marked {
        described: shown.marks.len(),
        ids: Vec::new(),
        last: None,
    });
    shown.marks.push(Mark::new(el, MarkKind::DescribedBy));
    let mut kinds = Vec::new();
    if is_control(el) {
        kinds.push((el.clone(), MarkKind::Invalid));
        if let Some(class) = control_error_class(el) {
            kinds.push((el.clone(), MarkKind::Class(class)));
        }
    }
    if let Some(group) = el.closest(".govuk-form-group").ok().flatten() {
        if !shown.groups.has(&group) {
            shown.groups.set(&group, &JsValue::TRUE);
            kinds.push((group, MarkKind::Class(GROUP_ERROR)));
        }
    }
    for (el, kind) in kinds {
        let mut m = Mark::new(&el, kind);
        m.apply(Vec::new())?;
        shown.marks.push(m);
    }
    Ok(i)
}

/// An inline message: GOV.UK's `<p class="govuk-error-message">`, "Error:" first for a
/// screen reader.
pub(in crate::widget::display) fn message(
    document: &Document,
    id: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let inline = document.create_element("p")?;
    inline.set_id(id);
    inline.set_class_name("govuk-error-message");
    let prefix = document.create_element("span")?;
    prefix.set_class_name("govuk-visually-hidden");
    prefix.set_text_content(Some("Error:"));
    inline.append_with_node_1(&prefix)?;
    inline.append_with_str_1(&format!(" {text}"))?;
    Ok(inline)
}
