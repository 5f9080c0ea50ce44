// How the module reads a JS argument (src/wasm/mod.rs, `from_js`): walked and written as
// JSON text here, in JavaScript, and handed to the module in one crossing. Before issue 20
// the walk ran in the module (src/wasm/bounds.rs), one crossing per value: as many calls
// into JavaScript as the argument has values (10,000 children are some 200,000).
//
// The walk refuses, before JSON.stringify writes anything: an array longer than `maxArray`
// (on its length, before any element is read; an array-like `{length: 1e9}` too), more than
// `maxValues` values in all, data nested 32 levels deep (a cycle is), a non-finite number
// (JSON.stringify writes NaN and Infinity as null, read as "not given") and a typed array.
// A first pass only asks whether anything is refused; when something is, the walk goes
// breadth first, so the refusal is the one the module's own walk gave. The module words
// each refusal (its limits and messages stay in Rust): the result is the JSON text as UTF-8
// (copied into the module's memory at once), or an empty array, and then `refusal()` is
// [kind, path] with kind one of 'finite', 'depth', 'typed', 'array', 'values', 'json'
// (JSON.stringify threw — a BigInt, a toJSON that threw — or wrote no text) or 'chars' (the
// text is longer than `maxChars`).

const MAX_DEPTH = 32;
const encoder = new TextEncoder();
const NONE = new Uint8Array(0);
let refused = null;

/** Why the last `jsonText` that returned nothing refused its argument: [kind, path]. */
export function refusal() {
  return refused;
}

/**
 * Whether `v` (at `depth`) holds nothing the walk refuses, counting its values into
 * `count[0]`: the first pass, depth first, with no paths kept. `false` only says to walk.
 */
function plain(v, depth, maxArray, count) {
  if (depth >= MAX_DEPTH || ArrayBuffer.isView(v)) return false;
  let values = v;
  if (!Array.isArray(v)) {
    const length = v.length;
    if (typeof length === 'number' && length > maxArray) return false;
    values = Object.values(v);
  }
  const n = values.length;
  if (n > maxArray) return false;
  count[0] += n;
  for (let i = 0; i < n; i++) {
    const item = values[i];
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false;
    } else if (item !== null && typeof item === 'object' && !plain(item, depth + 1, maxArray, count)) {
      return false;
    }
  }
  return true;
}

/** `.key` (control characters left out, at most 64 characters: a key is the caller's). */
function keySegment(key) {
  let out = '';
  let n = 0;
  for (const c of key) {
    if (n === 64) break;
    const code = c.codePointAt(0);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    out += c;
    n++;
  }
  return `.${out}`;
}

/** The path of the container at `i` of `seen`: the argument's name, then each key or index. */
function pathOf(seen, i, path) {
  const chain = [];
  for (let at = i; seen[at].parent !== -1; at = seen[at].parent) chain.push(at);
  let out = path;
  for (let k = chain.length - 1; k >= 0; k--) {
    const node = seen[chain[k]];
    out += segment(seen[node.parent].value, node.index);
  }
  return out;
}

/** `[index]` for an array, `.key` for the object's `index`-th own enumerable key. */
function segment(parent, index) {
  if (Array.isArray(parent)) return `[${index}]`;
  return keySegment(String(Object.keys(parent)[index] ?? ''));
}

const nonFinite = (v) => typeof v === 'number' && !Number.isFinite(v);

/** The refusal of `v` by the walk, as [kind, path], or null. */
function walk(v, path, maxArray, maxValues) {
  if (v === null || typeof v !== 'object') return nonFinite(v) ? ['finite', path] : null;
  const seen = [{ value: v, parent: -1, index: 0, depth: 0 }];
  let count = 0;
  for (let here = 0; here < seen.length; here++) {
    const { value, depth } = seen[here];
    if (depth >= MAX_DEPTH) return ['depth', path];
    if (ArrayBuffer.isView(value)) return ['typed', pathOf(seen, here, path)];
    let values;
    if (Array.isArray(value)) values = value;
    else {
      const length = value.length;
      if (typeof length === 'number' && length > maxArray) return ['array', pathOf(seen, here, path)];
      values = Object.values(value);
    }
    const n = values.length;
    if (n > maxArray) return ['array', pathOf(seen, here, path)];
    count += n;
    if (count > maxValues) return ['values', pathOf(seen, here, path)];
    for (let i = 0; i < n; i++) {
      const item = values[i];
      if (item !== null && typeof item === 'object') {
        seen.push({ value: item, parent: here, index: i, depth: depth + 1 });
      } else if (nonFinite(item)) {
        return ['finite', pathOf(seen, here, path) + segment(value, i)];
      }
    }
  }
  return null;
}

/** The JSON text of `v` (the argument at `path`, not undefined), or what refuses it. */
function text(v, path, maxArray, maxValues, maxChars) {
  const count = [0];
  const first = v === null || typeof v !== 'object'
    ? !(typeof v === 'number' && !Number.isFinite(v))
    : plain(v, 0, maxArray, count) && count[0] <= maxValues;
  const walked = first ? null : walk(v, path, maxArray, maxValues);
  if (walked) return walked;
  let out;
  try {
    out = JSON.stringify(v);
  } catch {
    return ['json', path];
  }
  if (typeof out !== 'string') return ['json', path];
  if (out.length > maxChars) return ['chars', path];
  return out;
}

/** `v` (the argument at `path`, not undefined) as JSON text in UTF-8, or nothing (`refusal`). */
export function jsonText(v, path, maxArray, maxValues, maxChars) {
  const out = text(v, path, maxArray, maxValues, maxChars);
  if (typeof out === 'string') return encoder.encode(out);
  refused = out;
  return NONE;
}

const decoder = new TextDecoder();
/**
 * Node's own `Buffer` (not a bundler's polyfill in a browser): it decodes UTF-8 faster than
 * Node's `TextDecoder` (Node 20: a team's 4.8 MB of schedules in 6 ms against 9).
 */
const NodeBuffer = typeof globalThis.process?.versions?.node === 'string'
  && typeof globalThis.Buffer === 'function' ? globalThis.Buffer : null;

/**
 * A result written as JSON text (UTF-8, a view of the module's memory: not copied first),
 * as a JS value: the engine's `JSON.parse` (src/wasm/mod.rs, `to_js`).
 */
export function parseJson(bytes) {
  const n = bytes.length;
  // A short ASCII text (a valid record's report) without the decoder's call into the engine.
  if (n <= 128) {
    let i = 0;
    while (i < n && bytes[i] < 0x80) i++;
    if (i === n) return JSON.parse(String.fromCharCode.apply(null, bytes));
  }
  if (NodeBuffer !== null) {
    return JSON.parse(NodeBuffer.from(bytes.buffer, bytes.byteOffset, n).toString('utf8'));
  }
  return JSON.parse(decoder.decode(bytes));
}
