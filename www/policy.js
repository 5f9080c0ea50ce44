// The policy workbench: paste, open or start a council's policy; every problem with its
// line and column (checkPolicy); when it is valid, its coverage, a worker's schedule, its
// cadences beside a built-in's and its templates as forms. Uses the authoring entry point;
// nothing leaves the page. All text goes in with textContent.
//
// The checks, the coverage and the schedule run in a module worker (policy-worker.js), so a
// policy of 2,000 rules never holds the page; the page draws what it sends, a chunk a task.

import init, { policies, policy as getPolicy, registerPolicy, compilePolicy, attach, showProblems } from './pkg/authoring/index.js';
import { createEditor, blankPolicy } from './editor/editor.js';
import { drawForm, drawCaseload, drawSummary, sampleCaseload } from './editor/live.js';

const $ = (id) => document.getElementById(id);
const DRAFT = 'workbench-draft';

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

const today = () => new Date().toISOString().slice(0, 10);
const shift = (date, months) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** The offset in `text` of each line's start (line 1 at index 0). */
function lineStarts(text) {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

// The policy's problems, drawn by the widget (showProblems): the error summary, each
// problem linking to its line and column in the JSON, and beside the editor's control it
// concerns an inline message with the control marked. Shown again when the editor redraws.
let problemsShown = [];
function listProblems(problems) {
  problemsShown = problems;
  const box = $('policy-text');
  const starts = lineStarts(box.value);
  const spots = editor ? editor.spots(problems) : [];
  showProblems(problems.map((p, i) => ({
    message: `Line ${p.line}, column ${p.column}: ${p.path ? `${p.path} – ` : ''}${p.expected}`,
    element: spots[i] || null,
    link: box,
    caret: Math.min((starts[p.line - 1] ?? box.value.length) + p.column - 1, box.value.length),
  })), { summary: $('problems'), title: problems.length === 1 ? 'There is 1 problem' : `There are ${problems.length} problems` });
}

function cell(tag, text) { return h(tag, { text }); }

/** The coverage table's head; its rows come from the worker, a chunk at a time. */
function startCoverage() {
  $('coverage').replaceChildren(h('caption', { class: 'visually-hidden', text: 'Rules and example workers' }),
    h('thead', {}, h('tr', {}, ['Rule', 'Kind', 'Example worker', 'Used in the schedule'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody'));
}

function addCoverage(rows) {
  $('coverage').tBodies[0].append(...rows.map((r) => h('tr', {}, h('th', { scope: 'row', text: r.id }), cell('td', r.kind), cell('td', r.who), cell('td', r.used))));
}

// The guided editor (issue 24) and the JSON beside it: an edit in either is written to the
// other, and the policy is checked a moment after the last edit.
let editor = null;
let pending = 0;
const DELAY = 300;
const LARGE = 150; // rules and templates: above this the editor and live views stand aside
function fromEditor(doc) {
  $('policy-text').value = JSON.stringify(doc, null, 2);
  clearTimeout(pending);
  pending = setTimeout(check, DELAY);
}
function fromText() {
  clearTimeout(pending);
  pending = setTimeout(() => {
    try {
      let v = JSON.parse($('policy-text').value);
      // A compiled policy opened again: its policy, for editing (compiled again on download).
      if (v && v.compiledPolicy && v.policy && typeof v.policy === 'object') {
        v = v.policy;
        $('policy-text').value = JSON.stringify(v, null, 2);
      }
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        // A policy of hundreds of rules is edited as JSON: drawn, it would hold the page.
        if ((v.rules || []).length + (v.templates || []).length > LARGE) editor.tooLarge();
        else editor.set(v);
      }
    } catch { /* not JSON yet: the check says where */ }
    check();
  }, DELAY);
}

// The worker does the work; `checks` numbers each request so a late answer is dropped.
const worker = new Worker(new URL('./policy-worker.js', import.meta.url), { type: 'module' });
let checks = 0;
let draft = null; // the valid policy last checked, as policy() gives it

function showSchedule() {
  let w;
  try {
    w = JSON.parse($('worker').value);
  } catch (e) {
    showScheduleAnswer({ error: e.message });
    return;
  }
  worker.postMessage({ type: 'schedule', check: checks, worker: w, asOf: $('as-of').value || today() });
}

function showScheduleAnswer({ obligations, error }) {
  const table = $('schedule');
  const problem = $('schedule-problem');
  table.replaceChildren();
  problem.hidden = true;
  if (error !== undefined) {
    problem.textContent = `The schedule cannot be shown: ${error}`;
    problem.hidden = false;
    return;
  }
  table.append(h('caption', { class: 'visually-hidden', text: 'Obligations' }),
    h('thead', {}, h('tr', {}, ['What', 'Due', 'Status', 'Why'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, obligations.map((o) => h('tr', {}, cell('td', o.kind), cell('td', o.due), cell('td', o.status), cell('td', o.reason)))));
}

const cadences = (p) => p.rules.filter((r) => r.kind === 'cadence');
const describe = (r) => {
  const phases = (r.phases || []).map((ph) => `${ph.every} until ${ph.until} after ${ph.start}`).join('; ');
  const who = r.when && r.when.roles ? ` (${r.when.roles.join(', ')})` : '';
  return `${r.id}: ${[phases, r.every && `every ${r.every}`].filter(Boolean).join('; then ')}${who}`;
};

function compare(p) {
  const other = getPolicy($('compare-with').value);
  const kinds = [...new Set([...cadences(p), ...cadences(other)].map((r) => r.obligation))];
  const table = $('compare');
  table.replaceChildren(h('caption', { class: 'visually-hidden', text: 'Cadences side by side' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Obligation' }), h('th', { scope: 'col', text: 'This policy' }), h('th', { scope: 'col', text: other.authority }))),
    h('tbody', {}, kinds.map((k) => h('tr', {}, h('th', { scope: 'row', text: k }),
      cell('td', cadences(p).filter((r) => r.obligation === k).map(describe).join(' | ') || 'none'),
      cell('td', cadences(other).filter((r) => r.obligation === k).map(describe).join(' | ') || 'none')))));
}

function templates(p) {
  const out = $('templates');
  out.replaceChildren();
  for (const t of p.templates) {
    const form = h('form', { 'aria-labelledby': `t-${t.id}` }, h('h3', { id: `t-${t.id}`, text: t.title }));
    for (const s of t.sections) {
      const fs = h('fieldset', { class: 'section' }, h('legend', { class: 'section-legend', text: s.title }));
      for (const f of s.fields) {
        const id = `t-${t.id}-${f.id}`;
        const label = h('label', { class: 'label', for: id, text: f.required === false ? `${f.label} (optional)` : f.label });
        let control;
        if (f.type === 'choice') control = h('select', { class: 'select', id }, h('option', { value: '', text: '' }), (f.options || []).map((o) => h('option', { text: o })));
        else if (f.type === 'text') control = h('textarea', { class: 'textarea', id, rows: 2 });
        else control = h('input', { class: 'input-medium', id, type: { date: 'date', time: 'time', number: 'number' }[f.type] || 'text' });
        fs.append(h('div', { class: 'form-group' }, label, f.hint ? h('p', { class: 'label-note', text: f.hint }) : '', control));
      }
      form.append(fs);
    }
    out.append(form);
  }
}

function check() {
  const text = $('policy-text').value;
  if ($('download').href.startsWith('blob:')) URL.revokeObjectURL($('download').href);
  $('download').href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  $('download-compiled').hidden = true;
  $('status').textContent = 'Checking the policy…';
  document.body.dataset.checked = 'false';
  worker.postMessage({ type: 'check', check: ++checks, text, asOf: $('as-of').value || today() });
}

const answers = {
  problems({ problems }) {
    draft = null;
    listProblems(problems);
    $('results').hidden = true;
    $('summary').hidden = true;
    $('status').textContent = 'The policy has problems: see the list.';
    document.body.dataset.checked = 'true';
  },
  valid({ policy: p, name }) {
    draft = p;
    listProblems([]);
    $('results').hidden = false;
    $('download').download = `${name}.json`;
    $('status').textContent = `The policy is valid: ${p.rules.length} rules, ${p.templates.length} templates. Working out its coverage…`;
    startCoverage();
    const asOf = $('as-of').value || today();
    if (!$('worker').value.trim()) $('worker').value = JSON.stringify({ id: 'w1', role: 'social-worker', started: shift(asOf, -12), sessions: [{ date: shift(asOf, -1), type: 'one-to-one' }] }, null, 2);
    showSchedule();
    compare(p);
    templates(p);
    live(p);
  },
  coverage({ rows, done, total }) {
    addCoverage(rows);
    if (done < total) return;
    $('status').textContent = `The policy is valid: ${draft.rules.length} rules, ${draft.templates.length} templates.`;
    document.body.dataset.checked = 'true';
  },
  schedule: showScheduleAnswer,
  caseload({ rows }) {
    drawCaseload($('caseload'), rows, getPolicy($('compare-with').value).authority);
  },
  error({ message }) {
    // The check passed but registering refused it: shown, never thrown.
    draft = null;
    $('results').hidden = true;
    $('status').textContent = `The policy could not be checked: ${message}`;
    document.body.dataset.checked = 'true';
  },
};

worker.addEventListener('message', (ev) => {
  if (ev.data.check !== checks) return; // an answer to an older check
  answers[ev.data.type]?.(ev.data);
});
worker.addEventListener('error', () => {
  $('status').textContent = 'The policy could not be checked: this browser could not start the page\'s worker.';
});

// After a valid check: the draft registered in this page too (the worker's module is its
// own), its form bound by the widget, the caseload, the summary and the compiled policy.
function live(p) {
  if (p.rules.length + p.templates.length > LARGE) return;
  let doc;
  try {
    doc = JSON.parse($('policy-text').value);
    registerPolicy({ ...doc, id: DRAFT, replaces: DRAFT });
    const compiled = compilePolicy(doc);
    const link = $('download-compiled');
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([compiled], { type: 'application/json' }));
    link.download = `${doc.id}.compiled.json`;
    link.hidden = false;
  } catch (e) {
    $('status').textContent = `The policy could not be registered in the page: ${e.message}`;
    return;
  }
  const sel = $('preview-template');
  const was = sel.value;
  sel.replaceChildren(...p.templates.map((t) => h('option', { value: t.id, text: t.title })));
  if (p.templates.some((t) => t.id === was)) sel.value = was;
  preview(p);
  const roles = $('ex-role');
  const role = roles.value;
  roles.replaceChildren(...p.roles.map((r) => h('option', { value: r.id, text: r.label })));
  if (p.roles.some((r) => r.id === role)) roles.value = role;
  drawSummary($('summary-body'), { ...p, authority: doc.authority, title: doc.title, document: doc.document });
  $('summary').hidden = false;
  requestCaseload(p);
}

function preview(p) {
  const t = p.templates.find((x) => x.id === $('preview-template').value);
  if (t) drawForm($('preview'), { attach }, DRAFT, t);
  else $('preview').replaceChildren(h('p', { text: 'This policy has no template yet.' }));
}

function requestCaseload(p) {
  let example;
  try { example = JSON.parse($('worker').value); } catch { return; }
  const asOf = $('as-of').value || today();
  worker.postMessage({ type: 'caseload', check: checks, asOf, compareWith: $('compare-with').value, workers: sampleCaseload(example, p.roles, asOf) });
}

/** The example worker's controls write its JSON (which stays editable). */
function exampleWorker() {
  const w = { id: 'example', role: $('ex-role').value || 'social-worker', started: $('ex-started').value || shift(today(), -12) };
  if ($('ex-hours').value) w.hours = $('ex-hours').value;
  if ($('ex-asye').value) w.asye = $('ex-asye').value;
  w.sessions = $('ex-last').value ? [{ date: $('ex-last').value, type: 'one-to-one' }, { date: $('ex-last').value, type: 'case' }] : [];
  $('worker').value = JSON.stringify(w, null, 2);
  showSchedule();
  if (draft) requestCaseload(draft);
}

await init();
const builtIns = policies().filter((p) => p.id !== DRAFT);
for (const sel of ['start-from', 'compare-with']) {
  $(sel).replaceChildren(...builtIns.map((p) => h('option', { value: p.id, text: p.authority })));
}
$('as-of').value = today();
$('ex-started').value = shift(today(), -12);
$('ex-last').value = shift(today(), -1);
editor = createEditor($('editor'), { builtIns, builtIn: (id) => { try { return getPolicy(id); } catch { return null; } }, onChange: fromEditor,
  onRender: () => listProblems(problemsShown) });
$('blank').addEventListener('click', () => {
  editor.set(blankPolicy());
  fromEditor(editor.get());
});
$('start').addEventListener('click', () => {
  const base = getPolicy($('start-from').value);
  editor.set({ format: 1, id: 'my-council', extends: base.id, authority: 'My Council',
    title: 'Supervision policy', document: 'my-council-policy.pdf', rules: [] });
  fromEditor(editor.get());
  check();
});
$('open-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  $('policy-text').value = await file.text();
  fromText();
});
$('policy-text').addEventListener('input', fromText);
$('preview-template').addEventListener('change', () => { if (draft) preview(draft); });
for (const id of ['ex-role', 'ex-hours', 'ex-started', 'ex-asye', 'ex-last']) $(id).addEventListener('change', exampleWorker);
$('print').addEventListener('click', () => {
  // A policy with problems still prints, as far as it goes, from the editor's policy.
  if (!draft) drawSummary($('summary-body'), editor.get());
  $('summary').hidden = false;
  window.print();
});
$('check').addEventListener('click', check);
$('worker').addEventListener('input', () => { showSchedule(); if (draft) requestCaseload(draft); });
$('as-of').addEventListener('change', () => { if (!$('results').hidden) check(); });
$('compare-with').addEventListener('change', () => { if (draft) { compare(draft); requestCaseload(draft); } });
$('status').textContent = 'Paste a policy, open a file, or start from a built-in policy.';
