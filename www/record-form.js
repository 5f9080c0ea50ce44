// A template of the supervision-rules package as an HTML form: the one form builder of the
// demo pages (the case-record page, app.js, and the page for every template,
// templates/form.js). A fieldset per section, a label and hint per field, a select for a
// choice, a table of rows with "Add …" and "Remove" buttons for actions and children.
//
// Controls are named as the widget reads them (a field's id; rows id[N][key]), so attach()
// needs no mapping, and each has the id `f-<field>` (rows `f-<field>-<N>-<key>`), where the
// widget's error summary links. Nothing here knows a policy: a new template, or a policy
// registered with registerPolicy(), gets its form from the data alone. Text goes in with
// textContent only.

import { el, visuallyHidden } from './common.js';

/** The columns of a table field's rows: key, column heading, the cell's name in its label. */
export const COLUMNS = {
  actions: [
    { key: 'action', heading: 'Action to be taken', cell: 'what', type: 'text' },
    { key: 'who', heading: 'By who', cell: 'by who', type: 'text' },
    { key: 'when', heading: 'By when', cell: 'by when', type: 'date' },
  ],
  children: [
    { key: 'name', heading: 'Name', cell: 'name', type: 'text' },
    { key: 'dob', heading: 'Date of birth', cell: 'date of birth', type: 'date' },
  ],
};
const ROW_NOUN = { actions: 'action', children: 'child' };
/** Hints a type needs where the template gives none. */
const TYPE_HINT = {
  signature: 'Type the full name of the person signing.',
  'case-ids': 'Separate the IDs with commas or spaces.',
};

const isTable = (field) => field.type === 'actions' || field.type === 'children';
/** "2. Well-being" and "Well-being" are the same heading. */
const norm = (s) => String(s || '').replace(/^\s*\d+\.\s*/, '').replace(/\s+/g, ' ').trim().toLowerCase();

function requiredNote(field) {
  if (field.required === false) return ' (optional)';
  if (field.required === 'final') return ' (needed for the final record)';
  return '';
}

/**
 * Builds the form for `tpl` (what `template()` returns). `onRowRemoved()` runs after a row
 * is removed (a page whose messages show row numbers checks again). Returns the sections to
 * put in the page's <form>, and the record they hold:
 *   read(): a flat object keyed by field id; empty controls left out; a table's rows as
 *     typed except empty rows at the end, so "action 2" in a message is the second row
 *     on the screen;
 *   fill(record): puts a record (a saved draft) back into the controls.
 */
export function recordForm(tpl, { onRowRemoved = () => {} } = {}) {
  /** field id -> { field, control?, tbody?, addButton? } */
  const fields = new Map();
  const labelCount = new Map();
  for (const s of tpl.sections) for (const f of s.fields) labelCount.set(f.label, (labelCount.get(f.label) || 0) + 1);

  function addRow(fieldId, values = {}) {
    const entry = fields.get(fieldId);
    const tr = el('tr', { class: 'row' });
    for (const c of COLUMNS[entry.field.type]) {
      const input = el('input', {
        class: `input ${c.type === 'date' ? 'input-date' : ''}`,
        type: c.type,
        'data-key': c.key,
        spellcheck: c.type === 'text' ? 'false' : null,
        autocomplete: 'off',
      });
      if (values[c.key] !== undefined && values[c.key] !== null) input.value = String(values[c.key]);
      tr.append(el('td', {}, el('label', { class: 'visually-hidden' }), input));
    }
    const remove = el('button', { type: 'button', class: 'button-link remove-row' });
    remove.addEventListener('click', () => removeRow(fieldId, tr));
    tr.append(el('td', { class: 'remove-cell' }, remove));
    entry.tbody.append(tr);
    renumberRows(fieldId);
    return tr;
  }

  function removeRow(fieldId, tr) {
    const entry = fields.get(fieldId);
    const index = [...entry.tbody.rows].indexOf(tr);
    tr.remove();
    renumberRows(fieldId);
    const remaining = [...entry.tbody.rows];
    const next = remaining[Math.min(index, remaining.length - 1)];
    (next ? next.querySelector('input') : entry.addButton).focus();
    onRowRemoved();
  }

  /** Gives each row's inputs names, ids and labels that match their position ("action 2"). */
  function renumberRows(fieldId) {
    const entry = fields.get(fieldId);
    const noun = ROW_NOUN[entry.field.type];
    const Noun = noun[0].toUpperCase() + noun.slice(1);
    [...entry.tbody.rows].forEach((tr, i) => {
      const cells = [...tr.cells];
      COLUMNS[entry.field.type].forEach((c, j) => {
        const id = `f-${fieldId}-${i}-${c.key}`;
        const input = cells[j].querySelector('input');
        const label = cells[j].querySelector('label');
        input.id = id;
        input.name = `${fieldId}[${i}][${c.key}]`;
        label.htmlFor = id;
        label.textContent = `${Noun} ${i + 1}, ${c.cell}`;
      });
      tr.querySelector('.remove-row').replaceChildren('Remove', visuallyHidden(` ${noun} ${i + 1}`));
    });
  }

  function tableField(field, section, hideLabel, labelText, hintIds, note, hint) {
    const id = `f-${field.id}`;
    const legend = el('legend', { class: hideLabel ? 'visually-hidden' : 'label', text: hideLabel ? field.label : labelText });
    const cols = COLUMNS[field.type];
    const tbody = el('tbody', { id: `${id}-rows` });
    const table = el('table', { class: 'rows-table', id },
      el('caption', { class: 'visually-hidden', text: field.label }),
      el('thead', {}, el('tr', {},
        cols.map((c) => el('th', { scope: 'col', text: c.heading })),
        el('th', { scope: 'col' }, visuallyHidden('Remove row')))),
      tbody);
    // Where two tables share a label, the button says which one it adds to.
    const context = labelCount.get(field.label) > 1 ? visuallyHidden(` to ${field.label} (${section.title})`) : null;
    const addButton = el('button', {
      type: 'button', class: 'button button-secondary button-small', id: `${id}-add`, 'data-add-row': field.id,
    }, `Add ${ROW_NOUN[field.type]}`, context);
    addButton.addEventListener('click', () => addRow(field.id).querySelector('input').focus());
    fields.set(field.id, { field, tbody, addButton });
    addRow(field.id);
    return el('fieldset', {
      class: 'form-group govuk-form-group rows-group', id: `group-${field.id}`, 'aria-describedby': hintIds.join(' ') || null,
    }, legend, note, hint, el('div', { class: 'table-scroll' }, table), addButton);
  }

  function control(field, common) {
    const text = { ...common, type: 'text', spellcheck: 'false', autocomplete: 'off' };
    switch (field.type) {
      case 'text':
        return el('textarea', { ...common, class: 'textarea', rows: 5 });
      case 'date':
        return el('input', { ...common, class: 'input input-date', type: 'date' });
      case 'time':
        return el('input', { ...common, class: 'input input-time', type: 'time' });
      case 'number':
        return el('input', { ...common, class: 'input input-short', type: 'text', inputmode: 'decimal', autocomplete: 'off' });
      case 'choice':
        return el('select', { ...common, class: 'select' },
          el('option', { value: '', text: 'Select an option' }),
          (field.options || []).map((o) => el('option', { value: o, text: o })));
      case 'case-ids':
        return el('input', { ...text, class: 'input' });
      default: // person, signature
        return el('input', { ...text, class: 'input input-medium' });
    }
  }

  /** A field; `hideLabel`: it only repeats its section's title, which says it already. */
  function renderField(field, section, hideLabel) {
    const id = `f-${field.id}`;
    const labelText = field.label + requiredNote(field);
    const hintText = field.hint || TYPE_HINT[field.type];
    const hint = hintText ? el('div', { class: 'hint', id: `${id}-hint`, text: hintText }) : null;
    const hintIds = hint ? [hint.id] : [];
    const note = hideLabel && requiredNote(field) ? el('p', { class: 'label-note', text: requiredNote(field).trim() }) : null;
    if (isTable(field)) return tableField(field, section, hideLabel, labelText, hintIds, note, hint);
    const input = control(field, { id, name: field.id, 'aria-describedby': hintIds.join(' ') || null });
    const label = el('label', { class: hideLabel ? 'visually-hidden' : 'label', for: id, text: hideLabel ? field.label : labelText });
    fields.set(field.id, { field, control: input });
    return el('div', { class: 'form-group govuk-form-group', id: `group-${field.id}` }, label, note, hint, input);
  }

  const sections = tpl.sections.map((section) => {
    const fieldset = el('fieldset', { class: 'section', id: `section-${section.id}` },
      el('legend', { class: 'section-legend' }, el('h2', { class: 'section-title', id: `section-${section.id}-title`, text: section.title })));
    for (const field of section.fields) {
      // A field that only repeats its section's title keeps its label for assistive
      // technology but does not show it twice.
      const repeatsTitle = section.fields.length === 1 && norm(field.label) === norm(section.title);
      fieldset.append(renderField(field, section, repeatsTitle));
    }
    return fieldset;
  });

  function read() {
    const record = {};
    for (const [id, entry] of fields) {
      if (entry.tbody) {
        const cols = COLUMNS[entry.field.type];
        const rows = [...entry.tbody.rows].map((tr) => {
          const row = {};
          for (const c of cols) row[c.key] = tr.querySelector(`input[data-key="${c.key}"]`).value;
          return row;
        });
        while (rows.length && cols.every((c) => rows[rows.length - 1][c.key].trim() === '')) rows.pop();
        if (rows.length) record[id] = rows;
      } else if (entry.control.value.trim() !== '') {
        record[id] = entry.control.value;
      }
    }
    return record;
  }

  function fill(record) {
    for (const [id, entry] of fields) {
      const value = record[id];
      if (value === undefined || value === null) continue;
      if (entry.tbody) {
        if (!Array.isArray(value)) continue;
        entry.tbody.replaceChildren();
        for (const row of value) addRow(id, row && typeof row === 'object' ? row : {});
        if (!value.length) addRow(id);
      } else {
        entry.control.value = String(value);
      }
    }
  }

  return { sections, read, fill };
}
