#!/usr/bin/env node
// One council's pages, from the packed tarball, in headless Chromium (issue 20): `npm pack`
// of pkg/ installed into a scratch project, its files served as they are installed, and
// pages that import the package by its names (an import map written from the installed
// package.json's `exports`, as a bundler would resolve them):
//
// - a form page: `supervision-rules/form` and `supervision-rules/policies/havering`, the
//   policy loaded, validate()'s findings for a partly filled record (worked out by hand
//   below), and only Havering known;
// - a widget page on GOV.UK markup: `supervision-rules/widget/form` (attach, no schedule, no
//   built-in policies) and `supervision-rules/policies/north-east-lincolnshire`, attached by
//   attachWhenReady with its `load` option; the error summary on submit, axe clean;
// - the same page on `supervision-rules/widget/base` (the widget with the due-dates panel):
//   the summary, and renderSchedule's panel, axe clean;
// - every entry point with a .wasm is one module: its installed index.js imports no file;
// - on each page, what the browser loads: one module per entry point (its index.js), the
//   policy module, the .wasm once — fetched by WebAssembly.instantiateStreaming — and
//   nothing else of the package; README's `modulepreload` and `preload` links used, not
//   fetched twice.
//
//   node tests/e2e/one-council.mjs      needs pkg/ built (bash scripts/build-pkg.sh)
// Ends with "N passed, N failed"; exits 1 when anything failed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { test, finish, failed, cannotRun } from './runner.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.join(ROOT, 'pkg');
const GOVUK = path.join(ROOT, 'node_modules/govuk-frontend/dist/govuk');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const INSTALLED = '/node_modules/supervision-rules/';

const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// ---- the package, as installed -----------------------------------------------------------

async function install(scratch) {
  const [info] = JSON.parse(run('npm', ['pack', PKG, '--json', '--pack-destination', scratch], scratch));
  await writeFile(path.join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts',
    path.join(scratch, info.filename)], scratch);
  return JSON.parse(await readFile(path.join(scratch, 'node_modules/supervision-rules/package.json'), 'utf8'));
}

/** Where the installed package's `exports` send `specifier` for a browser (`default`). */
function resolveExport(manifest, specifier) {
  const sub = `.${specifier.slice('supervision-rules'.length)}`;
  const target = (t) => (typeof t === 'string' ? t : t.default);
  if (manifest.exports[sub]) return INSTALLED + target(manifest.exports[sub]).slice(2);
  for (const [key, value] of Object.entries(manifest.exports)) {
    if (!key.includes('*')) continue;
    const [before, after] = key.split('*');
    if (sub.startsWith(before) && sub.endsWith(after) && sub.length >= key.length - 1) {
      const star = sub.slice(before.length, sub.length - after.length);
      return INSTALLED + target(value).replace('*', star).slice(2);
    }
  }
  throw new Error(`the package exports no ${specifier}`);
}

/** The page's import map: each name it imports, resolved by the installed `exports`. */
const importMap = (manifest, names) => JSON.stringify({
  imports: Object.fromEntries(names.map((n) => [n, resolveExport(manifest, n)])),
});

// ---- the pages ---------------------------------------------------------------------------

// Counts the browser's calls of each way to compile a .wasm, before any module runs.
const COUNT_COMPILES = `<script>
  window.compiles = { instantiateStreaming: 0, instantiate: 0, compileStreaming: 0, compile: 0 };
  for (const name of Object.keys(window.compiles)) {
    const f = WebAssembly[name];
    WebAssembly[name] = function (...args) { window.compiles[name]++; return f.apply(this, args); };
  }
</script>`;

/** README's "Deploying" links: the entry's module, its .wasm and the policy module. */
const preloads = (manifest, entry, policy) => {
  const module = resolveExport(manifest, `supervision-rules/${entry}`);
  return `<link rel="modulepreload" href="${module}">
  <link rel="preload" href="${module.replace(/index\.js$/, 'supervision_rules_bg.wasm')}" as="fetch" crossorigin>
  <link rel="modulepreload" href="${resolveExport(manifest, `supervision-rules/policies/${policy}`)}">`;
};

/**
 * A Havering case supervision record, partly filled: the supervisor, section 4 and both
 * signatures left out, and the one action without who does it.
 */
const HAVERING_RECORD = {
  children: [{ name: 'Child A', dob: '2019-05-01' }],
  socialWorker: 'Sam Patel', date: '2026-03-30',
  purpose: 'Why we are involved.', plan: 'The plan is working.', focus: 'School attendance.',
  nonNegotiables: '',
  actions: [{ action: 'Book the parenting assessment', when: '2026-04-20' }],
};

function formPage(manifest) {
  const names = ['supervision-rules/form', 'supervision-rules/policies/havering'];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Case supervision record</title>
  <link rel="icon" href="data:,">
  ${COUNT_COMPILES}
  <script type="importmap">${importMap(manifest, names)}</script>
  ${preloads(manifest, 'form', 'havering')}
</head>
<body><main><h1>Case supervision record</h1><p id="out">loading</p></main>
<script type="module">
  import init, { loadPolicy, policies, validate } from 'supervision-rules/form';
  import havering, { id } from 'supervision-rules/policies/havering';
  await init();
  const loaded = loadPolicy(havering);
  const record = ${JSON.stringify(HAVERING_RECORD)};
  const report = validate('havering', 'case-supervision-record', record, { mode: 'final', today: '2026-04-02' });
  const future = validate('havering', 'case-supervision-record', { ...record, date: '2026-04-03' },
    { mode: 'draft', today: '2026-04-02' });
  let other;
  try { validate('stockport', 'case-supervision-record', record); } catch (e) { other = e.code; }
  window.result = { id, loaded: loaded.id, policies: policies().map((p) => p.id), report, future, other };
  document.getElementById('out').textContent = 'done';
</script></body></html>`;
}

/** A GOV.UK date input (govuk-frontend's markup); `names` are its three boxes' names. */
const dateInput = (id, legend, names) => `
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset" role="group">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${legend}</legend>
          <div class="govuk-date-input" id="${id}">${[['day', 'Day', 2], ['month', 'Month', 2], ['year', 'Year', 4]].map(([part, label, width], i) => `
            <div class="govuk-date-input__item"><div class="govuk-form-group">
              <label class="govuk-label govuk-date-input__label" for="${id}-${part}">${label}</label>
              <input class="govuk-input govuk-date-input__input govuk-input--width-${width}" id="${id}-${part}" name="${names[i]}" type="text" inputmode="numeric">
            </div></div>`).join('')}
          </div>
        </fieldset>
      </div>`;

const field = (id, label, control = 'input') => `
      <div class="govuk-form-group">
        <label class="govuk-label" for="${id}">${label}</label>
        ${control === 'input' ? `<input class="govuk-input" id="${id}" name="${id}" type="text">`
    : `<textarea class="govuk-textarea" id="${id}" name="${id}" rows="3"></textarea>`}
      </div>`;

/**
 * North East Lincolnshire's supervision agreement on a GOV.UK page, with the widget of
 * `entry` (widget/form or widget/base) attached by attachWhenReady, the policy given as
 * `load`. widget/base also draws a worker's due dates with renderSchedule.
 */
function widgetPage(manifest, entry) {
  const policy = 'north-east-lincolnshire';
  const names = [`supervision-rules/${entry}`, `supervision-rules/policies/${policy}`];
  const panel = entry === 'widget/base';
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template"><head><meta charset="utf-8">
  <title>Supervision agreement</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/govuk/govuk-frontend.min.css">
  <link rel="stylesheet" href="${resolveExport(manifest, 'supervision-rules/supervision-rules.css')}">
  ${COUNT_COMPILES}
  <script type="importmap">${importMap(manifest, names)}</script>
  ${preloads(manifest, entry, policy)}
</head>
<body class="govuk-template__body">
  <div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
    <h1 class="govuk-heading-l">Supervision agreement</h1>
    <form id="agreement" action="/saved" method="post" novalidate>
${field('supervisee', 'The individual (supervisee)')}
${field('supervisor', 'Named supervisor')}
${dateInput('date', 'Date of issue', ['date-day', 'date-month', 'date-year'])}
${dateInput('review-date', 'Review date', ['review-d', 'review-m', 'review-y'])}
${field('culturesBehaviours', 'The establishment of cultures and behaviours', 'textarea')}
${field('rightsExpectations', 'The rights and expectations on both sides', 'textarea')}
${field('confidentiality', 'Constraints upon confidentiality', 'textarea')}
${field('supervisorSignature', 'Supervisor signature')}
${field('superviseeSignature', 'Supervisee signature')}
      <button type="submit" class="govuk-button">Save agreement</button>
    </form>
    ${panel ? '<div id="due"></div>' : ''}
  </main></div>
<script type="module">
  import * as sr from 'supervision-rules/${entry}';
  import policy from 'supervision-rules/policies/${policy}';
  window.widget = await sr.attachWhenReady(document.getElementById('agreement'), {
    policy: '${policy}', template: 'supervision-agreement', today: '2026-03-31', load: policy,
    fields: { reviewDate: { day: 'review-d', month: 'review-m', year: 'review-y' } },
  });
  window.exported = Object.keys(sr).sort();
  window.policies = sr.policies().map((p) => p.id);
  ${panel ? `const worker = { id: 'w1', role: 'social-worker', started: '2025-09-01',
    sessions: [{ date: '2026-02-02', type: 'one-to-one' }] };
  sr.renderSchedule(document.getElementById('due'), sr.schedule('${policy}', worker, { asOf: '2026-03-31' }), worker);` : ''}
  window.attached = true;
</script></body></html>`;
}

// ---- serving -----------------------------------------------------------------------------
/** The pages, the installed package and govuk-frontend; `url` without its final slash. */
async function serve(scratch, pages) {
  const server = await startServer({
    mounts: [['/node_modules/', path.join(scratch, 'node_modules')], ['/govuk/', GOVUK],
      ['/assets/', path.join(GOVUK, 'assets')]],
    pages,
  });
  return { url: server.url.replace(/\/$/, ''), close: server.close };
}

// ---- helpers -----------------------------------------------------------------------------

/** Opens `file`, waits for `ready` in the page; the page, with its errors and requests. */
async function open(context, base, file, ready) {
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
  await page.goto(base + file);
  await page.waitForFunction(ready);
  return page;
}

/**
 * What the page fetched of the package: each entry point one module (its index.js), the
 * policy module, the .wasm once, compiled by instantiateStreaming; nothing else of it.
 */
async function loadsAsOneModule(page, entryDir, policy) {
  const ours = page.requests.filter((p) => p.startsWith(INSTALLED) && !p.endsWith('.css'))
    .map((p) => p.slice(INSTALLED.length)).sort();
  assert.deepEqual(ours, [`${entryDir}index.js`, `${entryDir}supervision_rules_bg.wasm`, `policies/${policy}.js`].sort(),
    'one module per entry point, its .wasm and the policy module, each fetched once (the preloads used)');
  assert.deepEqual(await page.evaluate(() => window.compiles),
    { instantiateStreaming: 1, instantiate: 0, compileStreaming: 0, compile: 0 }, 'streaming compilation');
}

const summaryItems = (page) => page.$$eval('.govuk-error-summary__list li', (lis) => lis.map((li) => {
  const a = li.querySelector('a');
  return a ? `${a.getAttribute('href')} ${a.textContent.trim()}` : li.textContent.trim();
}));

async function axeClean(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${what}`);
}

// ---- the tests ---------------------------------------------------------------------------

async function formTest(context, base) {
  await test('form page (supervision-rules/form + policies/havering, from the tarball): validate\'s findings', async () => {
    const page = await open(context, base, '/form.html', () => window.result);
    const { id, loaded, policies, report, future, other } = await page.evaluate(() => window.result);
    assert.equal(id, 'havering');
    assert.equal(loaded, 'havering');
    assert.deepEqual(policies, ['havering'], 'only the loaded council: no built-in policies');
    assert.equal(other, 'unknown-policy', 'a council not loaded');
    assert.equal(report.valid, false);
    // Worked out from the template (src/policies/havering.json, case-supervision-record): the
    // supervisor and section 4 are required; the action has no `who` (action-who-missing,
    // docs/finding-codes.md); both signatures are
    // required when final. In the template's order.
    assert.deepEqual(report.errors.map((f) => `${f.path} ${f.code}`), [
      'supervisor required',
      'nonNegotiables required',
      'actions[0].who action-who-missing',
      'socialWorkerSignature required',
      'supervisorSignature required',
    ]);
    assert.deepEqual(report.warnings, []);
    for (const f of report.errors) assert.ok(f.message && f.source.startsWith('havering.txt'), JSON.stringify(f));
    // A session dated the day after today: not in the future (a warning in draft mode).
    assert.deepEqual(future.warnings.filter((f) => f.code === 'date-in-future').map((f) => f.path), ['date']);
    await loadsAsOneModule(page, 'form/', 'havering');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

async function widgetTest(context, base, entry) {
  const file = `/${entry.replace('/', '-')}.html`;
  await test(`widget page (supervision-rules/${entry} + policies/north-east-lincolnshire, from the tarball): attached, axe clean`, async () => {
    const page = await open(context, base, file, () => window.attached === true);
    assert.ok(await page.evaluate(() => window.widget !== null), 'attachWhenReady attached the widget');
    assert.deepEqual(await page.evaluate(() => window.policies), ['north-east-lincolnshire'],
      'the policy loaded by the load option; no built-in policies');
    const exported = await page.evaluate(() => window.exported);
    assert.ok(exported.includes('attach') && exported.includes('attachWhenReady'));
    assert.equal(exported.includes('renderSchedule'), entry === 'widget/base', 'renderSchedule only with the schedule');
    assert.equal(exported.includes('schedule'), entry === 'widget/base');
    await loadsAsOneModule(page, `${entry}/`, 'north-east-lincolnshire');
    if (entry === 'widget/base') {
      // The due-dates panel: a social worker last supervised on 2 February 2026 (Mondays
      // 2 Feb; North East Lincolnshire's cadence for a social worker is monthly), so by
      // 31 March the next session is overdue.
      assert.equal(await page.locator('#due .sr-schedule').count(), 1, 'the panel is drawn');
      assert.ok(await page.locator('#due .govuk-tag--red').count() >= 1, 'an overdue obligation');
    }
    await axeClean(page, `the ${entry} page as loaded`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
  await test(`widget page (${entry}): submit shows the GOV.UK error summary, each link to its control; axe clean`, async () => {
    const page = await open(context, base, file, () => window.attached === true);
    await page.fill('#supervisee', 'Sam Taylor');
    await page.fill('#date-day', '3');
    await page.fill('#date-month', '3');
    await page.fill('#date-year', '2026');
    await page.click('button.govuk-button');
    await page.waitForSelector('.govuk-error-summary__list li');
    assert.equal(new URL(page.url()).pathname, file, 'the submit was blocked (final)');
    const items = await summaryItems(page);
    // The agreement's required fields (src/policies/north-east-lincolnshire.json,
    // supervision-agreement) left empty, in the form's order: the supervisee and the date of
    // issue are filled; the review date's link goes to its first box.
    assert.deepEqual(items.map((i) => i.split(' ')[0]), [
      '#supervisor', '#review-date-day', '#culturesBehaviours', '#rightsExpectations',
      '#confidentiality', '#supervisorSignature', '#superviseeSignature',
    ]);
    // The summary's words are validate()'s messages.
    const messages = await page.evaluate(() => window.widget.validate().errors.map((f) => f.message));
    assert.deepEqual(items.map((i) => i.slice(i.indexOf(' ') + 1)), messages);
    assert.equal(await page.getAttribute('#supervisor', 'aria-invalid'), 'true');
    await axeClean(page, `the ${entry} page with its error summary`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

async function main() {
  await access(path.join(PKG, 'widget/form/index.js')).catch(() => {
    cannotRun(`no ${PKG}/widget/form/index.js: build the package first (bash scripts/build-pkg.sh)`);
  });
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-one-council-'));
  // The set-up every test needs (so it runs under E2E_ONLY too).
  let manifest;
  try {
    manifest = await install(scratch);
  } catch (e) {
    failed('npm pack + install of the tarball into a scratch project, offline', e);
    finish();
  }
  await test('every entry point with a .wasm is one module: its index.js imports no other file', async () => {
    // The entry points whose folder's .wasm the package exports ('.': ./supervision_rules_bg.wasm).
    const entries = Object.keys(manifest.exports).filter((k) => manifest.exports[`${k}/supervision_rules_bg.wasm`]);
    assert.deepEqual(entries.sort(), ['.', './authoring', './base', './form', './widget', './widget/base', './widget/form']);
    for (const key of entries) {
      const file = path.join(scratch, 'node_modules/supervision-rules', manifest.exports[key].default);
      const text = await readFile(file, 'utf8');
      assert.doesNotMatch(text, /(?:from|import)\s*\(?\s*["'][./]/, `${key}: ${manifest.exports[key].default} imports nothing`);
    }
  });
  const pages = {
    '/form.html': formPage(manifest),
    '/widget-form.html': widgetPage(manifest, 'widget/form'),
    '/widget-base.html': widgetPage(manifest, 'widget/base'),
  };
  const server = await serve(scratch, pages);
  const context = await launchBrowser(path.join(scratch, 'profile'));
  try {
    await formTest(context, server.url);
    await widgetTest(context, server.url, 'widget/form');
    await widgetTest(context, server.url, 'widget/base');
  } finally {
    await context.close();
    await server.close();
    if (!process.env.KEEP_SCRATCH) await rm(scratch, { recursive: true, force: true });
    else console.log(`scratch project kept in ${scratch}`);
  }
  finish();
}

main().catch((e) => {
  failed('set-up', e);
  finish();
});
