#!/usr/bin/env bash
# tools/pkg-test.sh: the tests of what users install (tests/pkg/*.test.mjs).
#
#   tools/pkg-test.sh [node --test options...]
#
# 1. Completes pkg/ and packs it (tools/pkg.mjs --pack build/pkg-test/), and makes the
#    self-hosted bundle (tools/dist.py --out build/pkg-test/). Run after tools/build-web.sh
#    (make test-pkg depends on make web).
# 2. Runs `node --test tests/pkg/` with CEKNETRAL_TARBALL and CEKNETRAL_BUNDLE set, under a
#    time limit (PKG_TEST_TIMEOUT seconds, default 900). The tests install the tarball into
#    fresh temporary projects (Node, a strict TypeScript consumer, a Vite 7 app, a webpack 5
#    app, a plain static page) and unpack the bundle into a static server; the apps run in
#    headless Chromium.
#
# npm installs vite, webpack and their dependencies from its cache (--prefer-offline): the
# versions are the ones package-lock.json pins, which tools/setup.sh's `npm ci` has cached.
set -euo pipefail

cd "$(dirname "$0")/.."

say() { printf 'pkg-test: %s\n' "$*"; }
die() { printf 'pkg-test: %s\n' "$*" >&2; exit 1; }

NODE="${NODE:-node}"
[ -d node_modules/playwright-core ] || die "node_modules missing: run 'make setup' (tools/setup.sh)"
[ -f pkg/widget/ceknetral_web_bg.wasm ] || die "pkg/widget/ missing: run 'make web' (tools/build-web.sh) first"

OUT="build/pkg-test"
rm -rf "$OUT"
mkdir -p "$OUT"
TARBALL="$("$NODE" tools/pkg.mjs --pack "$OUT" | "$NODE" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).tarball))')"
BUNDLE="$(python3 tools/dist.py --out "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["archive"])')"
say "tarball $TARBALL ($(stat -c %s "$TARBALL") bytes), bundle $BUNDLE ($(stat -c %s "$BUNDLE") bytes)"

export CEKNETRAL_TARBALL="$PWD/$TARBALL"
case "$TARBALL" in /*) CEKNETRAL_TARBALL="$TARBALL" ;; esac
export CEKNETRAL_BUNDLE="$BUNDLE"

LIMIT="${PKG_TEST_TIMEOUT:-900}"
start=$SECONDS
set +e
timeout --kill-after=10 "$LIMIT" "$NODE" --test --test-timeout=300000 "$@" tests/pkg/
rc=$?
set -e
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  die "the package tests did not finish within ${LIMIT} s"
fi
[ "$rc" -eq 0 ] || die "package tests failed (exit $rc)"
say "all package tests passed in $((SECONDS - start)) s"
