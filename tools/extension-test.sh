#!/usr/bin/env bash
# tools/extension-test.sh: the browser extension's tests (tests/extension/*.test.mjs).
#
#   tools/extension-test.sh [node --test options...]
#
# 1. Builds the extension with its test variant (tools/extension.py --test --out
#    build/extension --dist build/extension/dist): the release zips go to a scratch folder so
#    that a test run never overwrites dist/.
# 2. Runs `node --test tests/extension/` under a time limit (EXTENSION_TEST_TIMEOUT seconds,
#    default 600): Debian's Chromium with the unpacked test build in a persistent context,
#    against the fixture pages of tests/extension/fixtures/ (textarea, contenteditable,
#    Draft.js-like, Lexical-like, chat composer) served by tools/serve.mjs.
set -euo pipefail

cd "$(dirname "$0")/.."

say() { printf 'extension-test: %s\n' "$*"; }
die() { printf 'extension-test: %s\n' "$*" >&2; exit 1; }

NODE="${NODE:-node}"
[ -d node_modules/playwright-core ] || die "node_modules missing: run 'make setup' (tools/setup.sh)"
[ -f build/web/core/ceknetral_web_bg.wasm ] || die "build/web/core/ missing: run 'make web' (tools/build-web.sh) first"

python3 tools/extension.py --test --out build/extension --dist build/extension/dist >/dev/null

LIMIT="${EXTENSION_TEST_TIMEOUT:-600}"
start=$SECONDS
set +e
timeout --kill-after=10 "$LIMIT" "$NODE" --test --test-concurrency=1 --test-timeout=120000 "$@" tests/extension/
rc=$?
set -e
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  die "the extension tests did not finish within ${LIMIT} s"
fi
[ "$rc" -eq 0 ] || die "extension tests failed (exit $rc)"
say "all extension tests passed in $((SECONDS - start)) s"
