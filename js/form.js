// The form entry point (supervision-rules/form): validate only — no schedule code and no
// built-in policies in its .wasm. A form page loads the one council's policy it serves:
//
//   import init, { loadPolicy, validate } from 'supervision-rules/form';
//   import havering from 'supervision-rules/policies/havering';
//   await init(); loadPolicy(havering);
//
// Otherwise as index.js (wrap.js).
import * as glue from './supervision_rules.js';
import { entry } from './wrap.js';

export * from './supervision_rules.js';

const e = entry(glue);

/** See supervision_rules.d.ts. */
export default e.init;
export const {
  initSync, validate, loadPolicy, policies, policy, template, jsonSchema, addWorkingDays,
  bankHolidays, loadBankHolidays, parseDate,
} = e;
