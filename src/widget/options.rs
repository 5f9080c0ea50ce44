//! `attach()`'s options, read from the JS object field by field so that each mistake is
//! reported with its path.

use super::{bad, js_error, prop};
use crate::calendar::parse_date;
use crate::error::Error;
use crate::policy::Policy;
use crate::schedule::supervisee::{has_role, LOOSE};
use crate::schedule::Supervisee;
use crate::validate::{FieldType, Template};
use crate::validate::{Mode, ValidateOptions};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::Arc;
use wasm_bindgen::JsValue;

const KEYS: [&str; 13] = [
    "policy",
    "template",
    "mode",
    "fields",
    "today",
    "role",
    "stylesheet",
    "absent",
    "hours",
    "shiftsPerMonth",
    "fte",
    "frequency",
    "summary",
];

/// Which day "today" is for the not-in-the-future checks.
#[derive(Debug, Clone, Copy)]
pub(super) enum Today {
    /// The browser's local date, read at each validation (a page left open over midnight).
    Browser,
    /// A fixed date.
    Fixed(NaiveDate),
    /// No today: the checks are skipped (`today: null`).
    Off,
}

/// Whether to add the widget's stylesheet to the page.
#[derive(Debug, Clone)]
pub(super) enum Stylesheet {
    /// No (the default: a page with govuk-frontend needs none).
    Off,
    /// A `<style>` element with the stylesheet.
    Inline,
    /// A `<link rel="stylesheet">` to this address (for a Content-Security-Policy that
    /// allows `style-src 'self'` but not inline styles).
    Link(String),
}

/// The three boxes of a GOV.UK date input (`date-day`, `date-month`, `date-year`) that one
/// date field is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DateParts {
    pub(super) day: String,
    pub(super) month: String,
    pub(super) year: String,
}

impl DateParts {
    /// The component's own naming: `<name>-day`, `<name>-month`, `<name>-year`.
    pub(super) fn named(name: &str) -> DateParts {
        DateParts {
            day: format!("{name}-day"),
            month: format!("{name}-month"),
            year: format!("{name}-year"),
        }
    }

    pub(super) fn names(&self) -> [&str; 3] {
        [&self.day, &self.month, &self.year]
    }
}

/// The checked options.
pub(super) struct AttachOptions {
    pub(super) policy: Arc<Policy>,
    pub(super) template: String,
    pub(super) mode: Mode,
    /// Template field id → form control name, for every field of the template.
    pub(super) names: BTreeMap<String, String>,
    /// Date fields read from three boxes with names of the page's own (`options.fields`
    /// mapping a date to `{ day, month, year }`).
    pub(super) dates: BTreeMap<String, DateParts>,
    /// Where the error summary goes (`options.summary`): a `.govuk-error-summary` to join,
    /// or an element to put it in; `None` places it as GOV.UK does.
    pub(super) summary: Option<web_sys::Element>,
    pub(super) today: Today,
    pub(super) stylesheet: Stylesheet,
    /// Template field ids the page does not collect (`options.absent`).
    pub(super) absent: Vec<String>,
    /// `role`, `hours`, `shiftsPerMonth`, `fte` and `frequency`, read as `validate` reads
    /// them.
    pub(super) supervisee: Supervisee,
}

fn string(v: &JsValue, path: &str, expected: &str) -> Result<String, JsValue> {
    v.as_string()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| bad(path, expected))
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

impl AttachOptions {
    /// Reads and checks `{policy, template, mode?, fields?, today?, role?, stylesheet?,
    /// absent?, hours?, shiftsPerMonth?, fte?, frequency?}`.
    pub(super) fn read(options: &JsValue) -> Result<Self, JsValue> {
        known_keys(options)?;
        let policy_id = string(
            &prop(options, "policy"),
            "options.policy",
            "a policy id as a string",
        )?;
        let template = string(
            &prop(options, "template"),
            "options.template",
            "a template id as a string",
        )?;
        let policy = crate::wasm::with_registry(|r| r.get(&policy_id).map(Arc::clone))
            .map_err(|e| js_error(&e))?;
        let Some(tpl) = policy.templates.iter().find(|t| t.id == template) else {
            return Err(js_error(&Error::unknown_template(&policy_id, &template)));
        };
        let mode = mode(options)?;
        let (names, dates) = names(options, tpl)?;
        let summary = summary(options)?;
        let today = Today::read(options)?;
        check_role(options, &policy)?;
        let stylesheet = Stylesheet::read(options)?;
        let absent = not_collected(options, tpl)?;
        let supervisee = supervisee(options)?;
        Ok(AttachOptions {
            absent,
            supervisee,
            template: tpl.id.clone(),
            policy,
            mode,
            names,
            dates,
            summary,
            today,
            stylesheet,
        })
    }
}

/// An object whose keys are all options.
fn known_keys(options: &JsValue) -> Result<(), JsValue> {
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(bad(
            "options",
            "an object: { policy, template, mode?, fields?, today?, role?, stylesheet?, absent?, \
             hours?, shiftsPerMonth?, fte?, frequency?, summary? }",
        ));
    }
    let object = js_sys::Object::from(options.clone());
    for key in js_sys::Object::keys(&object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !KEYS.contains(&key.as_str()) {
            return Err(bad(
                &format!("options.{key}"),
                "one of policy, template, mode, fields, today, role, stylesheet, absent, hours, \
                 shiftsPerMonth, fte, frequency, summary",
            ));
        }
    }
    Ok(())
}

/// `options.absent`: ids of the template's fields that the page does not collect.
fn not_collected(options: &JsValue, tpl: &Template) -> Result<Vec<String>, JsValue> {
    let value = prop(options, "absent");
    if absent(&value) {
        return Ok(Vec::new());
    }
    let expected = "an array of this template's field ids";
    if !js_sys::Array::is_array(&value) {
        return Err(bad("options.absent", expected));
    }
    js_sys::Array::from(&value)
        .iter()
        .enumerate()
        .map(|(i, id)| {
            id.as_string()
                .filter(|id| tpl.field(id).is_some())
                .ok_or_else(|| bad(&format!("options.absent[{i}]"), expected))
        })
        .collect()
}

/// `options.mode`: final unless it says draft.
fn mode(options: &JsValue) -> Result<Mode, JsValue> {
    let mode_value = prop(options, "mode");
    match mode_value.as_string().as_deref() {
        _ if mode_value.is_undefined() => Ok(Mode::Final),
        Some("final") => Ok(Mode::Final),
        Some("draft") => Ok(Mode::Draft),
        _ => Err(bad("options.mode", "\"draft\" or \"final\"")),
    }
}

/// Each template field's control name: its id, or the name `options.fields` maps it to;
/// and the date fields mapped to three boxes (`{ day, month, year }`).
fn names(options: &JsValue, tpl: &Template) -> Result<Names, JsValue> {
    let mut names: BTreeMap<String, String> =
        tpl.fields().map(|f| (f.id.clone(), f.id.clone())).collect();
    let mut dates = BTreeMap::new();
    let mut explicit: Vec<String> = Vec::new();
    let fields = prop(options, "fields");
    if !absent(&fields) {
        if !fields.is_object() || js_sys::Array::is_array(&fields) {
            return Err(bad(
                "options.fields",
                "an object mapping template field ids to form control names",
            ));
        }
        let fields = js_sys::Object::from(fields);
        for entry in js_sys::Object::entries(&fields).iter() {
            let entry = js_sys::Array::from(&entry);
            let id = entry.get(0).as_string().unwrap_or_default();
            let path = format!("options.fields.{id}");
            let Some(field) = tpl.field(&id) else {
                return Err(bad(
                    &path,
                    &format!("a field id of template \"{}\"", tpl.id),
                ));
            };
            let value = entry.get(1);
            if field.kind == FieldType::Date && value.is_object() {
                dates.insert(id.clone(), date_parts(&value, &path)?);
            } else if let Some(slot) = names.get_mut(&id) {
                *slot = string(&value, &path, "a form control name as a string")?;
            }
            explicit.push(id);
        }
    }
    check_names(&names, &explicit, tpl)?;
    check_dates(&names, &dates)?;
    Ok((names, dates))
}

/// Field id → control name, and field id → date boxes.
type Names = (BTreeMap<String, String>, BTreeMap<String, DateParts>);

/// `{ day: 'd', month: 'm', year: 'y' }`.
fn date_parts(value: &JsValue, path: &str) -> Result<DateParts, JsValue> {
    let expected = "the names of the date's boxes: { day, month, year }";
    if js_sys::Array::is_array(value) {
        return Err(bad(path, expected));
    }
    let keys = js_sys::Object::keys(&js_sys::Object::from(value.clone()));
    for key in keys.iter() {
        let key = key.as_string().unwrap_or_default();
        if !["day", "month", "year"].contains(&key.as_str()) {
            return Err(bad(&format!("{path}.{key}"), "one of day, month, year"));
        }
    }
    let part = |key: &str| {
        string(
            &prop(value, key),
            &format!("{path}.{key}"),
            "a form control name as a string",
        )
    };
    Ok(DateParts {
        day: part("day")?,
        month: part("month")?,
        year: part("year")?,
    })
}

/// Each date box is read for one date only, and is no other field's control.
fn check_dates(
    names: &BTreeMap<String, String>,
    dates: &BTreeMap<String, DateParts>,
) -> Result<(), JsValue> {
    let mut seen: Vec<&str> = Vec::new();
    for (id, parts) in dates {
        for name in parts.names() {
            let other_field = names.iter().any(|(other, n)| other != id && n == name);
            if seen.contains(&name) || other_field {
                return Err(bad(
                    &format!("options.fields.{id}"),
                    "three box names that no other field of the template uses",
                ));
            }
            seen.push(name);
        }
    }
    Ok(())
}

/// `options.summary`: an element, or a selector for one, in the document.
pub(super) fn summary(options: &JsValue) -> Result<Option<web_sys::Element>, JsValue> {
    use wasm_bindgen::JsCast;
    let value = prop(options, "summary");
    if absent(&value) {
        return Ok(None);
    }
    let expected = "an element, or a CSS selector matching one in the page";
    if let Some(el) = value.dyn_ref::<web_sys::Element>() {
        return Ok(Some(el.clone()));
    }
    let selector = string(&value, "options.summary", expected)?;
    prop(&js_sys::global(), "document")
        .dyn_into::<web_sys::Document>()
        .ok()
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .map(Some)
        .ok_or_else(|| bad("options.summary", expected))
}

/// No two fields read from one control, and no table field's prefix looks like a row.
fn check_names(
    names: &BTreeMap<String, String>,
    explicit: &[String],
    tpl: &Template,
) -> Result<(), JsValue> {
    // Two fields read from one control would always agree: a mapping mistake.
    for (id, name) in names {
        let shared = names.iter().any(|(other, n)| other != id && n == name);
        if shared && explicit.contains(id) {
            return Err(bad(
                &format!("options.fields.{id}"),
                "a control name that no other field of the template uses",
            ));
        }
    }
    // A table field's rows are `name[0][key]`: the name must not itself look like a row.
    for f in tpl.fields() {
        if matches!(f.kind, FieldType::Actions | FieldType::Children) {
            if let Some(name) = names.get(&f.id) {
                if name.ends_with(']') && name.contains("][") {
                    return Err(bad(
                        &format!("options.fields.{}", f.id),
                        concat!(
                            "the prefix of the rows' control names ",
                            "(\"actions\" for actions[0][who])"
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The supervisee: `options.role` (checked against the policy by [`check_role`]), `hours`,
/// `shiftsPerMonth`, `fte` and `frequency`, read by `validate`'s own reader (so the two agree
/// on what each accepts, and on the messages).
fn supervisee(options: &JsValue) -> Result<Supervisee, JsValue> {
    let mut given = serde_json::Map::new();
    for key in LOOSE {
        let v = prop(options, key);
        if !absent(&v) {
            let value = crate::wasm::from_js(v, &format!("options.{key}"))?;
            given.insert(key.to_string(), value);
        }
    }
    let read = ValidateOptions::from_json(&serde_json::Value::Object(given));
    Ok(read.map_err(|e| js_error(&e))?.supervisee)
}

/// `options.role`, when given: one of the policy's roles.
fn check_role(options: &JsValue, policy: &Policy) -> Result<(), JsValue> {
    let role_value = prop(options, "role");
    if absent(&role_value) {
        return Ok(());
    }
    let role = string(&role_value, "options.role", "a role id as a string")?;
    if !has_role(&policy.roles, &role) {
        return Err(bad("options.role", "one of this policy's role ids"));
    }
    Ok(())
}

impl Stylesheet {
    /// `options.stylesheet`: false (the default), true, or an address.
    fn read(options: &JsValue) -> Result<Stylesheet, JsValue> {
        let sheet = prop(options, "stylesheet");
        Ok(if absent(&sheet) || sheet.as_bool() == Some(false) {
            Stylesheet::Off
        } else if sheet.as_bool() == Some(true) {
            Stylesheet::Inline
        } else {
            Stylesheet::Link(string(
                &sheet,
                "options.stylesheet",
                "true, false, or the address of the stylesheet",
            )?)
        })
    }
}

impl Today {
    /// `options.today`: the browser's date when absent, none when null, or a date.
    fn read(options: &JsValue) -> Result<Today, JsValue> {
        let today_value = prop(options, "today");
        if today_value.is_undefined() {
            return Ok(Today::Browser);
        }
        if today_value.is_null() {
            return Ok(Today::Off);
        }
        let s = today_value
            .as_string()
            .ok_or_else(|| bad("options.today", "a date as YYYY-MM-DD, or null"))?;
        Ok(Today::Fixed(parse_date(&s).map_err(|_| {
            bad("options.today", "a date as YYYY-MM-DD, or null")
        })?))
    }

    /// The date for a validation run now.
    pub(super) fn date(self) -> Option<NaiveDate> {
        match self {
            Today::Fixed(d) => Some(d),
            Today::Off => None,
            Today::Browser => {
                let now = js_sys::Date::new_0();
                let year = i32::try_from(now.get_full_year()).ok()?;
                NaiveDate::from_ymd_opt(year, now.get_month().checked_add(1)?, now.get_date())
            }
        }
    }
}
