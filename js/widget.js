// The widget entry point: as index.js, and attachWhenReady(), which fails open when the
// .wasm cannot be loaded (when-ready.js).
import * as glue from './supervision_rules.js';
import { fastValidate } from './fast-validate.js';
import { attachWhenReady as whenReady } from './when-ready.js';
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

/** See index.d.ts. */
export function attachWhenReady(form, options, wasm) {
  const here = new URL('supervision_rules_bg.wasm', import.meta.url);
  return whenReady(ready.init, glue.attach, here, form, options, wasm);
}

// The glue's other functions, each guarded (README, "The contract").
export const policies = g('policies');
export const policy = g('policy');
export const template = g('template');
export const jsonSchema = g('jsonSchema');
export const schedule = g('schedule');
export const scheduleMany = g('scheduleMany');
export const scheduleTeam = g('scheduleTeam');
export const addWorkingDays = g('addWorkingDays');
export const bankHolidays = g('bankHolidays');
export const loadBankHolidays = g('loadBankHolidays');
export const parseDate = g('parseDate');
export const attach = g('attach');
export const renderSchedule = g('renderSchedule');
