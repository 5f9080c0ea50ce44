// The team page's Web Worker (a module worker): reads the rows of the files chosen, works
// out every worker's and child's due dates with the core entry point's scheduleMany
// (breaches: 'runs': the page shows only the breaches repeated period after period) and
// each team's with scheduleTeam, and sends the rows of the view back in chunks, so the page
// stays responsive however large the service. Then the 12 months of compliance, the same way.
//
// Nothing leaves this browser: messages go to the page that started the worker only. Its
// script, like the page's, needs a Content-Security-Policy allowing 'wasm-unsafe-eval'
// (served so by scripts/serve.mjs). Messages carry no record data in errors: an exception
// is reported by its kind only.
//
//   page -> worker  {type: 'rows-in', run, kind, rows}  a file's rows, in slices before its run
//                   {type: 'run', run, policyId, asOf, dueSoonDays, files: {kind: {name, headers, rows, mapping}}}
//                   (rows: null for the rows sent ahead)
//                   {type: 'worker', run, id}          a worker's record, for the drill-down
//   worker -> page  {type: 'read', run, errors, workers, children}
//                   {type: 'rows', run, done, total, workers, children}   after each chunk
//                   {type: 'rest', run, duties, actions}
//                   {type: 'compliance-progress', run, done, total}, {type: 'compliance', run, ends, table}
//                   {type: 'worker', run, worker: {id, sessions}, children, team, schedule}  (a drill-down)
//                   {type: 'error', run, message, errors?}  (a run refused beyond the limits: errors read)

import init, { schedule, scheduleMany, scheduleTeam, policy } from './pkg/index.js';
import { readRows, buildService, viewRows, openActions, complianceByWorker } from './pkg/team/index.js';

const KINDS = ['sessions', 'caseload', 'duties', 'actions'];
const ready = init();
let current = 0;
let service = null;
let incoming = { run: 0, rows: {} }; // rows sent ahead of a run, in slices (rows-in)
let asked = null; // the run's policy and date, for a worker's drill-down

// The largest service the page is built for (docs/bad-inputs.md): beyond it, a message
// saying so before any work, rather than a page that works for minutes.
export const MOST_WORKERS = 20_000;
export const MOST_CHILDREN = 10_000; // on one worker's caseload, as the core's limit
const n = (x) => x.toLocaleString('en-GB');

const post = (type, run, data = {}) => self.postMessage({ type, run, ...data });

async function run({ run: id, policyId, asOf, dueSoonDays = 7, files, chunk = 25 }) {
  await ready;
  current = id;
  const roles = policy(policyId).roles;
  const read = {};
  const errors = [];
  for (const [kind, f] of Object.entries(files)) {
    if (f && f.rows === null) f.rows = incoming.run === id ? incoming.rows[kind] || [] : [];
  }
  incoming = { run: 0, rows: {} };
  const caseloadLines = [];
  for (const kind of KINDS) {
    const f = files[kind];
    if (!f) continue;
    const out = readRows(kind, f.name, f.headers, f.rows, f.mapping, roles);
    read[kind] = out.records;
    errors.push(...out.errors);
    if (kind === 'caseload') {
      const bad = new Set(out.errors.map((e) => e.line));
      for (const r of f.rows) if (!bad.has(r.line)) caseloadLines.push(r.line);
    }
  }
  const built = buildService(read, caseloadLines);
  for (const e of built.errors) errors.push({ ...e, file: e.file === 'caseload' ? files.caseload.name : files.sessions.name });
  const total = built.workers.length;
  if (total > MOST_WORKERS) {
    post('error', id, { message: `the files hold ${n(total)} workers, and this page works out at most ${n(MOST_WORKERS)} at once. Choose files for part of the service (a team or an area).`, errors });
    return;
  }
  const most = built.workers.reduce((m, w) => Math.max(m, w.cases.length), 0);
  if (most > MOST_CHILDREN) {
    post('error', id, { message: `a worker has ${n(most)} children on their caseload, and this page works out at most ${n(MOST_CHILDREN)} for one worker. Check the caseload file's worker column.`, errors });
    return;
  }
  service = built;
  asked = { policyId, asOf, dueSoonDays };
  post('read', id, { errors, workers: total, children: built.workers.reduce((n, w) => n + w.cases.length, 0) });

  const options = { asOf, dueSoonDays, breaches: 'runs' };
  for (let i = 0; i < total; i += chunk) {
    const part = built.workers.slice(i, i + chunk);
    const schedules = scheduleMany(policyId, part.map(({ team, ...w }) => w), options);
    const rows = viewRows({ workers: part }, { schedules, teams: [] });
    for (const r of rows.workers) r.index += i;
    post('rows', id, { done: Math.min(i + chunk, total), total, workers: rows.workers, children: rows.children, runs: rows.runs, readings: rows.readings });
    // Let a newer run or a drill-down request in between chunks.
    await new Promise((r) => setTimeout(r, 0));
    if (current !== id) return;
  }
  const teams = built.teams.filter((t) => t.started)
    .map((t) => ({ team: t.id, schedule: scheduleTeam(policyId, t, { asOf, dueSoonDays }) }));
  const { duties, runs, readings } = viewRows({ workers: [] }, { schedules: [], teams });
  post('rest', id, { duties, runs, readings, actions: openActions(read.actions || [], asOf) });

  const compliance = await complianceByWorker({ scheduleMany }, policyId, built, asOf, {
    onProgress: (done, all) => { if (current === id) post('compliance-progress', id, { done, total: all }); },
  });
  if (current !== id) return;
  post('compliance', id, compliance);
}

self.addEventListener('message', (ev) => {
  const m = ev.data;
  const fail = (e) => post('error', m.run, { message: e instanceof Error && e.name === 'Error' && /^[\w.[\]]+: expected /.test(e.message) ? e.message : 'The due dates could not be worked out.' });
  if (m.type === 'rows-in') {
    if (incoming.run !== m.run) incoming = { run: m.run, rows: {} };
    (incoming.rows[m.kind] ??= []).push(...m.rows);
  } else if (m.type === 'run') run(m).catch(fail);
  else if (m.type === 'worker') {
    const w = service?.workers.find((x) => x.id === m.id);
    if (w) {
      const { team, ...worker } = w;
      try {
        const due = schedule(asked.policyId, worker, { asOf: asked.asOf, dueSoonDays: asked.dueSoonDays });
        // The sessions are all the panel's timeline reads: the caseload stays here.
        post('worker', m.run, { worker: { id: w.id, sessions: w.sessions }, children: w.cases.length, team, schedule: due });
      } catch (e) {
        fail(e);
      }
    } else {
      post('worker', m.run, { worker: null });
    }
  }
});
