// What the guided policy editor knows of the policy format (docs/policy-format.md): every
// timing rule kind the engine has (src/schedule/rules/), as a sentence with fields in it,
// the template rule kinds, and the lists of values. Plain data; no DOM here.

export const OBLIGATIONS = ['supervision', 'personal-supervision', 'case-supervision', 'child-discussion',
  'agreement-review', 'observation', 'write-up', 'asye-review', 'pdr', 'group-supervision', 'file-audit',
  'supervision-observation', 'urgent-supervision', 'briefing-supervision', 'incident-meeting',
  'assessment-conclusion', 'completion-supervision'];
export const SESSION_OBLIGATIONS = ['supervision', 'personal-supervision', 'case-supervision'];
export const SESSION_TYPES = ['one-to-one', 'personal', 'case', 'group', 'reflective'];
export const EVENTS = ['significant-change', 'change-of-social-worker', 'risk-increase',
  'child-protection-conference', 'pre-proceedings', 'proceedings', 'entering-care', 'step-up', 'step-down',
  'assessment-started', 'assessment-completed'];
export const ANCHORS = ['asye', 'probation', 'started'];
export const ANCHOR_WORDS = { asye: 'the start of the ASYE', probation: 'the start of probation', started: 'starting' };
export const UNITS = ['day', 'working day', 'week', 'month', 'year', 'hour'];
export const FIELD_TYPES = ['text', 'date', 'time', 'person', 'signature', 'case-ids', 'actions', 'choice', 'number', 'children'];
export const BASIS = ['stated', 'reading'];

const d = (key, label, optional = false) => ({ key, type: 'duration', label, optional });
const sessions = { key: 'counts', type: 'sessions', label: 'Sessions that count' };
const n = (key, label, optional = false) => ({ key, type: 'number', label, optional });

// A sentence is text, slots and clauses: a slot is {key, type, label, ...} (types:
// duration, select (options), sessions, events, bool, number, text, list of comma-separated
// words); a clause (an array) holds an optional slot, and the summary leaves the whole
// clause out when the slot is empty.
export const RULE_KINDS = {
  cadence: {
    title: 'Regular supervision (a cadence)', subject: 'worker',
    make: () => ({ obligation: 'supervision', counts: ['one-to-one'], every: '1 month' }),
    sentence: [{ key: 'obligation', type: 'select', options: SESSION_OBLIGATIONS, label: 'Obligation' }, [' every ', d('every', 'Every (interval)', true)],
      ', met by ', sessions, ' sessions', [', the first within ', d('first', 'First session within, after starting', true), ' of starting'], '.',
      { key: 'proRata', type: 'bool', label: 'Pro rata: a part-time worker\'s interval is stretched by their FTE' },
      { key: 'absenceExtends', type: 'bool', label: 'Absence extends the interval' },
      [' An interval agreed with the worker stands in, up to ', d('agreedUpTo', 'Agreed frequency, at most', true), '.']],
  },
  'min-count': {
    title: 'At least a number of sessions in a window', subject: 'worker',
    make: () => ({ counts: ['one-to-one'], count: 1, window: '1 month' }),
    sentence: ['At least ', n('count', 'How many sessions'), ' sessions in any ', d('window', 'Window'), ', met by ', sessions, ' sessions.'],
  },
  'max-gap': {
    title: 'A longest gap between sessions', subject: 'worker',
    make: () => ({ counts: ['one-to-one'], gap: '6 weeks' }),
    sentence: ['No more than ', d('gap', 'Longest gap'), ' between sessions, met by ', sessions, ' sessions.'],
  },
  'write-up': {
    title: 'Writing up a session', subject: 'worker',
    make: () => ({ counts: ['one-to-one'], within: '5 working days', what: 'supervision record' }),
    sentence: ['The ', { key: 'what', type: 'text', label: 'What is written up' }, ' of each ', sessions,
      ' session is written up within ', d('within', 'Written up within'), '.'],
  },
  rebook: {
    title: 'Rebooking a cancelled session', subject: 'worker',
    make: () => ({ obligation: 'supervision', counts: ['one-to-one'], cancelled: 'other', within: '5 working days', after: 'cancelled' }),
    sentence: ['A ', { key: 'obligation', type: 'select', options: SESSION_OBLIGATIONS, label: 'Obligation' }, ' session (', sessions,
      ') cancelled for ', { key: 'cancelled', type: 'select', options: ['sickness', 'other'], label: 'Cancelled for' },
      ' reasons is held again', [' within ', d('within', 'Held again within', true)], ' ',
      { key: 'byMonthEnd', type: 'bool', label: 'By the end of the calendar month' }, ', counted from the ',
      { key: 'after', type: 'select', options: ['return', 'cancelled'], label: 'Counted from (the return, or the cancelled date)' }, ' date.'],
  },
  'urgent-request': {
    title: 'An urgent request for supervision', subject: 'worker',
    make: () => ({ counts: ['one-to-one'], within: '2 working days' }),
    sentence: ['An urgent request for supervision is met by a ', sessions, ' session within ', d('within', 'Met within'), '.'],
  },
  'contact-briefing': {
    title: 'Supervision after a contact or referral', subject: 'worker',
    make: () => ({ within: '1 working day' }),
    sentence: ['Each contact or referral has its supervision', [' (', { key: 'step', type: 'select', options: ['', 'briefing', 'completion'], label: 'Which supervision (briefing, the default, or completion)' }, ')'],
      ' within ', d('within', 'Within'), '.'],
  },
  'incident-meeting': {
    title: 'Meeting after a serious incident', subject: 'worker',
    make: () => ({}),
    sentence: ['After a serious incident the supervisor meets the worker', [' within ', d('within', 'Within (blank: the same day)', true)], '.'],
  },
  'agreement-review': {
    title: 'Reviewing the supervision agreement', subject: 'worker',
    make: () => ({ every: '1 year' }),
    sentence: ['The supervision agreement is reviewed every ', d('every', 'Every'), [', first signed within ', d('first', 'First within', true), ' of starting'],
      [', and signed again within ', d('onChangeOfSupervisor', 'After a change of supervisor, within', true), ' of a change of supervisor'], '.'],
  },
  observation: {
    title: 'Observation of practice', subject: 'worker',
    make: () => ({ every: '1 year' }),
    sentence: ['Practice is observed every ', d('every', 'Every'), [', at least ', n('count', 'How many observations', true), ' times'], [' in any ', d('window', 'Window', true)], '.'],
  },
  milestone: {
    title: 'Reviews at milestones (ASYE reviews, PDR)', subject: 'worker',
    make: () => ({ obligation: 'asye-review', from: 'asye', at: ['3 months'], labels: ['3-month review'] }),
    sentence: ['Reviews (', { key: 'obligation', type: 'select', options: ['asye-review', 'pdr'], label: 'Obligation' }, ') are due after ',
      { key: 'from', type: 'select', options: ANCHORS, label: 'Counted from' }, ' at ',
      { key: 'at', type: 'list', label: 'At (durations, comma-separated)' }, ' (', { key: 'labels', type: 'list', label: 'Names of the milestones (comma-separated)' }, ')',
      ['; then every ', d('every', 'Then every', true)], ['; the series lasts ', d('until', 'The series lasts', true)], [', with ', d('grace', 'Grace after the series', true), ' of grace'], '.'],
  },
  'child-discussion': {
    title: 'Each child discussed regularly', subject: 'child',
    make: () => ({ every: '1 month' }),
    sentence: ['Each child on the caseload is discussed in supervision every ', d('every', 'Every'), '.'],
  },
  'child-first-discussion': {
    title: 'A newly allocated child discussed', subject: 'child',
    make: () => ({ within: '10 working days' }),
    sentence: ['A newly allocated child is first discussed within ', d('within', 'Within'), ' of allocation.'],
  },
  'child-after-event': {
    title: 'A child discussed after an event', subject: 'child',
    make: () => ({ events: ['significant-change'], within: '5 working days' }),
    sentence: ['After ', { key: 'events', type: 'events', label: 'Events' }, ' the child is discussed within ', d('within', 'Within'), '.'],
  },
  'child-before-event': {
    title: 'A child discussed before an event', subject: 'child',
    make: () => ({ events: ['child-protection-conference'], window: '2 weeks' }),
    sentence: ['Before ', { key: 'events', type: 'events', label: 'Events' }, ' the child is discussed in the ', d('window', 'Window before the event'), ' before it.'],
  },
  'child-assessment': {
    title: 'A child discussed during an assessment', subject: 'child',
    make: () => ({ every: '2 weeks' }),
    sentence: ['While an assessment is open the child is discussed', [' first within ', d('first', 'First within (blank: the same day)', true), ' of its start, then'], ' every ', d('every', 'Then every'), '.'],
  },
  'child-assessment-conclusion': {
    title: 'An assessment concluded in time', subject: 'child',
    make: () => ({ within: '45 working days' }),
    sentence: ['An assessment is concluded within ', d('within', 'Within'), ' of its start.'],
  },
  'group-supervision': {
    title: 'Group supervision for the team', subject: 'team',
    make: () => ({ every: '1 month' }),
    sentence: ['The team has group supervision every ', d('every', 'Every'), [', of at least ', n('minMinutes', 'Minutes at least', true), ' minutes'], '.'],
  },
  'file-audit': {
    title: 'Audit of supervision files', subject: 'team',
    make: () => ({ every: '3 months' }),
    sentence: ['Supervision files are audited every ', d('every', 'Every'), [', a sample of ', n('sample', 'Files in the sample', true), ' files'], '.',
      { key: 'perSupervisor', type: 'bool', label: 'One audit for each supervisor' }],
  },
  'supervisor-observation': {
    title: 'Observation of each supervisor', subject: 'team',
    make: () => ({ every: '1 year' }),
    sentence: ['Each supervisor\'s supervision is observed every ', d('every', 'Every'), '.'],
  },
};

// Template rules: their own keys. `field` slots name a field of the template.
const f = (key, label) => ({ key, type: 'field', label });
export const TEMPLATE_RULE_KINDS = {
  'not-future': { make: () => ({ field: '' }), sentence: [f('field', 'Date field'), ' is not in the future.'] },
  'date-order': { make: () => ({ earlier: '', later: '' }), sentence: [f('earlier', 'Earlier date'), ' is on or before ', f('later', 'Later date'), '.'] },
  'date-within': { make: () => ({ earlier: '', later: '', within: '5 working days' }), sentence: [f('later', 'Later date'), ' is within ', d('within', 'Within'), ' of ', f('earlier', 'Earlier date'), '.'] },
  'next-within-cadence': { make: () => ({ field: '', obligation: 'supervision' }), sentence: [f('field', 'Next session date'), ' is within the interval of the ', { key: 'obligation', type: 'select', options: OBLIGATIONS, label: 'Obligation' }, ' cadence.'] },
  'required-if-gap': { make: () => ({ field: '', last: '', obligation: 'supervision' }), sentence: [f('field', 'Field required'), ' is required when the gap from ', f('last', 'Last session date'), ' is longer than the ', { key: 'obligation', type: 'select', options: OBLIGATIONS, label: 'Obligation' }, ' cadence.'] },
  'min-duration': { make: () => ({ minutes: 60, start: '', end: '' }), sentence: ['The session lasts at least ', n('minutes', 'Minutes'), ' minutes', [', from ', f('start', 'Start time'), ' to ', f('end', 'End time')], [', as the number field ', f('field', 'Minutes field'), ' says'], '.'] },
};

/** A duration string's number and unit (singular), or null. */
export function parseDuration(s) {
  const m = typeof s === 'string' ? /^(\d+) (working days?|days?|weeks?|months?|years?|hours?)$/.exec(s) : null;
  return m ? { n: Number(m[1]), unit: m[2].replace(/s$/, '') } : null;
}
export const formatDuration = (num, unit) => `${num} ${unit}${num === 1 ? '' : 's'}`;
