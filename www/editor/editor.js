// The guided policy editor (issue 24): the policy's details, roles, timing rules as
// sentences, templates as forms, and a built-in it extends, drawn from the policy object
// and writing back to it. The page keeps the JSON beside it in step (`onChange` after each
// edit; `set` after the JSON is edited). `spots` finds, for each of checkPolicy's problems,
// the control it concerns, where the page has the widget (showProblems) draw it;
// `onRender` after each redraw, for the page to draw them again.

import { h, under, uid } from './dom.js';
import { at, text, button, itemButtons } from './controls.js';
import { ruleCard, addRule } from './rules.js';
import { templateCard } from './templates.js';
import { ruleSentence } from './summary.js';

export function blankPolicy() {
  return { format: 1, id: 'my-council', authority: '', title: '', document: '',
    roles: [{ id: 'social-worker', label: 'Social worker', source: '' }], rules: [], templates: [] };
}

function details(ctx, builtIns) {
  const base = h('select', { class: 'select', id: 'ed-extends', 'data-key': 's:extends' },
    h('option', { value: '', text: 'Nothing: a policy of our own' }), builtIns.map((p) => h('option', { value: p.id, text: p.authority })));
  base.value = ctx.doc.extends || '';
  if (ctx.doc.extends && base.value !== ctx.doc.extends) {
    base.append(h('option', { value: ctx.doc.extends, text: `${ctx.doc.extends} (not a built-in policy)` }));
    base.value = ctx.doc.extends;
  }
  base.addEventListener('change', () => {
    if (base.value) ctx.doc.extends = base.value;
    else { delete ctx.doc.extends; delete ctx.doc.remove; }
    ctx.changed(true);
  });
  return h('section', { class: 'ed-part', 'aria-labelledby': 'ed-details-h', 'data-path': '' }, h('h3', { id: 'ed-details-h', text: 'The policy' }),
    text(ctx, ['id'], 'Policy id', { hint: 'Lowercase letters, digits and hyphens: how pages name this policy.' }),
    text(ctx, ['authority'], 'Council'),
    text(ctx, ['title'], 'Title of the policy document'),
    text(ctx, ['document'], 'The document (its file name)', { hint: 'Every clause below starts with it, e.g. my-council-policy.pdf §4.' }),
    text(ctx, ['version'], 'Version of this policy data (YEAR.N)', { optional: true }),
    h('div', { class: 'ed-field', 'data-path': 'extends' }, h('label', { class: 'label', for: base.id, text: 'Based on a built-in policy' }), base),
    replaces(ctx), notes(ctx));
}

/** `replaces`: this policy stands in for the one registered under its id (a built-in's). */
function replaces(ctx) {
  const box = h('input', { class: 'checkbox', type: 'checkbox', id: uid('b'), 'data-key': 'b:replaces', checked: ctx.doc.replaces !== undefined });
  box.addEventListener('change', () => {
    if (box.checked) ctx.doc.replaces = ctx.doc.id;
    else delete ctx.doc.replaces;
    ctx.changed(false);
  });
  return h('div', { class: 'ed-check', 'data-path': 'replaces' }, box,
    h('label', { for: box.id, text: 'This policy replaces the policy already registered with its id (a built-in\'s)' }));
}

/** `notes`: readings for the whole policy, one a line. */
function notes(ctx) {
  const area = h('textarea', { class: 'textarea', id: uid('c'), rows: 3, 'data-key': 't:notes' });
  area.value = Array.isArray(ctx.doc.notes) ? ctx.doc.notes.join('\n') : '';
  area.addEventListener('input', () => {
    const lines = area.value.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length) ctx.doc.notes = lines;
    else delete ctx.doc.notes;
    ctx.changed(false);
  });
  return h('div', { class: 'ed-field', 'data-path': 'notes' }, h('label', { class: 'label', for: area.id, text: 'Notes on the whole policy (one a line)' }),
    h('p', { class: 'label-note', text: 'Readings that apply to the whole policy, and clauses the format cannot say.' }), area);
}

function roles(ctx) {
  const list = ctx.doc.roles || [];
  return h('section', { class: 'ed-part', 'aria-labelledby': 'ed-roles-h', 'data-path': 'roles' }, h('h3', { id: 'ed-roles-h', text: 'Roles' }),
    h('p', { text: 'A worker is in a role when their record\'s role is its id. Every policy has "social-worker".' }),
    list.map((r, i) => h('div', { class: 'ed-card', 'data-path': `roles[${i}]` },
      h('p', { class: 'ed-card-title', text: `Role ${i + 1}: ${r.label || r.id || 'new'}` }),
      text(ctx, ['roles', i, 'label'], 'Name of the role'),
      text(ctx, ['roles', i, 'id'], 'Role id (what selects it: the worker\'s role)'),
      text(ctx, ['roles', i, 'source'], 'Clause'),
      text(ctx, ['roles', i, 'note'], 'Note', { optional: true, long: true }),
      itemButtons(ctx, ['roles'], i, `role ${r.id || i + 1}`))),
    button(ctx, 'Add a role', () => {
      const rs = ctx.doc.roles || (ctx.doc.roles = []);
      rs.push({ id: '', label: '', source: '' });
      ctx.focusNext = `t:roles[${rs.length - 1}].label`;
    }, { key: 'addrole' }));
}

/** The base's rules beside this policy's: kept, changed here (both sentences), removed. */
function based(ctx, base) {
  if (!base) return null;
  const own = new Map((ctx.doc.rules || []).map((r) => [r.id, r]));
  const removed = () => (at(ctx.doc, ['remove', 'rules']) || []);
  const setRemoved = (ids) => {
    ctx.doc.remove = { ...(ctx.doc.remove || {}), rules: ids };
    if (!ids.length) delete ctx.doc.remove.rules;
    if (!Object.keys(ctx.doc.remove).length) delete ctx.doc.remove;
  };
  const rows = base.rules.map((r) => {
    const mine = own.get(r.id);
    const gone = removed().includes(r.id);
    const status = mine ? 'Changed here' : gone ? 'Removed' : 'Kept as it is';
    const actions = mine ? [] : gone
      ? [button(ctx, 'Keep it', () => setRemoved(removed().filter((x) => x !== r.id)), { label: `Keep ${r.id}` })]
      : [button(ctx, 'Change it', () => { (ctx.doc.rules || (ctx.doc.rules = [])).push(structuredClone(r)); }, { label: `Change ${r.id}` }),
        button(ctx, 'Remove it', () => setRemoved([...removed(), r.id]), { label: `Remove ${r.id}` })];
    return h('tr', { class: mine ? 'ed-changed' : gone ? 'ed-removed' : '' },
      h('th', { scope: 'row', text: r.id }),
      h('td', {}, h('p', { text: ruleSentence(r) }), h('p', { class: 'label-note', text: r.source })),
      h('td', {}, mine ? h('p', { text: ruleSentence(mine) }) : h('p', { text: status }), mine ? h('p', { class: 'label-note', text: mine.source || '' }) : null),
      h('td', {}, h('div', { class: 'button-group' }, actions)));
  });
  const removedT = () => (at(ctx.doc, ['remove', 'templates']) || []);
  const setRemovedT = (ids) => {
    ctx.doc.remove = { ...(ctx.doc.remove || {}), templates: ids };
    if (!ids.length) delete ctx.doc.remove.templates;
    if (!Object.keys(ctx.doc.remove).length) delete ctx.doc.remove;
  };
  const ownT = new Set((ctx.doc.templates || []).map((t) => t.id));
  const tRows = base.templates.map((t) => {
    const gone = removedT().includes(t.id);
    const status = ownT.has(t.id) ? 'Changed here' : gone ? 'Removed' : 'Kept as it is';
    const actions = ownT.has(t.id) ? [] : gone
      ? [button(ctx, 'Keep it', () => setRemovedT(removedT().filter((x) => x !== t.id)), { label: `Keep the form ${t.id}` })]
      : [button(ctx, 'Change it', () => { (ctx.doc.templates || (ctx.doc.templates = [])).push(structuredClone(t)); }, { label: `Change the form ${t.id}` }),
        button(ctx, 'Remove it', () => setRemovedT([...removedT(), t.id]), { label: `Remove the form ${t.id}` })];
    const fields = t.sections.reduce((n, sec) => n + sec.fields.length, 0);
    return h('tr', {}, h('th', { scope: 'row', text: t.id }), h('td', { text: `${t.title}: ${t.sections.length} sections, ${fields} fields` }),
      h('td', { text: status }), h('td', {}, h('div', { class: 'button-group' }, actions)));
  });
  const forms = h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'The built-in policy\'s forms' }, h('table', { class: 'rows-table ed-base-forms' },
    h('caption', { class: 'visually-hidden', text: 'The built-in policy\'s forms' }),
    h('thead', {}, h('tr', {}, ['Form', `In ${base.authority}'s policy`, 'In this policy', 'Change'].map((x) => h('th', { scope: 'col', text: x })))),
    h('tbody', {}, tRows)));
  return h('section', { class: 'ed-part ed-based', 'aria-labelledby': 'ed-base-h', 'data-path': 'remove' },
    h('h3', { id: 'ed-base-h', text: `What ${base.authority}'s policy says, and what this one changes` }),
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'The built-in policy\'s rules beside this policy\'s' }, h('table', { class: 'rows-table ed-base' },
      h('caption', { class: 'visually-hidden', text: 'The built-in policy\'s rules beside this policy\'s' }),
      h('thead', {}, h('tr', {}, ['Rule', `In ${base.authority}'s policy`, 'In this policy', 'Change'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows))), forms);
}

function rules(ctx, base) {
  const list = ctx.doc.rules || [];
  const roles = [...(ctx.doc.roles || []), ...(base ? base.roles.filter((r) => !(ctx.doc.roles || []).some((x) => x.id === r.id)) : [])];
  const ids = [...new Set([...list.map((r) => r.id), ...(base ? base.rules.map((r) => r.id) : [])])].filter(Boolean);
  return h('section', { class: 'ed-part', 'aria-labelledby': 'ed-rules-h', 'data-path': 'rules' }, h('h3', { id: 'ed-rules-h', text: 'Timing rules' }),
    h('p', { text: 'Each rule is a sentence: fill in its fields. The due dates beside change as you do.' }),
    list.map((_, i) => ruleCard(ctx, i, roles, ids)), addRule(ctx));
}

function templates(ctx) {
  const list = ctx.doc.templates || [];
  return h('section', { class: 'ed-part', 'aria-labelledby': 'ed-templates-h', 'data-path': 'templates' }, h('h3', { id: 'ed-templates-h', text: 'Recording templates (forms)' }),
    list.map((_, i) => templateCard(ctx, i)),
    button(ctx, 'Add a template', () => {
      const ts = ctx.doc.templates || (ctx.doc.templates = []);
      ts.push({ id: `record-${ts.length + 1}`, title: '', source: '', sessionDate: 'date',
        sections: [{ id: 'details', title: 'Details', fields: [{ id: 'date', label: 'Date of supervision', type: 'date', required: true }] }], rules: [] });
      ctx.focusNext = `t:templates[${ts.length - 1}].title`;
    }, { key: 'addtemplate' }));
}

/**
 * The editor in `root`. `builtIn(id)`: a built-in policy as policy() gives it, or null.
 * `onChange(doc)` after every edit; `onRender()` after each redraw.
 */
export function createEditor(root, { builtIns, builtIn, onChange, onRender }) {
  const ctx = { doc: blankPolicy(), focusNext: null, changed: null };
  const render = () => {
    const focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    const base = ctx.doc.extends ? builtIn(ctx.doc.extends) : null;
    root.replaceChildren(...[details(ctx, builtIns), roles(ctx), based(ctx, base), rules(ctx, base), templates(ctx)].filter(Boolean));
    const key = ctx.focusNext || focused;
    ctx.focusNext = null;
    if (key) {
      const el = [...root.querySelectorAll('[data-key]')].find((e) => e.dataset.key === key);
      if (el) el.focus();
    }
    if (onRender) onRender();
  };
  ctx.changed = (structural) => {
    if (structural) render();
    else if (ctx.doc.extends) {
      // The built-in's rules beside ours follow each edit.
      const old = root.querySelector('.ed-based');
      const now = based(ctx, builtIn(ctx.doc.extends));
      if (old && now) old.replaceWith(now);
    }
    onChange(ctx.doc);
  };

  /**
   * For each problem, where it is shown: the control of the innermost field whose path is
   * above its own, else that card; null when none is.
   */
  function spots(list) {
    const all = [...root.querySelectorAll('[data-path]')];
    return list.map((p) => {
      // A missing key is shown at the control that would hold it.
      const missing = /^the key "(\w+)"/.exec(p.expected || '');
      const path = missing ? [p.path, missing[1]].filter(Boolean).join('.') : p.path || '';
      let best = null;
      for (const s of all) {
        const sp = s.dataset.path;
        if (under(path, sp) && (!best || sp.length > best.dataset.path.length)) best = s;
      }
      if (!best) return null;
      return best.querySelector(':scope > input, :scope > select, :scope > textarea, :scope > .ed-duration > input, :scope > .ed-duration > select') || best;
    });
  }

  render();
  return {
    get: () => ctx.doc,
    set(doc) { ctx.doc = doc; render(); },
    tooLarge() {
      root.replaceChildren(h('p', { class: 'status', text: 'This policy is too large to edit here: edit its JSON.' }));
    },
    spots,
  };
}
