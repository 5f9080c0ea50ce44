//! The DOM widget: binds an existing `<form>` to a policy template (GOV.UK error pattern)
//! and renders a due-dates panel. Uses web-sys; kept apart from the value-converting
//! boundary in `src/wasm`.
//!
//! ```js
//! import init, { attach } from 'supervision-rules';
//! await init();
//! const widget = attach(document.querySelector('form'), {
//!   policy: 'havering', template: 'personal-supervision',
//!   fields: { supervisee: 'staff_name', howFeelingActions: 'feeling_actions' },
//! });
//! ```
//!
//! - **Controls** are found by `name`: a field's id, or the name `fields` maps it to. A table
//!   field (`actions`, `children`) is read from rows named `prefix[N][key]`
//!   (`feeling_actions[0][action]`, `…[0][who]`, `…[0][when]`); `fields` maps the prefix.
//! - **When**: on submit; after the first submit, also as the user edits (`input` takes away
//!   what is fixed, `change` also shows new findings about the changed control).
//! - **`final`** blocks a submit while errors remain (`preventDefault`, and no later submit
//!   listener runs); **`draft`**, or a submit button with `formnovalidate`, only warns.
//! - **Nothing of the page's is lost**: the widget never clears, resets or reorders a
//!   control; what it adds it removes on `detach()`, and what it changes (ids it gave,
//!   `aria-describedby`, `aria-invalid`, the form group's class) it restores exactly.
//! - **Text only**: every message is set with `textContent`.
//!
//! A widget stays attached, its listeners alive, until `detach()`: the JS handle may be
//! dropped (or garbage-collected) without detaching it, so `attach(form, options)` with the
//! result ignored works. Attaching again to the same form detaches the earlier widget.

mod attached;
mod date_input;
mod display;
mod form;
mod js;
mod listen;
mod options;
// The due-dates panel needs the schedule's types; without `schedule` (the widget/form build)
// the widget only validates.
#[cfg(feature = "schedule")]
mod panel;
mod text;

pub use display::{show_error, show_problems};
#[cfg(feature = "schedule")]
pub use panel::render_schedule;

use attached::{listen_all, warn_missing, Core, State, ATTACHED};
use display::Display;
use js::{bad, busy, js_error, prop, widget_error};
use options::{AttachOptions, Stylesheet};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlFormElement};

/// The widget's stylesheet (also served as `www/supervision-rules.css`).
const STYLESHEET: &str = include_str!("widget.css");

#[wasm_bindgen(typescript_custom_section)]
const TS_WIDGET: &'static str = r#"
/** Options for attach(). */
export interface AttachOptions {
  /** A registered policy id, e.g. "havering". */
  policy: string;
  /** A template id of that policy, e.g. "personal-supervision". */
  template: string;
  /** "final" (the default) blocks submission while errors remain; "draft" only warns. */
  mode?: 'draft' | 'final';
  /** Template field id -> form control name, where the page's names differ from the
   *  template's. For an actions or children field, the prefix of its rows' names:
   *  { howFeelingActions: "feeling_actions" } reads feeling_actions[0][action],
   *  [0][who], [0][when]. A date field with no control of its name is read from a GOV.UK
   *  date input's boxes, <name>-day, <name>-month, <name>-year; boxes named otherwise are
   *  mapped as { date: { day: "d", month: "m", year: "y" } }. */
  fields?: Record<string, string | { day: string; month: string; year: string }>;
  /** Where the error summary goes: a .govuk-error-summary already on the page to join (the
   *  default joins the first one there is), or an element (or a CSS selector for one) to put
   *  the widget's summary in. Default: above the <h1> heading the form, as GOV.UK places it,
   *  or at the top of the form on a page without one. */
  summary?: Element | string;
  /** Today as YYYY-MM-DD, for the "not in the future" checks. Default: the browser's
   *  local date at each check; null skips those checks. */
  today?: string | null;
  /** The supervisee's role id (default "social-worker"). */
  role?: string;
  /** true adds the widget's stylesheet in a <style> element; a string adds a
   *  <link rel="stylesheet"> to that address. Default false (govuk-frontend styles the markup). */
  stylesheet?: boolean | string;
  /** Ids of template fields the page does not collect. Their checks are skipped, so a user
   *  is never asked for what the form has no control for; the required ones are reported
   *  to the developer once (console.error) and in widget.problems. */
  absent?: string[];
  /** The supervisee's hours, shifts a month and fte, for cadences that differ by them, and
   *  the frequency their supervision agreement sets ("2 weeks"), as in validate()'s options. */
  hours?: 'full-time'|'part-time'; shiftsPerMonth?: number; fte?: number; frequency?: string;
}
/** A problem of the page's, for its developer (Widget.problems). */
export interface WidgetProblem { field: string; code: 'required-absent'; message: string }
declare global {
  interface SymbolConstructor {
    /** For Widget's `[Symbol.dispose]` (`using widget = attach(…)`) under a lib before
     *  esnext.disposable; the same declaration as the lib's and @types/node's. */
    readonly dispose: unique symbol;
  }
}
/** Options for Widget.validate(). */
export interface WidgetValidateOptions {
  /** Move focus to the error summary when there are errors (default false). */
  focus?: boolean;
}
"#;

/// The handle `attach()` returns.
#[wasm_bindgen]
pub struct Widget {
    core: Rc<Core>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes every listener and everything the widget added to the page, and restores
    /// what it changed (`aria-describedby`, `aria-invalid`, ids it gave, the form group's
    /// class). The form's values are untouched. Calling it again does nothing.
    pub fn detach(&self) {
        self.core.detach();
        let removed = ATTACHED.with(|a| {
            a.try_borrow_mut()
                .map(|mut list| {
                    let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut *list)
                        .into_iter()
                        .partition(|c| Rc::ptr_eq(c, &self.core));
                    *list = kept;
                    gone
                })
                .unwrap_or_default()
        });
        // Dropped here, outside the borrow of the list.
        drop(removed);
    }

    /// The page's problems found on attach, for its developer: each required field that
    /// `options.absent` says the form does not collect. Never shown to the user.
    #[wasm_bindgen(getter, unchecked_return_type = "WidgetProblem[]")]
    pub fn problems(&self) -> Result<JsValue, JsValue> {
        crate::wasm::to_js(&self.core.problems)
    }

    /// Checks the form now and shows the result, as a submit would (but never blocks
    /// anything): for pages that submit by script. From then on the form is also checked
    /// as the user edits. `{ focus: true }` moves focus to the error summary when there
    /// are errors.
    ///
    /// Throws (`code: "detached"`) after `detach()`.
    #[wasm_bindgen(unchecked_return_type = "ValidationReport")]
    pub fn validate(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "WidgetValidateOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        if !self.core.attached.get() {
            return Err(widget_error(
                "detached",
                "the widget is detached: attach() the form again",
            ));
        }
        let focus = prop(&options, "focus").as_bool().unwrap_or(false);
        let (report, blocks) = self.core.check(None)?;
        if focus && blocks {
            self.core.focus_summary()?;
        }
        crate::wasm::to_js(&report)
    }
}

/// Binds `form` to a policy template: validates on submit (and, after the first submit, as
/// the user edits), shows the GOV.UK error summary and inline messages, and in `final` mode
/// blocks submission while errors remain.
///
/// Throws (`code: "bad-argument"`, `"unknown-policy"`, `"unknown-template"`) when the form
/// or an option is wrong.
#[wasm_bindgen(js_name = attach)]
pub fn attach(
    #[wasm_bindgen(unchecked_param_type = "HTMLFormElement")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AttachOptions")] options: JsValue,
) -> Result<Widget, JsValue> {
    let form = form
        .dyn_into::<HtmlFormElement>()
        .map_err(|_| bad("form", "a <form> element (HTMLFormElement)"))?;
    let options = AttachOptions::read(&options)?;
    let document: Document = form
        .owner_document()
        .ok_or_else(|| bad("form", "a <form> element in a document"))?;

    detach_earlier(&form);
    let problems = warn_missing(&form, &options);
    let style = add_stylesheet(&document, &options.stylesheet)?;

    let mode = options.mode;
    let place = options.summary.clone();
    let core = Rc::new(Core {
        form: form.clone(),
        state: RefCell::new(State {
            form: form.clone(),
            options,
            submitted: false,
            last_mode: mode,
            display: Display::new(document, form.clone(), place),
        }),
        listeners: RefCell::new(Vec::new()),
        style: RefCell::new(style),
        attached: Cell::new(true),
        problems,
    });

    let listeners = listen_all(&core, &form);
    let listeners = match listeners {
        Ok(l) => l,
        Err(e) => {
            core.detach();
            return Err(e);
        }
    };
    if let Ok(mut l) = core.listeners.try_borrow_mut() {
        *l = listeners;
    }
    ATTACHED.with(|a| {
        if let Ok(mut list) = a.try_borrow_mut() {
            list.push(Rc::clone(&core));
        }
    });
    Ok(Widget { core })
}

/// Detaches the widgets already attached to `form`.
fn detach_earlier(form: &HtmlFormElement) {
    let earlier = ATTACHED.with(|a| {
        a.try_borrow_mut()
            .map(|mut list| {
                let (same, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut *list)
                    .into_iter()
                    .partition(|c| c.form == *form);
                *list = kept;
                same
            })
            .unwrap_or_default()
    });
    for core in &earlier {
        core.detach();
    }
    // Dropped here, outside the borrow of the list.
    drop(earlier);
}

/// Adds the widget's stylesheet to the document's head, as `options.stylesheet` asks:
/// the element added, for `detach()` to remove.
fn add_stylesheet(document: &Document, sheet: &Stylesheet) -> Result<Option<Element>, JsValue> {
    let style = match sheet {
        Stylesheet::Off => return Ok(None),
        Stylesheet::Inline => {
            let style = document.create_element("style")?;
            style.set_text_content(Some(STYLESHEET));
            style
        }
        Stylesheet::Link(href) => {
            let link = document.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            link.set_attribute("href", href)?;
            link
        }
    };
    style.set_attribute("data-supervision-rules", "")?;
    match document.head() {
        Some(head) => head.append_with_node_1(&style)?,
        None => {
            if let Some(root) = document.document_element() {
                root.append_with_node_1(&style)?;
            }
        }
    };
    Ok(Some(style))
}
