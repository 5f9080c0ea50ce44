// SurveyJS (survey-core + survey-react-ui) with supervision-rules/surveyjs, in its default setup.
import { useMemo } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.css';
import { surveyJs } from 'supervision-rules/surveyjs';
import { sr, start, settle } from './harness.js';

function Record({ policy, template, record, mode }) {
  const survey = useMemo(() => {
    const form = surveyJs(sr, policy, template, { mode, today: '2026-04-02' });
    const model = new Model(form.json);
    model.data = record;
    form.attach(model);
    model.onValueChanged.add(() => { window.formData = model.data; });
    window.survey = model;
    return model;
  }, [policy, template, mode]);
  return <Survey model={survey} />;
}

await start((p) => <Record {...p} />);
window.submit = async () => {
  window.saved = window.survey.validate(true);
  await settle();
};
// Each message with the question it is on; a cell's is in the table's cell above the input,
// named by its row and its column's header.
function messages() {
  return [...document.querySelectorAll('#root .sd-error__item')].map((item) => {
    const box = item.closest('.sd-question__erbox, .sd-error');
    const td = item.closest('td');
    let at = item.closest('[data-name]').dataset.name;
    if (td) {
      // An error row sits above its row of cells; its cells line up with the columns.
      const isErrorRow = (r) => r.querySelector('.sd-table__cell--error') !== null;
      const tr = td.parentElement;
      const rows = [...tr.parentElement.children];
      const index = rows.slice(0, rows.indexOf(tr)).filter((r) => !isErrorRow(r)).length;
      const column = window.survey.getQuestionByName(at).visibleColumns[td.cellIndex];
      at = `${at}.${index}.${column.name}`;
    }
    return { at, text: item.textContent, warning: box.classList.contains('sd-error--warning') };
  });
}
window.describe = () => ({
  legends: [...document.querySelectorAll('#root .sd-panel__title')].map((l) => l.textContent),
  textareas: document.querySelectorAll('#root textarea').length,
  dates: document.querySelectorAll('#root input[type=date]').length,
  times: document.querySelectorAll('#root input[type=time]').length,
  // SurveyJS draws a dropdown's list only when opened: its labels from the model.
  choices: window.survey.getAllQuestions().filter((q) => q.getType() === 'dropdown').map((q) => q.choices.map((c) => c.text)),
  selects: document.querySelectorAll('#root .sd-dropdown').length,
  required: document.querySelectorAll('#root .sd-question__title .sd-question__required-text').length,
  messages: messages(),
});
