// The form entry point (supervision-rules/form): validate only — no schedule code and no
// built-in policies in its .wasm. A page loads the one council's policy it serves, a module
// of the package:
//
//   import init, { loadPolicy, validate } from 'supervision-rules/form';
//   import havering from 'supervision-rules/policies/havering';
//   await init(); loadPolicy(havering);
//
// Otherwise as index.js: the glue, guarded before init() (edge.js), with validate() keeping
// free text in JavaScript and `today` defaulting to the local date.
import * as glue from './supervision_rules.js';
import { fastValidate } from './fast-validate.js';
import { edge, defaultingToday } from './edge.js';

export * from './supervision_rules.js';

const ready = edge(glue);
const fast = fastValidate(glue);
const g = (name) => ready.guard(name, glue[name]);

/** See supervision_rules.d.ts. */
export default ready.init;
export const initSync = ready.initSync;

/** See supervision_rules.d.ts; `today` defaults to the local date. */
export const validate = ready.guard('validate', defaultingToday(fast.validate));

/** See supervision_rules.d.ts. */
export const loadPolicy = ready.guard('loadPolicy', fast.registering(glue.loadPolicy));

export const policies = g('policies');
export const policy = g('policy');
export const template = g('template');
export const jsonSchema = g('jsonSchema');
export const addWorkingDays = g('addWorkingDays');
export const bankHolidays = g('bankHolidays');
export const loadBankHolidays = g('loadBankHolidays');
export const parseDate = g('parseDate');
