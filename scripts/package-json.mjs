#!/usr/bin/env node
// Writes the npm package's package.json (to stdout) from Cargo.toml's name, version,
// description and licence: the three entry points of scripts/build-pkg.sh as `exports`.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
const pkgSection = toml.slice(toml.indexOf('[package]'), toml.indexOf('\n[', toml.indexOf('[package]') + 1));
const field = (name) => {
  const m = pkgSection.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'));
  if (!m) throw new Error(`Cargo.toml [package] has no ${name}`);
  return m[1];
};

// `node`: the entry point initialised as it is imported (js/node.js, README "From Node");
// browsers and bundlers take `default`, which is initialised with `await init()`.
const entry = (dir) => ({
  types: `./${dir}index.d.ts`,
  node: `./${dir}node.js`,
  default: `./${dir}index.js`,
});

const pkg = {
  name: field('name'),
  version: field('version'),
  description: field('description'),
  license: field('license'),
  // No `repository`: the project has no public address yet (README, "The package").
  type: 'module',
  main: './index.js',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': entry(''),
    './widget': entry('widget/'),
    './authoring': entry('authoring/'),
    // The core with no built-in policies, and one module per built-in policy (its compiled
    // form) for its loadPolicy (README, "One council's page").
    './base': entry('base/'),
    // The base with no schedule: validate, template, policies, the date helpers, loadPolicy.
    './form': entry('form/'),
    // The widget with no built-in policies, for a one-council widget page (README, "One
    // council's page"): with the due-dates panel, and validating only (no schedule code).
    './widget/base': entry('widget/base/'),
    './widget/form': entry('widget/form/'),
    './policies/*': { types: './policies/*.d.ts', default: './policies/*.js' },
    // The team view's logic: JS over the core or widget entry point (README, "A team
    // manager's view"); no wasm of its own.
    './team': { types: './team/index.d.ts', default: './team/index.js' },
    // Form-library adapters: JS over an entry point the page loaded (README, "With your form
    // library"); each needs its library, an optional peer dependency.
    './rjsf': { types: './adapters/rjsf.d.ts', default: './adapters/rjsf.js' },
    './jsonforms': { types: './adapters/jsonforms.d.ts', default: './adapters/jsonforms.js' },
    './surveyjs': { types: './adapters/surveyjs.d.ts', default: './adapters/surveyjs.js' },
    // The .wasm of each entry point, for Node's initSync (README, "From Node") and for
    // bundlers that copy it.
    './supervision_rules_bg.wasm': './supervision_rules_bg.wasm',
    './widget/supervision_rules_bg.wasm': './widget/supervision_rules_bg.wasm',
    './authoring/supervision_rules_bg.wasm': './authoring/supervision_rules_bg.wasm',
    './base/supervision_rules_bg.wasm': './base/supervision_rules_bg.wasm',
    './form/supervision_rules_bg.wasm': './form/supervision_rules_bg.wasm',
    './widget/base/supervision_rules_bg.wasm': './widget/base/supervision_rules_bg.wasm',
    './widget/form/supervision_rules_bg.wasm': './widget/form/supervision_rules_bg.wasm',
    // The same code built for speed, which node.js reads (the entry points a server uses), for
    // Node code that calls initSync itself.
    './supervision_rules_node.wasm': './supervision_rules_node.wasm',
    './base/supervision_rules_node.wasm': './base/supervision_rules_node.wasm',
    './form/supervision_rules_node.wasm': './form/supervision_rules_node.wasm',
    // The widget's stylesheet, for pages with a strict style-src (README, "Deploying").
    './supervision-rules.css': './supervision-rules.css',
    './package.json': './package.json',
  },
  files: [
    'index.js', 'index.d.ts', 'fast-validate.js', 'edge.js', 'node.js', 'records.d.ts',
    'supervision_rules.js', 'supervision_rules_bg.wasm', 'supervision_rules_node.wasm', 'supervision_rules.d.ts',
    'widget/', 'authoring/', 'base/', 'form/', 'policies/', 'team/', 'adapters/', 'supervision-rules.css', 'docs/', 'README.md', 'CHANGELOG.md',
  ],
  // The libraries the adapters render with, each needed only by its own adapter.
  peerDependencies: {
    react: '>=18', '@rjsf/core': '^6.11.1', '@rjsf/utils': '^6.11.1',
    '@jsonforms/core': '^3.8.0', '@jsonforms/react': '^3.8.0', 'survey-core': '^3.0.0',
  },
  peerDependenciesMeta: Object.fromEntries(['react', '@rjsf/core', '@rjsf/utils', '@jsonforms/core',
    '@jsonforms/react', 'survey-core'].map((name) => [name, { optional: true }])),
  // A CSS import is a side effect: bundlers that honour this list must keep it. So is Node's
  // entry point (node.js initialises the module as it is imported), for server bundles.
  sideEffects: ['./snippets/*', './supervision-rules.css', './node.js', './widget/node.js', './authoring/node.js',
    './base/node.js', './form/node.js', './widget/base/node.js', './widget/form/node.js'],
  keywords: ['supervision', 'social-work', 'wasm', 'validation', 'schedule'],
};
process.stdout.write(JSON.stringify(pkg, null, 2) + '\n');
