// The JS edge each entry point's index.js shares: initialisation it can tell, and validate's
// default `today`.
//
// - A function called before the module is initialised throws an Error that says what to
//   do (code `not-initialised`) instead of wasm-bindgen's `TypeError: Cannot read
//   properties of undefined`.
// - validate() without `today` checks "not in the future" against the local date of this
//   JavaScript environment, as the widget does (README, "From Node"); `today: null` skips
//   those checks. The Rust core stays clock-free: the date is read here.

export const NOT_INITIALISED = 'not-initialised';

/** The local date of this JavaScript environment, YYYY-MM-DD (the widget's default today). */
export function localToday() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * validate()'s options with `today` filled in when it is not given: no options (undefined or
 * null) or an options object without `today` (or with `today: undefined`). Anything else —
 * `today: null`, a date, options that are not an object — is passed on as it is, so the
 * module reads it (and reports a bad one) as before.
 */
export function withDefaultToday(options) {
  if (options === undefined || options === null) return { today: localToday() };
  if (typeof options === 'object' && !Array.isArray(options)
    && typeof options.toJSON !== 'function' && options.today === undefined) {
    return { ...options, today: localToday() };
  }
  return options;
}

/** `validate` with `withDefaultToday` applied to its options. */
export const defaultingToday = (validate) => (policyId, templateId, record, options) =>
  validate(policyId, templateId, record, withDefaultToday(options));

/**
 * `glue` is a wasm-bindgen module. Returns its `init` and `initSync`, which note that the
 * module is ready, and `guard(name, f)`: `f` throwing, before the module is ready, the
 * Error that says to call init() first.
 */
export function edge(glue) {
  let ready = false;
  const notReady = (name) => {
    const e = new Error(`supervision-rules: call \`await init()\` before ${name}() (the module `
      + 'is not initialised yet; or initSync({ module }) with the bytes of the entry point\'s '
      + 'supervision_rules_bg.wasm). In Node, import the package by its name: it initialises '
      + 'itself.');
    e.code = NOT_INITIALISED;
    return e;
  };
  return {
    async init(...args) {
      const out = await glue.default(...args);
      ready = true;
      return out;
    },
    initSync(...args) {
      const out = glue.initSync(...args);
      ready = true;
      return out;
    },
    guard(name, f) {
      return function guarded(...args) {
        if (ready) return f.apply(this, args);
        // Not initialised through this entry point: maybe through the glue itself, so try.
        // Before initialisation the glue fails on its first use of the module's exports,
        // with a TypeError, before it has done anything.
        try {
          const out = f.apply(this, args);
          ready = true;
          return out;
        } catch (e) {
          if (e instanceof TypeError) throw notReady(name);
          throw e;
        }
      };
    },
  };
}
