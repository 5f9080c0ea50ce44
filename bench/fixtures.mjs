// The benchmark inputs, shared by the native (benches/core.rs), Node (bench/node.mjs) and
// Chromium (bench/browser.mjs) benchmarks so every table measures the same data.
//
//   node bench/fixtures.mjs        rewrites bench/fixtures/worker.json (deterministic)
//
// Committed files, read by all three:
//   bench/fixtures/havering-case-record.json  a finished Havering Case Supervision Record
//       (Appendix A) as a case-management form would send it: three children, four PPF
//       sections of several paragraphs each, four actions, both signatures. Fictional.
//   bench/fixtures/worker.json  one social worker under North East Lincolnshire's policy
//       (the policy with the most child rules: four) with two years of history: personal and
//       case supervision about monthly, some cancelled for sickness, write-up dates,
//       absences, observations, an agreement, and a caseload of 30 children with plans, RAG
//       ratings, discussion dates and events (past and planned). Made by `baseWorker()`.
//
// Larger inputs are made from worker.json by `shiftedWorker(base, k)`, which the Rust bench
// implements identically (benches/core.rs `shifted_worker`): worker k has id `w{k}`, case
// ids `w{k}-c{j}`, and every date moved k % 21 days earlier. So a team of 500 is 500
// different schedules of the same shape, and 10,000 children are 334 workers (the last
// with 10 cases).

import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(HERE, 'fixtures');

/** The day every schedule is worked out for (a Monday). */
export const AS_OF = '2026-11-02';
/** The policy the schedule benchmarks use. */
export const SCHEDULE_POLICY = 'north-east-lincolnshire';

/** A small deterministic PRNG (mulberry32), so the fixture is the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const ms = (d) => Date.parse(`${d}T00:00:00Z`);
/** `d` plus `n` calendar days. */
export const addDays = (d, n) => iso(ms(d) + n * DAY);
/** Moves a weekend date to the Monday after. */
const weekday = (d) => {
  const w = new Date(ms(d)).getUTCDay();
  return w === 6 ? addDays(d, 2) : w === 0 ? addDays(d, 1) : d;
};

/** The one worker: two years of history, 30 children. See the header. */
export function baseWorker() {
  const r = rng(7);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const between = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const start = '2024-11-04';
  const sessions = [];
  // Personal supervision about every four weeks, case supervision about every five.
  for (const [type, every] of [['personal', 28], ['case', 35]]) {
    for (let d = addDays(start, between(0, 6)); d <= AS_OF; d = addDays(d, every + between(-4, 6))) {
      const date = weekday(d);
      const s = { date, type };
      if (r() < 0.06) s.cancelled = 'sickness';
      else if (date < AS_OF) s.recorded = weekday(addDays(date, between(0, 4)));
      sessions.push(s);
    }
  }
  // One booked session after asOf.
  sessions.push({ date: weekday(addDays(AS_OF, 9)), type: 'case' });
  sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const plans = ['early-help', 'child-in-need', 'child-protection', 'looked-after', 'leaving-care'];
  const rags = ['red', 'amber', 'green'];
  const eventKinds = ['significant-change', 'change-of-social-worker', 'risk-increase',
    'child-protection-conference', 'pre-proceedings', 'proceedings', 'entering-care',
    'step-up', 'step-down'];
  const cases = [];
  for (let j = 0; j < 30; j++) {
    const allocated = weekday(addDays('2024-09-02', between(0, 700)));
    const discussed = [];
    for (let d = addDays(allocated, between(5, 30)); d <= AS_OF; d = addDays(d, between(35, 70))) {
      discussed.push(weekday(d));
    }
    const events = [];
    for (let e = between(0, 3); e > 0; e--) {
      events.push({ date: weekday(addDays(allocated, between(10, 760))), kind: pick(eventKinds) });
    }
    events.sort((a, b) => (a.date < b.date ? -1 : 1));
    cases.push({ id: `c${j}`, allocated, plan: pick(plans), rag: pick(rags), discussed, events });
  }
  return {
    id: 'w0',
    role: 'social-worker',
    started: '2024-09-02',
    sessions,
    absences: [
      { from: '2025-02-10', to: '2025-02-14' },
      { from: '2025-08-04', to: '2025-08-15' },
      { from: '2026-04-13', to: '2026-04-17' },
    ],
    agreement: { signed: '2025-10-06', supervisorChanged: '2026-03-02' },
    observations: ['2025-03-12', '2025-09-17', '2026-03-18', '2026-09-16'],
    reviews: [{ kind: 'pdr', date: '2025-03-05' }, { kind: 'pdr', date: '2026-03-04' }],
    cases,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Worker k of a team made from `base`: ids made unique, every date moved k % 21 days
 * earlier. Mirrors `shifted_worker` in benches/core.rs. */
export function shiftedWorker(base, k) {
  const shift = -(k % 21);
  const walk = (v) => {
    if (typeof v === 'string') return DATE.test(v) ? addDays(v, shift) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out = {};
      for (const [key, x] of Object.entries(v)) out[key] = walk(x);
      return out;
    }
    return v;
  };
  const w = walk(base);
  w.id = `w${k}`;
  w.cases = w.cases.map((c, j) => ({ ...c, id: `w${k}-c${j}` }));
  return w;
}

/** `n` workers made from `base`. */
export function team(base, n) {
  return Array.from({ length: n }, (_, k) => shiftedWorker(base, k));
}

/** Workers holding exactly `children` cases between them (30 each, the last fewer). */
export function caseload(base, children) {
  const per = base.cases.length;
  const out = [];
  for (let k = 0, left = children; left > 0; k++, left -= per) {
    const w = shiftedWorker(base, k);
    w.cases = w.cases.slice(0, Math.min(per, left));
    out.push(w);
  }
  return out;
}

export const readJson = (name) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const w = baseWorker();
  writeFileSync(join(FIXTURES, 'worker.json'), `${JSON.stringify(w, null, 1)}\n`);
  const n = w.sessions.length;
  const d = w.cases.reduce((s, c) => s + c.discussed.length, 0);
  console.log(`bench/fixtures/worker.json: ${n} sessions, ${w.cases.length} cases, ${d} discussions`);
}
