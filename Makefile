# CekNetral: one entry point for people and CI. Each target installs what it lacks.
#   make test   every test (formatting, lints, native tests, scanner evaluation); .ci/run calls it
#   make eval   the scanner's evaluation figures (corpus, real tweets, stance articles);
#               MISSES=1 also lists the development posts missed or over-flagged
#   make bench  the scanner's speed figures
#   make tone   retrain the scanner's tone model from the development corpus
#   make tree   the decision tree as a Graphviz file (target/tree.dot) for review
#   make setup  install what the web build and browser tests need (tools/setup.sh; idempotent)
#   make web    build both wasm entry points and assemble www/ceknetral/ (tools/build-web.sh;
#               WEB_FLAGS=--dev skips wasm-opt)
#   make demo   build, then serve www/ at http://127.0.0.1:8080/ (PORT=... to change it)
#   make size   what each entry point downloads (raw, gzip, brotli bytes) as JSON on stdout
#   make size-check   the same, failing when an entry point is over web/size-budget.json
#   make pkg    a complete pkg/ ready for `npm pack` (build, then tools/pkg.mjs: licences,
#               changelog, version and file checks); `make pkg-pack` also packs it into build/npm/
#   make dist   the self-hosted bundle dist/ceknetral-VERSION.zip (tools/dist.py)
#   make test-pkg   the package and bundle tests (tools/pkg-test.sh; part of make test)
#   make extension  the browser extension: build/extension/{chromium,firefox}/ unpacked and
#               dist/ceknetral-extension-VERSION-{chromium,firefox}.zip (tools/extension.py)
#   make test-extension  the extension in Chromium on fixture editors (tools/extension-test.sh;
#               part of make test)
#   make bench-extension  the extension's speed in Chromium (first answer, scan round trip,
#               keystroke to badge; figures printed)
#   make wordpress  the WordPress plugin dist/ceknetral-wordpress-VERSION.zip (tools/wordpress.py;
#               `python3 tools/wordpress.py pot` rewrites its translation template)
#   make test-wordpress  the plugin in a real WordPress + MariaDB on 127.0.0.1, driven in
#               Chromium (tests/wordpress/run.sh; part of make test)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

.PHONY: test setup-rust fmt lint test-native eval bench tree corpus tone tone-check kb-review
.PHONY: setup web demo size size-check test-web lint-web test-wasm size-check-built test-e2e bench-web
.PHONY: pkg pkg-pack dist test-pkg extension test-extension bench-extension wordpress test-wordpress

test: setup-rust fmt lint corpus test-native tone-check eval test-web
	@echo "make test: all checks passed"

# Everything in the browser: the web crate's lints, wasm-bindgen tests in headless
# Chromium (the scanner-only core and the full widget build), the download budgets, and
# the end-to-end tests of the widget, the portal pages and the strict-CSP page, and the
# npm package and the bundle as users install them, and the browser extension.
test-web: web lint-web test-wasm size-check-built test-e2e test-pkg test-extension test-wordpress

lint-web:
	$(CARGO) clippy -p ceknetral-web --target wasm32-unknown-unknown -- -D warnings
	$(CARGO) clippy -p ceknetral-web --target wasm32-unknown-unknown --features widget --tests -- -D warnings

test-wasm:
	cd web && CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 $(CARGO) test --target wasm32-unknown-unknown
	cd web && CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 $(CARGO) test --target wasm32-unknown-unknown --features widget

size-check-built:
	$(NODE) tools/size.mjs --check > /dev/null

test-e2e:
	$(CARGO) build --quiet --release --bin ceknetral
	bash tools/e2e.sh

# The npm pack tarball in fresh projects (Node, strict TypeScript, Vite 7 build and dev
# server, webpack 5, a static page) and the bundle on a static server, in Chromium.
test-pkg: web
	bash tools/pkg-test.sh

# The unpacked extension (its test build, which also matches the fixture origin) in
# Chromium: textarea, contenteditable, Draft.js-like, Lexical-like and Enter-to-send
# editors; options page, packs, per-site switch; manifests, reproducible zips, no network.
test-extension: web
	bash tools/extension-test.sh

# rustfmt and clippy are rustup components; a fresh toolchain may lack them.
setup-rust:
	@command -v rustup >/dev/null && { \
	  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt; \
	  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy; \
	} || true

fmt:
	$(CARGO) fmt --all -- --check

lint:
	$(CARGO) clippy --all-targets -- -D warnings

test-native:
	$(CARGO) test --all-targets
	$(CARGO) test --doc

MISSES ?=
eval:
	$(CARGO) run --quiet --release --example eval -- $(if $(MISSES),--misses,)
	$(if $(MISSES),MISSES=1,) $(CARGO) test --quiet --release --test ask_eval -- --nocapture 2>&1 | grep -E "question box|miss|answered|FAILED|panicked"

# The corpus files are valid, with no post in two of them.
corpus:
	python3 tests/corpus/check_corpus.py --quiet

# The tone model: features of the development posts, then a logistic regression
# (tools/train_tone.py; deterministic). `tone-check` fails when the committed model is not
# what the current rules and corpus give: run `make tone` and commit the result.
TONE_FEATURES := target/tone-features.jsonl
tone:
	@mkdir -p target
	$(CARGO) run --quiet --release --example tone_features > $(TONE_FEATURES)
	python3 tools/train_tone.py $(TONE_FEATURES) > src/scanner/data/tone-model.tsv

tone-check:
	@mkdir -p target
	$(CARGO) run --quiet --release --example tone_features > $(TONE_FEATURES)
	python3 tools/train_tone.py $(TONE_FEATURES) 2>/dev/null > target/tone-model.tsv
	@cmp -s target/tone-model.tsv src/scanner/data/tone-model.tsv || { \
	  echo "the tone model is out of date with the rules or the corpus: run 'make tone' and commit src/scanner/data/tone-model.tsv"; exit 1; }
	@echo "tone model up to date"

bench:
	$(CARGO) run --quiet --release --example bench

# The widget in Chromium with the CPU throttled 4x: time to interactive and keystroke
# latency (figures printed; --check would fail on a missed target).
bench-web: web
	$(NODE) tools/bench-web.mjs

# The knowledge-base reviewer's checklist (unverified provisions and answers, disputed
# points, sources not re-checked, what the last review changed).
kb-review:
	$(CARGO) run --quiet --release --bin ceknetral -- kb report

tree:
	$(CARGO) run --quiet --release --bin ceknetral -- tree --dot > target/tree.dot
	@echo "wrote target/tree.dot (render with: dot -Tsvg target/tree.dot > tree.svg)"

# --- Browser build -----------------------------------------------------------------------
# tools/setup.sh: rustup target, wasm-bindgen-cli at the Cargo.lock version, Debian chromium
# and chromedriver (not for demo: --no-browser), npm ci. Fast when everything is there.
# tools/build-web.sh: core and widget wasm (cargo profile `wasm`), wasm-bindgen, wasm-opt -Oz,
# then www/ceknetral/ = pkg/*.js *.css + core/ + widget/ + packs/pemilu-2024.json.
PORT ?= 8080
NODE ?= node
WEB_FLAGS ?=

setup:
	bash tools/setup.sh

web: setup
	bash tools/build-web.sh $(WEB_FLAGS)

demo:
	bash tools/setup.sh --no-browser
	bash tools/build-web.sh $(WEB_FLAGS)
	exec $(NODE) tools/serve.mjs --port $(PORT)

# Progress goes to stderr, so `make size > sizes.json` writes only the JSON.
size:
	@{ bash tools/setup.sh && bash tools/build-web.sh $(WEB_FLAGS); } >&2
	@$(NODE) tools/size.mjs

size-check:
	@{ bash tools/setup.sh && bash tools/build-web.sh $(WEB_FLAGS); } >&2
	@$(NODE) tools/size.mjs --check

pkg: web
	$(NODE) tools/pkg.mjs

pkg-pack: web
	$(NODE) tools/pkg.mjs --pack build/npm

dist: web
	python3 tools/dist.py

extension: web
	python3 tools/extension.py

bench-extension: web
	python3 tools/extension.py --test --out build/extension --dist build/extension/dist > /dev/null
	$(NODE) tools/bench-extension.mjs

wordpress: web
	python3 tools/wordpress.py build

test-wordpress: web
	$(CARGO) build --quiet --release --bin ceknetral
	bash tests/wordpress/run.sh
