#!/usr/bin/env node
// Writes the npm package's policy modules: one per built-in policy, its compiled form (as
// the authoring entry point's compilePolicy writes it, from src/policies/<id>.json), for a
// page that loads the one council it serves into an entry point with no built-in policies:
//
//   import init, { loadPolicy, validate } from 'supervision-rules/base';
//   import havering from 'supervision-rules/policies/havering';
//   await init(); loadPolicy(havering);
//
// pkg/policies/<id>.js (default export: the compiled text; `id`: the policy's id) and
// pkg/policies/all.js (the five, in the built-ins' order), each with its .d.ts.
//
//   node scripts/policy-modules.mjs [PKG]     PKG defaults to pkg/ (needs pkg/authoring)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PKG = process.argv[2] ?? join(ROOT, 'pkg');
const authoring = await import(pathToFileURL(join(PKG, 'authoring', 'index.js')).href);
authoring.initSync({ module: readFileSync(join(PKG, 'authoring', 'supervision_rules_bg.wasm')) });

// The built-ins' ids, in their order (the authoring build holds all five).
const ids = authoring.policies().map((p) => p.id);
const out = join(PKG, 'policies');
mkdirSync(out, { recursive: true });
const name = (id) => id.replace(/-(.)/g, (_, c) => c.toUpperCase());
for (const id of ids) {
  const compiled = authoring.compilePolicy(readFileSync(join(ROOT, 'src', 'policies', `${id}.json`), 'utf8'));
  writeFileSync(join(out, `${id}.js`), `// The built-in policy "${id}", compiled: for loadPolicy() of an entry point with no
// built-in policies (supervision-rules/base). Written by scripts/policy-modules.mjs.
export const id = ${JSON.stringify(id)};
export default ${JSON.stringify(compiled)};
`);
  writeFileSync(join(out, `${id}.d.ts`), `/** The built-in policy "${id}", compiled: pass it to loadPolicy(). */
declare const policy: string;
export default policy;
export declare const id: ${JSON.stringify(id)};
`);
}
writeFileSync(join(out, 'all.js'), `// The five built-in policies, compiled, for loadPolicy() each (a server on the base entry
// point). Written by scripts/policy-modules.mjs.
${ids.map((id) => `import ${name(id)} from './${id}.js';`).join('\n')}
export default [${ids.map(name).join(', ')}];
`);
writeFileSync(join(out, 'all.d.ts'), `/** The built-in policies, compiled: pass each to loadPolicy(). */
declare const policies: string[];
export default policies;
`);
console.log(`policy-modules: ${ids.map((id) => `policies/${id}.js`).join(', ')}, policies/all.js`);
