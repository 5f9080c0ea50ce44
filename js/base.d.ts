// The base entry point's types: those of the wasm-bindgen glue it re-exports. Its policies
// are those a page loads (loadPolicy), e.g. `supervision-rules/policies/havering`.
export * from './supervision_rules.js';
export { default } from './supervision_rules.js';
export type { Records, RecordOf } from '../records.js';

// validate(), template() typed by the built-in policies' ids (records.d.ts), as in the core's
// index.d.ts: a loaded built-in policy's templates are checked; any string is accepted for
// another policy.
import type * as glue from './supervision_rules.js';
import type { TypedValidate, WithTemplateIds } from '../records.js';
export type { BuiltinPolicyId, TemplateId } from '../records.js';
/** See supervision_rules.d.ts; `options.today` defaults to the local date. */
export declare const validate: TypedValidate<typeof glue.validate>;
/** See supervision_rules.d.ts. */
export declare const template: WithTemplateIds<typeof glue.template>;
/** See supervision_rules.d.ts. */
export declare const jsonSchema: WithTemplateIds<typeof glue.jsonSchema>;
