//! The summary of problems: made or the page's own joined, its items, and what a click on
//! one of its links does.

use super::super::focus::focus_control;
use super::super::summary::{error_summary, join_summary, Panel, SUMMARY};
use super::draw::is_control;
use super::show::Shown;
use super::show::SHOWN;
use crate::widget::form::tag;
use crate::widget::listen::Listener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, HtmlElement};

/// The summary, with what its links go to.
pub(super) struct Summary {
    pub(super) panel: Panel,
    /// `options.summary` as given, to tell whether the next call may reuse the panel.
    pub(super) place: Option<Element>,
    /// Each item's message and `href`, to leave an unchanged list as it is.
    pub(super) keys: Vec<(String, Option<String>)>,
    /// The items drawn so far, in order.
    pub(super) items: Vec<Element>,
    /// Item `<li>` → its index in `targets`.
    pub(super) index: js_sys::Map,
    pub(super) targets: Vec<Option<(Element, Option<u32>)>>,
    pub(super) _click: Listener,
}

impl Summary {
    /// Whether this summary is the one to use for `options.summary`'s `place`.
    pub(super) fn fits(&self, place: Option<&Element>) -> bool {
        self.place.as_ref() == place && self.panel.root.is_connected()
    }

    /// The title asked for (a joined summary keeps the page's own).
    pub(super) fn retitle(&self, title: Option<&str>) -> Result<(), JsValue> {
        if self.panel.joined() {
            return Ok(());
        }
        let heading = self
            .panel
            .root
            .query_selector(".govuk-error-summary__title")?;
        let want = title.unwrap_or("There is a problem");
        if let Some(h) = heading.filter(|h| h.text_content().as_deref() != Some(want)) {
            h.set_text_content(Some(want));
        }
        Ok(())
    }

    pub(super) fn remove(self) {
        // A summary of the widget's own goes whole; from the page's, only the widget's items.
        if self.panel.joined() {
            for item in &self.items {
                item.remove();
            }
        }
        self.panel.remove();
    }
}

/// The summary: the one shown kept when it can be, its items kept when unchanged.
pub(super) fn summary(
    document: &Document,
    shown: &mut Shown,
    keys: Vec<(String, Option<String>)>,
    targets: Vec<Option<(Element, Option<u32>)>>,
    place: Option<Element>,
    title: Option<&str>,
) -> Result<(), JsValue> {
    let reuse = shown
        .summary
        .as_ref()
        .is_some_and(|s| s.fits(place.as_ref()));
    if !reuse {
        if let Some(s) = shown.summary.take() {
            s.remove();
        }
    }
    let mut current = match shown.summary.take() {
        Some(s) => s,
        None => {
            let panel = new_panel(document, place.as_ref())?;
            let click = Listener::new(&panel.root, "click", false, clicked)?;
            Summary {
                panel,
                place,
                keys: Vec::new(),
                items: Vec::new(),
                index: js_sys::Map::new(),
                targets: Vec::new(),
                _click: click,
            }
        }
    };
    current.retitle(title)?;
    current.targets = targets;
    // The same list, all drawn: its items stay. Otherwise they are drawn again, by chunks.
    shown.draw_items = current.keys != keys || current.items.len() != keys.len();
    if shown.draw_items {
        for item in current.items.drain(..) {
            item.remove();
        }
        current.index.clear();
        current.keys = keys;
    }
    shown.summary = Some(current);
    Ok(())
}

/// The page's own summary joined, or a new one put in its place.
fn new_panel(document: &Document, place: Option<&Element>) -> Result<Panel, JsValue> {
    let page_summary = match place {
        Some(el) if el.class_list().contains(SUMMARY) => Some(el.clone()),
        Some(_) => None,
        None => document.query_selector(&format!(".{SUMMARY}"))?,
    };
    if let Some(root) = page_summary {
        return join_summary(document, root);
    }
    let panel = error_summary(document)?;
    if let Some(el) = place {
        el.insert_before(&panel.root, el.first_child().as_ref())?;
    } else if let Some(main) = document.query_selector("main")? {
        let h1 = main.query_selector("h1")?;
        let parent = h1.as_ref().and_then(|h| h.parent_node());
        match (h1, parent) {
            (Some(h1), Some(parent)) => parent.insert_before(&panel.root, Some(&h1))?,
            _ => main.insert_before(&panel.root, main.first_child().as_ref())?,
        };
    } else if let Some(body) = document.body() {
        body.insert_before(&panel.root, body.first_child().as_ref())?;
    }
    Ok(panel)
}

/// The summary's items `start..end`.
pub(super) fn items(
    document: &Document,
    s: &mut Summary,
    start: usize,
    end: usize,
) -> Result<(), JsValue> {
    for (i, (message, href)) in s.keys.iter().enumerate().take(end).skip(start) {
        let li = document.create_element("li")?;
        match href {
            Some(href) => {
                let a = document.create_element("a")?;
                a.set_attribute("href", href)?;
                a.set_text_content(Some(message));
                li.append_with_node_1(&a)?;
            }
            None => li.set_text_content(Some(message)),
        }
        s.panel.list.append_with_node_1(&li)?;
        s.index.set(&li, &JsValue::from(i as f64));
        s.items.push(li);
    }
    Ok(())
}

/// A click on one of the summary's links: focus moves to its control (the caret to its
/// place), as govuk-frontend's summary does.
fn clicked(event: Event) {
    // govuk-frontend's own summary (joined) moves focus itself: once is enough.
    if event.default_prevented() {
        return;
    }
    let link = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("a").ok().flatten());
    let Some(item) = link.and_then(|a| a.parent_element()) else {
        return;
    };
    let target = SHOWN.with(|s| {
        let s = s.try_borrow().ok()?;
        let summary = s.as_ref()?.summary.as_ref()?;
        let i = summary.index.get(&item).as_f64()? as usize;
        summary.targets.get(i).cloned().flatten()
    });
    let Some((el, caret)) = target else { return };
    event.prevent_default();
    // A failure to focus leaves the page as it is: there is no one to report it to.
    let _ = follow(&el, caret);
}

fn follow(el: &Element, caret: Option<u32>) -> Result<(), JsValue> {
    let focusable = is_control(el)
        || matches!(tag(el).as_str(), "FIELDSET" | "BUTTON" | "A")
        || el.has_attribute("tabindex");
    match el.dyn_ref::<HtmlElement>() {
        Some(html) if focusable => focus_control(html)?,
        _ => el.scroll_into_view(),
    }
    let Some(at) = caret else { return Ok(()) };
    if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_selection_range(at, at)?;
    } else if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        // Inputs without a caret (a date, a number) refuse: focus is enough there.
        let _ = input.set_selection_range(at, at);
    }
    Ok(())
}
