// The widget on a form it has never seen: a hand-written Havering personal supervision form
// whose control names are the page's own, bound to the template with a mapping.
//
//   import init, { attach } from './pkg/widget/index.js';
//   await init();
//   attach(form, { policy: 'havering', template: 'personal-supervision', fields: FIELDS });
//
// mapping.html?mode=draft attaches it in draft mode (nothing blocks).

import init, { attach, schedule, renderSchedule } from './pkg/widget/index.js';
import { today as day } from './common.js';

/** Template field id -> this page's control name. For the actions fields, the prefix of
 *  the rows' names: feeling_actions[0][action], feeling_actions[0][who], feeling_actions[0][when]. */
const FIELDS = {
  supervisee: 'staff_member',
  supervisor: 'line_manager',
  date: 'session_date',
  nextDate: 'next_session',
  howFeelingDiscussion: 'feeling_notes',
  howFeelingActions: 'feeling_actions',
  praiseRecognitionDiscussion: 'praise_notes',
  praiseRecognitionActions: 'praise_actions',
  learningDevelopmentDiscussion: 'learning_notes',
  learningDevelopmentActions: 'learning_actions',
  healthWellbeingDiscussion: 'wellbeing_notes',
  healthWellbeingActions: 'wellbeing_actions',
  annualLeaveDiscussion: 'leave_notes',
  annualLeaveActions: 'leave_actions',
  anyOtherBusinessDiscussion: 'aob_notes',
  anyOtherBusinessActions: 'aob_actions',
  supervisorSignature: 'signed_by_manager',
  superviseeSignature: 'signed_by_staff',
};

const form = document.getElementById('supervision-form');
const saved = document.getElementById('saved');
const draftMode = new URLSearchParams(location.search).get('mode') === 'draft';

// The page's own save. The widget's check runs first; a submit it blocks never gets here.
form.addEventListener('submit', (event) => {
  event.preventDefault(); // a demo: nothing is sent anywhere
  const draft = draftMode || (event.submitter && event.submitter.hasAttribute('formnovalidate'));
  saved.textContent = draft
    ? 'Draft saved. (A demo: nothing was sent.)'
    : 'Record finalised. (A demo: nothing was sent.)';
});
form.addEventListener('input', () => { saved.textContent = ''; });

function modeNote() {
  const note = document.getElementById('mode-note');
  const link = document.createElement('a');
  if (draftMode) {
    note.append('The widget is attached in draft mode: it lists things to check and never stops a save. ');
    link.href = 'mapping.html';
    link.textContent = 'Use final mode';
  } else {
    note.append('Finalise record checks the whole record and stops while something is missing; Save as draft only lists things to check. ');
    link.href = 'mapping.html?mode=draft';
    link.textContent = 'Attach the widget in draft mode';
  }
  note.append(link);
}

/** The supervisee's due dates, from a made-up history relative to today. */
function dueDates() {
  const worker = {
    id: 'SW-1042',
    role: 'social-worker',
    started: day(-105),
    agreement: { signed: day(-100) },
    observations: [day(-60)],
    sessions: [
      { date: day(-96), type: 'personal', recorded: day(-94) },
      { date: day(-66), type: 'personal', recorded: day(-64) },
      { date: day(-38), type: 'personal', recorded: day(-36) },
      { date: day(-24), type: 'case', recorded: day(-23) },
      { date: day(-3), type: 'case' },
    ],
  };
  const s = schedule('havering', worker, { asOf: day(0) });
  renderSchedule(document.getElementById('due-dates'), s, worker);
}

try {
  await init();
  const widget = attach(form, {
    policy: 'havering',
    template: 'personal-supervision',
    mode: draftMode ? 'draft' : 'final',
    fields: FIELDS,
    stylesheet: true,
  });
  modeNote();
  dueDates();
  // For the browser console and the end-to-end test.
  window.supervisionDemo = { widget, fields: FIELDS };
} catch (e) {
  saved.textContent = 'The record checks could not be loaded; the form still saves without them.';
  throw e;
}
