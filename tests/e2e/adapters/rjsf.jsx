// react-jsonschema-form with supervision-rules/rjsf, in RJSF's default setup.
import { useMemo, useState } from 'react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { rjsf } from 'supervision-rules/rjsf';
import { sr, start, settle } from './harness.js';

function Record({ policy, template, record, mode }) {
  const form = useMemo(() => rjsf(sr, policy, template, { mode, today: '2026-04-02' }), [policy, template, mode]);
  const [data, setData] = useState(record);
  // onSubmit and onError as a page has them (without onError, RJSF logs a console.error).
  return <Form {...form.props} validator={validator} formData={data}
    extraErrors={form.warnings(data)} onChange={(e) => { window.formData = e.formData; setData(e.formData); }}
    onSubmit={() => { window.saved = true; }} onError={() => { window.saved = false; }} />;
}

await start((p) => <Record {...p} />);
window.submit = async () => {
  window.saved = undefined;
  document.querySelector('#root form button[type=submit]').click();
  await settle();
};
// Each inline message with the field it is on: RJSF's error list for `root_actions_0_who`.
window.describe = () => ({
  legends: [...document.querySelectorAll('fieldset.sr-section > legend')].map((l) => l.textContent),
  textareas: document.querySelectorAll('#root textarea').length,
  dates: document.querySelectorAll('#root input[type=date]').length,
  times: document.querySelectorAll('#root input[type=time]').length,
  choices: [...document.querySelectorAll('#root select')].map((s) => [...s.options].filter((o) => o.value !== '').map((o) => o.label)),
  selects: document.querySelectorAll('#root select').length,
  required: document.querySelectorAll('#root .required').length,
  summary: [...document.querySelectorAll('#root .errors li')].map((li) => li.textContent),
  messages: [...document.querySelectorAll('#root [id$="__error"] li')].map((li) => ({
    at: li.closest('[id$="__error"]').id.replace(/^root_/, '').replace(/__error$/, '').replace(/_/g, '.'),
    text: li.textContent,
    warning: li.textContent.startsWith('Warning: '),
  })),
});
