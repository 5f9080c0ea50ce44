#!/usr/bin/env node
// End-to-end test of the widget (attach, renderSchedule) on www/mapping.html: a hand-written
// Havering personal supervision form whose control names are not the template's field ids,
// bound with an explicit mapping. Headless Debian Chromium through playwright-core; serves
// www/ and pkg/ itself on a free port. Needs pkg/ built (make build).
//
//   node tests/e2e/widget.mjs
//   E2E_PKG=/tmp/pkg node tests/e2e/widget.mjs    serve another wasm-pack output as /pkg/
//   E2E_HEADED=1 node tests/e2e/widget.mjs        watch it (needs a display)
//
// Ends with "N passed, N failed"; exits 1 when anything failed.

import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, localDay } from './browser.mjs';
import { AxeBuilder } from '@axe-core/playwright';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WWW = path.join(ROOT, 'www');
const PKG = path.resolve(process.env.E2E_PKG || path.join(ROOT, 'pkg'));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// ---- serving www/ and pkg/ (scripts/serve.mjs, as `make demo` does) ---------------------
const serve = () => startServer({ port: 0, pkg: PKG });


// ---- helpers -----------------------------------------------------------------------------
const day = localDay;

/** Every required field of the template, filled through the page's own names. */
const VALID = {
  staff_member: 'Sam Taylor',
  line_manager: 'Pat Okafor',
  session_date: day(-2),
  next_session: day(20),
  feeling_notes: 'Managing the caseload; some pressure before court.',
  praise_notes: 'Thorough assessment praised by the IRO.',
  learning_notes: 'Booked onto the court skills course.',
  wellbeing_notes: 'No sickness absence.',
  leave_notes: 'Five days booked in the summer.',
  signed_by_manager: 'Pat Okafor',
  signed_by_staff: 'Sam Taylor',
};

const control = (name) => `#supervision-form [name="${name}"]`;

async function open(context, base, query = '') {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(`console.error: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) page.errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(`${base}mapping.html${query}`);
  await page.waitForFunction(() => window.supervisionDemo && window.supervisionDemo.widget);
  return page;
}

async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) await page.fill(control(name), value);
}

const activeName = (page) => page.evaluate(() => document.activeElement && (document.activeElement.getAttribute('name') || document.activeElement.className));
const summaryLinks = (page) => page.$$eval('.govuk-error-summary__list a', (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
const attr = (page, name, a) => page.getAttribute(control(name), a);

async function axe(page, include) {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary || '').split('\n').join(' ')}`).join('\n'));
}

// ---- the tests ---------------------------------------------------------------------------
async function main() {
  try {
    await access(path.join(PKG, 'supervision_rules.js'));
  } catch {
    cannotRun(`${path.relative(ROOT, PKG) || PKG}/ is not built: run \`make build\` first`);
  }
  const server = await serve();
  const base = server.url;
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-widget-'));
  let context;
  try {
    context = await launchBrowser(userDataDir);
    for (const p of context.pages()) await p.close();

    await test('the stylesheet the pages link is the package\'s, the one the widget embeds (no copy in www/)', async () => {
      const served = await readFile(path.join(ROOT, 'pkg/supervision-rules.css'), 'utf8');
      const embedded = await readFile(path.join(ROOT, 'src/widget/widget.css'), 'utf8');
      assert.equal(served, embedded, 'pkg/supervision-rules.css differs from src/widget/widget.css: build again');
      await assert.rejects(readFile(path.join(WWW, 'supervision-rules.css')), 'www/ holds no copy of it');
    });

    await test('attach changes nothing in the form until the first check', async () => {
      const page = await open(context, base);
      const source = await page.evaluate(async () => {
        const html = await (await fetch('mapping.html')).text();
        return new DOMParser().parseFromString(html, 'text/html').getElementById('supervision-form').outerHTML;
      });
      assert.equal(await page.$eval('#supervision-form', (f) => f.outerHTML), source);
      assert.equal(await page.locator('style[data-supervision-rules]').count(), 1, 'stylesheet: true adds one <style>');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('blocked submit shows the summary, moves focus to it, marks each control', async () => {
      const page = await open(context, base);
      await page.fill(control('feeling_notes'), 'Typed before finalising');
      await page.click('#finalise');
      await page.waitForSelector('.govuk-error-summary');
      assert.equal(await page.textContent('#saved'), '', 'the page\'s save must not run');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'govuk-error-summary');
      assert.equal(await page.getAttribute('.govuk-error-summary', 'tabindex'), '-1');
      assert.equal((await page.textContent('.govuk-error-summary [role="alert"] h2.govuk-error-summary__title')).trim(), 'There is a problem');
      // Above the page's <h1>, where GOV.UK places it.
      assert.equal(await page.$eval('h1', (h) => h.previousElementSibling.className), 'govuk-error-summary');

      const links = await summaryLinks(page);
      const hrefs = links.map((l) => l.href);
      for (const id of ['#staff-member', '#line-manager', '#session-date', '#next-session', '#praise-notes', '#learning-notes', '#wellbeing-notes', '#leave-notes', '#signed_by_manager', '#signed_by_staff']) {
        assert.ok(hrefs.includes(id), `no summary link to ${id}: ${JSON.stringify(links)}`);
      }
      assert.ok(!hrefs.includes('#feeling-notes'), 'a filled field is not in error');
      assert.ok(!hrefs.includes('#aob-notes'), 'an optional field is not in error');
      assert.match(links[0].text, /^Enter /);

      // Inline: before the control, inside its form group; "Error:" visually hidden.
      const inline = await page.$eval('#staff-member-error', (p) => ({
        cls: p.className, text: p.textContent, hidden: p.firstElementChild.className,
        next: p.nextElementSibling.id, group: p.parentElement.className,
      }));
      assert.equal(inline.cls, 'govuk-error-message');
      assert.match(inline.text, /^Error: Enter /);
      assert.equal(inline.hidden, 'govuk-visually-hidden');
      assert.equal(inline.next, 'staff-member');
      assert.equal(inline.group, 'govuk-form-group govuk-form-group--error');
      assert.equal(await attr(page, 'staff_member', 'aria-invalid'), 'true');
      assert.equal(await attr(page, 'staff_member', 'aria-describedby'), 'staff-member-error');
      // An existing description is kept, the message's id appended.
      assert.equal(await attr(page, 'session_date', 'aria-describedby'), 'session-date-hint session-date-error');
      // A control with no id was given one from its name; its message sits outside its label.
      assert.equal(await attr(page, 'signed_by_staff', 'id'), 'signed_by_staff');
      assert.equal(await page.$eval('#signed_by_staff-error', (p) => p.nextElementSibling.tagName), 'LABEL');
      // Nothing typed was lost.
      assert.equal(await page.inputValue(control('feeling_notes')), 'Typed before finalising');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('fixing a field removes its message as the user types; leaving it empty brings it back', async () => {
      const page = await open(context, base);
      await page.click('#finalise');
      await page.waitForSelector('.govuk-error-summary');
      const before = (await summaryLinks(page)).length;

      await page.fill(control('staff_member'), 'Sam Taylor');
      assert.equal(await page.locator('#staff-member-error').count(), 0);
      assert.equal(await attr(page, 'staff_member', 'aria-invalid'), null);
      assert.equal(await attr(page, 'staff_member', 'aria-describedby'), null);
      assert.equal(await page.$eval('#staff-member', (i) => i.parentElement.className), 'govuk-form-group');
      assert.equal((await summaryLinks(page)).length, before - 1);

      await page.fill(control('session_date'), day(-2));
      assert.equal(await page.locator('#session-date-error').count(), 0);
      assert.equal(await attr(page, 'session_date', 'aria-describedby'), 'session-date-hint', 'the original description is restored');

      // Typing elsewhere adds nothing new; emptying a field and leaving it (change) does.
      await page.fill(control('staff_member'), '');
      assert.equal(await page.locator('#staff-member-error').count(), 0, 'no message while typing');
      await page.press(control('staff_member'), 'Tab');
      await page.waitForSelector('#staff-member-error');
      assert.equal(await attr(page, 'staff_member', 'aria-invalid'), 'true');
      assert.equal((await summaryLinks(page))[0].href, '#staff-member', 'back in its place, first');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('a finding about an action\'s cell goes to that cell', async () => {
      const page = await open(context, base);
      await fill(page, VALID);
      await page.fill(control('feeling_actions[1][action]'), 'Book the court skills course');
      await page.click('#finalise');
      await page.waitForSelector('.govuk-error-summary');
      const links = await summaryLinks(page);
      assert.deepEqual(links.map((l) => l.href), ['#feeling_actions-1-who', '#feeling_actions-1-when']);
      assert.match(links[0].text, /action 2/);
      assert.equal(await attr(page, 'feeling_actions[1][who]', 'id'), 'feeling_actions-1-who');
      assert.equal(await attr(page, 'feeling_actions[1][who]', 'aria-invalid'), 'true');
      assert.equal(await attr(page, 'feeling_actions[0][who]', 'aria-invalid'), null, 'the blank first row is not in error');
      const where = await page.$eval('#feeling_actions-1-who-error', (p) => [p.parentElement.className, p.nextElementSibling.tagName]);
      assert.deepEqual(where, ['govuk-form-group govuk-form-group--error', 'LABEL']);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('a valid record submits', async () => {
      const page = await open(context, base);
      await fill(page, VALID);
      await page.fill(control('praise_actions[0][action]'), 'Share the assessment at the team meeting');
      await page.fill(control('praise_actions[0][who]'), 'Sam Taylor');
      await page.fill(control('praise_actions[0][when]'), day(10));
      await page.click('#finalise');
      await page.waitForFunction(() => document.getElementById('saved').textContent !== '');
      assert.match(await page.textContent('#saved'), /^Record finalised/);
      assert.equal(await page.locator('.govuk-error-summary').count(), 0);
      assert.equal(await page.locator('[aria-invalid]').count(), 0);
      const report = await page.evaluate(() => window.supervisionDemo.widget.validate());
      assert.equal(report.valid, true);
      assert.deepEqual(report.errors, []);
      // After a blocked submit, fixing everything lets the next one through.
      await page.fill(control('signed_by_staff'), '');
      await page.click('#finalise');
      await page.waitForSelector('.govuk-error-summary');
      await page.fill(control('signed_by_staff'), 'Sam Taylor');
      assert.equal(await page.locator('.govuk-error-summary').count(), 0, 'the summary goes when its last error is fixed');
      await page.click('#finalise');
      await page.waitForFunction(() => /^Record finalised/.test(document.getElementById('saved').textContent));
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('draft mode never blocks: warnings only, not in an alert', async () => {
      const page = await open(context, base, '?mode=draft');
      await page.click('#finalise');
      await page.waitForFunction(() => document.getElementById('saved').textContent !== '');
      assert.match(await page.textContent('#saved'), /^Draft saved/);
      assert.equal(await page.locator('.govuk-error-summary').count(), 0);
      assert.equal(await page.locator('[aria-invalid]').count(), 0);
      assert.equal(await page.locator('.govuk-form-group--error').count(), 0);
      assert.equal(await page.locator('.sr-warning-summary').count(), 1);
      assert.equal(await page.locator('.sr-warning-summary [role="alert"], .sr-warning-summary[role="alert"]').count(), 0);
      assert.ok((await page.locator('.sr-warning-summary li').count()) >= 3);
      const warning = await page.$eval('#staff-member-warning', (p) => [p.className, p.textContent]);
      assert.equal(warning[0], 'sr-warning');
      assert.match(warning[1], /^Warning: Enter /);
      assert.equal(await attr(page, 'staff_member', 'aria-describedby'), 'staff-member-warning');
      const report = await page.evaluate(() => window.supervisionDemo.widget.validate());
      assert.equal(report.valid, true);
      assert.equal(report.errors.length, 0);
      assert.ok(report.warnings.length > 0);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('in final mode, a formnovalidate button (Save as draft) does not block either', async () => {
      const page = await open(context, base);
      await page.click('#save-draft');
      await page.waitForFunction(() => document.getElementById('saved').textContent !== '');
      assert.match(await page.textContent('#saved'), /^Draft saved/);
      assert.equal(await page.locator('.govuk-error-summary').count(), 0);
      assert.equal(await page.locator('.sr-warning-summary').count(), 1);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('detach() leaves the DOM exactly as it was, values kept, listeners gone', async () => {
      const page = await open(context, base);
      const source = await page.evaluate(async () => {
        const html = await (await fetch('mapping.html')).text();
        return new DOMParser().parseFromString(html, 'text/html').getElementById('supervision-form').outerHTML;
      });
      const head = await page.$eval('head', (h) => h.children.length);
      // Every kind of change: errors, warnings, ids given, descriptions appended, groups marked.
      await page.fill(control('staff_member'), 'Sam Taylor');
      await page.fill(control('next_session'), day(200));
      await page.fill(control('session_date'), day(-2));
      await page.fill(control('feeling_actions[0][action]'), 'An action with no one to do it');
      await page.click('#finalise');
      await page.waitForSelector('.govuk-error-summary');
      await page.click('#save-draft');
      await page.waitForSelector('.sr-warning-summary');
      await page.click('#finalise');
      await page.waitForSelector('.govuk-error-summary');
      assert.ok(await page.locator('#supervision-form [aria-invalid]').count() > 3);
      const typed = await page.$$eval('#supervision-form input, #supervision-form textarea', (els) => els.map((e) => e.value));

      await page.evaluate(() => window.supervisionDemo.widget.detach());
      assert.equal(await page.$eval('#supervision-form', (f) => f.outerHTML), source);
      assert.equal(await page.locator('style[data-supervision-rules]').count(), 0);
      assert.equal(await page.$eval('head', (h) => h.children.length), head - 1, 'only the stylesheet left the head');
      assert.deepEqual(await page.$$eval('#supervision-form input, #supervision-form textarea', (els) => els.map((e) => e.value)), typed);
      // No listener left: an incomplete record now goes straight to the page's own save.
      await page.click('#finalise');
      await page.waitForFunction(() => /^Record finalised/.test(document.getElementById('saved').textContent));
      assert.equal(await page.locator('.govuk-error-summary').count(), 0);
      await page.fill(control('staff_member'), '');
      assert.equal(await page.locator('.govuk-error-message').count(), 0);
      // Detaching twice is harmless; validate() after detach throws.
      const after = await page.evaluate(() => {
        const w = window.supervisionDemo.widget;
        w.detach();
        try { w.validate(); return 'no error'; } catch (e) { return e.code; }
      });
      assert.equal(after, 'detached');
      assert.equal(await page.$eval('#supervision-form', (f) => f.outerHTML), source);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('keyboard only: Tab to a summary link, Enter, focus lands on the control', async () => {
      const page = await open(context, base);
      await page.fill(control('feeling_actions[0][action]'), 'An action with no one to do it');
      await page.focus('#finalise');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.govuk-error-summary');
      assert.equal(await activeName(page), 'govuk-error-summary');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#staff-member');
      await page.keyboard.press('Enter');
      assert.equal(await activeName(page), 'staff_member');
      assert.equal(new URL(page.url()).hash, '', 'the page\'s URL is left alone');
      // Back to the summary and on to a cell's link.
      await page.focus('.govuk-error-summary');
      const hrefs = (await summaryLinks(page)).map((l) => l.href);
      const n = hrefs.indexOf('#feeling_actions-0-who');
      assert.ok(n > 0, JSON.stringify(hrefs));
      for (let i = 0; i <= n; i++) await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#feeling_actions-0-who');
      await page.keyboard.press('Enter');
      assert.equal(await activeName(page), 'feeling_actions[0][who]');
      // Shift+Tab from the control goes back through the page in order, not into the summary.
      await page.keyboard.press('Shift+Tab');
      assert.equal(await activeName(page), 'feeling_actions[0][action]');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('keyboard only at 320 px: following a summary link shows the label and focuses the control', async () => {
      const page = await open(context, base);
      await page.setViewportSize({ width: 320, height: 568 });
      await page.fill(control('feeling_actions[0][action]'), 'An action with no one to do it');
      await page.focus('#finalise');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.govuk-error-summary');
      const hrefs = (await summaryLinks(page)).map((l) => l.href);
      // A control labelled by for=, one wrapped in its label, and one low on the page.
      for (const [href, name] of [['#staff-member', 'staff_member'], ['#feeling_actions-0-who', 'feeling_actions[0][who]'], ['#leave-notes', 'leave_notes'], ['#signed_by_staff', 'signed_by_staff']]) {
        const n = hrefs.indexOf(href);
        assert.ok(n >= 0, `${href} in ${JSON.stringify(hrefs)}`);
        await page.focus('.govuk-error-summary');
        for (let i = 0; i <= n; i++) await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), href);
        await page.keyboard.press('Enter');
        assert.equal(await activeName(page), name);
        const seen = await page.evaluate(() => {
          const el = document.activeElement;
          const label = el.labels[0];
          const box = (e) => e.getBoundingClientRect();
          return { label: box(label).top, labelBottom: box(label).bottom, control: box(el).bottom, height: window.innerHeight };
        });
        assert.ok(seen.label >= 0 && seen.labelBottom <= seen.height, `${href}: the label is on screen ${JSON.stringify(seen)}`);
        assert.ok(seen.control <= seen.height, `${href}: the control is on screen ${JSON.stringify(seen)}`);
      }
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('absent: a form without a required field attached with absent: [id] saves in final mode; one console.error; widget.problems lists it', async () => {
      const page = await open(context, base);
      // The page's form has no control for the supervisee's signature (signed elsewhere).
      const problems = await page.evaluate(async () => {
        const m = await import('./pkg/widget/supervision_rules.js');
        const form = document.getElementById('supervision-form');
        const input = form.querySelector('[name="signed_by_staff"]');
        input.closest('.govuk-form-group').remove();
        const fields = { ...window.supervisionDemo.fields };
        delete fields.superviseeSignature;
        window.supervisionDemo.widget = m.attach(form, {
          policy: 'havering', template: 'personal-supervision', mode: 'final', fields,
          absent: ['superviseeSignature'],
        });
        return window.supervisionDemo.widget.problems;
      });
      assert.deepEqual(problems.map((p) => [p.field, p.code]), [['superviseeSignature', 'required-absent']]);
      assert.equal(page.errors.length, 1, page.errors.join('\n'));
      assert.match(page.errors[0], /^console\.error: supervision-rules: options\.absent.*superviseeSignature/s);
      const { signed_by_staff: _, ...rest } = VALID;
      await fill(page, rest);
      await page.click('#finalise');
      await page.waitForFunction(() => /^Record finalised/.test(document.getElementById('saved').textContent));
      assert.equal(await page.locator('.govuk-error-summary').count(), 0);
      const report = await page.evaluate(() => window.supervisionDemo.widget.validate());
      assert.equal(report.valid, true);
      assert.ok(!report.errors.some((e) => e.path === 'superviseeSignature'), 'the user is never asked for it');
      assert.equal(page.errors.length, 1, 'reported once, not on each check');
      await page.close();
    });

    await test('the supervisee\'s fte reaches the widget as it reaches validate(): a part-time worker\'s next session may be booked later; bad values are refused at their path', async () => {
      const page = await open(context, base);
      // Session two days ago, next booked in 40 days: 42 days on. Havering's personal
      // supervision is monthly (at most 31 days) full-time, and pro rata for fte 0.6
      // (28 to 31 days ÷ 0.6, rounded up: 47 to 52 days).
      await fill(page, { ...VALID, next_session: day(40) });
      const out = await page.evaluate(async () => {
        const m = await import('./pkg/widget/supervision_rules.js');
        const form = document.getElementById('supervision-form');
        const base = { policy: 'havering', template: 'personal-supervision', fields: window.supervisionDemo.fields, mode: 'draft' };
        const codes = (w) => { const r = w.validate(); return r.errors.concat(r.warnings).map((f) => f.code); };
        const fullTime = codes(m.attach(form, base));
        const partTime = m.attach(form, { ...base, hours: 'part-time', fte: 0.6 });
        window.supervisionDemo.widget = partTime;
        const tryIt = (f) => { try { f(); return 'no error'; } catch (e) { return `${e.code}: ${e.message}`; } };
        return {
          fullTime,
          partTime: codes(partTime),
          refused: [
            tryIt(() => m.attach(form, { ...base, fte: 2 })),
            tryIt(() => m.attach(form, { ...base, hours: 'most days' })),
            tryIt(() => m.attach(form, { ...base, frequency: 'bi-weekly' })),
            tryIt(() => m.attach(form, { ...base, shiftsPerMonth: true })),
          ],
        };
      });
      assert.ok(out.fullTime.includes('next-too-late'), JSON.stringify(out));
      assert.ok(!out.partTime.includes('next-too-late'), JSON.stringify(out));
      assert.match(out.refused[0], /^bad-argument: .*options\.fte/);
      assert.match(out.refused[1], /^bad-argument: .*options\.hours/);
      assert.match(out.refused[2], /^bad-argument: .*options\.frequency/);
      assert.match(out.refused[3], /^bad-argument: .*options\.shiftsPerMonth/);
      assert.ok(!out.refused.join(' ').includes('most days'), 'no value is repeated');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('axe (WCAG 2.2 AA): the error state has no violations', async () => {
      const page = await open(context, base);
      await page.fill(control('feeling_actions[0][action]'), 'An action with no one to do it');
      await page.fill(control('next_session'), day(200));
      await page.click('#finalise');
      await page.waitForSelector('.govuk-error-summary');
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('axe (WCAG 2.2 AA): the draft-mode warnings have no violations', async () => {
      const page = await open(context, base, '?mode=draft');
      await page.click('#finalise');
      await page.waitForSelector('.sr-warning-summary');
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('renderSchedule: overdue first, date order, reasons and clauses, a labelled timeline', async () => {
      const page = await open(context, base);
      const panel = await page.$eval('#due-dates', (aside) => {
        const section = aside.querySelector('section.sr-schedule');
        const items = [...section.querySelectorAll('.sr-obligation')].map((li) => ({
          status: li.querySelector('.govuk-tag').textContent,
          due: li.querySelector('time').getAttribute('datetime'),
          reason: li.querySelector('.sr-obligation__reason')?.textContent || '',
          clause: li.querySelector('.sr-clause')?.textContent || '',
        }));
        const svg = section.querySelector('svg');
        return {
          heading: section.querySelector('h2').textContent,
          labelledBy: document.getElementById(section.getAttribute('aria-labelledby'))?.textContent,
          items,
          svg: svg && { role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'), title: svg.querySelector(':scope > title')?.textContent, sessions: svg.querySelectorAll('circle').length },
        };
      });
      assert.equal(panel.heading, 'Due dates');
      assert.equal(panel.labelledBy, 'Due dates');
      assert.ok(panel.items.length > 0);
      const statuses = panel.items.map((i) => i.status);
      const firstNotOverdue = statuses.findIndex((s) => s !== 'Overdue');
      assert.ok(firstNotOverdue === -1 || statuses.slice(firstNotOverdue).every((s) => s !== 'Overdue'), statuses.join());
      const rest = panel.items.slice(Math.max(firstNotOverdue, 0)).map((i) => i.due);
      assert.deepEqual(rest, [...rest].sort());
      for (const i of panel.items) {
        assert.ok(i.reason.length > 0, 'each obligation has its reason');
        assert.match(i.clause, /^Policy: havering/);
      }
      assert.equal(panel.svg.role, 'img');
      assert.match(panel.svg.label, /^Timeline from .+ Today is .+ 5 sessions held, the last on /);
      assert.equal(panel.svg.title, panel.svg.label);
      assert.equal(panel.svg.sessions, 5 + 1, 'five sessions and the key');

      // Rendering again replaces only what it rendered; the page's own content stays.
      const again = await page.evaluate(async () => {
        const m = await import('./pkg/widget/supervision_rules.js');
        const aside = document.getElementById('due-dates');
        const own = document.createElement('p');
        own.textContent = 'The page\'s own note';
        aside.prepend(own);
        const hand = {
          asOf: '2026-03-02',
          obligations: [
            { kind: 'pdr', subject: 'SW-1', due: '2026-06-01', status: 'ok', source: 'x.txt §1', reason: 'Yearly.', rule: 'r1' },
            { kind: 'personal-supervision', subject: 'SW-1', due: '2026-03-04', status: 'due-soon', source: 'x.txt §2', reason: 'Monthly.', rule: 'r2' },
            { kind: 'child-discussion', subject: 'C-77', due: '2026-02-20', status: 'overdue', source: 'x.txt §3', reason: 'Every 4 weeks.', rule: 'r3' },
          ],
          breaches: [{ path: 'sessions', code: 'max-gap', message: 'A gap of 40 days between sessions.', source: 'x.txt §2', severity: 'error' },
            // A run of breaches (docs/finding-codes.md, Runs), as schedule() writes it.
            { path: 'sessions[1]', code: 'cadence-gap', message: 'Late. It happened 6 times in a row, from 5 January 2026 to 22 June 2026.',
              source: 'x.txt §4', severity: 'error', rule: 'r2', run: { first: '2026-01-05', last: '2026-06-22', count: 6 } }],
          sessions: [{ date: '2026-01-10' }, { date: '2026-02-01', cancelled: 'sickness' }, { date: '2026-04-01' }],
        };
        const section = m.renderSchedule(aside, hand);
        let error = null;
        try { m.renderSchedule(aside, { asOf: 'soon', obligations: [] }); } catch (e) { error = e.code + ': ' + e.message; }
        return {
          children: [...aside.children].map((c) => c.tagName),
          own: aside.firstElementChild.textContent,
          same: section === aside.querySelector('section'),
          whats: [...section.querySelectorAll('.sr-obligation__what')].map((s) => s.textContent),
          dues: [...section.querySelectorAll('.sr-obligation__due')].map((s) => s.textContent),
          breaches: [...section.querySelectorAll('.sr-breaches li')].map((li) => li.textContent),
          runs: [...section.querySelectorAll('.sr-breaches li[data-run-count]')].map((li) =>
            [li.dataset.runCount, li.dataset.runFirst, li.dataset.runLast, li.querySelector('.sr-run').textContent]),
          summary: section.querySelector('.sr-schedule__summary').textContent,
          label: section.querySelector('svg').getAttribute('aria-label'),
          error,
        };
      });
      assert.deepEqual(again.children, ['P', 'SECTION']);
      assert.equal(again.own, 'The page\'s own note');
      assert.equal(again.same, true);
      assert.deepEqual(again.whats, ['Child discussion for case C-77', 'Personal supervision for SW-1', 'PDR for SW-1']);
      assert.deepEqual(again.dues, ['Was due on 20 February 2026 (10 days ago)', 'Due on 4 March 2026 (in 2 days)', 'Due on 1 June 2026 (in 91 days)']);
      assert.deepEqual(again.breaches, ['A gap of 40 days between sessions. (x.txt §2)',
        '6 times in a row Late. It happened 6 times in a row, from 5 January 2026 to 22 June 2026. (x.txt §4)']);
      assert.deepEqual(again.runs, [['6', '2026-01-05', '2026-06-22', '6 times in a row']]);
      assert.equal(again.summary, 'As of 2 March 2026: 1 overdue, 1 due soon and 1 upcoming.');
      assert.match(again.label, /1 session held, the last on 10 January 2026\. Due dates: 1 overdue, 1 due soon and 1 upcoming, the next on 4 March 2026\.$/);
      assert.match(again.error, /^bad-argument: .*schedule\.asOf/);
      assert.deepEqual(await axe(page, '#due-dates'), []);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('showError: the pattern on a page\'s own control, taken away exactly; labels() names every kind', async () => {
      const page = await open(context, base);
      const out = await page.evaluate(async () => {
        const m = await import('./pkg/widget/index.js');
        const group = document.createElement('div');
        group.className = 'govuk-form-group';
        const input = document.createElement('input');
        input.id = 'own-box';
        input.setAttribute('aria-describedby', 'own-hint');
        group.append(input);
        document.querySelector('main').append(group);
        const before = group.outerHTML;
        m.showError(input, 'Enter a <b>number</b>');
        m.showError(input, 'Enter a whole number');
        const shown = {
          html: group.outerHTML,
          text: document.getElementById('own-box-error').textContent,
          describedBy: input.getAttribute('aria-describedby'),
          invalid: input.getAttribute('aria-invalid'),
          classes: [group.className, input.className],
        };
        m.showError(input, null);
        let error = null;
        try { m.showError(input, 42); } catch (e) { error = e.code; }
        const labels = m.labels();
        return { shown, restored: group.outerHTML === before, error, labels };
      });
      assert.equal(out.shown.text, 'Error: Enter a whole number');
      assert.equal((out.shown.html.match(/govuk-error-message/g) || []).length, 1, 'one message, the last');
      assert.equal(out.shown.describedBy, 'own-hint own-box-error');
      assert.equal(out.shown.invalid, 'true');
      assert.deepEqual(out.shown.classes, ['govuk-form-group govuk-form-group--error', 'govuk-input--error']);
      assert.equal(out.restored, true);
      assert.equal(out.error, 'bad-argument');
      assert.deepEqual(out.labels.statuses, { overdue: 'Overdue', 'due-soon': 'Due soon', ok: 'Upcoming' });
      assert.equal(Object.keys(out.labels.kinds).length, 17);
      assert.equal(out.labels.kinds.pdr, 'PDR');
      assert.equal(out.labels.kinds['personal-supervision'], 'Personal supervision');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('showProblems: a page\'s own problems as the GOV.UK pattern (summary, links, inline messages, marks), taken away exactly', async () => {
      const page = await open(context, base);
      const out = await page.evaluate(async () => {
        const m = await import('./pkg/widget/index.js');
        const main = document.querySelector('main');
        const place = document.createElement('div');
        const group = document.createElement('div');
        group.className = 'govuk-form-group';
        const input = document.createElement('input');
        input.id = 'sp-box';
        input.setAttribute('aria-describedby', 'sp-hint');
        group.append(input);
        const fs = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.textContent = 'Dates';
        const day = document.createElement('input');
        fs.append(legend, day);
        const area = document.createElement('textarea');
        area.name = 'policy json';
        area.value = 'line one\nline two';
        main.append(place, group, fs, area);
        const html = () => [place, group, fs, area].map((e) => e.outerHTML);
        const before = html();
        const problems = [
          { message: 'Enter a <b>number</b>', element: input },
          { message: 'Second on the box', element: input },
          { message: 'Pick a date', element: fs },
          { message: 'At line 2', link: area, caret: 9 },
          { message: 'Nowhere' },
        ];
        m.showProblems(problems, { summary: place, title: 'There are 5 problems' });
        const items = [...place.querySelectorAll('.govuk-error-summary__list li')];
        const shown = {
          title: place.querySelector('.govuk-error-summary__title').textContent,
          alert: place.querySelectorAll('.govuk-error-summary [role=alert]').length,
          items: items.map((li) => [li.textContent, li.querySelector('a') ? li.querySelector('a').getAttribute('href') : null]),
          before: [...group.children].map((e) => e.id || e.tagName),
          inline: [...group.querySelectorAll('.govuk-error-message')].map((e) => e.textContent),
          describedBy: input.getAttribute('aria-describedby'),
          invalid: input.getAttribute('aria-invalid'),
          classes: [group.className, input.className],
          fieldset: [[...fs.children].map((e) => e.id || e.tagName), fs.getAttribute('aria-describedby'), fs.getAttribute('aria-invalid')],
        };
        items[3].querySelector('a').click();
        const caret = [document.activeElement === area, area.selectionStart];
        items[0].querySelector('a').click();
        const focused = document.activeElement === input;
        // The same list again: the summary's items are left as they are.
        m.showProblems(problems, { summary: place, title: 'There are 5 problems' });
        const kept = place.querySelector('.govuk-error-summary__list li') === items[0];
        const inlineAgain = group.querySelectorAll('.govuk-error-message').length;
        m.showProblems([]);
        const restored = html().every((h, i) => h === before[i]);
        // No summary on the page, none named: one made above <main>'s <h1>, as GOV.UK places it.
        m.showProblems([{ message: 'Above the heading' }]);
        const h1 = document.querySelector('main h1');
        const made = h1.previousElementSibling;
        const above = [made.className, made.querySelector('li').textContent, document.activeElement === made];
        m.showProblems([]);
        const none = document.querySelectorAll('.govuk-error-summary').length;
        // The page's own summary joined: its item and title kept, the widget's after them.
        const own = document.createElement('div');
        own.className = 'govuk-error-summary';
        own.innerHTML = '<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li>The server\'s</li></ul></div></div>';
        main.prepend(own);
        const ownBefore = own.outerHTML;
        m.showProblems([{ message: 'Ours', element: input }], { title: 'Not this' });
        const joined = [own.querySelector('h2').textContent, [...own.querySelectorAll('li')].map((li) => li.textContent)];
        m.showProblems([]);
        const joinRestored = own.outerHTML === ownBefore && html().every((h, i) => h === before[i]);
        const errors = [];
        for (const bad of ['x', [{ message: 1 }], [{ message: 'm', element: 'sp-box' }], [{ message: 'm', caret: -1 }]]) {
          try { m.showProblems(bad); errors.push(null); } catch (e) { errors.push(e.code); }
        }
        return { shown, caret, focused, kept, inlineAgain, restored, above, none, joined, joinRestored, errors };
      });
      assert.equal(out.shown.title, 'There are 5 problems');
      assert.equal(out.shown.alert, 1);
      // Text only; a link to each problem's control (ids given from a name, or "sr-field").
      assert.deepEqual(out.shown.items, [['Enter a <b>number</b>', '#sp-box'], ['Second on the box', '#sp-box'],
        ['Pick a date', '#sr-field'], ['At line 2', '#policy-json'], ['Nowhere', null]]);
      // Both messages just before the control, in order.
      assert.deepEqual(out.shown.before, ['sp-box-error', 'sp-box-error-2', 'sp-box']);
      assert.deepEqual(out.shown.inline, ['Error: Enter a <b>number</b>', 'Error: Second on the box']);
      assert.equal(out.shown.describedBy, 'sp-hint sp-box-error sp-box-error-2');
      assert.equal(out.shown.invalid, 'true');
      assert.deepEqual(out.shown.classes, ['govuk-form-group govuk-form-group--error', 'govuk-input--error']);
      // A fieldset: the message after its legend, described by it, not marked invalid.
      assert.deepEqual(out.shown.fieldset, [['LEGEND', 'sr-field-error', 'INPUT'], 'sr-field-error', null]);
      // "line one\n" is 9 characters: the caret at the start of line 2.
      assert.deepEqual(out.caret, [true, 9]);
      assert.equal(out.focused, true);
      assert.equal(out.kept, true);
      assert.equal(out.inlineAgain, 2);
      assert.equal(out.restored, true);
      // Focus is the page's to move (a submit's summary takes it; a list shown as the user
      // types does not).
      assert.deepEqual(out.above, ['govuk-error-summary', 'Above the heading', false]);
      assert.equal(out.none, 0);
      assert.deepEqual(out.joined, ['There is a problem', ['The server\'s', 'Ours']]);
      assert.equal(out.joinRestored, true);
      assert.deepEqual(out.errors, ['bad-argument', 'bad-argument', 'bad-argument', 'bad-argument']);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('renderSchedule: what rests on our reading is shown apart, never counted or listed as a breach (issue 22)', async () => {
      const page = await open(context, base);
      const out = await page.evaluate(async () => {
        const m = await import('./pkg/widget/supervision_rules.js');
        const aside = document.getElementById('due-dates');
        const section = m.renderSchedule(aside, {
          asOf: '2026-03-02',
          obligations: [
            { kind: 'personal-supervision', subject: 'SW-1', due: '2026-03-20', status: 'ok', source: 'x.txt §2', reason: 'Monthly.', rule: 'r2' },
            { kind: 'supervision', subject: 'SW-1', due: '2026-02-20', status: 'overdue', source: 'x.txt §3.3', rule: 'r9',
              reason: 'By our reading of §3.3, which sets no such limit: the cancelled session is held within 5 working days.',
              reading: '§3.3 sets no time for holding a rebooked session; we look for it within 5 working days.' },
          ],
          breaches: [],
          advisories: [{ path: 'sessions[1]', code: 'late-rebook', severity: 'advisory', source: 'x.txt §3.3', rule: 'r9',
            message: 'By our reading of §3.3, which sets no such limit: the session was held late.', reading: 'Ours.' }],
        });
        return {
          whats: [...section.querySelectorAll('.sr-obligations .sr-obligation__what')].map((s) => s.textContent),
          summary: section.querySelector('.sr-schedule__summary').textContent,
          breaches: section.querySelectorAll('.sr-breaches li').length,
          title: section.querySelector('.sr-readings h3')?.textContent,
          readings: [...section.querySelectorAll('.sr-readings li')].map((li) => li.textContent),
        };
      });
      assert.deepEqual(out.whats, ['Personal supervision for SW-1']);
      assert.equal(out.summary, 'As of 2 March 2026: 1 upcoming.');
      assert.equal(out.breaches, 0);
      assert.equal(out.title, 'By our reading: limits the policy does not set (not breaches)');
      assert.equal(out.readings.length, 2);
      assert.match(out.readings[0], /^Supervision: 20 February 2026\. By our reading of §3\.3/);
      assert.match(out.readings[1], /^By our reading of §3\.3, which sets no such limit: the session was held late\./);
      assert.deepEqual(await axe(page, '#due-dates'), []);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('attach() rejects a wrong form, options and mapping, with codes', async () => {
      const page = await open(context, base, '?mode=draft');
      const codes = await page.evaluate(async () => {
        const m = await import('./pkg/widget/supervision_rules.js');
        const form = document.getElementById('supervision-form');
        const tryIt = (f) => { try { f(); return 'no error'; } catch (e) { return `${e.code}: ${e.message}`; } };
        return [
          tryIt(() => m.attach(document.body, { policy: 'havering', template: 'personal-supervision' })),
          tryIt(() => m.attach(form, { policy: 'nowhere', template: 'personal-supervision' })),
          tryIt(() => m.attach(form, { policy: 'havering', template: 'nothing' })),
          tryIt(() => m.attach(form, { policy: 'havering', template: 'personal-supervision', mode: 'finished' })),
          tryIt(() => m.attach(form, { policy: 'havering', template: 'personal-supervision', fields: { superviser: 'x' } })),
          tryIt(() => m.attach(form, { policy: 'havering', template: 'personal-supervision', role: 'wizard' })),
          tryIt(() => m.attach(form, { policy: 'havering', template: 'personal-supervision', feilds: {} })),
          tryIt(() => m.attach(form, { policy: 'havering', template: 'personal-supervision', fields: { supervisor: 'supervisee' } })),
        ];
      });
      assert.match(codes[0], /^bad-argument: .*form/);
      assert.match(codes[1], /^unknown-policy/);
      assert.match(codes[2], /^unknown-template/);
      assert.match(codes[3], /^bad-argument: .*options\.mode/);
      assert.match(codes[4], /^bad-argument: .*options\.fields\.superviser/);
      assert.match(codes[5], /^bad-argument: .*options\.role/);
      assert.match(codes[6], /^bad-argument: .*options\.feilds/);
      assert.match(codes[7], /^bad-argument: .*options\.fields\.supervisor/);
      // The widget the page attached is untouched by the failed calls.
      await page.click('#finalise');
      await page.waitForSelector('.sr-warning-summary');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    await test('attaching again to the same form replaces the earlier widget', async () => {
      const page = await open(context, base);
      await page.click('#finalise');
      await page.waitForSelector('.govuk-error-summary');
      const out = await page.evaluate(async () => {
        const m = await import('./pkg/widget/supervision_rules.js');
        const form = document.getElementById('supervision-form');
        const fresh = m.attach(form, { policy: 'havering', template: 'personal-supervision', fields: window.supervisionDemo.fields, mode: 'draft' });
        const left = document.querySelectorAll('.govuk-error-summary, .govuk-error-message, [aria-invalid]').length;
        let old;
        try { window.supervisionDemo.widget.validate(); old = 'no error'; } catch (e) { old = e.code; }
        window.supervisionDemo.widget = fresh;
        return { left, old };
      });
      assert.deepEqual(out, { left: 0, old: 'detached' });
      await page.click('#finalise');
      await page.waitForFunction(() => /^Record finalised|^Draft saved/.test(document.getElementById('saved').textContent));
      assert.equal(await page.locator('.govuk-error-summary').count(), 0, 'only the draft-mode widget is listening');
      assert.deepEqual(page.errors, []);
      await page.close();
    });
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
