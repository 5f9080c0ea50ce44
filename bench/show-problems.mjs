#!/usr/bin/env node
// How long showProblems() holds the page for a long list (the policy workbench's case):
// 10,000 problems, summary only (each linking to a text box, with a caret), and each also
// on a control of its own (10,000 inline messages and their marks). For each: the call
// itself (it draws the first 200 and leaves the rest to later tasks), the time until the
// whole list is drawn, and the longest task meanwhile (the Long Tasks API: tasks of 50 ms or
// more; "none" when there were none); then the same list again, and taking it away. Medians
// of three runs, each on a fresh page. Serves www/ and pkg/ (needs pkg/authoring built).
//
//   node bench/show-problems.mjs [count]

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/browser.mjs';
import { startServer } from '../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] || 10_000);
const server = await startServer({ port: 0, pkg: path.join(ROOT, 'pkg') });
const dir = await mkdtemp(path.join(os.tmpdir(), 'show-problems-'));
const context = await launchBrowser(dir);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const runs = {};
  for (let run = 0; run < 3; run++) {
    const page = await context.newPage();
    await page.goto(`${server.url}csp.html`);
    const t = await page.evaluate(async (n) => {
      const m = await import('./pkg/authoring/index.js');
      await m.default();
      const box = document.createElement('textarea');
      box.id = 'bench-box';
      const place = document.createElement('div');
      const controls = document.createElement('div');
      // Each control in a form group of its own, as on a page (10,000 inline inputs side by
      // side, each with a block before it, would measure the browser's layout of that).
      const inputs = [];
      for (let i = 0; i < n; i++) {
        const group = document.createElement('div');
        group.className = 'govuk-form-group';
        const input = document.createElement('input');
        input.id = `bench-${i}`;
        group.append(input);
        controls.append(group);
        inputs.push(input);
      }
      document.body.append(place, box, controls);
      box.value = 'x\n'.repeat(n);
      document.body.getBoundingClientRect();
      const long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); }).observe({ type: 'longtask' });
      const settle = () => new Promise((r) => setTimeout(r, 200));
      /** The call (with the layout it causes), the time until all is drawn, the longest task. */
      const measure = async (problems) => {
        await settle();
        long.length = 0;
        const t0 = performance.now();
        m.showProblems(problems, { summary: place, title: `There are ${n} problems` });
        document.body.getBoundingClientRect();
        const call = performance.now() - t0;
        while (place.querySelectorAll('li').length < problems.length) await new Promise((r) => setTimeout(r, 0));
        document.body.getBoundingClientRect();
        const all = performance.now() - t0;
        await settle();
        return { call, all, longest: long.length ? Math.max(...long) : 0 };
      };
      const listed = Array.from({ length: n }, (_, i) => ({ message: `Line ${i + 1}, column 1: rules[${i}].every – a duration`, link: box, caret: 2 * i }));
      const out = {};
      const summary = await measure(listed);
      m.showProblems([]);
      const placed = listed.map((p, i) => ({ ...p, element: inputs[i] }));
      const inline = await measure(placed);
      const again = await measure(placed);
      const t0 = performance.now();
      m.showProblems([]);
      document.body.getBoundingClientRect();
      const clear = performance.now() - t0;
      for (const [k, v] of Object.entries({ summary, inline, again })) for (const [x, ms] of Object.entries(v)) out[`${k}: ${x}`] = ms;
      out['clear: call'] = clear;
      return out;
    }, N);
    for (const [k, v] of Object.entries(t)) (runs[k] ||= []).push(v);
    await page.close();
  }
  console.log(`${N} problems (ms; median of 3, the runs in brackets; longest: the longest task, 0 = none of 50 ms or more)`);
  for (const [k, v] of Object.entries(runs)) console.log(`  ${k}: ${median(v).toFixed(0)} (${v.map((x) => x.toFixed(0)).join(', ')})`);
} finally {
  await context.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
