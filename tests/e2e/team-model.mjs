#!/usr/bin/env node
// The team page's model (js/team.js, the package's supervision-rules/team) in Node,
// without a browser or wasm: CSV and JSON read into rows with their line numbers, the
// columns mapped, dates as UK exports write them, bad rows listed by line and never quoted,
// and open actions grouped by worker and by child.
//
// Ends with "N passed, N failed"; exits 1 when anything failed.

import assert from 'node:assert/strict';
import { test, finish, failed, cannotRun } from './runner.mjs';
import Papa from 'papaparse';
import {
  parseText, parseDay, guessMapping, unmapped, readRows, buildService, openActions, groupActions,
  overdueCsv, runRows, runsCsv, viewRows, readingsCsv,
} from '../../js/team.js';

const ROLES = [{ id: 'social-worker', label: 'Social worker' }, { id: 'senior-practitioner', label: 'Senior practitioner' }];
const parse = (text, options) => parseText(text, Papa, options);

await test('parseDay: UK day first, ISO, separators, 2-digit years, Excel times', () => {
  assert.equal(parseDay('02/06/2026'), '2026-06-02');
  assert.equal(parseDay('2/6/2026'), '2026-06-02');
  assert.equal(parseDay('02-06-2026'), '2026-06-02');
  assert.equal(parseDay('02.06.26'), '2026-06-02');
  assert.equal(parseDay(' 2026-06-02 '), '2026-06-02');
  assert.equal(parseDay('2026-06-02T10:00:00Z'), '2026-06-02');
  assert.equal(parseDay('02/06/2026 09:30'), '2026-06-02');
  assert.equal(parseDay('29/02/2024'), '2024-02-29');
  assert.equal(parseDay('13/01/2026'), '2026-01-13', 'never month first');
  for (const bad of ['29/02/2026', '31/04/2026', '01/13/2026', '00/01/2026', '2026-02-30', '2026/06/02', 'June 2, 2026', '', null, undefined, '02/06']) {
    assert.equal(parseDay(bad), null, String(bad));
  }
});

await test('CSV: BOM, quoted commas and line breaks, blank and trailing rows, line numbers', async () => {
  const text = '\uFEFFWorker,Team,Note\r\n' + // line 1
    'W1,"North, East",plain\r\n' + // 2
    '\r\n' + // 3: blank
    'W2,North,"two\r\nlines"\r\n' + // 4-5
    ',,\r\n' + // 6: blank cells
    'W3,"said ""hi""",x\r\n' + // 7
    '\r\n\r\n';
  const { headers, rows, error } = await parse(text);
  assert.equal(error, undefined);
  assert.deepEqual(headers, ['Worker', 'Team', 'Note'], 'the BOM is not part of the first header');
  assert.deepEqual(rows.map((r) => r.line), [2, 4, 7]);
  assert.deepEqual(rows[0].cells, ['W1', 'North, East', 'plain']);
  assert.equal(rows[1].cells[2], 'two\r\nlines');
  assert.equal(rows[2].cells[1], 'said "hi"');
});

await test('CSV in small chunks: the same rows and lines, with a pause between chunks', async () => {
  const lines = ['Worker,Note'];
  for (let i = 0; i < 200; i++) lines.push(i % 7 === 0 ? `W${i},"a\nb"` : `W${i},x`);
  const text = lines.join('\n') + '\n';
  let pauses = 0;
  const small = await parse(text, { chunkSize: 64, pause: () => { pauses++; } });
  const whole = await parse(text);
  assert.deepEqual(small, whole);
  assert.ok(pauses > 10, `${pauses} pauses`);
  assert.equal(whole.rows.length, 200);
  assert.equal(whole.rows[8].line, 12, 'W8 after the line breaks inside W0 and W7');
});

await test('empty files, headers only, JSON', async () => {
  assert.deepEqual(await parse(''), { error: 'The file is empty.' });
  assert.deepEqual(await parse('\uFEFF\r\n\r\n'), { error: 'The file is empty.' });
  assert.deepEqual(await parse('Worker,Role\r\n'), { headers: ['Worker', 'Role'], rows: [] });
  const json = await parse('\uFEFF[{"worker":"W1","role":"social-worker"},{"worker":"W2","team":null}]');
  assert.deepEqual(json.headers, ['worker', 'role', 'team']);
  assert.deepEqual(json.rows, [{ line: 1, cells: ['W1', 'social-worker', ''] }, { line: 2, cells: ['W2', '', ''] }]);
  const secret = '[{"child":"Jo Bloggs"'; // cut short
  const bad = await parse(secret);
  assert.match(bad.error, /not valid JSON/);
  assert.ok(!bad.error.includes('Jo'));
  assert.match((await parse('{"child":"Jo"}')).error, /array of objects/);
  assert.match((await parse('[["Jo"]]')).error, /array of objects/);
});

await test('column mapping: guessed from common names, what is left unmapped', () => {
  const m = guessMapping('sessions', ['Staff ID', 'Job Title', 'Team_Name', 'Session Date', 'Supervision type', 'Other']);
  assert.deepEqual(m, { worker: 'Staff ID', role: 'Job Title', team: 'Team_Name', date: 'Session Date', type: 'Supervision type' });
  assert.deepEqual(unmapped('sessions', m), []);
  assert.deepEqual(unmapped('sessions', { worker: 'Staff ID' }), ['Role', 'Session date', 'Session type']);
  // One header is never used for two fields.
  assert.deepEqual(guessMapping('actions', ['Due']), { due: 'Due' });
});

await test('bad rows listed with their line and why, never their values; the rest read', async () => {
  const text = 'Staff,Job,Held,Kind\r\n' +
    'W1,Social worker,02/06/2026,1:1\r\n' + // 2 ok (role by label)
    'W2,astronaut,02/06/2026,1:1\r\n' + // 3 unknown role
    'W3,social-worker,"31/02\r\n/2026",1:1\r\n' + // 4-5 not a date
    ',social-worker,01/06/2026,séance\r\n' + // 6 no worker, unknown type
    'W5,senior-practitioner,2026-05-01,\r\n'; // 7 no type
  const { headers, rows } = await parse(text);
  const mapping = { worker: 'Staff', role: 'Job', date: 'Held', type: 'Kind' };
  const { records, errors } = readRows('sessions', 'sessions.csv', headers, rows, mapping, ROLES);
  assert.deepEqual(records.map((r) => [r.worker, r.role, r.date, r.type, r.team]), [['W1', 'social-worker', '2026-06-02', 'one-to-one', 'No team']]);
  assert.deepEqual(errors.map((e) => [e.file, e.line]), [['sessions.csv', 3], ['sessions.csv', 4], ['sessions.csv', 6], ['sessions.csv', 7]]);
  assert.match(errors[0].reason, /Role is not one of this policy's roles/);
  assert.match(errors[1].reason, /Session date is not a date/);
  assert.match(errors[2].reason, /Worker is empty/);
  assert.match(errors[2].reason, /Session type is not one of/);
  assert.match(errors[3].reason, /Session type is empty/);
  const all = JSON.stringify(errors);
  for (const value of ['astronaut', '31/02', 'séance', 'W2', 'W3']) assert.ok(!all.includes(value), value);
});

await test('caseload: plans, RAG, dates; a worker not in the sessions file is listed by line', async () => {
  const caseload = await parse('Child,Worker,Allocated,Plan,Last discussed\r\nC1,W1,01/01/2026,CP,01/05/2026\r\nC2,W1,01/01/2026,amber,\r\nC3,W9,01/01/2026,CLA,\r\nC4,W1,01/01/2026,maybe,\r\nC1,W1,01/02/2026,CIN,\r\n');
  const mapping = guessMapping('caseload', caseload.headers);
  const out = readRows('caseload', 'caseload.csv', caseload.headers, caseload.rows, mapping, ROLES);
  assert.deepEqual(out.errors.map((e) => e.line), [5]);
  assert.deepEqual(out.records.map((r) => [r.child, r.plan, r.rag, r.discussed]),
    [['C1', 'child-protection', null, '2026-05-01'], ['C2', null, 'amber', null], ['C3', 'looked-after', null, null], ['C1', 'child-in-need', null, null]]);
  const sessions = [{ worker: 'W1', role: 'social-worker', team: 'North', started: null, date: '2026-01-02', type: 'one-to-one', recorded: null }];
  const lines = caseload.rows.filter((r) => r.line !== 5).map((r) => r.line);
  const service = buildService({ sessions, caseload: out.records }, lines);
  assert.deepEqual(service.errors.map((e) => [e.file, e.line]), [['caseload', 4], ['caseload', 6]]);
  assert.ok(service.errors.every((e) => !e.reason.includes('C3') && !e.reason.includes('W9')));
  assert.deepEqual(service.workers[0].cases.map((c) => c.id), ['C1', 'C2']);
  assert.equal(service.workers[0].started, '2026-01-01', 'started: the first date on the record');
});

await test('actions: open ones, overdue first, grouped by worker and by child', () => {
  const actions = [
    { action: 'a', worker: 'W1', child: 'C1', who: 'W', due: '2026-07-10', done: false },
    { action: 'b', worker: 'W1', child: '', who: 'W', due: '2026-06-01', done: false },
    { action: 'c', worker: 'W2', child: 'C1', who: 'W', due: '2026-06-10', done: false },
    { action: 'd', worker: 'W2', child: 'C2', who: 'W', due: '2026-05-01', done: true },
    { action: 'e', worker: 'W3', child: 'C3', who: 'W', due: '2026-08-01', done: false },
  ];
  const open = openActions(actions, '2026-06-30');
  assert.deepEqual(open.map((a) => [a.action, a.overdue]), [['b', true], ['c', true], ['a', false], ['e', false]]);
  const byWorker = groupActions(open, 'worker');
  assert.deepEqual(byWorker.map((g) => [g.key, g.actions.map((a) => a.action), g.overdue]), [['W1', ['b', 'a'], 1], ['W2', ['c'], 1], ['W3', ['e'], 0]]);
  const byChild = groupActions(open, 'child');
  assert.deepEqual(byChild.map((g) => [g.key, g.actions.map((a) => a.action), g.overdue]), [['C1', ['c', 'a'], 1], ['C3', ['e'], 0], ['', ['b'], 1]]);
});

await test('overdue CSV: every formula and separator defused (OWASP), ids and dates as they are', () => {
  const row = (id) => ({ id, team: 'North', what: 'supervision', due: '2026-06-01', status: 'overdue' });
  const ids = ['W1', '=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'x;=1+1', 'x,=1+1', 'x; -2', 'a;b', 'say "hi"'];
  const text = overdueCsv({ workers: ids.map(row), children: [], duties: [] });
  const lines = text.split('\r\n');
  assert.equal(lines[0], 'subject,id,worker,team,what,due');
  // Each id twice (id, worker), worked out by hand: a leading ' before a formula, quotes
  // around anything with a separator, a quote or a prefix; W1 and the dates untouched.
  const expected = ['W1', `"'=1+1"`, `"'+1"`, `"'-1"`, `"'@SUM(A1)"`, `"'\tx"`, `"'\rx"`, `"'x;=1+1"`,
    `"'x,=1+1"`, `"'x; -2"`, '"a;b"', '"say ""hi"""'];
  assert.equal(text, ['subject,id,worker,team,what,due',
    ...expected.map((c) => `worker,${c},${c},North,supervision,2026-06-01`)].join('\r\n') + '\r\n');
});

await test('runs: a row per breach repeated period after period (worker, child, team), longest first, and its CSV', () => {
  // Schedules as the core writes them with breaches: 'runs' (docs/finding-codes.md, Runs).
  const run = (path, rule, count, first, last) => ({ path, code: 'cadence-gap', rule, message: 'm', source: 's',
    severity: 'error', run: { first, last, count } });
  const service = { workers: [
    { id: 'W1', team: 'North', cases: [] },
    { id: 'W2', team: 'South', cases: [{ id: 'C-7' }, { id: 'C-8' }] },
  ] };
  const result = {
    schedules: [
      { breaches: [run('sessions[1]', 'personal-supervision', 6, '2026-01-05', '2026-06-22')] },
      // A breach without a run (from breaches: 'all') is not a row.
      { breaches: [{ ...run('cases[1].discussed', 'child-discussion', 2, '2025-12-15', '2026-03-20'), code: 'child-discussion-gap' },
        { path: 'sessions[0]', code: 'late-write-up', rule: 'write-up', message: 'm', source: 's', severity: 'error' }] },
    ],
    teams: [{ team: 'North', schedule: { obligations: [], breaches: [{ ...run('groupSessions[2]', 'group-supervision', 3, '2026-02-02', '2026-04-06'), code: 'group-supervision-gap' }] } }],
  };
  const rows = runRows(service, result);
  assert.deepEqual(rows.map((r) => [r.subject, r.id, r.worker, r.team, r.rule, r.count, r.first, r.last]), [
    ['worker', 'W1', 'W1', 'North', 'personal-supervision', 6, '2026-01-05', '2026-06-22'],
    ['team', 'North', '', 'North', 'group-supervision', 3, '2026-02-02', '2026-04-06'],
    ['child', 'C-8', 'W2', 'South', 'child-discussion', 2, '2025-12-15', '2026-03-20'],
  ]);
  assert.equal(runsCsv(rows), ['subject,id,worker,team,rule,code,times,first,last',
    'worker,W1,W1,North,personal-supervision,cadence-gap,6,2026-01-05,2026-06-22',
    'team,North,,North,group-supervision,group-supervision-gap,3,2026-02-02,2026-04-06',
    'child,C-8,W2,South,child-discussion,child-discussion-gap,2,2025-12-15,2026-03-20'].join('\r\n') + '\r\n');
  assert.equal(runsCsv([{ ...rows[0], id: '=1+1' }]).split('\r\n')[1].split(',')[1], `"'=1+1"`);
});

await test('readings (issue 22): a date resting on our reading is apart, never overdue, and has its own CSV', () => {
  // W1: supervision due 1 Mar (stated, ok); a rebooking by our reading overdue since 10 Feb.
  const service = { workers: [{ id: 'W1', team: 'North', role: 'social-worker', cases: [] }] };
  const ob = (kind, due, status, reading) => ({ kind, subject: 'W1', due, status, source: 's', reason: 'r', rule: kind, ...(reading ? { reading } : {}) });
  const result = {
    schedules: [{ obligations: [ob('supervision', '2026-03-01', 'ok'), ob('supervision', '2026-02-10', 'overdue', 'The clause sets no time; ours.')], breaches: [], advisories: [] }],
    teams: [{ team: 'North', schedule: { obligations: [{ kind: 'supervision-observation', subject: 'tm1', due: '2026-01-01', status: 'overdue', source: 's', reason: 'r', rule: 'sos', reading: 'Bi-annual, ours.' }], breaches: [] } }],
  };
  const view = viewRows(service, result);
  assert.equal(view.workers[0].status, 'ok', 'a reading never makes the worker overdue');
  assert.equal(view.workers[0].due, '2026-03-01');
  assert.equal(view.duties.length, 0, 'nor a team duty');
  assert.deepEqual(view.readings.map((r) => [r.subject, r.id, r.due, r.status]), [['worker', 'W1', '2026-02-10', 'overdue'], ['team', 'tm1', '2026-01-01', 'overdue']]);
  const csv = readingsCsv(view.readings).split('\r\n');
  assert.equal(csv[0], 'subject,id,worker,team,what,due,status,rule,our reading');
  assert.equal(csv[1], 'worker,W1,W1,North,supervision,2026-02-10,overdue,supervision,"The clause sets no time; ours."');
});

await test('JSON cells that are objects are read as their JSON; no message names a worker', async () => {
  const json = await parse('[{"worker":{"toString":1},"role":"social-worker"}]');
  assert.deepEqual(json.rows, [{ line: 1, cells: ['{"toString":1}', 'social-worker'] }]);
  const service = buildService({ sessions: [{ worker: 'SECRET-W', role: 'social-worker', team: 'T', started: null, date: null }] });
  assert.equal(service.errors.length, 1);
  assert.ok(!JSON.stringify(service.errors).includes('SECRET'), 'the worker id is not echoed');
});

finish('team model, in Node');
