// Every rule as a sentence in plain English, with its clause: the printable summary of a
// policy, and the built-in's rules beside a derived policy's. Returns strings only; the
// page puts them in with textContent.

import { RULE_KINDS, TEMPLATE_RULE_KINDS, ANCHOR_WORDS } from './kinds.js';

const word = (v) => String(v).replace(/-/g, ' ');
const both = (xs) => xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
const list = (xs) => xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;

const empty = (v) => v === undefined || v === '' || (Array.isArray(v) && !v.length);

/** The sentence of a rule kind with its values; a clause whose slot is empty is left out. */
function sentence(spec, value, top = true) {
  const out = [];
  for (const piece of spec) {
    if (typeof piece === 'string') { out.push(piece); continue; }
    if (Array.isArray(piece)) {
      if (piece.every((x) => typeof x === 'string' || Array.isArray(x) || !empty(value[x.key]))) out.push(sentence(piece, value, false));
      continue;
    }
    const v = value[piece.key];
    if (piece.type === 'bool') {
      if (v === true) out.push(` ${piece.label}.`);
    } else if (empty(v)) out.push('…');
    else if (piece.type === 'events') out.push(list(v.map(word)));
    else if (Array.isArray(v)) out.push(list(v.map(String)));
    else if (piece.key === 'from') out.push(ANCHOR_WORDS[v] || String(v));
    else if (piece.key === 'obligation') out.push(word(v));
    else out.push(String(v));
  }
  const s = out.join('');
  return top ? s.replace(/\s+/g, ' ').replace(/ ([.,;)])/g, '$1').replace(/\.(?=[A-Z])/g, '. ').trim() : s;
}

/** Who a rule applies to, in words ('' when everyone). */
export function who(rule, roleLabel = (id) => id) {
  const w = rule.when || {};
  const parts = [];
  if (w.roles && w.roles.length) parts.push(`for ${list(w.roles.map(roleLabel))}`);
  if (w.hours) parts.push(`working ${word(w.hours)}`);
  if (w.shiftsPerMonthBelow) parts.push(`on fewer than ${w.shiftsPerMonthBelow} shifts a month`);
  if (w.during) parts.push(`during the first ${w.during.until} after ${ANCHOR_WORDS[w.during.start] || w.during.start}`);
  if (w.plans && w.plans.length) parts.push(`where the plan is ${list(w.plans.map(word))}`);
  if (w.rag && w.rag.length) parts.push(`rated ${list(w.rag.map(word))}`);
  return parts.join(', ');
}

/** A rule as one sentence: what it requires, for whom, its phases, what it replaces. */
export function ruleSentence(rule, roleLabel) {
  const spec = RULE_KINDS[rule.kind];
  let s = spec ? sentence(spec.sentence, rule) : `A rule of the kind "${rule.kind}".`;
  s = s.charAt(0).toUpperCase() + s.slice(1);
  const whom = who(rule, roleLabel);
  if (whom) s = `${s.replace(/\.$/, '')}, ${whom}.`;
  for (const p of rule.phases || []) s += ` From ${ANCHOR_WORDS[p.start] || p.start}, every ${p.every} for ${p.until}.`;
  if (rule.overrides && rule.overrides.length) s += ` It replaces ${both(rule.overrides.map((o) => `"${o}"`))} for these workers.`;
  return s;
}

/** A template rule as a sentence. */
export function templateRuleSentence(rule) {
  const spec = TEMPLATE_RULE_KINDS[rule.kind];
  return spec ? sentence(spec.sentence, rule) : `A template rule of the kind "${rule.kind}".`;
}

const REQUIRED = { true: 'required', final: 'required when final', false: 'optional' };

/** The whole policy as headed blocks of sentences: [{heading, items: [{text, clause}]}]. */
export function summary(p) {
  const roles = new Map((p.roles || []).map((r) => [r.id, r.label]));
  const label = (id) => roles.get(id) || id;
  const blocks = [];
  blocks.push({ heading: 'Roles', items: (p.roles || []).map((r) => ({ text: `${r.label} (a worker recorded with the role "${r.id}").`, clause: r.source })) });
  blocks.push({ heading: 'Timing rules', items: (p.rules || []).map((r) => ({ text: ruleSentence(r, label), clause: r.source, note: r.note })) });
  for (const t of p.templates || []) {
    const items = [];
    for (const s of t.sections || []) {
      for (const f of s.fields || []) items.push({ text: `${s.title}: ${f.label} (${word(f.type)}, ${REQUIRED[String(f.required)] || 'required'}).`, clause: f.source || s.source || t.source });
    }
    for (const r of t.rules || []) items.push({ text: templateRuleSentence(r), clause: r.source });
    blocks.push({ heading: `Template: ${t.title}`, items });
  }
  if (p.notes && p.notes.length) blocks.push({ heading: 'Notes', items: p.notes.map((n) => ({ text: n })) });
  return blocks;
}
