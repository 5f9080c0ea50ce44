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

mod display;
mod form;
mod listen;
mod options;
mod panel;

pub use panel::render_schedule;

use crate::error::Error;
use crate::validate::{validate as core_validate, Mode, ValidateOptions, ValidationReport};
use display::{Display, Item, Reason};
use form::Scan;
use listen::Listener;
use options::{AttachOptions, Stylesheet};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlFormElement};

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
   *  { howFeelingActions: "feeling_actions" } reads feeling_actions[0][action], [0][who], [0][when]. */
  fields?: Record<string, string>;
  /** Today as YYYY-MM-DD, for the "not in the future" checks. Default: the browser's
   *  local date at each check; null skips those checks. */
  today?: string | null;
  /** The supervisee's role id (default "social-worker"). */
  role?: string;
  /** true adds the widget's stylesheet in a <style> element; a string adds a
   *  <link rel="stylesheet"> to that address. Default false (govuk-frontend styles the markup). */
  stylesheet?: boolean | string;
}
/** Options for Widget.validate(). */
export interface WidgetValidateOptions {
  /** Move focus to the error summary when there are errors (default false). */
  focus?: boolean;
}
"#;

/// A JS `Error` carrying the core error's message and `code`.
pub(crate) fn js_error(e: &Error) -> JsValue {
    widget_error(e.code(), &e.to_string())
}

/// A JS `Error` with this `code` and message.
pub(crate) fn widget_error(code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

fn bad(path: &str, expected: &str) -> JsValue {
    js_error(&Error::bad_argument(path, expected))
}

/// `obj[key]`, or `undefined` when `obj` is not an object.
fn prop(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn busy() -> JsValue {
    widget_error(
        "busy",
        "the widget is already handling an event: call it again afterwards",
    )
}

/// The widget's state between events.
struct State {
    form: HtmlFormElement,
    options: AttachOptions,
    /// After the first submit (or `validate()`), the form is checked as the user edits.
    submitted: bool,
    /// The mode of the last full check (a `formnovalidate` submit checks as a draft).
    last_mode: Mode,
    display: Display,
}

impl State {
    fn refresh(&mut self, reason: Reason<'_>, mode: Mode) -> Result<ValidationReport, JsValue> {
        let o = &self.options;
        let template = o
            .policy
            .templates
            .iter()
            .find(|t| t.id == o.template)
            .ok_or_else(|| js_error(&Error::unknown_template(&o.policy.id, &o.template)))?;
        let scan = Scan::read(&self.form);
        let record = scan.record(template, &o.names);
        let options = ValidateOptions {
            mode,
            today: o.today.date(),
            role: o.role.clone(),
            ..ValidateOptions::default()
        };
        let report =
            core_validate(&o.policy, template, &record, &options).map_err(|e| js_error(&e))?;
        let items = report
            .errors
            .iter()
            .chain(&report.warnings)
            .map(|f| Item {
                finding: f.clone(),
                target: scan.target(&f.path, template, &o.names, &self.form),
            })
            .collect();
        self.display.show(items, reason)?;
        Ok(report)
    }
}

/// What one `attach()` made: shared by the handle and the listeners.
struct Core {
    form: HtmlFormElement,
    state: RefCell<State>,
    listeners: RefCell<Vec<Listener>>,
    style: RefCell<Option<Element>>,
    attached: Cell<bool>,
}

thread_local! {
    /// Attached widgets: they stay attached, and their listeners alive, until `detach()`.
    static ATTACHED: RefCell<Vec<Rc<Core>>> = const { RefCell::new(Vec::new()) };
}

impl Core {
    /// Full check (a submit or `validate()`); returns the report and whether it blocks.
    fn check(&self, mode: Option<Mode>) -> Result<(ValidationReport, bool), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| busy())?;
        let mode = mode.unwrap_or(state.options.mode);
        state.submitted = true;
        state.last_mode = mode;
        let report = state.refresh(Reason::Full, mode)?;
        let blocks = mode == Mode::Final && !report.valid;
        Ok((report, blocks))
    }

    fn edited(&self, event: &Event, change: bool) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| busy())?;
        if !state.submitted {
            return Ok(());
        }
        let mode = state.last_mode;
        let target: JsValue = event.target().map(Into::into).unwrap_or(JsValue::NULL);
        let reason = if change {
            Reason::Change(&target)
        } else {
            Reason::Input
        };
        state.refresh(reason, mode).map(|_| ())
    }

    fn focus_summary(&self) -> Result<(), JsValue> {
        // The borrow ends before focus moves: a page's focus listener may call the widget.
        let summary = self
            .state
            .try_borrow()
            .map_err(|_| busy())?
            .display
            .summary();
        match summary {
            Some(s) => s.focus(),
            None => Ok(()),
        }
    }

    /// A click on a link in the summary or the warnings panel: focus its control.
    fn clicked(&self, event: &Event) -> Result<(), JsValue> {
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("a[href^='#']").ok().flatten())
        else {
            return Ok(());
        };
        let control = {
            let state = self.state.try_borrow().map_err(|_| busy())?;
            if !state.display.owns(&link) {
                return Ok(());
            }
            let id = link
                .get_attribute("href")
                .unwrap_or_default()
                .trim_start_matches('#')
                .to_string();
            self.form
                .owner_document()
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        };
        if let Some(control) = control {
            // Focus without changing the page's URL (a single-page app may route on it).
            event.prevent_default();
            display::focus_control(&control)?;
        }
        Ok(())
    }

    fn detach(&self) {
        if !self.attached.replace(false) {
            return;
        }
        let listeners = self
            .listeners
            .try_borrow_mut()
            .map(|mut l| std::mem::take(&mut *l));
        drop(listeners);
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.display.clear();
        }
        if let Some(style) = self.style.try_borrow_mut().ok().and_then(|mut s| s.take()) {
            style.remove();
        }
    }
}

impl Drop for Core {
    fn drop(&mut self) {
        self.detach();
    }
}

/// Logs a failure inside an event listener, where there is no caller to throw to.
fn report(context: &str, e: &JsValue) {
    web_sys::console::error_2(&format!("supervision-rules: {context}").into(), e);
}

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

    let earlier = ATTACHED.with(|a| {
        a.try_borrow_mut()
            .map(|mut list| {
                let (same, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut *list)
                    .into_iter()
                    .partition(|c| c.form == form);
                *list = kept;
                same
            })
            .unwrap_or_default()
    });
    for core in &earlier {
        core.detach();
    }
    drop(earlier);

    warn_missing(&form, &options);

    let style = match &options.stylesheet {
        Stylesheet::Off => None,
        Stylesheet::Inline => {
            let style = document.create_element("style")?;
            style.set_text_content(Some(STYLESHEET));
            Some(style)
        }
        Stylesheet::Link(href) => {
            let link = document.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            link.set_attribute("href", href)?;
            Some(link)
        }
    };
    if let Some(style) = &style {
        style.set_attribute("data-supervision-rules", "")?;
        match document.head() {
            Some(head) => head.append_with_node_1(style)?,
            None => {
                if let Some(root) = document.document_element() {
                    root.append_with_node_1(style)?;
                }
            }
        }
    }

    let mode = options.mode;
    let core = Rc::new(Core {
        form: form.clone(),
        state: RefCell::new(State {
            form: form.clone(),
            options,
            submitted: false,
            last_mode: mode,
            display: Display::new(document, form.clone()),
        }),
        listeners: RefCell::new(Vec::new()),
        style: RefCell::new(style),
        attached: Cell::new(true),
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

fn listen_all(core: &Rc<Core>, form: &HtmlFormElement) -> Result<Vec<Listener>, JsValue> {
    let target: &web_sys::EventTarget = form.as_ref();
    let weak = Rc::downgrade(core);
    let on_submit = {
        let weak = Weak::clone(&weak);
        move |event: Event| {
            let Some(core) = weak.upgrade() else { return };
            let mode = novalidate(&event).then_some(Mode::Draft);
            match core.check(mode) {
                Ok((_, true)) => {
                    event.prevent_default();
                    // A page's own submit listener (a script save) must not run either.
                    event.stop_immediate_propagation();
                    if let Err(e) = core.focus_summary() {
                        report("could not move focus to the error summary", &e);
                    }
                }
                Ok((_, false)) => {}
                // Failing open: a broken check must not trap a social worker's record.
                Err(e) => report("could not check the form; it was submitted unchecked", &e),
            }
        }
    };
    let on_edit = |change: bool| {
        let weak = Weak::clone(&weak);
        move |event: Event| {
            let Some(core) = weak.upgrade() else { return };
            if let Err(e) = core.edited(&event, change) {
                report("could not check the form", &e);
            }
        }
    };
    let on_click = {
        let weak = Weak::clone(&weak);
        move |event: Event| {
            let Some(core) = weak.upgrade() else { return };
            if let Err(e) = core.clicked(&event) {
                report("could not move focus to the control", &e);
            }
        }
    };
    // Capture, so the check runs before the page's own submit listeners on the form.
    Ok(vec![
        Listener::new(target, "submit", true, on_submit)?,
        Listener::new(target, "input", false, on_edit(false))?,
        Listener::new(target, "change", false, on_edit(true))?,
        Listener::new(target, "click", false, on_click)?,
    ])
}

/// The submit came from a button with `formnovalidate` (a "Save as draft" button).
fn novalidate(event: &Event) -> bool {
    event
        .dyn_ref::<web_sys::SubmitEvent>()
        .and_then(web_sys::SubmitEvent::submitter)
        .is_some_and(|b| b.has_attribute("formnovalidate"))
}

/// Tells the developer, once, about required fields the form has no control for: the
/// record could never be finished.
fn warn_missing(form: &HtmlFormElement, options: &AttachOptions) {
    let Some(template) = options
        .policy
        .templates
        .iter()
        .find(|t| t.id == options.template)
    else {
        return;
    };
    let scan = Scan::read(form);
    for f in template.fields() {
        if f.required == crate::policy::Required::No {
            continue;
        }
        let name = options
            .names
            .get(&f.id)
            .map_or(f.id.as_str(), String::as_str);
        if !scan.has(f.kind, name) {
            web_sys::console::warn_1(
                &format!(
                    "supervision-rules: the form has no control named \"{name}\" for the \
                     required field \"{}\" of template \"{}\"; map it with options.fields",
                    f.id, template.id
                )
                .into(),
            );
        }
    }
}
