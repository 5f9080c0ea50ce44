// What the form-library adapters share (supervision-rules/rjsf, /jsonforms, /surveyjs): a
// template's fields, the record's JSON Schema, and where each finding of validate() belongs.
// Plain JavaScript over the entry point the page loaded (`sr`: the core, the widget or the
// authoring entry point, initialised), so an adapter adds no wasm.

/** The cells of a table field's rows, in the order a form shows them. */
export const CELLS = {
  actions: [
    { id: 'action', label: 'What needs to happen', type: 'text', required: true },
    { id: 'who', label: 'Who will do it', type: 'person', required: true },
    { id: 'when', label: 'By when', type: 'date', required: true },
  ],
  children: [
    { id: 'name', label: 'Name', type: 'person', required: true },
    { id: 'dob', label: 'Date of birth', type: 'date', required: false },
  ],
};

const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** `options.mode` read as validate() reads it: `final` unless `draft`. */
export function modeOf(options) {
  const mode = options?.mode ?? 'final';
  if (mode !== 'final' && mode !== 'draft') {
    throw Object.assign(new Error('options.mode must be "draft" or "final"'), { code: 'bad-argument' });
  }
  return mode;
}

/** Whether validate() in `mode` reports the field as required when it is blank. */
export function isRequired(field, mode) {
  return field.required === true || (field.required === 'final' && mode === 'final');
}

/** A template's sections and fields, as `template()` gives them. */
export function fieldsOf(sr, policyId, templateId) {
  if (!sr || typeof sr.template !== 'function' || typeof sr.validate !== 'function') {
    throw Object.assign(new Error('the first argument must be an entry point of supervision-rules, '
      + "initialised: import * as sr from 'supervision-rules'; await sr.default()"), { code: 'bad-argument' });
  }
  const template = sr.template(policyId, templateId);
  const fields = template.sections.flatMap((s) => s.fields);
  return { template, fields };
}

function fieldSchema(field) {
  const s = { title: field.label };
  if (field.hint) s.description = field.hint;
  switch (field.type) {
    case 'date': return { ...s, type: 'string', format: 'date' };
    case 'time': return { ...s, type: 'string', pattern: TIME_PATTERN };
    case 'number': {
      const n = { ...s, type: 'number' };
      if (field.min !== undefined) n.minimum = field.min;
      if (field.max !== undefined) n.maximum = field.max;
      return n;
    }
    case 'choice':
      return { ...s, type: 'string', oneOf: (field.options || []).map((o) => ({ const: o, title: o })) };
    case 'actions':
    case 'children': {
      const cells = CELLS[field.type];
      const items = {
        type: 'object',
        properties: Object.fromEntries(cells.map((c) => [c.id, fieldSchema(c)])),
        required: cells.filter((c) => c.required).map((c) => c.id),
      };
      return { ...s, type: 'array', items };
    }
    default: return { ...s, type: 'string' };
  }
}

/**
 * The record of a template as JSON Schema draft-07, which the form libraries' default
 * validators load as they are: properties in template order, titles and descriptions from
 * labels and hints, choices as `oneOf: [{const, title}]`, dates as `format: date`, and
 * `required` as validate() requires in `mode`.
 *
 * The one place that would use the core's jsonSchema (issue 21, item 2): until every entry
 * point has `jsonSchema(p, t, {draft: 'draft-07', mode})`, the schema is built here from
 * `template()`, which every entry point has. Switching is this function's body (and
 * tests/e2e/adapters.mjs then says what the core's schema changes in each library).
 */
export function recordSchema(sr, policyId, templateId, mode) {
  const { template, fields } = fieldsOf(sr, policyId, templateId);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: template.title,
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.id, fieldSchema(f)])),
    required: fields.filter((f) => isRequired(f, mode)).map((f) => f.id),
  };
}

/**
 * A finding's place in the record as path segments: `actions[0].who` → ['actions', '0',
 * 'who']. (Findings may also carry `pointer`, '/actions/0/who'; `path` is read so that any
 * entry point's findings work.)
 */
export function segments(finding) {
  return finding.path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((s) => s !== '');
}

/** The JSON Pointer of a finding: '/actions/0/who'. */
export function pointerOf(finding) {
  return segments(finding).map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** A form library's data as a record: keys it holds as `undefined` or `null` left out. */
function clean(record) {
  const out = {};
  for (const [k, v] of Object.entries(record || {})) {
    if (v === undefined || v === null) continue;
    out[k] = v;
  }
  return out;
}

/** validate() with the adapter's options: `{errors, warnings}` (in draft mode, warnings only). */
export function check(sr, policyId, templateId, record, options) {
  return sr.validate(policyId, templateId, clean(record), { ...options, mode: modeOf(options) });
}
