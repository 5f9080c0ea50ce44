//! Boundary-only shapes, input guards and the TypeScript definitions of the JS contract.

use crate::policy::Policy;
use wasm_bindgen::prelude::*;

/// `{id, authority, title}` of a policy (`version` and `replaces` when it has them).
pub(super) struct PolicySummary<'a> {
    id: &'a str,
    authority: &'a str,
    title: &'a str,
    version: Option<&'a str>,
    /// The id this policy replaced on purpose (a built-in's, say): it is the one in force.
    replaces: Option<&'a str>,
}

impl PolicySummary<'_> {
    /// Appends the summary as JSON text, as serde_json wrote it when this was derived
    /// `Serialize` (the keys in this order, `None`s left out), with no serializer: the form
    /// page's `.wasm` has none. (`tests/e2e/entries.mjs` checks whole summaries.)
    pub(super) fn write_json(&self, out: &mut String) {
        use crate::json::write::string;
        out.push_str("{\"id\":");
        string(out, self.id);
        out.push_str(",\"authority\":");
        string(out, self.authority);
        out.push_str(",\"title\":");
        string(out, self.title);
        if let Some(version) = self.version {
            out.push_str(",\"version\":");
            string(out, version);
        }
        if let Some(replaces) = self.replaces {
            out.push_str(",\"replaces\":");
            string(out, replaces);
        }
        out.push('}');
    }
}

impl<'a> From<&'a Policy> for PolicySummary<'a> {
    fn from(p: &'a Policy) -> Self {
        PolicySummary {
            id: &p.id,
            authority: &p.authority,
            title: &p.title,
            version: p.version.as_deref(),
            replaces: p.replaces.as_deref(),
        }
    }
}

/// How deep caller data may nest. Records and workers need four levels; the limit keeps a
/// hostile value from exhausting the wasm stack during conversion.
const MAX_DEPTH: usize = 32;

/// Rejects JSON text nested deeper than [`MAX_DEPTH`] before it is parsed (so a hostile
/// value cannot exhaust the wasm stack): one pass over the bytes, skipping strings.
pub(super) fn check_depth(json: &[u8], path: &str) -> Result<(), JsValue> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in json {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth = depth.saturating_add(1);
                if depth > MAX_DEPTH {
                    return Err(super::bad(path, "data nested at most 32 levels deep"));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[wasm_bindgen(typescript_custom_section)]
const TS_CONTRACT: &'static str = r#"
/** A registered policy: its id, council, document title; when its data gives one, the
 *  version of its data ("2026.1"; CHANGELOG.md says when it changes); `replaces` when it
 *  replaced, on purpose, the policy registered under its id (a built-in's, say). */
export interface PolicySummary {
  id: string; authority: string; title: string; version?: string; replaces?: string;
}
/** A problem of a policy's text (checkPolicy): its JSON path, what was expected, and where
 *  the path begins in the text (line and column from 1). */
export interface LocatedProblem { path: string; expected: string; line: number; column: number }
/** A role the policy distinguishes. */
export interface Role { id: string; label: string; source: string; note?: string }
/** A timing rule, as the policy data writes it (see docs/policy-format.md). */
export interface Rule {
  id: string;
  kind: 'cadence'|'min-count'|'max-gap'|'write-up'|'rebook'|'urgent-request'
      |'contact-briefing'|'incident-meeting'|'agreement-review'|'observation'|'milestone'|'child-discussion'
      |'child-first-discussion'|'child-after-event'|'child-before-event'|'child-assessment'
      |'child-assessment-conclusion'
      |'group-supervision'|'file-audit'|'supervisor-observation';
  source: string; note?: string;
  /** 'stated': the clause sets the limit; 'reading': the limit is ours (`reading` says why),
   *  and what rests on it is advisory. Written on every rule read back; 'stated' when a
   *  council's own policy leaves it out. */
  basis?: 'stated'|'reading'; reading?: string; [key: string]: unknown;
}
/** A template field. */
export interface Field {
  id: string; label: string;
  type: 'text'|'date'|'time'|'person'|'signature'|'case-ids'|'actions'|'choice'|'number'|'children';
  required: boolean | 'final';
  source?: string; note?: string; hint?: string; options?: string[]; min?: number; max?: number;
}
/** A template section. */
export interface Section {
  id: string; title: string; fields: Field[]; source?: string; note?: string;
}
/** A cross-field template rule. */
export interface TemplateRule {
  kind: 'not-future'|'date-order'|'date-within'|'next-within-cadence'|'required-if-gap'
      |'min-duration';
  source: string; note?: string;
  /** As a timing rule's: a finding of a 'reading' rule is an advisory, never an error. */
  basis?: 'stated'|'reading'; reading?: string; [key: string]: unknown;
}
/** A recording template. */
export interface Template {
  id: string; title: string; source: string; sessionDate?: string; sections: Section[];
  rules?: TemplateRule[]; note?: string;
}
/** A policy with its roles, rules and templates. */
export interface Policy extends PolicySummary {
  format: 1; document: string; roles: Role[]; rules: Rule[]; templates: Template[];
  notes?: string[];
}
/** Options for validate(). */
export interface ValidateOptions {
  mode?: 'draft'|'final'; role?: string;
  /** Today as YYYY-MM-DD, for the "not in the future" checks. Default (at the JS edge): the
   *  local date of the JavaScript environment at each call; null skips those checks. */
  today?: string | null;
  /** Field ids the form does not collect: their own checks (required, type) are skipped. */
  ignore?: string[];
  /** The supervisee's hours, shifts a month and fte, for cadences that differ by them (as
   * in Worker); without them full-time is assumed and the finding says so. */
  hours?: 'full-time'|'part-time'; shiftsPerMonth?: number; fte?: number;
  /** The frequency the supervisee's supervision agreement sets (`"fortnightly"`,
   *  `"every 4 weeks"`, `"2 weeks"`), as `Worker.agreement.frequency`: the cadences a policy
   *  lets an agreement set follow it. */
  frequency?: Frequency;
  /** The supervisee as schedule() takes them, instead of `role`, `hours`, `shiftsPerMonth`,
   *  `fte` and `frequency` (which cannot be given beside it): its own values, and the
   *  frequency of the agreement in force on `today` (the latest without `today`). */
  worker?: Worker;
}
/** A frequency as agreement forms write it: 'weekly', 'fortnightly', 'monthly',
 *  'quarterly', 'every 4 weeks', 'every six weeks', 'every other week', 'six-weekly',
 *  '4-weekly', or the policy data's '2 weeks'. Anything else is a `bad-argument` error. */
export type Frequency = string;
/** A time of day, 'HH:MM' (24-hour). */
export type TimeOfDay = string;
/** A supervision agreement: `frequency` is the interval it agrees, which the cadences a
 *  policy lets an agreement set (`agreedUpTo`) follow from `signed`. */
export interface Agreement { signed: string; supervisorChanged?: string; frequency?: Frequency }
/** One finding: never contains record text. */
export interface Finding {
  /** The field id, or a path into it: 'actions[0].who'. */
  path: string;
  /** The same place as a JSON Pointer (RFC 6901) into the record: '/actions/0/who'
   *  ('~' written '~0', '/' written '~1'). Every finding of validate() has one; a
   *  schedule's breach has none. */
  pointer?: string;
  /** Listed in docs/finding-codes.md: validation's codes, then the schedule's breaches. */
  code: 'required'|'invalid-type'|'invalid-date'|'invalid-time'|'invalid-number'
      |'number-too-small'|'number-too-large'|'invalid-choice'|'case-ids-only'|'action-missing'
      |'action-who-missing'|'action-when-missing'|'action-when-before-session'
      |'child-name-missing'|'date-in-future'|'date-order'|'time-order'|'date-too-late'
      |'next-too-late'|'required-after-gap'|'session-too-short'
      |'cadence-gap'|'min-count'|'max-gap'|'late-write-up'|'late-rebook'|'child-discussion-gap'
      |'late-first-discussion'|'late-discussion-after-event'|'no-discussion-before-event'
      |'group-supervision-gap'|'file-audit-gap'|'supervisor-observation-gap'|'missed-milestone'
      |'late-urgent-supervision'|'late-briefing'|'late-incident-meeting'
      |'late-assessment-conclusion'|'late-completion';
  message: string; source: string;
  /** 'advisory': rests on our reading of a clause that sets no such limit (a rule with
   *  `basis: 'reading'`); never blocks and is never a breach of the policy. */
  severity: 'error'|'warning'|'advisory'; rule?: string;
  /** With severity 'advisory': why the limit is ours (the rule's `reading`). */
  reading?: string;
  /** A schedule's breach that repeated period after period for one subject and one rule:
   *  the breaches it stands for (docs/finding-codes.md, Runs). Absent for a single one. */
  run?: BreachRun;
}
/** A run of breaches: the dates of the first and last late events, and how many. */
export interface BreachRun { first: string; last: string; count: number }
/** A finding of validate(): always with its JSON Pointer. */
export interface RecordFinding extends Finding { pointer: string }
/** The result of validate(). */
export interface ValidationReport {
  valid: boolean; errors: RecordFinding[]; warnings: RecordFinding[];
}
/** A supervision session in a worker's history. */
export interface Session {
  date: string; type: 'one-to-one'|'personal'|'case'|'group'|'reflective';
  cancelled?: 'sickness'|'other'; recorded?: string;
  /** When held; read against a deadline in hours that ends that day. */
  time?: TimeOfDay;
  /** A cancelled session: the day the cancellation was made (on or before `date`), from
   *  which a rebooking deadline that runs from the cancellation runs; who cancelled it. */
  cancelledOn?: string; cancelledBy?: 'worker'|'supervisor';
}
/** A case event: on or before asOf it has happened; after, it is planned. */
export interface CaseEvent {
  date: string;
  kind: 'significant-change'|'change-of-social-worker'|'risk-increase'
      |'child-protection-conference'|'pre-proceedings'|'proceedings'|'entering-care'|'step-up'
      |'step-down'|'assessment-started'|'assessment-completed';
}
/** A child's case on the caseload. */
export interface Case {
  id: string; allocated: string;
  plan?: 'early-help'|'child-in-need'|'child-protection'|'looked-after'|'leaving-care';
  rag?: 'red'|'amber'|'green'; discussed?: string[]; events?: CaseEvent[];
}
/** A worker, their history and caseload. */
export interface Worker {
  id: string; role: string; started: string;
  asye?: string; probation?: string;
  hours?: 'full-time'|'part-time'; shiftsPerMonth?: number;
  /** Working time as a fraction of full time, 0 < fte ≤ 1, for rules scaled pro rata. */
  fte?: number;
  sessions?: Session[];
  absences?: { from: string; to: string }[];
  /** The supervisor's absences: a session cancelled while they were off is rebooked from
   *  their return, as from the worker's (rules with `after: 'return'`). */
  supervisorAbsences?: { from: string; to: string }[];
  /** The supervision agreement, or `agreements`: several, in the order signed (not both).
   *  Each gap follows the agreement in force on the day it opened. */
  agreement?: Agreement;
  agreements?: Agreement[];
  /** The first day this worker's history is complete: as `ScheduleOptions.recordsFrom`,
   *  which it replaces for this worker. */
  recordsFrom?: string;
  observations?: string[];
  reviews?: { kind: 'asye-review'|'pdr'; date: string }[];
  cases?: Case[];
  /** Requests for supervision outside the schedule; `urgent` ones carry a deadline. */
  requests?: { date: string; time?: TimeOfDay; urgent?: boolean }[];
  /** Contacts and referrals managed (front door): when received, the contact's id in the
   * case system (never a name), when its initial briefing supervision was recorded. */
  contacts?: { date: string; time?: TimeOfDay; id?: string; briefed?: string;
    completed?: string }[];
  /** Serious incidents involving a child on the caseload: when the supervisor was notified,
   * when they met the worker about it. */
  incidents?: { date: string; met?: string }[];
  /** A dated history of role, hours and fte, in date order, each change stating only what
   * changes: from each `from` the worker has the values given (others stay as before);
   * before the first change of hours or fte, full time; the worker's own values are those
   * after the last change (hours and fte may be left out). Each cadence gap is judged by the
   * values in force when it opened. */
  changes?: { from: string; role?: string; hours?: 'full-time'|'part-time'; fte?: number }[];
}
/** A team (or a service) and its own duties' record, for scheduleTeam(). */
export interface Team {
  id: string; started: string;
  groupSessions?: { date: string; minutes?: number; cancelled?: boolean }[];
  audits?: { date: string; files?: number; supervisor?: string }[];
  supervisors?: { id: string; observed?: string[] }[];
}
/** Options for schedule(). */
export interface ScheduleOptions {
  asOf: string; dueSoonDays?: number; closures?: string[];
  /** 'none' leaves out the history's breaches (a dashboard needs what is due); 'runs'
   *  keeps only the breaches repeated period after period (each with its `run`). Default
   *  'all'. The same holds for `advisories`. */
  breaches?: 'all' | 'none' | 'runs';
  /** The first day the history is complete: nothing before it is judged or counted. */
  recordsFrom?: string;
}
/** Something due. */
export interface Obligation {
  kind: 'supervision'|'personal-supervision'|'case-supervision'|'child-discussion'
      |'agreement-review'|'observation'|'write-up'|'asye-review'|'pdr'
      |'group-supervision'|'file-audit'|'supervision-observation'|'urgent-supervision'
      |'briefing-supervision'|'incident-meeting'|'assessment-conclusion'
      |'completion-supervision';
  subject: string; due: string; status: 'overdue'|'due-soon'|'ok';
  source: string; reason: string; rule: string;
  /** Present when the date rests on our reading of a clause that sets no such limit (the
   *  rule's `basis` is 'reading'): why. Passing it is not a breach of the policy. */
  reading?: string;
}
/** The result of schedule(). `advisories`: past gaps beyond a limit that is our reading,
 *  not the policy's (severity 'advisory'), kept apart from `breaches`; always written by
 *  schedule(), optional in a schedule made by hand for renderSchedule(). */
export interface Schedule {
  asOf: string; obligations: Obligation[]; breaches: Finding[]; advisories?: Finding[];
}
/** A council's own policy, as registerPolicy() and compilePolicy() take it
 *  (docs/policy-format.md): a whole policy, or one derived from a registered policy with
 *  `extends`; either as an object or as its JSON text. */
export type PolicyInput = PolicyDocument | DerivedPolicyDocument | string;
/** A whole policy. */
export interface PolicyDocument {
  format: 1; id: string; authority: string; title: string; document: string; version?: string;
  roles: Role[]; rules?: Rule[]; templates?: Template[]; notes?: string[];
  extends?: undefined;
}
/** A policy derived from a registered one: entries replace the base's by id, `remove`
 *  drops the base's by id, top-level strings given replace the base's. */
export interface DerivedPolicyDocument {
  format: 1; id: string; extends: string;
  authority?: string; title?: string; document?: string; version?: string;
  roles?: Role[]; rules?: Rule[]; templates?: Template[]; notes?: string[];
  remove?: { roles?: string[]; rules?: string[]; templates?: string[] };
}
/** A thrown error's extra properties. */
export interface SupervisionRulesError extends Error {
  code: string; problems?: { path: string; expected: string }[];
}
"#;
