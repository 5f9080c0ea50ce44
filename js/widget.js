// The widget entry point: as index.js, and attachWhenReady(), which fails open when the
// .wasm cannot be loaded (when-ready.js).
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

/** See index.d.ts. */
export function attachWhenReady(form, options, wasm) {
  const here = new URL('supervision_rules_bg.wasm', import.meta.url);
  return whenReady(glue.default, glue.attach, here, form, options, wasm);
}
