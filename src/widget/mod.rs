//! The DOM widget: binds an existing `<form>` to a policy template (GOV.UK error pattern)
//! and renders a due-dates panel. Uses web-sys; kept apart from the value-converting
//! boundary in `src/wasm`.
