// The editor's controls, each bound to a place in the policy (a path of keys) and labelled:
// a text box, a number, a select, checkboxes, a duration (a number and a unit), a
// comma-separated list. A control reads its value from the policy and writes it back on
// input; `ctx.changed(structural)` tells the editor. `data-path` on each control's wrapper
// is where checkPolicy's problems about it are shown.

import { h, pathText, uid } from './dom.js';
import { UNITS, parseDuration, formatDuration } from './kinds.js';

export function at(doc, path) {
  let v = doc;
  for (const k of path) {
    if (v === undefined || v === null) return undefined;
    v = v[k];
  }
  return v;
}

/** Sets the value at `path` (making objects on the way); `undefined` deletes it, and an
 *  object left empty by it (`when`, `messages`, `remove`) goes too. */
export function put(doc, path, value) {
  let v = doc;
  const chain = [];
  for (const k of path.slice(0, -1)) {
    if (v[k] === undefined || v[k] === null || typeof v[k] !== 'object') {
      if (value === undefined) return;
      v[k] = typeof k === 'number' ? [] : {};
    }
    chain.push([v, k]);
    v = v[k];
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(v)) v.splice(last, 1);
    else delete v[last];
    for (let i = chain.length - 1; i >= 0; i--) {
      const [parent, k] = chain[i];
      const o = parent[k];
      if (!Array.isArray(o) && Object.keys(o).length === 0 && typeof k === 'string' && ['when', 'messages', 'during', 'remove'].includes(k)) delete parent[k];
      else break;
    }
  } else v[last] = value;
}

/** A labelled wrapper: label, hint, control; `data-path` for the problems. */
function field(path, label, control, hint, cls = 'ed-field') {
  const id = control.id || (control.id = uid('c'));
  const hintEl = hint ? h('p', { class: 'label-note', id: `${id}-hint`, text: hint }) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: cls, 'data-path': pathText(path) }, h('label', { class: 'label', for: id, text: label }), hintEl, control);
}

/** A text box (a textarea when `long`). Required keys keep "" so the check names them. */
export function text(ctx, path, label, { hint, optional = false, long = false, cls } = {}) {
  const v = at(ctx.doc, path);
  const control = h(long ? 'textarea' : 'input', { class: long ? 'textarea' : 'input', rows: long ? 2 : undefined, type: long ? undefined : 'text', spellcheck: 'false', autocomplete: 'off', 'data-key': `t:${pathText(path)}` });
  control.value = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  control.addEventListener('input', () => {
    put(ctx.doc, path, control.value === '' && optional ? undefined : control.value);
    ctx.changed(false);
  });
  return field(path, label, control, hint, cls);
}

export function number(ctx, path, label, { hint, optional = true, inline = false } = {}) {
  const v = at(ctx.doc, path);
  const control = h('input', { class: 'input-number', type: 'number', inputmode: 'numeric', 'data-key': `n:${pathText(path)}` });
  control.value = v === undefined ? '' : String(v);
  control.addEventListener('input', () => {
    const s = control.value.trim();
    put(ctx.doc, path, s === '' ? (optional ? undefined : 0) : Number(s));
    ctx.changed(false);
  });
  return inline ? slot(path, label, control) : field(path, label, control, hint);
}

/** A select of `options` ([value, words] or value); `blank` adds an empty choice. A value
 *  the list does not have (a misspelling) is kept as a choice, so it is seen and changed. */
export function select(ctx, path, label, options, { blank, hint, inline = false, structural = false, onPick } = {}) {
  const v = at(ctx.doc, path);
  const opts = options.map((o) => (Array.isArray(o) ? o : [o, o]));
  if (v !== undefined && v !== '' && !opts.some(([k]) => k === String(v))) opts.push([String(v), `${v} (not one of these)`]);
  const control = h('select', { class: 'select', 'data-key': `s:${pathText(path)}` },
    blank !== undefined ? h('option', { value: '', text: blank }) : null,
    opts.map(([k, words]) => h('option', { value: k, text: words })));
  control.value = v === undefined ? '' : String(v);
  control.addEventListener('change', () => {
    if (onPick) onPick(control.value);
    else put(ctx.doc, path, control.value === '' ? undefined : control.value);
    ctx.changed(structural);
  });
  return inline ? slot(path, label, control) : field(path, label, control, hint);
}

export function checkbox(ctx, path, label) {
  const control = h('input', { class: 'checkbox', type: 'checkbox', 'data-key': `b:${pathText(path)}`, checked: at(ctx.doc, path) === true });
  const id = (control.id = uid('b'));
  control.addEventListener('change', () => {
    put(ctx.doc, path, control.checked ? true : undefined);
    ctx.changed(false);
  });
  return h('div', { class: 'ed-check', 'data-path': pathText(path) }, control, h('label', { for: id, text: label }));
}

/** Ticks for a list of values; a ticked value not offered (misspelt) is shown ticked. */
export function ticks(ctx, path, legend, options, { words = (x) => x, hint } = {}) {
  const now = at(ctx.doc, path);
  const have = Array.isArray(now) ? now : [];
  const all = [...options, ...have.filter((x) => !options.includes(x))];
  const boxes = all.map((o) => {
    const box = h('input', { class: 'checkbox', type: 'checkbox', value: o, checked: have.includes(o), id: uid('k'), 'data-key': `k:${pathText(path)}:${o}` });
    box.addEventListener('change', () => {
      const cur = Array.isArray(at(ctx.doc, path)) ? [...at(ctx.doc, path)] : [];
      const next = box.checked ? [...cur, o] : cur.filter((x) => x !== o);
      put(ctx.doc, path, next.length ? next : undefined);
      ctx.changed(false);
    });
    return h('div', { class: 'ed-check' }, box, h('label', { for: box.id, text: options.includes(o) ? words(o) : `${o} (not one of these)` }));
  });
  return h('fieldset', { class: 'ed-ticks', 'data-path': pathText(path) }, h('legend', { class: 'label', text: legend }),
    hint ? h('p', { class: 'label-note', text: hint }) : null, boxes);
}

/** A duration: a whole number and a unit. A value that does not read is shown beside. */
export function duration(ctx, path, label, { optional = false, inline = false } = {}) {
  const v = at(ctx.doc, path);
  const parsed = parseDuration(v);
  const num = h('input', { class: 'input-number', type: 'number', min: 1, max: 1000, inputmode: 'numeric', 'aria-label': `${label}: how many`, 'data-key': `dn:${pathText(path)}` });
  const unit = h('select', { class: 'select', 'aria-label': `${label}: unit`, 'data-key': `du:${pathText(path)}` },
    h('option', { value: '', text: optional ? 'not set' : 'unit' }), UNITS.map((u) => h('option', { value: u, text: `${u}s` })));
  num.value = parsed ? String(parsed.n) : '';
  unit.value = parsed ? parsed.unit : '';
  const write = () => {
    const n = num.value.trim();
    if (n === '' && unit.value === '') put(ctx.doc, path, optional ? undefined : '');
    else put(ctx.doc, path, formatDuration(Number(n || 1), unit.value || 'week'));
    ctx.changed(false);
  };
  num.addEventListener('input', write);
  unit.addEventListener('change', () => {
    if (num.value.trim() === '' && unit.value) num.value = '1';
    write();
  });
  const raw = v !== undefined && !parsed ? h('span', { class: 'ed-raw', text: ` (now ${JSON.stringify(v)})` }) : null;
  const group = h('span', { class: 'ed-duration', role: 'group', 'aria-label': label }, num, ' ', unit, raw);
  return inline ? slot(path, null, group) : h('div', { class: 'ed-field', 'data-path': pathText(path) }, h('span', { class: 'label', text: label }), group);
}

/** A comma-separated list of words or durations. */
export function list(ctx, path, label, { inline = false, hint } = {}) {
  const v = at(ctx.doc, path);
  const control = h('input', { class: 'input', type: 'text', spellcheck: 'false', 'data-key': `l:${pathText(path)}` });
  control.value = Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v);
  control.addEventListener('input', () => {
    const xs = control.value.split(',').map((s) => s.trim()).filter(Boolean);
    put(ctx.doc, path, xs.length ? xs : undefined);
    ctx.changed(false);
  });
  if (inline) {
    control.setAttribute('aria-label', label);
    return slot(path, null, control);
  }
  return field(path, label, control, hint);
}

/** A control inside a sentence: labelled by aria-label, with its problems beside it. */
function slot(path, label, control) {
  if (label) control.setAttribute('aria-label', label);
  return h('span', { class: 'ed-slot', 'data-path': pathText(path) }, control);
}

/** A button that changes the policy's shape (adds, removes, moves). */
export function button(ctx, words, act, { key, secondary = true, label } = {}) {
  return h('button', { type: 'button', class: `button ${secondary ? 'button-secondary' : ''} button-small`, 'data-key': key, 'aria-label': label,
    onclick: () => { act(); ctx.changed(true, key); } }, words);
}

/** Move, and remove, buttons for item `i` of the list at `path`. */
export function itemButtons(ctx, path, i, name) {
  const listAt = () => at(ctx.doc, path);
  const move = (d) => {
    const xs = listAt();
    if (i + d < 0 || i + d >= xs.length) return;
    [xs[i], xs[i + d]] = [xs[i + d], xs[i]];
  };
  const key = pathText([...path, i]);
  return h('div', { class: 'button-group ed-item-buttons' },
    button(ctx, 'Move up', () => move(-1), { key: `up:${key}`, label: `Move ${name} up` }),
    button(ctx, 'Move down', () => move(1), { key: `down:${key}`, label: `Move ${name} down` }),
    button(ctx, 'Remove', () => listAt().splice(i, 1), { label: `Remove ${name}` }));
}
