//! An attached widget: its state between events, its listeners, and what a submit, an edit
//! or a click on a summary link does.

use super::display::{self, Display, Item, Reason};
use super::form::Scan;
use super::listen::Listener;
use super::options::AttachOptions;
use super::{busy, js_error};
use crate::error::Error;
use crate::validate::FieldType;
use crate::validate::{validate as core_validate, Mode, ValidateOptions, ValidationReport};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlFormElement};

/// The widget's state between events.
pub(super) struct State {
    pub(super) form: HtmlFormElement,
    pub(super) options: AttachOptions,
    /// After the first submit (or `validate()`), the form is checked as the user edits.
    pub(super) submitted: bool,
    /// The mode of the last full check (a `formnovalidate` submit checks as a draft).
    pub(super) last_mode: Mode,
    pub(super) display: Display,
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
        let (record, date_inputs) = scan.record(template, &o.names, &o.dates);
        let options = ValidateOptions {
            mode,
            today: o.today.date(),
            supervisee: o.supervisee.clone(),
            // The calendar the page loaded with loadBankHolidays, as schedule() uses.
            calendar: crate::wasm::calendar(),
            ignore: o.absent.clone(),
        };
        let mut report =
            core_validate(&o.policy, template, &record, &options).map_err(|e| js_error(&e))?;
        // Boxes that make no date: the core's finding, in the date input pattern's words.
        for (id, boxes) in &date_inputs {
            let Some(message) = boxes.message(&crate::validate::subject(template, id)) else {
                continue;
            };
            let findings = report.errors.iter_mut().chain(report.warnings.iter_mut());
            for f in findings.filter(|f| f.path == *id) {
                if f.code == crate::code::Code::InvalidDate {
                    f.message.clone_from(&message);
                }
            }
        }
        let items = report
            .errors
            .iter()
            .chain(&report.warnings)
            .map(|f| Item {
                finding: f.clone(),
                target: scan.target(&f.path, template, &o.names, &o.dates, &self.form),
            })
            .collect();
        self.display.show(items, reason)?;
        Ok(report)
    }
}

/// What one `attach()` made: shared by the handle and the listeners.
pub(super) struct Core {
    pub(super) form: HtmlFormElement,
    pub(super) state: RefCell<State>,
    pub(super) listeners: RefCell<Vec<Listener>>,
    pub(super) style: RefCell<Option<Element>>,
    pub(super) attached: Cell<bool>,
    /// The page's problems found on attach (`widget.problems`).
    pub(super) problems: Vec<Problem>,
}

thread_local! {
    /// Attached widgets: they stay attached, and their listeners alive, until `detach()`.
    pub(super) static ATTACHED: RefCell<Vec<Rc<Core>>> = const { RefCell::new(Vec::new()) };
}

impl Core {
    /// Full check (a submit or `validate()`); returns the report and whether it blocks.
    pub(super) fn check(&self, mode: Option<Mode>) -> Result<(ValidationReport, bool), JsValue> {
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

    pub(super) fn focus_summary(&self) -> Result<(), JsValue> {
        // The borrow ends before focus moves: a page's focus listener may call the widget.
        let summary = self
            .state
            .try_borrow_mut()
            .map_err(|_| busy())?
            .display
            .summary();
        match summary {
            Some(s) => s.focus(),
            None => Ok(()),
        }
    }

    /// A click on a link in the summary or the warnings panel: focus its control. A click
    /// govuk-frontend's own error summary handled (a joined summary) is left to it.
    fn clicked(&self, event: &Event) -> Result<(), JsValue> {
        if event.default_prevented() {
            return Ok(());
        }
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

    pub(super) fn detach(&self) {
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

pub(super) fn listen_all(
    core: &Rc<Core>,
    form: &HtmlFormElement,
) -> Result<Vec<Listener>, JsValue> {
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
    // The summary may be outside the form (above the page's <h1>): clicks are heard on the
    // document, after a govuk-frontend error summary's own listener.
    let document: web_sys::EventTarget = match form.owner_document() {
        Some(d) => d.into(),
        None => target.clone(),
    };
    // Capture, so the check runs before the page's own submit listeners on the form.
    Ok(vec![
        Listener::new(target, "submit", true, on_submit)?,
        Listener::new(target, "input", false, on_edit(false))?,
        Listener::new(target, "change", false, on_edit(true))?,
        Listener::new(&document, "click", false, on_click)?,
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
pub(super) fn warn_missing(form: &HtmlFormElement, options: &AttachOptions) -> Vec<Problem> {
    let Some(template) = options
        .policy
        .templates
        .iter()
        .find(|t| t.id == options.template)
    else {
        return Vec::new();
    };
    let scan = Scan::read(form);
    let mut problems = Vec::new();
    for f in template.fields() {
        if f.required == crate::validate::Required::No {
            continue;
        }
        if options.absent.contains(&f.id) {
            problems.push(Problem {
                field: f.id.clone(),
                code: "required-absent",
                message: format!(
                    "the form does not collect \"{}\" ({}), which template \"{}\" requires{}: \
                     a record saved from this form is incomplete under the policy ({})",
                    f.id,
                    f.label,
                    template.id,
                    if f.required == crate::validate::Required::Final {
                        " when the record is finalised"
                    } else {
                        ""
                    },
                    f.source.as_deref().unwrap_or(template.source.as_str())
                ),
            });
            continue;
        }
        let name = options
            .names
            .get(&f.id)
            .map_or(f.id.as_str(), String::as_str);
        let mapped_boxes = options
            .dates
            .get(&f.id)
            .is_some_and(|p| scan.has(FieldType::Text, &p.day));
        if !scan.has(f.kind, name) && !mapped_boxes {
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
    if !problems.is_empty() {
        let list: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        web_sys::console::error_1(
            &format!(
                "supervision-rules: options.absent names required fields; the widget will not \
                 ask for them (widget.problems lists them):\n- {}",
                list.join("\n- ")
            )
            .into(),
        );
    }
    problems
}

/// A problem of the page's, for its developer (`widget.problems`): never shown to the user.
#[derive(Debug, Clone, serde::Serialize)]
pub(super) struct Problem {
    /// The template field id.
    pub(super) field: String,
    /// `required-absent`.
    pub(super) code: &'static str,
    /// What is wrong, for the developer.
    pub(super) message: String,
}
