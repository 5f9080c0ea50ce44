#!/usr/bin/env node
// The form-library adapters (supervision-rules/rjsf, /jsonforms, /surveyjs) as a front-end
// developer uses them: `npm pack` of pkg/ installed into a scratch project with each library
// at the version the repository pins, a page per library (tests/e2e/adapters/*.jsx) bundled
// with esbuild (README's copy step for the .wasm), served and opened in headless Chromium:
//
// - every built-in template renders in the library's default setup with no console error:
//   sections as groups in template order, long text as text areas, dates as date inputs,
//   choices as selects, required marks as validate() requires in the mode;
// - a partly filled record shows validate()'s findings, each on its control (a table row's
//   cell included), and nothing else: the error elements on the page are exactly the
//   findings; warnings (draft mode) as the library shows warnings;
// - axe finds no violation on the filled-in form; a screenshot per library in docs/.
//
//   node tests/e2e/adapters.mjs      needs pkg/ built (make build)
// Ends with "N passed, N failed".
import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, mkdir, readFile, writeFile, copyFile, cp, access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.join(ROOT, 'pkg');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const PAGES = path.join(ROOT, 'tests/e2e/adapters');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LIBRARIES = ['rjsf', 'jsonforms', 'surveyjs'];
/** What each page imports, at the versions the repository pins (package.json). */
const PEERS = ['react', 'react-dom', '@rjsf/core', '@rjsf/utils', '@rjsf/validator-ajv8',
  '@jsonforms/core', '@jsonforms/react', '@jsonforms/vanilla-renderers', 'survey-core', 'survey-react-ui'];


const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A partly filled Havering case supervision record (final mode, today 2026-04-02): the
 * supervisor, the session's purpose and three of the narrative sections left blank, one
 * child without a name, one action without who does it, no signatures.
 */
const PARTLY = {
  policy: 'havering', template: 'case-supervision-record',
  record: {
    children: [{ dob: '2019-05-01' }],
    socialWorker: 'Sam Patel', date: '2026-03-30', focus: 'Discussed', analysis: 'Analysed',
    actions: [{ action: 'Book the parenting assessment', when: '2026-04-20' }],
  },
};

async function setUp(scratch) {
  const devDeps = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).devDependencies;
  const [info] = JSON.parse(run('npm', ['pack', PKG, '--json', '--pack-destination', scratch], scratch));
  const files = info.files.map((f) => f.path);
  for (const lib of LIBRARIES) {
    for (const f of [`adapters/${lib}.js`, `adapters/${lib}.d.ts`]) assert.ok(files.includes(f), `${f} is in the tarball`);
  }
  await writeFile(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  // The libraries from npm's cache (the repository's own npm ci put them there).
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts',
    path.join(scratch, info.filename), ...PEERS.map((p) => `${p}@${devDeps[p]}`)], scratch);
}

async function bundle(scratch, lib) {
  const dist = path.join(scratch, 'dist', lib);
  await mkdir(dist, { recursive: true });
  run(path.join(BIN, 'esbuild'), [path.join(scratch, 'pages', `${lib}.jsx`), '--bundle', '--format=esm',
    '--jsx=automatic', '--minify', `--outdir=${dist}`, '--log-level=warning'], scratch);
  const require = createRequire(path.join(scratch, 'index.js'));
  await copyFile(require.resolve('supervision-rules/supervision_rules_bg.wasm'), path.join(dist, 'supervision_rules_bg.wasm'));
  let css = '';
  try {
    await access(path.join(dist, `${lib}.css`));
    css = `<link rel="stylesheet" href="./${lib}.css">`;
  } catch { /* no stylesheet */ }
  await writeFile(path.join(dist, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${lib}: supervision record</title><link rel="icon" href="data:,">${css}
<style>body{font-family:sans-serif;margin:1rem;max-width:60rem}</style></head>
<body><main><h1>Supervision record</h1><div id="root"></div></main><script type="module" src="./${lib}.js"></script></body></html>`);
  return dist;
}

async function main() {
  try {
    await access(path.join(PKG, 'adapters', 'rjsf.js'));
  } catch {
    cannotRun('pkg/ is not built with the adapters: run `make build` first');
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-adapters-'));
  const context = await launchBrowser(path.join(scratch, 'profile'));
  try {
    let ok = false;
    await test('npm pack + install with the libraries at their pinned versions', async () => {
      await setUp(scratch);
      await cp(PAGES, path.join(scratch, 'pages'), { recursive: true });
      ok = true;
    });
    if (ok) {
      await test('tsc --strict: the adapters\' .d.ts, with survey-core\'s own types', () => types(scratch));
      await test('node: each adapter over each entry point; a wrong argument throws an Error with a code', () => fromNode(scratch));
      for (const lib of LIBRARIES) await library(context, scratch, lib);
    }
  } finally {
    await context.close();
    if (!process.env.KEEP_SCRATCH) await rm(scratch, { recursive: true, force: true });
    else console.log(`scratch project kept in ${scratch}`);
  }
  finish();
}

/** A TypeScript user of the three adapters: the shipped .d.ts under `tsc --strict`. */
const TYPES = `import * as sr from 'supervision-rules';
import { rjsf, type ErrorSchema } from 'supervision-rules/rjsf';
import { jsonForms } from 'supervision-rules/jsonforms';
import { surveyJs } from 'supervision-rules/surveyjs';
import { Model } from 'survey-core';

await sr.default();
const form = rjsf(sr, 'havering', 'case-supervision-record', { mode: 'draft', today: '2026-04-02' });
const title: string = form.props.schema.properties['date']?.title ?? '';
const warnings: ErrorSchema = form.warnings({ date: '2026-04-02' });
const errors = jsonForms(sr, 'havering', 'case-supervision-record').errors({});
errors.forEach((e) => e.instancePath.toUpperCase());
const survey = surveyJs(sr, 'havering', 'case-supervision-record');
const detach: () => void = survey.attach(new Model(survey.json));
detach();
// @ts-expect-error the entry point comes first
rjsf('havering', 'case-supervision-record');
// @ts-expect-error mode is 'draft' or 'final'
jsonForms(sr, 'havering', 'case-supervision-record', { mode: 'saved' });
export { title, warnings };
`;

async function types(scratch) {
  const dir = path.join(scratch, 'ts');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'adapters.ts'), TYPES);
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022', 'DOM'],
      module: 'nodenext', moduleResolution: 'nodenext', types: [],
    },
    files: ['adapters.ts'],
  }));
  run(path.join(BIN, 'tsc'), ['-p', path.join(dir, 'tsconfig.json')], dir);
}

/** The adapters from Node over each entry point, and what a programming mistake gets. */
async function fromNode(scratch) {
  const require = createRequire(path.join(scratch, 'index.js'));
  const { rjsf } = await import(require.resolve('supervision-rules/rjsf'));
  const { jsonForms } = await import(require.resolve('supervision-rules/jsonforms'));
  const { surveyJs } = await import(require.resolve('supervision-rules/surveyjs'));
  for (const entry of ['supervision-rules', 'supervision-rules/widget', 'supervision-rules/authoring']) {
    const sr = await import(require.resolve(entry));
    sr.initSync({ module: await readFile(require.resolve(`${entry}/supervision_rules_bg.wasm`)) });
    const { props } = rjsf(sr, 'havering', 'personal-supervision', { mode: 'draft' });
    // Draft mode leaves the signatures out of `required`, as validate() does.
    assert.ok(props.schema.required.includes('date') && !props.schema.required.includes('supervisorSignature'), entry);
    assert.deepEqual(jsonForms(sr, 'havering', 'personal-supervision').errors({}).map((e) => e.instancePath).slice(0, 2),
      ['/supervisee', '/supervisor'], entry);
    assert.equal(surveyJs(sr, 'havering', 'personal-supervision').json.pages[0].elements.length, 8, entry);
    assert.throws(() => jsonForms(sr, 'havering', 'no-such-template'), (e) => e.code === 'unknown-template');
    assert.throws(() => surveyJs(sr, 'havering', 'personal-supervision', { mode: 'saved' }), (e) => e.code === 'bad-argument');
  }
  assert.throws(() => rjsf('havering', 'personal-supervision'), (e) => e.code === 'bad-argument' && /entry point/.test(e.message));
}

/** What a library should draw for a template with `record` (no findings shown yet). */
function expectedShape(lib, t, mode, record) {
  const fields = t.sections.flatMap((s) => s.fields);
  // A table's rows: the record's; SurveyJS starts a table with one blank row, the others with none.
  const rows = (f) => (Array.isArray(record[f.id]) ? record[f.id].length : lib === 'surveyjs' ? 1 : 0);
  const of = (type) => fields.filter((f) => f.type === type);
  const required = fields.filter((f) => f.required === true || (f.required === 'final' && mode === 'final'));
  return {
    legends: t.sections.map((s) => s.title),
    // Long text: a text area, an action's "what needs to happen" cell too, except in JSON
    // Forms' vanilla table, whose cells are one-line inputs.
    textareas: of('text').length + (lib === 'jsonforms' ? 0 : of('actions').reduce((n, f) => n + rows(f), 0)),
    dates: of('date').length + [...of('actions'), ...of('children')].reduce((n, f) => n + rows(f), 0),
    selects: of('choice').length,
    times: of('time').length,
    // Each choice's options, by label, in order.
    choices: of('choice').map((f) => f.options),
    // JSON Forms' vanilla table marks no label as required; a required table is not marked.
    required: lib === 'jsonforms' ? required.filter((f) => f.type !== 'actions' && f.type !== 'children').length
      : required.length,
  };
}

/** The messages a library should show for a report: validate()'s findings, each on its control. */
function expectedMessages(lib, report) {
  const all = [...report.errors.map((f) => [f, false]), ...report.warnings.map((f) => [f, true])];
  const at = (f) => f.path.replace(/\[(\d+)\]/g, '.$1');
  if (lib === 'jsonforms') {
    // One element per control (messages joined by a line break), one per table row (a row's
    // cells' messages joined by " and "), as the vanilla renderers join their own.
    const groups = new Map();
    for (const [f, warning] of all) {
      const parts = at(f).split('.');
      const key = parts.length > 1 ? parts.slice(0, 2).join('.') : parts[0];
      const text = `${warning ? 'Warning: ' : ''}${f.message}`;
      const g = groups.get(key) || { at: key, texts: [], warning };
      g.texts.push(text);
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => ({ at: g.at, text: g.texts.join(g.at.includes('.') ? ' and ' : '\n'), warning: g.warning }));
  }
  return all.map(([f, warning]) => {
    let place = at(f);
    // SurveyJS: a whole row's finding (`actions[0]`) is on the table.
    if (lib === 'surveyjs' && /^[^.]+\.\d+$/.test(place)) place = place.split('.')[0];
    return { at: place, text: `${warning && lib === 'rjsf' ? 'Warning: ' : ''}${f.message}`, warning };
  });
}

/** Where a user types the supervisor's name, who does action 1, and chooses a reason. */
const CONTROLS = {
  rjsf: { supervisor: '#root_supervisor', who: '#root_actions_0_who', choice: '#root_signingReason' },
  jsonforms: {
    supervisor: '#root .root_properties_supervisor input',
    who: '#root .root_properties_actions tbody tr:first-child td:nth-child(2) input',
    choice: '#root .root_properties_signingReason select',
  },
  surveyjs: { supervisor: '#root [data-name="supervisor"] input', who: '#root [aria-label="row 1, column Who will do it"]' },
};

const byPlace = (a, b) => (a.at + a.text).localeCompare(b.at + b.text);

async function library(context, scratch, lib) {
  let dist;
  await test(`${lib}: esbuild bundles the page`, async () => {
    dist = await bundle(scratch, lib);
  });
  if (!dist) return;
  const require = createRequire(path.join(scratch, 'index.js'));
  const sr = await import(require.resolve('supervision-rules'));
  sr.initSync({ module: await readFile(require.resolve('supervision-rules/supervision_rules_bg.wasm')) });
  const server = await startServer({ port: 0, www: dist, pkg: path.join(scratch, 'no-pkg') });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const show = (policy, template, record, mode) =>
    page.evaluate((a) => window.show(a.policy, a.template, a.record, a.mode), { policy, template, record, mode });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.ready === true, null, { timeout: 20_000 });
    await test(`${lib}: every built-in template renders, in both modes, with no console error`, async () => {
      const templates = await page.evaluate(() => window.templates);
      assert.ok(templates.length >= 19, `every built-in template (${templates.length})`);
      for (const [policy, template] of templates) {
        for (const mode of ['final', 'draft']) {
          const t = await show(policy, template, {}, mode);
          const { legends, textareas, dates, selects, times, choices, required, messages } = await page.evaluate(() => window.describe());
          assert.deepEqual({ legends, textareas, dates, selects, times, choices, required }, expectedShape(lib, t, mode, {}),
            `${policy}/${template} (${mode})`);
          // Before a submit: SurveyJS shows nothing; RJSF the warnings (its extraErrors show
          // at once); JSON Forms, which has no submit, every finding as it validates live.
          const report = sr.validate(policy, template, {}, { mode, today: '2026-04-02' });
          const early = { surveyjs: { errors: [], warnings: [] }, rjsf: { errors: [], warnings: report.warnings },
            jsonforms: report }[lib];
          const earlyShown = expectedMessages(lib, early);
          assert.deepEqual(messages.sort(byPlace), earlyShown.sort(byPlace), `${policy}/${template} (${mode}): messages before a submit`);
        }
      }
      assert.deepEqual(errors, []);
    });
    for (const mode of ['final', 'draft']) {
      await test(`${lib}: a partly filled record (${mode}) shows validate()'s findings on their controls, a row cell's included, and nothing else`, async () => {
        const { policy, template, record } = PARTLY;
        const t = await show(policy, template, record, mode);
        await page.evaluate(() => window.submit());
        const shown = await page.evaluate(() => window.describe());
        const report = sr.validate(policy, template, record, { mode, today: '2026-04-02' });
        assert.ok([...report.errors, ...report.warnings].some((f) => /\]\./.test(f.path)), 'a row cell has a finding');
        assert.equal(mode === 'final' ? report.errors.length : report.warnings.length, mode === 'final' ? 8 : 6);
        assert.deepEqual(shown.messages.sort(byPlace), expectedMessages(lib, report).sort(byPlace));
        const shape = expectedShape(lib, t, mode, record);
        assert.deepEqual([shown.legends, shown.textareas, shown.dates], [shape.legends, shape.textareas, shape.dates]);
        if (lib === 'rjsf') {
          // The list above the form: each error once, as validate() words it.
          assert.deepEqual(shown.summary.sort(), [...report.errors.map((f) => f.message),
            ...report.warnings.map((f) => `Warning: ${f.message}`)].sort());
        }
        if (lib === 'jsonforms') assert.equal(shown.invalidCells, mode === 'final' ? 2 : 2, 'the row cells are marked');
        // Errors block saving; warnings do not.
        if (lib !== 'jsonforms') assert.equal(await page.evaluate(() => window.saved), mode === 'draft');
        assert.deepEqual(errors, []);
      });
    }
    await test(`${lib}: what a user types and chooses reaches validate() as the record's values`, async () => {
      const { policy, template, record } = PARTLY;
      const at = CONTROLS[lib];
      await show(policy, template, record, 'final');
      await page.evaluate(() => window.submit());
      // A React form may redraw a control while it is typed into: type again until the
      // control holds the value once the page has settled (three tries at most).
      const fill = async (selector, value) => {
        for (let i = 0; i < 3; i++) {
          await page.fill(selector, value);
          await page.press(selector, 'Tab');   // SurveyJS takes a text's value when it loses focus
          await page.evaluate(() => window.submit());
          if (await page.inputValue(selector) === value) return;
        }
      };
      await fill(at.supervisor, 'Alex Jones');
      await fill(at.who, 'Sam Patel');
      await page.evaluate(() => window.submit());
      const filled = { ...record, supervisor: 'Alex Jones', actions: [{ ...record.actions[0], who: 'Sam Patel' }] };
      const report = sr.validate(policy, template, filled, { mode: 'final', today: '2026-04-02' });
      assert.equal(report.errors.length, 6, 'two fewer findings');
      // JSON Forms (React) draws the new findings after the submit returns: wait for them
      // (5 s at most) before comparing.
      const expected = expectedMessages(lib, report).sort(byPlace);
      let shown;
      for (const start = Date.now(); ;) {
        shown = await page.evaluate(() => window.describe());
        if (isDeepStrictEqual(shown.messages.sort(byPlace), expected) || Date.now() - start > 5000) break;
        await page.waitForTimeout(50);
      }
      assert.deepEqual(shown.messages.sort(byPlace), expected);
      // A choice: the record gets the option itself, not its index in the list.
      await show('north-east-lincolnshire', 'supervision-agreement', {}, 'final');
      if (lib === 'surveyjs') {
        // SurveyJS's dropdown is its own list box: typed into, as a keyboard user does.
        await page.focus('#root [data-name="signingReason"] input');
        await page.keyboard.type('Annual');
        await page.keyboard.press('Enter');
      } else {
        await page.selectOption(at.choice, { label: 'Annual review' });
      }
      await page.waitForFunction(() => window.formData?.signingReason !== undefined);
      assert.equal(await page.evaluate(() => window.formData.signingReason), 'Annual review');
      assert.deepEqual(errors, []);
    });
    await test(`${lib}: axe finds no violation on the form with its findings`, async () => {
      const { policy, template, record } = PARTLY;
      await show(policy, template, record, 'final');
      await page.evaluate(() => window.submit());
      let axe = new AxeBuilder({ page }).include('#root').withTags(AXE_TAGS);
      // JSON Forms' vanilla table draws its cells' inputs with no label (the column header
      // is not tied to them): the library's own markup, which the adapter cannot reach.
      if (lib === 'jsonforms') axe = axe.exclude('#root .array-table-layout > table > tbody > tr > td');
      const result = await axe.analyze();
      const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.slice(0, 3).map((n) => `    ${n.target.join(' ')}`).join('\n'));
      assert.deepEqual(violations, []);
    });
    await test(`${lib}: screenshot for the README (docs/adapter-${lib}.png)`, async () => {
      const { policy, template, record } = PARTLY;
      await page.setViewportSize({ width: 900, height: 700 });
      await show(policy, template, record, 'final');
      await page.evaluate(() => window.submit());
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(0, 0);   // no hover left from the tests before
      await page.screenshot({ path: path.join(ROOT, 'docs', `adapter-${lib}.png`), animations: 'disabled' });
    });
  } finally {
    await page.close();
    await server.close();
  }
}

main();
