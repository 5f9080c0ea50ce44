// attachWhenReady(): the widget fails open. When the .wasm cannot be loaded (not found,
// served with the wrong MIME type, refused by a Content Security Policy, a browser without
// WebAssembly), nothing is attached, so the form saves exactly as it would without the
// package, and the page's developer gets one console.error naming the cause. Users are
// never told: there is nothing they could do about it.

const PREFIX = 'supervision-rules: the widget is not attached and the form saves unchecked';

/** Why the .wasm at `url` cannot be used, from its response; null when it can. */
function responseProblem(response, url) {
  if (!response.ok) {
    return `${url} answered HTTP ${response.status}: serve the entry point's supervision_rules_bg.wasm beside its supervision_rules.js`;
  }
  const type = (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/wasm') {
    return `${url} is served as ${type || 'no type'}: serve it as application/wasm`;
  }
  return null;
}

/** The cause of a failed compile, in the words a developer searches for. */
function compileProblem(error) {
  const text = String((error && error.message) || error);
  if (/wasm-unsafe-eval|Content Security Policy|CSP/i.test(text)) {
    return `the page's Content Security Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to script-src (${text})`;
  }
  return `the .wasm could not be compiled (${text})`;
}

/**
 * Loads the entry point's .wasm, then attaches the widget; resolves to the widget, or to
 * null (after one console.error naming the cause) when the .wasm cannot be loaded.
 *
 * `init`, `attach` and `defaultUrl` are the entry point's own; `wasm` is where the page
 * serves the .wasm, when not beside the entry point's supervision_rules.js.
 */
export async function attachWhenReady(init, attach, defaultUrl, form, options, wasm) {
  let problem = null;
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    problem = 'this browser cannot run WebAssembly';
  } else {
    const url = new URL(String(wasm || defaultUrl), document.baseURI).href;
    try {
      const response = await fetch(url);
      problem = responseProblem(response, url);
      if (!problem) await init({ module_or_path: response });
    } catch (e) {
      problem = e instanceof TypeError && /fetch/i.test(String(e.message))
        ? `${url} could not be fetched (${e.message})`
        : compileProblem(e);
    }
  }
  if (problem) {
    console.error(`${PREFIX}: ${problem}.`);
    return null;
  }
  return attach(form, options);
}

/**
 * For an entry point with no built-in policies (widget/base, widget/form): `options` without
 * its `load` (a policy module's compiled text, or a list of them), and an `attach` that loads
 * them first (`loadPolicy`, after the .wasm is ready). A bad policy text throws from
 * attachWhenReady as a bad option does: it is the page's mistake, not a failure to load.
 */
export function loadingFirst(loadPolicy, attach, options) {
  if (!options || typeof options !== 'object' || !('load' in options)) return [attach, options];
  const { load, ...rest } = options;
  const texts = load === undefined || load === null ? [] : [load].flat();
  return [(form, opts) => {
    for (const text of texts) loadPolicy(text);
    return attach(form, opts);
  }, rest];
}
