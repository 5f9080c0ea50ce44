// The case-record demo page: renders a template of the supervision-rules package as a form,
// and shows a worker's due dates. What the package draws, it draws: the form is checked by
// the widget (attach: the GOV.UK error summary, inline messages, blocking a final save with
// errors), the due dates by renderSchedule, a problem with the worker's JSON by showError.
// The page builds the form, saves records in this browser and holds nothing else.
//
// Safety rules kept throughout: text reaches the DOM through textContent / text nodes only
// (never innerHTML), and nothing here changes what the user typed.

import init, {
  template, policy, schedule, validate, attach, renderSchedule, showError,
} from './pkg/widget/index.js';
import { $, el, visuallyHidden, today, longDate, load, store } from './common.js';

const POLICY = 'havering';
const params = new URLSearchParams(location.search);
const TEMPLATE = /^[a-z0-9-]+$/.test(params.get('template') || '') ? params.get('template') : 'case-supervision-record';

const DRAFT_KEY = `supervision-rules:draft:${POLICY}/${TEMPLATE}`;
const RECORDS_KEY = `supervision-rules:records:${POLICY}/${TEMPLATE}`;

const EXAMPLE_WORKER = {
  id: 'w1',
  role: 'nqsw',
  started: '2026-01-05',
  asye: '2026-01-05',
  sessions: [{ date: '2026-01-12', type: 'one-to-one' }],
};

const COLUMNS = {
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

// The page's state, in one place.
const state = {
  /** field id -> { field, control?, tbody?, addButton? } */
  fields: new Map(),
  /** The widget attach() gave. */
  widget: null,
  /** Whether the form has been submitted (the widget then checks it as the user edits). */
  submitted: false,
};

const sameText = (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase();

// ---------------------------------------------------------------------------------------
// The form: controls named as the widget reads them (a field's id; rows id[N][key])
// ---------------------------------------------------------------------------------------

function requiredNote(field) {
  if (field.required === false) return ' (optional)';
  if (field.required === 'final') return ' (needed for the final record)';
  return '';
}

function renderForm(tpl) {
  $('page-title').textContent = tpl.title;
  document.title = `${tpl.title} – supervision-rules demo`;
  $('template-source').textContent = `From ${tpl.source}.`;

  const container = $('record-sections');
  for (const section of tpl.sections) {
    const headingId = `section-${section.id}-title`;
    const fieldset = el('fieldset', { class: 'section', id: `section-${section.id}` },
      el('legend', { class: 'section-legend' }, el('h2', { class: 'section-title', id: headingId, text: section.title })));
    for (const field of section.fields) {
      // A field that only repeats its section's title keeps its label for assistive
      // technology but does not show it twice.
      const repeatsTitle = section.fields.length === 1 && sameText(field.label, section.title);
      fieldset.append(renderField(field, repeatsTitle));
    }
    container.append(fieldset);
  }
}

function renderField(field, hideLabel) {
  const id = `f-${field.id}`;
  const hintIds = [];
  const labelText = [field.label, requiredNote(field)].join('');
  const hint = field.hint ? el('div', { class: 'hint', id: `${id}-hint`, text: field.hint }) : null;
  if (hint) hintIds.push(hint.id);
  const note = hideLabel && requiredNote(field) ? el('p', { class: 'label-note', text: requiredNote(field).trim() }) : null;

  if (field.type === 'actions' || field.type === 'children') {
    const legend = el('legend', { class: hideLabel ? 'visually-hidden' : 'label', text: hideLabel ? field.label : labelText });
    const cols = COLUMNS[field.type];
    const tbody = el('tbody', { id: `${id}-rows` });
    const table = el('table', { class: 'rows-table', id },
      el('caption', { class: 'visually-hidden', text: field.label }),
      el('thead', {}, el('tr', {},
        cols.map((c) => el('th', { scope: 'col', text: c.heading })),
        el('th', { scope: 'col' }, visuallyHidden('Remove row')))),
      tbody);
    const addButton = el('button', {
      type: 'button', class: 'button button-secondary button-small', id: `${id}-add`, text: `Add ${ROW_NOUN[field.type]}`,
    });
    addButton.addEventListener('click', () => addRow(field.id).querySelector('input').focus());
    const group = el('fieldset', {
      class: 'form-group govuk-form-group rows-group', id: `group-${field.id}`, 'aria-describedby': hintIds.join(' ') || null,
    }, legend, note, hint, el('div', { class: 'table-scroll' }, table), addButton);
    state.fields.set(field.id, { field, tbody, addButton });
    addRow(field.id);
    return group;
  }

  let control;
  const sigHint = field.type === 'signature'
    ? el('div', { class: 'hint', id: `${id}-sighint`, text: 'Type the full name of the person signing.' }) : null;
  if (sigHint) hintIds.push(sigHint.id);
  const common = { id, name: field.id, 'aria-describedby': hintIds.join(' ') || null };
  const text = { ...common, type: 'text', spellcheck: 'false', autocomplete: 'off' };
  switch (field.type) {
    case 'text':
      control = el('textarea', { ...common, class: 'textarea', rows: 5 });
      break;
    case 'date':
      control = el('input', { ...common, class: 'input input-date', type: 'date' });
      break;
    case 'time':
      control = el('input', { ...common, class: 'input input-time', type: 'time' });
      break;
    case 'number':
      control = el('input', { ...common, class: 'input input-short', type: 'text', inputmode: 'decimal', autocomplete: 'off' });
      break;
    case 'choice':
      control = el('select', { ...common, class: 'select' },
        el('option', { value: '', text: 'Select an option' }),
        (field.options || []).map((o) => el('option', { value: o, text: o })));
      break;
    case 'case-ids':
      control = el('input', { ...text, class: 'input' });
      break;
    default: // person, signature
      control = el('input', { ...text, class: 'input input-medium' });
  }
  const label = el('label', { class: hideLabel ? 'visually-hidden' : 'label', for: id, text: hideLabel ? field.label : labelText });
  state.fields.set(field.id, { field, control });
  return el('div', { class: 'form-group govuk-form-group', id: `group-${field.id}` }, label, note, sigHint, hint, control);
}

function addRow(fieldId, values = {}) {
  const entry = state.fields.get(fieldId);
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
  const entry = state.fields.get(fieldId);
  const index = [...entry.tbody.rows].indexOf(tr);
  tr.remove();
  renumberRows(fieldId);
  const remaining = [...entry.tbody.rows];
  const next = remaining[Math.min(index, remaining.length - 1)];
  (next ? next.querySelector('input') : entry.addButton).focus();
  // Row numbers in any shown messages have changed: the widget checks again.
  if (state.submitted) state.widget.validate();
}

/** Gives each row's inputs names, ids and labels that match their position ("action 2"). */
function renumberRows(fieldId) {
  const entry = state.fields.get(fieldId);
  const cols = COLUMNS[entry.field.type];
  const noun = ROW_NOUN[entry.field.type];
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  [...entry.tbody.rows].forEach((tr, i) => {
    const cells = [...tr.cells];
    cols.forEach((c, j) => {
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

// ---------------------------------------------------------------------------------------
// Record <-> form, for saving in this browser
// ---------------------------------------------------------------------------------------

/**
 * The record: a flat object keyed by field id. Empty inputs are left out; a table's rows
 * are kept as typed except empty rows at the end, so "action 2" in a message is the
 * second row on the screen.
 */
function readRecord() {
  const record = {};
  for (const [id, entry] of state.fields) {
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

function fillForm(record) {
  for (const [id, entry] of state.fields) {
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

// ---------------------------------------------------------------------------------------
// Saving: after the widget's check (a final save with errors never gets here)
// ---------------------------------------------------------------------------------------

function showPanel(title, ...body) {
  $('confirmation-title').textContent = title;
  $('confirmation-body').replaceChildren(...body);
  $('confirmation').hidden = false;
  $('confirmation').focus();
  $('confirmation').scrollIntoView({ block: 'start' });
}

function showStatus(text, kind = 'info') {
  const s = $('status');
  s.className = `status status-${kind}`;
  s.textContent = text;
  s.hidden = !text;
}

function save(draft) {
  const record = readRecord();
  const savedAt = new Date().toISOString();
  if (draft) {
    if (!store(DRAFT_KEY, { policy: POLICY, template: TEMPLATE, status: 'draft', savedAt, record })) {
      showStatus('The draft could not be saved: this browser does not allow local storage.', 'error');
      return;
    }
    showPanel('Draft saved', el('p', { text: 'Your draft has been saved in this browser. It is not the final record until you choose Save record.' }));
    return;
  }
  const records = load(RECORDS_KEY) || [];
  records.push({ policy: POLICY, template: TEMPLATE, status: 'final', savedAt, record });
  if (!store(RECORDS_KEY, records)) {
    showStatus('The record is complete but could not be saved: this browser does not allow local storage.', 'error');
    return;
  }
  try { localStorage.removeItem(DRAFT_KEY); } catch { /* nothing to remove */ }
  // The widget shows the warnings; the panel says how many (validate keeps the text in JS).
  const { warnings } = validate(POLICY, TEMPLATE, record, { mode: 'final' });
  const session = record.date ? ` for the session on ${longDate(record.date)}` : '';
  showPanel('Record saved',
    el('p', { text: `The record${session} is complete and has been saved in this browser.` }),
    warnings.length ? el('p', { text: `${warnings.length} thing${warnings.length === 1 ? '' : 's'} to check are shown with the form; they do not stop the record being saved.` }) : '');
}

// ---------------------------------------------------------------------------------------
// Due dates: schedule() drawn by renderSchedule()
// ---------------------------------------------------------------------------------------

function parseWorker() {
  try {
    const w = JSON.parse($('due-worker').value);
    if (!w || typeof w !== 'object' || Array.isArray(w)) return { error: 'Enter the worker as a JSON object, like the example' };
    return { worker: w };
  } catch {
    // The parser's own message would quote the text: say where to look instead.
    return { error: 'Enter the worker as valid JSON, like the example (check for missing quotes, commas or brackets)' };
  }
}

function dueProblem(message) {
  showError($('due-worker'), message);
  $('due-results').replaceChildren();
}

function runSchedule() {
  const parsed = parseWorker();
  if (parsed.error) {
    dueProblem(parsed.error);
    return;
  }
  const worker = parsed.worker;
  if (typeof worker.role === 'string' && [...$('due-role').options].some((o) => o.value === worker.role)) {
    $('due-role').value = worker.role;
  }
  try {
    const result = schedule(POLICY, worker, { asOf: $('due-asof').value || today() });
    showError($('due-worker'), null);
    renderSchedule($('due-results'), result, worker);
  } catch (e) {
    // The package's messages name the argument and what was expected, never the value.
    dueProblem(e.message);
  }
}

function setUpDuePanel() {
  const roles = policy(POLICY).roles;
  $('due-role').replaceChildren(...roles.map((r) => el('option', { value: r.id, text: `${r.id} – ${r.label}` })));
  $('due-role').value = EXAMPLE_WORKER.role;
  $('due-asof').value = today();
  $('due-worker').value = JSON.stringify(EXAMPLE_WORKER, null, 2);
  $('due-role').addEventListener('change', () => {
    const parsed = parseWorker();
    if (parsed.error) {
      dueProblem(parsed.error);
      return;
    }
    parsed.worker.role = $('due-role').value;
    $('due-worker').value = JSON.stringify(parsed.worker, null, 2);
    runSchedule();
  });
  $('due-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runSchedule();
  });
  runSchedule();
}

// ---------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------

async function main() {
  try {
    await init();
  } catch (e) {
    showStatus('The supervision-rules package could not be loaded. Build it first (make build), then serve this folder with make demo.', 'error');
    console.error(e);
    return;
  }
  let tpl;
  try {
    tpl = template(POLICY, TEMPLATE);
  } catch (e) {
    showStatus(`The form could not be shown: ${e.message}`, 'error');
    return;
  }
  renderForm(tpl);
  const form = $('record-form');
  form.hidden = false;
  // Before the widget's own (capture) listener: from the first submit on, the widget checks
  // as the user edits, and the page checks again when a row is removed.
  form.addEventListener('submit', () => {
    state.submitted = true;
    $('confirmation').hidden = true;
  }, { capture: true });
  state.widget = attach(form, { policy: POLICY, template: TEMPLATE, mode: 'final' });
  // Runs only when the widget let the submit through: a draft, or a final record with no
  // errors. "Save as draft" is a submit button with formnovalidate.
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // a demo: saved in this browser, nothing is sent
    save(Boolean(event.submitter && event.submitter.hasAttribute('formnovalidate')));
  });

  const draft = load(DRAFT_KEY);
  if (draft && draft.record && typeof draft.record === 'object') {
    fillForm(draft.record);
    showStatus(`Your draft saved on ${new Date(draft.savedAt).toLocaleString('en-GB')} has been restored.`, 'info');
  } else {
    showStatus('', 'info');
  }

  setUpDuePanel();
  document.documentElement.dataset.ready = 'true';
}

main();
