// A deterministic synthetic service for the team page and its tests: no real person or
// child. The same options always give the same CSV text, dated relative to `asOf`.
//
//   syntheticService({ workers: 40, teams: 4, children: 800, asOf: '2026-06-30' })
//     -> { sessions, caseload, duties, actions }   (CSV text, UK dates dd/mm/yyyy)
//
// Realistic gaps: about one worker in six has gone past their cadence, one in ten has no
// session for two months or more, a few are new starters; about one child in eight has not
// been discussed within the interval; one team has missed its group supervision; one
// supervisor's observation is overdue; a share of actions is open past its date.

const TEAM_NAMES = ['Assessment', 'Child Protection', 'Children in Care', 'Leaving Care',
  'Early Help', 'Disabled Children', 'Youth Justice', 'Fostering'];
// Role ids of the Stockport policy, which states both child-level and team-level duties.
const ROLES = ['social-worker', 'social-worker', 'social-worker', 'senior-practitioner',
  'children-family-worker', 'fieldwork-staff'];
const PLANS = ['CP', 'CIN', 'CLA', 'Care leaver', 'Early help'];

/** mulberry32: a small seeded generator, so the service is the same on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const pad = (n) => String(n).padStart(2, '0');
function shift(iso, days) {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY);
  return d.toISOString().slice(0, 10);
}
const uk = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const csv = (rows) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

export function syntheticService({ workers = 40, teams = 4, children = 800, asOf, seed = 15 } = {}) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf || '')) throw new Error('asOf: a date as YYYY-MM-DD');
  const rnd = random(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const teamNames = Array.from({ length: teams }, (_, i) => TEAM_NAMES[i % TEAM_NAMES.length] + (i >= TEAM_NAMES.length ? ` ${Math.floor(i / TEAM_NAMES.length) + 1}` : ''));
  const sessions = [['Worker', 'Role', 'Team', 'Started', 'Date', 'Type', 'Recorded']];
  const staff = [];
  for (let i = 0; i < workers; i++) {
    const id = `W${String(i + 1).padStart(4, '0')}`;
    const team = teamNames[i % teams];
    const newStarter = rnd() < 0.06;
    const role = newStarter ? 'nqsw' : ROLES[int(0, ROLES.length - 1)];
    const started = newStarter ? shift(asOf, -int(10, 80)) : shift(asOf, -int(400, 3000));
    staff.push({ id, team, started });
    const lapse = rnd();
    // How far back the last session is: most within the month, some past it, some long past.
    const lastAgo = lapse < 0.1 ? int(62, 120) : lapse < 0.18 ? int(32, 45) : int(1, 27);
    const dates = [];
    for (let ago = lastAgo; ago < 400; ago += int(24, 33)) {
      const d = shift(asOf, -ago);
      if (d < started) break;
      dates.push(d);
    }
    if (!dates.length) sessions.push([id, role, team, uk(started), '', '', '']);
    for (const d of dates.reverse()) {
      const late = rnd() < 0.1;
      const rec = shift(d, late ? int(4, 12) : int(0, 2));
      sessions.push([id, role, team, uk(started), uk(d), 'one-to-one', rec <= asOf ? uk(rec) : '']);
    }
  }
  const caseload = [['Child', 'Worker', 'Allocated', 'Plan', 'Last discussed']];
  for (let c = 0; c < children; c++) {
    const w = staff[int(0, staff.length - 1)];
    const allocated = shift(asOf, -int(5, 700));
    const a = allocated < w.started ? w.started : allocated;
    const gap = rnd() < 0.12 ? int(95, 200) : int(1, 60);
    const last = shift(asOf, -gap);
    caseload.push([`C${String(c + 1).padStart(5, '0')}`, w.id, uk(a), PLANS[int(0, PLANS.length - 1)], last > a ? uk(last) : '']);
  }
  const duties = [['Team', 'Duty', 'Date', 'Supervisor', 'Minutes', 'Files']];
  teamNames.forEach((team, t) => {
    const supervisor = `TM${String(t + 1).padStart(2, '0')}`;
    const missed = t === 1; // one team has missed its monthly group supervision
    for (let ago = missed ? 50 : int(3, 20); ago < 365; ago += int(26, 31)) {
      duties.push([team, 'Group supervision', uk(shift(asOf, -ago)), '', String(int(60, 120)), '']);
    }
    for (let ago = int(10, 80); ago < 365; ago += int(85, 92)) {
      duties.push([team, 'Audit', uk(shift(asOf, -ago)), supervisor, '', String(int(1, 4))]);
    }
    const observedAgo = t === 2 ? int(200, 260) : int(20, 150);
    duties.push([team, 'Observation', uk(shift(asOf, -observedAgo)), supervisor, '', '']);
  });
  const actions = [['Action', 'Worker', 'Child', 'Who', 'By when', 'Done']];
  const verbs = ['Update the chronology', 'Arrange a visit', 'Complete the assessment', 'Book the review', 'Share the plan, with the family'];
  for (let k = 0; k < Math.round(children / 8); k++) {
    const row = caseload[1 + int(0, caseload.length - 2)];
    const due = shift(asOf, int(-40, 30));
    actions.push([verbs[int(0, verbs.length - 1)], row[1], row[0], 'Worker', uk(due), rnd() < 0.5 ? 'Yes' : 'No']);
  }
  return { sessions: csv(sessions), caseload: csv(caseload), duties: csv(duties), actions: csv(actions) };
}

export const DEMO = { workers: 40, teams: 4, children: 800 };
export { pad };
