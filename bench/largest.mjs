#!/usr/bin/env node
// The largest inputs docs/bad-inputs.md accepts, through the built package in Node (issue
// 25): one call each, the median of three, and the time to refuse input just over a limit.
//
//   node bench/largest.mjs      needs pkg/ built (make build)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(ROOT, 'pkg/authoring');
const api = await import(pathToFileURL(path.join(dir, 'index.js')).href);
api.initSync({ module: readFileSync(path.join(dir, 'supervision_rules_bg.wasm')) });

const day = (i) => new Date(Date.UTC(2000, 0, 3) + i * 86400000).toISOString().slice(0, 10);
const median3 = (f) => {
  const t = [0, 1, 2].map(() => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return t[1];
};
const row = (what, ms) => console.log(`| ${what} | ${ms >= 100 ? Math.round(ms) : ms.toFixed(1)} ms |`);
const refusedIn = (f) => median3(() => {
  try {
    f();
  } catch (e) {
    if (e.code !== 'bad-argument') throw e;
    return;
  }
  throw new Error('not refused');
});

const asOf = { asOf: '2026-11-30' };
console.log('| input | median of three |');
console.log('|---|---|');

// A worker: 100,000 sessions (daily from 1970 to 2243) — the sessions limit.
const sessions = Array.from({ length: 100000 }, (_, i) => ({ date: day(i - 10959), type: i % 3 ? 'one-to-one' : 'case' }));
const big = { id: 'w', role: 'social-worker', started: '1970-01-01', sessions };
row('schedule: one worker, 100,000 sessions (the limit)', median3(() => api.schedule('havering', big, { asOf: '2243-10-17' })));

// A worker: 10,000 dated changes (the limit), hours alternating every 2 days.
const changes = Array.from({ length: 10000 }, (_, i) => ({ from: day(2 * i + 1), hours: i % 2 ? 'full-time' : 'part-time' }));
const changing = { id: 'w', role: 'social-worker', started: day(0), hours: 'full-time', changes, sessions: sessions.slice(10959, 10969) };
row('schedule: one worker, 10,000 changes (the limit)', median3(() => api.schedule('havering', changing, { asOf: '2060-01-01' })));

// A caseload: 10,000 children (the limit), each discussed once.
const cases = Array.from({ length: 10000 }, (_, i) => ({ id: `C${i}`, allocated: '2026-01-05', discussed: ['2026-02-02'] }));
const caseload = { id: 'w', role: 'social-worker', started: '2025-01-06', sessions: [{ date: '2026-11-02', type: 'one-to-one' }], cases };
row('schedule: one worker, 10,000 children (the limit)', median3(() => api.schedule('north-east-lincolnshire', caseload, asOf)));

// A service: 20,000 workers (the limit), each with 12 sessions and 12 children.
const workers = Array.from({ length: 20000 }, (_, w) => ({
  id: `W${w}`, role: 'social-worker', started: '2025-01-06',
  sessions: Array.from({ length: 12 }, (_, i) => ({ date: day(9500 + 28 * i), type: 'one-to-one' })),
  cases: Array.from({ length: 12 }, (_, i) => ({ id: `C${w}-${i}`, allocated: '2026-01-05', discussed: ['2026-10-05'] })),
}));
row('scheduleMany: 20,000 workers × 12 sessions, 12 children (the limit)', median3(() => api.scheduleMany('havering', workers, { ...asOf, breaches: 'none' })));

// A policy: Havering's with 1,985 more rules chained by overrides (2,000 in all, the limit).
const havering = JSON.parse(readFileSync(path.join(ROOT, 'src/policies/havering.json'), 'utf8'));
const chain = (n, note) => ({
  ...havering, id: 'chained',
  rules: [...havering.rules, ...Array.from({ length: n }, (_, i) => ({ ...havering.rules[0], id: `r${i}`, note: 'n'.repeat(note), ...(i ? { overrides: [`r${i - 1}`] } : {}) }))],
});
let k = 0;
const chained = chain(1985, 40);
row('registerPolicy: 2,000 rules chained by overrides (the limit)', median3(() => api.registerPolicy({ ...chained, id: `chained-${k++}` })));
const text = JSON.stringify(chain(1985, 3000));
row(`checkPolicy: 2,000 rules, ${(text.length / 1e6).toFixed(1)} MB of text`, median3(() => api.checkPolicy(text)));
const bad = JSON.stringify({ ...chain(1985, 3000), rules: chain(1985, 3000).rules.map((r) => ({ ...r, every: 'x' })) });
row(`checkPolicy: 2,000 bad rules, ${(bad.length / 1e6).toFixed(1)} MB of text`, median3(() => api.checkPolicy(bad)));

// Refusals over a limit: before any work.
row('refused: sessions as {length: 1e9}', refusedIn(() => api.schedule('havering', { ...big, sessions: { length: 1e9 } }, asOf)));
row('refused: sessions as new Array(1e8)', refusedIn(() => api.schedule('havering', { ...big, sessions: new Array(1e8) }, asOf)));
row('refused: 20,001 workers', refusedIn(() => api.scheduleMany('havering', [...workers, workers[0]], asOf)));
row('refused: a 1 MB worker id', refusedIn(() => api.schedule('havering', { ...big, id: 'x'.repeat(1e6) }, asOf)));
