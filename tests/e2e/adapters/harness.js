// What the three adapter pages share: the entry point, loaded as README says for esbuild
// (the .wasm copied beside the bundle), the list of built-in templates, and a render loop
// the test drives through window.show(policy, template, record, mode).
import * as sr from 'supervision-rules';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';

export { sr };

export async function start(render) {
  await sr.default({ module_or_path: '/supervision_rules_bg.wasm' });
  const root = createRoot(document.getElementById('root'));
  let key = 0;
  window.templates = sr.policies().flatMap((p) => sr.policy(p.id).templates.map((t) => [p.id, t.id]));
  window.show = async (policy, template, record = {}, mode = 'final') => {
    key += 1;
    flushSync(() => root.render(render({ key, policy, template, record, mode })));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return sr.template(policy, template);
  };
  window.ready = true;
}

/** Waits for React to draw what a click changed. */
export const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
