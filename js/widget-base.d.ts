// The one-council widget entry points' types (supervision-rules/widget/base: the widget with
// no built-in policies; supervision-rules/widget/form, the same for a form that only
// validates: no schedule), copied to both by scripts/build-pkg.sh: those of the
// wasm-bindgen glue each re-exports (its own supervision_rules.d.ts), and attachWhenReady.
// One folder deeper than the others: records.d.ts is two up.
export * from './supervision_rules.js';
export { default } from './supervision_rules.js';
import type { AttachOptions, Widget } from './supervision_rules.js';

/**
 * Loads this entry point's .wasm, then attaches the widget to `form`. Fails open: when the
 * .wasm cannot be loaded (not found, not served as application/wasm, a Content Security
 * Policy without 'wasm-unsafe-eval', a browser without WebAssembly) it attaches nothing, so
 * the form saves as it would without the package, logs one console.error naming the cause
 * and resolves to null. `wasm` is the .wasm's address when it is not beside this module.
 * `options.load`: a policy module's compiled text (`supervision-rules/policies/<id>`), or a
 * list of them, loaded (loadPolicy) once the .wasm is ready, before attaching.
 */
export function attachWhenReady(form: HTMLFormElement,
  options: AttachOptions & { load?: string | readonly string[] },
  wasm?: string | URL): Promise<Widget | null>;
export type { Records, RecordOf } from '../../records.js';

// validate(), template() typed by the built-in policies' ids (records.d.ts): a misspelt
// template id of a built-in policy, or a record of another template, does not compile; any
// string is accepted for a registered policy.
import type * as glue from './supervision_rules.js';
import type { TypedValidate, WithTemplateIds } from '../../records.js';
export type { BuiltinPolicyId, TemplateId } from '../../records.js';
/** See supervision_rules.d.ts; `options.today` defaults to the local date. */
export declare const validate: TypedValidate<typeof glue.validate>;
/** See supervision_rules.d.ts. */
export declare const template: WithTemplateIds<typeof glue.template>;
/** See supervision_rules.d.ts. */
export declare const jsonSchema: WithTemplateIds<typeof glue.jsonSchema>;
