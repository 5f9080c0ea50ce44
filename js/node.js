// Node's entry point (the package's `node` export condition), the same file in each entry
// point's folder: that folder's index.js, initialised as it is imported from the .wasm beside
// it, so `import { validate } from 'supervision-rules'` needs no init step and `await init()`
// resolves at once. Synchronous (no top-level await), so `require('supervision-rules')` works
// on a Node that can require ES modules (20.19+, 22.12+). README, "From Node".
import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

export * from './index.js';
export { default } from './index.js';

initSync({ module: readFileSync(new URL('./supervision_rules_bg.wasm', import.meta.url)) });
