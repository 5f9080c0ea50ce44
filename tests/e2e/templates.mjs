#!/usr/bin/env node
// End-to-end test of the generated demo pages: www/templates/ (a list of every template of
// every built-in policy), www/templates/form.html?policy=…&template=… (a form built from the
// template's data, the widget attached) for EVERY template, and www/csp.html (the widget
// under a strict Content-Security-Policy). Each page is scanned with axe-core in its error
// state: zero violations at WCAG 2.2 AA. Headless Debian Chromium through playwright-core;
// serves www/ and pkg/ itself on a free port. Needs pkg/ built (make build).
//
//   node tests/e2e/templates.mjs
//   E2E_ONLY=havering node tests/e2e/templates.mjs   only the tests whose name contains it
//   E2E_PKG=/tmp/pkg node tests/e2e/templates.mjs    serve another wasm-pack output as /pkg/
//   E2E_HEADED=1 node tests/e2e/templates.mjs        watch it (needs a display)
//
// Ends with "N passed, N failed"; exits 1 when anything failed.

import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, localDay } from './browser.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.resolve(process.env.E2E_PKG || path.join(ROOT, 'pkg'));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ONLY = process.env.E2E_ONLY || '';
/** The built-in policies the README names: each must be listed. */
const BUILT_IN = ['stockport', 'north-east-lincolnshire', 'havering', 'shropshire', 'south-gloucestershire'];


// ---- helpers -----------------------------------------------------------------------------
const day = localDay;

/** A new page that records page errors, console errors and warnings, failed requests,
 *  and (from before any script runs) Content-Security-Policy violations. */
async function open(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && /supervision-rules|Content.Security.Policy/i.test(m.text()))) {
      page.errors.push(`console.${m.type()}: ${m.text()}`);
    }
  });
  page.on('response', (r) => { if (r.status() >= 400) page.errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}`);
    });
  });
  await page.goto(url);
  return page;
}

/** axe at WCAG 2.2 AA: a list of readable violations (empty when there are none). */
async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n` +
    v.nodes.slice(0, 8).map((n) => `      ${n.target.join(' ')}\n        ${n.html.slice(0, 200)}\n        ${(n.failureSummary || '').split('\n').join(' ')}`).join('\n'));
}

async function assertNoAxeViolations(page, what) {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) on ${what}:\n    ${violations.join('\n    ')}`);
}

const summaryLinks = (page) => page.$$eval('.govuk-error-summary__list a', (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
const focusedClass = (page) => page.evaluate(() => document.activeElement && document.activeElement.className);

/** What a complete record looks like, per field, from the template's data alone. */
function valueFor(field) {
  switch (field.type) {
    case 'date':
      if (field.id === 'date') return day(-2);
      if (/^last/i.test(field.id)) return day(-20);
      if (/next|review/i.test(field.id)) return day(14);
      return day(0);
    case 'time': return '10:00';
    case 'number': return String(Math.max(field.min ?? 1, Math.min(field.max ?? 90, 90)));
    case 'choice': return field.options[0];
    case 'case-ids': return '100234, 100517';
    case 'signature':
    case 'person': return 'Sam Taylor';
    default: return 'Discussed and agreed.';
  }
}

// ---- the tests ---------------------------------------------------------------------------
async function main() {
  try {
    await access(path.join(PKG, 'supervision_rules.js'));
  } catch {
    cannotRun(`${path.relative(ROOT, PKG) || PKG}/ is not built: run \`make build\` first`);
  }
  const server = await startServer({ port: 0, pkg: PKG });
  const base = server.url;
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-templates-'));
  let context;
  try {
    context = await launchBrowser(userDataDir);
    for (const p of context.pages()) await p.close();

    // -- the list: every template of every policy, from the package's own data ----------
    let templates = [];
    {
      const page = await open(context, `${base}templates/`);
      await page.waitForSelector('body[data-ready="true"]');
      const links = await page.$$eval('#policies a', (as) => as.map((a) => {
        const u = new URL(a.href);
        return { policy: u.searchParams.get('policy'), template: u.searchParams.get('template'), text: a.textContent, path: u.pathname };
      }));
      const expected = await page.evaluate(async () => {
        const m = await import('/pkg/supervision_rules.js');
        await m.default();
        return m.policies().flatMap((p) => m.policy(p.id).templates.map((t) => ({
          policy: p.id, template: t.id, title: t.title,
          required: t.sections.flatMap((s) => s.fields).filter((f) => f.required !== false).length,
        })));
      });
      templates = expected;

      await test('the index lists every template of every built-in policy, with a link to its form', async () => {
        for (const id of BUILT_IN) assert.ok(expected.some((t) => t.policy === id), `policies() has no ${id}`);
        assert.deepEqual(links.map((l) => `${l.policy}/${l.template}`), expected.map((t) => `${t.policy}/${t.template}`));
        for (const [i, l] of links.entries()) {
          assert.equal(l.path, '/templates/form.html');
          assert.equal(l.text, expected[i].title);
        }
        assert.equal(await page.locator('#policies h2').count(), new Set(expected.map((t) => t.policy)).size);
        assert.deepEqual(page.errors, []);
      });

      await test('axe (WCAG 2.2 AA): the index has no violations', async () => {
        await assertNoAxeViolations(page, 'templates/');
        assert.deepEqual(page.errors, []);
      });
      await page.close();
    }
    if (templates.length === 0) throw new Error('no templates to test: the index did not load');

    // -- one form page per template ------------------------------------------------------
    for (const { policy, template, required: requiredCount } of templates) {
      const url = `${base}templates/form.html?${new URLSearchParams({ policy, template })}`;
      const what = requiredCount > 0
        ? 'Save record on the empty form shows the summary, focused'
        : 'nothing is required, so the empty form saves';
      await test(`${policy}/${template}: a form with every field; ${what}; axe finds nothing`, async () => {
        const page = await open(context, url);
        await page.waitForFunction(() => window.supervisionDemo && window.supervisionDemo.widget);
        const tpl = await page.evaluate(async ({ p, t }) => {
          // The form page uses (and has initialised) the widget entry point.
          const m = await import('/pkg/widget/supervision_rules.js');
          return m.template(p, t);
        }, { p: policy, t: template });
        const fields = tpl.sections.flatMap((s) => s.fields);

        // The form is built from the data: a heading, a fieldset or heading per section, a
        // labelled control (or a table of labelled cells) per field.
        assert.equal((await page.textContent('#page-heading')).trim(), tpl.title);
        for (const f of fields) {
          const name = f.type === 'actions' ? `${f.id}[0][action]` : f.type === 'children' ? `${f.id}[0][name]` : f.id;
          const found = await page.$$eval(`#record-form [name="${name}"]`, (els) => els.map((e) => ({
            tag: e.tagName, type: e.type, labels: [...(e.labels || [])].map((l) => l.textContent.trim()),
          })));
          assert.equal(found.length, 1, `one control named ${name} for ${f.id} (${f.type})`);
          assert.ok(found[0].labels.length === 1 && found[0].labels[0] !== '', `${name} has one non-empty label: ${JSON.stringify(found[0])}`);
          if (f.type === 'date') assert.equal(found[0].type, 'date', `${f.id} is a date input`);
          if (f.type === 'choice') {
            assert.equal(found[0].tag, 'SELECT');
            const options = await page.$$eval(`#record-form [name="${f.id}"] option`, (os) => os.map((o) => o.value));
            assert.deepEqual(options, ['', ...f.options]);
          }
        }
        assert.equal(await page.locator('#record-form fieldset.section, #record-form div.section').count(), tpl.sections.length, 'a block per section');

        const required = fields.filter((f) => f.required !== false);
        await page.click('#save-record');
        if (required.length === 0) {
          // Nothing is required (e.g. an optional preparation tool): the empty record saves.
          await page.waitForFunction(() => document.getElementById('saved').textContent !== '');
          assert.match(await page.textContent('#saved'), /^Record saved/);
          assert.equal(await page.locator('.govuk-error-summary').count(), 0);
        } else {
          await page.waitForSelector('.govuk-error-summary', { state: 'visible' });
          assert.equal(await focusedClass(page), 'govuk-error-summary', 'focus is on the summary');
          assert.equal((await page.textContent('.govuk-error-summary__title')).trim(), 'There is a problem');
          assert.equal(await page.textContent('#saved'), '', 'the page\'s save must not run');
          const links = await summaryLinks(page);
          assert.ok(links.length >= 1, 'at least one error is listed');
          // Every required field has a message, and every link leads to a control of this form.
          for (const l of links) {
            assert.ok(l.text.trim() !== '', 'no empty link text');
            const target = await page.evaluate((id) => {
              const el = document.getElementById(id);
              return el && { inForm: document.getElementById('record-form').contains(el), tag: el.tagName };
            }, l.href.slice(1));
            assert.ok(target && target.inForm, `the link ${l.href} (${l.text}) leads to an element of the form`);
          }
          const invalid = await page.$$eval('#record-form [aria-invalid="true"]', (els) => els.map((e) => e.getAttribute('name')));
          for (const f of required.filter((x) => x.type !== 'actions' && x.type !== 'children')) {
            assert.ok(invalid.includes(f.id), `the required field ${f.id} is marked invalid (${JSON.stringify(invalid)})`);
          }
        }
        await assertNoAxeViolations(page, url);
        assert.deepEqual(page.errors, []);
        assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
        await page.close();
      });

      await test(`${policy}/${template}: a complete record saves; Save as draft never blocks`, async () => {
        const page = await open(context, url);
        await page.waitForFunction(() => window.supervisionDemo && window.supervisionDemo.widget);
        // An empty draft saves, with the findings as warnings only.
        await page.click('#save-draft');
        await page.waitForFunction(() => document.getElementById('saved').textContent !== '');
        assert.match(await page.textContent('#saved'), /^Draft saved/);
        assert.equal(await page.locator('.govuk-error-summary').count(), 0);
        assert.equal(await page.locator('#record-form [aria-invalid]').count(), 0);

        const tpl = await page.evaluate(async ({ p, t }) => (await import('/pkg/widget/supervision_rules.js')).template(p, t), { p: policy, t: template });
        for (const f of tpl.sections.flatMap((s) => s.fields)) {
          if (f.type === 'actions') {
            await page.fill(`[name="${f.id}[0][action]"]`, 'Book the next visit');
            await page.fill(`[name="${f.id}[0][who]"]`, 'Sam Taylor');
            await page.fill(`[name="${f.id}[0][when]"]`, day(10));
          } else if (f.type === 'children') {
            await page.fill(`[name="${f.id}[0][name]"]`, 'Child A');
            await page.fill(`[name="${f.id}[0][dob]"]`, day(-3000));
          } else if (f.type === 'choice') {
            await page.selectOption(`[name="${f.id}"]`, valueFor(f));
          } else {
            await page.fill(`[name="${f.id}"]`, valueFor(f));
          }
        }
        await page.click('#save-record');
        await page.waitForFunction(() => /^Record saved/.test(document.getElementById('saved').textContent)
          || document.querySelector('.govuk-error-summary'));
        const links = await summaryLinks(page);
        assert.deepEqual(links, [], 'a complete record has no errors');
        assert.match(await page.textContent('#saved'), /^Record saved/);
        assert.deepEqual(page.errors, []);
        await page.close();
      });
    }

    // -- tables: "Add row" --------------------------------------------------------------
    const withActions = templates.find((t) => t.policy === 'havering' && t.template === 'case-supervision-record') || null;
    if (withActions) {
      await test('Add row adds a row of labelled cells, moves focus to it, and the widget checks it', async () => {
        const page = await open(context, `${base}templates/form.html?policy=havering&template=case-supervision-record`);
        await page.waitForFunction(() => window.supervisionDemo && window.supervisionDemo.widget);
        await page.focus('[data-add-row="actions"]');
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), 'actions[1][action]');
        assert.deepEqual(
          await page.$$eval('[name^="actions[1]"]', (els) => els.map((e) => [e.name, e.labels[0].textContent])),
          [['actions[1][action]', 'Action 2, what'], ['actions[1][who]', 'Action 2, by who'], ['actions[1][when]', 'Action 2, by when']]);
        await page.keyboard.type('Visit the school');
        await page.click('#save-record');
        await page.waitForSelector('.govuk-error-summary');
        const hrefs = (await summaryLinks(page)).map((l) => l.href);
        assert.ok(hrefs.includes('#f-actions-1-who'), JSON.stringify(hrefs));
        assert.ok(hrefs.includes('#f-actions-1-when'), JSON.stringify(hrefs));
        assert.ok(!hrefs.some((h) => h.startsWith('#f-actions-0')), 'the blank first row is not in error');
        assert.equal(await page.inputValue('[name="actions[1][action]"]'), 'Visit the school', 'nothing typed is lost');
        // Adding a row after a blocked submit keeps the messages where they are.
        await page.click('[data-add-row="actions"]');
        assert.equal(await page.locator('[name="actions[2][who]"]').count(), 1);
        assert.equal(await page.getAttribute('[name="actions[1][who]"]', 'aria-invalid'), 'true');
        await assertNoAxeViolations(page, 'havering/case-supervision-record with rows added');
        assert.deepEqual(page.errors, []);
        await page.close();
      });
    }

    await test('a form page for an unknown template says so and links to the list', async () => {
      const page = await open(context, `${base}templates/form.html?policy=havering&template=no-such-template`);
      await page.waitForFunction(() => document.getElementById('problem').textContent !== '');
      assert.equal((await page.textContent('#page-heading')).trim(), 'Template not found');
      assert.equal(await page.getAttribute('#problem a', 'href'), './');
      assert.equal(await page.isVisible('#record-form'), false);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    // -- the strict Content-Security-Policy page ------------------------------------------
    await test('csp.html: the package runs under script-src \'self\' \'wasm-unsafe-eval\' with nothing blocked', async () => {
      const page = await open(context, `${base}csp.html`);
      await page.waitForSelector('#due-dates svg');
      // The policy is the meta tag's, exactly.
      assert.equal(
        await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'),
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'");
      // The widget's stylesheet is a link, loaded; no inline <style> anywhere.
      await page.waitForFunction(() => {
        const l = document.querySelector('link[data-supervision-rules]');
        return l && l.sheet && l.sheet.cssRules.length > 0;
      });
      assert.equal(await page.getAttribute('link[data-supervision-rules]', 'href'), '/pkg/supervision-rules.css');
      assert.equal(await page.locator('style').count(), 0);
      assert.match(await page.textContent('#csp-status'), /blocked nothing/);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('csp.html: a blocked submit shows the summary, focused; a complete record saves; still nothing blocked', async () => {
      const page = await open(context, `${base}csp.html`);
      await page.waitForSelector('#due-dates svg');
      await page.waitForFunction(() => window.supervisionDemo && window.supervisionDemo.widget);
      await page.fill('[name="actions[0][action]"]', 'Visit the school');
      await page.click('#save-record');
      await page.waitForSelector('.govuk-error-summary', { state: 'visible' });
      assert.equal(await focusedClass(page), 'govuk-error-summary');
      assert.equal(await page.isVisible('#saved'), false, 'the page\'s save must not run');
      const hrefs = (await summaryLinks(page)).map((l) => l.href);
      assert.deepEqual(hrefs, ['#date', '#caseUpdate', '#reflection', '#actions-0-who', '#actions-0-when']);
      // The linked stylesheet styles the widget's markup: the summary has its red border.
      assert.equal(await page.$eval('.govuk-error-summary', (e) => getComputedStyle(e).borderTopColor), 'rgb(212, 53, 28)');
      assert.equal(await page.$eval('.govuk-error-summary .govuk-visually-hidden, .govuk-error-message .govuk-visually-hidden', (e) => getComputedStyle(e).position), 'absolute');
      await assertNoAxeViolations(page, 'csp.html');
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation, the axe scan included');

      // Keyboard: a summary link focuses its control.
      await page.focus('.govuk-error-summary');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'date');

      await page.fill('[name="date"]', day(-1));
      await page.fill('[name="caseUpdate"]', 'Child seen at home; school attendance improving.');
      await page.fill('[name="reflection"]', 'Hypothesis: the new routine is helping.');
      await page.fill('[name="actions[0][who]"]', 'Sam Taylor');
      await page.fill('[name="actions[0][when]"]', day(7));
      assert.equal(await page.locator('.govuk-error-summary').count(), 0, 'fixing every field takes the summary away');
      await page.click('#save-record');
      await page.waitForSelector('#saved:not([hidden])');
      assert.match(await page.textContent('#saved'), /^Record saved/);
      assert.deepEqual(page.errors, []);
      assert.deepEqual(await page.evaluate(() => window.supervisionDemo.violations), [], 'the page saw no violation');
      await page.close();
    });

    await test('csp.html: an inline style added to the page is blocked and reported (the listener works)', async () => {
      // A control for the test above: a violation, when there is one, is seen.
      const page = await open(context, `${base}csp.html`);
      await page.waitForFunction(() => window.supervisionDemo && window.supervisionDemo.widget);
      await page.evaluate(() => {
        const s = document.createElement('style');
        s.textContent = 'body { color: red; }';
        document.head.append(s);
      });
      await page.waitForFunction(() => window.__cspViolations.length > 0);
      assert.match((await page.evaluate(() => window.__cspViolations))[0], /^style-src/);
      assert.match(await page.textContent('#csp-status'), /blocked 1 thing/);
      await page.close();
    });
  } catch (e) {
    failed('set-up', e);
  } finally {
    if (context) await context.close().catch(() => {});
    await server.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
  finish();
}

await main();
