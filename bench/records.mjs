// Issue 20 item 3's two speed targets, alone (the full set is bench/node.mjs):
//
//   - validate, the finished Havering case record, through the entry point users import
//     (index.js: free text reduced in JS, the record walked and written in JS, read
//     borrowed in the module), records per second;
//   - scheduleMany, 10,000 children, due dates only (breaches: 'none'), ms per call.
//
//   node bench/records.mjs [--pkg DIR]...     default: pkg/ and pkg/form/ (no schedule)
//     [--size]
//
// Each DIR is loaded as Node loads it for `import … from 'supervision-rules'`: its node.js,
// which reads supervision_rules_node.wasm where the folder has one (built for speed,
// scripts/build-pkg.sh) and supervision_rules_bg.wasm else. --size loads
// supervision_rules_bg.wasm instead (what a page runs, built for size), under the same glue.
//
// Each figure twice: wall clock (bench/lib.mjs's rate and once: the median of 5 rounds,
// of 7 calls) and the process's CPU time over the same calls, which moves less on a shared
// machine whose other work steals the cores. A --pkg with no built-in policies (base, form)
// loads the five from pkg/policies/all.js.
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { rate, once, loadPackage, median } from './lib.mjs';
import { readJson, baseWorker, caseload, AS_OF, SCHEDULE_POLICY } from './fixtures.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dirs = args.flatMap((a, i) => (args[i - 1] === '--pkg' ? [a] : []));
const PKGS = dirs.length ? dirs : [join(ROOT, 'pkg'), join(ROOT, 'pkg/form')];
const SIZE = args.includes('--size');
/** The entry point as Node's `import` gives it (node.js), or with the .wasm a page fetches. */
const load = async (dir) => (SIZE || !existsSync(join(dir, 'node.js'))
  ? loadPackage(dir)
  : { api: await import(pathToFileURL(join(dir, 'node.js')).href) });

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Calls per second of CPU time: the median of 5 rounds of `n` calls, after a warm-up. */
function cpuRate(fn, n = 20000) {
  for (let i = 0; i < n / 4; i++) fn();
  const rounds = Array.from({ length: 5 }, () => {
    const t = cpuMs();
    for (let i = 0; i < n; i++) fn();
    return n / ((cpuMs() - t) / 1000);
  });
  return median(rounds);
}
/** CPU ms of one call: the median of `runs` calls, after one. */
function cpuOnce(fn, runs = 7) {
  fn();
  return median(Array.from({ length: runs }, () => {
    const t = cpuMs();
    fn();
    return cpuMs() - t;
  }));
}

const record = readJson('havering-case-record.json');
const FINAL = { mode: 'final', today: AS_OF };
const kids = caseload(baseWorker(), 10_000);
const DUE_ONLY = { asOf: AS_OF, breaches: 'none' };
for (const dir of PKGS) {
  const { api } = await load(dir);
  if (!api.policies().some((p) => p.id === 'havering')) {
    const all = await import(pathToFileURL(join(ROOT, 'pkg/policies/all.js')).href);
    for (const compiled of all.default) api.loadPolicy(compiled);
  }
  const call = () => api.validate('havering', 'case-supervision-record', record, FINAL);
  if (!call().valid) throw new Error('the fixture should be a finished record');
  const wall = rate(call, { ms: 400, rounds: 5 });
  const cpu = cpuRate(call);
  console.log(`${dir}: validate ${Math.round(wall.perSec)}/s wall, ${Math.round(cpu)}/s CPU`);
  if (typeof api.scheduleMany === 'function' && existsSync(dir)) {
    const many = () => api.scheduleMany(SCHEDULE_POLICY, kids, DUE_ONLY);
    const w = once(many, { runs: 7 });
    const c = cpuOnce(many);
    console.log(`${dir}: scheduleMany 10,000 children, due dates only: ${w.ms.toFixed(0)} ms wall, ${c.toFixed(0)} ms CPU`);
  }
}
