// Headless Chromium benchmark: how long a page waits for its first `validate` result, and
// how long one `validate` takes once the package is loaded.
//
// Each run opens, in a new browser with a fresh profile: a control page (an inline module
// script that imports a one-line module: what any page pays before our code runs), the
// benchmark page (nothing cached: a first visit), the control page again, and the
// benchmark page again (a second visit). The first navigation of a new browser is slow
// for reasons of its own, so the control page goes first.
//
//   node bench/browser.mjs [--pkg DIR] [--entry form|base|widget/form|widget/base] [--runs N]
//     [--preload] [--quick] [--json FILE]
//
// --entry: a one-council page instead of the core entry point: DIR/<entry>/index.js, with
// Havering's policy module (DIR/policies/havering.js) imported beside it and loaded. The
// widget entry points (a one-council widget page) validate the same record through the
// widget's entry point: what the page waits for before attach can show anything.
//
// --preload: the page's <head> names the entry point's module, its .wasm and the policy
// module as README's "Deploying" shows (modulepreload, preload as fetch), so they are
// fetched while the HTML is parsed instead of when the module script asks for them.
//
// Serves a one-file page, the package (DIR, default pkg/: a wasm-pack --target web build)
// and bench/fixtures from localhost on a free port (node:http, nothing else), and opens the
// page in Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through playwright-core,
// each run with a fresh --user-data-dir, so nothing is cached: the first visit of a page.
// The page imports the glue, lets it fetch, compile and instantiate the .wasm (streaming),
// and validates the Havering case record; every time is from navigation start
// (performance.now() in the page). A second visit in the same browser shows the warm case
// (HTTP cache; V8's cache of compiled wasm code).

import { createServer } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, dirname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { median, table, fmt } from './lib.mjs';
import { AS_OF } from './fixtures.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const QUICK = args.includes('--quick');
const PKG = opt('--pkg', join(ROOT, 'pkg'));
const RUNS = Number(opt('--runs', QUICK ? 3 : 7));
const JSON_OUT = opt('--json', null);
const ENTRY = opt('--entry', '');
const PRELOAD = args.includes('--preload');
if (!['', 'form', 'base', 'widget/form', 'widget/base'].includes(ENTRY)) {
  throw new Error('--entry takes form, base, widget/form or widget/base');
}
const DIR = ENTRY ? `/pkg/${ENTRY}/` : '/pkg/';
const LINKS = !PRELOAD ? '' : [`<link rel="modulepreload" href="${DIR}index.js">`,
  `<link rel="preload" href="${DIR}supervision_rules_bg.wasm" as="fetch" crossorigin>`,
  ENTRY ? '<link rel="modulepreload" href="/pkg/policies/havering.js">' : ''].join('');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const record = await readFile(join(ROOT, 'bench/fixtures/havering-case-record.json'), 'utf8');

// The page: what a case-management page does before it can tell the user anything.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>supervision-rules bench</title>${LINKS}</head>
<body><p id="out">running</p>
<script type="module">
const marks = { script: performance.now() };
const mark = (k) => { marks[k] = performance.now(); };
// What a page imports: the entry point (index.js: the glue, validate() keeping free text in JS).
const [glue, policy] = await Promise.all([import('${DIR}index.js'),
  ${ENTRY ? "import('/pkg/policies/havering.js')" : 'null'}]);
mark('glueLoaded');
await glue.default({ module_or_path: '${DIR}supervision_rules_bg.wasm' });
if (policy) glue.loadPolicy(policy.default);
mark('instantiated');
const record = ${record.trim()};
const options = { mode: 'final', today: '${AS_OF}' };
const first = glue.validate('havering', 'case-supervision-record', record, options);
mark('firstValidate');
if (!first.valid) throw new Error('the fixture should be valid');
// Latency once loaded: batches of calls (the page's timer is coarse), median per call.
const perCall = [];
for (let b = 0; b < 9; b++) {
  const n = 200;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) glue.validate('havering', 'case-supervision-record', record, options);
  perCall.push((performance.now() - t0) / n);
}
const draft = { ...record, focus: '', nonNegotiables: '', supervisorSignature: '' };
const draftOptions = { mode: 'draft', today: '${AS_OF}' };
const perDraft = [];
for (let b = 0; b < 9; b++) {
  const n = 200;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) glue.validate('havering', 'case-supervision-record', draft, draftOptions);
  perDraft.push((performance.now() - t0) / n);
}
const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
const js = performance.getEntriesByType('resource').find((e) => e.name.endsWith('${DIR}index.js'));
const nav = performance.getEntriesByType('navigation')[0];
window.__bench = { marks, perCall, perDraft,
  wasm: wasm && { start: wasm.startTime, end: wasm.responseEnd, bytes: wasm.transferSize || wasm.encodedBodySize },
  js: js && { start: js.startTime, end: js.responseEnd },
  html: nav && { end: nav.responseEnd } };
document.getElementById('out').textContent = 'done';
</script></body></html>`;

// The control: the same shape of page with a one-line module instead of the package.
const CONTROL = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>control</title></head>
<body><p id="out">running</p>
<script type="module">
const script = performance.now();
await import('/control.js');
window.__bench = { marks: { script, glueLoaded: performance.now() } };
</script></body></html>`;

const MIME = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves the page at /, the package at /pkg/; anything else is a 404. */
function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(PAGE);
      return;
    }
    if (url.pathname === '/control') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(CONTROL);
      return;
    }
    if (url.pathname === '/control.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      res.end('export const ok = true;\n');
      return;
    }
    if (url.pathname.startsWith('/pkg/')) {
      const rel = normalize(decodeURIComponent(url.pathname.slice('/pkg/'.length)));
      if (!rel.startsWith('..') && !rel.includes(`${sep}..`)) {
        try {
          const body = await readFile(join(PKG, rel));
          const ext = rel.slice(rel.lastIndexOf('.'));
          // Revalidated on each visit, as a deployment without hashed file names would be.
          res.writeHead(200, { 'content-type': MIME[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
          res.end(body);
          return;
        } catch { /* 404 below */ }
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}/`;

async function visit(page, path = '') {
  await page.goto(base + path);
  await page.waitForFunction(() => window.__bench, null, { timeout: 60_000 });
  return page.evaluate(() => window.__bench);
}

const cold = [];
const warm = [];
const control = [];
let version = '';
for (let r = 0; r < RUNS; r++) {
  const dir = await mkdtemp(join(os.tmpdir(), 'supervision-rules-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    version = context.browser()?.version() ?? version;
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await visit(page, 'control');
    cold.push(await visit(page));
    control.push(await visit(page, 'control'));
    warm.push(await visit(page));
    if (errors.length) throw new Error(errors.join('\n'));
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
}
server.close();

const pick = (runs, f) => median(runs.map(f).filter((x) => x !== undefined && !Number.isNaN(x)));
const summary = (runs) => ({
  html: pick(runs, (b) => b.html?.end),
  jsStart: pick(runs, (b) => b.js?.start),
  jsFetched: pick(runs, (b) => b.js?.end),
  glue: pick(runs, (b) => b.marks.glueLoaded),
  wasmFetched: pick(runs, (b) => b.wasm?.end),
  instantiated: pick(runs, (b) => b.marks.instantiated),
  firstValidate: pick(runs, (b) => b.marks.firstValidate),
  firstCall: pick(runs, (b) => b.marks.firstValidate - b.marks.instantiated),
  perCallUs: pick(runs, (b) => median(b.perCall) * 1000),
  perDraftUs: pick(runs, (b) => median(b.perDraft) * 1000),
  all: runs.map((b) => b.marks.firstValidate),
});
const c = summary(cold);
const w = summary(warm);
const k = { script: pick(control, (b) => b.marks.script), imported: pick(control, (b) => b.marks.glueLoaded) };
const results = { chromium: version, runs: RUNS, cold: c, warm: w, control: k };

console.log(`# supervision-rules in headless Chromium ${version} (${RUNS} runs, each a fresh profile; medians)`);
console.log();
console.log('## From navigation start to the first validate result (ms)');
console.log();
console.log(table(['milestone', 'first visit (cold)', 'second visit (warm)'], [
  ['HTML received', fmt.ms(c.html), fmt.ms(w.html)],
  ['index.js (the glue and the entry) fetched', fmt.ms(c.jsFetched), fmt.ms(w.jsFetched)],
  ['glue imported (module evaluated)', fmt.ms(c.glue), fmt.ms(w.glue)],
  ['.wasm fetched', fmt.ms(c.wasmFetched), fmt.ms(w.wasmFetched)],
  ['.wasm compiled and instantiated', fmt.ms(c.instantiated), fmt.ms(w.instantiated)],
  ['**first validate result**', `**${fmt.ms(c.firstValidate)}**`, `**${fmt.ms(w.firstValidate)}**`],
  ['of which the first validate call', fmt.ms(c.firstCall), fmt.ms(w.firstCall)],
]));
console.log();
console.log(`First-visit runs: ${c.all.map((x) => fmt.ms(x)).join(', ')} ms. Target: first validate within 50 ms.`);
console.log();
console.log(`Control page (a one-line module instead of the package), same browser: its module script`);
console.log(`starts at ${fmt.ms(k.script)} ms and has imported the module at ${fmt.ms(k.imported)} ms — the part of the`);
console.log(`times above that any page pays on this machine. The package's own share of the first`);
console.log(`visit: ${fmt.ms(c.firstValidate - k.imported)} ms (fetching the glue and the .wasm, compiling, instantiating, the first call).`);
console.log();
console.log('## validate latency once loaded (µs per call; median of 9 batches of 200)');
console.log();
console.log(table(['input', 'first visit', 'second visit'], [
  ['finished Havering case record, final mode', fmt.us(c.perCallUs), fmt.us(w.perCallUs)],
  ['the record being typed (3 fields empty, draft mode)', fmt.us(c.perDraftUs), fmt.us(w.perDraftUs)],
]));
console.log();
if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 1)}\n`);
