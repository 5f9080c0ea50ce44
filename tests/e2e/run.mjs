#!/usr/bin/env node
// End-to-end test of the www/ case-record page in headless Debian Chromium, driven by
// playwright-core (no browser download). Serves www/ and pkg/ itself on a free port, so a
// stale server on a fixed port can never answer. Needs pkg/ built (make build).
//
//   node tests/e2e/run.mjs            all tests
//   E2E_HEADED=1 node tests/e2e/run.mjs   watch it (needs a display)
//
// Ends with "N passed, N failed"; exits 1 when anything failed. Screenshots of failures go
// to tests/e2e/output/ (git-ignored).

import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { mkdtemp, rm, mkdir, access } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = path.join(ROOT, 'tests/e2e/output');
const RECORDS_KEY = 'supervision-rules:records:havering/case-supervision-record';
const DRAFT_KEY = 'supervision-rules:draft:havering/case-supervision-record';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const indent = (s) => String(s).split('\n').map((l) => `       ${l}`).join('\n');

let page; // the current page, for failure screenshots
async function screenshot(name) {
  if (!page || page.isClosed()) return;
  try {
    await mkdir(OUTPUT, { recursive: true });
    const file = path.join(OUTPUT, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`       screenshot: ${path.relative(ROOT, file)}`);
  } catch { /* best effort */ }
}

// ---- helpers -----------------------------------------------------------------------------
/** A date `days` before today, in local time, as YYYY-MM-DD (what the page calls today). */
function daysAgo(days) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** GET a raw path (not normalised by a URL parser) from the test server. */
function rawGet(port, rawPath) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function axeViolations(p) {
  const result = await new AxeBuilder({ page: p }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n'));
}

async function summaryLinks(p) {
  return p.$$eval('.govuk-error-summary__list a', (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
}

const SESSION = daysAgo(2);
const PARTIAL = {
  'f-socialWorker': 'Sam Social Worker',
  'f-supervisor': 'Pat Supervisor',
  'f-date': SESSION,
  'f-children-0-name': 'Child A',
  'f-children-0-dob': '2015-03-27',
  'f-purpose': 'Why we are involved: a purpose typed by the test.',
  'f-actions-0-action': 'Visit the child at school',
};
const REST = {
  'f-plan': 'The plan is working; evidence from the school.',
  'f-focus': 'Focus on the child\'s lived experience.',
  'f-nonNegotiables': 'Child seen alone; plan up to date.',
  'f-actions-0-who': 'Sam Social Worker',
  'f-actions-0-when': daysAgo(0),
  'f-socialWorkerSignature': 'Sam Social Worker',
  'f-supervisorSignature': 'Pat Supervisor',
};

async function fill(p, values) {
  for (const [id, value] of Object.entries(values)) await p.fill(`#${id}`, value);
}
async function values(p, ids) {
  const out = {};
  for (const id of ids) out[id] = await p.inputValue(`#${id}`);
  return out;
}

// ---- run ---------------------------------------------------------------------------------
async function main() {
  try {
    await access(path.join(ROOT, 'pkg/supervision_rules.js'));
  } catch {
    cannotRun('pkg/ is not built: run `make build` first');
  }

  const server = await startServer({ port: 0 });
  const base = server.url;
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-e2e-'));
  let context;
  const pageErrors = [];
  try {
    context = await launchBrowser(userDataDir);
    page = context.pages()[0] || (await context.newPage());
    const watch = (p) => {
      p.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
      p.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console.error: ${m.text()} ${m.location()?.url || ''}`); });
      p.on('response', (r) => { if (r.status() >= 400) pageErrors.push(`HTTP ${r.status()}: ${r.url()}`); });
    };
    watch(page);

    await test('server: serves .wasm as application/wasm and .js as JavaScript', async () => {
      const wasm = await rawGet(server.port, '/pkg/supervision_rules_bg.wasm');
      assert.equal(wasm.status, 200);
      assert.equal(wasm.type, 'application/wasm');
      const js = await rawGet(server.port, '/app.js');
      assert.equal(js.status, 200);
      assert.match(js.type, /^text\/javascript/);
    });

    await test('server: refuses paths outside www/ and pkg/', async () => {
      for (const bad of ['/../Cargo.toml', '/pkg/../Cargo.toml', '/%2e%2e/Cargo.toml', '/pkg/%2e%2e/Cargo.toml',
        '/..%2fCargo.toml', '/pkg/..%2f..%2fCargo.toml', '/%2e%2e%5cCargo.toml', '/.gitignore', '/src/lib.rs']) {
        const r = await rawGet(server.port, bad);
        assert.equal(r.status, 404, `${bad} gave ${r.status}`);
      }
    });

    await test('page loads the package and renders the Havering case supervision record', async () => {
      await page.goto(base);
      await page.waitForSelector('html[data-ready="true"]');
      assert.equal(await page.textContent('h1'), 'Havering Case Supervision Record');
      // Every field of the template, from the package's own data, has its control.
      const tpl = await page.evaluate(async () => {
        const m = await import('/pkg/widget/index.js'); // the entry point the page loaded
        return m.template('havering', 'case-supervision-record');
      });
      for (const section of tpl.sections) {
        assert.equal(await page.locator(`#section-${section.id} legend h2`).textContent(), section.title);
        for (const f of section.fields) {
          const sel = f.type === 'actions' || f.type === 'children' ? `table#f-${f.id}` : `#f-${f.id}`;
          assert.equal(await page.locator(sel).count(), 1, `no control for ${f.id}`);
        }
      }
      assert.equal(await page.getAttribute('#f-date', 'type'), 'date');
      assert.equal(await page.evaluate(() => document.getElementById('f-purpose').tagName), 'TEXTAREA');
      assert.equal(await page.locator('#f-actions-add').textContent(), 'Add action');
      assert.equal(await page.locator('#f-children-add').textContent(), 'Add child');
      // Every control has a label.
      const unlabelled = await page.$$eval('#record-form input, #record-form textarea, #record-form select, #due-form textarea, #due-form input, #due-form select',
        (els) => els.filter((e) => !e.labels || e.labels.length === 0).map((e) => e.id));
      assert.deepEqual(unlabelled, []);
    });

    await test('an incomplete record is blocked with an error summary, focus on it, nothing cleared', async () => {
      await fill(page, PARTIAL);
      await page.click('#save-record');
      // The widget's error summary (attach), above the page's <h1>.
      await page.waitForSelector('.govuk-error-summary');
      assert.equal((await page.textContent('.govuk-error-summary__title')).trim(), 'There is a problem');
      assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.className), 'govuk-error-summary');
      assert.equal(await page.evaluate(() => document.querySelector('.govuk-error-summary').nextElementSibling.id), 'page-title');
      assert.match(await page.title(), /^Error: /);

      // The summary lists exactly the package's own findings for what was typed, in order,
      // each linked to its control (so the wording can change in the package freely).
      const report = await page.evaluate(async (rec) => {
        const m = await import('/pkg/widget/index.js'); // the entry point the page loaded
        const d = new Date();
        const p = (n) => String(n).padStart(2, '0');
        const today = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
        return m.validate('havering', 'case-supervision-record', rec, { mode: 'final', today });
      }, {
        socialWorker: PARTIAL['f-socialWorker'], supervisor: PARTIAL['f-supervisor'], date: SESSION,
        children: [{ name: 'Child A', dob: '2015-03-27' }], purpose: PARTIAL['f-purpose'],
        actions: [{ action: PARTIAL['f-actions-0-action'], who: '', when: '' }],
      });
      assert.equal(report.valid, false);
      const links = await summaryLinks(page);
      const expectedHref = (path) => `#f-${path.replace(/\[(\d+)\]\./g, '-$1-')}`;
      assert.deepEqual(links, report.errors.map((e) => ({ text: e.message, href: expectedHref(e.path) })));

      // The ones that matter for this record, whatever the wording.
      const find = (href) => links.find((l) => l.href === href);
      for (const href of ['#f-supervisorSignature', '#f-socialWorkerSignature', '#f-plan', '#f-focus',
        '#f-nonNegotiables', '#f-actions-0-who', '#f-actions-0-when']) {
        assert.ok(find(href), `no summary link to ${href}: ${JSON.stringify(links)}`);
      }
      assert.match(find('#f-supervisorSignature').text, /supervisor/i);
      assert.match(find('#f-actions-0-who').text, /who/i);
      assert.equal(find('#f-purpose'), undefined, 'a completed field is not in the summary');
      assert.equal(find('#f-children-0-name'), undefined);

      // Inline messages: visually hidden "Error:" prefix, aria-describedby, aria-invalid.
      const message = (path) => report.errors.find((e) => e.path === path).message;
      assert.equal(await page.getAttribute('#f-supervisorSignature', 'aria-invalid'), 'true');
      const describedBy = (await page.getAttribute('#f-supervisorSignature', 'aria-describedby')).split(' ');
      assert.ok(describedBy.includes('f-supervisorSignature-error'), describedBy.join(' '));
      assert.equal(await page.textContent('#f-supervisorSignature-error'), `Error: ${message('supervisorSignature')}`);
      assert.equal(await page.textContent('#f-supervisorSignature-error .govuk-visually-hidden'), 'Error:');
      assert.equal(await page.getAttribute('#f-actions-0-who', 'aria-invalid'), 'true');
      assert.equal(await page.textContent('#f-actions-0-who-error'), `Error: ${message('actions[0].who')}`);
      assert.ok((await page.getAttribute('#f-actions-0-who', 'aria-describedby')).split(' ').includes('f-actions-0-who-error'));
      assert.equal(await page.getAttribute('#f-purpose', 'aria-invalid'), null);

      // Nothing typed was cleared, and nothing was saved.
      assert.deepEqual(await values(page, Object.keys(PARTIAL)), PARTIAL);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), RECORDS_KEY), null);
      assert.ok(await page.isHidden('#confirmation'));
    });

    await test('a link in the error summary moves focus to its field', async () => {
      await page.click('.govuk-error-summary__list a[href="#f-plan"]');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'f-plan');
    });

    await test('axe-core finds no WCAG 2.2 AA violations in the error state', async () => {
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `\n${violations.join('\n')}`);
    });

    await test('a second child row can be added and is labelled', async () => {
      await page.click('#f-children-add');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'f-children-1-name');
      const label = await page.$eval('#f-children-1-dob', (e) => e.labels[0].textContent);
      assert.equal(label, 'Child 2, date of birth');
      // An empty last row is not part of the record (no "child 2" errors).
    });

    await test('a complete record is saved: "Record saved" and the record in localStorage', async () => {
      await fill(page, REST);
      await page.click('#save-record');
      await page.waitForSelector('#confirmation:not([hidden])');
      assert.equal((await page.textContent('#confirmation-title')).trim(), 'Record saved');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'confirmation');
      assert.equal(await page.locator('.govuk-error-summary').count(), 0);
      assert.equal(await page.getAttribute('#f-supervisorSignature', 'aria-invalid'), null);
      assert.equal(await page.locator('#record-form [aria-invalid="true"]').count(), 0);
      assert.doesNotMatch(await page.title(), /^Error/);

      const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), RECORDS_KEY));
      assert.equal(saved.length, 1);
      const r = saved[0].record;
      assert.equal(saved[0].status, 'final');
      assert.equal(r.socialWorker, 'Sam Social Worker');
      assert.equal(r.date, SESSION);
      assert.equal(r.supervisorSignature, 'Pat Supervisor');
      assert.deepEqual(r.children, [{ name: 'Child A', dob: '2015-03-27' }]);
      assert.deepEqual(r.actions, [{ action: 'Visit the child at school', who: 'Sam Social Worker', when: daysAgo(0) }]);
      // The form still shows what was typed.
      assert.deepEqual(await values(page, Object.keys(PARTIAL)), PARTIAL);
    });

    await test('axe-core finds no WCAG 2.2 AA violations after saving', async () => {
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `\n${violations.join('\n')}`);
    });

    await test('"Save as draft" saves an incomplete record and it is restored on reload', async () => {
      await page.evaluate(() => localStorage.clear());
      await page.goto(base);
      await page.waitForSelector('html[data-ready="true"]');
      await fill(page, { 'f-socialWorker': 'Drafting Worker', 'f-actions-0-action': 'Half an action' });
      await page.click('#save-draft');
      await page.waitForSelector('#confirmation:not([hidden])');
      assert.equal((await page.textContent('#confirmation-title')).trim(), 'Draft saved');
      assert.equal(await page.locator('.govuk-error-summary').count(), 0);
      const draft = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY));
      assert.equal(draft.status, 'draft');
      assert.equal(draft.record.socialWorker, 'Drafting Worker');
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), RECORDS_KEY), null);
      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      assert.equal(await page.inputValue('#f-socialWorker'), 'Drafting Worker');
      assert.equal(await page.inputValue('#f-actions-0-action'), 'Half an action');
    });

    await test('due dates: the preset NQSW has supervision due 2026-01-19 as of 2026-01-14', async () => {
      await page.fill('#due-asof', '2026-01-14');
      await page.click('#due-submit');
      // The widget's panel (renderSchedule).
      const item = page.locator('#due-results .sr-obligations li[data-kind="supervision"][data-due="2026-01-19"]');
      await item.waitFor();
      const text = await item.textContent();
      assert.match(text, /havering\.txt §4b/);
      assert.match(text, /12 January 2026/); // the reason names the last session
      assert.equal(await item.locator('time').getAttribute('datetime'), '2026-01-19');
      // Overdue first, then due soon, then the rest.
      const statuses = await page.$$eval('#due-results .sr-obligations li', (lis) => lis.map((li) => li.dataset.status));
      const rank = { overdue: 0, 'due-soon': 1, ok: 2 };
      assert.deepEqual(statuses, [...statuses].sort((a, b) => rank[a] - rank[b]), statuses.join(','));
      assert.match(await page.textContent('#due-results .sr-schedule__summary'), /14 January 2026/);
    });

    await test('due dates: bad worker JSON shows an inline error and keeps the text', async () => {
      const typed = '{"id": "w1", "role": "nqsw", "started": ';
      await page.fill('#due-worker', typed);
      await page.click('#due-submit');
      await page.waitForSelector('#due-worker-error');
      assert.match(await page.textContent('#due-worker-error'), /^Error: Enter the worker as valid JSON/);
      assert.equal(await page.getAttribute('#due-worker', 'aria-invalid'), 'true');
      assert.equal(await page.inputValue('#due-worker'), typed);
      // A well-formed worker with a malformed date: the package's Error, shown inline.
      await page.fill('#due-worker', '{"id":"w1","role":"nqsw","started":"2026-02-30"}');
      await page.click('#due-submit');
      await page.waitForFunction(() => !/valid JSON/.test(document.getElementById('due-worker-error')?.textContent || 'valid JSON'));
      assert.match(await page.textContent('#due-worker-error'), /^Error: \S/);
      assert.equal(await page.locator('#due-results .sr-obligations').count(), 0);
    });

    await test('axe-core finds no WCAG 2.2 AA violations in the due-dates error state', async () => {
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `\n${violations.join('\n')}`);
    });

    await test('no JavaScript errors on the page', async () => {
      assert.deepEqual(pageErrors, []);
    });
  } catch (e) {
    failed('set-up', e);
  } finally {
    if (context) await context.close().catch(() => {});
    await server.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }

  finish('e2e, in headless Chromium');
}

await main();
