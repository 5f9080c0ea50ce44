// The form entry point (supervision-rules/form): validate only — no schedule code and no
// built-in policies in its .wasm. A form page loads the one council's policy it serves:
//
//   import init, { loadPolicy, validate } from 'supervision-rules/form';
//   import havering from 'supervision-rules/policies/havering';
//   await init(); loadPolicy(havering);
//
// Otherwise as index.js: the glue, with validate() keeping free text in JavaScript.
import * as glue from './supervision_rules.js';
import { fastValidate } from './fast-validate.js';

export * from './supervision_rules.js';
export { default } from './supervision_rules.js';

const fast = fastValidate(glue);

/** See supervision_rules.d.ts. */
export const validate = fast.validate;

/** See supervision_rules.d.ts. */
export const loadPolicy = fast.registering(glue.loadPolicy);
