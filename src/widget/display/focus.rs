//! Moving focus to a control from a link in the summary.

use crate::widget::form::tag;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, FocusOptions, HtmlElement};

/// Moves focus to a control (or the first control in a fieldset), first scrolling its
/// label or legend into view, as govuk-frontend's error summary does: the question is then
/// on screen as well as the answer.
pub(in crate::widget) fn focus_control(el: &HtmlElement) -> Result<(), JsValue> {
    let target = if tag(el) == "FIELDSET" {
        el.query_selector("input:not([type=hidden]), select, textarea")?
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .unwrap_or_else(|| el.clone())
    } else {
        el.clone()
    };
    let caption = caption(&target);
    match caption {
        Some(c) => {
            c.scroll_into_view();
            let options = FocusOptions::new();
            options.set_prevent_scroll(true);
            target.focus_with_options(&options)
        }
        None => target.focus(),
    }
}

/// The legend of a radio or checkbox group, or the control's first label.
fn caption(el: &HtmlElement) -> Option<Element> {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let kind = input.type_().to_ascii_lowercase();
        if kind == "radio" || kind == "checkbox" {
            if let Some(legend) = el
                .closest("fieldset")
                .ok()
                .flatten()
                .and_then(|fs| fs.query_selector("legend").ok().flatten())
            {
                return Some(legend);
            }
        }
        return input
            .labels()
            .and_then(|l| l.get(0))
            .and_then(|n| n.dyn_into::<Element>().ok());
    }
    if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return select
            .labels()
            .get(0)
            .and_then(|n| n.dyn_into::<Element>().ok());
    }
    if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return area
            .labels()
            .get(0)
            .and_then(|n| n.dyn_into::<Element>().ok());
    }
    None
}
