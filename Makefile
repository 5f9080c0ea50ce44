# supervision-rules: set-up, build, demo and tests.
#
#   make demo   installs what is missing, builds pkg/, serves www/ on http://127.0.0.1:8080
#   make test   installs what is missing, then runs every test (see scripts/test.sh)
#
# CARGO_TARGET_DIR is honoured when the environment sets it; this file never sets it.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# wasm-pack runs the first wasm-opt on PATH: npm's binaryen (node_modules/.bin) must come
# before any other (Debian's binaryen rejects current rustc output). cargo-installed
# wasm-pack and wasm-bindgen live in ~/.cargo/bin.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8080

WASM_PACK_BUILD := bash scripts/build-pkg.sh

.PHONY: help setup build demo serve test bench fmt clippy unit wasm-test e2e clean

help:
	@echo "make demo    set up, build pkg/, serve the demo page on http://$(DEMO_HOST):$(DEMO_PORT)"
	@echo "make test    set up, then fmt, clippy, cargo test, wasm-pack test, build, e2e"
	@echo "make bench   native, Node (vs Ajv) and Chromium benchmarks, and sizes (BENCHMARKS.md)"
	@echo "make setup   install what is missing (wasm32 target, wasm-pack, wasm-bindgen-cli, chromium, npm tools)"
	@echo "make build   pkg/: the npm package, one wasm-pack build per entry point (scripts/build-pkg.sh)"
	@echo "make serve   serve www/ and pkg/ without rebuilding"
	@echo "make e2e     the browser test only (needs pkg/)"

setup:
	@bash scripts/setup.sh

build:
	$(WASM_PACK_BUILD)

# Sequential even under make -j: set up, build, then serve.
demo: setup
	$(WASM_PACK_BUILD)
	@$(MAKE) --no-print-directory serve

serve:
	@test -f pkg/supervision_rules.js || { echo "pkg/ is not built: run make build (or make demo)"; exit 1; }
	@echo "demo: open http://$(DEMO_HOST):$(DEMO_PORT)/ in a browser (Ctrl+C stops the server)"
	node scripts/serve.mjs --host $(DEMO_HOST) --port $(DEMO_PORT)

test: setup
	@bash scripts/test.sh

# Benchmarks (not part of make test): prints the tables recorded in BENCHMARKS.md.
bench: setup
	@bash scripts/bench.sh

# The steps of `make test`, one at a time (no set-up).
fmt:
	cargo fmt --check
clippy:
	cargo clippy --all-targets --all-features -- -D warnings
unit:
	cargo test
wasm-test:
	wasm-pack test --node
e2e:
	node tests/e2e/run.mjs

clean:
	rm -rf pkg tests/e2e/output
