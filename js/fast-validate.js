// validate() with the record's free text left in JavaScript.
//
// Validation reads a text, person or signature field (and an action's "action" and "who",
// a child's "name") only for whether it is text and whether it is blank: never its words.
// So before the record crosses into WebAssembly, each such string is replaced by "x" (text
// that is not blank) or "" (blank), and fields the template does not have are left out.
// Everything else — dates, times, numbers, choices, case IDs, values of the wrong type —
// crosses as given. The result is the same report (tests/e2e/fast-validate.mjs compares the
// two on every template and on the fuzz corpus); the words written about a child never
// enter the module's memory. (Measured: no faster — the time per call is the module's own.)
//
// Each entry point's index.js wraps its own glue with this.

/** Unicode White_Space, as Rust's `str::trim` uses it (not JavaScript's `\s`). */
const NOT_BLANK = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

const TEXT = new Set(['text', 'person', 'signature']);
/** Table fields. Their rows' cells are read as text, except the dates (`when`, `dob`). */
const TABLES = new Set(['actions', 'children']);

const reduceText = (v) => (typeof v === 'string' ? (NOT_BLANK.test(v) ? 'x' : '') : v);

/** A plain object, read as JSON.stringify reads it (no toJSON of its own). */
const isPlain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
  && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)
  && typeof v.toJSON !== 'function';

function reduceRow(row) {
  if (!isPlain(row)) return row;
  const out = {};
  for (const key of Object.keys(row)) {
    // Every cell counts for whether a row is blank, so unknown cells keep their blankness.
    out[key] = key === 'when' || key === 'dob' ? row[key] : reduceText(row[key]);
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
    if (!Object.prototype.hasOwnProperty.call(record, id)
      || !Object.prototype.propertyIsEnumerable.call(record, id)) continue;
    const v = record[id];
    if (how === 'text') out[id] = reduceText(v);
    else if (how === 'keep' || !Array.isArray(v) || typeof v.toJSON === 'function') out[id] = v;
    else out[id] = v.map(reduceRow);
  }
  return out;
}

/**
 * `glue` is a wasm-bindgen module (its `validate` and `template`). Returns `validate` with
 * the same arguments and results, `forget(policyId)` for when a policy is registered or
 * loaded again under an id (its templates may have changed), and `registering(f)`: the
 * glue's `loadPolicy` or `registerPolicy` as `f`, forgetting the id of the policy it
 * returns the summary of.
 */
export function fastValidate(glue) {
  const plans = new Map();
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
      let fields;
      try {
        if (typeof policyId !== 'string' || typeof templateId !== 'string' || !isPlain(record)) {
          throw new Error('not the plain case');
        }
        fields = fieldsOf(policyId, templateId);
      } catch {
        // Unknown ids, odd records: the module says what is wrong, as it always has.
        return glue.validate(policyId, templateId, record, options);
      }
      return glue.validate(policyId, templateId, reduce(record, fields), options);
    },
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
