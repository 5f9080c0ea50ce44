#!/usr/bin/env bash
# Builds the npm package in pkg/: one crate, three wasm-pack builds, one per entry point.
#
#   pkg/supervision_rules.js            supervision-rules            validate, schedule, built-in
#                                                                    and compiled policies
#   pkg/widget/supervision_rules.js     supervision-rules/widget     the same + attach, renderSchedule
#   pkg/authoring/supervision_rules.js  supervision-rules/authoring  the same + registerPolicy,
#                                                                    compilePolicy, jsonSchema
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
}

rm -rf pkg
build pkg/authoring --features authoring,widget
build pkg/widget --no-default-features --features widget
build pkg --no-default-features
node scripts/package-json.mjs > pkg/package.json
cp README.md CHANGELOG.md pkg/
# The widget's stylesheet, for pages that link it (`supervision-rules/supervision-rules.css`),
# and the docs the README links to.
cp src/widget/widget.css pkg/supervision-rules.css
mkdir -p pkg/docs && cp docs/*.md pkg/docs/
echo "pkg/: $(cd pkg && find . -type f | sort | tr '\n' ' ')"
