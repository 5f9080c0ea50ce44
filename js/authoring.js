// The authoring entry point: as index.js, and registerPolicy() forgets what validate()
// knew of a policy registered again under its id.
import * as glue from './supervision_rules.js';
import { fastValidate } from './fast-validate.js';

export * from './supervision_rules.js';
export { default } from './supervision_rules.js';

const fast = fastValidate(glue);

/** See supervision_rules.d.ts. */
export const validate = fast.validate;

/** See supervision_rules.d.ts. */
export function loadPolicy(compiled) {
  const summary = glue.loadPolicy(compiled);
  fast.forget(summary.id);
  return summary;
}

/** See supervision_rules.d.ts. */
export function registerPolicy(policy) {
  const summary = glue.registerPolicy(policy);
  fast.forget(summary.id);
  return summary;
}
