// validate() and scheduleMany() in one crossing (issue 20, stop 28): each entry point's
// index.js but the form's hands this to fastValidate (fast-validate.js, wrap.js).
//
// The reduced record is not built as an object, written by JSON.stringify, encoded as UTF-8
// and parsed again in the module: the reduction writes it straight into a reused buffer in a
// compact encoding (`encodeCall`, read by src/json/bytes.rs), with the two ids and the
// options, and the module reads that in one call (`__validateEncoded`; scheduleMany's
// workers and options the same way, `encodeMany` and `__scheduleManyEncoded`). Tags: 0 null, 1 false, 2 true, 3 a number (f64, little
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

import { NOT_BLANK, MAX_ITEMS } from './fast-validate.js';

/** The module's limits (src/limits.rs): ANY_ARRAY, VALUES. */
const MAX_ARRAY = 100000;
const MAX_VALUES = 5000000;
/**
 * INPUT_CHARS (64 MiB) over 6: JSON.stringify writes at most 6 characters for each byte
 * written here ("false," for 1, a number's 25 for 9, a string's 6n + 3 for 5 + n), so
 * writing no more than this keeps an argument's JSON text within the module's limit.
 */
const MAX_BYTES = 11184810;
/** Containers this deep go the slow way (the module refuses data 32 levels deep). */
const DEEPEST = 30;
const SLOW = new Error('slow');
const { getPrototypeOf } = Object;
const OBJECT = Object.prototype;
const utf8 = new TextEncoder();

let buf = new Uint8Array(8192);
let view = new DataView(buf.buffer);
let at = 0;
/** Values counted as the module's walk counts them. */
let values = 0;
let busy = false;

function room(n) {
  if (at + n > MAX_BYTES) throw SLOW;
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
  room(4 + 3 * n);
  let p = at + 4;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    buf[p++] = c;
  }
  if (i < n) {
    // A lone surrogate: JSON.stringify escapes it, and the module refuses the text.
    if (typeof s.isWellFormed !== 'function' || !s.isWellFormed()) throw SLOW;
    p = at + 4 + utf8.encodeInto(s, buf.subarray(at + 4)).written;
  }
  view.setUint32(at, p - at - 4, true);
  at = p;
}

function tag(t) {
  room(1);
  buf[at++] = t;
}

function number(n) {
  if (!Number.isFinite(n)) throw SLOW;
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
      } else {
        tag(4);
        utf8Of(v);
      }
      return true;
    case 'number':
      number(v);
      return true;
    case 'boolean':
      tag(v ? 2 : 1);
      return true;
    case 'undefined':
      return false;
    case 'object':
      if (v === null) tag(0);
      else if (Array.isArray(v)) array(v, reduce, depth);
      else object(v, reduce, depth, -1);
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
    if (!value(v[i], reduce, depth + 1)) tag(0);
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
  const place = head(6, 0);
  let present = 0;
  let written = 0;
  // The record's own enumerable keys that are fields, as `reduce` reads them (in the
  // record's order: the module reads an object by key).
  const keys = Object.keys(record);
  // The plan by id, made once per plan (the last of an id repeated, as `reduce` keeps it).
  const how = fields.how ?? (fields.how = new Map(fields));
  for (let k = 0; k < keys.length; k++) {
    const id = keys[k];
    const kind = how.get(id);
    if (kind === undefined) continue;
    present++;
    const v = record[id];
    // The reduced record's own `length` (the walk reads it as an array-like's).
    if (id === 'length' && typeof v === 'number' && v > MAX_ARRAY) throw SLOW;
    const mark = at;
    utf8Of(id);
    let wrote;
    if (kind === 'text') wrote = value(v, true, 1);
    else if (kind === 'keep' || !Array.isArray(v) || v.length > MAX_ITEMS) wrote = value(v, false, 1);
    else {
      if (v.toJSON !== undefined) throw SLOW;
      const n = v.length;
      counted(n);
      head(5, n);
      for (let i = 0; i < n; i++) {
        const row = v[i];
        if (row !== null && typeof row === 'object' && !Array.isArray(row)) object(row, true, 2, 1);
        else if (!value(row, true, 2)) tag(0);
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
  try {
    write();
  } catch (e) {
    if (e === SLOW) return null;
    throw e;
  } finally {
    busy = false;
  }
  return buf.subarray(0, at);
}

/** Starts an argument: the module counts each one's values apart. */
function argument() {
  values = 0;
}

/**
 * The call `validate(policyId, templateId, record, options)` with the record reduced, in
 * the encoding above, or null when it must go the slow way (SLOW).
 */
export function encodeCall(policyId, templateId, record, fields, options) {
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
export function encodeMany(policyId, workers, options) {
  return encoded(() => {
    utf8Of(policyId);
    argument();
    value(workers, false, 0);
    argument();
    if (!value(options, false, 0)) tag(0);
  });
}

/**
 * `glue.scheduleMany` with the same arguments and results, its arguments written in the
 * encoding (read by `__scheduleManyEncoded`) when they can be.
 */
export function scheduleMany(glue) {
  return (policyId, workers, options) => {
    // The module's own checks first: a long id, a list over the limit (src/limits.rs).
    if (typeof policyId === 'string' && policyId.length <= 1000 && Array.isArray(workers)
      && workers.length <= 20000) {
      const call = encodeMany(policyId, workers, options);
      const out = call === null ? undefined : glue.__scheduleManyEncoded(call);
      if (out !== undefined) return out;
    }
    return glue.scheduleMany(policyId, workers, options);
  };
}
