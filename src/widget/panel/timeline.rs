//! The timeline picture: past sessions above, due dates below, today marked; an image whose
//! label says what it shows. Drawn 360 units wide, so that its text stays readable in a
//! side column, and at most 540 pixels wide in a wide one.

use super::{append, counts, days, tag, Builder, Panel};
use crate::calendar::{add_days, add_months};
use crate::schedule::Status;
use crate::words::{and_list, kind_label, long_date, plural, short_month};
use chrono::{Datelike, NaiveDate};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

const LEFT: i64 = 14;
const RIGHT: i64 = 346;

/// The days the picture spans, and where a day falls on it.
struct Scale {
    start: NaiveDate,
    end: NaiveDate,
    span: i64,
}

impl Scale {
    /// At least 90 days back and 30 ahead; sessions up to a year back; every due date.
    fn new(p: &Panel) -> Scale {
        let back = |n| add_days(p.as_of, n).unwrap_or(p.as_of);
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
        Scale {
            start,
            end,
            span: days(start, end).max(1),
        }
    }

    fn x(&self, d: NaiveDate) -> i64 {
        #[allow(
            clippy::arithmetic_side_effects,
            reason = "the day count is clamped to 0..=span, span is at least 1 and below 2^28 \
                      (chrono's range), so the product is far inside i64 and x is LEFT..=RIGHT"
        )]
        let x = LEFT + days(self.start, d).clamp(0, self.span) * (RIGHT - LEFT) / self.span;
        x
    }

    /// A tick at the start of each month, every few months over long spans.
    fn month_step(&self) -> u32 {
        let (start, end) = (self.start, self.end);
        #[allow(
            clippy::arithmetic_side_effects,
            reason = "chrono's years are within ±262,143, so the month difference is below 2^23"
        )]
        let months = (end.year() - start.year()) * 12 + end.month0() as i32 - start.month0() as i32;
        u32::try_from(months.saturating_add(3) / 4)
            .unwrap_or(1)
            .max(1)
    }
}

/// How a label at `x` is anchored, so that it stays inside the picture.
fn anchor(x: i64) -> &'static str {
    if x < LEFT + 24 {
        "start"
    } else if x > RIGHT - 24 {
        "end"
    } else {
        "middle"
    }
}

/// What the picture shows, in words: its label for screen readers and its title.
fn label(p: &Panel, scale: &Scale, shown: &[NaiveDate]) -> String {
    let mut s = format!(
        "Timeline from {} to {}. Today is {}. ",
        long_date(scale.start),
        long_date(scale.end),
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
}

impl Builder<'_> {
    /// The timeline of `p`, in a frame at most 540 pixels wide.
    pub(super) fn timeline(&self, p: &Panel) -> Result<Element, JsValue> {
        let scale = Scale::new(p);
        let shown: Vec<NaiveDate> = p
            .sessions
            .iter()
            .copied()
            .filter(|s| *s >= scale.start)
            .collect();
        let label = label(p, &scale, &shown);
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
        self.axis(&svg, &scale)?;
        self.today(&svg, &scale, p.as_of)?;
        self.points(&svg, &scale, p, &shown)?;
        self.key(&svg)?;
        Ok(frame)
    }

    fn line(
        &self,
        (x1, y1): (i64, i64),
        (x2, y2): (i64, i64),
        stroke: &str,
    ) -> Result<Element, JsValue> {
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
    }

    /// The axis, and a tick at the start of each month (every few months over long spans),
    /// labelled with the month and, on the first label and wherever it changes, the year.
    fn axis(&self, svg: &Element, scale: &Scale) -> Result<(), JsValue> {
        let axis = self.line((LEFT, 70), (RIGHT, 70), "#505a5f")?;
        axis.set_attribute("stroke-width", "2")?;
        append(svg, &axis)?;
        let step = scale.month_step();
        let (start, end) = (scale.start, scale.end);
        let mut tick = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).and_then(|t| {
            if t < start {
                add_months(t, 1)
            } else {
                Some(t)
            }
        });
        let mut year = None;
        while let Some(t) = tick.filter(|t| *t <= end) {
            let tx = scale.x(t);
            append(svg, &self.line((tx, 66), (tx, 74), "#505a5f")?)?;
            let month = short_month(t);
            let text = if year != Some(t.year()) {
                format!("{month} {}", t.year())
            } else {
                month.to_string()
            };
            year = Some(t.year());
            append(
                svg,
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
        Ok(())
    }

    /// Today: a dashed line across the picture, labelled.
    fn today(&self, svg: &Element, scale: &Scale, as_of: NaiveDate) -> Result<(), JsValue> {
        let tx = scale.x(as_of);
        let today = self.line((tx, 16), (tx, 78), "#0b0c0c")?;
        today.set_attribute("stroke-dasharray", "3 2")?;
        append(svg, &today)?;
        append(
            svg,
            &self.svg_text(
                "Today",
                &[
                    ("x", &tx.to_string()),
                    ("y", "11"),
                    ("text-anchor", anchor(tx)),
                    ("font-weight", "bold"),
                ],
            )?,
        )
    }

    /// Sessions held above; due dates between them and the axis, shape and colour both
    /// saying the status. Each has a tooltip.
    fn points(
        &self,
        svg: &Element,
        scale: &Scale,
        p: &Panel,
        shown: &[NaiveDate],
    ) -> Result<(), JsValue> {
        for s in shown {
            let c = self.svg(
                "circle",
                &[("cx", &scale.x(*s).to_string()), ("cy", "30"), ("r", "5")],
            )?;
            self.tooltip(&c, &format!("Session held on {}", long_date(*s)))?;
            append(svg, &c)?;
        }
        for d in &p.dues {
            let m = self.marker(d.status, scale.x(d.due), 50)?;
            self.tooltip(
                &m,
                &format!(
                    "{}: {}, {}",
                    tag(d.status).0,
                    kind_label(d.kind),
                    long_date(d.due)
                ),
            )?;
            append(svg, &m)?;
        }
        Ok(())
    }

    /// The key: what a circle and each marker mean.
    fn key(&self, svg: &Element) -> Result<(), JsValue> {
        append(
            svg,
            &self.svg("circle", &[("cx", "18"), ("cy", "108"), ("r", "4")])?,
        )?;
        append(
            svg,
            &self.svg_text("Session held", &[("x", "27"), ("y", "112")])?,
        )?;
        for (kx, status) in [
            (104, Status::Overdue),
            (174, Status::DueSoon),
            (248, Status::Ok),
        ] {
            append(svg, &self.marker(status, kx, 108)?)?;
            append(
                svg,
                &self.svg_text(
                    tag(status).0,
                    &[("x", &kx.saturating_add(10).to_string()), ("y", "112")],
                )?,
            )?;
        }
        Ok(())
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
