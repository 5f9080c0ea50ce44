#!/usr/bin/env bash
# Runs every test of supervision-rules in order, stopping at the first failure, and ends
# with the summary line "N passed, N failed" (steps, not tests).
# Called by `make test` after scripts/setup.sh; PATH must already hold node_modules/.bin
# (for wasm-opt) and ~/.cargo/bin (the Makefile sets both).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

passed=0
failed=0
names=()
start_all=$SECONDS

step() {
  local name="$1"; shift
  local t0=$SECONDS
  printf '\n==> [%s] %s\n' "$name" "$*"
  if "$@"; then
    passed=$((passed + 1))
    names+=("$name ok $((SECONDS - t0))s")
    printf '==> [%s] ok (%ss)\n' "$name" "$((SECONDS - t0))"
  else
    local rc=$?
    failed=$((failed + 1))
    names+=("$name FAILED")
    printf '==> [%s] FAILED (exit %s, %ss)\n' "$name" "$rc" "$((SECONDS - t0))"
    finish
  fi
}

finish() {
  local total=${#STEPS_PLANNED[@]}
  local not_run=$((total - passed - failed))
  local summary
  summary="$(printf '%s, ' "${names[@]}")"
  summary="${summary%, }"
  ((not_run > 0)) && summary+=", $not_run not run"
  echo
  echo "steps: $summary"
  if ((failed == 0)); then
    echo "make test: every step passed in $((SECONDS - start_all))s"
  else
    echo "make test: FAILED after $((SECONDS - start_all))s"
  fi
  echo "$passed passed, $failed failed"
  ((failed == 0)) || exit 1
  exit 0
}

STEPS_PLANNED=(fmt clippy clippy-wasm cargo-test form-reader wasm-test build size entries fast-validate memory-scan package tz e2e-page e2e-widget e2e-govuk e2e-fail-open e2e-templates team-model e2e-team e2e-policy e2e-editor e2e-adapters e2e-one-council)
step fmt        cargo fmt --check
step clippy     cargo clippy --all-targets --all-features -- -D warnings
# Each entry point's build on its own: the form (no features), the core, the widget (widget/form:
# no schedule; widget/base: with it), everything.
step clippy-wasm bash -c 'cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings &&
  cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features builtins,schedule -- -D warnings &&
  cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features widget -- -D warnings &&
  cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features widget,schedule -- -D warnings &&
  cargo clippy --target wasm32-unknown-unknown --lib --tests --all-features -- -D warnings'
step cargo-test cargo test
# A build without the schedule (the form and widget/form entry points) reads a rule kind but
# `cadence` over, unread (`RuleKind::Unread`): the recorded reports, from the built-in policies
# read that way, are unchanged.
step form-reader cargo test --no-default-features --features builtins --test recorded_corpus reports_are_as_recorded
step wasm-test  wasm-pack test --node -- --all-features
step build      bash scripts/build-pkg.sh
# The size budget per entry point: gzipped .wasm + glue. Issue 11's targets (core 100 KB,
# widget 140 KB) are missed (BENCHMARKS.md says by how much and why); the budgets hold the
# measured sizes so that growth fails.
# Issue 20: a one-council page loads `form` or `base` and one policy module (each module's
# budget).
# Issue 20 items 2 and 4 (the policy reader by hand), then issue 22 (basis and readings in
# the data and results, new inputs), 23 (labels()) and 24 (the editor's checks) at the
# merge: the sizes measured after the merge, +~1 KB (BENCHMARKS.md).
# Issue 20, stop 28 (branch `weight`): no serde_json::Value parsing, no float parser, fewer
# sorts and maps, wasm-opt -Os --converge; the one-council widget entry points (widget/base,
# widget/form): the sizes measured at the merge, +~1 KB.
# Issue 20, stop 29 (branch `weight`): jsonSchema and validate's report written by hand,
# records read by the crate's own reader, a policy loaded compiled handed over as its text:
# the sizes measured at the merge of stop 29 (with showProblems in the widget builds), +~0.5 KB.
# Issue 20, stop 30 (branch `weight`): talc for dlmalloc in the one-council builds, one merge
# sort, sorted lists for the calendar's maps, rule kinds but cadence read over without the
# schedule, breaches written by hand: the sizes measured on the branch, +~1 KB (form +0.6: its
# page, with havering's module, stays within issue 20's 100 KB).
# A one-council page (an entry point and its largest policy module, havering's) is held to
# issue 20's targets: the form page 100, the page with due dates 160, the widget page 200.
step size          node scripts/size-budget.mjs --budget core=198,widget=289,authoring=441,base=150,form=90,policy=11,widget/base=242,widget/form=171 --page-budget form=100,base=160,widget/form=200
step entries       node tests/e2e/entries.mjs
step fast-validate node tests/e2e/fast-validate.mjs
# No record text in wasm memory after validate, for every record shape (issue 25).
step memory-scan   node tests/e2e/memory-scan.mjs
# The packed tarball as users install it: Node ESM/CJS, tsc over README, Vite, esbuild, Ajv.
step package       node scripts/test-package.mjs
step tz            node tests/e2e/tz.mjs
step e2e-page      node tests/e2e/run.mjs
step e2e-widget    node tests/e2e/widget.mjs
# The widget on a GOV.UK page with govuk-frontend's real CSS and initAll() (issue 21 item 3).
step e2e-govuk     node tests/e2e/govuk.mjs
step e2e-fail-open node tests/e2e/fail-open.mjs
step e2e-templates node tests/e2e/templates.mjs
step team-model    node tests/e2e/team-model.mjs
step e2e-team      node tests/e2e/team.mjs
step e2e-policy    node tests/e2e/policy.mjs
# The guided policy editor (issue 24): a policy built with the editor only, its form and due
# dates, downloaded and passed by the CLI's check; the broken-policy table beside its controls.
step e2e-editor    node tests/e2e/editor.mjs
# The form-library adapters with their real libraries, from the packed tarball (README,
# "With your form library").
step e2e-adapters  node tests/e2e/adapters.mjs
# One council's pages from the packed tarball (issue 20): form + a policy module, and the
# widget (widget/form, widget/base) + a policy module on GOV.UK markup; one module per entry
# point, the .wasm compiled streaming, README's preloads used; axe.
step e2e-one-council node tests/e2e/one-council.mjs
finish
