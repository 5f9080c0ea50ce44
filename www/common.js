// The demo pages' shared helpers, in one place (as govuk-frontend's common/index.mjs): an
// element by id, an element made with text only, today in the browser's own time zone, and
// the one date format the pages show ("3 March 2026", as the package's own messages write
// dates). The words for statuses and obligation kinds are not here: they come from the
// package (labels()), as the due-dates panel's do.
//
// Text reaches the DOM through textContent / text nodes only, never innerHTML.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/**
 * Creates an element. `attrs`: `class`, `text` (its textContent), `onclick`-style listeners,
 * any other attribute (true: present; false, null, undefined: left out). Strings among the
 * children become text nodes.
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

/** Appends each child (arrays of them too), leaving out null, undefined and false. */
function append(e, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(e, c);
    else e.append(c);
  }
}

/** Text for assistive technology only. */
export function visuallyHidden(text) {
  return el('span', { class: 'govuk-visually-hidden', text });
}

/** Today in the browser's own time zone (or `days` from it), as YYYY-MM-DD. */
export function today(days = 0) {
  const d = new Date();
  if (days) d.setDate(d.getDate() + days);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// One formatter for every date shown (making one per call was most of a 10,000-row
// table's rendering time), and each date's text made once.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDates = new Map();

/** "2026-03-03" -> "3 March 2026" (a calendar date: no time zone moves it); else as given. */
export function longDate(iso) {
  if (!iso) return '';
  let text = longDates.get(iso);
  if (text === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    text = m ? LONG_DATE.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) : iso;
    longDates.set(iso, text);
  }
  return text;
}

/** localStorage, where the browser allows it: the value read, or null. */
export function load(key) {
  try {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** localStorage, where the browser allows it: whether it was stored. */
export function store(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
