//! The form as read at one moment ([`Scan`]): its named controls, the record they hold,
//! and where a finding goes on the page ([`Target`]).

use crate::validate::{Field, FieldType, Template};
use crate::widget::date_input::DateBoxes;
use crate::widget::options::DateParts;
use crate::widget::text::{reading, value_of};
use js_sys::JsString;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement, Node,
};

/// One named, form-associated element.
pub(super) struct Control {
    pub(super) el: HtmlElement,
    pub(super) name: String,
    /// What it would submit, left in JavaScript; `None` when it would submit nothing
    /// (unchecked, disabled).
    value: Option<JsString>,
    /// Takes focus and can be marked invalid (not a hidden input, not a fieldset).
    pub(super) focusable: bool,
    /// A `<fieldset name=…>`: a place to link to when a field has no control.
    pub(super) fieldset: bool,
}

/// The form's named elements, in document order, as read at one moment.
pub(in crate::widget) struct Scan {
    pub(super) controls: Vec<Control>,
}

/// Where a finding goes on the page.
#[derive(Clone)]
pub(in crate::widget) struct Target {
    /// The controls marked `aria-invalid` for an error.
    pub(in crate::widget) controls: Vec<HtmlElement>,
    /// The elements whose `aria-describedby` gets the message's id.
    pub(in crate::widget) described: Vec<Element>,
    /// Where the summary's link leads.
    pub(in crate::widget) link: Option<HtmlElement>,
    /// The inline message goes into `.0`, just before `.1`.
    pub(in crate::widget) placement: Option<(Element, Node)>,
    /// The GOV.UK form group marked `govuk-form-group--error`.
    pub(in crate::widget) group: Option<Element>,
}

/// `prefix[N][key]` → `(N, key)`.
fn cell<'n>(name: &'n str, prefix: &str) -> Option<(u32, &'n str)> {
    let rest = name.strip_prefix(prefix)?.strip_prefix('[')?;
    let (n, rest) = rest.split_once("][")?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let key = rest.strip_suffix(']')?;
    if key.is_empty() || key.contains(['[', ']']) {
        return None;
    }
    Some((n.parse().ok()?, key))
}

pub(in crate::widget) fn tag(el: &Element) -> String {
    el.tag_name().to_ascii_uppercase()
}

impl Scan {
    /// Reads every named control of `form` (including those outside it with `form="…"`).
    pub(in crate::widget) fn read(form: &HtmlFormElement) -> Scan {
        let elements = form.elements();
        let mut controls = Vec::new();
        for i in 0..elements.length() {
            let Some(el) = elements.item(i) else { continue };
            let name = el.get_attribute("name").unwrap_or_default();
            if name.is_empty() {
                continue;
            }
            let Ok(el) = el.dyn_into::<HtmlElement>() else {
                continue;
            };
            let (submits, focusable, fieldset) =
                if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                    let kind = input.type_().to_ascii_lowercase();
                    match kind.as_str() {
                        // Buttons submit nothing a template asks for; files are not record text.
                        "submit" | "reset" | "button" | "image" | "file" => continue,
                        "radio" | "checkbox" => (input.checked(), true, false),
                        "hidden" => (true, false, false),
                        _ => (true, true, false),
                    }
                } else if el.is_instance_of::<HtmlSelectElement>()
                    || el.is_instance_of::<HtmlTextAreaElement>()
                {
                    (true, true, false)
                } else if tag(&el) == "FIELDSET" {
                    (false, false, true)
                } else {
                    continue;
                };
            let value = submits.then(|| value_of(&el));
            // A disabled control is not submitted, so it holds nothing for the record.
            let value = value.filter(|_| !el.has_attribute("disabled") && !in_disabled(&el));
            controls.push(Control {
                el,
                name,
                value,
                focusable,
                fieldset,
            });
        }
        Scan { controls }
    }

    pub(super) fn named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Control> + 's {
        self.controls.iter().filter(move |c| c.name == name)
    }

    /// What the controls named `name` submit: absent when none would submit anything; text
    /// for one value; a list when several controls (checkboxes) give values. Free text is
    /// read only for its blankness (`text.rs`).
    fn value(&self, name: &str, free: bool) -> Option<Value> {
        let mut present = false;
        let mut values = Vec::new();
        for c in self.named(name) {
            if let Some(v) = &c.value {
                present = true;
                if let Some(text) = reading(v, free) {
                    values.push(Value::String(text));
                }
            }
        }
        if !present {
            return None;
        }
        Some(match values.len() {
            0 => Value::String(String::new()),
            1 => values.pop().unwrap_or(Value::Null),
            _ => Value::Array(values),
        })
    }

    /// The rows of a table field, by row number.
    pub(super) fn rows<'s>(&'s self, prefix: &str) -> BTreeMap<u32, Vec<(&'s str, &'s Control)>> {
        let mut rows: BTreeMap<u32, Vec<(&str, &Control)>> = BTreeMap::new();
        for c in &self.controls {
            if let Some((n, key)) = cell(&c.name, prefix) {
                rows.entry(n).or_default().push((key, c));
            }
        }
        rows
    }

    /// Whether the page has anything for the field (used to warn the developer).
    pub(in crate::widget) fn has(&self, kind: FieldType, name: &str) -> bool {
        match kind {
            FieldType::Actions | FieldType::Children => {
                !self.rows(name).is_empty() || self.named(name).next().is_some()
            }
            _ => self.named(name).any(|c| !c.fieldset) || self.date_boxes(kind, name).is_some(),
        }
    }

    /// A GOV.UK date input's boxes, `<name>-day`, `-month`, `-year`, for a date field when
    /// the form has no control named `name` but has the day box.
    fn date_boxes(&self, kind: FieldType, name: &str) -> Option<DateParts> {
        if kind != FieldType::Date || self.named(name).any(|c| c.focusable) {
            return None;
        }
        let parts = DateParts::named(name);
        let found = self.controls.iter().any(|c| c.name == parts.day);
        found.then_some(parts)
    }

    /// The boxes a date field is read from: those `options.fields` mapped it to, or a GOV.UK
    /// date input's named by the component's convention.
    pub(super) fn parts(
        &self,
        f: &Field,
        name: &str,
        dates: &BTreeMap<String, DateParts>,
    ) -> Option<DateParts> {
        dates
            .get(&f.id)
            .cloned()
            .or_else(|| self.date_boxes(f.kind, name))
    }

    /// The record the form holds, keyed by template field id, and what each date input's
    /// boxes hold.
    pub(in crate::widget) fn record(
        &self,
        template: &Template,
        names: &BTreeMap<String, String>,
        dates: &BTreeMap<String, DateParts>,
    ) -> (Value, Vec<(String, DateBoxes)>) {
        let mut record = Map::new();
        let mut inputs = Vec::new();
        for f in template.fields() {
            let name = names.get(&f.id).map_or(f.id.as_str(), String::as_str);
            if let Some(parts) = self.parts(f, name, dates) {
                let [day, month, year] = parts.names().map(|n| self.value(n, false));
                if day.is_none() && month.is_none() && year.is_none() {
                    continue;
                }
                let text = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_string));
                let boxes = DateBoxes::read(
                    &text(day).unwrap_or_default(),
                    &text(month).unwrap_or_default(),
                    &text(year).unwrap_or_default(),
                );
                record.insert(f.id.clone(), Value::String(boxes.value().to_string()));
                inputs.push((f.id.clone(), boxes));
                continue;
            }
            match f.kind {
                FieldType::Actions | FieldType::Children => {
                    let rows = self.rows(name);
                    if rows.is_empty() {
                        continue;
                    }
                    let list = rows
                        .values()
                        .map(|cells| {
                            let mut row = Map::new();
                            for (key, c) in cells {
                                if !row.contains_key(*key) {
                                    // A row's dates are read; its other cells
                                    // only for blankness, as validate's are.
                                    let free = !matches!(*key, "when" | "dob");
                                    if let Some(v) = self.value(&c.name, free) {
                                        row.insert((*key).to_string(), v);
                                    }
                                }
                            }
                            Value::Object(row)
                        })
                        .collect();
                    record.insert(f.id.clone(), Value::Array(list));
                }
                _ => {
                    let free = matches!(
                        f.kind,
                        FieldType::Text | FieldType::Person | FieldType::Signature
                    );
                    if let Some(v) = self.value(name, free) {
                        record.insert(f.id.clone(), v);
                    }
                }
            }
        }
        (Value::Object(record), inputs)
    }
}

fn in_disabled(el: &Element) -> bool {
    // A control in a disabled fieldset is disabled, except inside that fieldset's legend.
    el.closest("fieldset[disabled]")
        .ok()
        .flatten()
        .is_some_and(|fs| {
            fs.first_element_child()
                .filter(|l| tag(l) == "LEGEND")
                .is_none_or(|l| !l.contains(Some(el)))
        })
}

#[cfg(test)]
mod tests {
    use super::cell;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn row_names() {
        assert_eq!(cell("actions[0][who]", "actions"), Some((0, "who")));
        assert_eq!(cell("tasks[12][when]", "tasks"), Some((12, "when")));
        assert_eq!(cell("actions[x][who]", "actions"), None);
        assert_eq!(cell("actions[0]", "actions"), None);
        assert_eq!(cell("actionsX[0][who]", "actions"), None);
    }
}
