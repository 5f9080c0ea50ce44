// Helpers shared by the Node and Chromium benchmarks: timing, medians, tables, and loading
// the package built by wasm-pack (--target web) into Node.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Calls `fn` repeatedly for about `ms` milliseconds per round, `rounds` times after a warm-up
 * round, and returns the median calls per second and the median time per call (µs).
 * `fn` receives the iteration number, so callers can cycle through inputs.
 */
export function rate(fn, { ms = 400, rounds = 5 } = {}) {
  const round = () => {
    let n = 0;
    let batch = 1;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms) {
      for (let i = 0; i < batch; i++) fn(n + i);
      n += batch;
      if (batch < 1 << 16) batch *= 2;
      t = performance.now();
    }
    return n / ((t - t0) / 1000);
  };
  round(); // warm-up: compilation tiers, caches
  const rates = Array.from({ length: rounds }, round);
  const perSec = median(rates);
  return { perSec, us: 1e6 / perSec, rounds: rates };
}

/** Times one call of `fn` `runs` times (after `warm` untimed calls); median milliseconds. */
export function once(fn, { runs = 7, warm = 1 } = {}) {
  for (let i = 0; i < warm; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), min: Math.min(...times), max: Math.max(...times), times };
}

/** A Markdown table. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const width = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
  return [line(cells[0]), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

export const fmt = {
  int: (n) => Math.round(n).toLocaleString('en-GB'),
  us: (n) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toString()),
  ms: (n) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toString()),
  x: (n) => `${n >= 10 ? Math.round(n) : n.toFixed(1)}×`,
};

/** The machine, for the report's header. */
export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m);
    if (m) cpu = m[1];
  } catch { /* not Linux */ }
  return { cpu, cores: os.availableParallelism?.() ?? os.cpus().length, node: process.version };
}

/**
 * Loads the wasm-pack `--target web` package in `dir` into Node: the same files a page
 * loads. Returns the module's exports and how long compiling and instantiating took.
 */
export async function loadPackage(dir) {
  const glue = await import(pathToFileURL(join(dir, 'supervision_rules.js')).href);
  const bytes = readFileSync(join(dir, 'supervision_rules_bg.wasm'));
  const t0 = performance.now();
  const module = new WebAssembly.Module(bytes);
  const t1 = performance.now();
  glue.initSync({ module });
  const t2 = performance.now();
  // `api` is what users import (the entry point's index.js, whose validate() keeps free text
  // in JS); `glue` is wasm-bindgen's module underneath, whose validate() takes the whole record.
  const api = await import(pathToFileURL(join(dir, 'index.js')).href);
  return { api, glue, compileMs: t1 - t0, instantiateMs: t2 - t1, bytes: bytes.length };
}

/** A finished record for any template, made from its fields and rules (the same recipe as
 * tests/validate_support `complete_record`): every field filled with a valid value of its
 * type, dates chosen to satisfy the template's rules. */
export function completeRecord(t) {
  const SESSION = '2026-03-02';
  const WEEK_BEFORE = '2026-02-23';
  const WEEK_AFTER = '2026-03-09';
  const YEAR_AFTER = '2027-03-02';
  const session = t.sessionDate;
  const rules = t.rules ?? [];
  const dates = new Map();
  const notFuture = rules.filter((r) => r.kind === 'not-future').map((r) => r.field);
  const startEnd = [];
  for (const r of rules) {
    if (r.kind === 'date-order') {
      if (r.earlier === session) dates.set(r.later, WEEK_AFTER);
      else if (r.later === session) dates.set(r.earlier, WEEK_BEFORE);
      else if (!notFuture.includes(r.later) && !dates.has(r.later)) dates.set(r.later, YEAR_AFTER);
    } else if (r.kind === 'next-within-cadence') dates.set(r.field, WEEK_AFTER);
    else if (r.kind === 'required-if-gap') dates.set(r.last, WEEK_BEFORE);
    else if (r.kind === 'min-duration' && r.start && r.end) startEnd.push([r.start, r.end, r.minutes]);
  }
  const minMinutes = (id) => Math.max(-Infinity, ...rules
    .filter((r) => r.kind === 'min-duration' && r.field === id).map((r) => r.minutes));
  const record = {};
  for (const s of t.sections) {
    for (const f of s.fields) {
      let v;
      switch (f.type) {
        case 'text': v = 'Discussed'; break;
        case 'person': v = 'A. Worker'; break;
        case 'signature': v = 'A. Supervisor'; break;
        case 'date': v = dates.get(f.id) ?? SESSION; break;
        case 'time': {
          const end = startEnd.find(([, e]) => e === f.id);
          if (end) {
            const m = 10 * 60 + Math.max(end[2], 90);
            v = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          } else v = '10:00';
          break;
        }
        case 'number': {
          let n = Math.max(90, minMinutes(f.id));
          if (f.min !== undefined) n = Math.max(n, f.min);
          if (f.max !== undefined) n = Math.min(n, f.max);
          v = n;
          break;
        }
        case 'choice': v = f.options[0]; break;
        case 'case-ids': v = '12345, 67890'; break;
        case 'actions': v = [{ action: 'Book review', who: 'Social worker', when: SESSION }]; break;
        case 'children': v = [{ name: 'Child A', dob: '2015-01-01' }]; break;
        default: throw new Error(`field type ${f.type}`);
      }
      record[f.id] = v;
    }
  }
  return record;
}
