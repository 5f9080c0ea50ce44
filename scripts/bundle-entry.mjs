#!/usr/bin/env node
// Makes an entry point one module to fetch: its index.js becomes one file holding the
// wasm-bindgen glue, the entry wrapper (js/<entry>.js) and fast-validate.js (and
// when-ready.js), bundled by esbuild; a page fetches that file and the .wasm, nothing else
// (before: index.js, then the glue and fast-validate.js, one after another).
//
// supervision_rules.js stays, for code that imports the glue itself (the demo's pages, a
// few tests): it becomes a re-export of the glue inside index.js, so both names share one
// instance of the module and its .wasm (`init` through either initialises both).
//
//   node scripts/bundle-entry.mjs DIR...     each DIR an entry point's folder in pkg/
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

for (const dir of process.argv.slice(2).map((d) => resolve(d))) {
  // The glue's exports, read before it is replaced.
  const names = Object.keys(await import(pathToFileURL(join(dir, 'supervision_rules.js')).href))
    .filter((n) => n !== 'default');
  const result = await build({
    stdin: {
      contents: [
        "export * from './index.js';",
        "export { default } from './index.js';",
        // The glue itself, for supervision_rules.js below (not part of the entry's API).
        "export * as __glue from './supervision_rules.js';",
      ].join('\n'),
      resolveDir: dir,
      sourcefile: 'entry.js',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const bundled = result.outputFiles[0].text;
  writeFileSync(join(dir, 'index.js'),
    '// supervision-rules: the glue, the entry wrapper and fast-validate in one module ' +
    '(scripts/bundle-entry.mjs).\n' + bundled);
  writeFileSync(join(dir, 'supervision_rules.js'), [
    "// wasm-bindgen's glue, as bundled in index.js (one instance: init through either name",
    '// initialises both). Pages import index.js; see scripts/bundle-entry.mjs.',
    "import { __glue } from './index.js';",
    'export default __glue.default;',
    `export const { ${names.join(', ')} } = __glue;`,
    '',
  ].join('\n'));
  for (const f of ['fast-validate.js', 'encode.js', 'when-ready.js', 'edge.js', 'wrap.js']) rmSync(join(dir, f), { force: true });
  // The glue's JS snippets (src/wasm/read.js, how the module reads an argument) are bundled too.
  rmSync(join(dir, 'snippets'), { recursive: true, force: true });
  console.log(`bundle-entry: ${dir}/index.js ${(readFileSync(join(dir, 'index.js')).length / 1000).toFixed(1)} KB`);
}
