// supervision-rules/team: a team's or a whole service's view, from the data as it exists
// (rows of CSV exports or JSON), worked out with an entry point's scheduleMany and
// scheduleTeam. Pure JavaScript and no wasm of its own: the caller passes the entry point it
// already loaded (the core, or the widget for the due-dates panel), so a page pays for one
// module. No DOM, no network, no storage: www/team.js is the page around it.
//
// Rows in, findings out. A row that cannot be read is reported with its line and why (the
// field and what was expected, never the value: a caseload holds children's ids); the rest
// still load.

/** The columns each kind of file can carry: key, label, required, header names guessed. */
export const FIELDS = {
  sessions: [
    { key: 'worker', label: 'Worker', required: true, aliases: ['worker', 'worker id', 'staff id', 'supervisee', 'employee'] },
    { key: 'role', label: 'Role', required: true, aliases: ['role', 'job title', 'post'] },
    { key: 'team', label: 'Team', required: false, aliases: ['team', 'team name', 'service'] },
    { key: 'started', label: 'Started in post', required: false, aliases: ['started', 'start date', 'started in post'] },
    { key: 'date', label: 'Session date', required: true, aliases: ['date', 'session date', 'supervision date', 'held'] },
    { key: 'type', label: 'Session type', required: true, aliases: ['type', 'session type', 'supervision type'] },
    { key: 'recorded', label: 'Recorded on', required: false, aliases: ['recorded', 'recorded on', 'written up', 'date recorded'] },
  ],
  caseload: [
    { key: 'child', label: 'Child', required: true, aliases: ['child', 'child id', 'case', 'case id', 'person id'] },
    { key: 'worker', label: 'Worker', required: true, aliases: ['worker', 'worker id', 'allocated worker', 'social worker'] },
    { key: 'allocated', label: 'Allocated', required: true, aliases: ['allocated', 'allocation date', 'date allocated'] },
    { key: 'plan', label: 'Plan', required: false, aliases: ['plan', 'plan type', 'status'] },
    { key: 'rag', label: 'RAG rating', required: false, aliases: ['rag', 'rag rating'] },
    { key: 'discussed', label: 'Last discussed', required: false, aliases: ['last discussed', 'discussed', 'last supervision', 'last case discussion'] },
  ],
  duties: [
    { key: 'team', label: 'Team', required: true, aliases: ['team', 'team name'] },
    { key: 'duty', label: 'Duty', required: true, aliases: ['duty', 'activity', 'type'] },
    { key: 'date', label: 'Date', required: true, aliases: ['date', 'held', 'date held'] },
    { key: 'supervisor', label: 'Supervisor', required: false, aliases: ['supervisor', 'team leader', 'team manager', 'observed'] },
    { key: 'minutes', label: 'Minutes', required: false, aliases: ['minutes', 'length', 'duration'] },
    { key: 'files', label: 'Files audited', required: false, aliases: ['files', 'files audited', 'sample'] },
  ],
  actions: [
    { key: 'action', label: 'Action', required: true, aliases: ['action', 'action agreed', 'actions'] },
    { key: 'worker', label: 'Worker', required: true, aliases: ['worker', 'worker id', 'supervisee'] },
    { key: 'child', label: 'Child', required: false, aliases: ['child', 'child id', 'case', 'case id'] },
    { key: 'who', label: 'Who', required: false, aliases: ['who', 'by whom', 'owner'] },
    { key: 'due', label: 'By when', required: true, aliases: ['by when', 'due', 'due date', 'when'] },
    { key: 'done', label: 'Done', required: false, aliases: ['done', 'completed', 'complete', 'status'] },
  ],
};

const norm = (s) => String(s ?? '').trim().toLowerCase().replace(/[-_\s]+/g, ' ');

/** A mapping {fieldKey: header} guessed from the file's headers (exact alias matches). */
export function guessMapping(kind, headers) {
  const mapping = {};
  const used = new Set();
  for (const f of FIELDS[kind]) {
    const h = headers.find((h) => !used.has(h) && f.aliases.some((a) => norm(a) === norm(h)));
    if (h !== undefined) {
      mapping[f.key] = h;
      used.add(h);
    }
  }
  return mapping;
}

/** The required fields a mapping leaves without a column. */
export function unmapped(kind, mapping) {
  return FIELDS[kind].filter((f) => f.required && !mapping[f.key]).map((f) => f.label);
}

/** A JSON cell as text: an object or array as its JSON (String() of `{"toString": 1}` throws). */
const jsonCell = (v) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * The rows of an export's text: CSV (read with the papaparse `Papa` the caller passes:
 * quoted commas and line breaks, a byte-order mark, blank rows skipped) or JSON (an array
 * of objects). Returns `{headers, rows: [{line, cells}]}` with each row's line in the file
 * (the first line of a cell with line breaks), or `{error}` saying why the file cannot be
 * read, never quoting it. Parses in chunks and awaits `pause()` between them, so a page's
 * main thread is never held for long.
 */
export async function parseText(text, Papa, { chunkSize = 128 * 1024, pause = () => new Promise((r) => setTimeout(r, 0)) } = {}) {
  const body = String(text).replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(body)) {
    let data;
    try {
      data = JSON.parse(body);
    } catch {
      return { error: 'The file looks like JSON but is not valid JSON.' };
    }
    const list = Array.isArray(data) ? data : null;
    if (!list || !list.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
      return { error: 'A JSON file must be an array of objects, one per row.' };
    }
    const headers = [...new Set(list.flatMap((r) => Object.keys(r)))];
    return { headers, rows: list.map((r, i) => ({ line: i + 1, cells: headers.map((h) => jsonCell(r[h])) })) };
  }
  // Lines are counted from the rows themselves (one, plus the line breaks inside quoted
  // cells), as blank rows are kept by the parser and dropped here.
  const rows = [];
  let headers = null;
  let line = 0;
  await new Promise((resolve) => {
    Papa.parse(body, {
      chunkSize,
      chunk: (r, parser) => {
        for (const cells of r.data) {
          line += 1;
          const at = line;
          for (const c of cells) if (c.includes('\n')) line += c.split('\n').length - 1;
          if (cells.every((c) => c.trim() === '')) continue;
          if (!headers) headers = cells.map((h) => String(h).trim());
          else rows.push({ line: at, cells });
        }
        parser.pause();
        Promise.resolve(pause()).then(() => parser.resume());
      },
      complete: resolve,
    });
  });
  if (!headers) return { error: 'The file is empty.' };
  return { headers, rows };
}

const pad = (n) => String(n).padStart(2, '0');

/** Whether y-m-d is a real day. */
function realDay(y, m, d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(2000, m, 0)).getUTCDate(); // leap year 2000 for February
  if (d > days) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return true;
}

/**
 * A date as written in a UK export: dd/mm/yyyy (also with '-' or '.', a 2-digit year read
 * as 20yy, and a time after it as Excel writes one) or ISO yyyy-mm-dd. Returns YYYY-MM-DD,
 * or null when it is not a real date. Never mm/dd: an export from an English council is
 * day first.
 */
export function parseDay(text) {
  const s = String(text ?? '').trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  let y, mo, d;
  if (m) {
    [y, mo, d] = [+m[1], +m[2], +m[3]];
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s))) {
    [d, mo, y] = [+m[1], +m[2], m[3].length === 2 ? 2000 + +m[3] : +m[3]];
  } else {
    return null;
  }
  return realDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

const SESSION_TYPES = [
  [/^(1:1|1-1|1 1|one[ -]to[ -]one|supervision|formal|formal supervision|individual)$/, 'one-to-one'],
  [/^(case|case supervision)$/, 'case'],
  [/^(personal|personal supervision)$/, 'personal'],
  [/^(reflective|reflective supervision)$/, 'reflective'],
  [/^(group|group supervision|peer|peer supervision)$/, 'group'],
];
const PLANS = [
  [/^(cp|cpp|child protection|child-protection)$/, 'child-protection'],
  [/^(cin|child in need|child-in-need)$/, 'child-in-need'],
  [/^(lac|cla|cic|looked after|looked-after|child in care|children in care)$/, 'looked-after'],
  [/^(care leaver|leaving care|leaving-care)$/, 'leaving-care'],
  [/^(eh|early help|early-help)$/, 'early-help'],
];
const DUTIES = [
  [/^(group|group supervision|group case supervision)$/, 'group'],
  [/^(audit|file audit|supervision file audit)$/, 'audit'],
  [/^(observation|observation of supervision|3-way|three-way|3 way)$/, 'observation'],
];
const pick = (table, value) => {
  const v = norm(value);
  const hit = table.find(([re]) => re.test(v));
  return hit ? hit[1] : null;
};
const YES = /^(y|yes|true|done|complete|completed|1)$/;

/**
 * Reads rows (arrays of cells, with the line each starts on) under a mapping into records.
 * `headers` names the columns. Returns `{records, errors}`; each error is `{file, line,
 * reason}`.
 */
export function readRows(kind, file, headers, rows, mapping, roles) {
  const col = {};
  for (const [key, header] of Object.entries(mapping)) {
    const i = headers.indexOf(header);
    if (i >= 0) col[key] = i;
  }
  const records = [];
  const errors = [];
  for (const { line, cells } of rows) {
    const get = (key) => (col[key] === undefined ? '' : String(cells[col[key]] ?? '').trim());
    const problems = [];
    const need = (key, label) => {
      const v = get(key);
      if (!v) problems.push(`${label} is empty`);
      return v;
    };
    const day = (key, label, required) => {
      const v = get(key);
      if (!v) {
        if (required) problems.push(`${label} is empty`);
        return null;
      }
      const d = parseDay(v);
      if (!d) problems.push(`${label} is not a date (dd/mm/yyyy or yyyy-mm-dd)`);
      return d;
    };
    let rec;
    if (kind === 'sessions') {
      const roleText = need('role', 'Role');
      const role = roles.find((r) => norm(r.id) === norm(roleText) || norm(r.label) === norm(roleText));
      if (roleText && !role) problems.push("Role is not one of this policy's roles");
      const typeText = get('type');
      const date = day('date', 'Session date', false);
      const type = typeText ? pick(SESSION_TYPES, typeText) : null;
      if (date && !typeText) problems.push('Session type is empty');
      if (typeText && !type) problems.push('Session type is not one of one-to-one, case, personal, reflective, group');
      rec = { worker: need('worker', 'Worker'), role: role?.id, team: get('team') || 'No team',
        started: day('started', 'Started in post', false), date, type,
        recorded: day('recorded', 'Recorded on', false) };
    } else if (kind === 'caseload') {
      const planText = get('plan');
      const plan = planText ? pick(PLANS, planText) : null;
      const ragText = norm(get('rag') || (plan ? '' : planText));
      const rag = ['red', 'amber', 'green'].includes(ragText) ? ragText : null;
      if (planText && !plan && !rag) problems.push('Plan is not a known plan (CP, CIN, CLA, care leaver, early help) or RAG rating');
      if (get('rag') && !rag) problems.push('RAG rating is not red, amber or green');
      rec = { child: need('child', 'Child'), worker: need('worker', 'Worker'),
        allocated: day('allocated', 'Allocated', true), plan, rag,
        discussed: day('discussed', 'Last discussed', false) };
    } else if (kind === 'duties') {
      const dutyText = need('duty', 'Duty');
      const duty = dutyText ? pick(DUTIES, dutyText) : null;
      if (dutyText && !duty) problems.push('Duty is not one of group supervision, audit, observation');
      const minutes = get('minutes') ? Number(get('minutes')) : undefined;
      const files = get('files') ? Number(get('files')) : undefined;
      if (minutes !== undefined && !(Number.isInteger(minutes) && minutes >= 0)) problems.push('Minutes is not a whole number');
      if (files !== undefined && !(Number.isInteger(files) && files >= 0)) problems.push('Files audited is not a whole number');
      if (duty === 'observation' && !get('supervisor')) problems.push('Supervisor is empty (an observation is of a supervisor)');
      rec = { team: need('team', 'Team'), duty, date: day('date', 'Date', true),
        supervisor: get('supervisor') || undefined, minutes, files };
    } else {
      rec = { action: need('action', 'Action'), worker: need('worker', 'Worker'),
        child: get('child') || '', who: get('who'), due: day('due', 'By when', true),
        done: YES.test(norm(get('done'))) };
    }
    if (problems.length) errors.push({ file, line, reason: problems.join('; ') });
    else records.push(rec);
  }
  return { records, errors };
}

/**
 * The service: workers (the contract's Worker, with `team`), teams (the contract's Team)
 * and actions, from the records read. Caseload rows of a worker the sessions file does not
 * list are errors (their role is not known).
 */
export function buildService({ sessions = [], caseload = [], duties = [], actions = [] }, caseloadLines = []) {
  const workers = new Map();
  for (const s of sessions) {
    let w = workers.get(s.worker);
    if (!w) {
      w = { id: s.worker, role: s.role, team: s.team, started: s.started, sessions: [], cases: [] };
      workers.set(s.worker, w);
    }
    if (s.started && (!w.started || s.started < w.started)) w.started = s.started;
    if (s.date) {
      const session = { date: s.date, type: s.type };
      if (s.recorded) session.recorded = s.recorded;
      w.sessions.push(session);
    }
  }
  const errors = [];
  const childIds = new Map();
  caseload.forEach((c, i) => {
    const w = workers.get(c.worker);
    if (!w) {
      errors.push({ file: 'caseload', line: caseloadLines[i], reason: 'Worker is not in the sessions file, so their role is not known' });
      return;
    }
    // A set of each worker's children, so a caseload of thousands is not searched per row.
    const ids = childIds.get(w) ?? childIds.set(w, new Set()).get(w);
    if (ids.has(c.child)) {
      errors.push({ file: 'caseload', line: caseloadLines[i], reason: 'Child is listed twice for the same worker' });
      return;
    }
    const k = { id: c.child, allocated: c.allocated, discussed: c.discussed ? [c.discussed] : [] };
    if (c.plan) k.plan = c.plan;
    if (c.rag) k.rag = c.rag;
    ids.add(c.child);
    w.cases.push(k);
  });
  for (const w of workers.values()) {
    // Without a start date, the record's first date is taken as the start.
    if (!w.started) {
      const first = [...w.sessions.map((s) => s.date), ...w.cases.map((c) => c.allocated)].sort()[0];
      w.started = first;
    }
    if (!w.started) errors.push({ file: 'sessions', line: undefined, reason: 'A worker in the sessions file has no start date and no dated session' });
  }
  const list = [...workers.values()].filter((w) => w.started);
  const teams = new Map();
  const team = (id) => {
    if (!teams.has(id)) teams.set(id, { id, started: undefined, groupSessions: [], audits: [], supervisors: [] });
    return teams.get(id);
  };
  for (const w of list) {
    const t = team(w.team);
    if (!t.started || w.started < t.started) t.started = w.started;
  }
  for (const d of duties) {
    const t = team(d.team);
    if (!t.started || d.date < t.started) t.started = d.date;
    if (d.duty === 'group') t.groupSessions.push(d.minutes === undefined ? { date: d.date } : { date: d.date, minutes: d.minutes });
    if (d.duty === 'audit') t.audits.push({ date: d.date, files: d.files ?? 1, ...(d.supervisor ? { supervisor: d.supervisor } : {}) });
    if (d.supervisor) {
      let s = t.supervisors.find((x) => x.id === d.supervisor);
      if (!s) t.supervisors.push((s = { id: d.supervisor, observed: [] }));
      if (d.duty === 'observation') s.observed.push(d.date);
    }
  }
  return { workers: list, teams: [...teams.values()], actions, errors };
}

const yieldToPage = () => new Promise((r) => setTimeout(r, 0));

/**
 * Schedules every worker (and each child on their caseload) and each team's own duties, in
 * chunks so the page is never held for long; `onProgress(done, total)` after each chunk.
 * `sr` is a loaded entry point of supervision-rules (core or widget).
 */
export async function scheduleService(sr, policyId, service, { asOf, dueSoonDays = 7, chunk = 40, onProgress } = {}) {
  const options = { asOf, dueSoonDays, breaches: 'runs' };
  const schedules = [];
  const total = service.workers.length;
  for (let i = 0; i < total; i += chunk) {
    const part = service.workers.slice(i, i + chunk).map(({ team, ...w }) => w);
    schedules.push(...sr.scheduleMany(policyId, part, options));
    onProgress?.(Math.min(i + chunk, total), total);
    if (i + chunk < total) await yieldToPage();
  }
  const teams = service.teams
    .filter((t) => t.started)
    .map((t) => ({ team: t.id, schedule: sr.scheduleTeam(policyId, t, { asOf, dueSoonDays }) }));
  return { schedules, teams };
}

const RANK = { overdue: 0, 'due-soon': 1, ok: 2 };
const CADENCE = new Set(['supervision', 'personal-supervision', 'case-supervision']);

/** Rows of the view: one per worker, one per child, one per team duty. */
export function viewRows(service, result) {
  const workers = [];
  const children = [];
  const readings = [];
  service.workers.forEach((w, i) => {
    const s = result.schedules[i];
    // The worker's status is their supervision's: agreement reviews, PDRs and the like are
    // in the drill-down, and would otherwise mark everyone whose export lacks them overdue.
    // A date that rests on our reading (`reading`: the policy sets no such limit) is shown
    // apart, in `readings`, and never makes anyone overdue.
    const stated = s.obligations.filter((o) => !o.reading);
    const all = stated.filter((o) => o.kind !== 'child-discussion');
    const cadence = all.filter((o) => CADENCE.has(o.kind));
    const own = cadence.length ? cadence : all;
    const next = own.slice().sort((a, b) => RANK[a.status] - RANK[b.status] || a.due.localeCompare(b.due))[0];
    workers.push({ id: w.id, team: w.team, role: w.role, status: next ? next.status : 'ok',
      due: next ? next.due : '', what: next ? next.kind : '', obligations: s.obligations.length, index: i });
    for (const o of s.obligations) {
      if (!o.reading) continue;
      const child = o.kind === 'child-discussion' || o.subject !== w.id;
      readings.push({ subject: child ? 'child' : 'worker', id: o.subject, worker: w.id, team: w.team,
        what: o.kind, due: o.due, status: o.status, rule: o.rule, reading: o.reading, source: o.source });
    }
    const byChild = new Map();
    for (const o of stated) {
      if (o.kind !== 'child-discussion') continue;
      const seen = byChild.get(o.subject);
      if (!seen || RANK[o.status] < RANK[seen.status] || (o.status === seen.status && o.due < seen.due)) byChild.set(o.subject, o);
    }
    for (const c of w.cases) {
      const o = byChild.get(c.id);
      children.push({ id: c.id, worker: w.id, team: w.team, role: w.role,
        discussed: c.discussed[0] || '', status: o ? o.status : 'ok', due: o ? o.due : '' });
    }
  });
  const duties = result.teams.flatMap(({ team, schedule }) =>
    schedule.obligations.filter((o) => !o.reading).map((o) => ({ team, kind: o.kind, subject: o.subject, due: o.due,
      status: o.status, source: o.source, reason: o.reason })));
  for (const { team, schedule } of result.teams) {
    for (const o of schedule.obligations) {
      if (o.reading) readings.push({ subject: 'team', id: o.subject, worker: '', team, what: o.kind, due: o.due,
        status: o.status, rule: o.rule, reading: o.reading, source: o.source });
    }
  }
  return { workers, children, duties, runs: runRows(service, result), readings };
}

/**
 * The breaches repeated period after period (docs/finding-codes.md, Runs): one row per run,
 * {subject: 'worker'|'child'|'team', id, worker, team, rule, code, count, first, last,
 * source}, the longest first. A worker's come with `breaches: 'runs'` (or 'all'); a team's
 * from scheduleTeam. A child's id is the case's, from the worker's caseload.
 */
export function runRows(service, result) {
  const out = [];
  service.workers.forEach((w, i) => {
    for (const b of result.schedules[i]?.breaches || []) {
      if (!b.run) continue;
      const child = /^cases\[(\d+)\]/.exec(b.path);
      const id = child ? w.cases[Number(child[1])]?.id ?? '' : w.id;
      out.push({ subject: child ? 'child' : 'worker', id, worker: w.id, team: w.team, rule: b.rule,
        code: b.code, ...b.run, source: b.source });
    }
  });
  for (const { team, schedule } of result.teams) {
    for (const b of schedule.breaches || []) {
      if (b.run) out.push({ subject: 'team', id: team, worker: '', team, rule: b.rule, code: b.code, ...b.run, source: b.source });
    }
  }
  return out.sort((a, b) => b.count - a.count || a.first.localeCompare(b.first) || a.id.localeCompare(b.id));
}

/** {overdue, dueSoon, ok} counts of rows by status. */
export function counts(rows) {
  const c = { overdue: 0, dueSoon: 0, ok: 0 };
  for (const r of rows) c[r.status === 'due-soon' ? 'dueSoon' : r.status]++;
  return c;
}

/** Overdue first, then due soon, then on time; within each, the earliest due first. */
export function byUrgency(a, b) {
  return RANK[a.status] - RANK[b.status] || (a.due || '9999').localeCompare(b.due || '9999') || a.id.localeCompare(b.id);
}

/** The last day of each of the 12 months up to asOf (asOf itself for its own month), oldest first. */
export function monthEnds(asOf) {
  const [y, m] = asOf.split('-').map(Number);
  const out = [];
  for (let k = 11; k >= 0; k--) {
    const d = new Date(Date.UTC(y, m - 1 - k + 1, 0));
    const iso = d.toISOString().slice(0, 10);
    out.push(k === 0 ? asOf : iso);
  }
  return out;
}

/**
 * For each worker, whether they were supervised within their cadence at the end of each
 * of the last 12 months (null before they started): no supervision obligation overdue on
 * that day. Their caseloads are left out (the question is about the worker).
 */
export async function complianceByWorker(sr, policyId, service, asOf, { chunk = 100, onProgress } = {}) {
  const ends = monthEnds(asOf);
  const table = service.workers.map(() => []);
  const bare = service.workers.map(({ team, cases, ...w }) => w);
  let done = 0;
  for (const end of ends) {
    for (let i = 0; i < bare.length; i += chunk) {
      const part = bare.slice(i, i + chunk);
      const present = part.filter((w) => w.started <= end);
      const out = present.length ? sr.scheduleMany(policyId, present, { asOf: end, breaches: 'none' }) : [];
      let j = 0;
      part.forEach((w, k) => {
        if (w.started > end) {
          table[i + k].push(null);
          return;
        }
        const s = out[j++];
        // A cadence that is our reading (not the policy's own limit) does not count against them.
        table[i + k].push(!s.obligations.some((o) => CADENCE.has(o.kind) && !o.reading && o.status === 'overdue'));
      });
      await yieldToPage();
    }
    onProgress?.(++done, ends.length);
  }
  return { ends, table };
}

/** Month by month: [{month, supervised, workers, percent}] for the workers chosen by `keep(index)`. */
export function complianceSeries(compliance, keep) {
  return compliance.ends.map((end, m) => {
    let workers = 0;
    let supervised = 0;
    compliance.table.forEach((row, i) => {
      if (!keep(i) || row[m] === null) return;
      workers++;
      if (row[m]) supervised++;
    });
    return { month: end.slice(0, 7), end, workers, supervised, percent: workers ? Math.round((100 * supervised) / workers) : 0 };
  });
}

/** Open actions, and which are overdue on asOf: [{...action, overdue}]. */
export function openActions(actions, asOf) {
  return actions.filter((a) => !a.done).map((a) => ({ ...a, overdue: a.due < asOf }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due));
}

/**
 * A CSV cell, defused as OWASP's CSV-injection advice says: a cell that starts with = + - @
 * tab or CR, or holds one after a separator (`x;=1+1`, two cells where `;` separates
 * columns), gets a leading `'`; and such a cell, or one holding a separator of any
 * spreadsheet (`,` `;` tab, a line break) or a quote, is quoted with its quotes doubled, so
 * nothing inside it starts a cell. Ids and dates with none of these are written as they are.
 */
function cell(v) {
  let s = String(v ?? '');
  const formula = /^[=+\-@\t\r]|[,;\t\r\n]\s*[=+\-@]/.test(s);
  if (formula) s = `'${s}`;
  return formula || /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The overdue list as CSV text: workers, then children, then team duties. */
export function overdueCsv({ workers, children, duties }) {
  const lines = [['subject', 'id', 'worker', 'team', 'what', 'due'].join(',')];
  for (const w of workers.filter((r) => r.status === 'overdue')) lines.push([ 'worker', w.id, w.id, w.team, w.what, w.due].map(cell).join(','));
  for (const c of children.filter((r) => r.status === 'overdue')) lines.push(['child', c.id, c.worker, c.team, 'child-discussion', c.due].map(cell).join(','));
  for (const d of duties.filter((r) => r.status === 'overdue')) lines.push(['team duty', d.subject, '', d.team, d.kind, d.due].map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The repeated breaches as CSV text: one line per run, with its count and first and last dates. */
export function runsCsv(runs) {
  const lines = [['subject', 'id', 'worker', 'team', 'rule', 'code', 'times', 'first', 'last'].join(',')];
  for (const r of runs) lines.push([r.subject, r.id, r.worker, r.team, r.rule, r.code, r.count, r.first, r.last].map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/**
 * The dates that rest on our reading of a clause that sets no such limit (an obligation with
 * `reading`), as CSV text: not breaches of the policy, so apart from the overdue list.
 */
export function readingsCsv(readings) {
  const lines = [['subject', 'id', 'worker', 'team', 'what', 'due', 'status', 'rule', 'our reading'].join(',')];
  for (const r of readings) lines.push([r.subject, r.id, r.worker, r.team, r.what, r.due, r.status, r.rule, r.reading].map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/**
 * Open actions in groups, by `worker` or by `child`: [{key, actions, overdue}], the groups
 * with most overdue first, then by the earliest date due. Actions about no child are the
 * last group when grouped by child (key '').
 */
export function groupActions(actions, by = 'worker') {
  const groups = new Map();
  for (const a of actions) {
    const key = by === 'child' ? a.child || '' : a.worker;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, actions: [], overdue: 0 }));
    g.actions.push(a);
    if (a.overdue) g.overdue++;
  }
  const first = (g) => g.actions.reduce((m, a) => (a.due < m ? a.due : m), '9999');
  return [...groups.values()].sort((a, b) => (a.key === '') - (b.key === '') || b.overdue - a.overdue
    || first(a).localeCompare(first(b)) || a.key.localeCompare(b.key));
}
