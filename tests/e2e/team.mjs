#!/usr/bin/env node
// End-to-end test of www/team.html (a team manager's view) in headless Debian Chromium:
// the synthetic-service button, a CSV with mapped columns, a CSV with bad rows, the data step
// folded to what was loaded once the service is shown (reopened by keyboard), keyboard
// sort, filter and drill-down, the overdue CSV download, the print stylesheet, axe-core, no
// request to any other origin, and the time from files chosen to table shown for 500
// workers and 10,000 children. Saves docs/team-view.png. Needs pkg/ built.
//
// Ends with "N passed, N failed"; exits 1 when anything failed.

import assert from 'node:assert/strict';
import { test as runTest, finish, cannotRun } from './runner.mjs';
import { mkdtemp, rm, readFile, writeFile, access, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { syntheticService, DEMO } from '../../www/synthetic-service.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AS_OF = '2026-06-30';

let page;
/** A test of the page; a failure leaves a screenshot in tests/e2e/output/. */
function test(name, fn) {
  return runTest(name, async () => {
    try {
      await fn();
    } catch (e) {
      if (page && !page.isClosed()) {
        await mkdir(path.join(ROOT, 'tests/e2e/output'), { recursive: true });
        await page.screenshot({ path: path.join(ROOT, 'tests/e2e/output', `team-${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => {});
      }
      throw e;
    }
  });
}

async function axe(p) {
  const r = await new AxeBuilder({ page: p }).withTags(AXE_TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

async function openPage(context, base) {
  const p = await context.newPage();
  await p.goto(`${base}/team.html`);
  await p.waitForSelector('body[data-ready="true"]');
  await p.fill('#as-of', AS_OF);
  return p;
}

async function main() {
  try {
    await access(path.join(ROOT, 'pkg/widget/supervision_rules.js'));
  } catch {
    cannotRun('pkg/ is not built: run `bash scripts/build-pkg.sh` first');
  }
  const server = await startServer({ port: 0 });
  const base = server.url.replace(/\/$/, '');
  const origin = new URL(base).origin;
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-team-'));
  const context = await launchBrowser(userDataDir);
  const foreign = [];
  const errors = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
  });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const workerHeaders = [];
  context.on('response', (r) => { if (r.url().endsWith('/team-worker.js')) workerHeaders.push(r.headers()['content-security-policy'] || ''); });
  context.on('page', (p) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    p.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  });
  try {
    page = await openPage(context, base);

    await test('the empty page is axe-clean', async () => {
      assert.deepEqual(await axe(page), []);
    });

    await test('the demo button loads the synthetic service: 40 workers, overdue first', async () => {
      await page.click('#demo');
      await page.waitForSelector('body[data-loaded="true"]', { timeout: 60_000 });
      assert.equal(await page.locator('#workers-body tr').count(), 40);
      const statuses = await page.locator('#workers-body tr').evaluateAll((rows) => rows.map((r) => r.dataset.status));
      const rank = { overdue: 0, 'due-soon': 1, ok: 2 };
      assert.deepEqual(statuses, statuses.slice().sort((a, b) => rank[a] - rank[b]));
      assert.ok(Number(await page.textContent('#sum-workers-overdue')) > 0, 'some workers overdue');
      assert.ok(Number(await page.textContent('#sum-children-overdue')) > 0, 'some children overdue');
      assert.ok(await page.locator('#duties-body tr').count() >= 8, 'team duties listed');
      assert.ok(await page.locator('#actions-table tbody tr:not(.group-row)').count() > 0, 'open actions listed');
      assert.equal(await page.isVisible('#progress-box'), false, 'the progress bar is gone once loaded');
      assert.equal(await page.locator('#chart-body tr').count(), 12);
      assert.equal(await page.locator('#chart svg rect').count(), 12);
    });

    await test('the loaded page is axe-clean', async () => {
      assert.deepEqual(await axe(page), []);
    });

    await test('once loaded, the data step folds to the files and rows loaded: the service first', async () => {
      // The synthetic service's files, as the page made them: one row a line after the header.
      const made = syntheticService({ ...DEMO, asOf: AS_OF });
      const rows = (text) => text.trim().split(/\r?\n/).length - 1;
      assert.equal(await page.isVisible('#load-form'), false);
      assert.equal(await page.getAttribute('#data-toggle', 'aria-expanded'), 'false');
      assert.equal(await page.getAttribute('#data-toggle', 'aria-controls'), 'data-step-body');
      assert.equal(await page.textContent('#data-loaded-intro'), 'Loaded (every row read):');
      assert.deepEqual(await page.locator('#data-loaded-files li').allTextContents(), [
        `Supervision sessions: synthetic-sessions.csv, ${rows(made.sessions)} rows`,
        `Caseload: synthetic-caseload.csv, ${rows(made.caseload)} rows`,
        `Team duties: synthetic-team-duties.csv, ${rows(made.duties)} rows`,
        `Actions agreed: synthetic-actions.csv, ${rows(made.actions)} rows`,
      ]);
      assert.equal(rows(made.caseload), 800, 'one row a child');
      // Focus was on the button that loaded the data: it moves to the service.
      assert.equal(await page.evaluate(() => document.activeElement.id), 'results-title');
      const top = await page.evaluate(() => {
        window.scrollTo(0, 0);
        return document.getElementById('summary-title').parentElement.getBoundingClientRect().top;
      });
      assert.ok(top < 900, `the service's summary starts on the first screen (${top} px down)`);
    });

    await test('keyboard: the data step opens again (Enter) and folds (Space); axe-clean open', async () => {
      await page.focus('#data-toggle');
      await page.keyboard.press('Enter');
      assert.equal(await page.getAttribute('#data-toggle', 'aria-expanded'), 'true');
      assert.equal(await page.isVisible('#load-form'), true);
      assert.equal(await page.isVisible('#map-sessions-worker'), true, 'the columns chosen are there');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'data-toggle');
      assert.deepEqual(await axe(page), []);
      await page.keyboard.press('Space');
      assert.equal(await page.getAttribute('#data-toggle', 'aria-expanded'), 'false');
      assert.equal(await page.isVisible('#load-form'), false);
    });

    await test('keyboard: sort by worker, then descending', async () => {
      await page.focus('#workers-table th[data-sort="id"] button');
      await page.keyboard.press('Enter');
      assert.equal(await page.getAttribute('#workers-table th[data-sort="id"]', 'aria-sort'), 'ascending');
      assert.equal(await page.getAttribute('#workers-table th[data-sort="status"]', 'aria-sort'), 'none');
      assert.equal(await page.textContent('#workers-body tr:first-child th'), 'W0001');
      await page.keyboard.press('Enter');
      assert.equal(await page.getAttribute('#workers-table th[data-sort="id"]', 'aria-sort'), 'descending');
      assert.equal(await page.textContent('#workers-body tr:first-child th'), 'W0040');
    });

    await test('keyboard: filter by team', async () => {
      await page.focus('#filter-team');
      await page.keyboard.press('ArrowDown');
      const team = await page.inputValue('#filter-team');
      assert.ok(team, 'a team chosen');
      const teams = await page.locator('#workers-body tr td:nth-child(2)').allTextContents();
      assert.equal(teams.length, 10);
      assert.ok(teams.every((t) => t === team));
      assert.deepEqual(await axe(page), [], 'filtered page axe-clean');
    });

    await test('keyboard: drill down into a worker\'s due dates', async () => {
      const first = page.locator('#workers-body tr:first-child button[data-worker]');
      const id = await first.getAttribute('data-worker');
      await first.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('#worker-panel:not([hidden])');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'worker-panel-title');
      assert.equal(await page.textContent('#worker-panel-title'), `Due dates for ${id}`);
      assert.ok(await page.locator('#worker-panel-body section').count() === 1, 'the due-dates panel rendered');
    });

    await test('open actions grouped by worker, then by child (keyboard); overdue first in each', async () => {
      await page.selectOption('#filter-team', '');
      const groups = () => page.locator('#actions-table tbody').evaluateAll((bodies) => bodies.map((b) => ({
        head: b.rows[0].cells[0].textContent, scope: b.rows[0].cells[0].getAttribute('scope'),
        overdue: [...b.rows].slice(1).map((r) => r.dataset.overdue) })));
      const byWorker = await groups();
      assert.ok(byWorker.length > 1, 'groups');
      assert.ok(byWorker.every((g) => g.scope === 'rowgroup' && /^Worker W\d{4}: \d+ open/.test(g.head)), byWorker[0].head);
      assert.equal(new Set(byWorker.map((g) => g.head.split(':')[0])).size, byWorker.length, 'one group per worker');
      for (const g of byWorker) assert.deepEqual(g.overdue, g.overdue.slice().sort().reverse(), 'overdue first in a group');
      assert.equal(await page.textContent('#actions-first-col'), 'Child');
      await page.focus('#actions-by-worker');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.isChecked('#actions-by-child'), true);
      const byChild = await groups();
      assert.ok(byChild.every((g) => /^(Child C\d+|Not about one child): \d+ open/.test(g.head)), byChild[0].head);
      assert.equal(await page.textContent('#actions-first-col'), 'Worker');
      const total = (gs) => gs.reduce((n, g) => n + g.overdue.length, 0);
      assert.equal(total(byChild), total(byWorker), 'the same actions either way');
      assert.deepEqual(await axe(page), [], 'grouped by child axe-clean');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await page.isChecked('#actions-by-worker'), true);
    });

    await test('the drill-down lists the worker\'s open actions', async () => {
      const group = page.locator('#actions-table tbody').first();
      const id = (await group.locator('th').textContent()).match(/W\d{4}/)[0];
      const n = await group.locator('tr:not(.group-row)').count();
      const open = page.locator(`button[data-worker="${id}"]`);
      await open.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((w) => document.getElementById('worker-panel').dataset.worker === w, id);
      assert.equal(await page.locator('#worker-actions-body tr').count(), n);
      assert.match(await page.textContent('#worker-actions-title'), new RegExp(`^Open actions: ${n} open`));
      assert.deepEqual(await axe(page), [], 'drill-down axe-clean');
    });

    await test('Download overdue list (CSV): the overdue rows of the filtered view', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      const text = await readFile(await download.path(), 'utf8');
      const lines = text.trim().split('\r\n');
      assert.equal(lines[0], 'subject,id,worker,team,what,due');
      const workers = Number(await page.textContent('#sum-workers-overdue'));
      const children = Number(await page.textContent('#sum-children-overdue'));
      const duties = await page.locator('#duties-body tr').evaluateAll((rows) => rows.filter((r) => r.textContent.includes('Overdue')).length);
      assert.equal(lines.length - 1, workers + children + duties);
      assert.ok(lines.slice(1).every((l) => /^(worker|child|team duty),/.test(l)));
      assert.ok(lines.slice(1).every((l) => /,\d{4}-\d{2}-\d{2}$/.test(l)), 'ISO due dates');
    });

    await test('Download repeated breaches (CSV): one line per run shown, with its count and first and last dates', async () => {
      const shown = await page.locator('#runs-body tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.runCount)));
      assert.ok(shown.every((n) => n >= 2), 'a run is two breaches or more');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-runs')]);
      const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
      assert.equal(lines[0], 'subject,id,worker,team,rule,code,times,first,last');
      assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[6])), shown);
      assert.ok(lines.slice(1).every((l) => /^(worker|child|team),.*,\d+,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}$/.test(l)));
      console.log(`       (${shown.length} runs shown)`);
    });

    await test('dates by our reading (issue 22): their own table and CSV, apart from the overdue list and breaches', async () => {
      const rows = await page.locator('#readings-body tr').count();
      assert.ok(rows > 0, 'the synthetic service has dates resting on a reading');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-readings')]);
      const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
      assert.equal(lines[0], 'subject,id,worker,team,what,due,status,rule,our reading');
      assert.equal(lines.length - 1, Math.min(rows, lines.length - 1));
      assert.ok(lines.slice(1).every((l) => /^(worker|child|team),/.test(l)));
      console.log(`       (${lines.length - 1} dates by our reading)`);
    });

    await test('a print stylesheet hides the controls', async () => {
      assert.equal(await page.getAttribute('link[media="print"]', 'href'), 'team-print.css');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('#load-form').isVisible(), false);
      assert.equal(await page.locator('#workers-table').isVisible(), true);
      await page.emulateMedia({ media: 'screen' });
    });

    await test('screenshot for the README', async () => {
      await page.selectOption('#filter-team', '');
      await page.evaluate(() => window.scrollTo(0, 0));
      // The summary and the top of the workers' table: the first screen a manager sees.
      const top = await page.evaluate(() => document.getElementById('results').getBoundingClientRect().top + window.scrollY);
      await page.screenshot({ path: path.join(ROOT, 'docs/team-view.png'), clip: { x: 0, y: top, width: 1280, height: 900 }, fullPage: true });
    });

    await test('a CSV with its own column names, mapped by hand (UK dates, BOM, quoted commas)', async () => {
      const p = await openPage(context, base);
      page = p;
      const sessions = '\uFEFFStaff ref,Job,Unit,Held on,Kind\r\n' +
        'A1,Social worker,"North, East",02/06/2026,1:1\r\n' +
        'A2,social-worker,"North, East",2026-04-01,one-to-one\r\n\r\n,,,,\r\n';
      await p.setInputFiles('#file-sessions', csvFile('sessions.csv', sessions));
      await p.waitForSelector('#map-sessions-worker');
      // "Held on" and "Kind" are not guessed: chosen by hand.
      await p.selectOption('#map-sessions-worker', 'Staff ref');
      await p.selectOption('#map-sessions-role', 'Job');
      await p.selectOption('#map-sessions-team', 'Unit');
      await p.selectOption('#map-sessions-date', 'Held on');
      await p.selectOption('#map-sessions-type', 'Kind');
      await p.click('#show');
      await p.waitForSelector('body[data-loaded="true"]');
      assert.equal(await p.locator('#workers-body tr').count(), 2);
      assert.deepEqual(await p.locator('#workers-body tr td:nth-child(2)').allTextContents(), ['North, East', 'North, East']);
      assert.equal(await p.locator('#import-errors').isHidden(), true);
      const saved = await p.evaluate(() => localStorage.getItem('supervision-rules:team-mapping:sessions'));
      assert.deepEqual(JSON.parse(saved), { worker: 'Staff ref', role: 'Job', team: 'Unit', date: 'Held on', type: 'Kind' });
      const stored = await p.evaluate(() => Object.keys(localStorage).map((k) => k + localStorage.getItem(k)).join(''));
      assert.ok(!stored.includes('A1') && !stored.includes('02/06/2026'), 'no record data stored');
      // Next time, the same columns are chosen already.
      const again = await openPage(context, base);
      await again.setInputFiles('#file-sessions', csvFile('sessions.csv', sessions));
      await again.waitForSelector('#map-sessions-date');
      assert.equal(await again.inputValue('#map-sessions-date'), 'Held on');
      await again.close();
    });

    await test('bad rows are listed with their line and why; the rest loads; axe-clean', async () => {
      const p = await openPage(context, base);
      page = p;
      const sessions = 'Worker,Role,Date,Type\r\n' +
        'W1,social-worker,01/06/2026,one-to-one\r\n' +
        'W2,"social-worker",31/02/2026,one-to-one\r\n' + // line 3: no 31 February
        'W3,astronaut,01/06/2026,one-to-one\r\n' + // line 4: unknown role
        'W4,social-worker,15/05/2026,one-to-one\r\n';
      const caseload = 'Child,Worker,Allocated,Last discussed\r\n' +
        'C1,W1,01/01/2026,"01/05/2026"\r\n' +
        'C2,W1,"not\r\na date",01/05/2026\r\n' + // line 3 (spans 4): bad allocation date
        'C3,W9,01/01/2026,01/05/2026\r\n' + // line 5: worker not in the sessions file
        'C4,W4,01/01/2026,\r\n';
      await p.setInputFiles('#file-sessions', csvFile('sessions.csv', sessions));
      await p.setInputFiles('#file-caseload', csvFile('caseload.csv', caseload));
      await p.waitForSelector('#map-caseload-child');
      await p.click('#show');
      await p.waitForSelector('body[data-loaded="true"]');
      const rows = await p.locator('#import-errors-body tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
      assert.deepEqual(rows.map((r) => [r[0], r[1]]), [['sessions.csv', '3'], ['sessions.csv', '4'], ['caseload.csv', '3'], ['caseload.csv', '5']]);
      assert.match(rows[0][2], /Session date is not a date/);
      assert.match(rows[1][2], /Role is not one of this policy's roles/);
      assert.ok(rows.every((r) => !r[2].includes('astronaut') && !r[2].includes('C3')), 'no values echoed');
      assert.equal(await p.locator('#workers-body tr').count(), 2);
      assert.equal(Number(await p.textContent('#sum-children-overdue')) + Number(await p.textContent('#sum-children-soon')) + Number(await p.textContent('#sum-children-ok')), 2);
      assert.deepEqual(await axe(p), []);
      // Folded: the rows not read are counted; reopening the data step lists them.
      assert.equal(await p.textContent('#data-loaded-intro'), 'Loaded, but 4 rows could not be read (Change the data lists them):');
      assert.deepEqual(await p.locator('#data-loaded-files li').allTextContents(), [
        'Supervision sessions: sessions.csv, 4 rows (2 not read)', 'Caseload: caseload.csv, 4 rows (2 not read)',
      ]);
      assert.equal(await p.isVisible('#import-errors'), false);
      await p.focus('#data-toggle');
      await p.keyboard.press('Enter');
      assert.equal(await p.isVisible('#import-errors'), true);
      assert.deepEqual(await axe(p), [], 'the data step open, with the rows not read');
    });

    // Issue 15's targets are 1 s and no task over 100 ms (BENCHMARKS.md, "The team page").
    // The figures are printed, never asserted: a time bound fails on a loaded machine, not
    // on a regression (performance is measured in benchmarks, not in timed tests).
    await test('500 workers and 10,000 children: measured (target 1 s, tasks ≤ 100 ms)', async () => {
      const p = await context.newPage();
      page = p;
      await p.addInitScript(() => {
        window.__long = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
        window.__progressSeen = false;
        document.addEventListener('DOMContentLoaded', () => {
          new MutationObserver(() => { if (!document.getElementById('progress-box').hidden) window.__progressSeen = true; })
            .observe(document.getElementById('progress-box'), { attributes: true });
        });
      });
      await p.goto(`${base}/team.html`);
      await p.waitForSelector('body[data-ready="true"]');
      await p.fill('#as-of', AS_OF);
      await p.selectOption('#policy', 'stockport');
      const big = syntheticService({ workers: 500, teams: 25, children: 10_000, asOf: AS_OF });
      await p.evaluate(() => { window.__long = []; });
      const t0 = Date.now();
      await p.setInputFiles('#file-sessions', csvFile('sessions.csv', big.sessions));
      await p.setInputFiles('#file-caseload', csvFile('caseload.csv', big.caseload));
      await p.waitForSelector('#map-caseload-child');
      await p.click('#show');
      await p.waitForFunction(() => document.getElementById('workers-count').textContent === '500 workers');
      const shown = Date.now() - t0;
      const inPage = Number(await p.evaluate(() => document.body.dataset.loadMs));
      const chosenToTable = Number(await p.evaluate(() => document.body.dataset.chosenToTableMs));
      await p.waitForSelector('body[data-loaded="true"]', { timeout: 60_000 });
      const long = await p.evaluate(() => window.__long);
      const load = os.loadavg().map((n) => n.toFixed(2)).join(', ');
      console.log(`       measured: in the page, first file chosen to table shown ${chosenToTable} ms (Show to table ${inPage} ms); with Playwright's file transfer and clicks ${shown} ms; long tasks: ${long.length ? long.join(', ') + ' ms' : 'none'}; load average ${load}`);
      assert.equal(await p.evaluate(() => window.__progressSeen), true, 'a progress bar was shown');
      assert.equal(await p.isVisible('#progress-box'), false);
      // Paged (issue 25): the first 100 of each table, the rest a page away.
      assert.equal(await p.locator('#children-body tr').count(), 100, 'the overdue children listed after the table, a page of them');
      assert.match(await p.textContent('#children-table ~ .pager, .table-scroll:has(#children-table) + .pager'), /^Children 1 to 100 of \d{3,}/);
      assert.equal(await p.locator('#workers-body tr').count(), 100);
      assert.match(await p.textContent('.table-scroll:has(#workers-table) + .pager'), /^Workers 1 to 100 of 500/);
    });

    // Issue 25: the largest documented service (docs/bad-inputs.md: 20,000 workers), paged.
    // Long tasks are recorded and printed (BENCHMARKS.md, "Issue 25: the pages at the largest
    // inputs"), not asserted: what holds the page is shown by where the work runs (the
    // page's Web Worker) and how much is drawn (a page of rows).
    const watchLongTasks = (p) => p.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) }); }).observe({ type: 'longtask', buffered: true });
    });
    await test('20,000 workers (259,000 sessions, 240,000 children): tables paged, the work in the worker', async () => {
      // A browser of its own: the pages above share its renderer (and its event loop and
      // heap), whose tasks and garbage collection would be counted against this one.
      const ownDir = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-team-big-'));
      const own = await launchBrowser(ownDir);
      try {
      const p = await own.newPage();
      p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      const workers = [];
      p.on('worker', (w) => workers.push(w.url()));
      await watchLongTasks(p);
      await p.goto(`${base}/team.html`);
      await p.waitForSelector('body[data-ready="true"]');
      await p.fill('#as-of', AS_OF);
      await p.selectOption('#policy', 'stockport');
      const big = syntheticService({ workers: 20_000, teams: 1_000, children: 240_000, asOf: AS_OF });
      // From files on disk, as a user's are: a buffer is copied into the page by a script of
      // Playwright's (a 2 s task of its own, not the page's).
      const onDisk = async (name, text) => { const f = path.join(ownDir, name); await writeFile(f, text); return f; };
      await p.setInputFiles('#file-sessions', await onDisk('sessions-20000.csv', big.sessions));
      await p.setInputFiles('#file-caseload', await onDisk('caseload-20000.csv', big.caseload));
      await p.waitForSelector('#map-caseload-child', { timeout: 120_000 });
      await p.waitForSelector('#map-sessions-worker', { timeout: 120_000 });
      const reading = await p.evaluate(() => window.__long.splice(0));
      const clicked = await p.evaluate(() => performance.now());
      await p.click('#show');
      await p.waitForFunction(() => document.getElementById('workers-count').textContent === '20000 workers', null, { timeout: 300_000 });
      const tableAt = await p.evaluate(() => performance.now());
      const toTable = await p.evaluate(() => window.__long.splice(0));
      await p.waitForSelector('body[data-loaded="true"]', { timeout: 600_000 });
      const after = await p.evaluate(() => window.__long.splice(0));
      const ms = (l) => (l.length ? `${l.length} (${l.map((x) => x.ms).join(', ')} ms)` : 'none');
      console.log(`       measured: click to table ${Math.round(tableAt - clicked)} ms; long tasks reading the files ${ms(reading)}, click to table ${ms(toTable)}, table to loaded ${ms(after)}; load average ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}`);
      assert.equal(await p.locator('#workers-body tr').count(), 100, 'a page of workers drawn, not 20,000');
      assert.equal(await p.locator('#children-body tr').count(), 100, 'a page of children');
      const pager = '.table-scroll:has(#workers-table) + .pager';
      assert.equal(await p.textContent(`${pager} [data-page-label]`), 'Workers 1 to 100 of 20000');
      await p.focus(`${pager} [data-page="next"]`);
      await p.keyboard.press('Enter');
      assert.equal(await p.textContent(`${pager} [data-page-label]`), 'Workers 101 to 200 of 20000');
      assert.equal(await p.locator('#workers-body tr').count(), 100);
      assert.ok(await p.evaluate(() => document.querySelectorAll('#results *').length) < 5_000, 'the view is a few thousand elements');
      assert.ok(workers.some((u) => u.endsWith('/team-worker.js')), `the work ran in team-worker.js (${workers.join(', ')})`);
      assert.deepEqual(await axe(p), [], 'the paged view is axe-clean');
      } finally {
        await own.close().catch(() => {});
        await rm(ownDir, { recursive: true, force: true }).catch(() => {});
      }
    });

    await test('a worker with 10,000 children: their due dates paged (50 at a time), worked out in the worker', async () => {
      const p = await context.newPage();
      page = p;
      await watchLongTasks(p);
      await p.goto(`${base}/team.html`);
      await p.waitForSelector('body[data-ready="true"]');
      await p.fill('#as-of', AS_OF);
      await p.selectOption('#policy', 'stockport');
      const rows = ['Child,Worker,Allocated,Last discussed'];
      for (let i = 0; i < 10_000; i++) rows.push(`C${i},W1,01/01/2026,${i % 2 ? '01/03/2026' : ''}`);
      await p.setInputFiles('#file-sessions', csvFile('sessions.csv', 'Worker,Role,Date,Type\r\nW1,social-worker,01/06/2026,one-to-one\r\n'));
      await p.setInputFiles('#file-caseload', csvFile('caseload.csv', rows.join('\r\n')));
      await p.waitForSelector('#map-caseload-child');
      await p.waitForSelector('#map-sessions-worker');
      await p.click('#show');
      await p.waitForSelector('body[data-loaded="true"]', { timeout: 120_000 });
      await p.evaluate(() => window.__long.splice(0));
      const t0 = await p.evaluate(() => performance.now());
      await p.click('button[data-worker="W1"]');
      await p.waitForSelector('#worker-panel:not([hidden])');
      const shown = await p.evaluate(() => performance.now());
      const long = await p.evaluate(() => window.__long.splice(0));
      const drawn = await p.evaluate(() => document.querySelectorAll('#worker-panel *').length);
      console.log(`       measured: click to panel ${Math.round(shown - t0)} ms, ${drawn} elements in the panel; long tasks ${long.length ? long.map((x) => x.ms).join(', ') + ' ms' : 'none'}`);
      assert.match(await p.textContent('#worker-panel-meta'), /; 10000 children on the caseload\.$/);
      assert.match(await p.textContent('#worker-panel-page'), /^Page 1 of \d+: due dates 1 to 50 of \d{5}, overdue first$/);
      assert.ok(drawn < 2_000, `${drawn} elements in the panel, not 200,000`);
      await p.click('#worker-panel-pager [data-page="next"]');
      assert.match(await p.textContent('#worker-panel-page'), /^Page 2 of \d+: due dates 51 to 100 of/);
      assert.deepEqual(await axe(p), [], 'the paged panel is axe-clean');
    });

    await test('beyond the limits: 20,001 workers, or 10,001 children of one worker, get a message; no work', async () => {
      const p = await openPage(context, base);
      page = p;
      const sessions = ['Worker,Role,Date,Type'];
      for (let i = 0; i <= 20_000; i++) sessions.push(`W${i},social-worker,01/06/2026,one-to-one`);
      await p.setInputFiles('#file-sessions', csvFile('sessions.csv', sessions.join('\r\n')));
      await p.waitForSelector('#map-sessions-worker');
      await p.click('#show');
      await p.waitForSelector('#status.status-error');
      assert.equal(await p.textContent('#status'), 'The service could not be worked out: the files hold 20,001 workers, and this page works out at most 20,000 at once. Choose files for part of the service (a team or an area).');
      assert.equal(await p.isVisible('#results'), false);
      const caseload = ['Child,Worker,Allocated'];
      for (let i = 0; i <= 10_000; i++) caseload.push(`C${i},W1,01/01/2026`);
      await p.setInputFiles('#file-sessions', csvFile('sessions.csv', sessions.slice(0, 3).join('\r\n')));
      await p.setInputFiles('#file-caseload', csvFile('caseload.csv', caseload.join('\r\n')));
      await p.waitForSelector('#map-caseload-child');
      await p.click('#show');
      await p.waitForFunction(() => document.getElementById('status').textContent.includes('children on their caseload'));
      assert.equal(await p.textContent('#status'), 'The service could not be worked out: a worker has 10,001 children on their caseload, and this page works out at most 10,000 for one worker. Check the caseload file\'s worker column.');
      assert.deepEqual(await axe(p), []);
    });

    await test('a JSON export whose cells hold objects, and a file that is not JSON: shown, never thrown', async () => {
      const p = await openPage(context, base);
      page = p;
      await p.setInputFiles('#file-sessions', { name: 's.json', mimeType: 'application/json', buffer: Buffer.from('[{"Worker":{"toString":1},"Role":"social-worker","Date":["01/06/2026"],"Type":"one-to-one"}]') });
      await p.waitForSelector('#map-sessions-worker');
      await p.click('#show');
      await p.waitForSelector('body[data-loaded="true"]');
      assert.equal(await p.textContent('#import-errors-title'), '1 row could not be read');
      await p.setInputFiles('#file-caseload', { name: 'c.json', mimeType: 'application/json', buffer: Buffer.from('[{"a": 1},') });
      await p.waitForFunction(() => document.getElementById('status').classList.contains('status-error'));
      assert.equal(await p.textContent('#status'), 'Caseload: The file looks like JSON but is not valid JSON.');
    });

    await test('a strict Content-Security-Policy on the page and its worker; no violation', async () => {
      const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(meta, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.ok(workerHeaders.length > 0 && workerHeaders.every((h) => /script-src 'self' 'wasm-unsafe-eval'/.test(h)), 'the worker is served with the policy');
      for (const p of context.pages().filter((x) => x.url().includes('/team.html'))) assert.deepEqual(await p.evaluate(() => window.__csp), []);
    });

    await test('nothing requested from any other origin; no page errors', async () => {
      assert.deepEqual(foreign, []);
      assert.deepEqual(errors, []);
    });
  } finally {
    await context.close().catch(() => {});
    await server.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
  finish('team page, in headless Chromium');
}

main();
