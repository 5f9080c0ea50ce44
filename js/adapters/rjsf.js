// supervision-rules/rjsf: a template as react-jsonschema-form props, with validate()'s
// findings in RJSF's own error display. Plain JavaScript over an entry point the page loaded.
//
//   const { props, warnings } = rjsf(sr, 'havering', 'case-supervision-record', { mode: 'final' });
//   <Form {...props} validator={validator} formData={data} extraErrors={warnings(data)} />
//
// - the schema is draft-07 (the default validator's draft), properties in template order; the
//   root's `ui:ObjectFieldTemplate` draws each section as a <fieldset> with its title, long
//   text as a textarea, dates with RJSF's date widget, choices as a select of their labels;
// - errors come from validate() through `customValidate` (they block submit, as RJSF's own);
//   the validator's own errors on the template's fields are dropped by `transformErrors`
//   and the browser's by `noHtml5Validate`, so nothing is said twice; the error list above
//   the form gives each message as validate() words it, linked to its control;
// - warnings (every finding in draft mode) are `extraErrors`, which RJSF shows beside the
//   field without blocking submit (`extraErrorsBlockSubmit` is false by default), each
//   message starting "Warning: ".
import { createElement as h } from 'react';
import { fieldsOf, recordSchema, check, segments, modeOf, CELLS } from './shared.js';

/** Adds `message` to an RJSF ErrorSchema at `path`, creating the nodes on the way. */
function addAt(errorSchema, path, message) {
  let node = errorSchema;
  for (const key of path) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  }
  (node.__errors ||= []).push(message);
}

function uiOf(field) {
  switch (field.type) {
    case 'text': return { 'ui:widget': 'textarea' };
    case 'time': return { 'ui:widget': 'time' };
    case 'actions':
    case 'children': {
      const cells = Object.fromEntries(CELLS[field.type].map((c) => [c.id, uiOf(c)]));
      return { items: cells };
    }
    default: return {};
  }
}

/** The root object drawn section by section, each a <fieldset> with a <legend>. */
function sectionsTemplate(sections) {
  return function SectionsTemplate(props) {
    const byName = new Map(props.properties.map((p) => [p.name, p]));
    const placed = new Set();
    const groups = sections.map((s) => {
      const contents = s.fields.map((f) => byName.get(f.id)).filter((p) => p && !p.hidden);
      for (const f of s.fields) placed.add(f.id);
      return h('fieldset', { key: s.id, className: 'sr-section', id: `${props.fieldPathId.$id}__section-${s.id}` },
        h('legend', null, s.title), ...contents.map((p) => p.content));
    });
    // Fields a council added to the schema, after the template's.
    const rest = props.properties.filter((p) => !placed.has(p.name) && !p.hidden).map((p) => p.content);
    return h('div', { id: props.fieldPathId.$id },
      props.title ? h('h2', null, props.title) : null, ...groups, ...rest);
  };
}

/**
 * The summary above the form: each message once, as validate() words it (RJSF's own list
 * prefixes the field's path, `.actions.0.who`), linking to its control.
 */
function ErrorList({ errors }) {
  return h('div', { className: 'panel panel-danger errors' },
    h('div', { className: 'panel-heading' }, h('h3', { className: 'panel-title' }, 'There is a problem')),
    h('ul', { className: 'list-group' }, errors.map((e, i) => {
      const id = ['root', ...String(e.property || '').split('.').filter(Boolean)].join('_');
      return h('li', { key: i, className: 'list-group-item text-danger' }, h('a', { href: `#${id}` }, e.message));
    })));
}

/**
 * react-jsonschema-form props for a template, and `warnings(formData)` for `extraErrors`.
 * `sr` is the entry point the page loaded and initialised; `options` are validate()'s.
 */
export function rjsf(sr, policyId, templateId, options = {}) {
  const mode = modeOf(options);
  const { template, fields } = fieldsOf(sr, policyId, templateId);
  const ids = new Set(fields.map((f) => f.id));
  const uiSchema = {
    'ui:order': [...fields.map((f) => f.id), '*'],
    'ui:ObjectFieldTemplate': sectionsTemplate(template.sections),
    'ui:ErrorListTemplate': ErrorList,
  };
  for (const f of fields) {
    const ui = uiOf(f);
    if (Object.keys(ui).length) uiSchema[f.id] = ui;
  }
  const report = (formData) => check(sr, policyId, templateId, formData, { ...options, mode });
  const props = {
    schema: recordSchema(sr, policyId, templateId, mode),
    uiSchema,
    noHtml5Validate: true,
    // RJSF otherwise fills a required choice with its first option (a record would say what
    // nobody chose) and a required table's `minItems` with blank rows before the user adds
    // one (validate() reports the empty table, as in the other libraries).
    experimental_defaultFormStateBehavior: { constAsDefaults: 'never', arrayMinItems: { populate: 'never' } },
    customValidate(formData, errors) {
      for (const f of report(formData).errors) addAt(errors, segments(f), f.message);
      return errors;
    },
    transformErrors(errors) {
      return errors.filter((e) => !ids.has(String(e.property || '').replace(/^\./, '').split(/[.[]/)[0]));
    },
  };
  return {
    props,
    /** validate()'s warnings on `formData` as an RJSF ErrorSchema, for `extraErrors`. */
    warnings(formData) {
      const schema = {};
      for (const f of report(formData).warnings) addAt(schema, segments(f), `Warning: ${f.message}`);
      return schema;
    },
    /** validate()'s report on `formData`, as the form shows it. */
    validate: report,
  };
}
