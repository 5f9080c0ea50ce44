#!/usr/bin/env node
// The size budget of each entry point of the npm package: the .wasm and the JS (index.js,
// which holds the glue and the entry wrapper) a page downloads for it, gzipped (level 9, as a web server or CDN would serve them). A size
// check, not a timing test.
//
//   node scripts/size-budget.mjs [--pkg DIR] [--json]
//     [--budget core=KB,widget=KB,authoring=KB,base=KB,form=KB,widget/base=KB,widget/form=KB,policy=KB]
//     [--page-budget base=KB,form=KB,widget/base=KB,widget/form=KB]
//
// DIR defaults to pkg/ (scripts/build-pkg.sh): the core entry point (`supervision-rules`)
// is DIR itself, `supervision-rules/widget` DIR/widget, `supervision-rules/authoring`
// DIR/authoring, `supervision-rules/base` DIR/base, `supervision-rules/form` DIR/form,
// `supervision-rules/widget/base` DIR/widget/base, `supervision-rules/widget/form` DIR/widget/form.
// Each policy module (`supervision-rules/policies/<id>`, DIR/policies/<id>.js) is sized on
// its own against the `policy` budget (a one-council page: base or form, and one module).
// The default budgets are issue 11's targets (core 100 KB, widget 140 KB; the others have
// none); 1 KB is 1,000 bytes. Prints each file raw, gzipped and brotli'd,
// each entry's total and margin; exits 1 when an entry is over its budget (and says by how
// much), 2 when the package is not built. Ends with "N passed, N failed" (one per entry).

import { readFileSync, existsSync, readdirSync } from 'node:fs';
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
const budgets = { core: 100, widget: 140, authoring: Infinity, base: Infinity, form: Infinity,
  'widget/base': Infinity, 'widget/form': Infinity, policy: Infinity };
for (const part of String(opt('--budget', process.env.SIZE_BUDGET_KB ?? '')).split(',').filter(Boolean)) {
  const [entry, kbText] = part.split('=');
  if (!(entry in budgets) || !(Number(kbText) > 0)) {
    console.log(`size-budget: --budget takes core=KB,widget=KB,authoring=KB,base=KB,form=KB,widget/base=KB,widget/form=KB,policy=KB (got "${part}")`);
    process.exit(2);
  }
  budgets[entry] = Number(kbText);
}
const ENTRIES = { core: PKG, widget: join(PKG, 'widget'), authoring: join(PKG, 'authoring'), base: join(PKG, 'base'),
  form: join(PKG, 'form'), 'widget/base': join(PKG, 'widget', 'base'),
  'widget/form': join(PKG, 'widget', 'form') };
// The policy modules (supervision-rules/policies/<id>), each with the `policy` budget: a
// one-council page downloads the base entry point and one of them.
const POLICIES = existsSync(join(PKG, 'policies'))
  ? readdirSync(join(PKG, 'policies')).filter((f) => f.endsWith('.js') && f !== 'all.js').sort()
  : [];
// Each index.js holds the glue, the entry wrapper and fast-validate (and when-ready): a page
// fetches it and the .wasm (scripts/bundle-entry.mjs).
const filesOf = () => ['supervision_rules_bg.wasm', 'index.js'];

const missing = Object.entries(ENTRIES).flatMap(([entry, dir]) => filesOf(entry).map((f) => join(dir, f))).filter((f) => !existsSync(f));
if (!POLICIES.length) missing.push(join(PKG, 'policies', '*.js'));
if (missing.length) {
  console.log(`size-budget: missing ${missing.join(', ')}: build the package first (make build)`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}

const kb = (n) => (n / 1000).toFixed(1);
const sized = [...Object.entries(ENTRIES).map(([entry, dir]) => [entry, dir, filesOf(entry), entry]),
  ...POLICIES.map((f) => [`policies/${f.replace(/\.js$/, '')}`, join(PKG, 'policies'), [f], 'policy'])];
const results = sized.map(([entry, dir, names, budgetOf]) => {
  const files = names.map((f) => {
    const bytes = readFileSync(join(dir, f));
    return {
      file: f,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = files.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  const budget = budgets[budgetOf] * 1000;
  return { entry, dir, files, total, budgetBytes: budget, ok: total.gzip <= budget };
});

if (args.includes('--json')) {
  console.log(JSON.stringify(results, null, 1));
} else {
  const line = (a, b, c, d) => `${a.padEnd(36)} ${b.padStart(10)} ${c.padStart(10)} ${d.padStart(10)}`;
  console.log(line('file', 'raw KB', 'gzip KB', 'brotli KB'));
  for (const r of results) {
    const prefix = r.entry === 'core' || r.entry.startsWith('policies/') ? '' : `${r.entry}/`;
    if (r.entry.startsWith('policies/')) {
      console.log(line(`${r.entry}.js`, kb(r.total.raw), kb(r.total.gzip), kb(r.total.brotli)));
      continue;
    }
    for (const f of r.files) console.log(line(prefix + f.file, kb(f.raw), kb(f.gzip), kb(f.brotli)));
    console.log(line(`= ${r.entry}`, kb(r.total.raw), kb(r.total.gzip), kb(r.total.brotli)));
  }
  for (const r of results) {
    const margin = r.budgetBytes - r.total.gzip;
    if (r.budgetBytes === Infinity) console.log(`size-budget: ${r.entry}: ${kb(r.total.gzip)} KB gzipped (no budget)`);
    else console.log(r.ok
      ? `size-budget: ${r.entry}: ok — ${kb(r.total.gzip)} KB gzipped, ${kb(margin)} KB under its ${kb(r.budgetBytes)} KB budget`
      : `size-budget: ${r.entry}: OVER — ${kb(r.total.gzip)} KB gzipped is ${kb(-margin)} KB (${((100 * -margin) / r.budgetBytes).toFixed(0)}%) over its ${kb(r.budgetBytes)} KB budget (see BENCHMARKS.md, Size)`);
  }
}
// What a one-council page downloads: an entry point with no built-in policies and one
// policy module. --page-budget form=KB,base=KB,… holds the largest such page of an entry
// point (issue 20's targets: the form page 100, with due dates 160, with the widget 200).
const pageBudgets = {};
for (const part of String(opt('--page-budget', '')).split(',').filter(Boolean)) {
  const [entry, kbText] = part.split('=');
  if (!['base', 'form', 'widget/base', 'widget/form'].includes(entry) || !(Number(kbText) > 0)) {
    console.log(`size-budget: --page-budget takes base=KB,form=KB,widget/base=KB,widget/form=KB (got "${part}")`);
    process.exit(2);
  }
  pageBudgets[entry] = Number(kbText) * 1000;
}
const pages = [];
for (const core of results.filter((r) => ['base', 'form', 'widget/base', 'widget/form'].includes(r.entry))) {
  const mods = results.filter((r) => r.entry.startsWith('policies/'));
  const largest = Math.max(...mods.map((m) => core.total.gzip + m.total.gzip));
  const budget = pageBudgets[core.entry] ?? Infinity;
  pages.push({ entry: core.entry, largest, budget, ok: largest <= budget });
  if (args.includes('--json')) continue;
  const sizes = mods.map((m) => `${m.entry.slice(9)} ${kb(core.total.gzip + m.total.gzip)}`);
  console.log(`size-budget: one-council page, ${core.entry} + a policy module: ${sizes.join(', ')} KB gzipped`);
  if (budget !== Infinity) console.log(largest <= budget
    ? `size-budget: one-council page, ${core.entry}: ok — the largest ${kb(largest)} KB gzipped, ${kb(budget - largest)} KB under its ${kb(budget)} KB budget`
    : `size-budget: one-council page, ${core.entry}: OVER — the largest ${kb(largest)} KB gzipped is ${kb(largest - budget)} KB over its ${kb(budget)} KB budget`);
}
const checked = [...results, ...pages.filter((p) => p.budget !== Infinity)];
const ok = checked.filter((r) => r.ok).length;
console.log(`${ok} passed, ${checked.length - ok} failed`);
process.exit(ok === checked.length ? 0 : 1);
