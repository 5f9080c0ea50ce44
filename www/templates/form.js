// One demo page for every template of every policy: form.html?policy=havering&template=personal-supervision
// builds a real HTML form from template() – a fieldset per section, a label and hint per
// field, a select for a choice, a table of rows with an "Add row" button for actions and
// children – and attaches the widget to it:
//
//   attach(form, { policy, template, mode: 'final', stylesheet: true });
//
// Control names are the template's field ids (actions rows: actions[0][action],
// actions[0][who], actions[0][when]; children rows: children[0][name], children[0][dob]), so
// no mapping is needed. Nothing here knows any particular policy: a new template, or a
// policy registered with registerPolicy(), gets its page from the data alone.
// All text goes in with textContent.

import init, { policies, template as getTemplate, attach } from '../pkg/widget/index.js';
import { $, el as h } from '../common.js';

/** The columns of a table field's rows: key, column heading, input type. */
const COLUMNS = {
  actions: [
    { key: 'action', heading: 'Action', type: 'text' },
    { key: 'who', heading: 'By who', type: 'text' },
    { key: 'when', heading: 'By when', type: 'date' },
  ],
  children: [
    { key: 'name', heading: 'Name', type: 'text' },
    { key: 'dob', heading: 'Date of birth', type: 'date' },
  ],
};
/** What one row is called in its cells' labels ("Action 2: by who"). */
const ROW_NOUN = { actions: 'Action', children: 'Child' };

const isTable = (f) => f.type === 'actions' || f.type === 'children';
/** "2. Well-being" and "Well-being" are the same heading. */
const norm = (s) => String(s || '').replace(/^\s*\d+\.\s*/, '').replace(/\s+/g, ' ').trim().toLowerCase();
const optional = (f) => f.required === false;
const labelText = (f) => (optional(f) ? `${f.label} (optional)` : f.label);
const controlId = (f) => `f-${f.id}`;

/** A long free-text answer, or a short one-line value ("Team", "Venue", "Role"). */
function shortText(field, section) {
  const words = field.label.trim().split(/\s+/).length;
  const mixed = section.fields.some((f) => !['text', 'actions', 'children'].includes(f.type));
  return mixed && words <= 4 && (!field.hint || field.hint.length <= 100);
}

/** The hint paragraph for a field (its own, or one the type needs), and its id. */
function hintFor(field, id) {
  let text = field.hint || '';
  if (field.type === 'signature' && !text) text = 'Type your full name to sign.';
  if (field.type === 'case-ids' && !text) text = 'Separate the IDs with commas or spaces.';
  return text ? { id: `${id}-hint`, el: h('div', { class: 'govuk-hint', id: `${id}-hint`, text }) } : null;
}

/** The control for a single-value field. */
function control(field, section, id, describedBy) {
  const common = { id, name: field.id, 'aria-describedby': describedBy };
  switch (field.type) {
    case 'date':
      return h('input', { ...common, type: 'date' });
    case 'time':
      return h('input', { ...common, type: 'time' });
    case 'number':
      return h('input', {
        ...common, type: 'text', inputmode: 'numeric', class: 'number', spellcheck: 'false',
      });
    case 'person':
    case 'signature':
    case 'case-ids':
      return h('input', { ...common, type: 'text', spellcheck: 'false' });
    case 'choice': {
      const select = h('select', common, h('option', { value: '', text: 'Choose one' }));
      for (const o of field.options || []) select.append(h('option', { value: o, text: o }));
      return select;
    }
    default: // text
      return shortText(field, section)
        ? h('input', { ...common, type: 'text' })
        : h('textarea', { ...common, rows: 4 });
  }
}

/** A single-value field in a form group. `asHeading`: the label is the section's heading. */
function singleField(field, section, asHeading) {
  const id = controlId(field);
  const hint = hintFor(field, id);
  const label = h('label', { class: 'govuk-label', for: id, text: asHeading ? labelText({ ...field, label: section.title }) : labelText(field) });
  return h('div', { class: 'govuk-form-group' },
    asHeading ? h('h2', { class: 'section-heading' }, label) : label,
    hint && hint.el,
    control(field, section, id, hint && hint.id));
}

/** One row of a table field: cells named prefix[n][key], each with its own label. */
function tableRow(field, n) {
  const noun = ROW_NOUN[field.type];
  return h('tr', {}, COLUMNS[field.type].map((col, i) => {
    const id = `${field.id}-${n}-${col.key}`;
    const name = i === 0 ? `${noun} ${n + 1}` : `${noun} ${n + 1}: ${col.heading.toLowerCase()}`;
    return h('td', {},
      h('label', { class: 'govuk-visually-hidden', for: id, text: name }),
      h('input', { type: col.type, id, name: `${field.id}[${n}][${col.key}]`, spellcheck: col.type === 'text' ? 'false' : undefined }));
  }));
}

/** A table field: a fieldset with its rows and an "Add row" button. */
function tableField(field, section, asHeading, buttonContext) {
  const id = controlId(field);
  const hint = hintFor(field, id);
  const legendText = asHeading ? labelText({ ...field, label: section.title }) : labelText(field);
  const legend = asHeading
    ? h('legend', { class: 'govuk-fieldset__legend section-heading' }, h('h2', { text: legendText }))
    : h('legend', { class: 'govuk-fieldset__legend table-legend', text: legendText });
  const body = h('tbody', {}, tableRow(field, 0));
  const table = h('table', { class: 'rows' },
    h('thead', {}, h('tr', {}, COLUMNS[field.type].map((c) => h('th', { scope: 'col', text: c.heading })))),
    body);
  const add = h('button', { type: 'button', class: 'secondary', 'data-add-row': field.id },
    'Add row', h('span', { class: 'govuk-visually-hidden', text: ` to ${buttonContext}` }));
  add.addEventListener('click', () => {
    const n = body.rows.length;
    body.append(tableRow(field, n));
    body.rows[n].querySelector('input').focus();
  });
  const fieldset = h('fieldset', { class: 'govuk-fieldset', id, 'aria-describedby': hint && hint.id },
    legend, hint && hint.el, h('div', { class: 'table-scroll' }, table), add);
  return h('div', { class: 'govuk-form-group' }, fieldset);
}

/** The sections of the form. */
function buildSections(tpl) {
  const labels = new Map();
  for (const s of tpl.sections) for (const f of s.fields) labels.set(f.label, (labels.get(f.label) || 0) + 1);
  return tpl.sections.map((section) => {
    const only = section.fields.length === 1 ? section.fields[0] : null;
    // A section of one field named like the section: one heading, not a legend and a label
    // that say the same thing.
    if (only && norm(only.label) === norm(section.title)) {
      const body = isTable(only)
        ? tableField(only, section, true, section.title)
        : singleField(only, section, true);
      return h('div', { class: 'section' }, body);
    }
    const fields = section.fields.map((f) => {
      if (!isTable(f)) return singleField(f, section, false);
      // "Add row to …": the field's label, or the section's title where labels repeat.
      const context = labels.get(f.label) > 1 ? `${f.label} (${section.title})` : f.label;
      return tableField(f, section, false, context);
    });
    return h('fieldset', { class: 'section govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend section-heading' }, h('h2', { text: section.title })),
      fields);
  });
}

function showProblem(heading, message, withLink) {
  document.title = `${heading} – supervision-rules demo`;
  $('page-heading').textContent = heading;
  $('lede').textContent = '';
  const p = $('problem');
  p.textContent = message;
  if (withLink) {
    const a = h('a', { href: './', text: 'Choose a template from the list' });
    p.append(' ', a, '.');
  }
}

async function main() {
  const params = new URLSearchParams(location.search);
  const policyId = params.get('policy');
  const templateId = params.get('template');
  if (!policyId || !templateId) {
    showProblem('Choose a template', 'This page shows one template of one policy.', true);
    return;
  }
  await init();
  const summary = policies().find((p) => p.id === policyId);
  let tpl;
  try {
    tpl = getTemplate(policyId, templateId);
  } catch (e) {
    if (e && (e.code === 'unknown-policy' || e.code === 'unknown-template')) {
      showProblem('Template not found', `There is no template “${templateId}” in the policy “${policyId}”.`, true);
      return;
    }
    throw e;
  }

  document.title = `${tpl.title} – ${summary ? summary.authority : policyId} – supervision-rules demo`;
  $('page-caption').textContent = summary ? summary.authority : policyId;
  $('page-heading').textContent = tpl.title;
  $('lede').textContent = summary
    ? `From ${summary.title}${tpl.source ? ` (${tpl.source})` : ''}.`
    : (tpl.source || '');
  if (tpl.note) {
    $('about-note').textContent = tpl.note;
    $('about').hidden = false;
  }
  $('intro').hidden = false;

  const form = $('record-form');
  $('sections').replaceChildren(...buildSections(tpl));
  form.hidden = false;

  // The page's own save. The widget's check runs first; a submit it blocks never gets here.
  const saved = $('saved');
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // a demo: nothing is sent anywhere
    const draft = event.submitter && event.submitter.hasAttribute('formnovalidate');
    saved.textContent = draft
      ? 'Draft saved. (A demo: nothing was sent.)'
      : 'Record saved. (A demo: nothing was sent.)';
  });
  form.addEventListener('input', () => { saved.textContent = ''; });

  const widget = attach(form, { policy: policyId, template: templateId, mode: 'final', stylesheet: true });
  // For the browser console and the end-to-end test.
  window.supervisionDemo = { widget, policy: policyId, template: templateId };
}

main().catch((e) => {
  showProblem('Sorry, there is a problem', 'The form could not be loaded. Try again later.', false);
  throw e;
});
