#!/usr/bin/env bash
# tools/e2e.sh: the end-to-end tests in real headless Chromium (tests/e2e/*.test.mjs,
# node:test + playwright-core driving /usr/bin/chromium).
#
#   tools/e2e.sh [--build] [node --test options...]
#
#   --build   rebuild the site even when www/ceknetral/ looks up to date
#
# 1. Builds the site (tools/build-web.sh) when www/ceknetral/widget/ is missing or older
#    than any file of web/src, pkg/*.js|css, src, kb, packs or the Cargo manifests (everything
#    compiled into the wasm or copied into www/ceknetral/); otherwise skips the build.
# 2. Runs `node --test tests/e2e/` under a time limit (E2E_TIMEOUT seconds, default 900;
#    each test has its own limit of 120 s).
# 3. Prints where the screenshots are ($CEKNETRAL_SCREENSHOTS, default
#    test-output/screenshots). Exits non-zero when a test fails or the time runs out.
#
# Needs: node >= 20, npm ci (playwright-core, axe-core), /usr/bin/chromium (make setup).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"

BUILD=0
NODE_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    -h | --help) sed -n '2,/^$/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
    *) NODE_ARGS+=("$arg") ;;
  esac
done

say() { printf 'e2e: %s\n' "$*"; }
die() { printf 'e2e: %s\n' "$*" >&2; exit 1; }

NODE="${NODE:-node}"
command -v "$NODE" >/dev/null || die "node not found"
[ -d node_modules/playwright-core ] || die "node_modules/playwright-core missing: run 'make setup' (tools/setup.sh)"
[ -f node_modules/axe-core/axe.min.js ] || die "node_modules/axe-core missing: run 'make setup' (tools/setup.sh)"
CHROMIUM="${CEKNETRAL_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || die "$CHROMIUM missing: run 'make setup' (tools/setup.sh installs Debian's chromium)"

# Is the assembled site older than its sources? The reference time is the widget's wasm,
# or build/web/.e2e-built (written after a build here) when that is newer: build-web.sh
# keeps an unchanged wasm file as it was, so after a no-op rebuild the wasm stays older
# than an edited source that did not change it.
WASM="www/ceknetral/widget/ceknetral_web_bg.wasm"
BUILT="build/web/.e2e-built"
stale_reason() {
  if ! [ -f "$WASM" ] || ! [ -f www/ceknetral/widget/ceknetral_web.js ] || ! [ -f www/ceknetral/ceknetral.js ]; then
    echo "www/ceknetral/widget is missing"
    return
  fi
  local ref="$WASM" newer
  if [ -f "$BUILT" ] && [ "$BUILT" -nt "$WASM" ]; then ref="$BUILT"; fi
  # pkg/'s own files only: build-web.sh writes pkg/core/, pkg/widget/ and pkg/packs/.
  newer="$(find web/src src kb packs pkg/*.js pkg/*.css pkg/BACA-SAYA.txt web/Cargo.toml Cargo.toml Cargo.lock build.rs -type f -newer "$ref" 2>/dev/null | head -n 3 || true)"
  if [ -n "$newer" ]; then
    echo "sources changed since the last build: $(echo "$newer" | tr '\n' ' ')"
  fi
}

reason="$(stale_reason)"
if [ "$BUILD" -eq 1 ]; then reason="--build given"; fi
if [ -n "$reason" ]; then
  say "building the site ($reason)"
  # Another engineer may be half-way through an edit of web/src: one retry after a pause.
  if ! bash tools/build-web.sh; then
    say "build failed; retrying once in 60 s"
    sleep 60
    bash tools/build-web.sh || die "tools/build-web.sh failed"
  fi
  mkdir -p build/web && touch "$BUILT"
else
  say "www/ceknetral/ is up to date; skipping the build"
fi

SHOTS="${CEKNETRAL_SCREENSHOTS:-test-output/screenshots}"
export CEKNETRAL_SCREENSHOTS="$SHOTS"
case "$SHOTS" in /*) SHOTS_ABS="$SHOTS" ;; *) SHOTS_ABS="$ROOT/$SHOTS" ;; esac
mkdir -p "$SHOTS_ABS"
# Only the screenshots of an earlier run go (the folder may be one the caller named).
find "$SHOTS_ABS" -maxdepth 1 -type f -name '*.png' -delete

LIMIT="${E2E_TIMEOUT:-900}"
start=$SECONDS
status=0
# node 20: a directory argument runs its *.test.mjs files (support.mjs is not a test file).
# One file at a time (each starts its own server and Chromium); --test-timeout per test.
timeout --kill-after=10 "$LIMIT" "$NODE" --test --test-concurrency=1 --test-timeout=120000 \
  ${NODE_ARGS[@]+"${NODE_ARGS[@]}"} tests/e2e/ || status=$?
elapsed=$((SECONDS - start))
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  say "timed out after ${LIMIT} s (E2E_TIMEOUT)"
fi
count="$(find "$SHOTS_ABS" -name '*.png' | wc -l | tr -d ' ')"
say "screenshots: $count in $SHOTS_ABS"
if [ "$status" -eq 0 ]; then
  say "all end-to-end tests passed (${elapsed} s)"
else
  say "end-to-end tests FAILED (exit $status, ${elapsed} s)"
fi
exit "$status"
