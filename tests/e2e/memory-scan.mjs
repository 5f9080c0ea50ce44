#!/usr/bin/env node
// No record text in the module's memory (issue 25, SECURITY.md): after validate() through
// each wasm entry point, for a record of every shape JSON.stringify accepts — plain, a class
// instance, toJSON, an inherited prototype, a null prototype, text fields holding objects,
// arrays and boxed strings, rows of every shape, with an unknown policy or template id, with
// bad options — the whole of the module's linear memory is scanned for the marker put in that
// record's free text, and none is found: during the call, while the module holds the
// converted record (from a getter of the options, which the module reads after the record),
// and after it.
//
// The scan is shown to work first: the same marker sent through the glue's own validate
// (which converts the record as it is) is found during the call. (After a call it may not
// be: freed memory is reused.)
//
//   node tests/e2e/memory-scan.mjs      needs pkg/ built (make build); Node only
// Ends with "N passed, N failed".
import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');


const tryCall = (f) => {
  try {
    return f();
  } catch (e) {
    return e;
  }
};

/**
 * Each record shape, built around its own marker, in the template's own text fields (`t`:
 * two text field ids) and table fields (`a`: actions, `c`: children).
 */
const SHAPES = {
  plain: (m, { t, a, c }) => ({ date: '2026-03-02', [t[0]]: m, [t[1]]: m, [a]: [{ action: m, who: m, when: '2026-03-09' }], [c]: [{ name: m, dob: '2020-01-01' }], [`extra-${m}`]: m }),
  classInstance: (m, { t, a }) => {
    class Record { constructor() { this.date = '2026-03-02'; this[t[0]] = m; this[a] = [{ action: m }]; } describe() { return m; } }
    return new Record();
  },
  toJSON: (m, { t, a }) => ({ [t[0]]: 'ignored', toJSON: () => ({ date: '2026-03-02', [t[0]]: m, [a]: [{ action: m }] }) }),
  inherited: (m, { t }) => Object.assign(Object.create({ [t[0]]: m, inheritedOnly: m }), { date: '2026-03-02', [t[1]]: m }),
  nullPrototype: (m, { t }) => Object.assign(Object.create(null), { date: '2026-03-02', [t[0]]: m }),
  textAsObjects: (m, { t }) => ({ date: '2026-03-02', [t[0]]: { deep: [m, { deeper: m }] }, [t[1]]: new String(m) }),
  rowsOfEveryShape: (m, { a, c }) => ({
    date: '2026-03-02',
    [a]: [m, [m], { action: { text: m }, who: [m], when: '2026-03-09', note: m }, new (class Row { constructor() { this.action = m; } })()],
    [c]: [{ name: new String(m), dob: '2020-01-01' }, { toJSON: () => ({ name: m }) }],
  }),
  dateObjectsAndGetters: (m, { t }) => {
    const r = { date: new Date(Date.UTC(2026, 2, 2)) };
    Object.defineProperty(r, t[0], { get: () => m, enumerable: true });
    return r;
  },
};

/** The calls each shape is sent through (policy, template, options). */
const CALLS = {
  known: ['havering', 'case-supervision-record', { mode: 'final', today: '2026-03-09' }],
  unknownPolicy: ['no-such-policy', 'case-supervision-record', undefined],
  unknownTemplate: ['havering', 'no-such-template', undefined],
  badOptions: ['havering', 'case-supervision-record', { mode: 'maybe' }],
  badRole: ['havering', 'case-supervision-record', { role: 'no-such-role' }],
};

async function main() {
  for (const entry of ['', 'widget/', 'authoring/']) {
    const dir = path.join(ROOT, 'pkg', entry);
    const glue = await import(pathToFileURL(path.join(dir, 'supervision_rules.js')).href);
    const pkg = await import(pathToFileURL(path.join(dir, 'index.js')).href);
    // initSync returns the instance's exports, whose `memory` is the module's linear memory.
    const wasm = glue.initSync({ module: readFileSync(path.join(dir, 'supervision_rules_bg.wasm')) });
    const holds = (marker) => Buffer.from(wasm.memory.buffer).includes(Buffer.from(marker, 'utf8'));
    const name = entry ? `supervision-rules/${entry.slice(0, -1)}` : 'supervision-rules';
    const fields = glue.template('havering', 'case-supervision-record').sections.flatMap((x) => x.fields);
    const ids = {
      t: fields.filter((f) => ['text', 'person', 'signature'].includes(f.type)).map((f) => f.id),
      a: fields.find((f) => f.type === 'actions').id,
      c: fields.find((f) => f.type === 'children')?.id ?? 'children',
    };
    assert.ok(ids.t.length >= 2, 'two text fields');

    /** `options` with `mode` read through a getter that scans the memory mid-call. */
    const scanning = (options, marker, seen) => {
      const o = { ...(options ?? {}) };
      const mode = o.mode ?? 'final';
      delete o.mode;
      Object.defineProperty(o, 'mode', {
        enumerable: true,
        get: () => {
          seen.push(holds(marker));
          return mode;
        },
      });
      return o;
    };

    test(`${name}: the scan finds text the glue's own validate copied in, during the call`, () => {
      const marker = `CONTROL-${entry}-${Math.random().toString(36).slice(2)}`;
      assert.ok(!holds(marker));
      const seen = [];
      glue.validate('havering', 'case-supervision-record', { [ids.t[0]]: marker }, scanning(undefined, marker, seen));
      assert.ok(seen.length > 0 && seen.some(Boolean), `the scan sees the module memory (${seen})`);
    });

    for (const [shape, build] of Object.entries(SHAPES)) {
      test(`${name}: ${shape}: no record text in memory during or after validate, for every call`, () => {
        for (const [call, [policyId, templateId, options]] of Object.entries(CALLS)) {
          const marker = `MARK-${shape}-${call}-${Math.random().toString(36).slice(2)}`;
          const seen = [];
          const out = tryCall(() => pkg.validate(policyId, templateId, build(marker, ids), scanning(options, marker, seen)));
          assert.ok(!JSON.stringify(out instanceof Error ? { m: out.message } : out).includes(marker), `${call}: the answer repeats text`);
          assert.ok(!seen.some(Boolean), `${call}: the module's memory held the record's text during the call`);
          assert.ok(!holds(marker), `${call}: the module's memory holds the record's text`);
        }
      });
    }

    test(`${name}: hostile values in a text field are refused by the module, and it still answers`, () => {
      const deep = {};
      let d = deep;
      for (let i = 0; i < 10000; i++) d = d.a = {};
      const cycle = {};
      cycle.self = cycle;
      const hostile = { 'new Array(1e8)': new Array(1e8), '{length: 1e9}': { length: 1e9 }, deep, cycle, NaN: NaN, 'Uint8Array(1e7)': new Uint8Array(1e7) };
      for (const [what, v] of Object.entries(hostile)) {
        const e = tryCall(() => pkg.validate('havering', 'case-supervision-record', { [ids.t[0]]: v }));
        assert.ok(e instanceof Error && e.code === 'bad-argument', `${what}: ${e && e.message}`);
        assert.equal(pkg.addWorkingDays('2026-12-24', 2), '2026-12-30', `${what}: still answers`);
      }
    });

    test(`${name}: the reports are the module's own (a shape reduced gives the same report)`, () => {
      const plain = SHAPES.plain('some words', ids);
      const fast = pkg.validate('havering', 'case-supervision-record', plain, { mode: 'final', today: '2026-03-09' });
      const raw = glue.validate('havering', 'case-supervision-record', plain, { mode: 'final', today: '2026-03-09' });
      assert.deepEqual(fast, raw);
    });
  }
  finish();
}
main();
