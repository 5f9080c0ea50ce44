// The entry point: the wasm-bindgen glue, each function guarded before init(), validate()
// keeping free text in JavaScript and defaulting `today` to the local date (wrap.js).
// Same exports, same arguments, same results. Also the base entry point's
// (supervision-rules/base: the same functions, no built-in policies in its .wasm).
import * as glue from './supervision_rules.js';
import { entry } from './wrap.js';
import * as encoder from './encode.js';

export * from './supervision_rules.js';

const e = entry(glue, encoder);

/** See supervision_rules.d.ts. */
export default e.init;
// See supervision_rules.d.ts (README, "The contract").
export const {
  initSync, validate, loadPolicy, policies, policy, template, jsonSchema, schedule, scheduleMany,
  scheduleTeam, labels, addWorkingDays, bankHolidays, loadBankHolidays, parseDate,
} = e;
// encode.js's readers in the module: internal, not in the types; guarded like the rest (the
// glue's own are re-exported above).
export const { __validateEncoded, __scheduleManyEncoded } = e;
