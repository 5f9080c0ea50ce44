// What every entry point's index.js puts around its wasm-bindgen glue, in one place:
//
// - each of the glue's functions guarded: called before init() it throws the Error that says
//   to call it (edge.js);
// - validate() keeping a record's free text in JavaScript (fast-validate.js), with `today`
//   defaulting to the local date (edge.js);
// - validate() and scheduleMany() crossing in one compact encoding when they can
//   (encode.js; not in the form entry point, which stays as small as it was);
// - loadPolicy() and registerPolicy() forgetting what validate() knew of a policy loaded
//   again under its id.
//
// Each index.js names the functions it exports from what this returns (an ES module's
// exports are static), so its .d.ts and its exports stay side by side.
import { fastValidate } from './fast-validate.js';
import { edge, defaultingToday } from './edge.js';

/**
 * `glue` is a wasm-bindgen module: its guarded functions by name, `init` and `initSync`.
 * `encoder` (encode.js) when validate and scheduleMany cross in one encoding.
 */
export function entry(glue, encoder) {
  const ready = edge(glue);
  const fast = fastValidate(glue, encoder);
  const out = { init: ready.init, initSync: ready.initSync };
  for (const [name, f] of Object.entries(glue)) {
    // Functions only: wasm-bindgen's classes stay as the glue exports them.
    if (typeof f !== 'function' || name === 'default' || name === 'initSync' || /^[A-Z]/.test(name)) continue;
    out[name] = ready.guard(name, f);
  }
  out.validate = ready.guard('validate', defaultingToday(fast.validate));
  // scheduleMany's arguments in one encoding when they can be (fast-validate.js).
  if (fast.scheduleMany) out.scheduleMany = ready.guard('scheduleMany', fast.scheduleMany);
  for (const name of ['loadPolicy', 'registerPolicy']) {
    if (typeof glue[name] === 'function') out[name] = ready.guard(name, fast.registering(glue[name]));
  }
  return out;
}
