// The package under a strict Content-Security-Policy (csp.html's <meta>):
//
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   object-src 'none'; base-uri 'none'
//
// 'wasm-unsafe-eval' lets the browser compile supervision_rules_bg.wasm; nothing else is
// needed. style-src 'self' blocks inline <style>, so the widget's stylesheet is linked as
// the package's own file ({ stylesheet: '/pkg/supervision-rules.css' }) instead of { stylesheet: true }.
// The form's control names are the template's field ids, so no mapping is needed.

import init, { attach, schedule, renderSchedule } from './pkg/widget/index.js';
import { today as day } from './common.js';

const POLICY = 'shropshire';
const TEMPLATE = 'case-supervision';

const form = document.getElementById('case-supervision');
const saved = document.getElementById('saved');
const status = document.getElementById('csp-status');

// Anything the policy blocks is reported here (and in the browser console).
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber });
  status.textContent = `The Content-Security-Policy blocked ${violations.length} ${violations.length === 1 ? 'thing' : 'things'} on this page: see the browser console.`;
  status.className = 'status status-error';
});

// The page's own save. The widget's check runs first; a submit it blocks never gets here.
form.addEventListener('submit', (event) => {
  event.preventDefault(); // a demo: nothing is sent anywhere
  const draft = event.submitter && event.submitter.hasAttribute('formnovalidate');
  saved.textContent = draft
    ? 'Draft saved. (A demo: nothing was sent.)'
    : 'Record saved. (A demo: nothing was sent.)';
  saved.hidden = false;
});
form.addEventListener('input', () => {
  saved.textContent = '';
  saved.hidden = true;
});

try {
  await init();
  const widget = attach(form, { policy: POLICY, template: TEMPLATE, mode: 'final', stylesheet: '/pkg/supervision-rules.css' });

  // The due-dates panel: an SVG timeline and a list, with no inline style or script either.
  const worker = {
    id: 'SW-2031',
    role: 'social-worker',
    started: day(-150),
    sessions: [
      { date: day(-120), type: 'one-to-one' },
      { date: day(-90), type: 'one-to-one' },
      { date: day(-62), type: 'case' },
      { date: day(-33), type: 'one-to-one' },
    ],
  };
  renderSchedule(document.getElementById('due-dates'), schedule(POLICY, worker, { asOf: day(0) }), worker);

  if (violations.length === 0) {
    status.textContent = 'The checks are attached, and the Content-Security-Policy has blocked nothing on this page.';
  }
  // For the browser console and the end-to-end test.
  window.supervisionDemo = { widget, violations };
} catch (e) {
  status.textContent = 'The record checks could not be loaded; the form still saves without them.';
  status.className = 'status status-error';
  throw e;
}
