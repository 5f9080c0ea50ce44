// The team page: a team manager's view of a team or a whole service, from CSV or JSON
// exports. Files are read here, in the browser; nothing is sent anywhere, and no record data
// is stored (only the column choices, in localStorage, for next time).
//
// Safety rules kept throughout: text reaches the DOM through textContent / text nodes only
// (never innerHTML); messages never echo a cell's value (a caseload holds children's ids).

import init, * as sr from './pkg/widget/supervision_rules.js';
import {
  FIELDS, guessMapping, unmapped, readRows, buildService, scheduleService, viewRows, counts,
  byUrgency, complianceByWorker, complianceSeries, openActions, overdueCsv,
} from './team-model.js';
import { syntheticService, DEMO } from './synthetic-service.js';

const MAPPING_KEY = (kind) => `supervision-rules:team-mapping:${kind}`;
const KINDS = ['sessions', 'caseload', 'duties', 'actions'];
const KIND_LABEL = { sessions: 'Supervision sessions', caseload: 'Caseload', duties: 'Team duties', actions: 'Actions agreed' };
const STATUS_LABEL = { overdue: 'Overdue', 'due-soon': 'Due soon', ok: 'On time' };
const $ = (id) => document.getElementById(id);

/** An element with text (never markup) and attributes. */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) e.append(c);
  return e;
}

const longDate = (iso) => {
  if (!iso) return '';
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
};
const today = () => {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};
const words = (kind) => String(kind).replace(/-/g, ' ');

// ---- state ---------------------------------------------------------------------------
const files = {}; // kind -> {name, headers, rows:[{line, cells}]}
let service = null;
let view = null; // {workers, children, duties}
let result = null;
let compliance = null;
let sort = { key: 'status', dir: 'ascending' };
let policyId = 'havering';
let asOf = today();

function status(text, kind = 'info') {
  const s = $('status');
  s.textContent = text;
  s.className = `status status-${kind}`;
  s.hidden = !text;
}

// ---- reading files ---------------------------------------------------------------------
/** Rows of a CSV (papaparse, quoted commas and line breaks, BOM, blank rows) or JSON text. */
async function parseText(text) {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(body)) {
    let data;
    try {
      data = JSON.parse(body);
    } catch {
      return { error: 'The file looks like JSON but is not valid JSON.' };
    }
    const list = Array.isArray(data) ? data : null;
    if (!list || !list.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
      return { error: 'A JSON file must be an array of objects, one per row.' };
    }
    const headers = [...new Set(list.flatMap((r) => Object.keys(r)))];
    return { headers, rows: list.map((r, i) => ({ line: i + 1, cells: headers.map((h) => (r[h] == null ? '' : String(r[h]))) })) };
  }
  // In chunks, pausing between them so a large export never holds the page. Lines are
  // counted from the rows themselves (one, plus the line breaks inside quoted cells), as
  // blank rows are kept by the parser and dropped here.
  const rows = [];
  let headers = null;
  let line = 0;
  await new Promise((resolve) => {
    window.Papa.parse(body, {
      chunkSize: 128 * 1024,
      chunk: (r, parser) => {
        for (const cells of r.data) {
          line += 1;
          const at = line;
          for (const c of cells) line += (c.match(/\n/g) || []).length;
          if (cells.every((c) => c.trim() === '')) continue;
          if (!headers) headers = cells.map((h) => String(h).trim());
          else rows.push({ line: at, cells });
        }
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: resolve,
    });
  });
  if (!headers) return { error: 'The file is empty.' };
  return { headers, rows };
}

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
  const parsed = await parseText(text);
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
  const body = $('import-errors-body');
  body.replaceChildren();
  box.hidden = errors.length === 0;
  if (!errors.length) return;
  $('import-errors-title').textContent = errors.length === 1 ? '1 row could not be read' : `${errors.length} rows could not be read`;
  for (const e of errors.slice(0, 500)) {
    body.append(el('tr', {}, el('td', { text: e.file }), el('td', { text: e.line === undefined ? '' : String(e.line) }), el('td', { text: e.reason })));
  }
  if (errors.length > 500) body.append(el('tr', {}, el('td', { colspan: '3', text: `and ${errors.length - 500} more` })));
}

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
  const roles = sr.policy(policyId).roles;
  const read = {};
  const errors = [];
  const caseloadLines = [];
  for (const kind of KINDS) {
    const f = files[kind];
    if (!f) continue;
    const mapping = mappingOf(kind);
    try {
      localStorage.setItem(MAPPING_KEY(kind), JSON.stringify(mapping));
    } catch { /* storage full or blocked: nothing lost but the convenience */ }
    const out = readRows(kind, f.name, f.headers, f.rows, mapping, roles);
    read[kind] = out.records;
    for (const e of out.errors) errors.push(e);
    if (kind === 'caseload') {
      const bad = new Set(out.errors.map((e) => e.line));
      for (const r of f.rows) if (!bad.has(r.line)) caseloadLines.push(r.line);
    }
  }
  service = buildService(read, caseloadLines);
  for (const e of service.errors) errors.push({ ...e, file: e.file === 'caseload' ? files.caseload.name : files.sessions.name });
  showImportErrors(errors);
  status(`Working out due dates for ${service.workers.length} workers…`);
  result = await scheduleService(sr, policyId, service, {
    asOf,
    chunk: 25,
    onProgress: (done, total) => status(`Working out due dates: ${done} of ${total} workers…`),
  });
  view = viewRows(service, result);
  view.actions = openActions(read.actions || [], asOf);
  fillFilters();
  render();
  $('results').hidden = false;
  const ms = Math.round(performance.now() - t0);
  document.body.dataset.loadMs = String(ms);
  if (window.__chosen !== undefined) document.body.dataset.chosenToTableMs = String(Math.round(performance.now() - window.__chosen));
  status(`Showing ${service.workers.length} workers and ${view.children.length} children, as of ${longDate(asOf)}. Working out the last 12 months…`);
  compliance = await complianceByWorker(sr, policyId, service, asOf, {
    onProgress: (done, total) => status(`Showing ${service.workers.length} workers. Working out the last 12 months: ${done} of ${total}…`),
  });
  renderChart();
  status(`Showing ${service.workers.length} workers and ${view.children.length} children, as of ${longDate(asOf)}.`);
  document.body.dataset.loaded = 'true';
}

// ---- the view --------------------------------------------------------------------------
function fillFilters() {
  const fill = (select, values, all) => {
    const keep = select.value;
    select.replaceChildren(el('option', { value: '', text: all }));
    for (const v of values) select.append(el('option', { value: v, text: v }));
    select.value = values.includes(keep) ? keep : '';
  };
  fill($('filter-team'), [...new Set(service.workers.map((w) => w.team))].sort(), 'All teams');
  fill($('filter-role'), [...new Set(service.workers.map((w) => w.role))].sort(), 'All roles');
}

const chosen = (r) => (!$('filter-team').value || r.team === $('filter-team').value) && (!$('filter-role').value || r.role === $('filter-role').value);

function render() {
  const workers = view.workers.filter(chosen);
  const children = view.children.filter(chosen);
  const w = counts(workers);
  const c = counts(children);
  const card = (id, n, label) => { $(id).textContent = String(n); $(`${id}-label`).textContent = label; };
  card('sum-workers-overdue', w.overdue, w.overdue === 1 ? 'worker overdue' : 'workers overdue');
  card('sum-workers-soon', w.dueSoon, 'due within 7 days');
  card('sum-workers-ok', w.ok, 'on time');
  card('sum-children-overdue', c.overdue, c.overdue === 1 ? 'child not discussed on time' : 'children not discussed on time');
  card('sum-children-soon', c.dueSoon, 'due within 7 days');
  card('sum-children-ok', c.ok, 'on time');
  renderWorkers(workers);
  renderChildren(children.filter((r) => r.status === 'overdue').sort(byUrgency));
  renderDuties(view.duties.filter((d) => !$('filter-team').value || d.team === $('filter-team').value).sort(byUrgencyDuty));
  renderActions(view.actions.filter((a) => {
    const w = service.workers.find((x) => x.id === a.worker);
    return !w || chosen(w);
  }));
  if (compliance) renderChart();
}

const byUrgencyDuty = (a, b) => byUrgency({ ...a, id: a.subject }, { ...b, id: b.subject });

function tag(statusValue) {
  return el('strong', { class: `tag tag-${statusValue}`, text: STATUS_LABEL[statusValue] });
}

const SORTS = {
  id: (a, b) => a.id.localeCompare(b.id),
  team: (a, b) => a.team.localeCompare(b.team) || byUrgency(a, b),
  role: (a, b) => a.role.localeCompare(b.role) || byUrgency(a, b),
  status: byUrgency,
  due: (a, b) => (a.due || '9999').localeCompare(b.due || '9999') || a.id.localeCompare(b.id),
};

function renderWorkers(rows) {
  const sorted = rows.slice().sort(SORTS[sort.key]);
  if (sort.dir === 'descending') sorted.reverse();
  for (const th of document.querySelectorAll('#workers-table th[data-sort]')) {
    th.setAttribute('aria-sort', th.dataset.sort === sort.key ? sort.dir : 'none');
  }
  const body = $('workers-body');
  const frag = document.createDocumentFragment();
  for (const r of sorted) {
    const open = el('button', { type: 'button', class: 'link-button', 'data-worker': r.id, text: r.id });
    open.setAttribute('aria-label', `${r.id}: show due dates`);
    frag.append(el('tr', { 'data-status': r.status },
      el('th', { scope: 'row' }, open), el('td', { text: r.team }), el('td', { text: r.role }),
      el('td', {}, tag(r.status)), el('td', { text: longDate(r.due) }), el('td', { text: words(r.what) })));
  }
  body.replaceChildren(frag);
  $('workers-count').textContent = `${rows.length} ${rows.length === 1 ? 'worker' : 'workers'}`;
}

function renderChildren(rows) {
  const frag = document.createDocumentFragment();
  for (const r of rows) {
    frag.append(el('tr', {}, el('th', { scope: 'row', text: r.id }), el('td', { text: r.worker }), el('td', { text: r.team }),
      el('td', { text: r.discussed ? longDate(r.discussed) : 'Not recorded' }), el('td', { text: longDate(r.due) })));
  }
  $('children-body').replaceChildren(frag);
  $('children-none').hidden = rows.length > 0;
  $('children-table').hidden = rows.length === 0;
}

function renderDuties(rows) {
  const frag = document.createDocumentFragment();
  for (const d of rows) {
    frag.append(el('tr', {}, el('td', { text: d.team }), el('td', { text: words(d.kind) }), el('td', { text: d.subject }),
      el('td', {}, tag(d.status)), el('td', { text: longDate(d.due) }), el('td', { class: 'finding-source', text: d.source })));
  }
  $('duties-body').replaceChildren(frag);
  $('duties-none').hidden = rows.length > 0;
  $('duties-table').hidden = rows.length === 0;
}

function renderActions(rows) {
  const frag = document.createDocumentFragment();
  for (const a of rows) {
    frag.append(el('tr', {}, el('td', { text: a.worker }), el('td', { text: a.child || '' }), el('td', { text: a.action }),
      el('td', { text: a.who }), el('td', { text: longDate(a.due) }), el('td', {}, tag(a.overdue ? 'overdue' : 'ok'))));
  }
  $('actions-body').replaceChildren(frag);
  $('actions-none').hidden = rows.length > 0;
  $('actions-table').hidden = rows.length === 0;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tagName, attrs = {}, text) {
  const e = document.createElementNS(SVG, tagName);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function monthLabel(month) {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
}

function renderChart() {
  const series = complianceSeries(compliance, (i) => chosen(service.workers[i]));
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

function openWorker(id) {
  const w = service.workers.find((x) => x.id === id);
  if (!w) return;
  const { team, ...worker } = w;
  const schedule = sr.schedule(policyId, worker, { asOf });
  $('worker-panel-title').textContent = `Due dates for ${w.id}`;
  $('worker-panel-meta').textContent = `${w.team}, ${w.role}; ${w.cases.length} ${w.cases.length === 1 ? 'child' : 'children'} on the caseload.`;
  $('worker-panel').hidden = false;
  sr.renderSchedule($('worker-panel-body'), schedule, worker);
  $('worker-panel').dataset.worker = w.id;
  $('worker-panel-title').focus();
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
  for (const p of sr.policies()) $('policy').append(el('option', { value: p.id, text: p.authority, selected: p.id === 'havering' }));
  $('as-of').value = today();
  for (const kind of KINDS) {
    $(`file-${kind}`).addEventListener('change', async (ev) => {
      window.__chosen ??= performance.now();
      const file = ev.target.files[0];
      if (!file) return;
      const error = await readFile(kind, file);
      status(error ? `${KIND_LABEL[kind]}: ${error}` : `${KIND_LABEL[kind]}: ${files[kind].rows.length} rows read. Check the columns, then choose Show the service.`, error ? 'error' : 'info');
    });
  }
  $('load-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    load().catch((e) => status(`The service could not be worked out: ${e.message}`, 'error'));
  });
  $('demo').addEventListener('click', () => loadDemo().catch((e) => status(`The synthetic service could not be loaded: ${e.message}`, 'error')));
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
    if (open) openWorker(open.dataset.worker);
  });
  $('back-to-table').addEventListener('click', (ev) => {
    ev.preventDefault();
    const id = $('worker-panel').dataset.worker;
    const b = document.querySelector(`button[data-worker="${CSS.escape(id || '')}"]`);
    (b || $('workers-title')).focus();
  });
  $('download').addEventListener('click', download);
  $('print').addEventListener('click', () => window.print());
  status('');
  document.body.dataset.ready = 'true';
}

main().catch((e) => status(`The page could not start: ${e.message}`, 'error'));
