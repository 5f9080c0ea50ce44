// The policy workbench's Web Worker (a module worker, issue 25): checks the policy text
// (checkPolicy), registers it as the draft, works out its coverage (whether each rule is
// used in the schedule of an example worker it applies to) and a worker's schedule, with
// the authoring entry point, so the page is never held however large the policy (2,000
// rules: docs/bad-inputs.md).
// Its script, like the page's, needs a Content-Security-Policy allowing 'wasm-unsafe-eval'
// (served so by scripts/serve.mjs).
//
//   page -> worker  {type: 'check', check, text, asOf}
//                   {type: 'schedule', check, worker, asOf}
//                   {type: 'caseload', check, workers: [{label, worker}], asOf, compareWith}
//   worker -> page  {type: 'problems', check, problems}
//                   {type: 'valid', check, policy, name}          the draft as policy() gives it
//                   {type: 'coverage', check, rows, done, total}  after each chunk of rules
//                   {type: 'schedule', check, obligations} or {type: 'schedule', check, error}
//                   {type: 'caseload', check, rows: [{worker, kind, due, other, why, otherWhy}]}
//                   {type: 'error', check, message}

import init, { checkPolicy, registerPolicy, policy, schedule } from './pkg/authoring/index.js';

const DRAFT = 'workbench-draft';
const CHUNK = 50; // rules per coverage message: a page's task of drawing them is short
const ready = init();
let current = 0;

const post = (type, check, data = {}) => self.postMessage({ type, check, ...data });
const shift = (date, months) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

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

/** The rules a schedule of `w` used, or the error it threw: one schedule per distinct
 *  example worker (`seen`, by the worker without its id), not one per rule, as rules share
 *  their example workers (2,000 rules took 51 s one schedule each). */
function rulesUsed(w, asOf, seen) {
  const key = JSON.stringify({ ...w, id: '' });
  let used = seen.get(key);
  if (!used) {
    try {
      const s = schedule(DRAFT, w, { asOf });
      used = { rules: new Set([...s.obligations, ...s.breaches].map((o) => o.rule)) };
    } catch (e) { used = { error: e.message }; }
    seen.set(key, used);
  }
  return used;
}

/** One coverage row: the rule, its kind, the example worker, whether the schedule used it. */
function coverageRow(rule, asOf, seen) {
  const w = exampleWorker(rule, asOf);
  const u = rulesUsed(w, asOf, seen);
  const used = u.error !== undefined ? `no: ${u.error}` : u.rules.has(rule.id) ? 'yes' : 'no';
  const who = `${w.role}${w.hours ? `, ${w.hours}` : ''}${w.asye ? ', ASYE began a month ago' : ''}${w.probation ? ', probation began a month ago' : ''}`;
  return { id: rule.id, kind: rule.kind, who, used };
}

async function check({ check: id, text, asOf }) {
  await ready;
  current = id;
  const problems = checkPolicy(text);
  if (problems.length) {
    post('problems', id, { problems });
    return;
  }
  const value = JSON.parse(text);
  registerPolicy({ ...value, id: DRAFT, replaces: DRAFT });
  const p = policy(DRAFT);
  post('valid', id, { policy: p, name: String(value.id || 'policy') });
  const seen = new Map();
  for (let i = 0; i < p.rules.length; i += CHUNK) {
    // A newer check (the text changed) stops this one between chunks.
    await new Promise((r) => setTimeout(r, 0));
    if (current !== id) return;
    const rows = p.rules.slice(i, i + CHUNK).map((rule) => coverageRow(rule, asOf, seen));
    post('coverage', id, { rows, done: Math.min(i + CHUNK, p.rules.length), total: p.rules.length });
  }
  if (!p.rules.length) post('coverage', id, { rows: [], done: 0, total: 0 });
}

async function workerSchedule({ check: id, worker, asOf }) {
  await ready;
  try {
    post('schedule', id, { obligations: schedule(DRAFT, worker, { asOf }).obligations });
  } catch (e) {
    post('schedule', id, { error: e instanceof Error ? e.message : 'the schedule could not be worked out' });
  }
}

/** Each worker's next due dates here and under a built-in policy (issue 24). */
async function caseload({ check: id, workers, asOf, compareWith }) {
  await ready;
  const due = (policyId, w) => {
    try {
      return new Map(schedule(policyId, w, { asOf, breaches: 'none' }).obligations.map((o) => [o.kind, o]));
    } catch (e) {
      return new Map([['(no schedule)', { due: '', reason: e instanceof Error ? e.message : 'the schedule could not be worked out' }]]);
    }
  };
  const rows = [];
  for (const { label, worker } of workers) {
    const here = due(DRAFT, worker);
    const there = due(compareWith, worker);
    for (const kind of [...new Set([...here.keys(), ...there.keys()])]) {
      const a = here.get(kind);
      const b = there.get(kind);
      rows.push({ worker: label, kind, due: a ? a.due : '', other: b ? b.due : '', why: a ? a.reason : '', otherWhy: b ? b.reason : '' });
    }
  }
  post('caseload', id, { rows });
}

self.addEventListener('message', (ev) => {
  const m = ev.data;
  const fail = (e) => post('error', m.check, { message: e instanceof Error ? e.message : 'The policy could not be checked.' });
  if (m.type === 'check') check(m).catch(fail);
  else if (m.type === 'schedule') workerSchedule(m).catch(fail);
  else if (m.type === 'caseload') caseload(m).catch(fail);
});
