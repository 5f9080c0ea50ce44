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
const NOT_BLANK = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

const TEXT = new Set(['text', 'person', 'signature']);
/** Table fields. Their rows' cells are read as text, except the dates (`when`, `dob`). */
const TABLES = new Set(['actions', 'children']);

/** Deeper than the module reads (it refuses such data before reading it). */
const MAX_DEPTH = 32;
/** Longer than the module reads (it refuses such an array on its length). */
const MAX_ITEMS = 100000;

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
  const fields = template.sections.flatMap((s) => s.fields).map((f) => [
    f.id,
    TEXT.has(f.type) ? 'text' : TABLES.has(f.type) ? 'table' : 'keep',
  ]);
  // By id, for `recordOf` (the last of an id repeated, as `reduce` keeps it).
  fields.how = new Map(fields);
  return fields;
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

// The one crossing (issue 20, stop 28). The reduced record is not built as an object, written
// by JSON.stringify, encoded as UTF-8 and parsed again in the module: the reduction writes it
// straight into a reused buffer in a compact encoding (`encodeCall`, read by
// src/json/bytes.rs), with the two ids and the options, and the module reads that in one
// call (`__validateEncoded`). Tags: 0 null, 1 false, 2 true, 3 a number (f64, little
// endian), 4 a string (u32 length, UTF-8), 5 an array (u32 count, items), 6 an object (u32
// count, each key's u32 length and UTF-8 and its value), 7 a number as its JSON text.
//
// It takes only what it writes exactly as JSON.stringify would, and what the module's walk
// (src/wasm/read.js) would not refuse: strings with no lone surrogate, finite numbers,
// booleans, null, undefined (left out of an object, null in an array), arrays and objects
// whose prototype is Object.prototype or null, with no `toJSON`, within the limits and 31
// levels deep. Anything else — a Date or other toJSON, a boxed primitive, a class instance,
// a typed array, a function, a BigInt, NaN, data at a limit — throws SLOW before a toJSON or
// anything of the caller's is called, and the call goes the way it went before (`reduce`,
// then the module's own reading), so every refusal and every odd value reads as it did.

/** The module's limits (src/limits.rs): ANY_ARRAY, VALUES, INPUT_CHARS. */
const MAX_ARRAY = 100000;
const MAX_VALUES = 5000000;
const MAX_CHARS = 64 * 1024 * 1024;
/** Containers this deep go the slow way (the module refuses data 32 levels deep). */
const DEEPEST = 30;
const SLOW = new Error('slow');
const { getPrototypeOf } = Object;
const OBJECT = Object.prototype;
const utf8 = new TextEncoder();
const wellFormed = typeof ''.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/.test(s);

let buf = new Uint8Array(8192);
let view = new DataView(buf.buffer);
let at = 0;
/** Values counted as the module's walk counts them, and a bound on the JSON text's length. */
let values = 0;
let chars = 0;
let busy = false;

function room(n) {
  if (at + n <= buf.length) return;
  let size = buf.length * 2;
  while (size < at + n) size *= 2;
  const next = new Uint8Array(size);
  next.set(buf.subarray(0, at));
  buf = next;
  view = new DataView(buf.buffer);
}

/** A string's UTF-8, after its u32 length. */
function utf8Of(s) {
  const n = s.length;
  chars += 6 * n + 8;
  if (chars > MAX_CHARS) throw SLOW;
  room(4 + 3 * n);
  let p = at + 4;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    buf[p++] = c;
  }
  if (i < n) {
    if (!wellFormed(s)) throw SLOW;
    p = at + 4 + utf8.encodeInto(s, buf.subarray(at + 4)).written;
  }
  view.setUint32(at, p - at - 4, true);
  at = p;
}

function tag(t) {
  room(1);
  buf[at++] = t;
}

function string(s) {
  tag(4);
  utf8Of(s);
}

function number(n) {
  if (!Number.isFinite(n)) throw SLOW;
  chars += 32;
  if (Number.isSafeInteger(n)) {
    room(9);
    buf[at] = 3;
    view.setFloat64(at + 1, n === 0 ? 0 : n, true);
    at += 9;
  } else {
    // As JSON.stringify writes it, read by the module's JSON reader: the same number.
    tag(7);
    utf8Of(String(n));
  }
}

/** Whether `v` was written: false for undefined (left out of an object). */
function value(v, reduce, depth) {
  switch (typeof v) {
    case 'string':
      if (reduce) {
        room(6);
        buf[at] = 4;
        const blankness = NOT_BLANK.test(v);
        view.setUint32(at + 1, blankness ? 1 : 0, true);
        if (blankness) buf[at + 5] = 0x78;
        at += blankness ? 6 : 5;
        chars += 8;
      } else string(v);
      return true;
    case 'number':
      number(v);
      return true;
    case 'boolean':
      tag(v ? 2 : 1);
      chars += 8;
      return true;
    case 'undefined':
      return false;
    case 'object':
      if (v === null) tag(0);
      else if (Array.isArray(v)) array(v, reduce, depth);
      else object(v, reduce, depth, -1);
      chars += 8;
      return true;
    default:
      throw SLOW;
  }
}

/** A count's place: `count` fills it in. */
function head(t, n) {
  room(5);
  buf[at] = t;
  view.setUint32(at + 1, n, true);
  at += 5;
  return at - 4;
}

/** `n` values more, as the walk counts each container's. */
function counted(n) {
  if (n > MAX_ARRAY) throw SLOW;
  values += n;
  if (values > MAX_VALUES) throw SLOW;
}

function array(v, reduce, depth) {
  if (depth >= DEEPEST || v.toJSON !== undefined) throw SLOW;
  const n = v.length;
  counted(n);
  head(5, n);
  for (let i = 0; i < n; i++) {
    if (!value(v[i], reduce, depth + 1)) {
      tag(0);
      chars += 8;
    }
  }
}

/** A plain object: each cell reduced, or (`keep` 'when'/'dob' for a table row) kept. */
function object(v, reduce, depth, row) {
  if (depth >= DEEPEST) throw SLOW;
  const proto = getPrototypeOf(v);
  if ((proto !== OBJECT && proto !== null) || v.toJSON !== undefined) throw SLOW;
  const length = v.length;
  if (typeof length === 'number' && length > MAX_ARRAY) throw SLOW;
  const keys = Object.keys(v);
  const n = keys.length;
  counted(n);
  const place = head(6, 0);
  let written = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    const mark = at;
    utf8Of(k);
    const keep = row === 1 && (k === 'when' || k === 'dob');
    if (value(v[k], reduce && !keep, depth + 1)) written++;
    else at = mark;
  }
  view.setUint32(place, written, true);
}

/** `record` reduced as `reduce` does it, written. */
function recordOf(record, fields) {
  chars += 8;
  const place = head(6, 0);
  let present = 0;
  let written = 0;
  // The record's own enumerable keys that are fields, as `reduce` reads them (in the
  // record's order: the module reads an object by key).
  const keys = Object.keys(record);
  for (let k = 0; k < keys.length; k++) {
    const id = keys[k];
    const how = fields.how.get(id);
    if (how === undefined) continue;
    present++;
    const v = record[id];
    // The reduced record's own `length` (the walk reads it as an array-like's).
    if (id === 'length' && typeof v === 'number' && v > MAX_ARRAY) throw SLOW;
    const mark = at;
    utf8Of(id);
    let wrote;
    if (how === 'text') wrote = value(v, true, 1);
    else if (how === 'keep' || !Array.isArray(v) || v.length > MAX_ITEMS) wrote = value(v, false, 1);
    else {
      if (v.toJSON !== undefined) throw SLOW;
      const n = v.length;
      counted(n);
      head(5, n);
      for (let i = 0; i < n; i++) {
        const row = v[i];
        if (row !== null && typeof row === 'object' && !Array.isArray(row)) object(row, true, 2, 1);
        else if (!value(row, true, 2)) tag(0);
        chars += 8;
      }
      wrote = true;
    }
    if (wrote) written++;
    else at = mark;
  }
  counted(present);
  view.setUint32(place, written, true);
}

/** What `write` writes into the buffer, or null when it throws SLOW. */
function encoded(write) {
  // A getter of the caller's calling in again while its argument is written: that call goes
  // the slow way.
  if (busy) return null;
  busy = true;
  at = 0;
  values = 0;
  chars = 0;
  try {
    write();
    if (chars > MAX_CHARS) return null;
  } catch (e) {
    if (e === SLOW) return null;
    throw e;
  } finally {
    busy = false;
  }
  return buf.subarray(0, at);
}

/** Starts an argument: the module reads each apart (its own count and length). */
function argument() {
  if (chars > MAX_CHARS) throw SLOW;
  values = 0;
  chars = 0;
}

/**
 * The call `validate(policyId, templateId, record, options)` with the record reduced, in
 * the encoding above, or null when it must go the slow way (SLOW).
 */
function encodeCall(policyId, templateId, record, fields, options) {
  return encoded(() => {
    utf8Of(policyId);
    utf8Of(templateId);
    // The options first (nothing of the caller's is called: the order is not seen).
    if (!value(options, false, 0)) tag(0);
    argument();
    recordOf(record, fields);
  });
}

/** The call `scheduleMany(policyId, workers, options)` in the encoding, or null. */
function encodeMany(policyId, workers, options) {
  return encoded(() => {
    utf8Of(policyId);
    argument();
    value(workers, false, 0);
    argument();
    if (!value(options, false, 0)) tag(0);
  });
}

/** An object the module reads as a record (not an array, not a primitive). */
const isRecord = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `glue` is a wasm-bindgen module (its `validate` and `template`). Returns `validate` with
 * the same arguments and results, `forget(policyId)` for when a policy is registered or
 * loaded again under an id (its templates may have changed), and `registering(f)`: the
 * glue's `loadPolicy` or `registerPolicy` as `f`, forgetting the id of the policy it
 * returns the summary of.
 */
export function fastValidate(glue) {
  const plans = new Map();
  // The module's reader of `encodeCall`'s bytes (undefined: read the slow way).
  const fast = glue.__validateEncoded;
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
        const call = encodeCall(policyId, templateId, data, fields, options);
        const out = call === null ? undefined : fast(call);
        if (out !== undefined) return out;
      }
      return glue.validate(policyId, templateId, reduce(data, fields), options);
    },
    /**
     * `scheduleMany` with the same arguments and results, its arguments written in the
     * encoding (read by `__scheduleManyEncoded`) when they can be; undefined without one.
     */
    scheduleMany: glue.__scheduleManyEncoded && ((policyId, workers, options) => {
      // The module's own checks first: a long id, a list over the limit (src/limits.rs).
      if (typeof policyId === 'string' && policyId.length <= 1000 && Array.isArray(workers)
        && workers.length <= 20000) {
        const call = encodeMany(policyId, workers, options);
        const out = call === null ? undefined : glue.__scheduleManyEncoded(call);
        if (out !== undefined) return out;
      }
      return glue.scheduleMany(policyId, workers, options);
    }),
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
