// The case-record demo page: renders a template of the supervision-rules package as a form,
// validates on save, and shows a worker's due dates. Plain DOM, no framework.
//
// Safety rules kept throughout: text reaches the DOM through textContent / text nodes only
// (never innerHTML), and validation never changes what the user typed.

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

const KIND_LABELS = {
  supervision: 'Supervision',
  'personal-supervision': 'Personal supervision',
  'case-supervision': 'Case supervision',
  'child-discussion': 'Child discussion in supervision',
  'agreement-review': 'Supervision agreement review',
  observation: 'Observation of practice',
  'write-up': 'Write-up of supervision',
  'asye-review': 'ASYE review',
  pdr: 'PDR',
};
const STATUS = {
  overdue: { label: 'Overdue', rank: 0 },
  'due-soon': { label: 'Due soon', rank: 1 },
  ok: { label: 'Not yet due', rank: 2 },
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

const $ = (id) => document.getElementById(id);

/** Creates an element. Strings among the children become text nodes. */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

function visuallyHidden(text) {
  return el('span', { class: 'visually-hidden', text });
}

/** Today in the browser's own time zone, as YYYY-MM-DD. */
function todayISO() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "2026-01-19" -> "Mon 19 January 2026" (no time zone involved). */
function longDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return iso;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

const sameText = (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase();

// ---------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------

/** field id -> { field, group, control?, tbody?, addButton?, errorBox, hintId } */
const fields = new Map();
let lib; // the package's exports, after init
let lastCheck = null; // { mode } of the last validation shown, to refresh it after a row is removed

function describe(control, ...ids) {
  const list = ids.filter(Boolean);
  if (list.length) control.setAttribute('aria-describedby', list.join(' '));
  else control.removeAttribute('aria-describedby');
}

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
  const hintId = field.hint ? `${id}-hint` : null;
  const errorBox = el('div', { class: 'error-message', id: `${id}-error`, hidden: true });
  const labelText = [field.label, requiredNote(field)].join('');
  const hint = field.hint ? el('div', { class: 'hint', id: hintId, text: field.hint }) : null;
  const entry = { field, errorBox, hintId };

  if (field.type === 'actions' || field.type === 'children') {
    const legend = el('legend', { class: hideLabel ? 'visually-hidden' : 'label', text: hideLabel ? field.label : labelText });
    const group = el('fieldset', { class: 'form-group rows-group', id: `group-${field.id}` }, legend, hint, errorBox);
    if (hideLabel && requiredNote(field)) {
      group.insertBefore(el('p', { class: 'label-note', text: requiredNote(field).trim() }), hint || errorBox);
    }
    const cols = COLUMNS[field.type];
    const tbody = el('tbody', { id: `${id}-rows` });
    const table = el('table', { class: 'rows-table', id },
      el('caption', { class: 'visually-hidden', text: field.label }),
      el('thead', {}, el('tr', {},
        cols.map((c) => el('th', { scope: 'col', text: c.heading })),
        el('th', { scope: 'col' }, visuallyHidden('Remove row')))),
      tbody);
    const noun = ROW_NOUN[field.type];
    const addButton = el('button', { type: 'button', class: 'button button-secondary button-small', id: `${id}-add`, text: `Add ${noun}` });
    addButton.addEventListener('click', () => {
      const row = addRow(field.id);
      row.querySelector('input').focus();
    });
    group.append(el('div', { class: 'table-scroll' }, table), addButton);
    Object.assign(entry, { group, tbody, addButton });
    fields.set(field.id, entry);
    describe(group, hintId);
    addRow(field.id);
    return group;
  }

  let control;
  const common = { id, name: field.id, 'aria-describedby': hintId };
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
      control = el('input', { ...common, class: 'input', type: 'text', spellcheck: 'false', autocomplete: 'off' });
      break;
    case 'signature':
      control = el('input', { ...common, class: 'input input-medium', type: 'text', spellcheck: 'false', autocomplete: 'off' });
      break;
    case 'person':
    default:
      control = el('input', { ...common, class: 'input input-medium', type: 'text', spellcheck: 'false', autocomplete: 'off' });
  }
  const label = el('label', { class: hideLabel ? 'visually-hidden' : 'label', for: id, text: hideLabel ? field.label : labelText });
  const group = el('div', { class: 'form-group', id: `group-${field.id}` }, label);
  if (hideLabel && requiredNote(field)) group.append(el('p', { class: 'label-note', text: requiredNote(field).trim() }));
  if (field.type === 'signature') {
    const sigHint = el('div', { class: 'hint', id: `${id}-sighint`, text: 'Type the full name of the person signing.' });
    group.append(sigHint);
    entry.hintId = [hintId, sigHint.id].filter(Boolean).join(' ');
    describe(control, entry.hintId);
  }
  group.append(hint || '', errorBox, control);
  Object.assign(entry, { group, control });
  fields.set(field.id, entry);
  return group;
}

function addRow(fieldId, values = {}) {
  const entry = fields.get(fieldId);
  const cols = COLUMNS[entry.field.type];
  const tr = el('tr', { class: 'row' });
  for (const c of cols) {
    const input = el('input', {
      class: `input ${c.type === 'date' ? 'input-date' : ''}`,
      type: c.type,
      'data-key': c.key,
      spellcheck: c.type === 'text' ? 'false' : null,
      autocomplete: 'off',
    });
    if (values[c.key] !== undefined && values[c.key] !== null) input.value = String(values[c.key]);
    const label = el('label', { class: 'visually-hidden' });
    const cellError = el('div', { class: 'error-message', hidden: true });
    tr.append(el('td', {}, label, cellError, input));
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
  const rows = [...entry.tbody.rows];
  const index = rows.indexOf(tr);
  tr.remove();
  renumberRows(fieldId);
  const remaining = [...entry.tbody.rows];
  const next = remaining[Math.min(index, remaining.length - 1)];
  (next ? next.querySelector('input') : entry.addButton).focus();
  // Row numbers in any shown messages have changed: check again (without saving).
  if (lastCheck) runCheck(lastCheck.mode, { save: false, moveFocus: false });
}

/** Gives each row's inputs ids and labels that match their position ("action 2"). */
function renumberRows(fieldId) {
  const entry = fields.get(fieldId);
  const cols = COLUMNS[entry.field.type];
  const noun = ROW_NOUN[entry.field.type];
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  [...entry.tbody.rows].forEach((tr, i) => {
    const cells = [...tr.cells];
    cols.forEach((c, j) => {
      const id = `f-${fieldId}-${i}-${c.key}`;
      const input = cells[j].querySelector('input');
      const label = cells[j].querySelector('label');
      const cellError = cells[j].querySelector('.error-message');
      input.id = id;
      input.name = `${fieldId}[${i}].${c.key}`;
      label.htmlFor = id;
      label.textContent = `${Noun} ${i + 1}, ${c.cell}`;
      cellError.id = `${id}-error`;
    });
    const remove = tr.querySelector('.remove-row');
    remove.replaceChildren('Remove', visuallyHidden(` ${noun} ${i + 1}`));
  });
}

// ---------------------------------------------------------------------------------------
// Record <-> form
// ---------------------------------------------------------------------------------------

/**
 * The record: a flat object keyed by field id. Empty inputs are left out; a table's rows
 * are kept as typed except empty rows at the end, so "action 2" in a message is the
 * second row on the screen.
 */
function readRecord() {
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
    } else {
      const value = entry.control.value;
      if (value.trim() !== '') record[id] = value;
    }
  }
  return record;
}

function fillForm(record) {
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

// ---------------------------------------------------------------------------------------
// Findings -> page
// ---------------------------------------------------------------------------------------

const PATH_RE = /^([A-Za-z][A-Za-z0-9_-]*)(?:\[(\d+)\](?:\.([A-Za-z]+))?)?$/;

/** Where a finding's path points: the control to focus and where its message goes. */
function locate(path) {
  const m = PATH_RE.exec(path || '');
  const entry = m && fields.get(m[1]);
  if (!entry) return null;
  if (!entry.tbody) return { entry, target: entry.control, box: entry.errorBox, controls: [entry.control] };
  const rows = [...entry.tbody.rows];
  const rowInputs = (tr) => [...tr.querySelectorAll('input')];
  if (m[2] !== undefined) {
    const tr = rows[Number(m[2])];
    if (tr && m[3]) {
      const input = tr.querySelector(`input[data-key="${m[3]}"]`);
      if (input) return { entry, target: input, box: input.parentElement.querySelector('.error-message'), controls: [input] };
    }
    if (tr) return { entry, target: rowInputs(tr)[0], box: entry.errorBox, controls: rowInputs(tr) };
  }
  const first = rows.length ? rowInputs(rows[0])[0] : entry.addButton;
  return { entry, target: first, box: entry.errorBox, controls: rows.flatMap(rowInputs), group: true };
}

function clearFindings() {
  for (const entry of fields.values()) {
    entry.group.classList.remove('form-group-error');
    entry.errorBox.replaceChildren();
    entry.errorBox.hidden = true;
    if (entry.tbody) {
      describe(entry.group, entry.hintId);
      for (const td of entry.tbody.querySelectorAll('td')) td.classList.remove('cell-error');
      for (const box of entry.tbody.querySelectorAll('.error-message')) {
        box.replaceChildren();
        box.hidden = true;
      }
      for (const input of entry.tbody.querySelectorAll('input')) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
        input.classList.remove('input-error');
      }
    } else {
      entry.control.removeAttribute('aria-invalid');
      entry.control.classList.remove('input-error');
      describe(entry.control, entry.hintId);
    }
  }
  $('error-summary').hidden = true;
  $('error-summary-list').replaceChildren();
  $('warning-summary').hidden = true;
  $('warning-summary-list').replaceChildren();
  document.title = document.title.replace(/^Error: /, '');
}

function addMessage(box, message, prefix) {
  box.append(el('p', {}, visuallyHidden(`${prefix}: `), message));
  box.hidden = false;
}

/** A list item linking to the control a finding is about. */
function findingLink(finding) {
  const where = locate(finding.path);
  const item = el('li', {});
  if (where && where.target) {
    const a = el('a', { href: `#${where.target.id}`, text: finding.message });
    a.addEventListener('click', (event) => {
      event.preventDefault();
      const target = locate(finding.path)?.target || where.target;
      const group = target.closest('.form-group');
      target.focus({ preventScroll: true });
      (group || target).scrollIntoView({ block: 'start' });
    });
    item.append(a);
  } else {
    item.append(el('span', { text: finding.message }));
  }
  if (finding.source) item.append(' ', el('span', { class: 'finding-source', text: `(${finding.source})` }));
  return item;
}

function showFindings(report) {
  clearFindings();
  for (const f of report.errors) {
    const where = locate(f.path);
    if (!where) continue;
    addMessage(where.box, f.message, 'Error');
    where.entry.group.classList.add('form-group-error');
    for (const c of where.controls) {
      c.setAttribute('aria-invalid', 'true');
      c.classList.add('input-error');
    }
    if (where.entry.tbody) {
      if (where.box === where.entry.errorBox) {
        describe(where.entry.group, where.entry.hintId, where.box.id);
        for (const c of where.controls) describe(c, where.box.id);
      } else {
        where.box.parentElement.classList.add('cell-error');
        describe(where.target, where.box.id);
      }
    } else {
      describe(where.target, where.entry.hintId, where.box.id);
    }
  }
  if (report.warnings.length) {
    $('warning-summary-list').replaceChildren(...report.warnings.map(findingLink));
    $('warning-summary').hidden = false;
  }
}

function showErrorSummary(report, moveFocus) {
  $('error-summary-list').replaceChildren(...report.errors.map(findingLink));
  $('error-summary').hidden = false;
  if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
  if (moveFocus) {
    $('error-summary').focus();
    $('error-summary').scrollIntoView({ block: 'start' });
  }
}

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

// ---------------------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------------------

function store(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function load(key) {
  try {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** Validates the form in `mode`, shows the findings, and saves as the mode allows. */
function runCheck(mode, { save = true, moveFocus = true } = {}) {
  const record = readRecord();
  let report;
  try {
    report = lib.validate(POLICY, TEMPLATE, record, { mode, today: todayISO() });
  } catch (e) {
    showStatus(`The record could not be checked: ${e.message}`, 'error');
    return;
  }
  lastCheck = { mode };
  showFindings(report);

  if (mode === 'final') {
    if (!report.valid) {
      $('confirmation').hidden = true;
      showErrorSummary(report, moveFocus);
      return;
    }
    if (!save) return;
    const savedAt = new Date().toISOString();
    const records = load(RECORDS_KEY) || [];
    records.push({ policy: POLICY, template: TEMPLATE, status: 'final', savedAt, record });
    if (!store(RECORDS_KEY, records)) {
      showStatus('The record is complete but could not be saved: this browser does not allow local storage.', 'error');
      return;
    }
    try { localStorage.removeItem(DRAFT_KEY); } catch { /* nothing to remove */ }
    lastCheck = null;
    const session = record.date ? ` for the session on ${longDate(record.date)}` : '';
    showPanel('Record saved',
      el('p', { text: `The record${session} is complete and has been saved in this browser.` }),
      report.warnings.length ? el('p', { text: `${report.warnings.length} thing${report.warnings.length === 1 ? '' : 's'} to check are listed below; they do not stop the record being saved.` }) : '');
    return;
  }

  // Draft: always saved; problems that would block the final record are listed with it.
  if (!save) return; // a refresh after a row was removed: the inline messages are enough
  $('error-summary').hidden = true;
  const savedAt = new Date().toISOString();
  if (!store(DRAFT_KEY, { policy: POLICY, template: TEMPLATE, status: 'draft', savedAt, record })) {
    showStatus('The draft could not be saved: this browser does not allow local storage.', 'error');
    return;
  }
  const body = [el('p', { text: 'Your draft has been saved in this browser. It is not the final record until you choose Save record.' })];
  if (report.errors.length) {
    body.push(el('p', { text: 'Fix these before saving the final record:' }), el('ul', { class: 'panel-list' }, report.errors.map(findingLink)));
  }
  showPanel('Draft saved', ...body);
}

// ---------------------------------------------------------------------------------------
// Due dates panel
// ---------------------------------------------------------------------------------------

function setDueError(message) {
  const group = $('due-worker-group');
  let box = $('due-worker-error');
  const textarea = $('due-worker');
  if (!message) {
    if (box) box.remove();
    group.classList.remove('form-group-error');
    textarea.removeAttribute('aria-invalid');
    textarea.classList.remove('input-error');
    describe(textarea, 'due-worker-hint');
    return;
  }
  if (!box) {
    box = el('div', { class: 'error-message', id: 'due-worker-error' });
    group.insertBefore(box, textarea);
  }
  box.replaceChildren(el('p', {}, visuallyHidden('Error: '), message));
  group.classList.add('form-group-error');
  textarea.setAttribute('aria-invalid', 'true');
  textarea.classList.add('input-error');
  describe(textarea, 'due-worker-hint', 'due-worker-error');
}

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

function renderSchedule(result) {
  const out = $('due-results');
  const obligations = [...result.obligations].sort((a, b) =>
    (STATUS[a.status]?.rank ?? 9) - (STATUS[b.status]?.rank ?? 9) || a.due.localeCompare(b.due));
  const list = el('ol', { class: 'obligations', id: 'obligations' },
    obligations.map((o) => el('li', { class: `obligation obligation-${o.status}`, 'data-kind': o.kind, 'data-due': o.due, 'data-status': o.status },
      el('p', { class: 'obligation-head' },
        el('strong', { class: `tag tag-${o.status}`, text: STATUS[o.status]?.label || o.status }), ' ',
        el('span', { class: 'obligation-kind', text: KIND_LABELS[o.kind] || o.kind }),
        o.kind === 'child-discussion' ? el('span', { class: 'obligation-subject', text: ` (case ${o.subject})` }) : ''),
      el('p', { class: 'obligation-due' }, 'Due ', el('time', { datetime: o.due, text: longDate(o.due) }), el('span', { class: 'iso', text: ` (${o.due})` })),
      el('p', { class: 'obligation-reason', text: o.reason }),
      el('p', { class: 'finding-source', text: `Source: ${o.source}` }))));
  const counts = ['overdue', 'due-soon'].map((s) => obligations.filter((o) => o.status === s).length);
  out.replaceChildren(
    el('h3', { id: 'obligations-title', text: `What is due as of ${longDate(result.asOf)}` }),
    el('p', { class: 'due-counts', text: `${counts[0]} overdue, ${counts[1]} due soon, ${obligations.length} in all.` }),
    obligations.length ? list : el('p', { text: 'Nothing is due.' }),
    el('h3', { text: 'Past breaches of the policy' }),
    result.breaches.length
      ? el('ul', { class: 'breaches', id: 'breaches' }, result.breaches.map((b) => el('li', {},
          // A run of breaches (docs/finding-codes.md, Runs): how many, then the message.
          b.run ? el('p', { class: 'breach-run', text: `${b.run.count} times in a row` }) : null,
          el('p', { text: b.message }), el('p', { class: 'finding-source', text: `Source: ${b.source}` }))))
      : el('p', { text: 'None found.' }));
}

function runSchedule() {
  const parsed = parseWorker();
  if (parsed.error) {
    setDueError(parsed.error);
    $('due-results').replaceChildren();
    return;
  }
  const worker = parsed.worker;
  if (typeof worker.role === 'string' && [...$('due-role').options].some((o) => o.value === worker.role)) {
    $('due-role').value = worker.role;
  }
  const asOf = $('due-asof').value || todayISO();
  try {
    const result = lib.schedule(POLICY, worker, { asOf });
    setDueError(null);
    renderSchedule(result);
  } catch (e) {
    // The package's messages name the argument and what was expected, never the value.
    setDueError(e.message);
    $('due-results').replaceChildren();
  }
}

function setUpDuePanel() {
  const roles = lib.policy(POLICY).roles;
  $('due-role').replaceChildren(...roles.map((r) => el('option', { value: r.id, text: `${r.id} – ${r.label}` })));
  $('due-role').value = EXAMPLE_WORKER.role;
  $('due-asof').value = todayISO();
  $('due-worker').value = JSON.stringify(EXAMPLE_WORKER, null, 2);
  $('due-role').addEventListener('change', () => {
    const parsed = parseWorker();
    if (parsed.error) {
      setDueError(parsed.error);
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
    lib = await import('../pkg/index.js');
    await lib.default();
  } catch (e) {
    showStatus('The supervision-rules package could not be loaded. Build it first (make build), then serve this folder with make demo.', 'error');
    console.error(e);
    return;
  }
  let tpl;
  try {
    tpl = lib.template(POLICY, TEMPLATE);
  } catch (e) {
    showStatus(`The form could not be shown: ${e.message}`, 'error');
    return;
  }
  renderForm(tpl);
  const form = $('record-form');
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runCheck('final');
  });
  $('save-draft').addEventListener('click', () => runCheck('draft'));

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
