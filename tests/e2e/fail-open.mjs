#!/usr/bin/env node
// The widget fails open (README, "When the .wasm cannot load"): a form page that attaches
// it with attachWhenReady() and whose .wasm cannot be loaded — not found, served as
// text/plain, refused by a Content Security Policy without 'wasm-unsafe-eval', a browser
// without WebAssembly — still posts its form to its action, as it would without the
// package, and its developer gets one console.error naming the cause. Headless Debian
// Chromium through playwright-core; serves the page, pkg/ and the form's action itself on a
// free port of 127.0.0.1. Needs pkg/ built (make build).
//
//   node tests/e2e/fail-open.mjs
//
// Ends with "N passed, N failed"; exits 1 when anything failed.

import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { createServer } from 'node:http';
import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.resolve(process.env.E2E_PKG || path.join(ROOT, 'pkg'));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// A form page as a developer writes it: its own controls, posted to its own action; the
// widget added by one module script (no inline script, so a strict CSP can be tested).
const PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Personal supervision</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="page.css"></head>
<body><main>
<h1>Personal supervision</h1>
<form id="supervision" action="save" method="post">
  <div class="govuk-form-group">
    <label class="govuk-label" for="date">Date of this supervision</label>
    <input class="govuk-input" id="date" name="date" type="text">
  </div>
  <button type="submit">Save</button>
</form>
</main>
<script type="module" src="main.js"></script>
</body></html>`;

const MAIN = `import { attachWhenReady } from './pkg/widget/index.js';
const widget = await attachWhenReady(document.getElementById('supervision'), {
  policy: 'havering', template: 'personal-supervision',
  absent: ['supervisor', 'supervisee', 'supervisorSignature', 'superviseeSignature'],
});
window.attached = widget !== null;
`;

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.ts': 'text/plain' };

/**
 * /<case>/ serves the page, main.js and pkg/; what differs by case is how the .wasm (or
 * the page's CSP) is served. POST /<case>/save records the body.
 */
async function serve(saved) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const [, kase, ...rest] = url.pathname.split('/');
    const rel = rest.join('/');
    if (req.method === 'POST' && rel === 'save') {
      let body = '';
      for await (const chunk of req) body += chunk;
      saved.push({ kase, body });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="en-GB"><title>Saved</title><p>Saved</p></html>');
      return;
    }
    const headers = { 'Cache-Control': 'no-store' };
    if (rel === '' || rel === 'index.html') {
      if (kase === 'csp') headers['Content-Security-Policy'] = "script-src 'self'";
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return;
    }
    if (rel === 'page.css') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/css; charset=utf-8' });
      res.end('button, input { min-height: 44px; min-width: 44px; }\n');
      return;
    }
    if (rel === 'main.js') {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'] });
      res.end(MAIN);
      return;
    }
    const file = path.resolve(PKG, decodeURIComponent(rel.replace(/^pkg\//, '')));
    const isWasm = file.endsWith('.wasm');
    try {
      if (!rel.startsWith('pkg/') || !file.startsWith(PKG + path.sep) || !(await stat(file)).isFile()) throw new Error('not found');
      if (isWasm && kase === 'missing') throw new Error('not found');
      const type = isWasm && kase === 'mime' ? 'text/plain' : TYPES[path.extname(file)] || 'application/octet-stream';
      res.writeHead(200, { ...headers, 'Content-Type': type });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found\n');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}


/** Opens /<kase>/; returns the page and the console.error calls the page's scripts make. */
async function open(context, base, kase, before) {
  const page = await context.newPage();
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
  page.on('pageerror', (e) => logged.push(`pageerror: ${e.message}`));
  if (before) await page.addInitScript(before);
  await page.goto(`${base}${kase}/`);
  await page.waitForFunction(() => window.attached !== undefined);
  // The browser's own report of a failed load or a refused compile is not a console.error
  // call of the page's; only the package's own message counts.
  const own = () => logged.filter((t) => !/^Failed to load resource|^Refused to /.test(t));
  return { page, own };
}

async function main() {
  try {
    await access(path.join(PKG, 'widget', 'index.js'));
  } catch {
    cannotRun('pkg/ is not built: run `make build` first');
  }
  const saved = [];
  const server = await serve(saved);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-fail-open-'));
  let context;
  try {
    context = await launchBrowser(userDataDir);
    for (const p of context.pages()) await p.close();

    await test('served properly, the widget attaches and blocks an empty final record', async () => {
      const { page, own } = await open(context, server.url, 'served');
      assert.equal(await page.evaluate(() => window.attached), true);
      await page.click('button[type=submit]');
      await page.waitForSelector('.govuk-error-summary');
      assert.equal(saved.filter((s) => s.kase === 'served').length, 0, 'the empty record was not posted');
      // The one console.error is the widget's report of the absent required fields.
      assert.equal(own().length, 1, own().join('\n'));
      assert.match(own()[0], /options\.absent/);
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
      await page.close();
    });

    const cases = [
      ['missing', 'the .wasm is not found (HTTP 404)', /supervision_rules_bg\.wasm answered HTTP 404/],
      ['mime', 'the .wasm is served as text/plain', /supervision_rules_bg\.wasm is served as text\/plain: serve it as application\/wasm/],
      ['csp', "the page's CSP lacks 'wasm-unsafe-eval'", /Content Security Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to script-src/],
      ['old', 'the browser has no WebAssembly', /this browser cannot run WebAssembly/, () => { delete window.WebAssembly; }],
    ];
    for (const [kase, what, cause, before] of cases) {
      await test(`${what}: the form posts to its action as without the package; one console.error names the cause`, async () => {
        const { page, own } = await open(context, server.url, kase, before);
        assert.equal(await page.evaluate(() => window.attached), false);
        assert.equal(own().length, 1, own().join('\n'));
        assert.match(own()[0], /^supervision-rules: the widget is not attached and the form saves unchecked: /);
        assert.match(own()[0], cause);
        // An empty record, which the widget would block, goes to the page's action unchecked.
        await Promise.all([page.waitForURL(`${server.url}${kase}/save`), page.click('button[type=submit]')]);
        assert.deepEqual(saved.filter((s) => s.kase === kase).map((s) => s.body), ['date=']);
        assert.equal(await page.locator('.govuk-error-summary').count(), 0);
        await page.close();
      });
    }
  } finally {
    if (context) await context.close().catch(() => {});
    await server.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
  finish();
}

main().catch((e) => {
  failed('set-up', e);
  finish();
});
