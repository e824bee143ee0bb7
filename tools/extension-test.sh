#!/usr/bin/env bash
# tools/extension-test.sh: the browser extension's tests (tests/extension/*.test.mjs).
#
#   tools/extension-test.sh [node --test options...]
#
# 1. Builds the extension with its test variant (tools/extension.py --test --out
#    build/extension --dist build/extension/dist): the release zips go to a scratch folder so
#    that a test run never overwrites dist/.
# 2. Lints the Firefox zip with addons-linter (npm; what addons.mozilla.org runs): no error,
#    no warning; checks the Chromium zip with tools/chrome_store_check.py (what the Chrome
#    Web Store rejects).
# 3. Runs `node --test tests/extension/` under a time limit (EXTENSION_TEST_TIMEOUT seconds,
#    default 1200): Debian's Chromium with the unpacked test build in a persistent context,
#    and Debian's Firefox ESR (installed here when missing) with the Firefox test build as a
#    temporary add-on (puppeteer-core over WebDriver BiDi); each test is written once and
#    runs in both (tests/extension/browsers.mjs holds the differences), against the fixture
#    pages of tests/extension/fixtures/ (textarea, contenteditable,
#    Draft.js-like, Lexical-like, chat composer) served by tools/serve.mjs.
set -euo pipefail

cd "$(dirname "$0")/.."

say() { printf 'extension-test: %s\n' "$*"; }
die() { printf 'extension-test: %s\n' "$*" >&2; exit 1; }

NODE="${NODE:-node}"
[ -d node_modules/playwright-core ] || die "node_modules missing: run 'make setup' (tools/setup.sh)"
[ -d node_modules/puppeteer-core ] && [ -d node_modules/addons-linter ] ||
  die "puppeteer-core or addons-linter missing from node_modules: run 'make setup' (tools/setup.sh)"
# Firefox ESR for the Firefox tests (Debian's firefox-esr; browsers cannot be downloaded).
if ! command -v "${CEKNETRAL_FIREFOX:-/usr/bin/firefox-esr}" >/dev/null 2>&1; then
  say "installing firefox-esr"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr >/dev/null ||
    { $SUDO apt-get update >/dev/null && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr >/dev/null; } ||
    die "could not install firefox-esr"
fi
[ -f build/web/core/ceknetral_web_bg.wasm ] || die "build/web/core/ missing: run 'make web' (tools/build-web.sh) first"

python3 tools/extension.py --test --out build/extension --dist build/extension/dist >/dev/null

# The Firefox zip as addons.mozilla.org lints it: no error, and no warning that the README
# does not explain (today none).
lint="$(node_modules/.bin/addons-linter --output json build/extension/dist/ceknetral-extension-*-firefox.zip 2>/dev/null || true)"
summary="$(printf '%s' "$lint" | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["summary"]; print(s["errors"], s["warnings"], s["notices"]); [print("  ", m["type"], m["code"], m["message"], file=sys.stderr) for k in ("errors","warnings") for m in d[k]]' 2>&1)" ||
  die "addons-linter gave no report"
read -r lint_errors lint_warnings lint_notices <<<"$(printf '%s
' "$summary" | head -n 1)"
printf '%s
' "$summary" | tail -n +2
[ "$lint_errors" = "0" ] || die "addons-linter: $lint_errors errors in the Firefox zip"
[ "$lint_warnings" = "0" ] || die "addons-linter: $lint_warnings warnings in the Firefox zip (explain them in the README or fix them)"
say "addons-linter: the Firefox zip has 0 errors, 0 warnings, $lint_notices notices"

# The Chromium zip against what the Chrome Web Store rejects (remote code, unused
# permissions, manifest limits, icons, stray files): tools/chrome_store_check.py.
python3 tools/chrome_store_check.py build/extension/dist/ceknetral-extension-*-chromium.zip ||
  die "the Chromium zip fails the Chrome Web Store checks"

LIMIT="${EXTENSION_TEST_TIMEOUT:-1200}"
start=$SECONDS
set +e
timeout --kill-after=10 "$LIMIT" "$NODE" --test --test-concurrency=1 --test-timeout=600000 "$@" tests/extension/
rc=$?
set -e
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  die "the extension tests did not finish within ${LIMIT} s"
fi
[ "$rc" -eq 0 ] || die "extension tests failed (exit $rc)"
say "all extension tests passed in $((SECONDS - start)) s"
