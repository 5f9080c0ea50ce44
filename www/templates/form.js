// One demo page for every template of every policy: form.html?policy=havering&template=personal-supervision
// builds a real HTML form from template() with the demo's one form builder
// (../record-form.js: a fieldset per section, a label and hint per field, a select for a
// choice, a table of rows for actions and children) and attaches the widget to it:
//
//   attach(form, { policy, template, mode: 'final', stylesheet: true });
//
// Control names are the template's field ids (actions rows: actions[0][action],
// actions[0][who], actions[0][when]; children rows: children[0][name], children[0][dob]), so
// no mapping is needed. Nothing here knows any particular policy: a new template, or a
// policy registered with registerPolicy(), gets its page from the data alone.
// All text goes in with textContent.

import init, { policies, template as getTemplate, attach } from '../pkg/widget/index.js';
import { $, el as h } from '../common.js';
import { recordForm } from '../record-form.js';

function showProblem(heading, message, withLink) {
  document.title = `${heading} – supervision-rules demo`;
  $('page-heading').textContent = heading;
  $('lede').textContent = '';
  const p = $('problem');
  p.textContent = message;
  if (withLink) {
    const a = h('a', { href: './', text: 'Choose a template from the list' });
    p.append(' ', a, '.');
  }
}

async function main() {
  const params = new URLSearchParams(location.search);
  const policyId = params.get('policy');
  const templateId = params.get('template');
  if (!policyId || !templateId) {
    showProblem('Choose a template', 'This page shows one template of one policy.', true);
    return;
  }
  await init();
  const summary = policies().find((p) => p.id === policyId);
  let tpl;
  try {
    tpl = getTemplate(policyId, templateId);
  } catch (e) {
    if (e && (e.code === 'unknown-policy' || e.code === 'unknown-template')) {
      showProblem('Template not found', `There is no template “${templateId}” in the policy “${policyId}”.`, true);
      return;
    }
    throw e;
  }

  document.title = `${tpl.title} – ${summary ? summary.authority : policyId} – supervision-rules demo`;
  $('page-caption').textContent = summary ? summary.authority : policyId;
  $('page-heading').textContent = tpl.title;
  $('lede').textContent = summary
    ? `From ${summary.title}${tpl.source ? ` (${tpl.source})` : ''}.`
    : (tpl.source || '');
  if (tpl.note) {
    $('about-note').textContent = tpl.note;
    $('about').hidden = false;
  }
  $('intro').hidden = false;

  const form = $('record-form');
  $('sections').replaceChildren(...recordForm(tpl).sections);
  form.hidden = false;

  // The page's own save. The widget's check runs first; a submit it blocks never gets here.
  const saved = $('saved');
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // a demo: nothing is sent anywhere
    const draft = event.submitter && event.submitter.hasAttribute('formnovalidate');
    saved.textContent = draft
      ? 'Draft saved. (A demo: nothing was sent.)'
      : 'Record saved. (A demo: nothing was sent.)';
  });
  form.addEventListener('input', () => { saved.textContent = ''; });

  const widget = attach(form, { policy: policyId, template: templateId, mode: 'final', stylesheet: true });
  // For the browser console and the end-to-end test.
  window.supervisionDemo = { widget, policy: policyId, template: templateId };
}

main().catch((e) => {
  showProblem('Sorry, there is a problem', 'The form could not be loaded. Try again later.', false);
  throw e;
});
