// The rule sentence editor: one card per timing rule — its kind, its sentence with the
// kind's fields in it, who it applies to (roles, hours, shifts, a `during` window, plans),
// phases, what it overrides, its clause, basis and reading.

import { h, pathText } from './dom.js';
import { RULE_KINDS, ANCHORS, ANCHOR_WORDS, SESSION_TYPES, EVENTS, BASIS } from './kinds.js';
import { at, put, text, number, select, checkbox, ticks, duration, list, button, itemButtons } from './controls.js';

const SHARED = ['id', 'kind', 'source', 'note', 'when', 'overrides', 'basis', 'reading'];
const KIND_WORDS = Object.entries(RULE_KINDS).map(([k, v]) => [k, `${v.title} (${k})`]);

/** The sentence of the rule's kind, its slots as controls. */
function sentence(ctx, path, rule) {
  const spec = RULE_KINDS[rule.kind];
  if (!spec) return h('p', { class: 'ed-sentence', text: 'Choose a kind of rule to see its sentence.' });
  const parts = spec.sentence.flat(Infinity).map((piece) => {
    if (typeof piece === 'string') return piece;
    const p = [...path, piece.key];
    switch (piece.type) {
      case 'duration': return duration(ctx, p, piece.label, { optional: piece.optional, inline: true });
      case 'select': return select(ctx, p, piece.label, piece.options.filter(Boolean), { inline: true, blank: piece.options.includes('') ? 'the default' : undefined });
      case 'number': return number(ctx, p, piece.label, { inline: true, optional: piece.optional });
      case 'text': return list(ctx, p, piece.label, { inline: true });
      case 'list': return list(ctx, p, piece.label, { inline: true });
      case 'bool': return checkbox(ctx, p, piece.label);
      case 'sessions': return ticks(ctx, p, piece.label, SESSION_TYPES);
      case 'events': return ticks(ctx, p, piece.label, EVENTS, { words: (e) => e.replace(/-/g, ' ') });
      default: return '';
    }
  });
  return h('div', { class: 'ed-sentence' }, parts);
}

/** `write-up`'s "what" is one phrase, not a list. */
function fixText(rule) {
  if (Array.isArray(rule.what)) rule.what = rule.what.join(', ');
}

function who(ctx, path, rule, roles) {
  const w = [...path, 'when'];
  const child = RULE_KINDS[rule.kind]?.subject === 'child';
  const during = [...w, 'during'];
  return h('fieldset', { class: 'ed-group', 'data-path': pathText(w) }, h('legend', { class: 'label', text: 'Who it applies to' }),
    ticks(ctx, [...w, 'roles'], 'Roles (none ticked: every role)', roles.map((r) => r.id), { words: (id) => `${roles.find((r) => r.id === id)?.label || id} (${id})` }),
    select(ctx, [...w, 'hours'], 'Hours', [['full-time', 'Full-time'], ['part-time', 'Part-time']], { blank: 'Any hours' }),
    number(ctx, [...w, 'shiftsPerMonthBelow'], 'Only workers on fewer shifts a month than', {}),
    h('div', { class: 'ed-field', 'data-path': pathText(during) },
      select(ctx, [...during, 'start'], 'Only during a window from', ANCHORS.map((a) => [a, ANCHOR_WORDS[a]]), { blank: 'No window: always' }),
      duration(ctx, [...during, 'until'], 'The window lasts', { optional: true })),
    child ? list(ctx, [...w, 'plans'], 'Only cases whose plan is (comma-separated)') : null,
    child ? list(ctx, [...w, 'rag'], 'Only cases rated (comma-separated RAG)') : null);
}

function phases(ctx, path, rule) {
  const p = [...path, 'phases'];
  const items = (rule.phases || []).map((ph, j) => h('div', { class: 'ed-card ed-phase', 'data-path': pathText([...p, j]) },
    h('p', { class: 'ed-card-title', text: `Phase ${j + 1}` }),
    select(ctx, [...p, j, 'start'], 'From', ANCHORS.map((a) => [a, ANCHOR_WORDS[a]])),
    duration(ctx, [...p, j, 'until'], 'For'),
    duration(ctx, [...p, j, 'every'], 'Every'),
    text(ctx, [...p, j, 'source'], 'Clause'),
    text(ctx, [...p, j, 'note'], 'Note', { optional: true }),
    itemButtons(ctx, p, j, `phase ${j + 1}`)));
  return h('fieldset', { class: 'ed-group', 'data-path': pathText(p) }, h('legend', { class: 'label', text: 'Phases (a different interval at first)' }), items,
    button(ctx, 'Add a phase', () => { rule.phases = [...(rule.phases || []), { start: 'asye', until: '6 weeks', every: '1 week', source: rule.source || '' }]; }, { key: `addphase:${pathText(path)}` }));
}

function overrides(ctx, path, rule, ids) {
  const others = ids.filter((id) => id !== rule.id);
  return ticks(ctx, [...path, 'overrides'], 'Replaces these rules for the workers it applies to', others,
    { hint: others.length ? undefined : 'No other rule to replace yet.' });
}

/** One rule's card. `ids`: the rule ids it may override (its policy's and its base's). */
export function ruleCard(ctx, i, roles, ids) {
  const path = ['rules', i];
  const rule = at(ctx.doc, path);
  fixText(rule);
  const name = `rule ${rule.id || i + 1}`;
  const pickKind = (kind) => {
    const kept = Object.fromEntries(Object.entries(rule).filter(([k]) => SHARED.includes(k)));
    ctx.doc.rules[i] = { ...kept, kind, ...(RULE_KINDS[kind] ? RULE_KINDS[kind].make() : {}) };
  };
  return h('section', { class: 'ed-card', 'data-path': pathText(path), 'aria-label': `Rule ${i + 1}: ${rule.id || 'no id yet'}` },
    h('h4', { class: 'ed-card-title', text: `Rule ${i + 1}: ${rule.id || 'no id yet'}` }),
    select(ctx, [...path, 'kind'], 'Kind of rule', KIND_WORDS, { blank: 'Choose a kind', structural: true, onPick: pickKind }),
    text(ctx, [...path, 'id'], 'Rule id', { hint: 'Lowercase letters, digits and hyphens; other rules name it in "replaces".' }),
    sentence(ctx, path, rule),
    text(ctx, [...path, 'source'], 'Clause (the document and section)', { hint: 'For example: my-council-policy.pdf §7' }),
    who(ctx, path, rule, roles),
    rule.kind === 'cadence' ? phases(ctx, path, rule) : null,
    overrides(ctx, path, rule, ids),
    select(ctx, [...path, 'basis'], 'Basis', BASIS.map((b) => [b, b === 'stated' ? 'Stated in the clause' : 'Our reading of the clause']), { blank: 'Not said' }),
    text(ctx, [...path, 'reading'], 'The reading (a sentence)', { optional: true, long: true }),
    text(ctx, [...path, 'note'], 'Note', { optional: true, long: true }),
    itemButtons(ctx, ['rules'], i, name));
}

/** Adding a rule of a chosen kind. */
export function addRule(ctx) {
  const kind = h('select', { class: 'select', id: 'ed-new-kind', 'data-key': 'newkind' }, KIND_WORDS.map(([k, w]) => h('option', { value: k, text: w })));
  return h('div', { class: 'ed-field ed-add' }, h('label', { class: 'label', for: kind.id, text: 'Kind of the new rule' }), kind,
    button(ctx, 'Add a rule', () => {
      const rules = ctx.doc.rules || (ctx.doc.rules = []);
      rules.push({ id: '', kind: kind.value, ...RULE_KINDS[kind.value].make(), source: '' });
      ctx.focusNext = `s:rules[${rules.length - 1}].kind`;
    }, { key: 'addrule', secondary: false }));
}

export { put };
