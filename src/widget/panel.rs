//! The due-dates panel: a worker's obligations in date order, overdue ones first, each with
//! its status, reason and clause; the past breaches; and a small timeline picture of past
//! sessions and upcoming due dates, because a manager reads a picture faster than a list.
//! The picture is summarised in words for screen readers; everything in it is also in the
//! list.

use super::{bad, prop};
use crate::calendar::{add_days, add_months, parse_date};
use crate::policy::ObligationKind;
use crate::schedule::Status;
use crate::words::{and_list, capitalise, long_date, plural, relative, short_month};
use chrono::{Datelike, NaiveDate};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

const SVG: &str = "http://www.w3.org/2000/svg";
const MARKER: &str = "data-sr-schedule";

/// A status's words and GOV.UK tag classes.
fn tag(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Overdue => ("Overdue", "govuk-tag govuk-tag--red"),
        Status::DueSoon => ("Due soon", "govuk-tag govuk-tag--yellow"),
        Status::Ok => ("Upcoming", "govuk-tag govuk-tag--blue"),
    }
}

struct Due {
    kind: String,
    subject: String,
    due: NaiveDate,
    status: Status,
    source: String,
    reason: String,
    rule: String,
}

struct Breach {
    message: String,
    source: String,
}

/// The schedule as read from JS (by property, so a hand-made object works too).
struct Panel {
    as_of: NaiveDate,
    dues: Vec<Due>,
    breaches: Vec<Breach>,
    /// Sessions held (not cancelled, on or before `as_of`), in date order.
    sessions: Vec<NaiveDate>,
    worker: Option<String>,
}

fn text(obj: &JsValue, key: &str) -> String {
    prop(obj, key).as_string().unwrap_or_default()
}

fn date(obj: &JsValue, key: &str, path: &str) -> Result<NaiveDate, JsValue> {
    prop(obj, key)
        .as_string()
        .and_then(|s| parse_date(&s).ok())
        .ok_or_else(|| bad(&format!("{path}.{key}"), "a date as YYYY-MM-DD"))
}

fn array(obj: &JsValue, key: &str, path: &str) -> Result<Option<Vec<JsValue>>, JsValue> {
    let v = prop(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(&v) {
        return Err(bad(&format!("{path}.{key}"), "an array"));
    }
    Ok(Some(js_sys::Array::from(&v).to_vec()))
}

impl Panel {
    fn read(schedule: &JsValue, worker: Option<&JsValue>) -> Result<Panel, JsValue> {
        if !schedule.is_object() {
            return Err(bad("schedule", "a schedule, as schedule() returns it"));
        }
        let as_of = date(schedule, "asOf", "schedule")?;
        let mut dues = Vec::new();
        for (i, o) in array(schedule, "obligations", "schedule")?
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let path = format!("schedule.obligations[{i}]");
            // The core's own Status, read as the core writes it.
            let status: Status = serde_json::from_value(serde_json::Value::String(text(
                o, "status",
            )))
            .map_err(|_| {
                bad(
                    &format!("{path}.status"),
                    "\"overdue\", \"due-soon\" or \"ok\"",
                )
            })?;
            dues.push(Due {
                kind: text(o, "kind"),
                subject: text(o, "subject"),
                due: date(o, "due", &path)?,
                status,
                source: text(o, "source"),
                reason: text(o, "reason"),
                rule: text(o, "rule"),
            });
        }
        // Date order, overdue first (the engine's order already; a hand-made list too).
        dues.sort_by_key(|d| (d.status != Status::Overdue, d.due));
        let breaches = array(schedule, "breaches", "schedule")?
            .unwrap_or_default()
            .iter()
            .map(|b| Breach {
                message: text(b, "message"),
                source: text(b, "source"),
            })
            .collect();
        let (list, path) = match array(schedule, "sessions", "schedule")? {
            Some(list) => (list, "schedule.sessions"),
            None => match worker {
                Some(w) => (
                    array(w, "sessions", "worker")?.unwrap_or_default(),
                    "worker.sessions",
                ),
                None => (Vec::new(), ""),
            },
        };
        let mut sessions = Vec::new();
        for (i, s) in list.iter().enumerate() {
            let d = date(s, "date", &format!("{path}[{i}]"))?;
            let cancelled = prop(s, "cancelled");
            if d <= as_of && (cancelled.is_undefined() || cancelled.is_null()) {
                sessions.push(d);
            }
        }
        sessions.sort_unstable();
        sessions.dedup();
        Ok(Panel {
            as_of,
            dues,
            breaches,
            sessions,
            worker: worker.and_then(|w| prop(w, "id").as_string()),
        })
    }

    fn count(&self, status: Status) -> usize {
        self.dues.iter().filter(|d| d.status == status).count()
    }
}

/// `Personal supervision` for `personal-supervision`; an unknown kind as it came.
fn kind_label(kind: &str) -> String {
    let words = serde_json::from_value::<ObligationKind>(serde_json::Value::String(kind.into()))
        .map(|k| k.describe().to_string())
        .unwrap_or_else(|_| kind.replace('-', " "));
    capitalise(&words)
}

/// `1 overdue`, `2 due soon`, `4 upcoming`: the statuses there are.
fn counts(p: &Panel) -> Vec<String> {
    [
        (Status::Overdue, "overdue"),
        (Status::DueSoon, "due soon"),
        (Status::Ok, "upcoming"),
    ]
    .into_iter()
    .map(|(s, word)| (p.count(s), word))
    .filter(|(n, _)| *n > 0)
    .map(|(n, word)| format!("{n} {word}"))
    .collect()
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

fn append(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_with_node_1(child)
}

thread_local! {
    static PANELS: Cell<u32> = const { Cell::new(0) };
}

struct Builder<'d> {
    doc: &'d Document,
}

impl Builder<'_> {
    fn el(&self, tag: &str, class: &str, text: Option<&str>) -> Result<Element, JsValue> {
        let el = self.doc.create_element(tag)?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        if let Some(t) = text {
            el.set_text_content(Some(t));
        }
        Ok(el)
    }

    fn svg(&self, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
        let el = self.doc.create_element_ns(Some(SVG), tag)?;
        for (k, v) in attrs {
            el.set_attribute(k, v)?;
        }
        Ok(el)
    }

    fn svg_text(&self, text: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
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
    fn id(&self, what: &str) -> String {
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

    fn panel(&self, p: &Panel) -> Result<Element, JsValue> {
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
                let li = self.el("li", "", Some(&b.message))?;
                if !b.source.is_empty() {
                    li.append_with_str_1(" ")?;
                    append(
                        &li,
                        &self.el("span", "sr-clause", Some(&format!("({})", b.source)))?,
                    )?;
                }
                list.append_with_node_1(&li)?;
            }
            root.append_with_node_1(&list)?;
        }
        Ok(root)
    }

    fn obligation(&self, p: &Panel, d: &Due) -> Result<Element, JsValue> {
        let (status, status_class) = tag(d.status);
        let modifier = match d.status {
            Status::Overdue => "overdue",
            Status::DueSoon => "due-soon",
            Status::Ok => "ok",
        };
        let li = self.el(
            "li",
            &format!("sr-obligation sr-obligation--{modifier}"),
            None,
        )?;
        if !d.rule.is_empty() {
            li.set_attribute("data-rule", &d.rule)?;
        }
        let heading = self.el("p", "sr-obligation__heading", None)?;
        append(&heading, &self.el("strong", status_class, Some(status))?)?;
        heading.append_with_str_1(" ")?;
        let mut what = kind_label(&d.kind);
        if !d.subject.is_empty() && p.worker.as_deref() != Some(d.subject.as_str()) {
            if d.kind == "child-discussion" {
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

    /// The timeline: past sessions above, due dates below, today marked; an image whose
    /// label says what it shows. Drawn 360 units wide, so that its text stays readable in a
    /// side column, and at most 540 pixels wide in a wide one.
    fn timeline(&self, p: &Panel) -> Result<Element, JsValue> {
        const LEFT: i64 = 14;
        const RIGHT: i64 = 346;
        let back = |n| add_days(p.as_of, n).unwrap_or(p.as_of);
        // At least 90 days back and 30 ahead; sessions up to a year back; every due date.
        let mut start = back(-90);
        if let Some(d) = p.dues.iter().map(|d| d.due).min() {
            start = start.min(d);
        }
        if let Some(s) = p.sessions.first() {
            start = start.min((*s).max(back(-365)));
        }
        let mut end = back(30);
        if let Some(d) = p.dues.iter().map(|d| d.due).max() {
            end = end.max(d);
        }
        let span = days(start, end).max(1);
        #[allow(
            clippy::arithmetic_side_effects,
            reason = "the day count is clamped to 0..=span, span is at least 1 and below 2^28 \
                      (chrono's range), so the product is far inside i64 and x is LEFT..=RIGHT"
        )]
        let x = |d: NaiveDate| LEFT + days(start, d).clamp(0, span) * (RIGHT - LEFT) / span;
        let anchor = |x: i64| {
            if x < LEFT + 24 {
                "start"
            } else if x > RIGHT - 24 {
                "end"
            } else {
                "middle"
            }
        };
        let shown: Vec<NaiveDate> = p.sessions.iter().copied().filter(|s| *s >= start).collect();

        let label = {
            let mut s = format!(
                "Timeline from {} to {}. Today is {}. ",
                long_date(start),
                long_date(end),
                long_date(p.as_of)
            );
            match shown.last() {
                None => s.push_str("No sessions held in this period. "),
                Some(last) => s.push_str(&format!(
                    "{} held, the last on {}. ",
                    plural(shown.len(), "session", "sessions"),
                    long_date(*last)
                )),
            }
            let parts = counts(p);
            if parts.is_empty() {
                s.push_str("Nothing is due.");
            } else {
                s.push_str(&format!("Due dates: {}", and_list(&parts)));
                match p.dues.iter().find(|d| d.status != Status::Overdue) {
                    Some(next) => s.push_str(&format!(", the next on {}.", long_date(next.due))),
                    None => s.push('.'),
                }
            }
            s
        };

        let frame = self.el("div", "sr-timeline", None)?;
        if let Some(frame) = frame.dyn_ref::<HtmlElement>() {
            // Through the CSSOM, which a Content-Security-Policy allows, unlike style="…".
            frame.style().set_property("max-width", "540px")?;
        }
        let svg = self.svg(
            "svg",
            &[
                ("role", "img"),
                ("aria-label", &label),
                ("viewBox", "0 0 360 124"),
                ("width", "100%"),
                ("font-family", "Arial, sans-serif"),
                ("font-size", "11"),
                ("fill", "#0b0c0c"),
            ],
        )?;
        append(&frame, &svg)?;
        let title = self.svg("title", &[])?;
        title.set_text_content(Some(&label));
        append(&svg, &title)?;

        // The axis, and a tick at the start of each month (every few months over long spans).
        let line = |x1: i64, y1: i64, x2: i64, y2: i64, stroke: &str| {
            self.svg(
                "line",
                &[
                    ("x1", &x1.to_string()),
                    ("y1", &y1.to_string()),
                    ("x2", &x2.to_string()),
                    ("y2", &y2.to_string()),
                    ("stroke", stroke),
                ],
            )
        };
        let axis = line(LEFT, 70, RIGHT, 70, "#505a5f")?;
        axis.set_attribute("stroke-width", "2")?;
        append(&svg, &axis)?;
        #[allow(
            clippy::arithmetic_side_effects,
            reason = "chrono's years are within ±262,143, so the month difference is below 2^23"
        )]
        let months = (end.year() - start.year()) * 12 + end.month0() as i32 - start.month0() as i32;
        let step = u32::try_from(months.saturating_add(3) / 4)
            .unwrap_or(1)
            .max(1);
        let mut tick = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).and_then(|t| {
            if t < start {
                add_months(t, 1)
            } else {
                Some(t)
            }
        });
        let mut year = None;
        while let Some(t) = tick.filter(|t| *t <= end) {
            let tx = x(t);
            append(&svg, &line(tx, 66, tx, 74, "#505a5f")?)?;
            let month = short_month(t);
            // The year on the first label and wherever it changes.
            let text = if year != Some(t.year()) {
                format!("{month} {}", t.year())
            } else {
                month.to_string()
            };
            year = Some(t.year());
            append(
                &svg,
                &self.svg_text(
                    &text,
                    &[
                        ("x", &tx.to_string()),
                        ("y", "86"),
                        ("text-anchor", anchor(tx)),
                    ],
                )?,
            )?;
            tick = add_months(t, step);
        }

        // Today.
        let tx = x(p.as_of);
        let today = line(tx, 16, tx, 78, "#0b0c0c")?;
        today.set_attribute("stroke-dasharray", "3 2")?;
        append(&svg, &today)?;
        append(
            &svg,
            &self.svg_text(
                "Today",
                &[
                    ("x", &tx.to_string()),
                    ("y", "11"),
                    ("text-anchor", anchor(tx)),
                    ("font-weight", "bold"),
                ],
            )?,
        )?;

        // Sessions held above; due dates between them and the axis, shape and colour both
        // saying the status. Each has a tooltip.
        for s in &shown {
            let c = self.svg(
                "circle",
                &[("cx", &x(*s).to_string()), ("cy", "30"), ("r", "5")],
            )?;
            self.tooltip(&c, &format!("Session held on {}", long_date(*s)))?;
            append(&svg, &c)?;
        }
        for d in &p.dues {
            let m = self.marker(d.status, x(d.due), 50)?;
            self.tooltip(
                &m,
                &format!(
                    "{}: {}, {}",
                    tag(d.status).0,
                    kind_label(&d.kind),
                    long_date(d.due)
                ),
            )?;
            append(&svg, &m)?;
        }

        // The key.
        append(
            &svg,
            &self.svg("circle", &[("cx", "18"), ("cy", "108"), ("r", "4")])?,
        )?;
        append(
            &svg,
            &self.svg_text("Session held", &[("x", "27"), ("y", "112")])?,
        )?;
        for (kx, status) in [
            (104, Status::Overdue),
            (174, Status::DueSoon),
            (248, Status::Ok),
        ] {
            append(&svg, &self.marker(status, kx, 108)?)?;
            append(
                &svg,
                &self.svg_text(
                    tag(status).0,
                    &[("x", &kx.saturating_add(10).to_string()), ("y", "112")],
                )?,
            )?;
        }
        Ok(frame)
    }

    /// Overdue: a red diamond; due soon: an amber triangle; upcoming: a hollow blue diamond.
    fn marker(&self, status: Status, x: i64, y: i64) -> Result<Element, JsValue> {
        let points = |pts: &[(i64, i64)]| {
            pts.iter()
                .map(|(dx, dy)| format!("{},{}", x.saturating_add(*dx), y.saturating_add(*dy)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let diamond = points(&[(0, -6), (6, 0), (0, 6), (-6, 0)]);
        match status {
            Status::Overdue => self.svg("polygon", &[("points", &diamond), ("fill", "#d4351c")]),
            Status::DueSoon => self.svg(
                "polygon",
                &[
                    ("points", &points(&[(0, -7), (7, 6), (-7, 6)])),
                    ("fill", "#995c00"),
                ],
            ),
            Status::Ok => self.svg(
                "polygon",
                &[
                    ("points", &diamond),
                    ("fill", "#ffffff"),
                    ("stroke", "#1d70b8"),
                    ("stroke-width", "2"),
                ],
            ),
        }
    }

    fn tooltip(&self, el: &Element, text: &str) -> Result<(), JsValue> {
        let t = self.svg("title", &[])?;
        t.set_text_content(Some(text));
        el.append_with_node_1(&t)
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
    let panel = Panel::read(&schedule, worker.as_ref())?;
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
    use super::kind_label;
    use crate::words::{and_list, relative};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn words() {
        assert_eq!(kind_label("personal-supervision"), "Personal supervision");
        assert_eq!(kind_label("pdr"), "PDR");
        assert_eq!(kind_label("new-thing"), "New thing");
        assert_eq!(relative(-3), "3 days ago");
        assert_eq!(relative(1), "tomorrow");
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}
