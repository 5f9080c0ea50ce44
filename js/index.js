// The entry point: the wasm-bindgen glue, with validate() keeping free text in JavaScript
// (see fast-validate.js). Same exports, same arguments, same results.
import * as glue from './supervision_rules.js';
import { fastValidate } from './fast-validate.js';

export * from './supervision_rules.js';
export { default } from './supervision_rules.js';

const fast = fastValidate(glue);

/** See supervision_rules.d.ts. */
export const validate = fast.validate;

/** See supervision_rules.d.ts. */
export const loadPolicy = fast.registering(glue.loadPolicy);
