// The team page: a team manager's view of a team or a whole service, from CSV or JSON
// exports. Files are read here, in the browser; nothing is sent anywhere, and no record data
// is stored (only the column choices, in localStorage, for next time).
//
// Safety rules kept throughout: text reaches the DOM through textContent / text nodes only
// (never innerHTML); messages never echo a cell's value (a caseload holds children's ids).

import init, * as sr from './pkg/widget/index.js';
import { $, el, today, longDate } from './common.js';
import {
  FIELDS, guessMapping, unmapped, parseText, counts, byUrgency, complianceSeries, overdueCsv, runsCsv, readingsCsv, groupActions,
} from './pkg/team/index.js';
import { syntheticService, DEMO } from './synthetic-service.js';

const MAPPING_KEY = (kind) => `supervision-rules:team-mapping:${kind}`;
const KINDS = ['sessions', 'caseload', 'duties', 'actions'];
const KIND_LABEL = { sessions: 'Supervision sessions', caseload: 'Caseload', duties: 'Team duties', actions: 'Actions agreed' };
const kindLabel = (kind) => labels.kinds[kind] || String(kind).replace(/-/g, ' ');
const words = (id) => String(id).replace(/-/g, ' ');

// ---- state: all of the page's, here ------------------------------------------------------
// The package's words for statuses and obligation kinds (labels()), as its due-dates panel
// shows them: set once the module is loaded.
let labels = { statuses: {}, kinds: {} };
const files = {}; // kind -> {name, headers, rows:[{line, cells}]}
let view = null; // {workers, children, duties, actions}
let workerMeta = new Map(); // worker id -> their row (team, role)
let compliance = null;
let actionsBy = 'worker';
// The scheduling runs in a module worker (team-worker.js) so the page is never held.
const scheduler = new Worker(new URL('./team-worker.js', import.meta.url), { type: 'module' });
let run = 0;
const ROWS_A_MESSAGE = 5_000;
const handlers = new Map(); // message type -> handler of the current run
let sort = { key: 'status', dir: 'ascending' };
let policyId = 'havering';
let asOf = today();
let progressFrom = 0; // when the current load began (performance.now())
// The filters' values, read once a render rather than twice a row (240,000 children).
let picked = { team: '', role: '' };

function status(text, kind = 'info') {
  const s = $('status');
  s.textContent = text;
  s.className = `status status-${kind}`;
  s.hidden = !text;
}

// ---- reading files ---------------------------------------------------------------------
function rememberedMapping(kind, headers) {
  try {
    const saved = JSON.parse(localStorage.getItem(MAPPING_KEY(kind)) || 'null');
    if (saved && Object.values(saved).every((h) => headers.includes(h))) return saved;
  } catch { /* a broken entry is ignored */ }
  return null;
}

function showMapping(kind) {
  const f = files[kind];
  const box = $(`map-${kind}`);
  box.replaceChildren();
  if (!f) return;
  const mapping = rememberedMapping(kind, f.headers) || guessMapping(kind, f.headers);
  const fs = el('fieldset', { class: 'form-group mapping' },
    el('legend', { class: 'label', text: `Columns in ${f.name}` }),
    el('p', { class: 'hint', text: `${f.rows.length} rows. Choose the column that holds each item; your choices are remembered on this device for next time (the columns, never the data).` }));
  for (const field of FIELDS[kind]) {
    const id = `map-${kind}-${field.key}`;
    const select = el('select', { class: 'select', id, 'data-kind': kind, 'data-field': field.key });
    select.append(el('option', { value: '', text: field.required ? 'Choose a column' : 'Not in this file' }));
    for (const h of f.headers) select.append(el('option', { value: h, text: h, selected: mapping[field.key] === h }));
    fs.append(el('div', { class: 'mapping-row' },
      el('label', { class: 'label', for: id, text: `${field.label}${field.required ? '' : ' (optional)'}` }), select));
  }
  box.append(fs);
}

function mappingOf(kind) {
  const mapping = {};
  for (const s of document.querySelectorAll(`select[data-kind="${kind}"]`)) if (s.value) mapping[s.dataset.field] = s.value;
  return mapping;
}

async function readFile(kind, file) {
  const text = await file.text();
  // Small chunks: each is one task of the page's, kept well under 50 ms.
  const parsed = await parseText(text, window.Papa, { chunkSize: 48 * 1024 });
  if (parsed.error) {
    delete files[kind];
    showMapping(kind);
    return parsed.error;
  }
  files[kind] = { name: file.name, ...parsed };
  showMapping(kind);
  return null;
}

// ---- loading ---------------------------------------------------------------------------
function showImportErrors(errors) {
  const box = $('import-errors');
  box.hidden = errors.length === 0;
  $('import-errors-title').textContent = errors.length === 1 ? '1 row could not be read' : `${errors.length} rows could not be read`;
  // Every row not read, a page at a time (a file of 200,000 bad rows draws 100 rows).
  showPage($('import-errors-body'), errors, (e) => el('tr', {}, el('td', { text: e.file }),
    el('td', { text: e.line === undefined ? '' : String(e.line) }), el('td', { text: e.reason })), 'Rows not read');
}

// ---- paged tables ------------------------------------------------------------------------
// A table shows PAGE_ROWS rows at a time, with Previous and Next below it: 20,000 workers or
// 200,000 children draw one page (a few thousand elements), never the whole list.
const PAGE_ROWS = 100;
const paged = new WeakMap(); // tbody -> {items, make, page, nav}

/** Shows page `page` of `items` in `body` (make(item) -> <tr>), and a pager below the table
 *  when there is more than one page. `what` names the rows for the pager's label. */
function showPage(body, items, make, what, page = 0) {
  let state = paged.get(body);
  if (!state) {
    state = { nav: pagerFor(body, what) };
    paged.set(body, state);
  }
  const pages = Math.max(1, Math.ceil(items.length / PAGE_ROWS));
  Object.assign(state, { items, make, page: Math.min(Math.max(0, page), pages - 1) });
  const from = state.page * PAGE_ROWS;
  const frag = document.createDocumentFragment();
  for (const item of items.slice(from, from + PAGE_ROWS)) frag.append(make(item));
  body.replaceChildren(frag);
  const { nav } = state;
  nav.hidden = pages === 1;
  nav.querySelector('[data-page-label]').textContent =
    `${what} ${items.length ? from + 1 : 0} to ${Math.min(from + PAGE_ROWS, items.length)} of ${items.length}`;
  nav.querySelector('[data-page="previous"]').disabled = state.page === 0;
  nav.querySelector('[data-page="next"]').disabled = state.page === pages - 1;
}

/** The pager after `body`'s table (made once): its label is live, for a screen reader. */
function pagerFor(body, what) {
  const nav = el('nav', { class: 'pager no-print', 'aria-label': `${what}: pages` },
    el('p', { 'data-page-label': true, 'aria-live': 'polite' }),
    el('button', { type: 'button', class: 'button button-secondary', 'data-page': 'previous', text: 'Previous page' }),
    el('button', { type: 'button', class: 'button button-secondary', 'data-page': 'next', text: 'Next page' }));
  nav.hidden = true;
  nav.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-page]');
    const state = paged.get(body);
    if (!b || !state) return;
    showPage(body, state.items, state.make, what, state.page + (b.dataset.page === 'next' ? 1 : -1));
    if (b.disabled) nav.querySelector('button:not([disabled])')?.focus();
  });
  const table = body.closest('table');
  (table.parentElement.classList.contains('table-scroll') ? table.parentElement : table).after(nav);
  return nav;
}

// ---- the data step, folded once the service is shown --------------------------------------
/** Opens or folds the data step (the files, their columns and the rows not read). */
function setDataStep(open) {
  $('data-step-body').hidden = !open;
  $('data-toggle').setAttribute('aria-expanded', String(open));
}

/** Folds the data step to what was loaded (each file, its rows, the rows not read), so the
 *  service comes first; `Change the data` opens it again. */
function foldDataStep(errors) {
  const list = $('data-loaded-files');
  list.replaceChildren();
  for (const kind of KINDS) {
    const f = files[kind];
    if (!f) continue;
    const refused = errors.filter((e) => e.file === f.name).length;
    const rows = `${f.rows.length} ${f.rows.length === 1 ? 'row' : 'rows'}`;
    list.append(el('li', { text: `${KIND_LABEL[kind]}: ${f.name}, ${rows}${refused ? ` (${refused} not read)` : ''}` }));
  }
  $('data-loaded-intro').textContent = errors.length
    ? `Loaded, but ${errors.length === 1 ? '1 row' : `${errors.length} rows`} could not be read (Change the data lists them):`
    : 'Loaded (every row read):';
  $('data-loaded').hidden = false;
  // Focus was on the button that loaded the data, now folded away: the service comes next.
  const moved = $('data-step-body').contains(document.activeElement);
  setDataStep(false);
  if (moved) $('results-title').focus();
}

function progress(done, total, label) {
  const box = $('progress-box');
  if (total === undefined) {
    box.hidden = true;
    return;
  }
  $('progress-label').textContent = label;
  $('progress').max = total;
  $('progress').value = done;
  // Only for a load that takes a while: a small team's view appears without it flashing.
  if (box.hidden && performance.now() - progressFrom > 200) box.hidden = false;
}

/** Sends the rows chosen to the worker; resolves when the workers' table is shown. */
async function load() {
  const t0 = performance.now();
  policyId = $('policy').value;
  asOf = $('as-of').value || today();
  const missing = [];
  if (!files.sessions) missing.push('Choose a file of supervision sessions');
  for (const kind of KINDS) {
    if (!files[kind]) continue;
    const gaps = unmapped(kind, mappingOf(kind));
    if (gaps.length) missing.push(`${KIND_LABEL[kind]}: choose the column for ${gaps.join(', ')}`);
  }
  if (missing.length) {
    status(missing.join('. ') + '.', 'error');
    return;
  }
  const sent = {};
  for (const kind of KINDS) {
    const f = files[kind];
    if (!f) continue;
    const mapping = mappingOf(kind);
    try {
      localStorage.setItem(MAPPING_KEY(kind), JSON.stringify(mapping));
    } catch { /* storage full or blocked: nothing lost but the convenience */ }
    sent[kind] = { name: f.name, headers: f.headers, rows: f.rows, mapping };
  }
  status('Reading the rows…');
  // The rows go to the worker in slices, a short task each: one message of 500,000 rows
  // (20,000 workers) held the page 340 ms while it was copied.
  const id = ++run;
  for (const [kind, f] of Object.entries(sent)) {
    for (let i = 0; i < f.rows.length; i += ROWS_A_MESSAGE) {
      scheduler.postMessage({ type: 'rows-in', run: id, kind, rows: f.rows.slice(i, i + ROWS_A_MESSAGE) });
      await new Promise((r) => setTimeout(r, 0));
      if (id !== run) return;
    }
    sent[kind] = { ...f, rows: null };
  }
  delete document.body.dataset.loaded;
  compliance = null;
  $('chart-section').hidden = true;
  const rows = { workers: [], children: [], runs: [], readings: [] };
  let total = 0;
  let children = 0;
  let readErrors = [];
  status('Reading the rows…');
  progressFrom = performance.now();
  progress(0, 1, 'Reading the rows');
  await new Promise((resolve, reject) => {
    handlers.clear();
    handlers.set('error', (m) => {
      progress();
      if (m.errors) showImportErrors(m.errors);
      status(`The service could not be worked out: ${m.message}`, 'error');
      reject(new Error(m.message));
    });
    handlers.set('read', (m) => {
      showImportErrors(m.errors);
      readErrors = m.errors;
      total = m.workers;
      children = m.children;
      if (!total) {
        view = { workers: [], children: [], duties: [], actions: [] };
        workerMeta = new Map();
      }
      status(`Working out due dates for ${total} workers and ${children} children…`);
      progress(0, total || 1, `Working out due dates: 0 of ${total} workers`);
    });
    handlers.set('rows', (m) => {
      rows.workers.push(...m.workers);
      for (const c of m.children) rows.children.push(c);
      for (const r of m.runs || []) rows.runs.push(r);
      for (const r of m.readings || []) rows.readings.push(r);
      progress(m.done, m.total, `Working out due dates: ${m.done} of ${m.total} workers`);
      if (m.done < m.total) return;
      // The summary, the workers' table, the data step folded and the children's table, a
      // task each: at 20,000 workers and 240,000 children, one task of them all took 190 ms.
      performance.mark('team:table');
      view = { workers: rows.workers, children: rows.children, duties: [], actions: [] };
      workerMeta = new Map(view.workers.map((w) => [w.id, w]));
      fillFilters();
      renderSummary();
      const shown = id;
      const next = (fn) => setTimeout(() => { if (shown === run) fn(); }, 0);
      next(() => {
        $('results').hidden = false;
        renderWorkers(view.workers.filter(chosen), () => {
          performance.mark('team:table-shown');
          document.body.dataset.loadMs = String(Math.round(performance.now() - t0));
          if (window.__chosen !== undefined) document.body.dataset.chosenToTableMs = String(Math.round(performance.now() - window.__chosen));
          next(() => foldDataStep(readErrors));
          next(() => renderChildren(view.children.filter((r) => r.status === 'overdue' && chosen(r)).sort(urgency)));
        });
      });
    });
    handlers.set('rest', (m) => {
      if (!view) view = { workers: [], children: [], duties: [], actions: [] };
      view.duties = m.duties;
      view.runs = sortRuns([...rows.runs, ...(m.runs || [])]);
      // In the workers' order, as the chunks came: not sorted here, to keep the main thread free.
      view.readings = rows.readings.concat(m.readings || []);
      view.actions = m.actions;
      $('results').hidden = false;
      if (!total) { fillFilters(); renderSummary(); renderWorkers([]); renderChildren([]); foldDataStep(readErrors); }
      setTimeout(() => { renderDuties(); renderRuns(); renderActions(); }, 0);
      setTimeout(renderReadings, 0);
      status(`Showing ${total} workers and ${children} children, as of ${longDate(asOf)}. Working out the last 12 months…`);
      progress(0, 12, 'Working out the last 12 months: 0 of 12');
      resolve();
    });
    handlers.set('compliance-progress', (m) => progress(m.done, m.total, `Working out the last 12 months: ${m.done} of ${m.total}`));
    handlers.set('compliance', (m) => {
      compliance = { ends: m.ends, table: m.table };
      renderChart();
      progress();
      status(`Showing ${total} workers and ${children} children, as of ${longDate(asOf)}.`);
      document.body.dataset.loaded = 'true';
    });
    performance.mark('team:send');
    scheduler.postMessage({ type: 'run', run: id, policyId, asOf, dueSoonDays: 7, files: sent });
    performance.mark('team:sent');
  });
}

scheduler.addEventListener('message', (ev) => {
  if (ev.data.run !== run) return; // a run replaced by a newer one
  handlers.get(ev.data.type)?.(ev.data);
});
scheduler.addEventListener('error', () => {
  progress();
  status('The due dates could not be worked out: this browser could not start the page\'s worker.', 'error');
});

// ---- the view --------------------------------------------------------------------------
function fillFilters() {
  const fill = (select, values, all) => {
    const keep = select.value;
    select.replaceChildren(el('option', { value: '', text: all }));
    for (const v of values) select.append(el('option', { value: v, text: v }));
    select.value = values.includes(keep) ? keep : '';
  };
  fill($('filter-team'), [...new Set(view.workers.map((w) => w.team))].sort(), 'All teams');
  fill($('filter-role'), [...new Set(view.workers.map((w) => w.role))].sort(), 'All roles');
  readFilters();
}

const readFilters = () => { picked = { team: $('filter-team').value, role: $('filter-role').value }; };
const chosen = (r) => (!picked.team || r.team === picked.team) && (!picked.role || r.role === picked.role);

function renderSummary() {
  const all = !picked.team && !picked.role;
  const workers = all ? view.workers : view.workers.filter(chosen);
  const children = all ? view.children : view.children.filter(chosen);
  const w = counts(workers);
  const c = counts(children);
  const card = (id, n, label) => { $(id).textContent = String(n); $(`${id}-label`).textContent = label; };
  card('sum-workers-overdue', w.overdue, w.overdue === 1 ? 'worker overdue' : 'workers overdue');
  card('sum-workers-soon', w.dueSoon, 'due within 7 days');
  card('sum-workers-ok', w.ok, 'on time');
  card('sum-children-overdue', c.overdue, c.overdue === 1 ? 'child not discussed on time' : 'children not discussed on time');
  card('sum-children-soon', c.dueSoon, 'due within 7 days');
  card('sum-children-ok', c.ok, 'on time');
}

/** The whole view again, for the rows chosen (a filter or a sort changed). */
function render() {
  readFilters();
  renderSummary();
  renderWorkers(view.workers.filter(chosen));
  renderChildren(view.children.filter((r) => r.status === 'overdue' && chosen(r)).sort(urgency));
  renderDuties();
  renderRuns();
  renderReadings();
  renderActions();
  if (compliance) renderChart();
}

/** An action's worker is in the rows chosen (actions of a worker not listed are kept). */
const actionChosen = (a) => {
  const w = workerMeta.get(a.worker);
  return !w || chosen(w);
};

const byUrgencyDuty = (a, b) => byUrgency({ ...a, id: a.subject }, { ...b, id: b.subject });

function tag(statusValue) {
  return el('strong', { class: `tag tag-${statusValue}`, text: labels.statuses[statusValue] || statusValue });
}

// byUrgency's order, with ids compared by their code units rather than localeCompare (one
// collation a call): sorting 30,000 overdue children took 170 ms that way, 15 ms this way.
const COLLATE = new Intl.Collator().compare;
const URGENCY = { overdue: 0, 'due-soon': 1, ok: 2 };
const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const urgency = (a, b) => URGENCY[a.status] - URGENCY[b.status] || byCode(a.due || '9999', b.due || '9999') || byCode(a.id, b.id);

const SORTS = {
  id: (a, b) => COLLATE(a.id, b.id),
  team: (a, b) => COLLATE(a.team, b.team) || urgency(a, b),
  role: (a, b) => COLLATE(a.role, b.role) || urgency(a, b),
  status: urgency,
  due: (a, b) => (a.due || '9999').localeCompare(b.due || '9999') || a.id.localeCompare(b.id),
};

function renderWorkers(rows, done) {
  const sorted = rows.slice().sort(SORTS[sort.key]);
  if (sort.dir === 'descending') sorted.reverse();
  for (const th of document.querySelectorAll('#workers-table th[data-sort]')) {
    th.setAttribute('aria-sort', th.dataset.sort === sort.key ? sort.dir : 'none');
  }
  showPage($('workers-body'), sorted, (r) => {
    const open = el('button', { type: 'button', class: 'link-button', 'data-worker': r.id, text: r.id });
    open.setAttribute('aria-label', `${r.id}: show due dates`);
    return el('tr', { 'data-status': r.status },
      el('th', { scope: 'row' }, open), el('td', { text: r.team }), el('td', { text: r.role }),
      el('td', {}, tag(r.status)), el('td', { text: longDate(r.due) }), el('td', { text: kindLabel(r.what) }));
  }, 'Workers');
  done?.();
  $('workers-count').textContent = `${rows.length} ${rows.length === 1 ? 'worker' : 'workers'}`;
}

const filling = new WeakMap(); // element -> the fill under way (a newer one stops it)

function renderDuties() {
  const team = $('filter-team').value;
  const rows = view.duties.filter((d) => !team || d.team === team).sort(byUrgencyDuty);
  // Paged as the workers are: 1,000 teams' duties are thousands of rows.
  showPage($('duties-body'), rows, (d) => el('tr', {}, el('td', { text: d.team }), el('td', { text: kindLabel(d.kind) }), el('td', { text: d.subject }),
    el('td', {}, tag(d.status)), el('td', { text: longDate(d.due) }), el('td', { class: 'finding-source', text: d.source })), 'Team duties');
  $('duties-none').hidden = rows.length > 0;
  $('duties-table').hidden = rows.length === 0;
}

// Breaches repeated period after period (docs/finding-codes.md, Runs): the longest first.
// Compared as plain strings (ISO dates, ids): localeCompare over tens of thousands of rows
// held the page.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sortRuns = (runs) => runs.sort((a, b) => b.count - a.count || cmp(a.first, b.first) || cmp(a.id, b.id));
const runsShown = () => (view.runs || []).filter((r) => !$('filter-team').value || r.team === $('filter-team').value);

function renderRuns() {
  const rows = runsShown();
  // Paged as the workers are: a large service has thousands of runs.
  showPage($('runs-body'), rows, (r) => el('tr', { 'data-run-count': r.count },
    el('td', { text: r.subject === 'worker' ? 'The worker' : r.subject === 'child' ? `Case ${r.id}` : 'The team' }),
    el('td', { text: r.worker }), el('td', { text: r.team }), el('td', { text: words(r.rule || r.code) }),
    el('td', { text: String(r.count) }), el('td', { text: longDate(r.first) }), el('td', { text: longDate(r.last) })),
  'Repeated breaches');
  $('runs-none').hidden = rows.length > 0;
  $('runs-table').hidden = rows.length === 0;
}

function downloadRuns() {
  const url = URL.createObjectURL(new Blob([runsCsv(runsShown())], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: `repeated-breaches-${asOf}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Dates that rest on our reading of a clause that sets no such limit (issue 22): apart from
// the breaches and the overdue list, never counted as either.
const readingsShown = () => (view.readings || []).filter((r) => !$('filter-team').value || r.team === $('filter-team').value);

function renderReadings() {
  const rows = readingsShown();
  showPage($('readings-body'), rows, (r) => el('tr', {},
    el('td', { text: r.subject === 'worker' ? 'The worker' : r.subject === 'child' ? `Case ${r.id}` : 'The team' }),
    el('td', { text: r.worker }), el('td', { text: r.team }), el('td', { text: words(r.what) }),
    el('td', { text: longDate(r.due) }), el('td', { text: r.reading })),
  'Dates by our reading');
  $('readings-none').hidden = rows.length > 0;
  $('readings-table').hidden = rows.length === 0;
}

function downloadReadings() {
  const url = URL.createObjectURL(new Blob([readingsCsv(readingsShown())], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: `by-our-reading-${asOf}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const openOverdue = (n, overdue) => `${n} open${overdue ? `, ${overdue} overdue` : ''}`;

/** One action's row; `first` is the column the groups are not by (child or worker). */
function actionRow(a, first) {
  return el('tr', { 'data-overdue': a.overdue ? 'true' : 'false' },
    ...(first ? [el('td', { text: first === 'child' ? a.child || '' : a.worker })] : []),
    el('td', { text: a.action }), el('td', { text: a.who }), el('td', { text: longDate(a.due) }),
    el('td', {}, tag(a.overdue ? 'overdue' : 'ok')));
}

function renderChildren(rows) {
  showPage($('children-body'), rows, (r) => el('tr', {}, el('th', { scope: 'row', text: r.id }), el('td', { text: r.worker }),
    el('td', { text: r.team }), el('td', { text: r.discussed ? longDate(r.discussed) : 'Not recorded' }), el('td', { text: longDate(r.due) })), 'Children');
  $('children-none').hidden = rows.length > 0;
  $('children-table').hidden = rows.length === 0;
}

/** Open actions grouped by worker or by child: a row group each, overdue first. */
function renderActions() {
  const rows = view.actions.filter(actionChosen);
  const other = actionsBy === 'worker' ? 'child' : 'worker';
  const groups = groupActions(rows, actionsBy);
  const overdue = rows.filter((a) => a.overdue).length;
  $('actions-count').textContent = rows.length ? openOverdue(rows.length, overdue) : '';
  $('actions-first-col').textContent = other === 'child' ? 'Child' : 'Worker';
  $('actions-table').querySelector('caption').textContent = `Open actions by ${actionsBy}, overdue first`;
  const table = $('actions-table');
  for (const b of table.querySelectorAll('tbody')) b.remove();
  const make = (g) => {
    const name = actionsBy === 'child' ? (g.key ? `Child ${g.key}` : 'Not about one child') : `Worker ${g.key}`;
    return el('tbody', { 'data-group': g.key },
      el('tr', { class: 'group-row' }, el('th', { scope: 'rowgroup', colspan: '5', text: `${name}: ${openOverdue(g.actions.length, g.overdue)}` })),
      ...g.actions.map((a) => actionRow(a, other)));
  };
  appendGroups(table, groups, make);
  $('actions-none').hidden = rows.length > 0;
  $('actions-table').hidden = rows.length === 0;
  $('actions-by').hidden = rows.length === 0;
}

/** Appends a tbody per group to `table` after its thead, a few hundred rows per task. */
function appendGroups(table, groups, make) {
  const token = {};
  filling.set(table, token);
  let i = 0;
  const step = () => {
    if (filling.get(table) !== token) return;
    const frag = document.createDocumentFragment();
    for (let n = 0; i < groups.length && n < 300; i++) {
      n += groups[i].actions.length + 1;
      frag.append(make(groups[i]));
    }
    table.append(frag);
    if (i < groups.length) setTimeout(step, 0);
  };
  step();
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tagName, attrs = {}, text) {
  const e = document.createElementNS(SVG, tagName);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const monthLabel = (month) => MONTH.format(new Date(`${month}-01T00:00:00Z`));

function renderChart() {
  const series = complianceSeries(compliance, (i) => chosen(view.workers[i]));
  const W = 720, H = 260, left = 44, bottom = 40, top = 12;
  const bw = (W - left - 8) / series.length;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'chart' });
  chart.append(svg('title', { id: 'chart-title' }, 'Share of workers supervised within their cadence, month by month'));
  const last = series[series.length - 1];
  chart.append(svg('desc', { id: 'chart-desc' }, `${series.length} months; the latest, ${monthLabel(last.month)}: ${last.percent}%. The same figures are in the table below.`));
  const y = (p) => top + (H - top - bottom) * (1 - p / 100);
  for (const p of [0, 50, 100]) {
    chart.append(svg('line', { x1: left, x2: W, y1: y(p), y2: y(p), class: 'chart-grid' }));
    chart.append(svg('text', { x: left - 6, y: y(p) + 4, 'text-anchor': 'end', class: 'chart-axis' }, `${p}%`));
  }
  series.forEach((s, i) => {
    const x = left + i * bw + 4;
    chart.append(svg('rect', { x, y: y(s.percent), width: bw - 8, height: y(0) - y(s.percent), class: 'chart-bar' }));
    chart.append(svg('text', { x: x + (bw - 8) / 2, y: H - bottom + 16, 'text-anchor': 'middle', class: 'chart-axis' }, monthLabel(s.month)));
  });
  $('chart').replaceChildren(chart);
  const frag = document.createDocumentFragment();
  for (const s of series) {
    frag.append(el('tr', {}, el('th', { scope: 'row', text: monthLabel(s.month) }), el('td', { class: 'numeric', text: `${s.percent}%` }),
      el('td', { class: 'numeric', text: String(s.supervised) }), el('td', { class: 'numeric', text: String(s.workers) })));
  }
  $('chart-body').replaceChildren(frag);
  $('chart-section').hidden = false;
}

/** A worker's due dates (the widget's panel) and their open actions. */
async function openWorker(id) {
  const meta = workerMeta.get(id);
  if (!meta) return;
  const asked = run;
  const reply = await new Promise((resolve) => {
    handlers.set('worker', resolve);
    scheduler.postMessage({ type: 'worker', run: asked, id });
  });
  handlers.delete('worker');
  if (!reply.worker || asked !== run) return;
  // Worked out in the page's worker (a caseload of 10,000 children is a long schedule).
  const { worker, children, schedule } = reply;
  $('worker-panel-title').textContent = `Due dates for ${id}`;
  $('worker-panel-meta').textContent = `${meta.team}, ${meta.role}; ${children} ${children === 1 ? 'child' : 'children'} on the caseload.`;
  $('worker-panel').hidden = false;
  showSchedulePage(schedule, worker, 0);
  const mine = view.actions.filter((a) => a.worker === id);
  const overdue = mine.filter((a) => a.overdue).length;
  $('worker-actions-title').textContent = mine.length ? `Open actions: ${openOverdue(mine.length, overdue)}` : 'Open actions';
  $('worker-actions-none').hidden = mine.length > 0;
  $('worker-actions-table').hidden = mine.length === 0;
  $('worker-actions-body').replaceChildren(...mine.map((a) => actionRow(a, 'child')));
  $('worker-panel').dataset.worker = id;
  $('worker-panel-title').focus();
}

// A worker's panel shows PANEL_DUES due dates at a time (overdue first, as the panel orders
// them) and their breaches a page at a time beside them: a worker with 10,000 children has
// some 20,000 due dates, which drawn at once were 200,000 elements.
const PANEL_DUES = 50;
const urgentFirst = (a, b) => (a.status !== 'overdue') - (b.status !== 'overdue') || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);

function showSchedulePage(schedule, worker, page) {
  const dues = schedule.obligations.slice().sort(urgentFirst);
  const pages = Math.max(1, Math.ceil(Math.max(dues.length, schedule.breaches.length) / PANEL_DUES));
  const at = Math.min(Math.max(0, page), pages - 1);
  const part = (list) => list.slice(at * PANEL_DUES, (at + 1) * PANEL_DUES);
  sr.renderSchedule($('worker-panel-body'), { ...schedule, obligations: part(dues), breaches: part(schedule.breaches) }, worker);
  let nav = $('worker-panel-pager');
  if (!nav) {
    nav = el('nav', { id: 'worker-panel-pager', class: 'pager no-print', 'aria-label': 'Due dates: pages' },
      el('p', { id: 'worker-panel-page', 'aria-live': 'polite' }),
      el('button', { type: 'button', class: 'button button-secondary', 'data-page': 'previous', text: 'Previous page' }),
      el('button', { type: 'button', class: 'button button-secondary', 'data-page': 'next', text: 'Next page' }));
    $('worker-panel-body').after(nav);
  }
  nav.hidden = pages === 1;
  $('worker-panel-page').textContent = `Page ${at + 1} of ${pages}: due dates ${dues.length ? at * PANEL_DUES + 1 : 0} to ${Math.min((at + 1) * PANEL_DUES, dues.length)} of ${dues.length}, overdue first`;
  nav.onclick = (ev) => {
    const b = ev.target.closest('button[data-page]');
    if (!b) return;
    showSchedulePage(schedule, worker, at + (b.dataset.page === 'next' ? 1 : -1));
    if (b.disabled) nav.querySelector('button:not([disabled])')?.focus();
  };
  nav.querySelector('[data-page="previous"]').disabled = at === 0;
  nav.querySelector('[data-page="next"]').disabled = at === pages - 1;
}

function download() {
  const text = overdueCsv({ workers: view.workers.filter(chosen), children: view.children.filter(chosen),
    duties: view.duties.filter((d) => !$('filter-team').value || d.team === $('filter-team').value) });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: `overdue-${asOf}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- wiring ----------------------------------------------------------------------------
async function loadDemo() {
  const { sessions, caseload, duties, actions } = syntheticService({ ...DEMO, asOf: $('as-of').value || today() });
  const named = { sessions: ['synthetic-sessions.csv', sessions], caseload: ['synthetic-caseload.csv', caseload],
    duties: ['synthetic-team-duties.csv', duties], actions: ['synthetic-actions.csv', actions] };
  for (const kind of KINDS) {
    const [name, text] = named[kind];
    await readFile(kind, new File([text], name, { type: 'text/csv' }));
  }
  // Stockport states both the child-level and the team-level duties the page shows.
  $('policy').value = 'stockport';
  await load();
}

async function main() {
  await init();
  labels = sr.labels();
  for (const p of sr.policies()) $('policy').append(el('option', { value: p.id, text: p.authority, selected: p.id === 'havering' }));
  $('as-of').value = today();
  for (const kind of KINDS) {
    $(`file-${kind}`).addEventListener('change', async (ev) => {
      window.__chosen ??= performance.now();
      const file = ev.target.files[0];
      if (!file) return;
      let error;
      try {
        error = await readFile(kind, file);
      } catch {
        error = 'The file could not be read.';
      }
      status(error ? `${KIND_LABEL[kind]}: ${error}` : `${KIND_LABEL[kind]}: ${files[kind].rows.length} rows read. Check the columns, then choose Show the service.`, error ? 'error' : 'info');
    });
  }
  $('load-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    load().catch((e) => status(`The service could not be worked out: ${e.message}`, 'error'));
  });
  $('demo').addEventListener('click', () => loadDemo().catch((e) => status(`The synthetic service could not be loaded: ${e.message}`, 'error')));
  for (const r of document.querySelectorAll('input[name="actions-by"]')) {
    r.addEventListener('change', () => { actionsBy = r.value; renderActions(); });
  }
  $('filter-team').addEventListener('change', render);
  $('filter-role').addEventListener('change', render);
  $('workers-table').addEventListener('click', (ev) => {
    const sortButton = ev.target.closest('th[data-sort] button');
    if (sortButton) {
      const key = sortButton.parentElement.dataset.sort;
      sort = { key, dir: sort.key === key && sort.dir === 'ascending' ? 'descending' : 'ascending' };
      render();
      document.querySelector(`#workers-table th[data-sort="${key}"] button`).focus();
      return;
    }
    const open = ev.target.closest('button[data-worker]');
    if (open) openWorker(open.dataset.worker).catch((e) => status(`The due dates could not be shown: ${e.message}`, 'error'));
  });
  $('back-to-table').addEventListener('click', (ev) => {
    ev.preventDefault();
    const id = $('worker-panel').dataset.worker;
    const b = document.querySelector(`button[data-worker="${CSS.escape(id || '')}"]`);
    (b || $('workers-title')).focus();
  });
  $('data-toggle').addEventListener('click', () => setDataStep($('data-toggle').getAttribute('aria-expanded') !== 'true'));
  $('download').addEventListener('click', download);
  $('download-runs').addEventListener('click', downloadRuns);
  $('download-readings').addEventListener('click', downloadReadings);
  $('print').addEventListener('click', () => window.print());
  status('');
  document.body.dataset.ready = 'true';
}

main().catch((e) => status(`The page could not start: ${e.message}`, 'error'));
