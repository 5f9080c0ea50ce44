//! The panel drawn: what it shows ([`Panel`], read from a schedule) and the elements that
//! show it ([`Builder`]); `renderSchedule()`.

use super::read;
use crate::calendar::format_date;
use crate::finding::Finding;
use crate::schedule::{status_label, Obligation, Schedule, Status};
use crate::terms::ObligationKind;
use crate::wasm::from_js;
use crate::widget::bad;
use crate::words::{and_list, kind_label, long_date, lower, relative};
use chrono::NaiveDate;
use serde_json::Value;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

const SVG: &str = "http://www.w3.org/2000/svg";
const MARKER: &str = "data-sr-schedule";

/// A status's words (the core's, `schedule::status_label`) and GOV.UK tag classes.
pub(super) fn tag(status: Status) -> (&'static str, &'static str) {
    let class = match status {
        Status::Overdue => "govuk-tag govuk-tag--red",
        Status::DueSoon => "govuk-tag govuk-tag--yellow",
        Status::Ok => "govuk-tag govuk-tag--blue",
    };
    (status_label(status), class)
}

/// What the panel shows: the core's own schedule, and the sessions held.
pub(super) struct Panel {
    pub(super) as_of: NaiveDate,
    /// Overdue first, then by date.
    pub(super) dues: Vec<Obligation>,
    pub(super) breaches: Vec<Finding>,
    /// What rests on our reading, not on a limit the policy sets: due dates, then past gaps.
    readings: (Vec<Obligation>, Vec<Finding>),
    /// Sessions held (not cancelled, on or before `as_of`), in date order.
    pub(super) sessions: Vec<NaiveDate>,
    pub(super) worker: Option<String>,
}

impl Panel {
    pub(super) fn read(schedule: JsValue, worker: Option<JsValue>) -> Result<Panel, JsValue> {
        let schedule = from_js(schedule, "schedule")?;
        let Schedule {
            as_of,
            obligations,
            breaches,
            advisories,
        } = read::schedule(&schedule)?;
        let (read, mut dues): (Vec<Obligation>, Vec<Obligation>) =
            obligations.into_iter().partition(|o| o.reading.is_some());
        // Date order, overdue first (the engine's order already; a hand-made list too).
        crate::sort::sort_by_key(&mut dues, |d| (d.status != Status::Overdue, d.due));
        let worker = worker.map(|w| from_js(w, "worker")).transpose()?;
        let sessions = match (schedule.get("sessions"), &worker) {
            (Some(s), _) if !s.is_null() => read::held(&schedule, "schedule", as_of)?,
            (_, Some(w)) => read::held(w, "worker", as_of)?,
            _ => Vec::new(),
        };
        Ok(Panel {
            as_of,
            dues,
            breaches,
            readings: (read, advisories),
            sessions,
            worker: worker
                .as_ref()
                .and_then(|w| w.get("id"))
                .and_then(Value::as_str)
                .map(str::to_string),
        })
    }

    pub(super) fn count(&self, status: Status) -> usize {
        self.dues.iter().filter(|d| d.status == status).count()
    }
}

/// `1 overdue`, `2 due soon`, `4 upcoming`: the statuses there are.
/// In the order of [`Status::ALL`], in the core's words for each status.
pub(super) fn counts(p: &Panel) -> Vec<String> {
    Status::ALL
        .into_iter()
        .map(|s| (p.count(s), s))
        .filter(|(n, _)| *n > 0)
        .map(|(n, s)| format!("{n} {}", lower(status_label(s))))
        .collect()
}

pub(super) fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

pub(super) fn append(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_with_node_1(child)
}

thread_local! {
    static PANELS: Cell<u32> = const { Cell::new(0) };
}

pub(super) struct Builder<'d> {
    doc: &'d Document,
}

impl Builder<'_> {
    pub(super) fn el(
        &self,
        tag: &str,
        class: &str,
        text: Option<&str>,
    ) -> Result<Element, JsValue> {
        let el = self.doc.create_element(tag)?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        if let Some(t) = text {
            el.set_text_content(Some(t));
        }
        Ok(el)
    }

    pub(super) fn svg(&self, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
        let el = self.doc.create_element_ns(Some(SVG), tag)?;
        for (k, v) in attrs {
            el.set_attribute(k, v)?;
        }
        Ok(el)
    }

    pub(super) fn svg_text(&self, text: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
        let el = self.svg("text", attrs)?;
        el.set_text_content(Some(text));
        Ok(el)
    }

    fn time(&self, d: NaiveDate) -> Result<Element, JsValue> {
        let t = self.el("time", "", Some(&long_date(d)))?;
        t.set_attribute("datetime", &crate::calendar::format_date(d))?;
        Ok(t)
    }

    /// An id not yet used in the document.
    pub(super) fn id(&self, what: &str) -> String {
        loop {
            let n = PANELS.with(|c| {
                let n = c.get().wrapping_add(1);
                c.set(n);
                n
            });
            let id = format!("sr-schedule-{n}-{what}");
            if self.doc.get_element_by_id(&id).is_none() {
                return id;
            }
        }
    }

    pub(super) fn panel(&self, p: &Panel) -> Result<Element, JsValue> {
        let root = self.el("section", "sr-schedule", None)?;
        root.set_attribute(MARKER, "")?;
        let title_id = self.id("title");
        root.set_attribute("aria-labelledby", &title_id)?;
        let title = self.el(
            "h2",
            "govuk-heading-m sr-schedule__title",
            Some("Due dates"),
        )?;
        title.set_id(&title_id);
        root.append_with_node_1(&title)?;

        let counts = counts(p);
        let summary = if counts.is_empty() {
            format!("As of {} nothing is due.", long_date(p.as_of))
        } else {
            format!("As of {}: {}.", long_date(p.as_of), and_list(&counts))
        };
        append(
            &root,
            &self.el("p", "govuk-body sr-schedule__summary", Some(&summary))?,
        )?;

        if !p.dues.is_empty() || !p.sessions.is_empty() {
            append(&root, &self.timeline(p)?)?;
        }

        if !p.dues.is_empty() {
            let list = self.el("ol", "govuk-list sr-obligations", None)?;
            for d in &p.dues {
                append(&list, &self.obligation(p, d)?)?;
            }
            root.append_with_node_1(&list)?;
        }

        append(
            &root,
            &self.el(
                "h3",
                "govuk-heading-s sr-schedule__subtitle",
                Some("Past breaches of the policy"),
            )?,
        )?;
        if p.breaches.is_empty() {
            append(&root, &self.el("p", "govuk-body", Some("None found."))?)?;
        } else {
            let list = self.el("ul", "govuk-list govuk-list--bullet sr-breaches", None)?;
            for b in &p.breaches {
                append(&list, &self.breach(b)?)?;
            }
            root.append_with_node_1(&list)?;
        }
        self.readings(p, &root)?;
        Ok(root)
    }

    /// Apart from the policy's own: due dates and past gaps that rest on our reading of a
    /// clause that sets no such limit (a rule with `basis: "reading"`).
    fn readings(&self, p: &Panel, root: &Element) -> Result<(), JsValue> {
        let (dues, gaps) = &p.readings;
        if dues.is_empty() && gaps.is_empty() {
            return Ok(());
        }
        let section = self.el("div", "sr-readings", None)?;
        let title = "By our reading: limits the policy does not set (not breaches)";
        append(
            &section,
            &self.el("h3", "govuk-heading-s sr-schedule__subtitle", Some(title))?,
        )?;
        let list = self.el(
            "ul",
            "govuk-list govuk-list--bullet sr-readings__list",
            None,
        )?;
        for d in dues {
            let li = self.el("li", "sr-reading", None)?;
            li.set_attribute("data-rule", &d.rule)?;
            li.append_with_str_1(&format!("{}: ", kind_label(d.kind)))?;
            append(&li, &self.time(d.due)?)?;
            li.append_with_str_1(&format!(". {}", d.reason))?;
            append(&list, &li)?;
        }
        for g in gaps {
            let li = self.breach(g)?;
            li.set_class_name("sr-reading sr-reading--past");
            append(&list, &li)?;
        }
        append(&section, &list)?;
        append(root, &section)
    }

    /// A past breach: its message and clause; a run of breaches (docs/finding-codes.md,
    /// Runs) first says how many, and carries its count and first and last dates.
    pub(super) fn breach(&self, b: &Finding) -> Result<Element, JsValue> {
        let li = self.el("li", "", None)?;
        if let Some(run) = b.run {
            li.set_attribute("data-run-count", &run.count.to_string())?;
            li.set_attribute("data-run-first", &format_date(run.first))?;
            li.set_attribute("data-run-last", &format_date(run.last))?;
            let times = format!("{} times in a row", run.count);
            let tag = self.el("strong", "govuk-tag govuk-tag--grey sr-run", Some(&times))?;
            append(&li, &tag)?;
            li.append_with_str_1(" ")?;
        }
        li.append_with_str_1(&b.message)?;
        if !b.source.is_empty() {
            li.append_with_str_1(" ")?;
            append(
                &li,
                &self.el("span", "sr-clause", Some(&format!("({})", b.source)))?,
            )?;
        }
        Ok(li)
    }

    pub(super) fn obligation(&self, p: &Panel, d: &Obligation) -> Result<Element, JsValue> {
        let (status, status_class) = tag(d.status);
        let modifier = d.status.name();
        let li = self.el(
            "li",
            &format!("sr-obligation sr-obligation--{modifier}"),
            None,
        )?;
        if !d.rule.is_empty() {
            li.set_attribute("data-rule", &d.rule)?;
        }
        // As the schedule writes them, for a page's styles and scripts.
        li.set_attribute("data-kind", d.kind.name())?;
        li.set_attribute("data-due", &format_date(d.due))?;
        li.set_attribute("data-status", modifier)?;
        let heading = self.el("p", "sr-obligation__heading", None)?;
        append(&heading, &self.el("strong", status_class, Some(status))?)?;
        heading.append_with_str_1(" ")?;
        let mut what = kind_label(d.kind);
        if !d.subject.is_empty() && p.worker.as_deref() != Some(d.subject.as_str()) {
            if d.kind == ObligationKind::ChildDiscussion {
                what.push_str(&format!(" for case {}", d.subject));
            } else {
                what.push_str(&format!(" for {}", d.subject));
            }
        }
        append(
            &heading,
            &self.el("span", "sr-obligation__what", Some(&what))?,
        )?;
        li.append_with_node_1(&heading)?;

        let due = self.el("p", "sr-obligation__due", None)?;
        due.append_with_str_1(if d.status == Status::Overdue {
            "Was due on "
        } else {
            "Due on "
        })?;
        append(&due, &self.time(d.due)?)?;
        due.append_with_str_1(&format!(" ({})", relative(days(p.as_of, d.due))))?;
        li.append_with_node_1(&due)?;

        if !d.reason.is_empty() {
            append(
                &li,
                &self.el("p", "sr-obligation__reason", Some(&d.reason))?,
            )?;
        }
        if !d.source.is_empty() {
            append(
                &li,
                &self.el("p", "sr-clause", Some(&format!("Policy: {}", d.source)))?,
            )?;
        }
        Ok(li)
    }
}

/// Renders a schedule (as `schedule()` returns it) into `element`: the obligations in date
/// order with overdue ones first, each with its status, reason and clause; the past
/// breaches; and a timeline picture of past sessions (from `schedule.sessions` or the
/// optional `worker`) and due dates, relative to `asOf`. Replaces only what an earlier call
/// rendered into the same element. Returns the panel's `<section>`.
///
/// Throws (`code: "bad-argument"`) when the element or the schedule is not what it should
/// be.
#[wasm_bindgen(js_name = renderSchedule)]
pub fn render_schedule(
    #[wasm_bindgen(unchecked_param_type = "HTMLElement")] element: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Schedule")] schedule: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Worker")] worker: JsValue,
) -> Result<HtmlElement, JsValue> {
    let element = element
        .dyn_into::<HtmlElement>()
        .map_err(|_| bad("element", "an HTML element to render into"))?;
    let doc = element
        .owner_document()
        .ok_or_else(|| bad("element", "an element in a document"))?;
    let worker = Some(worker).filter(|w| !w.is_undefined() && !w.is_null());
    let panel = Panel::read(schedule, worker)?;
    let root = Builder { doc: &doc }.panel(&panel)?;

    let children = element.children();
    let mut earlier = Vec::new();
    for i in 0..children.length() {
        if let Some(child) = children.item(i).filter(|c| c.has_attribute(MARKER)) {
            earlier.push(child);
        }
    }
    match earlier.split_first() {
        Some((first, rest)) => {
            first.replace_with_with_node_1(&root)?;
            for old in rest {
                old.remove();
            }
        }
        None => element.append_with_node_1(&root)?,
    }
    root.dyn_into::<HtmlElement>()
        .map_err(|_| bad("element", "an HTML element to render into"))
}

#[cfg(test)]
mod tests {
    use crate::terms::ObligationKind;
    use crate::words::{and_list, kind_label, relative};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn words() {
        assert_eq!(
            kind_label(ObligationKind::PersonalSupervision),
            "Personal supervision"
        );
        assert_eq!(kind_label(ObligationKind::Pdr), "PDR");
        assert_eq!(relative(-3), "3 days ago");
        assert_eq!(relative(1), "tomorrow");
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}
