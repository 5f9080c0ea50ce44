// validate() with the record's free text left in JavaScript.
//
// Validation reads a text, person or signature field (and an action's "action" and "who",
// a child's "name") only for whether it is text and whether it is blank: never its words.
// So before the record crosses into WebAssembly, each such string is replaced by "x" (text
// that is not blank) or "" (blank), and fields the template does not have are left out.
// A text field or a row holding something else (an object, an array) crosses in its shape
// with every string in it so reduced. Everything else — dates, times, numbers, choices, case
// IDs — crosses as given. A record is read as JSON.stringify reads it (a toJSON's result,
// own enumerable keys: class instances and inherited prototypes alike), and with an unknown
// policy or template id nothing of it crosses. The result is the same report (tests/e2e/fast-validate.mjs compares the
// two on every template and on the fuzz corpus); the words written about a child never
// enter the module's memory. (Measured: no faster — the time per call is the module's own.)
//
// Each entry point's index.js wraps its own glue with this.

/** Unicode White_Space, as Rust's `str::trim` uses it (not JavaScript's `\s`). */
export const NOT_BLANK = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

const TEXT = new Set(['text', 'person', 'signature']);
/** Table fields. Their rows' cells are read as text, except the dates (`when`, `dob`). */
const TABLES = new Set(['actions', 'children']);

/** Deeper than the module reads (it refuses such data before reading it). */
const MAX_DEPTH = 32;
/** Longer than the module reads (it refuses such an array on its length). */
export const MAX_ITEMS = 100000;

/**
 * The value JSON.stringify writes for `v` under `key`: a toJSON's result, a boxed
 * primitive's value. Class instances, inherited prototypes and null prototypes need nothing
 * more: only own enumerable keys are written, and only those are read here.
 */
function asJson(v, key) {
  if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') v = v.toJSON(key);
  if (v instanceof String || v instanceof Number || v instanceof Boolean) v = v.valueOf();
  return v;
}

/**
 * `v` with every string in it reduced to its blankness ("x" or ""), in the shape
 * JSON.stringify writes: whatever a text field holds, only its shape and blankness cross.
 * Data too deep or too long is left for the module to refuse (it does so before reading it).
 */
function blank(v, key = '', depth = 0) {
  v = asJson(v, key);
  if (typeof v === 'string') return NOT_BLANK.test(v) ? 'x' : '';
  // A typed array is left for the module to refuse (its keys alone would take seconds).
  if (v === null || typeof v !== 'object' || depth > MAX_DEPTH || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) {
    const n = v.length;
    if (n > MAX_ITEMS) return v;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = blank(v[i], String(i), depth + 1);
    return out;
  }
  const keys = Object.keys(v);
  if (keys.length > MAX_ITEMS) return v;
  const out = {};
  for (const k of keys) out[k] = blank(v[k], k, depth + 1);
  return out;
}

function reduceRow(row, key) {
  row = asJson(row, key);
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return blank(row, key);
  const out = {};
  for (const k of Object.keys(row)) {
    // Every cell counts for whether a row is blank, so unknown cells keep their blankness.
    out[k] = k === 'when' || k === 'dob' ? asJson(row[k], k) : blank(row[k], k);
  }
  return out;
}

/** What to do with each field of a template: [id, 'text' | 'table' | 'keep']. */
function plan(template) {
  return template.sections.flatMap((s) => s.fields).map((f) => [
    f.id,
    TEXT.has(f.type) ? 'text' : TABLES.has(f.type) ? 'table' : 'keep',
  ]);
}

function reduce(record, fields) {
  const out = {};
  for (const [id, how] of fields) {
    // Own enumerable keys only, as JSON.stringify reads them.
    if (!Object.prototype.propertyIsEnumerable.call(record, id)) continue;
    const v = asJson(record[id], id);
    if (how === 'text') out[id] = blank(v, id);
    else if (how === 'keep' || !Array.isArray(v) || v.length > MAX_ITEMS) out[id] = v;
    else {
      const n = v.length;
      const rows = new Array(n);
      for (let i = 0; i < n; i++) rows[i] = reduceRow(v[i], String(i));
      out[id] = rows;
    }
  }
  return out;
}

/** An object the module reads as a record (not an array, not a primitive). */
const isRecord = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `glue` is a wasm-bindgen module (its `validate` and `template`); `encoder` is encode.js
 * (its `encodeCall` and `encodeMany`), or nothing to read every record the slow way (the
 * form entry point: its index.js stays as small as it was). Returns `validate` with
 * the same arguments and results, `forget(policyId)` for when a policy is registered or
 * loaded again under an id (its templates may have changed), and `registering(f)`: the
 * glue's `loadPolicy` or `registerPolicy` as `f`, forgetting the id of the policy it
 * returns the summary of.
 */
export function fastValidate(glue, encoder) {
  const plans = new Map();
  // The module's reader of `encodeCall`'s bytes (none: read the slow way).
  const fast = encoder && glue.__validateEncoded;
  const fieldsOf = (policyId, templateId) => {
    const key = `${policyId}\u0000${templateId}`;
    let fields = plans.get(key);
    if (fields === undefined) {
      fields = plan(glue.template(policyId, templateId));
      plans.set(key, fields);
    }
    return fields;
  };
  const forget = (policyId) => {
    for (const key of plans.keys()) if (key.startsWith(`${policyId}\u0000`)) plans.delete(key);
  };
  return {
    validate(policyId, templateId, record, options) {
      // As JSON.stringify would write it: a toJSON's result (which may not be an object).
      const data = asJson(record, '');
      if (!isRecord(data)) return glue.validate(policyId, templateId, data, options);
      let fields;
      try {
        fields = fieldsOf(policyId, templateId);
      } catch {
        // Unknown or odd ids: the module says what is wrong, and no record text need cross.
        return glue.validate(policyId, templateId, {}, options);
      }
      if (fast && typeof policyId === 'string' && typeof templateId === 'string') {
        const call = encoder.encodeCall(policyId, templateId, data, fields, options);
        const out = call === null ? undefined : fast(call);
        if (out !== undefined) return out;
      }
      return glue.validate(policyId, templateId, reduce(data, fields), options);
    },
    // scheduleMany in one crossing, with an encoder and a module that reads it.
    scheduleMany: encoder && glue.__scheduleManyEncoded && encoder.scheduleMany(glue),
    forget,
    registering(f) {
      return (policy) => {
        const summary = f(policy);
        forget(summary.id);
        return summary;
      };
    },
  };
}
