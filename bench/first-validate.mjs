// The first validate in Node, in a fresh process each run: how long reading the policy takes
// (issue 20). For the core entry point, the first `validate` reads the built-in Havering
// policy; for a one-council form page (`form` + `policies/havering`), `loadPolicy` reads
// the compiled policy and the first `validate` follows.
//
//   node bench/first-validate.mjs [--pkg DIR] [--runs N]
//
// Prints, per page, each run's milliseconds and their median (the same .wasm and glue a page
// loads, with initSync, as bench/node.mjs does).

import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadPackage } from './lib.mjs';
import { readJson, AS_OF } from './fixtures.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const PKG = opt('--pkg', join(ROOT, 'pkg'));
const RUNS = Number(opt('--runs', '3'));
const child = opt('--child', null);

const record = readJson('havering-case-record.json');
const FINAL = { mode: 'final', today: AS_OF };

if (child) {
  // One run in this process: prints {load, first} in ms.
  const dir = child === 'core' ? PKG : join(PKG, 'form');
  const { api } = await loadPackage(dir);
  let load = 0;
  if (child === 'form') {
    const havering = (await import(pathToFileURL(join(PKG, 'policies', 'havering.js')).href)).default;
    const t = performance.now();
    api.loadPolicy(havering);
    load = performance.now() - t;
  }
  const t = performance.now();
  const report = api.validate('havering', 'case-supervision-record', record, FINAL);
  const first = performance.now() - t;
  if (!report.valid) throw new Error('the fixture should be valid');
  console.log(JSON.stringify({ load, first }));
} else {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = (x) => x.toFixed(2);
  for (const page of ['core', 'form']) {
    const runs = Array.from({ length: RUNS }, () =>
      JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--pkg', PKG, '--child', page])));
    const total = runs.map((r) => r.load + r.first);
    console.log(`${page}: loadPolicy ${runs.map((r) => ms(r.load)).join(' / ')} ms, first validate `
      + `${runs.map((r) => ms(r.first)).join(' / ')} ms; both, median ${ms(median(total))} ms`);
  }
}
