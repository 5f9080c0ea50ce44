// The form designer: a template's sections and fields in order, each field's type,
// whether it is required (always, only when final, or not), label, hint, options, range and
// message; the template's rules as sentences naming its fields.

import { h, pathText } from './dom.js';
import { FIELD_TYPES, TEMPLATE_RULE_KINDS, BASIS } from './kinds.js';
import { at, put, text, number, select, list, duration, button, itemButtons } from './controls.js';

const REQUIRED = [['true', 'Always'], ['final', 'Only when the record is final'], ['false', 'No (optional)']];

function requiredControl(ctx, path) {
  const v = at(ctx.doc, path);
  const el = select(ctx, path, 'Required', REQUIRED, { structural: true,
    onPick: (x) => put(ctx.doc, path, x === 'final' ? 'final' : x === 'true') });
  const sel = el.querySelector('select');
  sel.value = v === 'final' ? 'final' : v === false ? 'false' : v === true ? 'true' : String(v);
  return el;
}

function fieldCard(ctx, fpath, j, f) {
  const name = `field ${f.id || j + 1}`;
  const required = f.required === true || f.required === 'final';
  return h('div', { class: 'ed-card ed-field-card', 'data-path': pathText(fpath) },
    h('p', { class: 'ed-card-title', text: `Field ${j + 1}: ${f.label || f.id || 'new'}` }),
    text(ctx, [...fpath, 'label'], 'Label (the question the case worker sees)'),
    text(ctx, [...fpath, 'id'], 'Field id', { hint: 'A letter, then letters, digits, _ or -; the form control\'s name.' }),
    select(ctx, [...fpath, 'type'], 'Type', FIELD_TYPES, { structural: true }),
    requiredControl(ctx, [...fpath, 'required']),
    text(ctx, [...fpath, 'hint'], 'Hint', { optional: true }),
    f.type === 'choice' ? list(ctx, [...fpath, 'options'], 'Options (comma-separated)') : null,
    f.type === 'number' ? number(ctx, [...fpath, 'min'], 'Smallest number') : null,
    f.type === 'number' ? number(ctx, [...fpath, 'max'], 'Largest number') : null,
    required || (f.messages && f.messages.required !== undefined)
      ? text(ctx, [...fpath, 'messages', 'required'], 'Message when it is left empty', { optional: true }) : null,
    text(ctx, [...fpath, 'source'], 'Clause (when not the section\'s)', { optional: true }),
    text(ctx, [...fpath, 'note'], 'Note', { optional: true }),
    itemButtons(ctx, fpath.slice(0, -1), j, name));
}

function sectionCard(ctx, tpath, i, s) {
  const spath = [...tpath, 'sections', i];
  const fpath = [...spath, 'fields'];
  return h('fieldset', { class: 'ed-card ed-section', 'data-path': pathText(spath) },
    h('legend', { class: 'ed-card-title', text: `Section ${i + 1}: ${s.title || 'new'}` }),
    text(ctx, [...spath, 'title'], 'Section title'),
    text(ctx, [...spath, 'id'], 'Section id'),
    text(ctx, [...spath, 'source'], 'Clause (when not the template\'s)', { optional: true }),
    text(ctx, [...spath, 'note'], 'Note', { optional: true }),
    (s.fields || []).map((f, j) => fieldCard(ctx, [...fpath, j], j, f)),
    button(ctx, 'Add a field', () => {
      const fields = s.fields || (s.fields = []);
      fields.push({ id: `field${fields.length + 1}`, label: '', type: 'text', required: true });
      ctx.focusNext = `t:${pathText([...fpath, fields.length - 1, 'label'])}`;
    }, { key: `addfield:${pathText(spath)}`, label: `Add a field to section ${i + 1}` }),
    itemButtons(ctx, [...tpath, 'sections'], i, `section ${i + 1}`));
}

function fieldIds(t, type) {
  return (t.sections || []).flatMap((s) => s.fields || []).filter((f) => !type || f.type === type).map((f) => [f.id, `${f.label || f.id} (${f.id})`]);
}

function templateRuleCard(ctx, tpath, t, i, r) {
  const rpath = [...tpath, 'rules', i];
  const spec = TEMPLATE_RULE_KINDS[r.kind];
  const parts = spec ? spec.sentence.flat(Infinity).map((piece) => {
    if (typeof piece === 'string') return piece;
    const p = [...rpath, piece.key];
    if (piece.type === 'field') return select(ctx, p, piece.label, fieldIds(t), { inline: true, blank: 'no field' });
    if (piece.type === 'duration') return duration(ctx, p, piece.label, { inline: true });
    if (piece.type === 'number') return number(ctx, p, piece.label, { inline: true, optional: false });
    return select(ctx, p, piece.label, piece.options, { inline: true });
  }) : [];
  const pick = (kind) => {
    const kept = Object.fromEntries(Object.entries(r).filter(([k]) => ['source', 'note', 'basis', 'reading'].includes(k)));
    ctx.doc.templates[tpath[1]].rules[i] = { kind, ...(TEMPLATE_RULE_KINDS[kind]?.make() || {}), source: '', ...kept };
  };
  return h('div', { class: 'ed-card', 'data-path': pathText(rpath) },
    h('p', { class: 'ed-card-title', text: `Template rule ${i + 1}` }),
    select(ctx, [...rpath, 'kind'], 'Kind of template rule', Object.keys(TEMPLATE_RULE_KINDS), { structural: true, onPick: pick }),
    h('div', { class: 'ed-sentence' }, parts),
    text(ctx, [...rpath, 'source'], 'Clause'),
    select(ctx, [...rpath, 'basis'], 'Basis', BASIS.map((b) => [b, b === 'stated' ? 'Stated in the clause' : 'Our reading of the clause']), { blank: 'Not said' }),
    text(ctx, [...rpath, 'reading'], 'The reading (a sentence)', { optional: true }),
    text(ctx, [...rpath, 'note'], 'Note', { optional: true }),
    itemButtons(ctx, [...tpath, 'rules'], i, `template rule ${i + 1}`));
}

/** One template's card: its details, sections, fields and rules. */
export function templateCard(ctx, i) {
  const tpath = ['templates', i];
  const t = at(ctx.doc, tpath);
  const dates = fieldIds(t, 'date');
  return h('section', { class: 'ed-card ed-template', 'data-path': pathText(tpath), 'aria-label': `Template ${i + 1}: ${t.title || 'new'}` },
    h('h4', { class: 'ed-card-title', text: `Template ${i + 1}: ${t.title || 'new'}` }),
    text(ctx, [...tpath, 'title'], 'Title of the form'),
    text(ctx, [...tpath, 'id'], 'Template id'),
    text(ctx, [...tpath, 'source'], 'Clause (the document and section)'),
    select(ctx, [...tpath, 'sessionDate'], 'The field holding the session date', dates, { blank: 'None' }),
    text(ctx, [...tpath, 'note'], 'Note', { optional: true, long: true }),
    (t.sections || []).map((s, j) => sectionCard(ctx, tpath, j, s)),
    button(ctx, 'Add a section', () => {
      const ss = t.sections || (t.sections = []);
      ss.push({ id: `section-${ss.length + 1}`, title: '', fields: [] });
      ctx.focusNext = `t:${pathText([...tpath, 'sections', ss.length - 1, 'title'])}`;
    }, { key: `addsection:${pathText(tpath)}`, label: `Add a section to template ${i + 1}` }),
    h('h5', { class: 'ed-subhead', text: 'Template rules' }),
    (t.rules || []).map((r, j) => templateRuleCard(ctx, tpath, t, j, r)),
    button(ctx, 'Add a template rule', () => {
      const rs = t.rules || (t.rules = []);
      rs.push({ kind: 'not-future', field: (fieldIds(t, 'date')[0] || [''])[0], source: t.source || '' });
    }, { key: `addtrule:${pathText(tpath)}`, label: `Add a rule to template ${i + 1}` }),
    itemButtons(ctx, ['templates'], i, `template ${i + 1}`));
}
