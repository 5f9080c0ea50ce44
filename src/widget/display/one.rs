//! `showError()`: the GOV.UK error pattern on one of the page's own controls that no
//! template checks (a page's JSON box, a search field), with the widget's own marks, so a
//! page draws every error the same way and writes none of the pattern itself.

use super::mark::{control_error_class, Mark, MarkKind, GROUP_ERROR};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A message shown on a control, and the marks to take away with it.
struct Shown {
    control: Element,
    inline: Element,
    marks: Vec<Mark>,
}

thread_local! {
    static SHOWN: RefCell<Vec<Shown>> = const { RefCell::new(Vec::new()) };
}

/// Shows `message` on `control` as GOV.UK does: an inline message (a visually hidden
/// "Error:" first) just before it, with the id `<control's id>-error`; `aria-invalid`,
/// `aria-describedby` and the error classes on the control and its `.govuk-form-group`.
/// `showError(control, null)` takes it away, restoring exactly what it changed; showing
/// another message replaces the first. Text only: the message is set with `textContent`.
///
/// Throws (`code: "bad-argument"`) when `control` is not an element in a document, or
/// `message` is neither a string nor null.
#[wasm_bindgen(js_name = showError)]
pub fn show_error(
    #[wasm_bindgen(unchecked_param_type = "HTMLElement")] control: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null")] message: JsValue,
) -> Result<(), JsValue> {
    let control = control
        .dyn_into::<HtmlElement>()
        .map_err(|_| super::super::bad("control", "an HTML element (the control)"))?;
    let control: Element = control.into();
    let message = match message.as_string() {
        Some(m) => Some(m),
        None if message.is_null() || message.is_undefined() => None,
        None => {
            return Err(super::super::bad(
                "message",
                "a string, or null to take it away",
            ))
        }
    };
    let earlier = SHOWN.with(|s| {
        s.try_borrow_mut()
            .map(|mut list| {
                let (same, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut *list)
                    .into_iter()
                    .partition(|s| s.control == control);
                *list = kept;
                same
            })
            .unwrap_or_default()
    });
    for s in earlier {
        s.inline.remove();
        for m in s.marks.iter().rev() {
            m.restore();
        }
    }
    let Some(message) = message else {
        return Ok(());
    };
    let shown = show(&control, &message)?;
    SHOWN.with(|s| {
        if let Ok(mut list) = s.try_borrow_mut() {
            list.push(shown);
        }
    });
    Ok(())
}

fn show(control: &Element, message: &str) -> Result<Shown, JsValue> {
    let document = control
        .owner_document()
        .ok_or_else(|| super::super::bad("control", "an element in a document"))?;
    let base = if control.id().is_empty() {
        "sr-control".to_string()
    } else {
        control.id()
    };
    let id = format!("{base}-error");
    let inline = super::problems::message(&document, &id, message)?;
    if let Some(parent) = control.parent_node() {
        parent.insert_before(&inline, Some(control))?;
    }
    let mut marks = vec![
        Mark::new(control, MarkKind::DescribedBy),
        Mark::new(control, MarkKind::Invalid),
    ];
    if let Some(class) = control_error_class(control) {
        marks.push(Mark::new(control, MarkKind::Class(class)));
    }
    if let Some(group) = control.closest(".govuk-form-group").ok().flatten() {
        marks.push(Mark::new(&group, MarkKind::Class(GROUP_ERROR)));
    }
    for m in &mut marks {
        let ids = match m.kind {
            MarkKind::DescribedBy => vec![id.clone()],
            _ => Vec::new(),
        };
        m.apply(ids)?;
    }
    Ok(Shown {
        control: control.clone(),
        inline,
        marks,
    })
}
