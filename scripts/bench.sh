#!/usr/bin/env bash
# Runs every benchmark of supervision-rules and prints their tables (Markdown), in order:
#
#   1. native   cargo bench --bench core         (divan; the core without wasm or JS)
#   2. node     node bench/node.mjs              (the package through its JS API, with Ajv)
#   3. browser  node bench/browser.mjs           (headless Chromium: first validate, latency)
#   4. size     node scripts/size-budget.mjs     (gzipped .wasm + glue; reported, not failed)
#
#   scripts/bench.sh [--quick] [--no-build] [native|node|browser|size ...]
#
# Builds pkg/ first (scripts/build-pkg.sh, as `make build`), unless
# --no-build. --quick makes shorter runs (for trying the scripts, not for numbers). JSON
# results go to $BENCH_OUT (default target/bench/). Not part of `make test`: timings on a
# shared machine are noise-prone; run it twice and compare medians (BENCHMARKS.md says how
# the published numbers were taken).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"

quick=""
build=1
parts=()
for a in "$@"; do
  case "$a" in
    --quick) quick="--quick" ;;
    --no-build) build=0 ;;
    native|node|browser|size) parts+=("$a") ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument '$a' (see --help)" >&2; exit 2 ;;
  esac
done
((${#parts[@]})) || parts=(native node browser size)
want() { local p; for p in "${parts[@]}"; do [[ "$p" == "$1" ]] && return 0; done; return 1; }

OUT="${BENCH_OUT:-$ROOT/target/bench}"
mkdir -p "$OUT"
say() { printf '\n==> %s\n\n' "$*" >&2; }

echo "# supervision-rules benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'), $(nproc) cores, $(free -g 2>/dev/null | awk '/Mem:/{print $2 " GB RAM"}')"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "- rustc $(rustc --version | cut -d' ' -f2), node $(node --version), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
echo "- command: scripts/bench.sh $*"

if want node || want browser || want size; then
  if ((build)); then
    say "build: scripts/build-pkg.sh (one wasm-pack build per entry point)"
    bash scripts/build-pkg.sh >&2
  fi
  [[ -f pkg/supervision_rules_bg.wasm ]] || { echo "bench: pkg/ is not built (run without --no-build)" >&2; exit 1; }
fi

if want native; then
  say "native: cargo bench --bench core"
  echo
  echo "## Native (divan, \`cargo bench --bench core\`; bench profile: opt-level 3)"
  echo
  echo '```'
  # divan writes its timer line to stderr and the table to stdout; cargo's lines come first.
  cargo bench --bench core -- ${quick:+--sample-count 10} 2>&1 | sed -n '/^Timer precision/,$p'
  echo '```'
fi

if want node; then
  say "node: node bench/node.mjs"
  node -e "require.resolve('ajv/dist/2020'); require.resolve('ajv-formats')" 2>/dev/null ||
    echo "bench: Ajv is not installed (npm ci, or npm install --no-save ajv@8 ajv-formats@3): the comparison is skipped" >&2
  echo
  node bench/node.mjs --pkg pkg $quick --json "$OUT/node.json"
fi

if want browser; then
  say "browser: node bench/browser.mjs (headless Chromium)"
  echo
  node bench/browser.mjs --pkg pkg $quick --json "$OUT/browser.json"
fi

if want size; then
  say "size: node scripts/size-budget.mjs"
  echo
  echo "## Size (pkg/, gzip -9)"
  echo
  echo '```'
  node scripts/size-budget.mjs --pkg pkg || true
  echo '```'
fi
