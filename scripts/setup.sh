#!/usr/bin/env bash
# Installs what building and testing supervision-rules needs, skipping whatever is already
# present at the right version (a second run takes about a second):
#
#   - rustup target wasm32-unknown-unknown, rustfmt and clippy
#   - wasm-pack 0.15.1                      (cargo install --locked)
#   - wasm-bindgen-cli = the wasm-bindgen version in Cargo.lock (cargo install, NOT --locked:
#     its lockfile pins a crate version the registry no longer serves; see TOOLCHAIN notes)
#   - Debian chromium + chromium-driver     (apt-get; sudo only when not root)
#   - npm dev tools from package-lock.json  (npm ci): binaryen (wasm-opt), playwright-core,
#     @axe-core/playwright
#
# Needs: a Rust toolchain installed with rustup, Node.js + npm, and (for Chromium) apt-get.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WASM_PACK_VERSION="0.15.1"

say()  { printf 'setup: %s\n' "$*"; }
die()  { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# cargo-installed tools live in ~/.cargo/bin; make sure they are found even when the
# caller's PATH lacks it.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) export PATH="$CARGO_BIN:$PATH" ;; esac

command -v cargo  >/dev/null 2>&1 || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
command -v rustup >/dev/null 2>&1 || die "rustup not found: the wasm32 target is installed with rustup"
command -v node   >/dev/null 2>&1 || die "node not found: install Node.js 20 or later (e.g. apt-get install nodejs npm)"
command -v npm    >/dev/null 2>&1 || die "npm not found: install npm (e.g. apt-get install npm)"

# --- Rust target and components ---------------------------------------------------------
installed_targets="$(rustup target list --installed 2>/dev/null || true)"
if grep -qx 'wasm32-unknown-unknown' <<<"$installed_targets"; then
  say "wasm32-unknown-unknown target: present"
else
  say "wasm32-unknown-unknown target: installing (rustup target add)"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if rustup component list --installed 2>/dev/null | grep -q "^${component}"; then
    say "${component}: present"
  else
    say "${component}: installing (rustup component add)"
    rustup component add "$component"
  fi
done

# --- wasm-pack ----------------------------------------------------------------------------
have_wasm_pack="$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$have_wasm_pack" == "$WASM_PACK_VERSION" ]]; then
  say "wasm-pack ${WASM_PACK_VERSION}: present"
else
  say "wasm-pack ${WASM_PACK_VERSION}: installing (found '${have_wasm_pack:-none}'; cargo install, about 2 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# --- wasm-bindgen-cli at exactly the Cargo.lock version ------------------------------------
if [[ ! -f Cargo.lock ]]; then
  say "Cargo.lock missing: generating it (cargo generate-lockfile)"
  cargo generate-lockfile
fi
WASM_BINDGEN_VERSION="$(awk '
  /^\[\[package\]\]/ { inpkg = 1; name = ""; next }
  inpkg && /^name = / { gsub(/"/, "", $3); name = $3; next }
  inpkg && /^version = / && name == "wasm-bindgen" { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[[ -n "$WASM_BINDGEN_VERSION" ]] || die "no wasm-bindgen package in Cargo.lock (is wasm-bindgen a dependency in Cargo.toml?)"

have_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$have_bindgen" == "$WASM_BINDGEN_VERSION" ]]; then
  say "wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (as in Cargo.lock): present"
else
  say "wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (as in Cargo.lock): installing (found '${have_bindgen:-none}'; cargo install, about 2 minutes)"
  # Deliberately without --locked: the CLI's own lockfile pins a crate version that the
  # registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# --- Chromium and chromedriver (Debian packages) -------------------------------------------
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  say "chromium + chromium-driver: present ($(/usr/bin/chromium --version 2>/dev/null | head -n1 || echo 'version unknown'))"
else
  command -v apt-get >/dev/null 2>&1 || die "chromium is missing and apt-get is not available: install Chromium at /usr/bin/chromium"
  SUDO=""
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "chromium is missing; installing it needs root (sudo not found)"
    SUDO="sudo"
  fi
  say "chromium + chromium-driver: installing (apt-get, about 20 seconds)"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  [[ -x /usr/bin/chromium ]] || die "apt-get finished but /usr/bin/chromium is still missing"
fi

# --- npm dev tools --------------------------------------------------------------------------
# node_modules is current when it was installed from exactly this package.json and lockfile.
stamp_file="node_modules/.supervision-rules-setup"
want_stamp="$( (cat package.json; cat package-lock.json 2>/dev/null || true) | sha256sum | awk '{print $1}')"
have_stamp="$(cat "$stamp_file" 2>/dev/null || true)"
if [[ -d node_modules && "$have_stamp" == "$want_stamp" && -x node_modules/.bin/wasm-opt ]]; then
  say "npm dev tools: present (node_modules matches package-lock.json)"
else
  if [[ -f package-lock.json ]]; then
    say "npm dev tools: installing (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  else
    say "npm dev tools: installing (npm install; no package-lock.json yet)"
    npm install --no-audit --no-fund --loglevel=error
    want_stamp="$( (cat package.json; cat package-lock.json) | sha256sum | awk '{print $1}')"
  fi
  printf '%s\n' "$want_stamp" >"$stamp_file"
fi

export PATH="$ROOT/node_modules/.bin:$PATH"
wasm_opt_version="$(wasm-opt --version 2>/dev/null | head -n1 || true)"
[[ -n "$wasm_opt_version" ]] || die "wasm-opt (npm binaryen) does not run from node_modules/.bin"
say "wasm-opt: $wasm_opt_version (node_modules/.bin, put first on PATH by the Makefile)"
say "done: everything needed to build and test is installed"
