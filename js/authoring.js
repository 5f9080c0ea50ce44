// The authoring entry point: as widget.js, and registerPolicy() forgets what validate()
// knew of a policy registered again under its id.
import * as glue from './supervision_rules.js';
import { entry } from './wrap.js';
import * as encoder from './encode.js';
import { attachWhenReady as whenReady, loadingFirst } from './when-ready.js';

export * from './supervision_rules.js';

const e = entry(glue, encoder);

/** See supervision_rules.d.ts. */
export default e.init;
// See supervision_rules.d.ts (README, "The contract").
export const {
  initSync, validate, loadPolicy, policies, policy, template, jsonSchema, schedule,
  scheduleMany, scheduleTeam, labels, addWorkingDays, bankHolidays, loadBankHolidays, parseDate,
  registerPolicy, attach, renderSchedule, showError, showProblems, compilePolicy, checkPolicy,
} = e;
// encode.js's readers in the module: internal, not in the types; guarded like the rest (the
// glue's own are re-exported above).
export const { __validateEncoded, __scheduleManyEncoded } = e;

/** See index.d.ts. */
export function attachWhenReady(form, options, wasm) {
  const here = new URL('supervision_rules_bg.wasm', import.meta.url);
  // options.load: a policy module to load first (as widget-base.js; here, one of the
  // built-ins' own changes nothing).
  const [attachLoaded, rest] = loadingFirst(e.loadPolicy, glue.attach, options);
  return whenReady(e.init, attachLoaded, here, form, rest, wasm);
}
