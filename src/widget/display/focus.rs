//! Moving focus to a control from a link in the summary, as govuk-frontend's error summary
//! does: the question is put on screen as well as the answer.

use crate::widget::form::tag;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, FocusOptions, HtmlElement};

/// Room left above the label or legend scrolled to the top: flush with the edge, sub-pixel
/// rounding leaves its top a fraction of a pixel above the screen.
const ROOM_ABOVE: &str = "0.5rem";

/// Moves focus to a control (or the first control in a fieldset), first scrolling its
/// label or legend into view.
pub(in crate::widget) fn focus_control(el: &HtmlElement) -> Result<(), JsValue> {
    let target = if tag(el) == "FIELDSET" {
        el.query_selector("input:not([type=hidden]), select, textarea")?
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .unwrap_or_else(|| el.clone())
    } else {
        el.clone()
    };
    match legend(&target).or_else(|| label(&target)) {
        Some(caption) => {
            scroll_to_top(&caption)?;
            let options = FocusOptions::new();
            options.set_prevent_scroll(true);
            target.focus_with_options(&options)
        }
        None => target.focus(),
    }
}

/// The legend of the control's fieldset, where govuk-frontend scrolls to it: always for a
/// radio or checkbox, and for another control when legend and control together fit in the
/// top half of the screen (so the control is neither off screen nor under a soft keyboard).
fn legend(control: &HtmlElement) -> Option<Element> {
    let legend = control
        .closest("fieldset")
        .ok()
        .flatten()?
        .get_elements_by_tag_name("legend")
        .item(0)?;
    let choice = control
        .dyn_ref::<web_sys::HtmlInputElement>()
        .map(|i| i.type_().to_ascii_lowercase())
        .is_some_and(|kind| kind == "radio" || kind == "checkbox");
    if choice {
        return Some(legend);
    }
    let screen = control
        .owner_document()?
        .document_element()?
        .client_height();
    let rect = control.get_bounding_client_rect();
    let span = rect.bottom() - legend.get_bounding_client_rect().top();
    (rect.height() > 0.0 && screen > 0 && span < f64::from(screen) / 2.0).then_some(legend)
}

/// The control's first label (by `for`, or the label around it).
fn label(control: &HtmlElement) -> Option<Element> {
    let labels = if let Some(input) = control.dyn_ref::<web_sys::HtmlInputElement>() {
        input.labels()
    } else if let Some(select) = control.dyn_ref::<web_sys::HtmlSelectElement>() {
        Some(select.labels())
    } else {
        control
            .dyn_ref::<web_sys::HtmlTextAreaElement>()
            .map(web_sys::HtmlTextAreaElement::labels)
    };
    labels?.get(0).and_then(|n| n.dyn_into::<Element>().ok())
}

/// Scrolls `caption` to the top of the screen with a little room above it. The room is a
/// `scroll-margin-top` set through the CSSOM (which a strict `style-src` allows) for the
/// scroll only: the page's own inline style, or its lack of one, is put back as it was.
fn scroll_to_top(caption: &Element) -> Result<(), JsValue> {
    let Some(style) = caption.dyn_ref::<HtmlElement>().map(HtmlElement::style) else {
        caption.scroll_into_view();
        return Ok(());
    };
    let attribute = caption.get_attribute("style");
    let before = style.get_property_value("scroll-margin-top")?;
    let priority = style.get_property_priority("scroll-margin-top");
    style.set_property("scroll-margin-top", ROOM_ABOVE)?;
    caption.scroll_into_view();
    if before.is_empty() {
        style.remove_property("scroll-margin-top")?;
    } else {
        style.set_property_with_priority("scroll-margin-top", &before, &priority)?;
    }
    if attribute.is_none() {
        caption.remove_attribute("style")?;
    }
    Ok(())
}
