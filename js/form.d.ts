// The form entry point's types (validate, template, policies, the date helpers, loadPolicy):
// those of the wasm-bindgen glue it re-exports. Its policies
// are those a page loads (loadPolicy), e.g. `supervision-rules/policies/havering`.
export * from './supervision_rules.js';
export { default } from './supervision_rules.js';
export type { Records, RecordOf } from '../records.js';
