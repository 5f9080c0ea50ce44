// The entry point's types: those of the wasm-bindgen glue it re-exports.
export * from './supervision_rules.js';
export { default } from './supervision_rules.js';
export type { Records, RecordOf } from './records.js';

// validate(), template() typed by the built-in policies' ids (records.d.ts): a misspelt
// template id of a built-in policy, or a record of another template, does not compile; any
// string is accepted for a registered policy.
import type * as glue from './supervision_rules.js';
import type { TypedValidate, WithTemplateIds } from './records.js';
export type { BuiltinPolicyId, TemplateId } from './records.js';
/** See supervision_rules.d.ts; `options.today` defaults to the local date. */
export declare const validate: TypedValidate<typeof glue.validate>;
/** See supervision_rules.d.ts. */
export declare const template: WithTemplateIds<typeof glue.template>;
/** See supervision_rules.d.ts. */
export declare const jsonSchema: WithTemplateIds<typeof glue.jsonSchema>;
