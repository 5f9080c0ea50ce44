// The entry point's types: those of the wasm-bindgen glue it re-exports.
export * from './supervision_rules.js';
export { default } from './supervision_rules.js';
export type { Records, RecordOf } from './records.js';
