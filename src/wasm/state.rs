//! What the module keeps between calls: the registry of policies the exports and the widget
//! use, and the published list of bank holidays `loadBankHolidays` loaded.

use super::{string_arg, JsResult};
use crate::calendar::{Calendar, PublishedList};
use crate::policy::Registry;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    pub(super) static REGISTRY: RefCell<Registry> = RefCell::new(Registry::with_builtins());
    pub(super) static PUBLISHED: RefCell<Option<PublishedList>> = const { RefCell::new(None) };
}

/// Runs `f` with the registry the exports use, so the widget sees the policies a page
/// registered or loaded.
pub(crate) fn with_registry<R>(f: impl FnOnce(&Registry) -> R) -> R {
    REGISTRY.with(|r| f(&r.borrow()))
}

/// Runs `f` with the registry, to add a policy to it.
pub(crate) fn with_registry_mut<R>(f: impl FnOnce(&mut Registry) -> R) -> R {
    REGISTRY.with(|r| f(&mut r.borrow_mut()))
}

/// The calendar of England and Wales, with the published list if one was loaded.
pub(crate) fn calendar() -> Calendar {
    let cal = Calendar::england_and_wales();
    match PUBLISHED.with(|p| p.borrow().clone()) {
        Some(list) => cal.with_published(list),
        None => cal,
    }
}

/// Reads the two id arguments and runs `f` on the policy and template they name.
pub(crate) fn with_template(
    policy_id: &JsValue,
    template_id: &JsValue,
    f: impl FnOnce(&crate::policy::Policy, &crate::validate::Template) -> JsResult,
) -> JsResult {
    let policy_id = string_arg(policy_id, "policyId")?;
    let template_id = string_arg(template_id, "templateId")?;
    REGISTRY.with(|r| {
        let r = r.borrow();
        let (p, t) = r.template(&policy_id, &template_id)?;
        f(p, t)
    })
}
