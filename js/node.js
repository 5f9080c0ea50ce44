// Node's entry point (the package's `node` export condition), the same file in each entry
// point's folder: that folder's index.js, initialised as it is imported from the .wasm beside
// it, so `import { validate } from 'supervision-rules'` needs no init step and `await init()`
// resolves at once. Synchronous (no top-level await), so `require('supervision-rules')` works
// on a Node that can require ES modules (20.19+, 22.12+). README, "From Node".
//
// Where the folder has supervision_rules_node.wasm (the core, base and form: the entry points
// a server uses), that is the one read: the same code built for speed (opt-level 3), under
// the same glue; pages fetch supervision_rules_bg.wasm, built for size (scripts/build-pkg.sh).
import { readFileSync, existsSync } from 'node:fs';
import { initSync } from './index.js';

export * from './index.js';
export { default } from './index.js';

const fast = new URL('./supervision_rules_node.wasm', import.meta.url);
initSync({ module: readFileSync(existsSync(fast) ? fast : new URL('./supervision_rules_bg.wasm', import.meta.url)) });
