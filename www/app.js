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
import { $, el, today, longDate, load, store } from './common.js';
import { recordForm } from './record-form.js';

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

// The page's state, in one place.
const state = {
  /** The form recordForm() built: its record read and filled. */
  form: null,
  /** The widget attach() gave. */
  widget: null,
  /** Whether the form has been submitted (the widget then checks it as the user edits). */
  submitted: false,
};

// ---------------------------------------------------------------------------------------
// The form: built by record-form.js, the one form builder of the demo pages
// ---------------------------------------------------------------------------------------

function renderForm(tpl) {
  $('page-title').textContent = tpl.title;
  document.title = `${tpl.title} – supervision-rules demo`;
  $('template-source').textContent = `From ${tpl.source}.`;
  // Row numbers in any shown messages change when a row goes: the widget checks again.
  state.form = recordForm(tpl, { onRowRemoved: () => { if (state.submitted) state.widget.validate(); } });
  $('record-sections').replaceChildren(...state.form.sections);
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
  const record = state.form.read();
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
    state.form.fill(draft.record);
    showStatus(`Your draft saved on ${new Date(draft.savedAt).toLocaleString('en-GB')} has been restored.`, 'info');
  } else {
    showStatus('', 'info');
  }

  setUpDuePanel();
  document.documentElement.dataset.ready = 'true';
}

main();
