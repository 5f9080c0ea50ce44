#!/usr/bin/env node
// End-to-end test of the policy workbench (www/policy.html, issue 14): a broken policy
// shows every problem with its line and column; fixing it renders the coverage, the
// templates and a worker's schedule; the page passes axe-core at WCAG 2.2 AA in both states.
// Issue 25: the checks, coverage and schedule run in the page's worker (policy-worker.js),
// under the page's strict Content-Security-Policy; a policy of 2,000 rules (the documented
// largest) is checked and covered with its main-thread long tasks recorded.
// Headless Debian Chromium through playwright-core; serves www/ and pkg/ itself. Needs pkg/
// built (make build).
//
//   node tests/e2e/policy.mjs
//
// Ends with "N passed, N failed"; exits 1 when anything failed.

import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.resolve(process.env.E2E_PKG || path.join(ROOT, 'pkg'));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];


async function axe(page) {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A derived policy with three mistakes, one per line. */
const BROKEN = `{
  "format": 1, "id": "my-council", "extends": "havering",
  "authority": "My Council", "title": "Supervision policy", "document": "my.txt",
  "rules": [
    { "id": "case-supervision", "kind": "cadence", "obligation": "case-supervison",
      "counts": ["case", "one-to-one"], "every": "28 days ",
      "overide": ["personal-supervision"], "source": "my.txt 2" }
  ]
}`;
const FIXED = BROKEN.replace('case-supervison', 'case-supervision').replace('28 days ', '28 days')
  .replace('"overide": ["personal-supervision"], ', '');

try {
  await access(path.join(PKG, 'authoring', 'supervision_rules.js'));
} catch {
  cannotRun('pkg/authoring is not built: run `make build` first');
}
const server = await startServer({ port: 0, pkg: PKG });
const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-policy-'));
let context;
try {
  context = await launchBrowser(userDataDir);
  const page = await context.newPage();
  const errors = [];
  const outside = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:')) outside.push(r.url()); });
  const workerScripts = [];
  page.on('request', (r) => { if (r.url().endsWith('/policy-worker.js')) workerScripts.push(r.url()); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}policy.html`);
  await page.waitForFunction(() => /Paste a policy/.test(document.getElementById('status').textContent));

  // The problems are the widget's (showProblems): its error summary, in #problems.
  await test('a broken policy shows every problem with its line, column and path', async () => {
    await page.fill('#policy-text', BROKEN);
    await page.click('#check');
    await page.waitForSelector('#problems:not([hidden])');
    const items = await page.$$eval('#problems .govuk-error-summary__list li', (li) => li.map((x) => x.textContent));
    assert.equal(items.length, 3, items.join('\n'));
    assert.ok(items.some((t) => t.startsWith('Line 7, column 7: rules[0].overide') && /did you mean "overrides"/.test(t)), items.join('\n'));
    assert.ok(items.some((t) => t.startsWith('Line 5, column 52: rules[0].obligation')), items.join('\n'));
    assert.ok(items.some((t) => t.startsWith('Line 6, column 41: rules[0].every') && /remove the space at the end/.test(t)), items.join('\n'));
    assert.equal(await page.isHidden('#results'), true);
    // Following a problem puts the caret at its place in the text.
    await page.click('#problems .govuk-error-summary__list li:first-child a');
    const caret = await page.$eval('#policy-text', (t) => t.selectionStart);
    assert.equal(caret, BROKEN.indexOf('"overide"'));
  });

  await test('axe-core: no WCAG 2.2 AA violations with problems shown', async () => {
    assert.deepEqual(await axe(page), []);
  });

  await test('fixing it renders coverage, templates and the schedule', async () => {
    await page.fill('#policy-text', FIXED);
    await page.click('#check');
    await page.waitForSelector('#results:not([hidden])');
    // The coverage and the schedule come from the worker after the results are shown.
    await page.waitForSelector('body[data-checked="true"]');
    await page.waitForSelector('#schedule tbody tr');
    assert.equal(await page.isHidden('#problems'), true);
    const rules = await page.$$eval('#coverage tbody tr', (tr) => tr.map((r) => r.textContent));
    assert.ok(rules.some((r) => r.startsWith('case-supervision') && r.endsWith('yes')), rules.join('\n'));
    const forms = await page.$$eval('#templates h3', (h) => h.map((x) => x.textContent));
    assert.ok(forms.includes('Havering Case Supervision Record'), forms.join(', '));
    const due = await page.$$eval('#schedule tbody tr', (tr) => tr.map((r) => r.textContent));
    assert.ok(due.some((r) => r.startsWith('case-supervision')), due.join('\n'));
    const compared = await page.$$eval('#compare tbody tr', (tr) => tr.map((r) => r.textContent));
    assert.ok(compared.some((r) => r.includes('every 28 days')), compared.join('\n'));
  });

  await test('axe-core: no WCAG 2.2 AA violations with the results shown', async () => {
    assert.deepEqual(await axe(page), []);
  });

  // The page's long tasks are printed (BENCHMARKS.md, "Issue 25: the pages at the largest
  // inputs"), not asserted: a time bound fails on a loaded machine, not on a regression.
  // That the page is not held is shown by where the work runs (policy-worker.js).
  await test('2,000 rules: checked and covered in the worker, the page never held', async () => {
    const rules = [];
    for (let i = 0; i < 2000; i++) {
      rules.push({ id: `r${i}`, kind: 'cadence', obligation: 'case-supervision', counts: ['case', 'one-to-one'],
        every: `${28 + (i % 50)} days`, when: { roles: ['social-worker'] }, source: `my.txt ${i}` });
    }
    const text = JSON.stringify({ format: 1, id: 'big', extends: 'havering', authority: 'Big Council',
      title: 'Supervision policy', document: 'my.txt', rules }, null, 2);
    // Put in the box directly (typing 600 KB is not a test), laid out, then checked: from
    // the click on. The box's own layout of 600 KB of text is a long task of the browser's
    // (0.4-1.6 s here) when a file is opened, whatever the page does with it after.
    await page.evaluate((t) => { const box = document.getElementById('policy-text'); box.value = t; box.getBoundingClientRect(); }, text);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    await page.evaluate(() => window.__long.splice(0));
    const t0 = Date.now();
    await page.click('#check');
    await page.waitForSelector('body[data-checked="true"]', { timeout: 300_000 });
    const ms = Date.now() - t0;
    const long = await page.evaluate(() => window.__long.splice(0));
    const n = await page.locator('#coverage tbody tr').count();
    console.log(`       measured: click to coverage complete ${ms} ms, ${n} rules; long tasks ${long.length ? long.join(', ') + ' ms' : 'none'}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`);
    assert.ok(n >= 2000, `${n} coverage rows`);
    assert.match(await page.textContent('#status'), new RegExp(`^The policy is valid: ${n} rules`));
    assert.equal(workerScripts.length, 1, 'the work ran in policy-worker.js');
  });

  await test('2,000 rules with a mistake each: the problems listed, the page not held', async () => {
    const rules = [];
    for (let i = 0; i < 2000; i++) rules.push({ id: `r${i}`, kind: 'cadence', obligation: 'case-supervison', counts: ['case'], every: '28 days', source: 'x' });
    const text = JSON.stringify({ format: 1, id: 'bad', extends: 'havering', authority: 'B', title: 'T', document: 'x', rules });
    await page.evaluate((t) => { const box = document.getElementById('policy-text'); box.value = t; box.getBoundingClientRect(); }, text);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    await page.evaluate(() => window.__long.splice(0));
    await page.click('#check');
    await page.waitForSelector('body[data-checked="true"]', { timeout: 300_000 });
    const problems = Number((await page.textContent('#problems .govuk-error-summary__title')).match(/\d+/)[0]);
    await page.waitForFunction((k) => document.querySelectorAll('#problems .govuk-error-summary__list li').length === k, problems);
    const long = await page.evaluate(() => window.__long.splice(0));
    console.log(`       measured: ${problems} problems listed; long tasks ${long.length ? long.join(', ') + ' ms' : 'none'}`);
    // checkPolicy lists the first 50 problems and says how many more (its own bound).
    assert.ok(problems >= 50, `${problems} problems`);
    assert.equal(workerScripts.length, 1, 'the work ran in policy-worker.js');
    assert.equal(await page.isHidden('#results'), true);
  });

  await test('2,001 rules (over the limit): a clear message, the page not held', async () => {
    const rules = [];
    for (let i = 0; i < 2001; i++) rules.push({ id: `r${i}`, kind: 'cadence', obligation: 'case-supervision', counts: ['case'], every: '28 days', source: 'x' });
    const text = JSON.stringify({ format: 1, id: 'over', extends: 'havering', authority: 'O', title: 'T', document: 'x', rules });
    await page.evaluate((t) => { document.getElementById('policy-text').value = t; }, text);
    await page.click('#check');
    await page.waitForSelector('body[data-checked="true"]', { timeout: 60_000 });
    // checkPolicy reports the limit registerPolicy would refuse it by, as the one problem,
    // at the rules (not a pass followed by a refusal).
    assert.equal(await page.textContent('#status'), 'The policy has problems: see the list.');
    const said = await page.textContent('#problems .govuk-error-summary__list');
    console.log(`       said: ${said}`);
    assert.equal(await page.locator('#problems .govuk-error-summary__list li').count(), 1);
    assert.match(said, /rules – at most 2000 rules in one call/, 'the limit named, at the rules');
    assert.ok(!said.includes('r2000'), 'no rule id echoed');
  });

  await test('a strict Content-Security-Policy on the page and its worker; no violation', async () => {
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(meta, /script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'/);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
  });

  await test('nothing leaves the page, and no script errors', async () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
  });
} finally {
  if (context) await context.close();
  await server.close();
  await rm(userDataDir, { recursive: true, force: true });
}
finish();
