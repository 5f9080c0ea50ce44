// Node benchmarks of the package through its JS API, in one process:
//
//   - validate: records per second, side by side with Ajv validating the same records
//     against each template's exported JSON Schema (`jsonSchema(policyId, templateId)`);
//   - schedule / scheduleMany: one worker, a team of 500, and 10,000 children;
//   - start-up: compiling and instantiating the .wasm, and the first calls.
//
//   node bench/node.mjs [--pkg DIR] [--quick] [--json FILE]
//
// DIR is a wasm-pack `--target web` build (default: pkg/), loaded with initSync — the same
// .wasm and glue a page loads. Ajv (ajv@8 + ajv-formats@3) is a dev dependency; without it
// the comparison columns say so. Inputs: bench/fixtures (see bench/fixtures.mjs).

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rate, once, table, fmt, machine, loadPackage, completeRecord } from './lib.mjs';
import { readJson, shiftedWorker, team, caseload, AS_OF, SCHEDULE_POLICY } from './fixtures.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const QUICK = args.includes('--quick');
const PKG = opt('--pkg', join(ROOT, 'pkg'));
const JSON_OUT = opt('--json', null);
const R = QUICK ? { ms: 150, rounds: 3 } : { ms: 400, rounds: 5 };
const RUNS = QUICK ? 3 : 7;

const results = { machine: machine(), date: new Date().toISOString(), pkg: PKG };
const out = (s = '') => console.log(s);

// --- start-up -------------------------------------------------------------------------
const t0 = performance.now();
const { api, glue, compileMs, instantiateMs } = await loadPackage(PKG);
const recordText = JSON.stringify(readJson('havering-case-record.json'));
const record = JSON.parse(recordText);
const today = AS_OF;
const FINAL = { mode: 'final', today };
let t = performance.now();
const first = api.validate('havering', 'case-supervision-record', record, FINAL);
const firstValidateMs = performance.now() - t;
if (!first.valid) throw new Error(`the fixture should be a finished record: ${JSON.stringify(first.errors)}`);
t = performance.now();
api.validate('havering', 'case-supervision-record', record, FINAL);
const secondValidateMs = performance.now() - t;
results.startup = { compileMs, instantiateMs, firstValidateMs, secondValidateMs, totalMs: performance.now() - t0 };

const { cpu, cores, node } = results.machine;
out(`# supervision-rules in Node (${node}, ${cpu}, ${cores} cores)${QUICK ? ' — quick run' : ''}`);
out();
out('## Start-up (one process, the web build loaded with initSync)');
out();
out(table(['step', 'ms'], [
  ['compile the .wasm (new WebAssembly.Module)', fmt.ms(compileMs)],
  ['instantiate (initSync)', fmt.ms(instantiateMs)],
  ['first validate (parses the Havering policy: a built-in is parsed on first use)', fmt.ms(firstValidateMs)],
  ['second validate', fmt.ms(secondValidateMs)],
]));
out();

// --- Ajv ------------------------------------------------------------------------------
let Ajv2020 = null;
let addFormats = null;
try {
  const require = createRequire(join(ROOT, 'package.json'));
  Ajv2020 = require('ajv/dist/2020').default;
  addFormats = require('ajv-formats').default ?? require('ajv-formats');
} catch {
  out('Ajv not installed (npm install ajv@8 ajv-formats@3): comparison columns left empty.');
  out();
}
const EXTENSIONS = ['x-policy', 'x-template', 'x-session-date', 'x-required-final', 'x-sections', 'x-field-type'];
let ajv = null;
if (Ajv2020) {
  ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ['date']);
  ajv.addVocabulary(EXTENSIONS);
}
// jsonSchema is in the authoring entry point (pkg/authoring), which form builders use; the
// form page itself (validate) loads only the core.
const authoring = (await loadPackage(join(PKG, 'authoring'))).api;
const schemaOf = (policyId, templateId) => authoring.jsonSchema(policyId, templateId);

// --- validate: the Havering case record ---------------------------------------------------
out('## validate — the Havering Case Supervision Record (final mode, a finished record)');
out();
const vHav = rate(() => api.validate('havering', 'case-supervision-record', record, FINAL), R);
// A record as a form sends it while it is being filled in: a draft, half the sections empty.
const draftRecord = { ...record, focus: '', nonNegotiables: '', actions: [record.actions[0], { action: 'Visit' }], supervisorSignature: '' };
const DRAFT = { mode: 'draft', today };
const draftReport = api.validate('havering', 'case-supervision-record', draftRecord, DRAFT);
const vDraft = rate(() => api.validate('havering', 'case-supervision-record', draftRecord, DRAFT), R);
// Worst case: nothing filled in, every required field a finding.
const vEmpty = rate(() => api.validate('havering', 'case-supervision-record', {}, FINAL), R);
// The same finished record with every text cut to 20 characters: how much of the time is
// moving the record's text into wasm.
const cut = (v) => (typeof v === 'string' ? v.slice(0, 20) : Array.isArray(v) ? v.map(cut)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, /^\d{4}-/.test(x) ? x : cut(x)])) : v);
const shortRecord = cut(record);
if (!api.validate('havering', 'case-supervision-record', shortRecord, FINAL).valid) throw new Error('short record invalid');
const vShort = rate(() => api.validate('havering', 'case-supervision-record', shortRecord, FINAL), R);
// The glue's own validate(): the whole record, free text and all, crosses into wasm (the
// package before issue 11).
const vGlue = rate(() => glue.validate('havering', 'case-supervision-record', record, FINAL), R);
let ajvHav = null;
let ajvCompileMs = null;
if (ajv) {
  const schema = schemaOf('havering', 'case-supervision-record');
  const c0 = performance.now();
  const check = ajv.compile(schema);
  ajvCompileMs = performance.now() - c0;
  if (!check(record)) throw new Error(`ajv rejects the fixture: ${JSON.stringify(check.errors)}`);
  ajvHav = rate(() => check(record), R);
}
let ajvShort = null;
if (ajv) {
  const check = ajv.compile(schemaOf('havering', 'case-supervision-record'));
  ajvShort = rate(() => check(shortRecord), R);
}
results.validateHavering = { finished: vHav, glue: vGlue, draft: vDraft, empty: vEmpty, short: vShort, ajv: ajvHav, ajvShort, ajvCompileMs, draftFindings: draftReport.warnings.length };
out(table(['input', 'supervision-rules validate', 'per call', 'Ajv (structure only)', 'per call', 'Ajv ÷ validate'], [
  ['finished record (3 children, 4 actions, ~3 KB of text)', `${fmt.int(vHav.perSec)}/s`, `${fmt.us(vHav.us)} µs`,
    ajvHav ? `${fmt.int(ajvHav.perSec)}/s` : '—', ajvHav ? `${fmt.us(ajvHav.us)} µs` : '—',
    ajvHav ? fmt.x(ajvHav.perSec / vHav.perSec) : '—'],
  ['the same through the glue (the whole record crosses)', `${fmt.int(vGlue.perSec)}/s`, `${fmt.us(vGlue.us)} µs`,
    ajvHav ? `${fmt.int(ajvHav.perSec)}/s` : '—', ajvHav ? `${fmt.us(ajvHav.us)} µs` : '—',
    ajvHav ? fmt.x(ajvHav.perSec / vGlue.perSec) : '—'],
  ['the same with every text cut to 20 characters', `${fmt.int(vShort.perSec)}/s`, `${fmt.us(vShort.us)} µs`,
    ajvShort ? `${fmt.int(ajvShort.perSec)}/s` : '—', ajvShort ? `${fmt.us(ajvShort.us)} µs` : '—',
    ajvShort ? fmt.x(ajvShort.perSec / vShort.perSec) : '—'],
  [`draft being typed (${draftReport.warnings.length} findings)`, `${fmt.int(vDraft.perSec)}/s`, `${fmt.us(vDraft.us)} µs`, '', '', ''],
  ['empty record (every required field a finding)', `${fmt.int(vEmpty.perSec)}/s`, `${fmt.us(vEmpty.us)} µs`, '', '', ''],
]));
out();
out('Ajv checks only the structural part the JSON Schema can say (keys, types, formats, required');
out('fields); `validate` also checks the template rules (dates in the future or the wrong way round,');
out('action dates against the session, cadence, session length), and writes a GOV.UK-style message');
out('for each finding. Target: ≥ 100,000 records/s for the finished Havering case record.');
out();

// --- validate vs Ajv: every template ------------------------------------------------------
out('## validate vs Ajv — every built-in template, a complete record of each');
out();
const rows = [];
const perTemplate = [];
let ajvCompileAll = 0;
const TODAY_ALL = { mode: 'final', today: '2026-12-31' };
for (const p of api.policies()) {
  for (const tmpl of api.policy(p.id).templates) {
    const rec = completeRecord(api.template(p.id, tmpl.id));
    const report = api.validate(p.id, tmpl.id, rec, TODAY_ALL);
    const v = rate(() => api.validate(p.id, tmpl.id, rec, TODAY_ALL), { ms: R.ms / 2, rounds: R.rounds });
    let a = null;
    let ok = '';
    if (ajv) {
      const c0 = performance.now();
      const check = ajv.compile(schemaOf(p.id, tmpl.id));
      ajvCompileAll += performance.now() - c0;
      ok = check(rec) ? 'yes' : 'no';
      a = rate(() => check(rec), { ms: R.ms / 2, rounds: R.rounds });
    }
    const fields = tmpl.sections.reduce((n, s) => n + s.fields.length, 0);
    perTemplate.push({ policy: p.id, template: tmpl.id, fields, validate: v.perSec, ajv: a?.perSec ?? null });
    rows.push([`${p.id} / ${tmpl.id}`, fields, report.valid ? 'yes' : 'no', ok || '—', `${fmt.int(v.perSec)}/s`,
      a ? `${fmt.int(a.perSec)}/s` : '—', a ? fmt.x(a.perSec / v.perSec) : '—']);
  }
}
results.perTemplate = perTemplate;
results.ajvCompileAllMs = ajvCompileAll;
out(table(['template', 'fields', 'valid?', 'Ajv valid?', 'validate', 'Ajv (structure only)', 'Ajv ÷ validate'], rows));
out();
if (ajv) {
  out(`Ajv compiled the ${perTemplate.length} schemas in ${fmt.ms(ajvCompileAll)} ms (once per page); supervision-rules needs no`);
  out('compile step (a built-in policy is parsed once, on its first use: see start-up).');
  out();
}

// --- schedule -------------------------------------------------------------------------------
out(`## schedule — ${SCHEDULE_POLICY}, asOf ${AS_OF}`);
out();
const base = readJson('worker.json');
const OPTS = { asOf: AS_OF };
const one = api.schedule(SCHEDULE_POLICY, base, OPTS);
const sOne = rate(() => api.schedule(SCHEDULE_POLICY, base, OPTS), R);
const teamWorkers = team(base, 500);
const sTeamMany = once(() => api.scheduleMany(SCHEDULE_POLICY, teamWorkers, OPTS), { runs: RUNS });
const kids = caseload(base, 10_000);
const nKids = kids.reduce((n, w) => n + w.cases.length, 0);
const many = api.scheduleMany(SCHEDULE_POLICY, kids, OPTS);
const nObl = many.reduce((n, s) => n + s.obligations.length, 0);
const nBr = many.reduce((n, s) => n + s.breaches.length, 0);
const sKidsMany = once(() => api.scheduleMany(SCHEDULE_POLICY, kids, OPTS), { runs: RUNS });
const sKidsEach = once(() => kids.map((w) => api.schedule(SCHEDULE_POLICY, w, OPTS)), { runs: RUNS });
// What a dashboard asks for: due dates only (options.breaches: 'none', issue 11).
const DUE_ONLY = { ...OPTS, breaches: 'none' };
const sKidsDue = once(() => api.scheduleMany(SCHEDULE_POLICY, kids, DUE_ONLY), { runs: RUNS });
const sTeamDue = once(() => api.scheduleMany(SCHEDULE_POLICY, teamWorkers, DUE_ONLY), { runs: RUNS });
// Floors that no design of the boundary avoids: writing the input as JSON, and making the
// result's objects in JS (JSON.parse of the result's text).
const outText = JSON.stringify(many);
const inStringify = once(() => JSON.stringify(kids), { runs: RUNS });
const outParse = once(() => JSON.parse(outText), { runs: RUNS });
results.schedule = {
  oneWorker: { ...sOne, obligations: one.obligations.length, breaches: one.breaches.length },
  team500Many: sTeamMany,
  team500DueOnly: sTeamDue,
  children10000: { workers: kids.length, children: nKids, obligations: nObl, breaches: nBr, many: sKidsMany, each: sKidsEach, dueOnly: sKidsDue,
    inputBytes: JSON.stringify(kids).length, outputBytes: outText.length, inStringify, outParse },
};
out(table(['input', 'call', 'time', 'throughput'], [
  [`one worker: 2 years, ${base.sessions.length} sessions, 30 children → ${one.obligations.length} obligations, ${one.breaches.length} breaches`,
    'schedule', `${fmt.us(sOne.us)} µs`, `${fmt.int(sOne.perSec)} workers/s`],
  ['team of 500 such workers', 'scheduleMany', `${fmt.ms(sTeamMany.ms)} ms`, `${fmt.int(500 / (sTeamMany.ms / 1000))} workers/s`],
  [`${fmt.int(nKids)} children (${kids.length} workers) → ${fmt.int(nObl)} obligations, ${fmt.int(nBr)} breaches`,
    'scheduleMany', `${fmt.ms(sKidsMany.ms)} ms`, `${fmt.int(nKids / (sKidsMany.ms / 1000))} children/s`],
  [`the same, one call per worker`, 'schedule ×' + kids.length, `${fmt.ms(sKidsEach.ms)} ms`, `${fmt.int(nKids / (sKidsEach.ms / 1000))} children/s`],
  [`the same, due dates only (\`breaches: 'none'\`) → ${fmt.int(nObl)} obligations`, 'scheduleMany', `${fmt.ms(sKidsDue.ms)} ms`, `${fmt.int(nKids / (sKidsDue.ms / 1000))} children/s`],
  ['team of 500, due dates only', 'scheduleMany', `${fmt.ms(sTeamDue.ms)} ms`, `${fmt.int(500 / (sTeamDue.ms / 1000))} workers/s`],
]));
out();
out(`For the 10,000 children, the input is ${(JSON.stringify(kids).length / 1e6).toFixed(1)} MB as JSON and the result ${(outText.length / 1e6).toFixed(1)} MB; in plain JS,`);
out(`JSON.stringify of the input takes ${fmt.ms(inStringify.ms)} ms and JSON.parse of the result ${fmt.ms(outParse.ms)} ms (making its ${fmt.int(nObl + nBr + kids.length)} objects).`);
out('Times are medians of several runs (one warm-up). Target: 10,000 children in under 100 ms.');
out();

if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 1)}\n`);
