#!/usr/bin/env bash
# Builds the npm package in pkg/: one crate, five wasm-pack builds, one per entry point.
#
#   pkg/index.js            supervision-rules            validate, schedule, built-in and
#                                                        compiled policies
#   pkg/widget/index.js     supervision-rules/widget     the same + attach, renderSchedule
#   pkg/authoring/index.js  supervision-rules/authoring  the same + registerPolicy,
#                                                        compilePolicy, jsonSchema
#   pkg/base/index.js       supervision-rules/base       the core with no built-in policies
#   pkg/form/index.js       supervision-rules/form       the base with no schedule: validate,
#                                                        template, policies, dates, loadPolicy
#   pkg/widget/base/index.js  supervision-rules/widget/base  the widget with no built-in
#                                                        policies (base + attach, renderSchedule)
#   pkg/widget/form/index.js  supervision-rules/widget/form  the widget with no built-in
#                                                        policies and no schedule (form + attach)
#   pkg/policies/<id>.js    supervision-rules/policies/<id>  one built-in policy, compiled,
#                                                        for loadPolicy of form or base
#
# index.js (from js/: index — also base's —, widget, authoring or form; bundled with what it imports
# into one module at the end, scripts/bundle-entry.mjs) re-exports wasm-bindgen's glue
# (supervision_rules.js) and wraps validate() so a record's free text stays in JavaScript
# (js/fast-validate.js); the widget's and authoring's add attachWhenReady (js/when-ready.js).
#
# Each entry point is a module of its own, with its own .wasm and its own registry of
# policies: a page imports the one it needs (README, "Which entry point"). pkg/package.json
# is written here (its `exports` name the three), not by wasm-pack.
# Needs wasm-pack, wasm-bindgen-cli and wasm-opt on PATH (the Makefile sets PATH).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

build() { # out-dir, cargo feature arguments…
  local out="$1"; shift
  wasm-pack build --release --target web --out-dir "$out" --out-name supervision_rules --no-pack \
    -- "$@"
  rm -f "$out/.gitignore" "$out/README.md" "$out/package.json"
  # The entry point users import: the glue with validate() keeping free text in JS.
  cp js/fast-validate.js js/encode.js "$out/"
  # What every index.js puts around the glue (wrap.js: guards and validate's default today,
  # edge.js); what Node imports (node.js: the entry point, initialised from the .wasm beside
  # it; `node` in the package's exports).
  cp js/wrap.js js/edge.js js/node.js "$out/"
  case "${ENTRY:-}" in widget|authoring|widget-base|widget-form) cp js/when-ready.js "$out/" ;; esac
  # base has the core's functions, so the core's index.js (its own .d.ts: records one up).
  case "${ENTRY:-}" in base) cp js/index.js "$out/index.js" ;; *) cp "js/${ENTRY:-index}.js" "$out/index.js" ;; esac
  # The two one-council widget entry points have the same types (each over its own glue).
  case "${ENTRY:-}" in widget-form) cp js/widget-base.d.ts "$out/index.d.ts" ;;
    *) cp "js/${ENTRY:-index}.d.ts" "$out/index.d.ts" ;; esac
}

# The .wasm Node loads for an entry point a server uses (`supervision_rules_node.wasm`, read by
# js/node.js; issue 20): the same code at opt-level 3 (Cargo.toml's `node` profile) and wasm-opt
# -O3, for speed where nothing is downloaded (validate 1.5x, scheduleMany 1.5x; BENCHMARKS.md,
# "Stop 30, branch nodefast"). Pages and bundlers take supervision_rules_bg.wasm, built for
# size. The glue must be the one the entry point's own build wrote, byte for byte, so the two
# .wasm files are interchangeable under it: the build stops if it is not.
node_wasm() { # out-dir (an entry point's folder, built above), cargo feature arguments…
  local out="$1"; shift
  local tmp; tmp="$(mktemp -d)"
  wasm-pack build --profile node --no-opt --target web --out-dir "$tmp" --out-name supervision_rules \
    --no-pack -- "$@"
  if ! cmp -s "$tmp/supervision_rules.js" "$out/supervision_rules.js" \
    || ! diff -r "$tmp/snippets" "$out/snippets" > /dev/null; then
    echo "build-pkg: the node profile's glue differs from $out's: its .wasm cannot be used under it" >&2
    exit 1
  fi
  wasm-opt -O3 --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$tmp/supervision_rules_bg.wasm" -o "$out/supervision_rules_node.wasm"
  rm -rf "$tmp"
}

rm -rf pkg
ENTRY=authoring build pkg/authoring --features authoring,widget
ENTRY=widget build pkg/widget --no-default-features --features widget,builtins,schedule
# A one-council widget page (issue 20): the widget with no built-in policies, loading the one
# council's policy module; with the due-dates panel (widget/base) or validating only
# (widget/form: no schedule code). Inside pkg/widget/, after its own build.
ENTRY=widget-base build pkg/widget/base --no-default-features --features widget,schedule
ENTRY=widget-form build pkg/widget/form --no-default-features --features widget
# The core stays at opt-level "z" like the others: opt-level 3 was measured (BENCHMARKS.md,
# "Issue 20 item 3": validate 1.35x, scheduleMany 1.6x for +44 KB gzipped) and not taken, as
# issue 20 asks the core to shrink (target 220 KB) and both speed targets stay missed either way.
build pkg --no-default-features --features builtins,schedule
node_wasm pkg --no-default-features --features builtins,schedule
# supervision-rules/base: the core with no built-in policies; a page loads the one it serves,
# supervision-rules/policies/<id> (each built-in's compiled form, written by the authoring build).
ENTRY=base build pkg/base --no-default-features --features schedule
node_wasm pkg/base --no-default-features --features schedule
# supervision-rules/form: validate only (no schedule code, no built-in policies).
ENTRY=form build pkg/form --no-default-features
node_wasm pkg/form --no-default-features
# One module per entry point to fetch: each index.js becomes the glue, the entry wrapper and
# fast-validate (and when-ready) in one file; supervision_rules.js re-exports its glue.
node scripts/bundle-entry.mjs pkg pkg/widget pkg/authoring pkg/base pkg/form pkg/widget/base \
  pkg/widget/form
node scripts/policy-modules.mjs pkg
# supervision-rules/team: plain JS over an entry point the page loaded (no wasm of its own).
mkdir -p pkg/team && cp js/team.js pkg/team/index.js && cp js/team.d.ts pkg/team/index.d.ts
# supervision-rules/rjsf, /jsonforms, /surveyjs: form-library adapters, plain JS over an entry
# point the page loaded (js/adapters/; each library is an optional peer dependency).
mkdir -p pkg/adapters && cp js/adapters/*.js js/adapters/*.d.ts pkg/adapters/
node scripts/package-json.mjs > pkg/package.json
# Each built-in template's record type (Records[policy][template]), from the built core.
node scripts/record-types.mjs pkg > pkg/records.d.ts
cp README.md CHANGELOG.md pkg/
# The widget's stylesheet, for pages that link it (`supervision-rules/supervision-rules.css`),
# and the docs the README links to.
cp src/widget/widget.css pkg/supervision-rules.css
mkdir -p pkg/docs && cp docs/*.md pkg/docs/
echo "pkg/: $(cd pkg && find . -type f | sort | tr '\n' ' ')"
