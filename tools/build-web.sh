#!/usr/bin/env bash
# tools/build-web.sh: builds the two browser entry points and assembles the widget folder.
# `make web` runs tools/setup.sh first, then this.
#
#   tools/build-web.sh [--dev]
#
#   --dev   skip wasm-opt (faster, about 3 s per module saved; the files are bigger)
#
# Steps (the crate `web/`, package ceknetral-web, is cdylib-only so LTO applies):
#   1. core   = cargo build -p ceknetral-web --target wasm32-unknown-unknown --profile wasm
#               -> wasm-bindgen --target web --no-typescript --out-dir build/web/core
#   2. widget = the same with --features widget (yew UI), in its own target directory
#      target/widget/ -> build/web/widget. A cdylib's file name has no hash, so in one target
#      directory the two feature sets would overwrite each other and every build would relink
#      both with LTO (about 12 s more per run); the cost is one more cold build of the
#      dependencies. wasm-bindgen runs straight after each build.
#   3. node_modules/.bin/wasm-opt -Oz (npm binaryen 132; Debian's 108 cannot parse these
#      modules) on each build/web/*/ceknetral_web_bg.wasm, in place. Steps 1-3 of an entry
#      point are skipped when its rustc module, the tool versions and --dev are the same as in
#      build/web/NAME.stamp, so an unchanged rebuild takes well under a second.
#   4. www/ceknetral/ (generated, git-ignored; the self-hosted folder a portal copies):
#        *.js, *.css          every top-level .js and .css file of pkg/ (the hand-written entry
#                             modules and the stylesheet), and BACA-SAYA.txt
#        core/                ceknetral_web.js + ceknetral_web_bg.wasm (scanner/checker API)
#        widget/              ceknetral_web.js + ceknetral_web_bg.wasm (API + yew widget)
#        packs/pemilu-2024.json
#
# Environment: CARGO (default cargo), CARGO_TARGET_DIR (honoured through cargo metadata),
# CARGO_PROFILE_WASM_OPT_LEVEL=s to try another opt-level without editing Cargo.toml.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"

DEV=0
for arg in "$@"; do
  case "$arg" in
    --dev) DEV=1 ;;
    -h | --help) sed -n '2,/^$/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
    *) echo "build-web: unknown option '$arg' (known: --dev)" >&2; exit 2 ;;
  esac
done

CARGO="${CARGO:-cargo}"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) PATH="$CARGO_BIN:$PATH" ;; esac
export PATH

say() { printf 'build-web: %s\n' "$*"; }
die() { printf 'build-web: %s\n' "$*" >&2; exit 1; }
bytes() { wc -c <"$1" | tr -d ' '; }

# Tools: checked up front so a missing one gives one clear line, not a half-built folder.
want="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; if ($1 == "version") { gsub(/"/, "", $3); print $3; exit } }' Cargo.lock)"
[ -n "$want" ] || die "Cargo.lock has no wasm-bindgen package; is web/ in the workspace?"
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
[ "$have" = "$want" ] ||
  die "wasm-bindgen ${have:-not found}, Cargo.lock needs $want: run 'make setup' (tools/setup.sh)"
WASM_OPT="$ROOT/node_modules/.bin/wasm-opt"
if [ "$DEV" -eq 0 ] && ! [ -x "$WASM_OPT" ]; then
  die "node_modules/.bin/wasm-opt missing: run 'make setup' (tools/setup.sh), or use --dev"
fi
compgen -G 'pkg/*.js' >/dev/null ||
  die "pkg/ has no .js entry modules (index.js, ceknetral.js): nothing to assemble"
[ -f packs/pemilu-2024.json ] || die "packs/pemilu-2024.json missing"

TARGET_DIR="$("$CARGO" metadata --format-version 1 --no-deps |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
OUT="$ROOT/build/web"
mkdir -p "$OUT"

# build NAME TARGET_DIR [cargo args...]: one cargo build + wasm-bindgen into build/web/NAME.
build() {
  local name="$1" dir="$2"
  shift 2
  local start=$SECONDS
  local ARTIFACT="$dir/wasm32-unknown-unknown/wasm/ceknetral_web.wasm"
  "$CARGO" build -p ceknetral-web --target wasm32-unknown-unknown --profile wasm --target-dir "$dir" "$@"
  [ -f "$ARTIFACT" ] || die "$name: cargo finished but $ARTIFACT is missing"
  # The same module, tools and flags as last time: keep build/web/NAME (saves 3-6 s of wasm-opt).
  local stamp="$OUT/$name.stamp" key
  key="$(sha256sum "$ARTIFACT" | cut -d' ' -f1) wasm-bindgen=$want wasm-opt=$([ "$DEV" -eq 0 ] && echo -Oz || echo none)"
  if [ -f "$stamp" ] && [ "$(head -n 1 "$stamp")" = "$key" ] &&
    [ -f "$OUT/$name/ceknetral_web.js" ] && [ -f "$OUT/$name/ceknetral_web_bg.wasm" ]; then
    say "$(sed -n 2p "$stamp") (unchanged, reused)"
    return
  fi
  rm -rf "${OUT:?}/${name:?}" "$stamp"
  wasm-bindgen --target web --no-typescript --out-dir "$OUT/$name" "$ARTIFACT"
  local bg="$OUT/$name/ceknetral_web_bg.wasm"
  [ -f "$bg" ] && [ -f "$OUT/$name/ceknetral_web.js" ] ||
    die "$name: wasm-bindgen did not write ceknetral_web.js and ceknetral_web_bg.wasm in $OUT/$name"
  local raw bound summary
  raw="$(bytes "$ARTIFACT")"
  bound="$(bytes "$bg")"
  if [ "$DEV" -eq 0 ]; then
    "$WASM_OPT" -Oz "$bg" -o "$bg.opt" || {
      rm -f "$bg.opt"
      die "$name: wasm-opt failed; if it names a missing feature (bulk memory ...), the module lost its target_features section: keep strip = false in [profile.wasm]"
    }
    mv "$bg.opt" "$bg"
    summary="$name: rustc $raw B, wasm-bindgen $bound B, wasm-opt -Oz $(bytes "$bg") B"
  else
    summary="$name: rustc $raw B, wasm-bindgen $bound B, wasm-opt skipped (--dev)"
  fi
  printf '%s\n%s\n' "$key" "$summary" >"$stamp"
  say "$summary ($((SECONDS - start)) s)"
}

build core "$TARGET_DIR"
build widget "$TARGET_DIR/widget" --features widget

# The npm package (pkg/) receives the generated glue and the built-in packs next to its
# hand-written modules (git-ignored: pkg/core/, pkg/widget/, pkg/packs/).
rm -rf pkg/core pkg/widget pkg/packs
mkdir -p pkg/packs
cp -R "$OUT/core" "$OUT/widget" pkg/
cp packs/pemilu-2024.json pkg/packs/

# Assemble www/ceknetral/ (the self-hosted folder) from scratch, so no file of an older
# build lingers.
SITE="$ROOT/www/ceknetral"
rm -rf "$SITE"
mkdir -p "$SITE/packs"
shopt -s nullglob
copied=()
for f in pkg/*.js pkg/*.css pkg/BACA-SAYA.txt; do
  cp "$f" "$SITE/"
  copied+=("${f#pkg/}")
done
shopt -u nullglob
cp -R "$OUT/core" "$OUT/widget" "$SITE/"
cp packs/pemilu-2024.json "$SITE/packs/"
say "assembled pkg/ and www/ceknetral/: ${copied[*]}, core/, widget/, packs/pemilu-2024.json"
