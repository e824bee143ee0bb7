# CekNetral: one entry point for people and CI. Each target installs what it lacks.
#   make test   every test (formatting, lints, native tests, scanner evaluation); .ci/run calls it
#   make eval   the scanner's evaluation figures (corpus, tweets, stance articles)
#   make bench  the scanner's speed figures
#   make tone   retrain the scanner's tone model from the development corpus
#   make tree   the decision tree as a Graphviz file (target/tree.dot) for review
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

.PHONY: test setup-rust fmt lint test-native eval bench tree corpus tone tone-check

test: setup-rust fmt lint corpus test-native tone-check eval
	@echo "make test: all checks passed"

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

eval:
	$(CARGO) run --quiet --release --example eval

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

tree:
	$(CARGO) run --quiet --release --bin ceknetral -- tree --dot > target/tree.dot
	@echo "wrote target/tree.dot (render with: dot -Tsvg target/tree.dot > tree.svg)"
