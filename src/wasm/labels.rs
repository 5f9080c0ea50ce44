//! `labels()`: the core's words for statuses and obligation kinds, so a page labels them as
//! the widget's panel does, and a new kind or status is named everywhere at once.

use super::JsResult;
use crate::schedule::{status_label, Status};
use crate::terms::ObligationKind;
use crate::words::kind_label;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_LABELS: &'static str = r#"
/** The words for each status and obligation kind, as the widget's panel shows them. */
export interface Labels {
  /** "overdue" -> "Overdue", "due-soon" -> "Due soon", "ok" -> "Upcoming". */
  statuses: Record<Obligation['status'], string>;
  /** "personal-supervision" -> "Personal supervision", "pdr" -> "PDR", … every kind. */
  kinds: Record<Obligation['kind'], string>;
}
"#;

/// The words for every status and obligation kind (`labels().kinds['pdr']` is `"PDR"`):
/// the ones the due-dates panel shows, for a page's own tables.
///
/// Made as JS objects directly: the serialiser a map of these would need weighed more than
/// the words themselves.
#[wasm_bindgen(unchecked_return_type = "Labels")]
pub fn labels() -> JsResult {
    let statuses = words(
        Status::ALL
            .into_iter()
            .map(|s| (s.name(), status_label(s).into())),
    )?;
    let kinds = words(
        ObligationKind::ALL
            .into_iter()
            .map(|k| (k.name(), kind_label(k))),
    )?;
    let out = Object::new();
    Reflect::set(&out, &"statuses".into(), &statuses)?;
    Reflect::set(&out, &"kinds".into(), &kinds)?;
    Ok(out.into())
}

/// `{ name: words, … }`.
fn words(pairs: impl Iterator<Item = (&'static str, String)>) -> JsResult {
    let out = Object::new();
    for (name, words) in pairs {
        Reflect::set(&out, &name.into(), &words.into())?;
    }
    Ok(out.into())
}
