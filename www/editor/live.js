// What a policy does, beside the editor: the form as a case worker will see it (drawn from
// the template and bound with the widget's `attach`, after `registerPolicy` in this page's
// authoring module), a sample caseload's due dates beside a built-in policy's (worked out
// in the page's Web Worker), the printable summary, and the compiled policy to download.

import { h } from './dom.js';
import { summary } from './summary.js';

const INPUT = { date: 'date', time: 'time', number: 'number' };

/** The template as a plain form, one control per field (named by its id), bound by attach. */
export function drawForm(root, api, policyId, t) {
  if (root.widget) { try { root.widget.detach(); } catch { /* already gone */ } }
  const form = h('form', { 'aria-labelledby': 'pv-title', novalidate: true, action: '#' }, h('h3', { id: 'pv-title', text: t.title }));
  const ROWS = { actions: [['action', 'Action', 'text'], ['who', 'Who', 'text'], ['when', 'By when', 'date']], children: [['name', 'Name', 'text'], ['dob', 'Date of birth', 'date']] };
  for (const s of t.sections) {
    const fs = h('fieldset', { class: 'section' }, h('legend', { class: 'section-legend', text: s.title }));
    for (const f of s.fields) {
      if (ROWS[f.type]) {
        // One row of the table, named as the widget reads rows: actions[0][who].
        fs.append(h('fieldset', { class: 'ed-group', 'data-field': f.id }, h('legend', { class: 'label', text: f.label }),
          ROWS[f.type].map(([k, words, type]) => h('div', { class: 'form-group' },
            h('label', { class: 'label', for: `pv-${f.id}-0-${k}`, text: `${words} (row 1)` }),
            h('input', { class: 'input-medium', id: `pv-${f.id}-0-${k}`, name: `${f.id}[0][${k}]`, type: INPUT[type] || 'text' })))));
        continue;
      }
      const id = `pv-${f.id}`;
      const label = h('label', { class: 'label', for: id, text: f.required === false ? `${f.label} (optional)` : f.label });
      let control;
      if (f.type === 'choice') control = h('select', { class: 'select', id, name: f.id }, h('option', { value: '', text: '' }), (f.options || []).map((o) => h('option', { value: o, text: o })));
      else if (f.type === 'text') control = h('textarea', { class: 'textarea', id, name: f.id, rows: 2 });
      else control = h('input', { class: 'input-medium', id, name: f.id, type: INPUT[f.type] || 'text' });
      fs.append(h('div', { class: 'form-group' }, label, f.hint ? h('p', { class: 'label-note', text: f.hint }) : null, control));
    }
    form.append(fs);
  }
  form.append(h('button', { type: 'submit', class: 'button', text: 'Save the record (as final)' }));
  const place = h('div', { class: 'ed-preview-summary' });
  root.replaceChildren(place, form);
  try {
    root.widget = api.attach(form, { policy: policyId, template: t.id, mode: 'final', stylesheet: 'pkg/supervision-rules.css', summary: place });
  } catch (e) {
    root.widget = null;
    root.append(h('p', { class: 'status status-error', text: `The form could not be bound: ${e.message}` }));
  }
}

const shiftDays = (date, days) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The example worker and one worker for each role of the policy. */
export function sampleCaseload(example, roles, asOf) {
  const out = [{ label: 'The example worker', worker: example }];
  for (const r of roles.slice(0, 6)) {
    out.push({ label: `A ${r.label.toLowerCase()}`, worker: { id: `sample-${r.id}`, role: r.id, started: shiftDays(asOf, -400), asye: shiftDays(asOf, -60),
      sessions: [{ date: shiftDays(asOf, -20), type: 'one-to-one' }, { date: shiftDays(asOf, -20), type: 'case' }] } });
  }
  return out;
}

/** The caseload table: each obligation's due date here and in the built-in, and why. */
export function drawCaseload(table, rows, otherName) {
  table.replaceChildren(h('caption', { class: 'visually-hidden', text: 'Due dates of a sample caseload, beside a built-in policy' }),
    h('thead', {}, h('tr', {}, ['Worker', 'What', 'Due under this policy', `Due under ${otherName}`, 'Why'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, rows.map((r) => h('tr', { class: r.due !== r.other ? 'ed-differs' : '' },
      h('th', { scope: 'row', text: r.worker }), h('td', { text: r.kind }),
      h('td', { text: r.due || 'not due' }), h('td', { text: r.other || 'not due' }),
      h('td', { text: r.due !== r.other ? `Differs. Here: ${r.why || 'no such rule'}. There: ${r.otherWhy || 'no such rule'}` : 'The same' })))));
}

/** The plain-English summary: every rule a sentence, with its clause. */
export function drawSummary(root, p) {
  root.replaceChildren(h('p', {}, h('strong', { text: p.authority }), ` – ${p.title} (${p.document})${p.version ? `, version ${p.version}` : ''}.`),
    ...summary(p).flatMap((b) => [h('h3', { text: b.heading }),
      h('ol', { class: 'ed-summary-list' }, b.items.map((it) => h('li', {}, it.text, it.clause ? h('span', { class: 'ed-clause', text: ` – ${it.clause}` }) : null,
        it.note ? h('p', { class: 'label-note', text: `Reading: ${it.note}` }) : null)))]));
}
