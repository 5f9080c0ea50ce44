// supervision-rules/jsonforms: a template as JSON Forms props, with validate()'s findings as
// JSON Forms' `additionalErrors`. Plain JavaScript over an entry point the page loaded.
//
//   const form = jsonForms(sr, 'havering', 'case-supervision-record', { mode: 'final' });
//   <JsonForms {...form.props} data={data} renderers={vanillaRenderers} cells={vanillaCells}
//     additionalErrors={form.errors(data)} onChange={({ data }) => setData(data)} />
//
// - the schema is draft-07 (JSON Forms' own Ajv loads it as it is), properties in template
//   order; the UI schema has a Group per section, in order, with `multi` on long text; dates
//   are `format: date` (a date cell), choices `oneOf: [{const, title}]` (a select of labels),
//   tables of actions and children arrays of objects (a table, one row per action);
// - `validationMode: 'ValidateAndHide'`: JSON Forms still validates (its `onChange` reports
//   its own errors to the page) but shows only `additionalErrors`, so nothing is said twice;
// - findings become `additionalErrors` at their JSON Pointer (`/actions/0/who`), so each
//   shows on its control, and a row cell's in the row's message column of the table;
//   warnings (every finding in draft mode) have no severity of their own in JSON Forms:
//   they are shown in the same place, each message starting "Warning: ".
import { fieldsOf, recordSchema, check, pointerOf, modeOf } from './shared.js';

function control(field) {
  const c = { type: 'Control', scope: `#/properties/${field.id}` };
  if (field.type === 'text') c.options = { multi: true };
  if (field.type === 'time') c.options = { format: 'time' };
  return c;
}

function toError(finding, severity) {
  return {
    instancePath: pointerOf(finding),
    message: severity === 'warning' ? `Warning: ${finding.message}` : finding.message,
    schemaPath: '',
    keyword: 'supervision-rules',
    params: { code: finding.code, severity, source: finding.source },
  };
}

/**
 * JSON Forms props for a template, and `errors(data)` for `additionalErrors`. `sr` is the
 * entry point the page loaded and initialised; `options` are validate()'s.
 */
export function jsonForms(sr, policyId, templateId, options = {}) {
  const mode = modeOf(options);
  const { template } = fieldsOf(sr, policyId, templateId);
  const uischema = {
    type: 'VerticalLayout',
    elements: template.sections.map((s) => ({ type: 'Group', label: s.title, elements: s.fields.map(control) })),
  };
  const report = (data) => check(sr, policyId, templateId, data, { ...options, mode });
  return {
    props: { schema: recordSchema(sr, policyId, templateId, mode), uischema, validationMode: 'ValidateAndHide' },
    /** validate()'s findings on `data` as JSON Forms errors, for `additionalErrors`. */
    errors(data) {
      const r = report(data);
      return [...r.errors.map((f) => toError(f, 'error')), ...r.warnings.map((f) => toError(f, 'warning'))];
    },
    /** validate()'s report on `data`, as the form shows it. */
    validate: report,
  };
}
