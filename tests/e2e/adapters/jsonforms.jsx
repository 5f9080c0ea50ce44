// JSON Forms (React, vanilla renderers) with supervision-rules/jsonforms, in its default setup.
import { useMemo, useState } from 'react';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { jsonForms } from 'supervision-rules/jsonforms';
import { sr, start, settle } from './harness.js';

function Record({ policy, template, record, mode }) {
  const form = useMemo(() => jsonForms(sr, policy, template, { mode, today: '2026-04-02' }), [policy, template, mode]);
  const [data, setData] = useState(record);
  return <JsonForms {...form.props} data={data} renderers={vanillaRenderers} cells={vanillaCells}
    additionalErrors={form.errors(data)} onChange={(e) => { window.formData = e.data; setData(e.data); }} />;
}

await start((p) => <Record {...p} />);
window.submit = settle;
// Each message with the control it is on: a control's below it, a table row's (its cells')
// in the row's message column, the table's own above the table.
function messages() {
  const out = [];
  const push = (at, text) => text && out.push({ at, text, warning: text.startsWith('Warning: ') });
  const fieldOf = (el) => [...el.classList].find((c) => c.startsWith('root_properties_')).slice('root_properties_'.length);
  for (const c of document.querySelectorAll('#root .control:not(.array-table-layout)')) {
    push(fieldOf(c), c.querySelector(':scope > .validation_error')?.textContent);
  }
  for (const t of document.querySelectorAll('#root .array-table-layout')) {
    const field = fieldOf(t);
    push(field, t.querySelector(':scope > .validation')?.textContent);
    [...t.querySelectorAll(':scope > table > tbody > tr')].forEach((tr, i) => {
      const text = tr.children.length > 2 ? tr.children[tr.children.length - 2].textContent : '';
      if (text !== 'OK') push(`${field}.${i}`, text);
    });
  }
  return out;
}
window.describe = () => ({
  legends: [...document.querySelectorAll('#root fieldset.group-layout > legend')].map((l) => l.textContent),
  textareas: document.querySelectorAll('#root textarea').length,
  dates: document.querySelectorAll('#root input[type=date]').length,
  times: document.querySelectorAll('#root input[type=time]').length,
  choices: [...document.querySelectorAll('#root select')].map((s) => [...s.options].filter((o) => o.value !== '').map((o) => o.label)),
  selects: document.querySelectorAll('#root select').length,
  required: [...document.querySelectorAll('#root label')].filter((l) => l.textContent.endsWith('*')).length,
  invalidCells: document.querySelectorAll('#root td input.invalid').length,
  messages: messages(),
});
