// The policy workbench: paste, open or start a council's policy; every problem with its
// line and column (checkPolicy); when it is valid, its coverage, a worker's schedule, its
// cadences beside a built-in's and its templates as forms. Uses the authoring entry point;
// nothing leaves the page. All text goes in with textContent.

import init, { checkPolicy, registerPolicy, policies, policy as getPolicy, schedule } from './pkg/authoring/supervision_rules.js';

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

/** Offset in the text of a line and column (from 1). */
function offsetOf(text, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
}

function showProblems(problems) {
  const list = $('problems-list');
  list.replaceChildren();
  $('problems').hidden = problems.length === 0;
  $('problems-title').textContent = problems.length === 1 ? 'There is 1 problem' : `There are ${problems.length} problems`;
  for (const p of problems) {
    const a = h('a', { href: '#policy-text' },
      `Line ${p.line}, column ${p.column}: `, p.path ? h('code', { text: p.path }) : '', p.path ? ' – ' : '', p.expected);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const t = $('policy-text');
      const at = offsetOf(t.value, p.line, p.column);
      t.focus();
      t.setSelectionRange(at, at);
    });
    list.append(h('li', {}, a));
  }
}

/** An example worker the rule applies to. */
function exampleWorker(rule, asOf) {
  const w = { id: `example-${rule.id}`, role: 'social-worker', started: shift(asOf, -24), sessions: [] };
  const when = rule.when || {};
  if (when.roles && when.roles.length) w.role = when.roles[0];
  if (when.hours) w.hours = when.hours;
  if (when.shiftsPerMonthBelow) w.shiftsPerMonth = Math.max(0, when.shiftsPerMonthBelow - 1);
  const anchors = [when.during && when.during.start, ...(rule.phases || []).map((p) => p.start), rule.from];
  for (const a of anchors) {
    if (a === 'asye' || a === 'probation') w[a] = shift(asOf, -1);
    if (a === 'started') w.started = shift(asOf, -1);
  }
  if (rule.kind && rule.kind.startsWith('child-')) {
    w.cases = [{ id: 'c1', allocated: shift(asOf, -2), plan: (when.plans || ['child-in-need'])[0], rag: (when.rag || ['green'])[0], discussed: [], events: (rule.events || []).slice(0, 1).map((kind) => ({ kind, date: shift(asOf, -1) })) }];
  }
  return w;
}

function cell(tag, text) { return h(tag, { text }); }

function coverage(p, asOf) {
  const table = $('coverage');
  table.replaceChildren(h('caption', { class: 'visually-hidden', text: 'Rules and example workers' }),
    h('thead', {}, h('tr', {}, ['Rule', 'Kind', 'Example worker', 'Used in the schedule'].map((t) => h('th', { scope: 'col', text: t })))));
  const body = h('tbody');
  for (const rule of p.rules) {
    const w = exampleWorker(rule, asOf);
    let used = 'no';
    try {
      const s = schedule(DRAFT, w, { asOf });
      used = s.obligations.some((o) => o.rule === rule.id) || s.breaches.some((b) => b.rule === rule.id) ? 'yes' : 'no';
    } catch (e) { used = `no: ${e.message}`; }
    const who = `${w.role}${w.hours ? `, ${w.hours}` : ''}${w.asye ? ', ASYE began a month ago' : ''}${w.probation ? ', probation began a month ago' : ''}`;
    body.append(h('tr', {}, h('th', { scope: 'row', text: rule.id }), cell('td', rule.kind), cell('td', who), cell('td', used)));
  }
  table.append(body);
}

function showSchedule() {
  const table = $('schedule');
  const problem = $('schedule-problem');
  table.replaceChildren();
  problem.hidden = true;
  try {
    const s = schedule(DRAFT, JSON.parse($('worker').value), { asOf: $('as-of').value || today() });
    table.append(h('caption', { class: 'visually-hidden', text: 'Obligations' }),
      h('thead', {}, h('tr', {}, ['What', 'Due', 'Status', 'Why'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, s.obligations.map((o) => h('tr', {}, cell('td', o.kind), cell('td', o.due), cell('td', o.status), cell('td', o.reason)))));
  } catch (e) {
    problem.textContent = `The schedule cannot be shown: ${e.message}`;
    problem.hidden = false;
  }
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
  $('download').href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const problems = checkPolicy(text);
  showProblems(problems);
  $('results').hidden = problems.length > 0;
  if (problems.length) {
    $('status').textContent = 'The policy has problems: see the list.';
    return;
  }
  const value = JSON.parse(text);
  $('download').download = `${value.id || 'policy'}.json`;
  registerPolicy({ ...value, id: DRAFT, replaces: DRAFT });
  const p = getPolicy(DRAFT);
  const asOf = $('as-of').value || today();
  $('status').textContent = `The policy is valid: ${p.rules.length} rules, ${p.templates.length} templates.`;
  coverage(p, asOf);
  if (!$('worker').value.trim()) $('worker').value = JSON.stringify({ id: 'w1', role: 'social-worker', started: shift(asOf, -12), sessions: [{ date: shift(asOf, -1), type: 'one-to-one' }] }, null, 2);
  showSchedule();
  compare(p);
  templates(p);
}

await init();
const builtIns = policies().filter((p) => p.id !== DRAFT);
for (const sel of ['start-from', 'compare-with']) {
  $(sel).replaceChildren(...builtIns.map((p) => h('option', { value: p.id, text: p.authority })));
}
$('as-of').value = today();
$('start').addEventListener('click', () => {
  const base = getPolicy($('start-from').value);
  $('policy-text').value = JSON.stringify({ format: 1, id: 'my-council', extends: base.id, authority: 'My Council',
    title: 'Supervision policy', document: 'my-council-policy.pdf', rules: [] }, null, 2);
  check();
});
$('open-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  $('policy-text').value = await file.text();
  check();
});
$('check').addEventListener('click', check);
$('worker').addEventListener('input', showSchedule);
$('as-of').addEventListener('change', () => { if (!$('results').hidden) check(); });
$('compare-with').addEventListener('change', () => { if (!$('results').hidden) compare(getPolicy(DRAFT)); });
$('status').textContent = 'Paste a policy, open a file, or start from a built-in policy.';
