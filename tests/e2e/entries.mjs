#!/usr/bin/env node
// The npm package's entry points, used as a page or a server would use them:
//
// - from Node, through the package's own `exports` (pkg/ linked as node_modules/supervision-rules
//   in a scratch folder): `supervision-rules`, `supervision-rules/widget`,
//   `supervision-rules/authoring`, `supervision-rules/base` and `supervision-rules/form` (no
//   built-in policies) with the policy modules `supervision-rules/policies/<id>`, each
//   initialised as it is imported (the `node` condition);
// - from pages in headless Chromium: a page that imports only the core and validates (and,
//   before init(), gets the Error that says to call it); one
//   that uses the widget; one that registers its own policy (authoring); one that loads a
//   policy compiled by the authoring entry point into the core (a council's policy on a
//   form page without a release); a one-council page: the base and one policy module.
//
//   node tests/e2e/entries.mjs      needs pkg/ built (make build)
// Ends with "N passed, N failed".
import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { mkdtemp, rm, mkdir, symlink, writeFile, access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { launchBrowser } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.join(ROOT, 'pkg');


// A council's own policy, derived from a built-in one: Havering's case supervision record
// with one more required field. Hand-made for this test; not a real council's policy.
const DERIVED = {
  format: 1, id: 'havering-test', extends: 'havering', title: 'Havering, test derivation',
  templates: [],
};

// A finished Havering personal supervision record is not needed: an empty record must fail
// in final mode and name the session date; that is what a form shows first.
const EMPTY_RECORD = {};

async function nodeEntries(scratch) {
  const modules = path.join(scratch, 'node_modules');
  await mkdir(modules, { recursive: true });
  await symlink(PKG, path.join(modules, 'supervision-rules'), 'dir');
  // Resolve as a dependency of a file in the scratch project would.
  const importer = pathToFileURL(path.join(scratch, 'index.mjs')).href;
  // As README's "From Node" does: the entry point through `exports`, with no init step
  // (Node's condition picks the entry point's node.js); its .wasm is exported too.
  const require = createRequire(importer);
  const load = async (spec) => {
    const file = require.resolve(spec);
    assert.equal(path.basename(file), 'node.js', `${spec} resolves to ${file}`);
    await access(require.resolve(`${spec}/supervision_rules_bg.wasm`));
    return import(pathToFileURL(file).href);
  };

  await test('node: supervision-rules (core) validates, schedules and gives JSON Schema with the built-in policies', async () => {
    const m = await load('supervision-rules');
    assert.deepEqual(m.policies().map((p) => p.id),
      ['stockport', 'north-east-lincolnshire', 'havering', 'shropshire', 'south-gloucestershire']);
    const report = m.validate('havering', 'case-supervision-record', EMPTY_RECORD, { mode: 'final', today: '2026-04-02' });
    assert.equal(report.valid, false);
    assert.ok(report.errors.length > 0);
    // havering.txt §4b: a newly qualified worker is supervised weekly in the first 6 weeks;
    // a session on Monday 12 January 2026 makes the next due 7 days later, 19 January.
    const s = m.schedule('havering', {
      id: 'w1', role: 'nqsw', started: '2026-01-05', asye: '2026-01-05',
      sessions: [{ date: '2026-01-12', type: 'one-to-one' }],
    }, { asOf: '2026-01-14' });
    assert.ok(s.obligations.some((o) => o.kind === 'supervision' && o.due === '2026-01-19'));
    // Thursday 24 Dec 2026 + 2 working days: Friday 25th and Monday 28th (Boxing Day's
    // substitute) are bank holidays, 26th–27th a weekend: the 29th is day 1, the 30th day 2.
    assert.equal(m.addWorkingDays('2026-12-24', 2), '2026-12-30');
    // A form page draws its form from the core: jsonSchema is in every entry point.
    const schema = m.jsonSchema('havering', 'case-supervision-record', { draft: 'draft-07' });
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    // What only authors need is not in the core.
    assert.equal(m.registerPolicy, undefined);
    assert.equal(m.attach, undefined);
  });

  await test('node: supervision-rules/widget has the core (jsonSchema too) and attach/renderSchedule', async () => {
    const m = await load('supervision-rules/widget');
    assert.equal(typeof m.attach, 'function');
    assert.equal(typeof m.renderSchedule, 'function');
    assert.equal(m.validate('havering', 'case-supervision-record', EMPTY_RECORD, { mode: 'final' }).valid, false);
    assert.equal(m.jsonSchema('havering', 'case-supervision-record').type, 'object');
    assert.equal(m.registerPolicy, undefined);
  });

  await test('node: supervision-rules/authoring registers, compiles, exports JSON Schema', async () => {
    const a = await load('supervision-rules/authoring');
    assert.deepEqual(a.registerPolicy(DERIVED), { id: 'havering-test', authority: "London Borough of Havering, Children's Services", title: 'Havering, test derivation', version: '2026.3' });
    assert.equal(a.validate('havering-test', 'case-supervision-record', EMPTY_RECORD, { mode: 'final' }).valid, false);
    assert.equal(a.jsonSchema('havering', 'case-supervision-record').$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.throws(() => a.registerPolicy({ ...DERIVED, id: 'Bad Id' }), (e) => e.code === 'invalid-policy');
  });

  await test('node: a policy compiled by authoring loads into the core (loadPolicy)', async () => {
    const a = await load('supervision-rules/authoring');
    const compiled = a.compilePolicy(DERIVED);
    assert.equal(typeof compiled, 'string');
    const core = await load('supervision-rules');
    assert.deepEqual(core.loadPolicy(compiled), { id: 'havering-test', authority: "London Borough of Havering, Children's Services", title: 'Havering, test derivation', version: '2026.3' });
    assert.ok(core.policies().some((p) => p.id === 'havering-test'));
    const viaCore = core.validate('havering-test', 'case-supervision-record', EMPTY_RECORD, { mode: 'final', today: '2026-04-02' });
    const viaAuthoring = a.validate('havering', 'case-supervision-record', EMPTY_RECORD, { mode: 'final', today: '2026-04-02' });
    assert.deepEqual(viaCore, viaAuthoring, 'the derived policy adds nothing to the template: same findings');
    // Changed after it was compiled: refused, not trusted.
    const edited = compiled.replace('"title":"Havering, test derivation"', '"title":"Edited"');
    assert.notEqual(edited, compiled);
    assert.throws(() => core.loadPolicy(edited), (e) => e.code === 'invalid-policy' && /checksum/.test(e.message));
    assert.throws(() => core.loadPolicy('{}'), (e) => e.code === 'invalid-policy');
    assert.throws(() => core.loadPolicy(42), (e) => e.code === 'bad-argument');
  });

  await oneCouncil(load, require);
}

const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return { code: e.code, message: e.message };
  }
};

/** What a page sees of policy `id` through entry point `m`: the model, each template (from
 *  template()), each template's findings for an empty record (final and draft), and a
 *  worker's schedule. */
function seen(m, id) {
  const p = m.policy(id);
  return {
    policy: p,
    templates: p.templates.map((t) => m.template(id, t.id)),
    findings: p.templates.map((t) => ['final', 'draft'].map((mode) =>
      m.validate(id, t.id, EMPTY_RECORD, { mode, today: '2026-04-02' }))),
    schedule: m.schedule && attempt(() => m.schedule(id, { id: 'w1', role: p.roles[0].id, started: '2025-01-06',
      sessions: [{ date: '2025-02-03', type: 'one-to-one' }] }, { asOf: '2026-04-02' })),
  };
}

async function oneCouncil(load, require) {
  const module = async (spec) => import(pathToFileURL(require.resolve(spec)).href);
  await test('node: a one-council page: supervision-rules/base and supervision-rules/policies/havering', async () => {
    const base = await load('supervision-rules/base');
    assert.deepEqual(base.policies(), [], 'no built-in policies in the base');
    assert.throws(() => base.validate('havering', 'case-supervision-record', EMPTY_RECORD),
      (e) => e.code === 'unknown-policy');
    const havering = await module('supervision-rules/policies/havering');
    assert.equal(havering.id, 'havering');
    assert.equal(typeof havering.default, 'string');
    const summary = base.loadPolicy(havering.default);
    assert.equal(summary.id, 'havering');
    assert.deepEqual(base.policies(), [summary]);
    const report = base.validate('havering', 'case-supervision-record', EMPTY_RECORD, { mode: 'final', today: '2026-04-02' });
    assert.equal(report.valid, false);
    assert.ok(report.errors.some((e) => e.path === 'date'), 'names the session date');
    // The core holds Havering built in: the module is taken as the built-in, nothing changes.
    // Loaded again (two parts of a page, say): nothing changes.
    assert.deepEqual(base.loadPolicy(havering.default), summary);
    assert.deepEqual(base.policies(), [summary]);
    const core = await load('supervision-rules');
    const before = core.policies();
    assert.deepEqual(core.loadPolicy(havering.default), summary);
    assert.deepEqual(core.policies(), before);
  });

  await test('node: every policy module gives the base what the core has built in (model, findings, schedule)', async () => {
    const base = await load('supervision-rules/base');
    const core = await load('supervision-rules');
    const all = (await module('supervision-rules/policies/all')).default;
    for (const compiled of all) base.loadPolicy(compiled);
    const builtIn = core.policies().slice(0, 5);
    assert.deepEqual(base.policies().map((p) => p.id).sort(), builtIn.map((p) => p.id).sort());
    for (const [i, { id }] of builtIn.entries()) {
      assert.deepEqual(seen(base, id), seen(core, id), id);
      assert.equal((await module(`supervision-rules/policies/${id}`)).default, all[i]);
    }
  });

  await test('node: supervision-rules/form validates only, and each policy module gives it the core\'s findings', async () => {
    const form = await load('supervision-rules/form');
    const core = await load('supervision-rules');
    for (const name of ['schedule', 'scheduleMany', 'scheduleTeam', 'attach', 'registerPolicy']) {
      assert.equal(form[name], undefined, name);
    }
    assert.deepEqual(form.policies(), []);
    const all = (await module('supervision-rules/policies/all')).default;
    for (const compiled of all) form.loadPolicy(compiled);
    for (const { id } of core.policies().slice(0, 5)) {
      const { schedule, ...expected } = seen(core, id);
      assert.deepEqual(seen(form, id), { ...expected, schedule: undefined }, id);
    }
    assert.equal(form.addWorkingDays('2026-12-24', 2), '2026-12-30');
    assert.deepEqual(form.bankHolidays(2026), core.bankHolidays(2026));
    assert.equal(form.parseDate('2026-02-28'), '2026-02-28');
  });

  // Issue 22 item 4: validate takes the worker, as schedule does, on a form page too.
  // stockport.txt Appendix C item 2: a record of Mon 12 Jan 2026 booking the next session
  // for Mon 2 Feb; the agreement in force on 12 Jan agrees "weekly": 12 Jan + 7 days = 19 Jan,
  // so 2 Feb is too late; the loose option says the same.
  await test('node: validate takes the worker in every entry point (supervision-rules/form among them)', async () => {
    const form = await load('supervision-rules/form');
    form.loadPolicy((await module('supervision-rules/policies/stockport')).default);
    const core = await load('supervision-rules');
    const worker = { id: 'w', role: 'social-worker', started: '2025-01-06',
      agreements: [{ signed: '2025-06-02', frequency: 'monthly' }, { signed: '2026-01-05', frequency: 'weekly' }] };
    const record = { date: '2026-01-12', nextDate: '2026-02-02' };
    const codes = (m, options) => m.validate('stockport', 'line-management-record', record, options)
      .errors.concat(m.validate('stockport', 'line-management-record', record, options).warnings)
      .map((f) => f.code).filter((c) => c === 'next-too-late');
    for (const m of [form, core]) {
      assert.deepEqual(codes(m, { worker, today: '2026-01-12' }), ['next-too-late']);
      assert.deepEqual(codes(m, { role: 'social-worker', frequency: 'weekly', today: '2026-01-12' }), ['next-too-late']);
      assert.throws(() => m.validate('stockport', 'line-management-record', record, { worker, role: 'x' }),
        (e) => e.code === 'bad-argument' && /options\.role/.test(e.message));
    }
  });
}

async function browserEntries(scratch) {
  const www = path.join(scratch, 'www');
  await mkdir(www, { recursive: true });
  const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>entry</title></head>
<body>${body}<script type="module" src="./test.js"></script></body></html>`;
  const pages = {
    core: [page(''), `import * as m from '/pkg/index.js';
let before;
try { m.validate('havering', 'case-supervision-record', {}); } catch (e) { before = [e.constructor.name, e.code, e.message]; }
await m.default();
const r = m.validate('havering', 'case-supervision-record', {}, { mode: 'final' });
window.result = { valid: r.valid, errors: r.errors.length, attach: typeof m.attach, before };`],
    widget: [page(`<form id="f"><label for="date">Date</label><input id="date" name="date"><button>Save</button></form>`),
      `import init, { attach } from '/pkg/widget/index.js';
await init();
const w = attach(document.getElementById('f'), { policy: 'havering', template: 'personal-supervision', mode: 'final' });
const report = w.validate();
window.result = { valid: report.valid, summary: !!document.querySelector('.govuk-error-summary') };`],
    authoring: [page(''), `import init, { registerPolicy, validate } from '/pkg/authoring/index.js';
await init();
registerPolicy(${JSON.stringify(DERIVED)});
const r = validate('havering-test', 'case-supervision-record', {}, { mode: 'final' });
window.result = { valid: r.valid, errors: r.errors.length };`],
    'one-council': [page(''), `import init, { loadPolicy, validate, policies } from '/pkg/base/index.js';
import havering from '/pkg/policies/havering.js';
await init();
loadPolicy(havering);
const r = validate('havering', 'case-supervision-record', {}, { mode: 'final' });
window.result = { valid: r.valid, date: r.errors.some((e) => e.path === 'date'), policies: policies().map((p) => p.id) };`],
    'one-council-form': [page(''), `import init, { loadPolicy, validate, policies } from '/pkg/form/index.js';
import havering from '/pkg/policies/havering.js';
await init();
loadPolicy(havering);
const r = validate('havering', 'case-supervision-record', {}, { mode: 'final' });
window.result = { valid: r.valid, date: r.errors.some((e) => e.path === 'date'), policies: policies().map((p) => p.id) };`],
    compiled: [page(''), `import initA, { compilePolicy } from '/pkg/authoring/index.js';
import init, { loadPolicy, validate } from '/pkg/index.js';
await initA(); await init();
const compiled = compilePolicy(${JSON.stringify(DERIVED)});
loadPolicy(compiled);
const r = validate('havering-test', 'case-supervision-record', {}, { mode: 'final' });
window.result = { valid: r.valid, errors: r.errors.length };`],
  };
  for (const [name, [html, js]] of Object.entries(pages)) {
    await mkdir(path.join(www, name), { recursive: true });
    await writeFile(path.join(www, name, 'index.html'), html);
    await writeFile(path.join(www, name, 'test.js'), js);
  }
  const server = await startServer({ port: 0, www });
  const context = await launchBrowser(path.join(scratch, 'profile'));
  try {
    const p = context.pages()[0] || (await context.newPage());
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    const requested = [];
    p.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const run = async (name) => {
      errors.length = 0;
      requested.length = 0;
      await p.goto(`${server.url}${name}/`);
      await p.waitForFunction(() => window.result !== undefined || false, null, { timeout: 15_000 });
      assert.deepEqual(errors, []);
      return p.evaluate(() => window.result);
    };
    await test('chromium: a page importing the core validates, and downloads no other entry point', async () => {
      const r = await run('core');
      assert.equal(r.valid, false);
      assert.ok(r.errors > 0);
      assert.equal(r.attach, 'undefined');
      // Called before init(): an Error saying what to do (js/edge.js), not a TypeError.
      assert.deepEqual(r.before.slice(0, 2), ['Error', 'not-initialised']);
      assert.match(r.before[2], /^supervision-rules: call `await init\(\)` before validate\(\)/);
      assert.deepEqual(requested.filter((u) => u.startsWith('/pkg/')).sort(),
        ['/pkg/index.js', '/pkg/supervision_rules_bg.wasm']);
    });
    await test('chromium: a one-council page (base + policies/havering) validates, and downloads nothing else', async () => {
      const r = await run('one-council');
      assert.deepEqual(r, { valid: false, date: true, policies: ['havering'] });
      assert.deepEqual(requested.filter((u) => u.startsWith('/pkg/')).sort(),
        ['/pkg/base/index.js', '/pkg/base/supervision_rules_bg.wasm', '/pkg/policies/havering.js']);
    });
    await test('chromium: a one-council form page (form + policies/havering) validates, and downloads nothing else', async () => {
      const r = await run('one-council-form');
      assert.deepEqual(r, { valid: false, date: true, policies: ['havering'] });
      assert.deepEqual(requested.filter((u) => u.startsWith('/pkg/')).sort(),
        ['/pkg/form/index.js', '/pkg/form/supervision_rules_bg.wasm', '/pkg/policies/havering.js']);
    });
    await test('chromium: a page using the widget attaches and shows the error summary', async () => {
      const r = await run('widget');
      assert.deepEqual(r, { valid: false, summary: true });
      assert.deepEqual(requested.filter((u) => u.startsWith('/pkg/')).sort(),
        ['/pkg/widget/index.js', '/pkg/widget/supervision_rules_bg.wasm']);
    });
    await test('chromium: a page registers its own policy with the authoring entry point', async () => {
      const r = await run('authoring');
      assert.equal(r.valid, false);
      assert.ok(r.errors > 0);
    });
    await test('chromium: a policy compiled by authoring loads into the core on the page', async () => {
      const r = await run('compiled');
      assert.equal(r.valid, false);
      assert.ok(r.errors > 0);
    });
  } finally {
    await context.close();
    await server.close();
  }
}

async function main() {
  try {
    await access(path.join(PKG, 'package.json'));
  } catch {
    cannotRun('pkg/ is not built: run `make build` first');
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-entries-'));
  try {
    await nodeEntries(scratch);
    await browserEntries(scratch);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  finish();
}
main();
