#!/usr/bin/env node
// End-to-end test of the guided policy editor in the workbench (www/policy.html, issue 24):
// a small council policy built from a blank start with the editor only (nothing typed in
// the JSON), its form through the widget and its due dates, downloaded and passed by
// `supervision-rules check`; a built-in extended (its rules beside ours); every mistake
// planted from the broken-policy table (tests/policy_problems.rs) shown beside its control,
// all at once; axe-core clean in every state visited, and at 320 px wide. Writes the
// screenshots of docs/policy-format.md ("Writing your council's policy": docs/editor-*.png).
// Headless Debian Chromium through playwright-core; serves www/ and pkg/ itself. Needs pkg/
// built (make build) and the CLI (target/debug/supervision-rules, else `cargo run`).
//
//   node tests/e2e/editor.mjs
//
// Ends with "N passed, N failed"; exits 1 when anything failed.

import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { execFileSync } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.resolve(process.env.E2E_PKG || path.join(ROOT, 'pkg'));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = process.env.EDITOR_SHOTS === '0' ? null : path.join(ROOT, 'docs');


async function axe(page) {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** `supervision-rules check FILE`: its exit code and output. */
function cliCheck(file) {
  const bin = process.env.SUPERVISION_RULES_BIN || path.join(ROOT, 'target/debug/supervision-rules');
  const [cmd, args] = existsSync(bin) ? [bin, ['check', file]]
    : ['cargo', ['run', '--quiet', '--bin', 'supervision-rules', '--', 'check', file]];
  try {
    return { code: 0, out: execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

// Every mistake of the broken-policy table (tests/policy_problems.rs, `cases()`) that can
// stand in one file, planted at once; each expected path is the table's, moved to the rule
// or template that carries it here. The derived cases are a second file; "misspelt
// extends" is by design the only problem of its file (the rest would be the base's), a third.
const PLANTED = {
  format: 1, id: 'havering', authority: 'My Council', titel: 'T', document: 'my-council.txt',
  roles: [
    { id: 'social-worker', label: 'Social worker', source: 'my-council.txt 1' },
    { id: 'nqsw', lable: 'NQSW', source: 'my-council.txt 1' },
  ],
  rules: [
    { id: 'supervision', kind: 'cadence', obligation: 'supervison', counts: ['one-to-one', 'cse'], every: '28 days ', notes: 'why', source: 'my-council.txt 2' },
    { id: 'nqsw-supervision', kind: 'cadence', obligation: 'supervision', counts: ['one-to-one'], every: '2 weeks', when: { role: ['nqsw'] }, overide: ['supervision'], source: 'my-council.txt 3' },
    { id: 'rebook', kind: 'rebook', obligation: 'supervision', counts: ['one-to-one'], cancelled: 'other', after: 'cancelled', within: '5 days', byMonthEnd: true, source: 'my-council.txt 4' },
    { id: 'agreed', kind: 'cadence', obligation: 'supervision', counts: ['one-to-one'], agreedUpTo: '6 weeks', source: 'my-council.txt 5' },
    { id: 'monthly', kind: 'cadence', obligation: 'supervision', counts: ['one-to-one'], every: '1 month', frequency: 'monthly', source: 'my-council.txt 5' },
    { id: 'misspelt-kind', kind: 'cadance', obligation: 'supervision', counts: ['one-to-one'], every: '1 month', source: 'my-council.txt 5' },
    { id: 'no-kind', obligation: 'supervision', counts: ['one-to-one'], every: '1 month', source: 'my-council.txt 5' },
    { id: 'asye', kind: 'cadence', obligation: 'supervision', counts: ['one-to-one'], every: '1 month', when: { during: { start: 'asye', untill: '6 months' } }, source: 'my-council.txt 6' },
    { id: 'phased', kind: 'cadence', obligation: 'supervision', counts: ['one-to-one'], every: '1 month', phases: [{ start: 'asye', until: '6 weeks', evry: '1 week', source: 's' }], source: 'my-council.txt 6' },
    { id: 'negative', kind: 'cadence', obligation: 'supervision', counts: ['one-to-one'], every: '-3 weeks', source: 'my-council.txt 7' },
    { id: 'a-number', kind: 'cadence', obligation: 'supervision', counts: ['one-to-one'], every: 4, source: 'my-council.txt 7' },
    { id: 'phase-unit', kind: 'cadence', obligation: 'supervision', counts: ['one-to-one'], every: '1 month', phases: [{ start: 'asye', until: '6 wekes', every: '1 week', source: 's' }], source: 'my-council.txt 7' },
    { id: 'part-timers', kind: 'cadence', obligation: 'supervision', counts: ['one-to-one'], every: '1 month', when: { hours: 'part time' }, source: 'my-council.txt 8' },
    { id: 'overrider', kind: 'cadence', obligation: 'case-supervision', counts: ['case'], every: '1 month', overrides: ['supervisoin'], source: 'my-council.txt 9' },
    { id: 'for-nqs', kind: 'cadence', obligation: 'case-supervision', counts: ['case'], every: '2 weeks', when: { roles: ['nqs'] }, source: 'my-council.txt 9' },
  ],
  templates: [
    { id: 'record', title: 'Supervision record', source: 'my-council.txt A', sesionDate: 'date',
      sections: [{ id: 'details', title: 'Details', sorce: 'x', fields: [
        { id: 'date', label: 'Date of supervision', type: 'dat', required: true, messages: { requird: 'Say when' } },
        { id: 'venue', label: 'Venue', type: 'choice', options: ['Office', 'Home'], required: 'sometimes', hnt: 'x' },
      ] }],
      rules: [{ kind: 'not-future', feild: 'date', source: 's' }, { kind: 'next-within-cadense', field: 'date', obligation: 'supervision', source: 's' },
        { kind: 'next-within-cadence', field: 'date', obligation: 'supervisoin', source: 's' }] },
    { id: 'second', title: 'Second record', source: 'my-council.txt B', sessionDate: 'date',
      sections: [{ id: 'details', title: 'Details', source: ' ', fields: [
        { id: 'date', label: 'Date', type: 'date', required: true },
        { id: 'venue', label: 'Venue', type: 'choice', options: ['Office'], required: false, messages: { required: 'Choose a venue' } },
      ] }] },
  ],
};
/** [table case, path] for each planted mistake. */
const PLANTED_PATHS = [
  ['misspelt top-level key, so also missing', 'titel'], ['misspelt top-level key, so also missing', ''],
  ['a built-in\'s id without replaces', 'id'],
  ['misspelt role key', 'roles[1].lable'], ['misspelt role key', 'roles[1]'],
  ['misspelt obligation', 'rules[0].obligation'], ['misspelt session type', 'rules[0].counts[1]'],
  ['a trailing space in a duration', 'rules[0].every'], ['notes for note in a rule', 'rules[0].notes'],
  ['misspelt key in when', 'rules[1].when.role'], ['misspelt overrides', 'rules[1].overide'],
  ['a rebook rule with both deadlines', 'rules[2]'],
  ['an agreed frequency with no interval to stand in for', 'rules[3]'], ['an agreed frequency with no interval', 'rules[3].every'],
  ['a key no rule kind has', 'rules[4].frequency'], ['misspelt rule kind', 'rules[5].kind'], ['a rule without a kind', 'rules[6]'],
  ['misspelt key in when.during', 'rules[7].when.during.untill'], ['misspelt key in when.during', 'rules[7].when.during'],
  ['misspelt key in a phase', 'rules[8].phases[0].evry'], ['misspelt key in a phase', 'rules[8].phases[0]'],
  ['a negative duration', 'rules[9].every'], ['a duration as a number', 'rules[10].every'],
  ['a duration in a phase', 'rules[11].phases[0].until'], ['misspelt hours', 'rules[12].when.hours'],
  ['overrides an unknown rule', 'rules[13].overrides[0]'], ['when names an unknown role', 'rules[14].when.roles[0]'],
  ['misspelt template key', 'templates[0].sesionDate'], ['misspelt section key', 'templates[0].sections[0].sorce'],
  ['misspelt field type', 'templates[0].sections[0].fields[0].type'],
  ['misspelt key in a field\'s messages', 'templates[0].sections[0].fields[0].messages.requird'],
  ['required neither true, false nor final', 'templates[0].sections[0].fields[1].required'],
  ['misspelt field key', 'templates[0].sections[0].fields[1].hnt'],
  ['misspelt key in a template rule', 'templates[0].rules[0].feild'], ['misspelt template rule kind', 'templates[0].rules[1].kind'],
  ['misspelt obligation in a template rule', 'templates[0].rules[2].obligation'],
  ['a blank section source', 'templates[1].sections[0].source'],
  ['a message on an optional field', 'templates[1].sections[0].fields[1].messages.required'],
];
const PLANTED_DERIVED = {
  format: 1, id: 'my-havering', extends: 'havering', authority: 'My Council', title: 'Havering, as we read it', document: 'my.txt',
  rules: [
    { id: 'case-supervision', kind: 'cadence', obligation: 'case-supervison', counts: ['case', 'one-to-one'], every: '4 weeks', source: 'my.txt 2' },
    { id: 'extra', kind: 'max-gap', counts: ['case'], gap: '8 weeks', soruce: 'my.txt 3' },
  ],
  remove: { rules: ['observation', 'personal-supervision'], rule: ['observations'] },
};
const PLANTED_DERIVED_PATHS = [
  ['derived: misspelt obligation in a replaced rule', 'rules[0].obligation'],
  ['derived: an added rule with an unknown key', 'rules[1].soruce'], ['derived: an added rule with an unknown key', 'rules[1]'],
  ['derived: remove an id the base lacks', 'remove.rules[0]'],
  ['derived: removing a rule a base rule overrides', 'extends'],
  ['derived: a misspelt list in remove', 'remove.rule'],
];

try {
  await access(path.join(PKG, 'authoring', 'index.js'));
} catch {
  cannotRun('pkg/authoring is not built: run `make build` first');
}
const server = await startServer({ port: 0, pkg: PKG });
const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-editor-'));
const downloads = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-editor-dl-'));
let context;
try {
  context = await launchBrowser(userDataDir);
  const page = await context.newPage();
  const errors = [];
  const outside = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:')) outside.push(r.url()); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}policy.html`);
  await page.waitForFunction(() => /Paste a policy/.test(document.getElementById('status').textContent));

  const card = (p) => page.locator(`#editor [data-path="${p}"]`);
  const label = (scope, words) => scope.getByLabel(words, { exact: true });
  /** The next check's answer, after an edit (the page checks a moment after the last). */
  const settled = async () => {
    await page.waitForFunction(() => document.body.dataset.checked === 'false', null, { timeout: 5000 }).catch(() => {});
    await page.waitForSelector('body[data-checked="true"]');
  };
  const jsonTyped = { count: 0 };
  await page.exposeFunction('__jsonTyped', () => { jsonTyped.count += 1; });
  await page.evaluate(() => document.getElementById('policy-text').addEventListener('keydown', () => window.__jsonTyped()));

  await test('a blank start: the editor beside the JSON, each missing part shown at its control', async () => {
    await page.click('#blank');
    await settled();
    const doc = JSON.parse(await page.inputValue('#policy-text'));
    assert.equal(doc.id, 'my-council');
    assert.deepEqual(doc.roles.map((r) => r.id), ['social-worker']);
    // The council's name is missing: said beside its box, with its line in the JSON.
    const at = await card('authority').locator('.govuk-error-message').textContent();
    assert.match(at, /Line 4, column \d+: authority – a non-empty string/);
    assert.deepEqual(await axe(page), []);
    if (SHOTS) await page.locator('.ed-layout').screenshot({ path: path.join(SHOTS, 'editor-blank.png') });
  });

  await test('a small council policy built with the editor only', async () => {
    await label(page.locator('#editor'), 'Council').fill('Riverside Council');
    await label(page.locator('#editor'), 'Title of the policy document').fill('Supervision policy 2027');
    await label(page.locator('#editor'), 'The document (its file name)').fill('riverside-policy.pdf');
    await label(card('roles[0]'), 'Clause').fill('riverside-policy.pdf §2');
    // By keyboard: Enter on the button adds the role and puts the caret in its name.
    await page.focus('button:has-text("Add a role")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor [data-path="roles[1]"]');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 't:roles[1].label');
    await page.keyboard.type('Newly qualified social worker');
    assert.equal(await label(card('roles[1]'), 'Name of the role').inputValue(), 'Newly qualified social worker');
    await label(card('roles[1]'), 'Role id (what selects it: the worker\'s role)').fill('nqsw');
    await label(card('roles[1]'), 'Clause').fill('riverside-policy.pdf §2');

    // Rule 1: supervision every 4 weeks, by one-to-one sessions (the kind's defaults changed).
    await page.selectOption('#ed-new-kind', 'cadence');
    await page.click('button:has-text("Add a rule")');
    const r0 = card('rules[0]');
    await label(r0, 'Rule id').fill('supervision');
    await label(r0, 'Every (interval): how many').fill('4');
    await label(r0, 'Every (interval): unit').selectOption('week');
    await label(r0, 'Clause (the document and section)').fill('riverside-policy.pdf §4');
    // Rule 2: newly qualified workers weekly, replacing rule 1 for them.
    await page.click('button:has-text("Add a rule")');
    const r1 = card('rules[1]');
    await label(r1, 'Rule id').fill('nqsw-supervision');
    await label(r1, 'Every (interval): how many').fill('1');
    await label(r1, 'Every (interval): unit').selectOption('week');
    await r1.getByLabel('Newly qualified social worker (nqsw)').check();
    await r1.locator('[data-path="rules[1].overrides"]').getByLabel('supervision', { exact: true }).check();
    await label(r1, 'Clause (the document and section)').fill('riverside-policy.pdf §5');
    // Rule 3: a write-up within 5 working days (the kind's defaults).
    await page.selectOption('#ed-new-kind', 'write-up');
    await page.click('button:has-text("Add a rule")');
    const r2 = card('rules[2]');
    await label(r2, 'Rule id').fill('write-up');
    await label(r2, 'Clause (the document and section)').fill('riverside-policy.pdf §6');
    if (SHOTS) await r1.screenshot({ path: path.join(SHOTS, 'editor-rule.png') });

    // A template: the date field it starts with, a discussion and the supervisor's signature.
    await page.click('button:has-text("Add a template")');
    const t0 = card('templates[0]');
    await label(t0, 'Title of the form').fill('Riverside supervision record');
    await label(t0, 'Template id').fill('record');
    await label(t0, 'Clause (the document and section)').fill('riverside-policy.pdf Appendix A');
    await t0.getByRole('button', { name: 'Add a field to section 1' }).click();
    const f1 = card('templates[0].sections[0].fields[1]');
    await label(f1, 'Label (the question the case worker sees)').fill('What was discussed');
    await label(f1, 'Field id').fill('discussion');
    await label(f1, 'Hint').fill('The cases and the worker\'s wellbeing');
    await t0.getByRole('button', { name: 'Add a field to section 1' }).click();
    const f2 = card('templates[0].sections[0].fields[2]');
    await label(f2, 'Label (the question the case worker sees)').fill('Supervisor signature');
    await label(f2, 'Field id').fill('supervisorSignature');
    await label(f2, 'Type').selectOption('signature');
    await label(card('templates[0].sections[0].fields[2]'), 'Required').selectOption('final');
    await card('templates[0]').getByRole('button', { name: 'Add a rule to template 1' }).click();
    await label(card('templates[0].rules[0]'), 'Clause').fill('riverside-policy.pdf §6');
    await page.waitForFunction(() => /^The policy is valid/.test(document.getElementById('status').textContent), null, { timeout: 10_000 });
    await page.waitForSelector('body[data-checked="true"]');
    assert.equal(await page.locator('#editor .govuk-error-message').count(), 0, await page.locator('#editor .govuk-error-message').allTextContents().then((t) => t.join('\n')));
    assert.equal(jsonTyped.count, 0, 'nothing typed in the JSON');
    const doc = JSON.parse(await page.inputValue('#policy-text'));
    assert.deepEqual(doc.rules.map((r) => [r.id, r.kind, r.every || r.within]), [['supervision', 'cadence', '4 weeks'], ['nqsw-supervision', 'cadence', '1 week'], ['write-up', 'write-up', '5 working days']]);
    assert.deepEqual(doc.rules[1].when, { roles: ['nqsw'] });
    assert.deepEqual(doc.rules[1].overrides, ['supervision']);
    assert.deepEqual(doc.templates[0].sections[0].fields.map((f) => [f.id, f.type, f.required]), [['date', 'date', true], ['discussion', 'text', true], ['supervisorSignature', 'signature', 'final']]);
    assert.deepEqual(doc.templates[0].rules, [{ kind: 'not-future', field: 'date', source: 'riverside-policy.pdf §6' }]);
    assert.deepEqual(await axe(page), []);
  });

  await test('its form as a case worker sees it, checked by the widget', async () => {
    await page.waitForSelector('#preview form');
    const labels = await page.$$eval('#preview form label', (l) => l.map((x) => x.textContent));
    assert.deepEqual(labels, ['Date of supervision', 'What was discussed', 'Supervisor signature']);
    await page.click('#preview button[type="submit"]');
    await page.waitForFunction(() => /There is a problem/.test(document.getElementById('preview').textContent), null, { timeout: 5000 });
    const said = await page.textContent('#preview');
    assert.match(said, /There is a problem/);
    assert.deepEqual(await axe(page), []);
  });

  await test('due dates for the example worker, recomputed as the policy changes', async () => {
    // As of Monday 2 March 2026; last one-to-one (and case) supervision Monday 16 February.
    await page.fill('#as-of', '2026-03-02');
    await page.dispatchEvent('#as-of', 'change');
    await settled();
    await page.fill('#ex-started', '2025-01-06');
    await page.fill('#ex-last', '2026-02-16');
    await page.dispatchEvent('#ex-last', 'change');
    // The schedule is worked out in the page's worker after each edit: wait for the date.
    const dueIs = (kind, date) => page.waitForFunction(([k, d]) => [...document.querySelectorAll('#schedule tbody tr')]
      .some((r) => r.cells[0].textContent === k && r.cells[1].textContent === d), [kind, date]);
    // 16 Feb + 4 weeks = 16 March; the write-up: 5 working days after 16 Feb (17, 18, 19,
    // 20, 23 Feb) = 23 February.
    await dueIs('supervision', '2026-03-16');
    await dueIs('write-up', '2026-02-23');
    // Every 2 weeks instead: 16 Feb + 14 days = 2 March.
    await label(card('rules[0]'), 'Every (interval): how many').fill('2');
    await settled();
    await page.waitForFunction(() => [...document.querySelectorAll('#schedule tbody tr')].some((r) => r.cells[0].textContent === 'supervision' && r.cells[1].textContent === '2026-03-02'));
    // The newly qualified worker: weekly (rule 2 replaces rule 1): 16 Feb + 7 = 23 Feb.
    await page.selectOption('#ex-role', 'nqsw');
    await page.waitForFunction(() => [...document.querySelectorAll('#schedule tbody tr')].some((r) => r.cells[0].textContent === 'supervision' && r.cells[1].textContent === '2026-02-23'));
    // The sample caseload beside Havering's policy: the example worker's rows, and why.
    await page.selectOption('#compare-with', 'havering');
    await page.waitForFunction(() => [...document.querySelectorAll('#caseload tbody tr')].some((r) => r.cells[0].textContent === 'The example worker'));
    const rows = await page.$$eval('#caseload tbody tr', (tr) => tr.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.ok(rows.some((r) => r[0] === 'The example worker' && r[1] === 'supervision' && r[2] === '2026-02-23'), JSON.stringify(rows));
    assert.ok(rows.some((r) => /^Differs/.test(r[4])), JSON.stringify(rows));
    assert.deepEqual(await axe(page), []);
    if (SHOTS) {
      const box = await page.locator('#results').boundingBox();
      await page.screenshot({ path: path.join(SHOTS, 'editor-consequences.png'), fullPage: true,
        clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1500) } });
    }
  });

  await test('the summary: every rule a sentence with its clause', async () => {
    await page.waitForFunction(() => [...document.querySelectorAll('#summary-body li')].some((li) => /every 2 weeks/.test(li.textContent)));
    const items = await page.$$eval('#summary-body li', (li) => li.map((x) => x.textContent));
    assert.ok(items.some((t) => /^Supervision every 2 weeks, met by one-to-one sessions/.test(t) && t.endsWith('– riverside-policy.pdf §4')), items.join('\n'));
    assert.ok(items.some((t) => /for Newly qualified social worker/.test(t) && /replaces "supervision"/.test(t) && t.endsWith('§5')), items.join('\n'));
    if (SHOTS) await page.locator('#summary').screenshot({ path: path.join(SHOTS, 'editor-summary.png') });
  });

  await test('downloaded, the policy passes `supervision-rules check`; its compiled form too', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const file = path.join(downloads, dl.suggestedFilename());
    await dl.saveAs(file);
    assert.equal(dl.suggestedFilename(), 'my-council.json');
    const r = cliCheck(file);
    assert.equal(r.code, 0, r.out);
    const [dc] = await Promise.all([page.waitForEvent('download'), page.click('#download-compiled')]);
    const cfile = path.join(downloads, dc.suggestedFilename());
    await dc.saveAs(cfile);
    const compiled = JSON.parse(await readFile(cfile, 'utf8'));
    assert.equal(compiled.compiledPolicy, 1);
    assert.equal(compiled.policy.id, 'my-council');
    // Opened again, it is the same policy in the editor.
    await page.click('#blank');
    await page.setInputFiles('#open-file', file);
    await page.waitForFunction(() => document.querySelector('#editor [data-path="rules[2]"]'));
    assert.equal(await label(card('rules[2]'), 'Rule id').inputValue(), 'write-up');
    // So is its compiled form, opened again (its policy, to edit and compile again).
    await page.click('#blank');
    await page.setInputFiles('#open-file', cfile);
    await page.waitForFunction(() => document.querySelector('#editor [data-path="rules[2]"]'));
    assert.equal(await label(card('rules[2]'), 'Rule id').inputValue(), 'write-up');
    assert.equal(JSON.parse(await page.inputValue('#policy-text')).id, 'my-council');
  });

  await test('at 320 px wide: nothing wider than the screen, axe clean', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.waitForTimeout(200);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `the page is ${wide} px wide`);
    assert.deepEqual(await axe(page), []);
    if (SHOTS) await card('rules[0]').screenshot({ path: path.join(SHOTS, 'editor-320.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test('extending a built-in: its rules beside ours, a change and a removal', async () => {
    await page.selectOption('#start-from', 'havering');
    await page.click('#start');
    await settled();
    const base = page.locator('#editor table.ed-base');
    await base.getByRole('button', { name: 'Change case-supervision' }).click();
    await base.getByRole('button', { name: 'Remove observations' }).click();
    await settled();
    const doc = JSON.parse(await page.inputValue('#policy-text'));
    assert.deepEqual(doc.remove, { rules: ['observations'] });
    // A form of the built-in's removed, and kept again.
    await page.getByRole('button', { name: 'Remove the form personal-supervision' }).click();
    assert.deepEqual(JSON.parse(await page.inputValue('#policy-text')).remove, { rules: ['observations'], templates: ['personal-supervision'] });
    await page.getByRole('button', { name: 'Keep the form personal-supervision' }).click();
    assert.deepEqual(JSON.parse(await page.inputValue('#policy-text')).remove, { rules: ['observations'] });
    assert.deepEqual(doc.rules.map((r) => r.id), ['case-supervision']);
    // Changed: 4 weeks instead of Havering's interval, both sentences side by side.
    await label(card('rules[0]'), 'Every (interval): how many').fill('4');
    await label(card('rules[0]'), 'Every (interval): unit').selectOption('week');
    await settled();
    const row = await page.evaluate(() => [...document.querySelectorAll('#editor table.ed-base tbody tr')].map((r) => [...r.cells].map((c) => c.textContent)));
    assert.ok(row.some((r) => r[0] === 'case-supervision' && /every 4 weeks/.test(r[2])), JSON.stringify(row));
    assert.ok(row.some((r) => r[0] === 'observations' && r[2] === 'Removed'), JSON.stringify(row));
    assert.equal(await page.locator('#editor .govuk-error-message').count(), 0);
    assert.deepEqual(await axe(page), []);
    if (SHOTS) await page.locator('#editor table.ed-base').screenshot({ path: path.join(SHOTS, 'editor-extends.png') });
  });

  /** Opens `policy` as a file; checks each planted path is shown beside its control. */
  async function planted(policy, paths) {
    await page.evaluate(() => { document.body.dataset.checked = 'stale'; });
    await page.setInputFiles('#open-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(policy, null, 2)) });
    await page.waitForSelector('body[data-checked="true"]');
    await page.waitForSelector('#problems:not([hidden])');
    // The widget's inline messages (showProblems): the path is in the message's text.
    const shown = await page.$$eval('#editor .govuk-error-message', (es) => es.map((e) => ({
      path: (/^Error: Line \d+, column \d+: (?:(\S+) – )?/.exec(e.textContent) || [])[1] || '', text: e.textContent,
      at: e.parentElement.closest('[data-path]') ? e.parentElement.closest('[data-path]').dataset.path : null })));
    const listed = await page.locator('#problems .govuk-error-summary__list li').count();
    assert.equal(shown.length, listed, 'each listed problem is shown in the editor');
    const missing = [];
    for (const [name, p] of paths) {
      const s = shown.find((x) => x.path === p);
      // Beside its control: the innermost control or card whose path is above the problem's.
      // (a missing key: at the control that would hold it, inside the element).
      const within = (a, b) => b === '' || a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
      const ok = s && s.at !== null && (within(p, s.at) || within(s.at, p)) && /^Error: Line \d+, column \d+: /.test(s.text);
      if (!ok) missing.push(`${name}: ${p} ${JSON.stringify(s)}`);
    }
    assert.deepEqual(missing, [], `shown: ${JSON.stringify(shown, null, 1)}`);
    return shown;
  }

  await test('every planted mistake of the broken-policy table beside its control, all at once', async () => {
    const shown = await planted(PLANTED, PLANTED_PATHS);
    console.log(`       ${shown.length} problems shown at once`);
    assert.ok(shown.some((s) => s.path === 'rules[1].overide' && /did you mean "overrides"/.test(s.text)));
    // The reference mistakes come in the same round as the format ones (issue 24 item 3).
    assert.ok(shown.some((s) => s.path === 'rules[14].when.roles[0]'));
    // A misspelt value is shown in its control, marked "not one of these".
    assert.ok(await card('rules[0].obligation').locator('option', { hasText: 'supervison (not one of these)' }).count() === 1);
    assert.equal(await card('rules[0].obligation').locator('select').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axe(page), []);
    if (SHOTS) await card('rules[1]').screenshot({ path: path.join(SHOTS, 'editor-problems.png') });
  });

  await test('the derived cases of the table, all at once; a misspelt extends alone', async () => {
    await planted(PLANTED_DERIVED, PLANTED_DERIVED_PATHS);
    assert.deepEqual(await axe(page), []);
    const shown = await planted({ ...PLANTED_DERIVED, extends: 'havring' }, [['derived: misspelt extends', 'extends']]);
    assert.ok(shown.some((s) => /did you mean "havering"/.test(s.text)));
  });

  await test('a strict Content-Security-Policy; no violation; nothing leaves the page; no script errors', async () => {
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
  });
} finally {
  if (context) await context.close();
  await server.close();
  await rm(userDataDir, { recursive: true, force: true });
  await rm(downloads, { recursive: true, force: true });
}
finish();
