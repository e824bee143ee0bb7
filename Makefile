# CekNetral: one entry point for people and CI. Each target installs what it lacks.
#   make test   every test (formatting, lints, native tests, scanner evaluation); .ci/run calls it
#   make eval   the scanner's evaluation figures (corpus, tweets, stance articles)
#   make bench  the scanner's speed figures
#   make tree   the decision tree as a Graphviz file (target/tree.dot) for review
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

.PHONY: test setup-rust fmt lint test-native eval bench tree

test: setup-rust fmt lint test-native eval
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

bench:
	$(CARGO) run --quiet --release --example bench

tree:
	$(CARGO) run --quiet --release --bin ceknetral -- tree --dot > target/tree.dot
	@echo "wrote target/tree.dot (render with: dot -Tsvg target/tree.dot > tree.svg)"
