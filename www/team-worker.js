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
//   page -> worker  {type: 'run', run, policyId, asOf, dueSoonDays, files: {kind: {name, headers, rows, mapping}}}
//                   {type: 'worker', run, id}          a worker's record, for the drill-down
//   worker -> page  {type: 'read', run, errors, workers, children}
//                   {type: 'rows', run, done, total, workers, children}   after each chunk
//                   {type: 'rest', run, duties, actions}
//                   {type: 'compliance-progress', run, done, total}, {type: 'compliance', run, ends, table}
//                   {type: 'worker', run, worker}, {type: 'error', run, message}

import init, { scheduleMany, scheduleTeam, policy } from './pkg/index.js';
import { readRows, buildService, viewRows, openActions, complianceByWorker } from './team-model.js';

const KINDS = ['sessions', 'caseload', 'duties', 'actions'];
const ready = init();
let current = 0;
let service = null;

const post = (type, run, data = {}) => self.postMessage({ type, run, ...data });

async function run({ run: id, policyId, asOf, dueSoonDays = 7, files, chunk = 25 }) {
  await ready;
  current = id;
  const roles = policy(policyId).roles;
  const read = {};
  const errors = [];
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
  service = built;
  const total = built.workers.length;
  post('read', id, { errors, workers: total, children: built.workers.reduce((n, w) => n + w.cases.length, 0) });

  const options = { asOf, dueSoonDays, breaches: 'runs' };
  for (let i = 0; i < total; i += chunk) {
    const part = built.workers.slice(i, i + chunk);
    const schedules = scheduleMany(policyId, part.map(({ team, ...w }) => w), options);
    const rows = viewRows({ workers: part }, { schedules, teams: [] });
    for (const r of rows.workers) r.index += i;
    post('rows', id, { done: Math.min(i + chunk, total), total, workers: rows.workers, children: rows.children, runs: rows.runs });
    // Let a newer run or a drill-down request in between chunks.
    await new Promise((r) => setTimeout(r, 0));
    if (current !== id) return;
  }
  const teams = built.teams.filter((t) => t.started)
    .map((t) => ({ team: t.id, schedule: scheduleTeam(policyId, t, { asOf, dueSoonDays }) }));
  const { duties, runs } = viewRows({ workers: [] }, { schedules: [], teams });
  post('rest', id, { duties, runs, actions: openActions(read.actions || [], asOf) });

  const compliance = await complianceByWorker({ scheduleMany }, policyId, built, asOf, {
    onProgress: (done, all) => { if (current === id) post('compliance-progress', id, { done, total: all }); },
  });
  if (current !== id) return;
  post('compliance', id, compliance);
}

self.addEventListener('message', (ev) => {
  const m = ev.data;
  const fail = (e) => post('error', m.run, { message: e instanceof Error && e.name === 'Error' && /^[\w.[\]]+: expected /.test(e.message) ? e.message : 'The due dates could not be worked out.' });
  if (m.type === 'run') run(m).catch(fail);
  else if (m.type === 'worker') {
    const w = service?.workers.find((x) => x.id === m.id);
    if (w) {
      const { team, ...worker } = w;
      post('worker', m.run, { worker, team });
    } else {
      post('worker', m.run, { worker: null });
    }
  }
});
