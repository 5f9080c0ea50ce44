#!/usr/bin/env node
// validate() as the package exports it (index.js: free text reduced to its blankness in JS,
// js/fast-validate.js) gives exactly the report — or the error — that the module gives for
// the record as it is, on every template of every built-in policy, in both modes, for:
// complete, empty and half-filled records; every field given every JSON type; blank text
// in every kind of Unicode space (Rust's and JavaScript's whitespace differ); table rows of
// every odd shape; records with getters, toJSON, inherited and non-enumerable properties;
// and each validate input of the fuzz corpus (tests/corpus/validate-*.json).
//
// And the one crossing of stop 28 (js/encode.js: the reduced record, or scheduleMany's
// workers, written in a compact encoding when it can be, the slow way otherwise): the same
// report, schedules or error as fast-validate.js without it, on every number, string, key,
// odd value, depth and option, and as the raw scheduleMany on odd workers.
//
// And how the module reads what crosses (issue 20: walked and written as JSON text in
// JavaScript, src/wasm/read.js, then read borrowed): every JSON type, toJSON, undefined,
// NaN and Infinity, BigInt, typed arrays, arrays and array-likes over the limit, cycles and
// the depth limit, through validate, schedule and scheduleMany — each refusal's message and
// code written out below as the module gave them before the change (measured on 0e19fa2).
//
//   node tests/e2e/fast-validate.mjs      needs pkg/ built (make build); Node only
// Ends with "N passed, N failed".
import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { completeRecord } from '../../bench/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const outcome = (f) => {
  try {
    return { report: f() };
  } catch (e) {
    return { error: { message: e.message, code: e.code } };
  }
};

/** A record for a failure's message (JSON.stringify throws on a BigInt, a throwing toJSON). */
const shown = (record) => {
  try {
    return JSON.stringify(record)?.slice(0, 300);
  } catch {
    return `(${typeof record} that JSON.stringify refuses)`;
  }
};

const SPACES = [' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\u0085', '\ufeff', '\u200b', ' \u2028 '];
const ODD = [null, true, 0, 1.5, '', '   ', 'text', [], ['x'], [''], [[]], {}, { a: 1 }, [{}], [null]];
const ODD_ROWS = [
  [], [null], [''], ['row'], [[]], [[['x']]], [{}], [{ action: '', who: ' ', when: '' }],
  [{ action: 'Visit', who: 'A. Worker', when: '2026-03-09' }],
  [{ action: { a: 1 }, who: [1], when: { d: 1 } }], [{ name: [], dob: true }],
  [{ name: 'A child', dob: '2020-01-01' }, { name: ' ', dob: '' }],
  [{ action: '\u0085', who: '\ufeff', when: '2026-03-09' }], [{ extra: 'x' }], [{ extra: '  ' }],
];

async function main() {
  for (const entry of ['', 'widget/', 'authoring/', 'base/', 'form/', 'widget/base/', 'widget/form/']) {
    const dir = path.join(ROOT, 'pkg', entry);
    const glue = await import(pathToFileURL(path.join(dir, 'supervision_rules.js')).href);
    const pkg = await import(pathToFileURL(path.join(dir, 'index.js')).href);
    // index.js also fills in a `today` not given (the local date; js/edge.js, bundled into
    // index.js): so does the raw call.
    const { withDefaultToday } = await import(pathToFileURL(path.join(ROOT, 'js', 'edge.js')).href);
    glue.initSync({ module: readFileSync(path.join(dir, 'supervision_rules_bg.wasm')) });
    if (['base/', 'form/', 'widget/base/', 'widget/form/'].includes(entry)) {
      // No built-in policies: the five policy modules, loaded as a page would load one.
      const all = await import(pathToFileURL(path.join(ROOT, 'pkg', 'policies', 'all.js')).href);
      for (const compiled of all.default) pkg.loadPolicy(compiled);
    }
    const same = (p, t, record, options) => {
      const fast = outcome(() => pkg.validate(p, t, record, options));
      const raw = outcome(() => glue.validate(p, t, record, withDefaultToday(options)));
      assert.deepEqual(fast, raw, `${p}/${t} ${JSON.stringify(options)}: ${shown(record)}`);
    };
    const name = entry ? `supervision-rules/${entry.slice(0, -1)}` : 'supervision-rules';
    test(`${name}: exports the glue's functions and the same validate`, () => {
      for (const k of Object.keys(glue)) assert.ok(k in pkg, `index.js lacks ${k}`);
      assert.equal(typeof pkg.default, 'function');
      assert.notEqual(pkg.validate, glue.validate);
    });
    const templates = glue.policies().flatMap((p) => glue.policy(p.id).templates.map((t) => [p.id, t]));
    test(`${name}: every template, both modes: complete, empty, half-filled, every field every type`, () => {
      for (const [p, t] of templates) {
        const complete = completeRecord(t);
        const fields = t.sections.flatMap((s) => s.fields);
        for (const mode of ['final', 'draft']) {
          const o = { mode, today: '2026-03-09' };
          same(p, t.id, complete, o);
          same(p, t.id, {}, o);
          same(p, t.id, Object.fromEntries(Object.entries(complete).filter((_, i) => i % 2)), o);
          for (const f of fields) {
            for (const v of [...ODD, ...SPACES, ...SPACES.map((s) => `${s}x${s}`)]) same(p, t.id, { ...complete, [f.id]: v }, o);
            if (f.type === 'actions' || f.type === 'children') for (const rows of ODD_ROWS) same(p, t.id, { ...complete, [f.id]: rows }, o);
          }
        }
      }
    });
    test(`${name}: records read as JSON.stringify reads them (getters, toJSON, prototypes, extra keys)`, () => {
      const [p, t] = templates.find(([, t]) => t.id === 'case-supervision-record');
      const complete = completeRecord(t);
      const text = t.sections.flatMap((s) => s.fields).find((f) => f.type === 'text').id;
      const o = { mode: 'final', today: '2026-03-09' };
      same(p, t.id, { ...complete, extra: 'anything', nested: { deep: [1, 2] } }, o);
      same(p, t.id, { ...complete, toJSON: () => ({}) }, o);
      same(p, t.id, Object.assign(Object.create({ [text]: 'inherited' }), { date: complete.date }), o);
      const hidden = { ...complete };
      Object.defineProperty(hidden, text, { value: 'not enumerable', enumerable: false });
      same(p, t.id, hidden, o);
      const getter = { ...complete };
      delete getter[text];
      Object.defineProperty(getter, text, { get: () => '  ', enumerable: true });
      same(p, t.id, getter, o);
      same(p, t.id, { ...complete, [text]: new Date(0) }, o);
      same(p, t.id, { ...complete, [text]: undefined }, o);
      same(p, t.id, Object.assign(Object.create(null), complete), o);
      same(p, t.id, [], o);
      same(p, t.id, null, o);
      same(p, t.id, 'record', o);
      same('no-such-policy', t.id, complete, o);
      same(p, 'no-such-template', complete, o);
      same(p, t.id, complete, { mode: 'final', role: 'no-such-role' });
    });
    test(`${name}: the module's reading: every refusal's message and code as before`, () => {
      const [p, t] = templates.find(([, t]) => t.id === 'case-supervision-record');
      const complete = completeRecord(t);
      const fields = t.sections.flatMap((s) => s.fields);
      const text = fields.find((f) => f.type === 'text').id;
      const o = { mode: 'final', today: '2026-03-09' };
      const bad = (message) => ({ error: { message, code: 'bad-argument' } });
      const deep = (n) => { let v = 'x'; for (let i = 0; i < n; i++) v = [v]; return v; };
      const cycle = {}; cycle.self = cycle;
      const cases = [
        [{ ...complete, date: NaN }, bad('record.date: expected a finite number (NaN and Infinity are not numbers)')],
        [{ ...complete, date: -Infinity }, bad('record.date: expected a finite number (NaN and Infinity are not numbers)')],
        [{ ...complete, actions: [{ action: 'a', who: 'b', when: Infinity }] },
          bad('record.actions[0].when: expected a finite number (NaN and Infinity are not numbers)')],
        [{ ...complete, date: 10n }, bad('record: expected plain JSON-like data (objects, arrays, strings, numbers, booleans)')],
        [{ ...complete, date: new Uint8Array(4) }, bad('record.date: expected plain JSON-like data, not a typed array')],
        [{ ...complete, date: new Array(100001) }, bad('record.date: expected at most 100000 items in any one array in one call (the limit)')],
        [{ ...complete, date: { length: 1e9 } }, bad('record.date: expected at most 100000 items in any one array in one call (the limit)')],
        [{ ...complete, [text]: deep(40) }, bad('record: expected data nested at most 32 levels deep')],
        [{ ...complete, [text]: cycle }, bad('record: expected data nested at most 32 levels deep')],
        [{ ...complete, date: { toJSON: () => deep(40) } }, bad('record: expected data nested at most 32 levels deep')],
        [{ ...complete, date: '\ud800' }, bad('record: expected plain JSON-like data (objects, arrays, strings, numbers, booleans)')],
        [undefined, bad('record: expected an object keyed by field id')],
        [() => ({}), bad('record: expected an object keyed by field id')],
      ];
      for (const [record, expected] of cases) {
        assert.deepEqual(outcome(() => glue.validate(p, t.id, record, o)), expected, shown(record));
        same(p, t.id, record, o);
      }
      // A toJSON that throws: the module says the record is not data; the entry point, which
      // calls toJSON itself, lets the caller's own error through (as before).
      const throwing = { ...complete, date: { toJSON() { throw new Error('no'); } } };
      assert.deepEqual(outcome(() => glue.validate(p, t.id, throwing, o)),
        bad('record: expected plain JSON-like data (objects, arrays, strings, numbers, booleans)'));
      assert.deepEqual(outcome(() => pkg.validate(p, t.id, throwing, o)), { error: { message: 'no', code: undefined } });
      // Options are read the same way.
      assert.deepEqual(outcome(() => glue.validate(p, t.id, complete, { ...o, fte: NaN })),
        bad('options.fte: expected a finite number (NaN and Infinity are not numbers)'));
      assert.deepEqual(outcome(() => glue.validate(p, t.id, complete, { ...o, ignore: [1n] })),
        bad('options: expected plain JSON-like data (objects, arrays, strings, numbers, booleans)'));
      // What reads as before: every JSON type, toJSON, undefined, a Date, boxed primitives.
      for (const record of [
        { ...complete, date: undefined, [text]: undefined },
        { ...complete, date: new Date(Date.UTC(2026, 2, 2)) },
        { ...complete, date: { toJSON: () => '2026-03-02' } },
        { ...complete, date: new String('2026-03-02'), [text]: new Number(1) },
        { ...complete, actions: [{ action: 'a', who: 'b', when: '2026-03-09', extra: [null, true, 1.5, {}, ''] }] },
        { ...complete, date: 'caf\u00e9 \u{1F600} "quoted" \\ \n' },
        { toJSON: () => complete },
      ]) {
        const r = outcome(() => glue.validate(p, t.id, record, o));
        assert.ok(r.report, JSON.stringify(r));
        same(p, t.id, record, o);
      }
      assert.deepEqual(outcome(() => glue.validate(p, t.id, { ...complete, date: new Date(Date.UTC(2026, 2, 2)) }, o)).report.errors.map((e) => e.code), ['invalid-date']);
      assert.equal(outcome(() => glue.validate(p, t.id, { ...complete, date: { toJSON: () => '2026-03-02' } }, o)).report.valid, true);
      if (!glue.schedule) return;
      const worker = { id: 'w', role: 'social-worker', started: '2026-01-05', sessions: [{ date: '2026-01-12', type: 'one-to-one' }] };
      const at = { asOf: '2026-03-02' };
      const policyOf = 'havering';
      const ok = (f) => assert.ok(outcome(f).report, JSON.stringify(outcome(f)));
      ok(() => glue.schedule(policyOf, worker, at));
      ok(() => glue.scheduleMany(policyOf, [worker, { ...worker, id: 'v', probation: undefined }], { ...at, breaches: 'none' }));
      for (const [f, expected] of [
        [() => glue.schedule(policyOf, { ...worker, sessions: [{ date: '2026-01-12', type: 'one-to-one', x: NaN }] }, at),
          bad('worker.sessions[0].x: expected a finite number (NaN and Infinity are not numbers)')],
        [() => glue.schedule(policyOf, { ...worker, sessions: [{ date: 20260112, type: 'one-to-one' }] }, at),
          bad('worker.sessions[0].date: expected a date string as YYYY-MM-DD')],
        [() => glue.schedule(policyOf, { ...worker, hours: 'most' }, at),
          bad('worker.hours: expected one of "full-time" or "part-time"')],
        [() => glue.schedule(policyOf, worker, { asOf: '2026-03-02', dueSoonDays: Infinity }),
          bad('options.dueSoonDays: expected a finite number (NaN and Infinity are not numbers)')],
        [() => glue.scheduleMany(policyOf, [worker, { ...worker, id: 'v', started: NaN }], at),
          bad('workers[1].started: expected a finite number (NaN and Infinity are not numbers)')],
        [() => glue.scheduleMany(policyOf, [worker, { ...worker, id: 'v', started: 3 }], at),
          bad('workers[1].started: expected a date string as YYYY-MM-DD')],
        [() => glue.scheduleMany(policyOf, { length: 1e9 }, at),
          bad('workers: expected at most 100000 items in any one array in one call (the limit)')],
        [() => glue.scheduleMany(policyOf, {}, at), bad('workers: expected an array of workers')],
        [() => glue.scheduleMany(policyOf, [{ ...worker, ['a\u0001b'.repeat(40)]: NaN }], at),
          bad(`workers[0].${'ab'.repeat(32)}: expected a finite number (NaN and Infinity are not numbers)`)],
      ]) assert.deepEqual(outcome(f), expected);
    });
    await test(`${name}: the one-crossing encoding (stop 28): numbers, strings, keys, odd values, depth, options`, async () => {
      // index.js writes the reduced record in its own encoding (js/fast-validate.js,
      // `encodeCall`) when it can and the slow way otherwise: the same report either way.
      // Compared with fast-validate.js over a glue without the encoded call (the reduced
      // record written by JSON.stringify, as before stop 28), and with the whole record.
      const { fastValidate } = await import(pathToFileURL(path.join(ROOT, 'js', 'fast-validate.js')).href);
      const slow = fastValidate({ validate: glue.validate, template: glue.template });
      const same = (p, t, record, options) => {
        const fast = outcome(() => pkg.validate(p, t, record, options));
        const before = outcome(() => slow.validate(p, t, record, withDefaultToday(options)));
        assert.deepEqual(fast, before, `${p}/${t} ${JSON.stringify(options)}: ${shown(record)}`);
      };
      const [p, t] = templates.find(([, t]) => t.id === 'case-supervision-record');
      const complete = completeRecord(t);
      const fields = t.sections.flatMap((s) => s.fields);
      const text = fields.find((f) => f.type === 'text').id;
      const keep = fields.find((f) => f.type === 'date').id;
      const table = fields.find((f) => f.type === 'actions' || f.type === 'children');
      const o = { mode: 'final', today: '2026-03-09' };
      const deep = (n) => { let v = 'x'; for (let i = 0; i < n; i++) v = [v]; return v; };
      const deepObject = (n) => { let v = ' '; for (let i = 0; i < n; i++) v = { k: v }; return v; };
      class Thing { constructor() { this.a = 1; } }
      const NUMBERS = [0, -0, 1, -1, 7, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 60), 1e21,
        1.5, -1.5e-7, 0.1 + 0.2, 5e-324, Number.MAX_VALUE, 123456789012345680000, 10.000000000000002];
      const STRINGS = ['', ' ', 'x', '2026-03-02', 'caf\u00e9', '\u{1F600}', '\ud800', 'a\udc00b', '\udbff\udfff',
        '\u0000', '\u2028', '"\\', 'x'.repeat(5000), '\u00e9'.repeat(3000)];
      const VALUES = [...NUMBERS, ...STRINGS, true, false, null, undefined, () => 1, Symbol('s'),
        [, 1], [undefined, null], [() => 1, Symbol('s')], { a: undefined, b: () => 1 }, { '\u00e9': 1, '': 2 },
        { '\ud800': 1 }, Object.assign(Object.create(null), { a: ' ', b: 'x' }), new Thing(), new Map([[1, 2]]),
        [new Number(3), new String(' '), new Boolean(false)], { length: 5 }, { length: 100001 }, { length: 'long' },
        [new Date(0)], { d: { toJSON: () => 'x' } }, { toJSON: 3 }, new Array(100000).fill(0),
        deep(28), deep(29), deep(30), deep(31), deep(32), deepObject(29), deepObject(30), deepObject(31)];
      for (const v of VALUES) {
        same(p, t.id, { ...complete, [text]: v }, o);
        same(p, t.id, { ...complete, [keep]: v }, o);
        same(p, t.id, { ...complete, [table.id]: [v] }, o);
        same(p, t.id, { ...complete, [table.id]: [{ when: v, dob: v, who: v, action: v, name: v, other: v }] }, o);
        same(p, t.id, { ...complete, [table.id]: v }, o);
        same(p, t.id, { ...complete, [`extra${String(typeof v)}`]: v }, o);
      }
      same(p, t.id, Object.assign(Object.create(null), complete, { [text]: '\ud800' }), o);
      same(p, t.id, new (class Record { constructor() { Object.assign(this, complete); } })(), o);
      // The options, every way they are given.
      for (const options of [undefined, null, 'final', [], {}, { mode: 'draft', today: '2026-03-09' },
        { mode: 'final', today: null }, { ...o, role: 'social-worker', ignore: [keep] }, { ...o, ignore: ['nope'] },
        { ...o, role: 'x'.repeat(2000) }, { ...o, fte: 0.5 }, { ...o, today: new Date(0) }, { ...o, extra: [, 1] },
        { ...o, today: '\ud800' }, { ...o, mode: 7 }, Object.assign(Object.create(null), o),
        { toJSON: () => o }, { ...o, fte: NaN }]) {
        same(p, t.id, complete, options);
        same(p, t.id, { ...complete, [text]: ' ' }, options);
      }
      // Ids given as something other than strings, after the same ids as strings.
      same(p, t.id, complete, o);
      same(new String(p), t.id, complete, o);
      same(p, { toString: () => t.id }, complete, o);
      // A getter that validates again while the record is being written.
      const reentrant = { ...complete };
      Object.defineProperty(reentrant, text, {
        enumerable: true,
        get: () => (pkg.validate(p, t.id, { ...complete, [keep]: 'not a date' }, o).valid ? 'x' : ' '),
      });
      same(p, t.id, reentrant, o);
      // scheduleMany crosses the same way: the same schedules or the same error.
      if (glue.scheduleMany) {
        const { baseWorker, caseload } = await import(pathToFileURL(path.join(ROOT, 'bench', 'fixtures.mjs')).href);
        const team = caseload(baseWorker(), 40);
        const w = team[0];
        const at = { asOf: '2026-11-02' };
        const lists = [team, [], [w], [{ ...w, hours: 'part-time', fte: 0.6 }], [{ ...w, started: new Date(0) }],
          [{ ...w, started: NaN }], [{ ...w, sessions: [...w.sessions, undefined] }], [{ ...w, extra: [, 1.5, -0, 1e21] }],
          [{ ...w, id: '\ud800' }], [{ ...w, id: 'caf\u00e9' }], [{ ...w, role: 'no-such-role' }], [null], ['w'], [[w]],
          [Object.assign(Object.create(null), w)], [new (class W { constructor() { Object.assign(this, w); } })()],
          [{ ...w, cases: deep(33) }], new Array(20001).fill(w), { length: 1 }, 'workers', undefined];
        for (const [policy, options] of [['havering', at], ['havering', { ...at, breaches: 'none' }],
          ['ne-lincolnshire', { ...at, breaches: 'runs' }], ['no-such-policy', at], ['x'.repeat(1001), at],
          [new String('havering'), at], ['havering', undefined], ['havering', { ...at, dueSoonDays: NaN }],
          ['havering', { ...at, asOf: new Date(0) }], ['havering', 'soon']]) {
          for (const list of lists) {
            const fast = outcome(() => pkg.scheduleMany(policy, list, options));
            const raw = outcome(() => glue.scheduleMany(policy, list, options));
            assert.deepEqual(fast, raw, `scheduleMany ${String(policy).slice(0, 20)} ${JSON.stringify(options)}: ${shown(list)}`);
          }
        }
      }
      // Object.prototype.toJSON, set for a moment: every object goes the slow way.
      Object.prototype.toJSON = function toJSON() { return 'x'; };
      try {
        same(p, t.id, { ...complete, [text]: { a: 1 } }, o);
      } finally {
        delete Object.prototype.toJSON;
      }
    });
    test(`${name}: the fuzz corpus's validate inputs`, () => {
      const dir = path.join(ROOT, 'tests/corpus');
      let n = 0;
      for (const file of readdirSync(dir).filter((f) => f.startsWith('validate-'))) {
        const c = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
        const pairs = c.policy ? [[c.policy, c.template ?? 'case-supervision-record']] : templates.map(([p, t]) => [p, t.id]);
        for (const [p, t] of pairs) {
          same(p, t, c.input, c.options ?? { mode: 'final', today: '2026-03-09' });
          n++;
        }
      }
      assert.ok(n > 100, `only ${n} corpus cases`);
    });
  }
  {
    const dir = path.join(ROOT, 'pkg/authoring');
    const a = await import(pathToFileURL(path.join(dir, 'index.js')).href);
    test('authoring: a policy registered again under its id is validated with its new template', () => {
      const base = a.policy('havering');
      const t = base.templates.find((x) => x.id === 'case-supervision-record');
      const text = t.sections.flatMap((s) => s.fields).find((f) => f.type === 'text');
      const record = { ...completeRecord(t) };
      const mine = { ...base, id: 'havering-again', title: 'test' };
      a.registerPolicy(mine);
      const before = a.validate('havering-again', t.id, record, { mode: 'final', today: '2026-03-09' });
      // Registered again with the text field now a date: its text must no longer be reduced.
      const changed = structuredClone(mine);
      for (const s of changed.templates.find((x) => x.id === t.id).sections) {
        for (const f of s.fields) if (f.id === text.id) f.type = 'date';
      }
      a.registerPolicy({ ...changed, replaces: 'havering-again' }); // replacing is explicit (issue 14)
      const after = a.validate('havering-again', t.id, record, { mode: 'final', today: '2026-03-09' });
      assert.ok(!before.errors.some((e) => e.path === text.id));
      assert.ok(after.errors.some((e) => e.path === text.id && e.code === 'invalid-date'), JSON.stringify(after.errors));
    });
  }
  finish();
}
main();
