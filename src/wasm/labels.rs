//! `labels()`: the core's words for statuses and obligation kinds, so a page labels them as
//! the widget's panel does, and a new kind or status is named everywhere at once.

use super::{to_js, JsResult};
use crate::policy::ObligationKind;
use crate::schedule::Status;
use crate::words::{kind_label, status_label};
use serde::Serialize;
use std::collections::BTreeMap;
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

#[derive(Serialize)]
struct Labels {
    statuses: BTreeMap<&'static str, &'static str>,
    kinds: BTreeMap<&'static str, String>,
}

/// The words for every status and obligation kind (`labels().kinds['pdr']` is `"PDR"`):
/// the ones the due-dates panel shows, for a page's own tables.
#[wasm_bindgen(unchecked_return_type = "Labels")]
pub fn labels() -> JsResult {
    let statuses = Status::ALL
        .into_iter()
        .map(|s| (s.name(), status_label(s)))
        .collect();
    let kinds = ObligationKind::ALL
        .into_iter()
        .map(|k| (k.name(), kind_label(k)))
        .collect();
    to_js(&Labels { statuses, kinds })
}
