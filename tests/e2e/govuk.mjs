#!/usr/bin/env node
// End-to-end test of the widget on a GOV.UK page: markup written as govuk-frontend's own
// components render it (date input, text inputs, select, radios, textareas, an error summary
// and error messages from the server), with govuk-frontend's real CSS and JS (`initAll()`),
// and the widget through the entry point users import (pkg/widget/index.js). Headless Debian
// Chromium through playwright-core; axe through @axe-core/playwright. Needs pkg/ built
// (scripts/build-pkg.sh) and govuk-frontend installed (a devDependency).
//
//   node tests/e2e/govuk.mjs
//   E2E_PKG=/tmp/pkg node tests/e2e/govuk.mjs    serve another build as /pkg/
//
// The page is North East Lincolnshire's supervision agreement: supervisee (text input),
// supervisor (select), date of issue (a GOV.UK date input named by the component's own
// convention, date-day/-month/-year), reason for signing (radios), review date (a date input
// with names of the page's own, mapped with options.fields), three textareas and two
// signatures. The server has already refused the staff number (not a template field) and
// shows its own error summary and message for it.
//
// Ends with "N passed, N failed"; exits 1 when anything failed.

import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.resolve(process.env.E2E_PKG || path.join(ROOT, 'pkg'));
const GOVUK = path.join(ROOT, 'node_modules/govuk-frontend/dist/govuk');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// A fixed today, so the date rules' results do not move: 31 March 2026.
const TODAY = '2026-03-31';

// ---- the page ----------------------------------------------------------------------------
const SERVER_SUMMARY = `
        <div class="govuk-error-summary" data-module="govuk-error-summary">
          <div role="alert">
            <h2 class="govuk-error-summary__title">
              There is a problem
            </h2>
            <div class="govuk-error-summary__body">
              <ul class="govuk-list govuk-error-summary__list">
                <li>
                  <a href="#staff-number">Staff number was not found: check it on the HR system</a>
                </li>
              </ul>
            </div>
          </div>
        </div>`;

const STAFF_NUMBER_WITH_SERVER_ERROR = `
          <div class="govuk-form-group govuk-form-group--error">
            <label class="govuk-label" for="staff-number">Staff number</label>
            <p id="staff-number-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">Error:</span> Staff number was not found: check it on the HR system
            </p>
            <input class="govuk-input govuk-input--width-10 govuk-input--error" id="staff-number" name="staffNumber" type="text" value="X123" aria-describedby="staff-number-error">
          </div>`;

const STAFF_NUMBER = `
          <div class="govuk-form-group">
            <label class="govuk-label" for="staff-number">Staff number</label>
            <input class="govuk-input govuk-input--width-10" id="staff-number" name="staffNumber" type="text" value="">
          </div>`;

/** A GOV.UK date input; `names` are the three boxes' names. */
function dateInput(id, legend, hint, names) {
  const box = (part, label, width, name) => `
                <div class="govuk-date-input__item">
                  <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for="${id}-${part}">
                      ${label}
                    </label>
                    <input class="govuk-input govuk-date-input__input govuk-input--width-${width}" id="${id}-${part}" name="${name}" type="text" inputmode="numeric">
                  </div>
                </div>`;
  return `
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset" role="group" aria-describedby="${id}-hint">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                ${legend}
              </legend>
              <div id="${id}-hint" class="govuk-hint">
                ${hint}
              </div>
              <div class="govuk-date-input" id="${id}">${box('day', 'Day', 2, names[0])}${box('month', 'Month', 2, names[1])}${box('year', 'Year', 4, names[2])}
              </div>
            </fieldset>
          </div>`;
}

const textarea = (id, label) => `
          <div class="govuk-form-group">
            <label class="govuk-label" for="${id}">
              ${label}
            </label>
            <textarea class="govuk-textarea" id="${id}" name="${id}" rows="3"></textarea>
          </div>`;

const input = (id, label) => `
          <div class="govuk-form-group">
            <label class="govuk-label" for="${id}">
              ${label}
            </label>
            <input class="govuk-input" id="${id}" name="${id}" type="text">
          </div>`;

function page({ serverErrors }) {
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>${serverErrors ? 'Error: ' : ''}Supervision agreement – GOV.UK</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
  <link rel="stylesheet" href="/govuk/govuk-frontend.min.css">
</head>
<body class="govuk-template__body">
  <script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
  <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
  <div class="govuk-width-container">
    <main class="govuk-main-wrapper" id="main-content">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">${serverErrors ? SERVER_SUMMARY : ''}
        <h1 class="govuk-heading-l">Supervision agreement</h1>
        <form id="agreement" action="/saved" method="post" novalidate>${serverErrors ? STAFF_NUMBER_WITH_SERVER_ERROR : STAFF_NUMBER}
${input('supervisee', 'The individual (supervisee)')}
          <div class="govuk-form-group">
            <label class="govuk-label" for="supervisor">
              Named supervisor
            </label>
            <select class="govuk-select" id="supervisor" name="supervisor">
              <option value="">Choose a supervisor</option>
              <option value="Pat Okafor">Pat Okafor</option>
              <option value="Sam Taylor">Sam Taylor</option>
            </select>
          </div>
${dateInput('date', 'Date of issue', 'For example, 27 3 2026', ['date-day', 'date-month', 'date-year'])}
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                Reason for signing
              </legend>
              <div class="govuk-radios" data-module="govuk-radios">
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="signing-reason" name="signingReason" type="radio" value="New agreement">
                  <label class="govuk-label govuk-radios__label" for="signing-reason">New agreement</label>
                </div>
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="signing-reason-2" name="signingReason" type="radio" value="Annual review">
                  <label class="govuk-label govuk-radios__label" for="signing-reason-2">Annual review</label>
                </div>
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="signing-reason-3" name="signingReason" type="radio" value="Change of supervisor">
                  <label class="govuk-label govuk-radios__label" for="signing-reason-3">Change of supervisor</label>
                </div>
              </div>
            </fieldset>
          </div>
${dateInput('review-date', 'Review date', 'For example, 27 3 2027', ['review-d', 'review-m', 'review-y'])}
${textarea('culturesBehaviours', 'The establishment of cultures and behaviours')}
${textarea('rightsExpectations', 'The rights and expectations on both sides')}
${textarea('confidentiality', 'Constraints upon confidentiality')}
${input('supervisorSignature', 'Supervisor signature')}
${input('superviseeSignature', 'Supervisee signature')}
          <button type="submit" class="govuk-button" data-module="govuk-button">Save agreement</button>
        </form>
        </div>
      </div>
    </main>
  </div>
  <script type="module">
    import { initAll } from '/govuk/govuk-frontend.min.js';
    import init, { attach } from '/pkg/widget/index.js';
    initAll();
    // The module's memory, for the test that free text never enters it.
    window.wasmMemory = (await init()).memory;
    window.widget = attach(document.getElementById('agreement'), {
      policy: 'north-east-lincolnshire', template: 'supervision-agreement', today: '${TODAY}',
      fields: { reviewDate: { day: 'review-d', month: 'review-m', year: 'review-y' } },
    });
    window.attached = true;
  </script>
</body>
</html>
`;
}

// ---- serving -----------------------------------------------------------------------------
function serve() {
  return startServer({
    mounts: [['/pkg/', PKG], ['/govuk/', GOVUK], ['/assets/', path.join(GOVUK, 'assets')]],
    pages: {
      '/agreement.html': page({ serverErrors: true }),
      '/fresh.html': page({ serverErrors: false }),
      '/saved': '<!DOCTYPE html><html lang="en"><title>Saved</title><h1>Agreement saved</h1></html>',
    },
  });
}


// ---- helpers -----------------------------------------------------------------------------
async function open(context, base, file) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  // Every focus a control or the summary takes, in order, by id (or class).
  // Every scroll to a label or legend (govuk-frontend's and the widget's alike).
  await page.addInitScript(() => {
    window.focusins = [];
    document.addEventListener('focusin', (e) => window.focusins.push(e.target.id || e.target.className));
    window.scrolls = [];
    const scroll = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (...args) {
      window.scrolls.push(this.tagName);
      return scroll.apply(this, args);
    };
  });
  await page.goto(base + file);
  await page.waitForFunction(() => window.attached === true);
  return page;
}

/** Every field of the agreement filled in, valid on 31 March 2026. */
async function fillAll(page) {
  await page.fill('#supervisee', 'Sam Taylor');
  await page.selectOption('#supervisor', 'Pat Okafor');
  await page.fill('#date-day', '3');
  await page.fill('#date-month', '3');
  await page.fill('#date-year', '2026');
  await page.check('#signing-reason-2');
  await page.fill('#review-date-day', '3');
  await page.fill('#review-date-month', '3');
  await page.fill('#review-date-year', '2027');
  await page.fill('#culturesBehaviours', 'Open and reflective.');
  await page.fill('#rightsExpectations', 'Sessions every four weeks, notes within five days.');
  await page.fill('#confidentiality', 'Safeguarding concerns are always shared.');
  await page.fill('#supervisorSignature', 'Pat Okafor');
  await page.fill('#superviseeSignature', 'Sam Taylor');
}

const summaryItems = (page) => page.$$eval('.govuk-error-summary__list li', (lis) => lis.map((li) => {
  const a = li.querySelector('a');
  return a ? `${a.getAttribute('href')} ${a.textContent.trim()}` : li.textContent.trim();
}));

/** The error classes on the page, by element id. */
const errorClasses = (page) => page.$$eval('[class*="--error"]', (els) => els.map((el) => {
  const own = [...el.classList].filter((c) => c.endsWith('--error')).join(' ');
  const id = el.id || `group of ${el.querySelector('input, select, textarea').id}`;
  return `${id}: ${own}`;
}).sort());

async function submit(page) {
  await page.click('button.govuk-button');
}

async function axeClean(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${what}`);
}

// ---- the tests ---------------------------------------------------------------------------
async function main() {
  await access(path.join(PKG, 'widget/index.js')).catch(() => {
    throw new Error(`no ${PKG}/widget/index.js: build the package first (bash scripts/build-pkg.sh)`);
  });
  await access(path.join(GOVUK, 'govuk-frontend.min.js')).catch(() => {
    throw new Error('no govuk-frontend in node_modules: npm ci');
  });
  const server = await serve();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'sr-govuk-'));
  const context = await launchBrowser(profile);
  const base = server.url;
  try {
    await test('the page loads as govuk-frontend leaves it: its summary initialised and focused once, axe clean', async () => {
      const page = await open(context, base, 'agreement.html');
      assert.equal(await page.locator('.govuk-error-summary[data-govuk-error-summary-init]').count(), 1, 'initAll() ran');
      assert.equal(await page.locator('.govuk-error-summary').count(), 1);
      assert.deepEqual(await page.evaluate(() => window.focusins), ['govuk-error-summary'], 'govuk-frontend focused its summary, once, and the widget did not');
      assert.deepEqual(await summaryItems(page), ['#staff-number Staff number was not found: check it on the HR system']);
      await axeClean(page, 'the page as loaded');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('a filled-in date input is one date: no finding about it; other errors join the server summary', async () => {
      const page = await open(context, base, 'agreement.html');
      await page.fill('#date-day', '3');
      await page.fill('#date-month', '3');
      await page.fill('#date-year', '2026');
      await submit(page);
      await page.waitForSelector('.govuk-error-summary__list li:nth-child(2)');
      assert.equal(new URL(page.url()).pathname, '/agreement.html', 'the submit was blocked');
      assert.equal(await page.locator('.govuk-error-summary').count(), 1, 'one summary');
      const items = await summaryItems(page);
      assert.equal(items[0], '#staff-number Staff number was not found: check it on the HR system', 'the server error kept, first');
      // Each required field left empty; none about the date of issue (3 March 2026, filled).
      // The review date is required when final, and left empty.
      assert.deepEqual(items.slice(1).map((i) => i.split(' ')[0]), [
        '#supervisee', '#supervisor', '#review-date-day', '#culturesBehaviours', '#rightsExpectations',
        '#confidentiality', '#supervisorSignature', '#superviseeSignature',
      ]);
      assert.equal(items.filter((i) => /date of issue/i.test(i)).length, 0, JSON.stringify(items));
      assert.equal(await page.locator('#date-day').getAttribute('aria-invalid'), null);
      assert.equal(await page.locator('fieldset:has(#date-day) .govuk-error-message').count(), 0);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('a partial date gives one clear error on the date input, and marks its boxes', async () => {
      const page = await open(context, base, 'agreement.html');
      await fillAll(page);
      await page.fill('#date-month', '');
      await submit(page);
      await page.waitForSelector('.govuk-error-summary__list li:nth-child(2)');
      assert.equal(new URL(page.url()).pathname, '/agreement.html');
      assert.deepEqual(await summaryItems(page), [
        '#staff-number Staff number was not found: check it on the HR system',
        // 3 / _ / 2026: the month is missing; the link goes to the first box, the day.
        '#date-day Date of issue must include a month',
      ]);
      // The inline message, as govuk-frontend writes it: inside the fieldset, after the
      // hint, before the boxes, with its visually hidden "Error:".
      const inline = await page.$eval('#date-day', (day) => {
        const fs = day.closest('fieldset');
        const p = fs.querySelector('.govuk-error-message');
        return {
          tag: p.tagName, text: p.textContent, hidden: p.querySelector('.govuk-visually-hidden').textContent,
          before: p.nextElementSibling.className, after: p.previousElementSibling.className,
          describedby: fs.getAttribute('aria-describedby'), id: p.id,
        };
      });
      assert.deepEqual(inline, {
        tag: 'P', text: 'Error: Date of issue must include a month', hidden: 'Error:',
        before: 'govuk-date-input', after: 'govuk-hint',
        describedby: `date-hint ${inline.id}`, id: inline.id,
      });
      assert.deepEqual(await errorClasses(page), [
        'date-day: govuk-input--error',
        'date-month: govuk-input--error',
        'date-year: govuk-input--error',
        'group of date-day: govuk-form-group--error',
        'group of staff-number: govuk-form-group--error',
        'staff-number: govuk-input--error',
      ]);
      for (const box of ['#date-day', '#date-month', '#date-year']) {
        assert.equal(await page.getAttribute(box, 'aria-invalid'), 'true', box);
      }
      assert.equal(await page.locator('text=Enter the date of issue').count(), 0);

      // Other boxes that make no date.
      await page.fill('#date-month', 'March');
      await submit(page);
      await page.waitForFunction(() => document.querySelector('.govuk-error-summary__list li:nth-child(2)').textContent.includes('real date'));
      assert.equal((await summaryItems(page))[1], '#date-day Date of issue must be a real date');
      await page.fill('#date-month', '2');
      await page.fill('#date-day', '30');
      await submit(page);
      await page.waitForFunction(() => document.querySelector('.govuk-error-summary__list li:nth-child(2)').textContent.includes('real date'));
      // 30 February 2026 does not exist: the core's own finding.
      assert.deepEqual(await summaryItems(page), [
        '#staff-number Staff number was not found: check it on the HR system',
        '#date-day Date of issue must be a real date',
      ]);
      await page.fill('#date-day', '3');
      await page.fill('#date-year', '26');
      await submit(page);
      await page.waitForFunction(() => document.querySelector('.govuk-error-summary__list li:nth-child(2)').textContent.includes('4 numbers'));
      assert.equal((await summaryItems(page))[1], '#date-day Date of issue must include a year with 4 numbers, like 2026');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('error classes on inputs, select, textareas and date boxes; removed as each is fixed; the server summary kept', async () => {
      const page = await open(context, base, 'agreement.html');
      const serverSummary = await page.$eval('.govuk-error-summary', (s) => s.outerHTML);
      await page.fill('#review-date-day', '3');
      await submit(page);
      await page.waitForSelector('.govuk-error-summary__list li:nth-child(2)');
      assert.deepEqual(await errorClasses(page), [
        'confidentiality: govuk-textarea--error',
        'culturesBehaviours: govuk-textarea--error',
        'date-day: govuk-input--error',
        'date-month: govuk-input--error',
        'date-year: govuk-input--error',
        'group of confidentiality: govuk-form-group--error',
        'group of culturesBehaviours: govuk-form-group--error',
        'group of date-day: govuk-form-group--error',
        'group of review-date-day: govuk-form-group--error',
        'group of rightsExpectations: govuk-form-group--error',
        'group of staff-number: govuk-form-group--error',
        'group of supervisee: govuk-form-group--error',
        'group of superviseeSignature: govuk-form-group--error',
        'group of supervisor: govuk-form-group--error',
        'group of supervisorSignature: govuk-form-group--error',
        'review-date-day: govuk-input--error',
        'review-date-month: govuk-input--error',
        'review-date-year: govuk-input--error',
        'rightsExpectations: govuk-textarea--error',
        'staff-number: govuk-input--error',
        'supervisee: govuk-input--error',
        'superviseeSignature: govuk-input--error',
        'supervisor: govuk-select--error',
        'supervisorSignature: govuk-input--error',
      ]);
      // The review date's own names, mapped: 3 / _ / _ is missing a month and year.
      assert.ok((await summaryItems(page)).includes('#review-date-day Review date must include a month and year'));
      await axeClean(page, 'the page showing the widget\'s errors in the server summary');

      await page.fill('#supervisee', 'Sam Taylor');
      await page.selectOption('#supervisor', 'Pat Okafor');
      await page.fill('#culturesBehaviours', 'Open and reflective.');
      await page.fill('#date-day', '3');
      await page.fill('#date-month', '3');
      await page.fill('#date-year', '2026');
      await page.waitForFunction(() => !document.querySelector('#date-day.govuk-input--error'));
      const left = await errorClasses(page);
      for (const id of ['supervisee', 'supervisor', 'culturesBehaviours', 'date-day', 'date-month', 'date-year']) {
        assert.ok(!left.some((l) => l.startsWith(`${id}:`) || l.startsWith(`group of ${id}:`)), `${id} still marked: ${left}`);
      }
      assert.ok(left.includes('review-date-day: govuk-input--error'), 'the review date is still incomplete');

      await fillAll(page);
      await page.waitForFunction(() => document.querySelectorAll('.govuk-error-summary__list li').length === 1);
      assert.deepEqual(await errorClasses(page), [
        'group of staff-number: govuk-form-group--error',
        'staff-number: govuk-input--error',
      ], 'only the server\'s marks are left');
      assert.equal(await page.locator('.govuk-error-summary').count(), 1);
      // The server's summary as it was, but for govuk-frontend's own mark that it is
      // initialised (and the tabindex govuk-frontend gives it while focused).
      const now = await page.$eval('.govuk-error-summary', (s) => {
        const c = s.cloneNode(true);
        c.removeAttribute('data-govuk-error-summary-init');
        c.removeAttribute('tabindex');
        return c.outerHTML;
      });
      assert.equal(now, serverSummary.replace(' data-govuk-error-summary-init=""', '').replace(' tabindex="-1"', ''));
      await submit(page);
      await page.waitForURL('**/saved');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('keyboard: from the summary, a link to the date input puts focus in the day box, once', async () => {
      const page = await open(context, base, 'agreement.html');
      await fillAll(page);
      await page.fill('#date-month', '');
      await page.focus('#supervisee');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.govuk-error-summary__list li:nth-child(2)');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'govuk-error-summary');
      await page.evaluate(() => { window.focusins = []; window.scrolls = []; });
      // Tab to the server's link, then to the widget's.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#staff-number');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#date-day');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement.id === 'date-day');
      assert.deepEqual(await page.evaluate(() => window.focusins), ['', '', 'date-day'], 'the two links, then the day box once');
      // One handler moved focus (govuk-frontend's, on its own summary), not two.
      assert.deepEqual(await page.evaluate(() => window.scrolls), ['LEGEND']);
      assert.equal(await page.evaluate(() => location.hash), '', 'focus moved without following the link');
      // The legend is on screen above the boxes.
      const legendTop = await page.$eval('#date-day', (d) => d.closest('fieldset').querySelector('legend').getBoundingClientRect().top);
      assert.ok(legendTop >= 0 && legendTop < 100, `legend at ${legendTop}`);
      // Typing the month fixes it.
      await page.keyboard.press('Tab');
      await page.keyboard.type('3');
      await page.waitForFunction(() => document.querySelectorAll('.govuk-error-summary__list li').length === 1);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('free text stays in JavaScript: the words typed never enter the module\'s memory', async () => {
      const page = await open(context, base, 'agreement.html');
      // Words of a record, typed into text inputs and textareas (free text of every kind the
      // template has: person, text, signature), checked on submit and again as edited.
      const words = ['Ottoline Quistgaard', 'Zanzibar quillfeathers', 'Marchbanks wombat', 'Quistgaard-signed'];
      await page.fill('#supervisee', words[0]);
      await page.fill('#culturesBehaviours', words[1]);
      await submit(page);
      await page.waitForSelector('.govuk-error-summary__list li:nth-child(2)');
      await page.fill('#rightsExpectations', words[2]);
      await page.fill('#superviseeSignature', words[3]);
      await page.waitForFunction(() => !document.querySelector('#superviseeSignature[aria-invalid]'));
      const inMemory = await page.evaluate((list) => {
        const memory = new Uint8Array(window.wasmMemory.buffer);
        const has = (text) => {
          const bytes = new TextEncoder().encode(text);
          outer: for (let i = memory.indexOf(bytes[0]); i >= 0 && i <= memory.length - bytes.length; i = memory.indexOf(bytes[0], i + 1)) {
            for (let j = 1; j < bytes.length; j++) if (memory[i + j] !== bytes[j]) continue outer;
            return true;
          }
          return false;
        };
        // The policy's id is passed to attach(): it is in memory, so the search works.
        return { policy: has('north-east-lincolnshire'), words: list.filter(has) };
      }, words);
      assert.deepEqual(inMemory, { policy: true, words: [] });
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('a page without a summary: the widget\'s is put above the <h1>, takes focus and its links work, once; axe clean', async () => {
      const page = await open(context, base, 'fresh.html');
      assert.deepEqual(await page.evaluate(() => window.focusins), []);
      await page.fill('#date-day', '3');
      await page.evaluate(() => { window.focusins = []; });
      await page.keyboard.press('Enter');
      await page.waitForSelector('.govuk-error-summary');
      assert.equal(await page.locator('.govuk-error-summary').count(), 1);
      assert.equal(await page.$eval('h1', (h) => h.previousElementSibling.className), 'govuk-error-summary');
      assert.equal(await page.$eval('h1', (h) => h.parentElement.className), 'govuk-grid-column-two-thirds');
      assert.deepEqual(await page.evaluate(() => window.focusins), ['govuk-error-summary']);
      assert.equal((await summaryItems(page)).find((i) => i.startsWith('#date-day')), '#date-day Date of issue must include a month and year');
      await axeClean(page, 'the page with the widget\'s own summary');
      await page.evaluate(() => { window.focusins = []; window.scrolls = []; });
      await page.click('.govuk-error-summary a[href="#date-day"]');
      await page.waitForFunction(() => document.activeElement.id === 'date-day');
      assert.deepEqual(await page.evaluate(() => window.focusins), ['', 'date-day'], 'the link as it is clicked, then the day box once');
      assert.deepEqual(await page.evaluate(() => window.scrolls), ['LEGEND'], 'the widget\'s own handler, once');
      assert.equal(await page.evaluate(() => location.hash), '');
      await page.click('.govuk-error-summary a[href="#supervisor"]');
      await page.waitForFunction(() => document.activeElement.id === 'supervisor');

      // Everything the widget added goes with detach(), the page's own marks as they were.
      await page.evaluate(() => window.widget.detach());
      assert.equal(await page.locator('.govuk-error-summary, .govuk-error-message, [aria-invalid]').count(), 0);
      assert.deepEqual(await errorClasses(page), []);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
  finish();
}

main().catch((e) => {
  failed('set-up', e);
  finish();
});
