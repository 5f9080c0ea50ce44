#!/usr/bin/env node
// The npm package as its users get it: `npm pack` of pkg/, installed from the tarball into
// a scratch project in a temporary folder, then
//
// - Node: README's "From Node" code run as written (ESM: one import, one call, no init), and
//   from CommonJS both ways the README documents (`require()` on a Node that can require ES
//   modules, `await import()`); `await init()` in Node; each entry point with no init; the
//   Error of a function called before init (the browser entry point); `today`'s default;
// - TypeScript: README's code blocks marked `<!-- typecheck -->`, and a file that uses
//   each entry point's types (the generated record types among them: a misspelt field id
//   must not compile), checked by `tsc --strict --noEmit` against the installed
//   .d.ts (skipLibCheck false) with lib ES2020 and ES2022, resolved as Node (nodenext)
//   and as a bundler does;
// - Vite (no plugins) and esbuild (with README's copy step for the .wasm): a tiny page
//   that imports the widget and the package's stylesheet, built, served and opened in
//   headless Chromium, where it must validate and draw the error summary with the styles;
// - JSON Schema: every template's jsonSchema loaded by strict Ajv2020 (2020-12), by Ajv's
//   default class (draft-07) with and without ajv-formats, and by react-jsonschema-form's
//   default validator (@rjsf/validator-ajv8, draft-07).
//
// Offline: the tarball has no dependencies; vite, esbuild and tsc are the repository's own
// devDependencies.
//
//   node scripts/test-package.mjs      needs pkg/ built (make build)
// Ends with "N passed, N failed".
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, mkdir, readFile, writeFile, copyFile, access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/browser.mjs';
import { startServer } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'pkg');
const BIN = path.join(ROOT, 'node_modules', '.bin');

let passed = 0;
let failed = 0;
async function test(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    const text = String((e && (e.stdout || e.stack)) || e);
    console.log(`FAIL ${name}\n     ${text.split('\n').slice(0, 30).join('\n     ')}`);
  }
}

const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The required fields an empty Havering case supervision record is missing. */
const EMPTY_ERRORS_AT_LEAST = ['date'];

async function pack(scratch) {
  let tarball;
  await test('npm pack: the tarball has each entry point, the stylesheet and the docs', async () => {
    const [info] = JSON.parse(run('npm', ['pack', PKG, '--json', '--pack-destination', scratch], scratch));
    tarball = path.join(scratch, info.filename);
    const files = info.files.map((f) => f.path).sort();
    for (const dir of ['', 'widget/', 'authoring/', 'base/', 'form/', 'widget/base/', 'widget/form/']) {
      for (const f of ['index.js', 'supervision_rules.js', 'supervision_rules_bg.wasm', 'supervision_rules.d.ts']) {
        assert.ok(files.includes(dir + f), `${dir + f} is in the tarball`);
      }
    }
    for (const f of ['node.js', 'widget/node.js', 'authoring/node.js', 'base/node.js', 'form/node.js',
      'widget/base/node.js', 'widget/form/node.js']) {
      assert.ok(files.includes(f), `${f} is in the tarball`);
    }
    // The same code built for speed, which node.js reads (scripts/build-pkg.sh's node_wasm).
    for (const dir of ['', 'base/', 'form/']) {
      assert.ok(files.includes(`${dir}supervision_rules_node.wasm`), `${dir}supervision_rules_node.wasm is in the tarball`);
    }
    // when-ready.js is bundled into widget/index.js (scripts/bundle-entry.mjs); the policy
    // modules are what a one-council page imports beside base/ or form/.
    for (const f of ['supervision-rules.css', 'records.d.ts', 'policies/havering.js', 'policies/all.js', 'README.md', 'CHANGELOG.md', 'package.json',
      'docs/policy-format.md', 'docs/finding-codes.md']) {
      assert.ok(files.includes(f), `${f} is in the tarball`);
    }
    const manifest = JSON.parse(await readFile(path.join(PKG, 'package.json'), 'utf8'));
    assert.equal(manifest.repository, undefined, 'no placeholder repository address');
  });
  return tarball;
}

async function install(scratch, tarball) {
  await writeFile(path.join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
  await test('npm install of the tarball into a scratch project, offline', async () => {
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], scratch);
    await access(path.join(scratch, 'node_modules/supervision-rules/package.json'));
  });
}

/** README's fenced code blocks that follow a `<!-- typecheck -->` line. */
async function readmeExamples() {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/<!-- typecheck -->\n```(?:js|ts)\n([\s\S]*?)\n```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 2, `README marks at least 2 examples (found ${blocks.length})`);
  return blocks;
}

/** What README's examples use without defining: a record, a caseload, a way to show errors. */
const PRELUDE = `declare const record: Record<string, unknown>;
declare const workers: import('supervision-rules').Worker[];
declare function showErrors(errors: import('supervision-rules').Finding[]): void;
`;

/** README's first fenced code block after the text `after` that has `includes` in it. */
async function readmeBlock(after, includes) {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf(after);
  assert.ok(from >= 0, `README has "${after}"`);
  const block = [...readme.slice(from).matchAll(/```(?:js|ts)\n([\s\S]*?)\n```/g)]
    .map((m) => m[1]).find((b) => b.includes(includes));
  assert.ok(block, `README has a block with ${includes} after "${after}"`);
  return block;
}

/** Runs `source` as a file `name` of the scratch project (env added); its stdout. */
async function runFile(scratch, name, source, env = {}) {
  const file = path.join(scratch, name);
  await writeFile(file, source);
  return execFileSync(process.execPath, [file], {
    cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
  });
}

async function node(scratch) {
  const fromNode = await readmeBlock('## From Node', "from 'supervision-rules'");
  await test("node ESM: README's \"From Node\" runs as written: one import, one call, no init", async () => {
    assert.equal(fromNode.split('\n').filter((l) => l.trim()).length, 2, 'one import and one call');
    assert.doesNotMatch(fromNode, /init/);
    const out = await runFile(scratch, 'from-node.mjs', `const record = {};\n${fromNode}
console.log(JSON.stringify(report.errors.map((e) => e.path)));\n`);
    const paths = JSON.parse(out);
    for (const p of EMPTY_ERRORS_AT_LEAST) assert.ok(paths.includes(p), `${p} is reported`);
  });
  const fromCjs = await readmeBlock('From CommonJS', "require('supervision-rules')");
  await test("node CommonJS: README's require() runs as written, no init (Node 20.19+, 22.12+)", async () => {
    const source = `${fromCjs}
console.log(JSON.stringify(validate('havering', 'case-supervision-record', {}, { mode: 'final' }).valid));\n`;
    if (!process.features.require_module) {
      await assert.rejects(runFile(scratch, 'require.cjs', source), 'this Node cannot require ES modules');
      return;
    }
    assert.equal((await runFile(scratch, 'require.cjs', source)).trim(), 'false');
  });
  await test('node CommonJS: await import() works on every supported Node, no init', async () => {
    const out = await runFile(scratch, 'import.cjs', `(async () => {
  const { validate } = await import('supervision-rules');
  console.log(JSON.stringify(validate('havering', 'case-supervision-record', {}, { mode: 'final' }).valid));
})();\n`);
    assert.equal(out.trim(), 'false');
  });
  await test('node: await init() resolves (no fetch), and each entry point needs no init', async () => {
    const out = await runFile(scratch, 'entries.mjs', `import init, { validate } from 'supervision-rules';
import * as widget from 'supervision-rules/widget';
import * as authoring from 'supervision-rules/authoring';
await init();
await widget.default();
const r = (m) => m.validate('havering', 'personal-supervision', {}, { mode: 'final' }).errors.length > 0;
console.log(JSON.stringify([r({ validate }), r(widget), r(authoring),
  authoring.jsonSchema('havering', 'personal-supervision').required.length > 0,
  authoring.registerPolicy({ format: 1, id: 'mine', extends: 'havering' }).id]));\n`);
    assert.deepEqual(JSON.parse(out), [true, true, true, true, 'mine']);
  });
  await test('node: the core, base and form run on supervision_rules_node.wasm, with the results of the .wasm pages fetch', async () => {
    // The same calls twice, in two processes: through the package's name (Node's entry point,
    // node.js: the .wasm built for speed) and through index.js with the .wasm built for size.
    const calls = (how) => `${how}
const record = JSON.parse(readFileSync(${JSON.stringify(path.join(ROOT, 'bench/fixtures/havering-case-record.json'))}, 'utf8'));
const worker = JSON.parse(readFileSync(${JSON.stringify(path.join(ROOT, 'bench/fixtures/worker.json'))}, 'utf8'));
const out = [];
for (const [dir, m] of Object.entries(entries)) {
  if (dir) m.loadPolicy(havering);
  for (const [r, o] of [[{}, { mode: 'final', today: '2026-03-02' }], [record, { mode: 'final', today: '2026-03-02' }],
    [{ ...record, date: '2026-13-01' }, { mode: 'draft', today: '2026-03-02' }]]) {
    out.push(m.validate('havering', 'case-supervision-record', r, o));
  }
  if (m.schedule) out.push(m.schedule('havering', worker, { asOf: '2026-03-02' }));
}
console.log(JSON.stringify(out));\n`;
    const imports = `import { readFileSync } from 'node:fs';
import havering from 'supervision-rules/policies/havering';
`;
    const fast = await runFile(scratch, 'node-wasm.mjs', calls(`${imports}
import * as core from 'supervision-rules';
import * as base from 'supervision-rules/base';
import * as form from 'supervision-rules/form';
const entries = { '': core, base, form };`));
    const small = await runFile(scratch, 'bg-wasm.mjs', calls(`${imports}
const entries = {};
for (const dir of ['', 'base/', 'form/']) {
  const url = new URL('./node_modules/supervision-rules/' + dir + 'index.js', import.meta.url);
  const m = await import(url);
  m.initSync({ module: readFileSync(new URL('supervision_rules_bg.wasm', url)) });
  entries[dir] = m;
}`));
    assert.ok(JSON.parse(fast).length >= 11, 'every call answered');
    assert.equal(fast, small);
    // node.js reads it: with it spoilt, importing the entry point fails.
    const spoilt = path.join(scratch, 'node_modules/supervision-rules/form/supervision_rules_node.wasm');
    const good = await readFile(spoilt);
    await writeFile(spoilt, new Uint8Array(8));
    try {
      await assert.rejects(runFile(scratch, 'spoilt.mjs', "import 'supervision-rules/form';\n"), /CompileError/);
    } finally {
      await writeFile(spoilt, good);
    }
  });
  await test('before init (the browser entry points): every function throws an Error saying to call init()', async () => {
    const out = await runFile(scratch, 'before-init.mjs', `import { readFileSync } from 'node:fs';
const seen = {};
for (const dir of ['', 'widget/', 'authoring/']) {
  const url = new URL('./node_modules/supervision-rules/' + dir + 'index.js', import.meta.url);
  const m = await import(url);
  for (const [name, f] of Object.entries(m)) {
    // Each function but the two that initialise, attachWhenReady (which does) and classes.
    if (typeof f !== 'function' || /^[A-Z]/.test(name) || ['default', 'initSync', 'attachWhenReady'].includes(name)) continue;
    try {
      f('havering', 'personal-supervision', {});
      seen[dir + name] = 'no error';
    } catch (e) {
      seen[dir + name] = [e.constructor.name, e.code, e.message];
    }
  }
  m.initSync({ module: readFileSync(new URL('supervision_rules_bg.wasm', url)) });
  seen[dir + 'after initSync'] = m.validate('havering', 'personal-supervision', {}).valid;
}
console.log(JSON.stringify(seen));\n`);
    const seen = JSON.parse(out);
    const names = Object.keys(seen).filter((k) => !k.endsWith('after initSync'));
    for (const f of ['validate', 'schedule', 'policies', 'loadPolicy', 'widget/attach', 'authoring/jsonSchema',
      'authoring/registerPolicy']) assert.ok(names.includes(f), `${f} is checked`);
    for (const name of names) {
      const [kind, code, message] = seen[name];
      assert.equal(kind, 'Error', name);
      assert.equal(code, 'not-initialised', name);
      const fn = name.split('/').pop();
      assert.ok(message.startsWith(`supervision-rules: call \`await init()\` before ${fn}()`), `${name}: ${message}`);
    }
    for (const dir of ['', 'widget/', 'authoring/']) assert.equal(seen[`${dir}after initSync`], false);
  });
  await test("node: validate's today defaults to the local date (TZ), null leaves the check out", async () => {
    // Kiritimati is UTC+14: its date is ahead of UTC's for 14 hours of each day. The local
    // dates are worked out with Intl, apart from the package's own reading of the clock.
    const out = await runFile(scratch, 'today.mjs', `import { validate } from 'supervision-rules';
const local = (days) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' })
  .format(new Date(Date.now() + days * 86400000));
const future = (date, options) => validate('havering', 'case-supervision-record', { date }, options)
  .errors.filter((e) => e.code === 'date-in-future').map((e) => e.path);
let before, result;
do {
  before = local(0);
  result = { today: future(local(0)), tomorrow: future(local(1)), far: future('2099-01-01'),
    noOptions: future('2099-01-01', undefined), nullToday: future('2099-01-01', { today: null }),
    given: future('2099-01-01', { today: '2099-01-01' }), draft: validate('havering', 'case-supervision-record',
      { date: '2099-01-01' }, { mode: 'draft' }).warnings.filter((e) => e.code === 'date-in-future').length };
} while (before !== local(0)); // midnight passed during the calls: again
console.log(JSON.stringify(result));\n`, { TZ: 'Pacific/Kiritimati' });
    assert.deepEqual(JSON.parse(out), {
      today: [], tomorrow: ['date'], far: ['date'], noOptions: ['date'], nullToday: [], given: [], draft: 1,
    });
  });
}

async function schemas(scratch) {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const { createRequire } = await import('node:module');
  const require = createRequire(path.join(scratch, 'index.js'));
  const authoring = await import(require.resolve('supervision-rules/authoring'));
  authoring.initSync({ module: await readFile(require.resolve('supervision-rules/authoring/supervision_rules_bg.wasm')) });
  await test("ajv strict: every template's jsonSchema loads without a vocabulary; required = validate's on an empty record", async () => {
    let templates = 0;
    for (const { id } of authoring.policies()) {
      for (const t of authoring.policy(id).templates) {
        for (const mode of ['final', 'draft']) {
          const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
          const schema = authoring.jsonSchema(id, t.id, mode === 'final' ? undefined : { mode });
          const check = ajv.compile(schema);
          const report = authoring.validate(id, t.id, {}, { mode });
          const required = [...report.errors, ...report.warnings]
            .filter((f) => f.code === 'required').map((f) => f.path);
          assert.deepEqual(schema.required, required, `${id}/${t.id} ${mode}`);
          assert.equal(check({}), required.length === 0);
          const missing = (check.errors || []).filter((e) => e.keyword === 'required')
            .map((e) => e.params.missingProperty);
          assert.deepEqual(missing, required, `${id}/${t.id} ${mode}: Ajv's errors`);
        }
        templates++;
      }
    }
    assert.ok(templates >= 19, `every built-in template (${templates})`);
    // With the x- keywords, a strict validator must be told about them.
    const extended = authoring.jsonSchema('havering', 'personal-supervision', { extensions: true });
    assert.ok(extended['x-required-final'].includes('supervisorSignature'));
    assert.throws(() => new Ajv2020({ strict: true }).compile(extended), /unknown keyword/);
  });
  await draft07(require);
}

/** Each built-in template's id, with its policy's: [policyId, templateId]. */
const templatesOf = (m) => m.policies().flatMap(({ id }) => m.policy(id).templates.map((t) => [id, t.id]));

/** The required fields validate() names for an empty record in `mode`. */
const requiredOf = (m, id, templateId, mode) => {
  const report = m.validate(id, templateId, {}, { mode });
  return [...report.errors, ...report.warnings].filter((f) => f.code === 'required').map((f) => f.path);
};

/** The keywords of the errors a compiled schema reports at `/date` for a record with only
 *  that date (the other required fields' errors are not about it). */
const dateErrors = (check, date) => {
  check({ date });
  return (check.errors || []).filter((e) => e.instancePath === '/date').map((e) => e.keyword);
};

/** Runs `f` and returns what it logged through console.warn and console.error. */
const logged = (f) => {
  const lines = [];
  const { warn, error } = console;
  console.warn = (...a) => lines.push(a.join(' '));
  console.error = (...a) => lines.push(a.join(' '));
  try { f(); } finally { Object.assign(console, { warn, error }); }
  return lines;
};

/** JSON Schema draft-07 from the core entry point (a form page's), checked with the
 *  validators that default to it: Ajv's default class and react-jsonschema-form's. */
async function draft07(require) {
  const { default: Ajv } = await import('ajv');
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const { default: rjsf } = await import('@rjsf/validator-ajv8');
  const core = await import(require.resolve('supervision-rules'));
  core.initSync({ module: await readFile(require.resolve('supervision-rules/supervision_rules_bg.wasm')) });
  const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
  await test("ajv's default class (draft-07) with ajv-formats: every template's jsonSchema({draft: 'draft-07'}) from the core loads; required = validate's", async () => {
    let n = 0;
    for (const [id, t] of templatesOf(core)) {
      for (const mode of ['final', 'draft']) {
        const schema = core.jsonSchema(id, t, { mode, draft: 'draft-07' });
        assert.equal(schema.$schema, DRAFT_07);
        const check = addFormats(new Ajv({ allErrors: true })).compile(schema);
        const required = requiredOf(core, id, t, mode);
        assert.equal(check({}), required.length === 0, `${id}/${t} ${mode}`);
        const missing = (check.errors || []).filter((e) => e.keyword === 'required').map((e) => e.params.missingProperty);
        assert.deepEqual(missing, required, `${id}/${t} ${mode}`);
        const strict = addFormats(new Ajv({ strict: true })).compile(schema);
        assert.equal(strict({}), required.length === 0);
      }
      n++;
    }
    assert.ok(n >= 19, `every built-in template (${n})`);
    // ajv-formats asserts format: 'date': 30 February is not a date (the pattern alone allows it).
    const check = addFormats(new Ajv({ allErrors: true })).compile(core.jsonSchema('havering', 'personal-supervision', { draft: 'draft-07' }));
    assert.deepEqual(dateErrors(check, '2026-04-02'), []);
    assert.deepEqual(dateErrors(check, '2026-02-30'), ['format']);
  });
  await test('without ajv-formats: Ajv and Ajv2020 refuse format "date" unless told of it; formats: {date: true} loads it, the pattern still checking the shape', async () => {
    const schema = core.jsonSchema('havering', 'personal-supervision', { mode: 'draft', draft: 'draft-07' });
    assert.throws(() => new Ajv().compile(schema), /unknown format "date"/);
    const newer = core.jsonSchema('havering', 'personal-supervision', { mode: 'draft' });
    assert.throws(() => new Ajv2020().compile(newer), /unknown format "date"/);
    const told = { allErrors: true, formats: { date: true } };
    for (const check of [new Ajv(told).compile(schema), new Ajv2020(told).compile(newer)]) {
      assert.deepEqual(dateErrors(check, '2026-04-02'), []);
      assert.deepEqual(dateErrors(check, '2 April 2026'), ['pattern'], 'the pattern: YYYY-MM-DD');
      assert.deepEqual(dateErrors(check, '2026-02-30'), [], 'a real date is validate()\'s to check');
    }
    // Only `date` needs a format: times are a pattern (HH:MM), with no format.
    const timed = core.jsonSchema('havering', 'observation-of-practice', { draft: 'draft-07' });
    assert.equal(timed.properties.time.format, undefined);
    new Ajv({ formats: { date: true } }).compile(timed);
  });
  await test("react-jsonschema-form's default validator (@rjsf/validator-ajv8): draft-07 validates with no 'no schema with key or ref' and nothing logged; its required errors are validate()'s", async () => {
    for (const [id, t] of templatesOf(core)) {
      for (const mode of ['final', 'draft']) {
        const schema = core.jsonSchema(id, t, { mode, draft: 'draft-07' });
        let result;
        const lines = logged(() => { result = rjsf.validateFormData({}, schema); });
        assert.deepEqual(lines, [], `${id}/${t} ${mode}: nothing logged`);
        assert.ok(!result.errors.some((e) => /no schema with key or ref/.test(e.stack)), `${id}/${t}`);
        const missing = result.errors.map((e) => e.params?.missingProperty);
        assert.deepEqual(missing, requiredOf(core, id, t, mode), `${id}/${t} ${mode}`);
      }
    }
    // What issue 21 reported, with the 2020-12 schema: the validator cannot load it.
    const newer = core.jsonSchema('havering', 'personal-supervision');
    let result;
    logged(() => { result = rjsf.validateFormData({}, newer); });
    assert.ok(result.errors.some((e) => /no schema with key or ref/.test(e.stack)), '2020-12 is not draft-07');
  });
}

/** A file using what README's examples do not: each entry point's own types. */
const ENTRY_TYPES = `import { attach, renderSchedule, type Widget } from 'supervision-rules/widget';
import { jsonSchema, registerPolicy, compilePolicy, type PolicyInput, type RecordSchema }
  from 'supervision-rules/authoring';
import { policies } from 'supervision-rules';

declare const form: HTMLFormElement;
const widget: Widget = attach(form, { policy: 'havering', template: 'personal-supervision' });
widget.validate({ focus: true }).errors.forEach((f) => f.path.toUpperCase());
const panel: HTMLElement = renderSchedule(document.body, { asOf: '2026-01-01', obligations: [], breaches: [] });
panel.focus();
const version: string | undefined = policies()[0]?.version;
widget.problems.forEach((p) => p.field.toUpperCase());
const schema: RecordSchema = jsonSchema('havering', 'case-supervision-record');
const required: string[] = schema.required;
const title: string = schema.properties['date']?.title ?? '';
// The core has jsonSchema too (a form page's), with the draft option; validate's findings
// always carry their JSON Pointer.
import { jsonSchema as coreSchema } from 'supervision-rules';
const seven: RecordSchema = coreSchema('havering', 'personal-supervision', { draft: 'draft-07' });
seven.properties['date']?.oneOf?.forEach((o) => o.title.toUpperCase());
// @ts-expect-error only the two dialects
coreSchema('havering', 'personal-supervision', { draft: '2019-09' });
coreValidate('havering', 'personal-supervision', {}).errors.forEach((f) => f.pointer.toUpperCase());
const own: PolicyInput = { format: 1, id: 'my-council', extends: 'havering', title: 'Mine' };
registerPolicy(own);
compilePolicy(JSON.stringify(own));
// @ts-expect-error a policy is an object or its JSON text
registerPolicy(42);
// Each built-in template's record type (records.d.ts), from every entry point.
import { validate, attachWhenReady, type RecordOf } from 'supervision-rules/widget';
import type { Records } from 'supervision-rules/authoring';
const record: RecordOf<'havering', 'personal-supervision'> = {
  supervisee: 'Sam', date: '2026-04-02', howFeelingActions: [{ action: 'Rest', who: 'Sam', when: '2026-04-09' }],
};
validate('havering', 'personal-supervision', record).errors.forEach((f) => f.path.toUpperCase());
const observed: Records['havering']['observation-of-practice'] = { time: '10:30', observerRole: null };
// @ts-expect-error a misspelt field id
const misspelt: RecordOf<'havering', 'personal-supervision'> = { supervisse: 'Sam' };
// @ts-expect-error a table field is a list of rows, not text
const flat: Records['havering']['case-supervision-record'] = { actions: 'Rest' };
// @ts-expect-error a template the policy does not have
type Nowhere = Records['havering']['no-such-template'];
attachWhenReady(form, { policy: 'havering', template: 'personal-supervision' })
  .then((w) => w?.detach());
// validate, template and jsonSchema typed by the built-in ids (records.d.ts); any string for
// a registered policy. null wherever it counts as blank: fields, row cells, today.
import { template as coreTemplate, validate as coreValidate, type TemplateId } from 'supervision-rules';
import { validate as authoringValidate } from 'supervision-rules/authoring';
const blanks: RecordOf<'havering', 'case-supervision-record'> = {
  date: null, actions: [{ action: 'Visit', who: null, when: null }],
};
coreValidate('havering', 'case-supervision-record', blanks, { today: null });
authoringValidate('havering', 'case-supervision-record', blanks);
declare const untyped: Record<string, unknown>;
declare const fromRoute: string;
coreValidate('havering', 'case-supervision-record', untyped);
coreValidate('my-council', 'my-template', { anything: 1 });
coreValidate(fromRoute, fromRoute, untyped);
coreValidate('havering', fromRoute, untyped); // a template id known only at run time: unchecked
const id: TemplateId<'havering'> = 'personal-supervision';
coreTemplate('havering', id).sections.forEach((x) => x.id.toUpperCase());
coreTemplate('my-council', 'any-template');
jsonSchema('my-council', 'any-template');
jsonSchema('havering', 'personal-supervision', { mode: 'draft' });
// @ts-expect-error a misspelt template id (validate)
coreValidate('havering', 'case-supervison-record', {});
// @ts-expect-error a misspelt template id (template)
coreTemplate('havering', 'personal-supervison');
// @ts-expect-error a misspelt template id (jsonSchema)
jsonSchema('havering', 'personal-supervison');
// @ts-expect-error a template of another built-in policy
coreValidate('stockport', 'case-supervision-record', {});
// @ts-expect-error a record of another template
coreValidate('havering', 'case-supervision-record', record);
// @ts-expect-error a record of another template, from the widget entry point
validate('havering', 'case-supervision-record', record);
// @ts-expect-error a misspelt field id in a record written in the call
authoringValidate('havering', 'case-supervision-record', { dat: '2026-04-02' });
// @ts-expect-error not a template id of Havering's
const wrongId: TemplateId<'havering'> = 'personal';
// The one-council widget entry points (no built-in policies): a policy module loaded, by
// loadPolicy or by attachWhenReady's load option; widget/form has no due-dates panel.
import { loadPolicy as loadOne, renderSchedule as renderOne } from 'supervision-rules/widget/base';
import { attach as attachForm, attachWhenReady as whenReadyForm } from 'supervision-rules/widget/form';
import havering from 'supervision-rules/policies/havering';
loadOne(havering);
renderOne(document.body, { asOf: '2026-01-01', obligations: [], breaches: [] }).focus();
attachForm(form, { policy: 'havering', template: 'personal-supervision' }).detach();
whenReadyForm(form, { policy: 'havering', template: 'personal-supervision', load: havering })
  .then((w) => w?.detach());
// @ts-expect-error load takes a policy module's compiled text
whenReadyForm(form, { policy: 'havering', template: 'personal-supervision', load: 42 });
// @ts-expect-error widget/form has no due-dates panel (no schedule code)
import { renderSchedule as noPanel } from 'supervision-rules/widget/form';
export { version, required, title, observed, misspelt, flat, wrongId, noPanel };
export type { Nowhere };
`;

async function typescript(scratch) {
  const blocks = await readmeExamples();
  const dir = path.join(scratch, 'ts');
  await mkdir(dir, { recursive: true });
  const files = [];
  const browserFiles = [];
  for (const [i, block] of blocks.entries()) {
    const file = `readme-${i + 1}.ts`;
    await writeFile(path.join(dir, file), `${PRELUDE}${block}\n`);
    files.push(file);
    if (!block.includes("from 'node:")) browserFiles.push(file);
  }
  await writeFile(path.join(dir, 'entries.ts'), ENTRY_TYPES);
  files.push('entries.ts');
  browserFiles.push('entries.ts');
  const settings = [
    ['ES2020', 'nodenext'], ['ES2022', 'nodenext'], ['ES2020', 'bundler'], ['ES2022', 'bundler'],
  ];
  for (const [lib, resolution] of settings) {
    await test(`tsc --strict: README's examples and each entry point's types (lib ${lib}, ${resolution})`, async () => {
      const config = {
        compilerOptions: {
          strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022',
          lib: [lib, 'DOM'],
          // Node's types (the repository's @types/node) only where the code runs on Node:
          // they declare Symbol.dispose, which a browser project under ES2022 lacks.
          types: resolution === 'bundler' ? [] : ['node'],
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
          module: resolution === 'bundler' ? 'esnext' : 'nodenext',
          moduleResolution: resolution,
        },
        files: resolution === 'bundler' ? browserFiles : files,
      };
      await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
      run(path.join(BIN, 'tsc'), ['-p', path.join(dir, 'tsconfig.json')], dir);
    });
  }
}

// A form page: the widget and the package's stylesheet, as a front-end developer adds them.
const PAGE_HTML = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bundled</title><link rel="icon" href="data:,"></head>
<body><form id="f"><label for="date">Date</label><input id="date" name="date"><button>Save</button></form>
<script type="module" src="${script}"></script></body></html>`;
const PAGE_JS = (init) => `import init, { attach } from 'supervision-rules/widget';
import 'supervision-rules/supervision-rules.css';
await init(${init});
// The page collects neither signature (they are signed elsewhere): declared absent.
const widget = attach(document.getElementById('f'), { policy: 'havering',
  template: 'personal-supervision', absent: ['supervisorSignature', 'superviseeSignature'] });
const report = widget.validate();
const summary = document.querySelector('.govuk-error-summary');
window.result = { valid: report.valid, summary: !!summary,
  border: summary && getComputedStyle(summary).borderTopColor,
  asked: report.errors.map((e) => e.path).filter((p) => /Signature/.test(p)),
  problems: widget.problems.map((p) => p.field) };
`;

async function bundlers(scratch) {
  const modules = path.join(scratch, 'node_modules', 'supervision-rules');
  const vite = path.join(scratch, 'vite-app');
  await mkdir(vite, { recursive: true });
  await writeFile(path.join(vite, 'index.html'), PAGE_HTML('./main.js'));
  await writeFile(path.join(vite, 'main.js'), PAGE_JS(''));
  await test('vite build (no plugins) of a page importing the widget and its stylesheet', async () => {
    run(path.join(BIN, 'vite'), ['build', '--logLevel', 'warn'], vite);
    await access(path.join(vite, 'dist', 'index.html'));
  });

  const esb = path.join(scratch, 'esbuild-app');
  await mkdir(path.join(esb, 'dist'), { recursive: true });
  await writeFile(path.join(esb, 'main.js'), PAGE_JS("{ module_or_path: '/supervision_rules_bg.wasm' }"));
  await writeFile(path.join(esb, 'dist', 'index.html'), PAGE_HTML('./main.js')
    .replace('</title>', '</title><link rel="stylesheet" href="./main.css">'));
  await test("esbuild --bundle of the same page, with README's copy step for the .wasm", async () => {
    run(path.join(BIN, 'esbuild'), ['main.js', '--bundle', '--format=esm', '--outdir=dist', '--log-level=warning'], esb);
    await copyFile(path.join(modules, 'widget', 'supervision_rules_bg.wasm'), path.join(esb, 'dist', 'supervision_rules_bg.wasm'));
    await access(path.join(esb, 'dist', 'main.css'));
  });

  const context = await launchBrowser(path.join(scratch, 'profile'));
  try {
    for (const [name, dist] of [['vite', path.join(vite, 'dist')], ['esbuild', path.join(esb, 'dist')]]) {
      await test(`chromium: the ${name}-built page validates and styles the error summary`, async () => {
        const server = await startServer({ port: 0, www: dist, pkg: path.join(scratch, 'no-pkg') });
        try {
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
          await page.goto(server.url);
          await page.waitForFunction(() => window.result !== undefined, null, { timeout: 15_000 });
          // One console.error for the developer, naming the absent required fields.
          assert.equal(errors.length, 1, errors.join('\n'));
          assert.match(errors[0], /options\.absent.*supervisorSignature.*superviseeSignature/s);
          assert.deepEqual(await page.evaluate(() => window.result), {
            valid: false, summary: true, border: 'rgb(212, 53, 28)',
            asked: [], problems: ['supervisorSignature', 'superviseeSignature'],
          });
          await page.close();
        } finally {
          await server.close();
        }
      });
    }
  } finally {
    await context.close();
  }
}

async function main() {
  try {
    await access(path.join(PKG, 'package.json'));
  } catch {
    console.log('pkg/ is not built: run `make build` first');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'supervision-rules-package-'));
  try {
    const tarball = await pack(scratch);
    if (tarball) {
      await install(scratch, tarball);
      await node(scratch);
      await schemas(scratch);
      await typescript(scratch);
      await bundlers(scratch);
    }
  } finally {
    if (!process.env.KEEP_SCRATCH) await rm(scratch, { recursive: true, force: true });
    else console.log(`scratch project kept in ${scratch}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
main();
