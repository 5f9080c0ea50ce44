// supervision-rules/surveyjs: a template as SurveyJS survey JSON, and a validation hook that
// puts validate()'s findings on the survey's questions, table cells and rows. Plain
// JavaScript over an entry point the page loaded.
//
//   const form = surveyJs(sr, 'havering', 'case-supervision-record', { mode: 'final' });
//   const survey = new Model(form.json);
//   form.attach(survey);          // returns a function that detaches it
//   <Survey model={survey} />
//
// - one page; a panel per section, in order, titled as the section; long text a `comment`,
//   dates `inputType: 'date'`, choices a `dropdown` of their labels, tables of actions and
//   children a `matrixdynamic` (a row per action, a column per cell); `isRequired` as
//   validate() requires in the mode;
// - the hook (SurveyJS's `onValidateQuestion`, which runs for cell questions too) replaces
//   the errors SurveyJS found itself on the template's questions (required, min/max) with
//   validate()'s findings at the same place, so nothing is said twice: a field's on its
//   question, a cell's (`actions[0].who`) on that cell, a whole row's or table's on the table;
// - warnings (every finding in draft mode) are SurveyJS warnings (`notificationType:
//   'warning'`): shown in SurveyJS's warning style, they do not block completing.
import { CustomError } from 'survey-core';
import { fieldsOf, check, isRequired, modeOf, CELLS } from './shared.js';

function question(field, mode) {
  const q = { name: field.id, title: field.label };
  if (field.hint) q.description = field.hint;
  if (isRequired(field, mode)) q.isRequired = true;
  switch (field.type) {
    case 'text': return { ...q, type: 'comment' };
    case 'date': return { ...q, type: 'text', inputType: 'date' };
    case 'time': return { ...q, type: 'text', inputType: 'time' };
    case 'number': {
      const n = { ...q, type: 'text', inputType: 'number' };
      if (field.min !== undefined) n.min = field.min;
      if (field.max !== undefined) n.max = field.max;
      return n;
    }
    case 'choice':
      return { ...q, type: 'dropdown', choices: (field.options || []).map((o) => ({ value: o, text: o })) };
    case 'actions':
    case 'children':
      return {
        ...q,
        type: 'matrixdynamic',
        rowCount: 1,
        addRowText: field.type === 'actions' ? 'Add an action' : 'Add a child',
        columns: CELLS[field.type].map((c) => ({ ...question(c, mode), cellType: c.type === 'text' ? 'comment' : 'text' })),
      };
    default: return { ...q, type: 'text' };
  }
}

/** The record path of a question: `date`, or `actions[0].who` for a cell of a table. */
function pathOf(q) {
  const table = q.parentQuestion;
  if (table && q.data && typeof table.visibleRows !== 'undefined') {
    const row = table.visibleRows.indexOf(q.data);
    return `${table.name}[${row}].${q.name}`;
  }
  return q.name;
}

/**
 * Survey JSON for a template, and `attach(survey)`, the validation hook. `sr` is the entry
 * point the page loaded and initialised; `options` are validate()'s.
 */
export function surveyJs(sr, policyId, templateId, options = {}) {
  const mode = modeOf(options);
  const { template, fields } = fieldsOf(sr, policyId, templateId);
  const json = {
    title: template.title,
    showQuestionNumbers: 'off',
    completeText: mode === 'final' ? 'Save' : 'Save draft',
    pages: [{
      name: template.id,
      elements: template.sections.map((s) => ({
        type: 'panel', name: `section-${s.id}`, title: s.title,
        elements: s.fields.map((f) => question(f, mode)),
      })),
    }],
  };
  const ids = new Set(fields.map((f) => f.id));
  const report = (data) => check(sr, policyId, templateId, data, { ...options, mode });
  const tables = new Set(fields.filter((f) => CELLS[f.type]).map((f) => f.id));
  return {
    json,
    /** validate()'s report on survey data, as the survey shows it. */
    validate: report,
    /** Puts validate()'s findings on `survey`'s questions; returns a function to detach it. */
    attach(survey) {
      let cached = { data: undefined, findings: [] };
      const findings = () => {
        const data = JSON.stringify(survey.data);
        if (cached.data !== data) {
          const r = report(survey.data);
          cached = { data, findings: [...r.errors, ...r.warnings] };
        }
        return cached.findings;
      };
      const handler = (_, o) => {
        const q = o.question;
        const path = pathOf(q);
        const top = path.split(/[.[]/)[0];
        if (!ids.has(top)) return;
        // A table question collects its rows' and cells' findings too; show only its own.
        const isTable = tables.has(path);
        o.errors.splice(0, o.errors.length);
        for (const f of findings()) {
          const own = f.path === path || (isTable && /^[^.[]+\[\d+\]$/.test(f.path) && f.path.startsWith(`${path}[`));
          if (!own) continue;
          const e = new CustomError(f.message, survey);
          e.notificationType = f.severity === 'warning' ? 'warning' : 'error';
          o.errors.push(e);
        }
      };
      survey.onValidateQuestion.add(handler);
      return () => survey.onValidateQuestion.remove(handler);
    },
  };
}
