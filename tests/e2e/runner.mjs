// The one runner of the end-to-end and package tests (tests/e2e/*.mjs): each file is a
// script run by `node`, its tests run in order, one after another (a browser page is
// shared between some of them), and the script's exit code is what `make test` reads.
//
//   import { test, finish } from './runner.mjs';
//   await test('what a user sees', async () => { … });
//   finish();   // prints "N passed, M failed" and exits 1 if any failed (or none ran)
//
// E2E_ONLY=<text> runs only the tests whose names contain it.

const ONLY = process.env.E2E_ONLY || '';
const results = [];

const indent = (text) => String(text).split('\n').map((l) => `       ${l}`).join('\n');

function report(name, t0, error) {
  const ms = Date.now() - t0;
  results.push(!error);
  if (!error) {
    console.log(`ok     ${name} (${ms} ms)`);
    return;
  }
  const e = error.error || error;
  console.log(`FAILED ${name} (${ms} ms)`);
  // A child process's output (an install or a type check), else the stack.
  console.log(indent((e && (e.stdout || e.stack)) || e));
}

/**
 * Runs one test: `fn` may be async (then the returned promise settles when it has run and
 * been reported; await it to keep tests in order). A failure is reported, never thrown.
 */
export function test(name, fn) {
  if (ONLY && !name.includes(ONLY)) return Promise.resolve();
  const t0 = Date.now();
  try {
    const result = fn();
    if (result && typeof result.then === 'function') {
      return result.then(() => report(name, t0), (e) => report(name, t0, { error: e }));
    }
    report(name, t0);
  } catch (e) {
    report(name, t0, { error: e });
  }
  return Promise.resolve();
}

/** A failure outside any test (the set-up), counted as one failed test. */
export function failed(name, error) {
  report(name, Date.now(), { error });
}

/** Ends the script: the counts, and exit code 1 if a test failed or none ran. */
export function finish(what = '') {
  const passed = results.filter(Boolean).length;
  const failures = results.length - passed;
  if (what) console.log(`\n${what}: ${results.length} tests`);
  console.log(`${what ? '' : '\n'}${passed} passed, ${failures} failed`);
  process.exit(failures || results.length === 0 ? 1 : 0);
}

/** Ends the script before any test: what is missing (e.g. pkg/ not built), one failure. */
export function cannotRun(message) {
  console.log(message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
