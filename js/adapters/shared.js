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
  if (!sr || typeof sr.template !== 'function' || typeof sr.validate !== 'function'
    || typeof sr.jsonSchema !== 'function') {
    throw Object.assign(new Error('the first argument must be an entry point of supervision-rules, '
      + "initialised: import * as sr from 'supervision-rules'; await sr.default()"), { code: 'bad-argument' });
  }
  const template = sr.template(policyId, templateId);
  const fields = template.sections.flatMap((s) => s.fields);
  return { template, fields };
}

/**
 * The record of a template as JSON Schema draft-07, which the form libraries' default
 * validators load as they are: properties in template order, titles and descriptions from
 * labels and hints, choices as `oneOf: [{const, title}]`, dates as `format: date`, and
 * `required` as validate() requires in `mode`.
 *
 * The core's own schema (`jsonSchema`, every entry point has it), so the adapters and a
 * page's own validator read one description of the record.
 */
export function recordSchema(sr, policyId, templateId, mode) {
  return sr.jsonSchema(policyId, templateId, { draft: 'draft-07', mode });
}

/** The JSON Pointer of a finding, as validate() gives it: '/actions/0/who'. */
export const pointerOf = (finding) => finding.pointer;

/** A finding's place in the record as segments: '/actions/0/who' → ['actions', '0', 'who']. */
export function segments(finding) {
  return finding.pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
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
