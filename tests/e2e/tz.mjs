#!/usr/bin/env node
// Determinism across time zones and clocks (issue 8): the suite's schedule scenarios, run
// through the built package (pkg/, wasm-pack --target web) in child Node processes with
// TZ=UTC, Europe/London, America/Los_Angeles, Pacific/Kiritimati (UTC+14) and Asia/Kolkata
// (UTC+5:30), and once more with the clock moved to 2100. Every run must give the
// hand-worked dates of the Rust scenario tests (tests/scenarios_*.rs, cited per scenario),
// and every run's whole output (dates, statuses, reasons, breaches) must be identical.
//
//   node tests/e2e/tz.mjs              needs pkg/ built (make build); no browser, no network
//   TZ_PKG=/tmp/pkg node tests/e2e/tz.mjs   use another wasm-pack --target web output
//
// Ends with "N passed, N failed"; exits 1 when anything failed.

import { spawnSync } from 'node:child_process';
import { cannotRun } from './runner.mjs';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.resolve(process.env.TZ_PKG || path.join(ROOT, 'pkg'));
const SELF = fileURLToPath(import.meta.url);

/** The zones, with the offsets (getTimezoneOffset, minutes) Node must show in January and
 *  July 2026 when the zone really took effect. */
const ZONES = {
  'UTC': [0, 0],
  'Europe/London': [0, -60],
  'America/Los_Angeles': [480, 420],
  'Pacific/Kiritimati': [-840, -840],
  'Asia/Kolkata': [-330, -330],
};
/** The clock-moved run: 1 January 2100, 00:00 UTC. */
const FAKE_NOW = Date.UTC(2100, 0, 1);

// ---- the scenarios ----------------------------------------------------------------------
// Each: the policy, the worker, asOf, and per rule id the due dates worked out by hand (and,
// where the Rust test checks it, the status). Dates in the comments are 2026 unless said.

const one = (d) => ({ date: d, type: 'one-to-one', recorded: d });
const nqsw = (d) => ({ id: 'n', role: 'nqsw', started: '2026-01-05', asye: '2026-01-05',
  sessions: [{ date: d, type: 'one-to-one' }] });
const fromSecondMarch = (extra) => ({ id: 'w', role: 'social-worker', started: '2026-03-02', ...extra });

const SCENARIOS = [
  {
    name: 'havering: ASYE weekly phase, 12 Jan + 7 days = Mon 19 Jan',
    cites: 'scenarios_havering.rs asye_weekly_phase',
    policy: 'havering',
    worker: { id: 'w1', role: 'nqsw', started: '2026-01-05', asye: '2026-01-05',
      sessions: [{ date: '2026-01-12', type: 'one-to-one' }] },
    asOf: '2026-01-14',
    expect: { 'asye-supervision': ['2026-01-19'] },
    status: { 'asye-supervision': 'due-soon' },
  },
  ...[
    // (last session, asOf, expected): week 6 + 1 week; week 7 + 2 weeks; last day of the
    // fortnightly phase + 2 weeks; after the phases + 1 month.
    ['2026-02-13', '2026-02-13', '2026-02-20'],
    ['2026-02-16', '2026-02-17', '2026-03-02'],
    ['2026-07-03', '2026-07-03', '2026-07-17'],
    ['2026-07-06', '2026-07-07', '2026-08-06'],
  ].map(([last, asOf, due]) => ({
    name: `havering: ASYE phase boundary, last session ${last} -> ${due}`,
    cites: 'scenarios_havering.rs asye_phase_boundary',
    policy: 'havering',
    worker: nqsw(last),
    asOf,
    expect: { 'asye-supervision': [due] },
  })),
  {
    name: 'stockport: monthly, Tue 31 Mar + 1 month = Thu 30 Apr (across the clocks going forward)',
    cites: 'scenarios_stockport.rs fieldwork_staff_monthly',
    policy: 'stockport',
    worker: { id: 'w', role: 'social-worker', started: '2025-06-02', sessions: [one('2026-03-31')] },
    asOf: '2026-04-01',
    expect: { 'supervision': ['2026-04-30'] },
  },
  {
    name: 'stockport: write-up within 5 working days of Thu 21 May, over the 25 May bank holiday = Fri 29 May',
    cites: 'scenarios_stockport.rs write_up_within_five_working_days',
    policy: 'stockport',
    worker: { id: 'w', role: 'social-worker', started: '2025-06-02', sessions: [
      { date: '2026-05-21', type: 'one-to-one' },
      { date: '2026-05-21', type: 'group', recorded: '2026-05-21' },
    ] },
    asOf: '2026-05-22',
    expect: { 'write-up': ['2026-05-29'] },
  },
  {
    name: 'stockport: first discussion, allocated Sat 31 Jan + 1 month = Sat 28 Feb',
    cites: 'scenarios_stockport.rs child_first_discussion_within_a_month_of_allocation',
    policy: 'stockport',
    worker: { id: 'w', role: 'social-worker', started: '2025-06-02',
      cases: [{ id: 'C1', allocated: '2026-01-31' }] },
    asOf: '2026-02-02',
    expect: { 'child-first-discussion': ['2026-02-28'] },
  },
  {
    name: 'stockport: PDR, started Sun 1 Jun 2025 + 1 year = Mon 1 Jun',
    cites: 'scenarios_stockport.rs pdr_yearly',
    policy: 'stockport',
    worker: { id: 'w', role: 'social-worker', started: '2025-06-01', reviews: [] },
    asOf: '2026-05-01',
    expect: { 'pdr': ['2026-06-01'] },
  },
  {
    name: 'shropshire: first supervision within 5 days of Mon 2 Mar = Sat 7 Mar',
    cites: 'scenarios_shropshire.rs first_supervision_within_five_days_of_starting',
    policy: 'shropshire',
    worker: fromSecondMarch({}),
    asOf: '2026-03-02',
    expect: { 'supervision': ['2026-03-07'] },
  },
  {
    name: 'shropshire: 7 days of leave move Tue 31 Mar to Tue 7 Apr (across the clocks going forward)',
    cites: 'scenarios_shropshire.rs absence_moves_the_four_weekly_date',
    policy: 'shropshire',
    worker: fromSecondMarch({ sessions: [one('2026-03-03')],
      absences: [{ from: '2026-03-16', to: '2026-03-22' }] }),
    asOf: '2026-03-04',
    expect: { 'supervision': ['2026-04-07'], 'personal-supervision-quarterly': ['2026-06-03'] },
  },
  {
    name: 'shropshire: 12 days of sickness from Mon 30 Mar move 31 Mar to Sun 12 Apr',
    cites: 'scenarios_shropshire.rs absence_moves_the_four_weekly_date',
    policy: 'shropshire',
    worker: fromSecondMarch({ sessions: [one('2026-03-03')],
      absences: [{ from: '2026-03-30', to: '2026-04-10' }] }),
    asOf: '2026-03-04',
    expect: { 'supervision': ['2026-04-12'] },
  },
  {
    name: 'shropshire: case file within 2 working days of Fri 22 May = Wed 27 May',
    cites: 'scenarios_shropshire.rs case_file_two_working_days_notes_shared_in_a_week',
    policy: 'shropshire',
    worker: fromSecondMarch({ sessions: [{ date: '2026-05-22', type: 'case' }] }),
    asOf: '2026-05-22',
    expect: { 'write-up-case-file': ['2026-05-27'] },
  },
  {
    name: 'north-east-lincolnshire: case and group write-ups within 2 working days = Wed 27 May',
    cites: 'scenarios_north_east_lincolnshire.rs case_discussions_written_up_within_two_working_days',
    policy: 'north-east-lincolnshire',
    worker: { id: 'w', role: 'social-worker', started: '2025-06-02', sessions: [
      { date: '2026-05-22', type: 'case' },
      { date: '2026-05-22', type: 'group' },
      { date: '2026-05-22', type: 'personal' },
    ] },
    asOf: '2026-05-22',
    expect: { 'write-up': ['2026-05-27', '2026-05-27'] },
  },
  {
    name: 'north-east-lincolnshire: child discussed Wed 31 Dec 2025 + 2 months = Sat 28 Feb',
    cites: 'scenarios_north_east_lincolnshire.rs every_child_every_two_months',
    policy: 'north-east-lincolnshire',
    worker: { id: 'w', role: 'social-worker', started: '2025-06-02',
      cases: [{ id: 'C1', allocated: '2025-09-01', discussed: ['2025-11-03', '2025-12-31'] }] },
    asOf: '2026-01-05',
    expect: { 'child-discussion': ['2026-02-28'] },
  },
  ...[
    ['2026-01-15', '2026-01-16', '2026-03-15'],
    ['2025-12-31', '2026-01-05', '2026-02-28'],
  ].map(([last, asOf, due]) => ({
    name: `south-gloucestershire: management supervision, ${last} + 2 months = ${due}`,
    cites: 'scenarios_south_gloucestershire.rs management_supervision_every_two_months',
    policy: 'south-gloucestershire',
    worker: { id: 'w', role: 'social-worker', started: '2025-11-03', sessions: [one(last)] },
    asOf,
    expect: { 'management-supervision': [due] },
  })),
];

/** Calendar answers that do not go through schedule(), compared the same way. */
const CALENDAR = [
  { name: 'addWorkingDays(2026-12-24, 2) over Christmas = 2026-12-30',
    run: (pkg) => pkg.addWorkingDays('2026-12-24', 2, undefined), expect: '2026-12-30' },
  { name: 'addWorkingDays(2026-03-27, 1) over the clocks going forward = 2026-03-30',
    run: (pkg) => pkg.addWorkingDays('2026-03-27', 1, undefined), expect: '2026-03-30' },
  { name: 'bankHolidays(2026)',
    run: (pkg) => pkg.bankHolidays(2026).join(','),
    expect: '2026-01-01,2026-04-03,2026-04-06,2026-05-04,2026-05-25,2026-08-31,2026-12-25,2026-12-28' },
];

// ---- child: run everything in this process's zone and print it as JSON ------------------
async function child() {
  if (process.env.TZ_TEST_FAKE_NOW) {
    const fixed = Number(process.env.TZ_TEST_FAKE_NOW);
    const RealDate = Date;
    globalThis.Date = class extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(fixed);
        else super(...args);
      }
      static now() { return fixed; }
    };
  }
  const pkg = await import(pathToFileURL(path.join(PKG, 'supervision_rules.js')).href);
  pkg.initSync({ module: readFileSync(path.join(PKG, 'supervision_rules_bg.wasm')) });
  const out = {
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsets: [new Date(2026, 0, 15).getTimezoneOffset(), new Date(2026, 6, 15).getTimezoneOffset()],
    now: Date.now(),
    schedules: {},
    calendar: {},
    validation: null,
  };
  for (const s of SCENARIOS) {
    try {
      out.schedules[s.name] = pkg.schedule(s.policy, s.worker, { asOf: s.asOf });
    } catch (e) {
      out.schedules[s.name] = { error: String(e && e.message) };
    }
  }
  for (const c of CALENDAR) {
    try {
      out.calendar[c.name] = c.run(pkg);
    } catch (e) {
      out.calendar[c.name] = `error: ${e && e.message}`;
    }
  }
  // A not-in-the-future check with today given: the same findings in every zone.
  out.validation = pkg.validate('havering', 'case-supervision-record',
    { date: '2026-03-30' }, { mode: 'final', today: '2026-03-29' });
  process.stdout.write(JSON.stringify(out));
}

// ---- parent: one child per zone, then compare ----------------------------------------------
function parent() {
  for (const f of ['supervision_rules.js', 'supervision_rules_bg.wasm']) {
    if (!existsSync(path.join(PKG, f))) {
      cannotRun(`${path.relative(ROOT, PKG) || PKG}/${f} is missing: build it with make build`);
    }
  }
  const runs = [
    ...Object.keys(ZONES).map((tz) => ({ label: tz, tz, env: {} })),
    { label: 'UTC, clock at 2100-01-01', tz: 'UTC', env: { TZ_TEST_FAKE_NOW: String(FAKE_NOW) } },
  ];
  let passed = 0;
  let failed = 0;
  const pass = () => { passed += 1; };
  const fail = (msg) => { failed += 1; console.log(`FAILED ${msg}`); };
  const outputs = [];
  for (const run of runs) {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [SELF, '--child'], {
      env: { ...process.env, ...run.env, TZ: run.tz, TZ_PKG: PKG },
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) {
      fail(`[${run.label}] the child exited ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${r.stderr}`);
      continue;
    }
    let out;
    try {
      out = JSON.parse(r.stdout);
    } catch (e) {
      fail(`[${run.label}] the child's output is not JSON: ${e.message}`);
      continue;
    }
    // The zone (or clock) really took effect, or the run proves nothing.
    const [jan, jul] = ZONES[run.tz];
    if (out.offsets[0] === jan && out.offsets[1] === jul) pass();
    else fail(`[${run.label}] TZ did not take effect: offsets ${out.offsets}, expected ${[jan, jul]}`);
    if (run.env.TZ_TEST_FAKE_NOW) {
      if (out.now === FAKE_NOW) pass();
      else fail(`[${run.label}] the clock was not moved: ${out.now}`);
    }
    let bad = 0;
    for (const s of SCENARIOS) {
      const got = out.schedules[s.name];
      const problems = [];
      if (!got || got.error) {
        problems.push(`no schedule: ${got && got.error}`);
      } else {
        for (const [rule, dates] of Object.entries(s.expect)) {
          const due = got.obligations.filter((o) => o.rule === rule).map((o) => o.due);
          if (JSON.stringify(due) !== JSON.stringify(dates)) {
            problems.push(`rule ${rule}: due ${JSON.stringify(due)}, expected ${JSON.stringify(dates)}`);
          }
        }
        for (const [rule, status] of Object.entries(s.status || {})) {
          const st = got.obligations.filter((o) => o.rule === rule).map((o) => o.status);
          if (JSON.stringify(st) !== JSON.stringify([status])) {
            problems.push(`rule ${rule}: status ${JSON.stringify(st)}, expected ${status}`);
          }
        }
        if (got.asOf !== s.asOf) problems.push(`asOf ${got.asOf}, expected ${s.asOf}`);
      }
      if (problems.length === 0) pass();
      else { bad += 1; fail(`[${run.label}] ${s.name} (${s.cites}): ${problems.join('; ')}`); }
    }
    for (const c of CALENDAR) {
      if (out.calendar[c.name] === c.expect) pass();
      else { bad += 1; fail(`[${run.label}] ${c.name}: got ${out.calendar[c.name]}, expected ${c.expect}`); }
    }
    console.log(`${bad === 0 ? 'ok    ' : 'FAILED'} ${run.label} (zone ${out.zone}, ${SCENARIOS.length} scenarios, ${CALENDAR.length} calendar checks, ${Date.now() - t0} ms)`);
    outputs.push({ label: run.label, text: JSON.stringify([out.schedules, out.calendar, out.validation]) });
  }
  // Every run's whole output, reasons and breaches included, is the same.
  if (outputs.length === runs.length && outputs.every((o) => o.text === outputs[0].text)) {
    pass();
    console.log(`ok     identical output in all ${runs.length} runs`);
  } else {
    const differ = outputs.filter((o) => o.text !== outputs[0]?.text).map((o) => o.label);
    fail(`outputs differ from ${outputs[0]?.label}: ${differ.join(', ') || 'a run failed'}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

if (process.argv.includes('--child')) {
  await child();
} else {
  parent();
}
