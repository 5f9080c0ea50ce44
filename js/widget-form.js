// The one-council widget entry point for a form that only validates
// (supervision-rules/widget/form): attach and the functions of supervision-rules/form — no
// schedule code (no renderSchedule) and no built-in policies in its .wasm. A page loads the
// one council's policy it serves:
//
//   import init, { attach, loadPolicy } from 'supervision-rules/widget/form';
//   import havering from 'supervision-rules/policies/havering';
//   await init(); loadPolicy(havering);
//   attach(form, { policy: 'havering', template: 'case-supervision-record' });
//
// or, failing open, attachWhenReady(form, { policy: 'havering', template, load: havering }),
// as widget-base.js.
import * as glue from './supervision_rules.js';
import { entry } from './wrap.js';
import { attachWhenReady as whenReady, loadingFirst } from './when-ready.js';

export * from './supervision_rules.js';

const e = entry(glue);

/** See supervision_rules.d.ts. */
export default e.init;
// See supervision_rules.d.ts (README, "The contract").
export const {
  initSync, validate, loadPolicy, policies, policy, template, jsonSchema, addWorkingDays,
  bankHolidays, loadBankHolidays, parseDate, attach, showError, showProblems,
} = e;

/** See index.d.ts. */
export function attachWhenReady(form, options, wasm) {
  const here = new URL('supervision_rules_bg.wasm', import.meta.url);
  const [attachLoaded, rest] = loadingFirst(e.loadPolicy, glue.attach, options);
  return whenReady(e.init, attachLoaded, here, form, rest, wasm);
}
