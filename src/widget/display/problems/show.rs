//! `showProblems()` itself: the problems read, what is shown kept between calls, and the
//! rest of a long list drawn a chunk a task.

use super::super::id::id_from;
use super::super::mark::Mark;
use super::draw::step;
use super::list::{summary, Summary};
use crate::widget::{bad, prop};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

#[wasm_bindgen(typescript_custom_section)]
const TS_PROBLEMS: &'static str = r#"
/** A problem for showProblems(): one of a page's own, not a record's finding. */
export interface Problem {
  /** What is wrong, as the user reads it: in the summary, and beside `element`. Text only. */
  message: string;
  /** The control (or the fieldset, or the part of the page) it concerns: its inline message
   *  goes just before a control, or inside another element after its legend or heading;
   *  a control is marked aria-invalid, with its GOV.UK error classes. */
  element?: Element | null;
  /** Where the summary's link moves focus to, when not to `element`: e.g. the box holding
   *  the text the problem is in. Without either, the summary's item is not a link. */
  link?: Element | null;
  /** For a link to a text box (textarea or input): the offset in its value to put the
   *  caret at, e.g. the problem's line and column in a JSON text. */
  caret?: number | null;
}
/** Options for showProblems(). */
export interface ShowProblemsOptions {
  /** Where the error summary goes: a .govuk-error-summary on the page to join (the default
   *  joins the first one there is), or an element (or a CSS selector for one) to put the
   *  summary in. Default, with no summary on the page: above the <h1> of <main>. */
  summary?: Element | string;
  /** The summary's title (default "There is a problem"), e.g. "There are 3 problems". A
   *  joined summary keeps its own. */
  title?: string;
}
"#;

/// A problem, read.
#[derive(PartialEq)]
pub(super) struct Problem {
    pub(super) message: String,
    pub(super) element: Option<Element>,
    /// Where its summary link moves focus, and the caret's place there.
    pub(super) link: Option<(Element, Option<u32>)>,
}

/// Problems drawn in one task; the rest wait for the next (a list of 10,000 drawn at once
/// held the page for half a second or more: BENCHMARKS.md, "showProblems").
pub(super) const CHUNK: usize = 200;

/// An element with messages: its `aria-describedby` mark (an index in `Shown::marks`), the
/// messages' ids, and the last message put in it.
pub(super) struct Marked {
    pub(super) described: usize,
    pub(super) ids: Vec<String>,
    pub(super) last: Option<Node>,
}

/// What is shown, and what is still to draw.
pub(super) struct Shown {
    pub(super) summary: Option<Summary>,
    pub(super) inline: Vec<Element>,
    pub(super) marks: Vec<Mark>,
    /// Ids the widget gave to link targets that had none.
    pub(super) ids: Vec<(Element, String)>,
    /// The problems, drawn up to `next`; whether their summary items are drawn with them.
    pub(super) problems: Vec<Problem>,
    pub(super) next: usize,
    pub(super) draw_items: bool,
    /// Element → its index in `marked`.
    pub(super) seen: js_sys::Map,
    pub(super) marked: Vec<Marked>,
    /// The form groups marked.
    pub(super) groups: js_sys::Map,
    /// The next number to try for each id's base.
    pub(super) next_id: BTreeMap<String, u32>,
    /// Counts the calls: what is left to draw for an earlier one is dropped.
    pub(super) generation: u32,
}

thread_local! {
    pub(super) static SHOWN: RefCell<Option<Shown>> = const { RefCell::new(None) };
}

#[wasm_bindgen]
extern "C" {
    /// The global `setTimeout` (a window's or a worker's): the next chunk in a task of its own.
    #[wasm_bindgen(js_name = setTimeout, catch)]
    fn set_timeout(handler: &JsValue, ms: i32) -> Result<JsValue, JsValue>;
}

impl Shown {
    fn new(generation: u32) -> Shown {
        Shown {
            summary: None,
            inline: Vec::new(),
            marks: Vec::new(),
            ids: Vec::new(),
            problems: Vec::new(),
            next: 0,
            draw_items: false,
            seen: js_sys::Map::new(),
            marked: Vec::new(),
            groups: js_sys::Map::new(),
            next_id: BTreeMap::new(),
            generation,
        }
    }

    /// Takes away the inline messages and marks and the ids given, restoring the page, and
    /// drops what was still to draw.
    fn unmark(&mut self) {
        for el in self.inline.drain(..) {
            el.remove();
        }
        for m in self.marks.drain(..).rev() {
            m.restore();
        }
        for (el, id) in self.ids.drain(..) {
            if el.id() == id {
                el.remove_attribute("id").ok();
            }
        }
        self.problems.clear();
        self.next = 0;
        self.seen.clear();
        self.marked.clear();
        self.groups.clear();
        self.next_id.clear();
    }
}

/// Shows `problems` as the GOV.UK error pattern: the error summary (the page's own joined,
/// as `attach` does, or one made), each problem an item linking to its control, and on
/// each `element` an inline message ("Error:" first, visually hidden) with `aria-invalid`,
/// `aria-describedby` and the GOV.UK error classes. Replaces the problems shown before;
/// `showProblems([])` takes them all away and restores exactly what it changed. Text only:
/// every message is set with `textContent`.
///
/// Throws (`code: "bad-argument"`) when `problems` is not a list of `{ message, element?,
/// link?, caret? }` or an option is wrong.
#[wasm_bindgen(js_name = showProblems)]
pub fn show_problems(
    #[wasm_bindgen(unchecked_param_type = "readonly Problem[]")] problems: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ShowProblemsOptions")] options: JsValue,
) -> Result<(), JsValue> {
    let problems = read(&problems)?;
    let place = crate::widget::options::summary(&options)?;
    let title = match prop(&options, "title") {
        t if t.is_undefined() || t.is_null() => None,
        t => Some(
            t.as_string()
                .ok_or_else(|| bad("options.title", "a string"))?,
        ),
    };
    let document = document()?;
    let mut shown = SHOWN
        .with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.take()))
        .unwrap_or_else(|| Shown::new(0));
    // The same list on the same elements, all drawn (a page showing its problems again after
    // an edit that changed none): left as it is, but for the title.
    let same = !problems.is_empty()
        && shown.next == shown.problems.len()
        && shown
            .summary
            .as_ref()
            .is_some_and(|s| s.fits(place.as_ref()))
        && shown.problems == problems;
    if same {
        let result = match &shown.summary {
            Some(s) => s.retitle(title.as_deref()),
            None => Ok(()),
        };
        SHOWN.with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                *s = Some(shown);
            }
        });
        return result;
    }
    shown.unmark();
    shown.generation = shown.generation.wrapping_add(1);
    let result = if problems.is_empty() {
        if let Some(s) = shown.summary.take() {
            s.remove();
        }
        Ok(false)
    } else {
        show(&document, &mut shown, problems, place, title.as_deref())
    };
    let generation = shown.generation;
    // Stored even when a step failed, so that the next call can take away what was shown.
    SHOWN.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = Some(shown);
        }
    });
    if result? {
        schedule(generation);
    }
    Ok(())
}

fn document() -> Result<Document, JsValue> {
    prop(&js_sys::global(), "document")
        .dyn_into::<Document>()
        .map_err(|_| bad("document", "a page's document"))
}

/// The next chunk, in a task of its own.
fn schedule(generation: u32) {
    let next = Closure::once_into_js(move || {
        let Some(mut shown) = SHOWN.with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.take()))
        else {
            return;
        };
        // A later call's list is drawn by that call's own chunks.
        let more = shown.generation == generation
            && document()
                .and_then(|d| step(&d, &mut shown))
                .unwrap_or(false);
        SHOWN.with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                *s = Some(shown);
            }
        });
        if more {
            schedule(generation);
        }
    });
    // Without a setTimeout the rest is not drawn; there is no one to report that to.
    let _ = set_timeout(&next, 0);
}

fn read(problems: &JsValue) -> Result<Vec<Problem>, JsValue> {
    let expected = "a list of { message, element?, link?, caret? }";
    if !js_sys::Array::is_array(problems) {
        return Err(bad("problems", expected));
    }
    let list: &js_sys::Array = problems.unchecked_ref();
    let mut out = Vec::with_capacity(list.length() as usize);
    for (i, p) in list.iter().enumerate() {
        let message = prop(&p, "message")
            .as_string()
            .ok_or_else(|| bad(&format!("problems[{i}].message"), "a string"))?;
        let element = |key: &str| -> Result<Option<Element>, JsValue> {
            let v = prop(&p, key);
            if v.is_undefined() || v.is_null() {
                return Ok(None);
            }
            v.dyn_into::<Element>()
                .map(Some)
                .map_err(|_| bad(&format!("problems[{i}].{key}"), "an element, or null"))
        };
        let el = element("element")?;
        let link = element("link")?;
        let caret = match prop(&p, "caret") {
            c if c.is_undefined() || c.is_null() => None,
            c => Some(
                c.as_f64()
                    .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
                    .map(|n| n as u32)
                    .ok_or_else(|| {
                        bad(&format!("problems[{i}].caret"), "a whole number, 0 or more")
                    })?,
            ),
        };
        let target = link.or_else(|| el.clone()).map(|t| (t, caret));
        out.push(Problem {
            message,
            element: el,
            link: target,
        });
    }
    Ok(out)
}

/// Sets the summary up, and draws the first chunk: whether there is more to draw.
fn show(
    document: &Document,
    shown: &mut Shown,
    problems: Vec<Problem>,
    place: Option<Element>,
    title: Option<&str>,
) -> Result<bool, JsValue> {
    // The links' targets need ids.
    let mut keys = Vec::with_capacity(problems.len());
    for p in &problems {
        let href = match &p.link {
            Some((el, _)) => Some(format!("#{}", ensure_id(document, shown, el)?)),
            None => None,
        };
        keys.push((p.message.clone(), href));
    }
    let targets = problems.iter().map(|p| p.link.clone()).collect();
    shown.problems = problems;
    summary(document, shown, keys, targets, place, title)?;
    step(document, shown)
}

/// The element's id, giving it one (from its name) when it has none.
fn ensure_id(document: &Document, shown: &mut Shown, el: &Element) -> Result<String, JsValue> {
    let id = el.id();
    if !id.is_empty() {
        return Ok(id);
    }
    let base = id_from(&el.get_attribute("name").unwrap_or_default());
    let id = free_id(document, &base, &mut BTreeMap::new())?;
    el.set_id(&id);
    shown.ids.push((el.clone(), id.clone()));
    Ok(id)
}

/// `base`, or `base-2`, `base-3`…: the first not in the document, counting on from the last
/// given for `base` (so that many messages on one control are not each a search from 1).
pub(super) fn free_id(
    document: &Document,
    base: &str,
    next: &mut BTreeMap<String, u32>,
) -> Result<String, JsValue> {
    let from = next.get(base).copied().unwrap_or(1);
    for n in from..from.saturating_add(100_000) {
        let id = if n == 1 {
            base.to_string()
        } else {
            format!("{base}-{n}")
        };
        if document.get_element_by_id(&id).is_none() {
            next.insert(base.to_string(), n.saturating_add(1));
            return Ok(id);
        }
    }
    Err(crate::widget::widget_error(
        "dom",
        "no free id for a message",
    ))
}
