// The authoring entry point: as widget.js, and registerPolicy() forgets what validate()
// knew of a policy registered again under its id.
import * as glue from './supervision_rules.js';
import { fastValidate } from './fast-validate.js';
import { attachWhenReady as whenReady } from './when-ready.js';

export * from './supervision_rules.js';
export { default } from './supervision_rules.js';

const fast = fastValidate(glue);

/** See supervision_rules.d.ts. */
export const validate = fast.validate;

/** See supervision_rules.d.ts. */
export const loadPolicy = fast.registering(glue.loadPolicy);

/** See supervision_rules.d.ts. */
export const registerPolicy = fast.registering(glue.registerPolicy);

/** See index.d.ts. */
export function attachWhenReady(form, options, wasm) {
  const here = new URL('supervision_rules_bg.wasm', import.meta.url);
  return whenReady(glue.default, glue.attach, here, form, options, wasm);
}
