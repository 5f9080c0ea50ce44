#!/usr/bin/env node
// The size budget of the package a page downloads: the .wasm and the JS glue, gzipped
// (level 9, as a web server or CDN would serve them). A size check, not a timing test.
//
//   node scripts/size-budget.mjs [--pkg DIR] [--budget KB] [--json]
//
// DIR defaults to pkg/ (wasm-pack build --release --target web). KB defaults to 100, the
// target of issue 7 ("gzipped .wasm + glue under 100 KB with all five policies"); 1 KB is
// 1,000 bytes. Prints each file raw and gzipped, the total, and the margin; exits 1 when
// the total is over the budget (and says by how much), 2 when the package is not built.
// Ends with "N passed, N failed" so a CI log reads it like a test.

import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const PKG = opt('--pkg', join(ROOT, 'pkg'));
const BUDGET_KB = Number(opt('--budget', process.env.SIZE_BUDGET_KB ?? 100));
const FILES = ['supervision_rules_bg.wasm', 'supervision_rules.js'];

const missing = FILES.filter((f) => !existsSync(join(PKG, f)));
if (missing.length) {
  console.log(`size-budget: ${PKG} has no ${missing.join(', ')}: build it first (make build)`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}

const kb = (n) => (n / 1000).toFixed(1);
const rows = FILES.map((f) => {
  const bytes = readFileSync(join(PKG, f));
  return {
    file: f,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const budget = BUDGET_KB * 1000;
const ok = total.gzip <= budget;

if (args.includes('--json')) {
  console.log(JSON.stringify({ pkg: PKG, budgetBytes: budget, files: rows, total, ok }, null, 1));
} else {
  const line = (a, b, c, d) => `${a.padEnd(28)} ${b.padStart(10)} ${c.padStart(10)} ${d.padStart(10)}`;
  console.log(line('file', 'raw KB', 'gzip KB', 'brotli KB'));
  for (const r of rows) console.log(line(r.file, kb(r.raw), kb(r.gzip), kb(r.brotli)));
  console.log(line('total', kb(total.raw), kb(total.gzip), kb(total.brotli)));
  const margin = budget - total.gzip;
  console.log(ok
    ? `size-budget: ok — ${kb(total.gzip)} KB gzipped, ${kb(margin)} KB under the ${BUDGET_KB} KB budget`
    : `size-budget: OVER — ${kb(total.gzip)} KB gzipped is ${kb(-margin)} KB (${((100 * -margin) / budget).toFixed(0)}%) over the ${BUDGET_KB} KB budget (see BENCHMARKS.md, Size)`);
}
console.log(ok ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exit(ok ? 0 : 1);
