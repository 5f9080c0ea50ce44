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

const entry = (dir) => ({
  types: `./${dir}index.d.ts`,
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
    './policies/*': { types: './policies/*.d.ts', default: './policies/*.js' },
    // The team view's logic: JS over the core or widget entry point (README, "A team
    // manager's view"); no wasm of its own.
    './team': { types: './team/index.d.ts', default: './team/index.js' },
    // The .wasm of each entry point, for Node's initSync (README, "From Node") and for
    // bundlers that copy it.
    './supervision_rules_bg.wasm': './supervision_rules_bg.wasm',
    './widget/supervision_rules_bg.wasm': './widget/supervision_rules_bg.wasm',
    './authoring/supervision_rules_bg.wasm': './authoring/supervision_rules_bg.wasm',
    './base/supervision_rules_bg.wasm': './base/supervision_rules_bg.wasm',
    './form/supervision_rules_bg.wasm': './form/supervision_rules_bg.wasm',
    // The widget's stylesheet, for pages with a strict style-src (README, "Deploying").
    './supervision-rules.css': './supervision-rules.css',
    './package.json': './package.json',
  },
  files: [
    'index.js', 'index.d.ts', 'fast-validate.js', 'records.d.ts',
    'supervision_rules.js', 'supervision_rules_bg.wasm', 'supervision_rules.d.ts',
    'widget/', 'authoring/', 'base/', 'form/', 'policies/', 'team/', 'supervision-rules.css', 'docs/', 'README.md', 'CHANGELOG.md',
  ],
  // A CSS import is a side effect: bundlers that honour this list must keep it.
  sideEffects: ['./snippets/*', './supervision-rules.css'],
  keywords: ['supervision', 'social-work', 'wasm', 'validation', 'schedule'],
};
process.stdout.write(JSON.stringify(pkg, null, 2) + '\n');
