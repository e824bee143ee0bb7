#!/usr/bin/env bash
# tools/setup.sh: installs what the web build, the demo server and the browser tests need,
# and nothing that is already there. Safe to run again and again (`make setup`, and every
# web target runs it first); when everything is present it finishes in about a second.
#
#   tools/setup.sh [--no-browser]
#
# Steps, one output line each:
#   1. rustup: target wasm32-unknown-unknown, components rustfmt and clippy.
#   2. wasm-bindgen-cli at exactly the version of the `wasm-bindgen` package in Cargo.lock
#      (0.2.130 when Cargo.lock has none yet): wasm-bindgen refuses modules made by another
#      version. `cargo install --locked` fails on this registry (its lock pins a crate the index
#      lacks) and --no-default-features drops rustls/ring; the test runner still works.
#      About 2 minutes the first time; skipped when `wasm-bindgen --version` matches.
#   3. Debian packages chromium, chromium-driver, brotli (apt-get; `apt-get update` only when
#      the package lists are missing or the install fails without it). --no-browser skips this
#      step: `make demo` needs no browser.
#   4. `npm ci` at the repository root (npm binaryen = wasm-opt 132, playwright-core, axe-core;
#      see package.json) when node_modules is missing or older than package-lock.json.
#
# Measurements and the reasons for each choice: ../shared/research/toolchain.md.
set -euo pipefail

cd "$(dirname "$0")/.."

BROWSER=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) BROWSER=0 ;;
    -h | --help) sed -n '2,/^$/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
    *) echo "setup: unknown option '$arg' (known: --no-browser)" >&2; exit 2 ;;
  esac
done

FALLBACK_WASM_BINDGEN=0.2.130
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) PATH="$CARGO_BIN:$PATH" ;; esac
export PATH

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo when there is one.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root for: $* (run it as root, then run make setup again)"
  fi
}

# 1. Rust target and components --------------------------------------------------------------
if command -v rustup >/dev/null 2>&1; then
  added=()
  if ! rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
    rustup target add wasm32-unknown-unknown >&2
    added+=(wasm32-unknown-unknown)
  fi
  components="$(rustup component list --installed 2>/dev/null || true)"
  for c in rustfmt clippy; do
    if ! grep -q "^$c" <<<"$components"; then
      rustup component add "$c" >&2
      added+=("$c")
    fi
  done
  if [ "${#added[@]}" -eq 0 ]; then
    say "rust: wasm32-unknown-unknown, rustfmt, clippy present"
  else
    say "rust: added ${added[*]}"
  fi
elif rustc --print target-libdir --target wasm32-unknown-unknown >/dev/null 2>&1 &&
  [ -d "$(rustc --print target-libdir --target wasm32-unknown-unknown)" ]; then
  say "rust: no rustup, but rustc has the wasm32-unknown-unknown target"
else
  die "rust: no rustup and no wasm32-unknown-unknown target; install Rust with rustup (https://rustup.rs)"
fi

# 2. wasm-bindgen-cli at the Cargo.lock version ---------------------------------------------
want=""
if [ -f Cargo.lock ]; then
  want="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; if ($1 == "version") { gsub(/"/, "", $3); print $3; exit } }' Cargo.lock)"
fi
source_of_version="Cargo.lock"
if [ -z "$want" ]; then
  want="$FALLBACK_WASM_BINDGEN"
  source_of_version="fallback, no wasm-bindgen in Cargo.lock yet"
fi
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [ "$have" = "$want" ]; then
  say "wasm-bindgen-cli $want present ($source_of_version)"
else
  start=$SECONDS
  was="${have:-absent}"
  cargo install wasm-bindgen-cli --version "$want" --no-default-features --force >&2
  have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
  [ "$have" = "$want" ] || die "wasm-bindgen-cli: installed $want but 'wasm-bindgen --version' says '${have:-nothing}' (is another wasm-bindgen earlier on PATH? $(command -v wasm-bindgen || true))"
  say "wasm-bindgen-cli $want installed in $((SECONDS - start)) s ($source_of_version; was $was)"
fi

# 3. Chromium, chromedriver, brotli -----------------------------------------------------------
if [ "$BROWSER" -eq 0 ]; then
  say "browser: skipped (--no-browser)"
elif [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "browser: /usr/bin/chromium and /usr/bin/chromedriver present"
else
  command -v apt-get >/dev/null 2>&1 ||
    die "browser: /usr/bin/chromium or /usr/bin/chromedriver missing and no apt-get; install Chromium and its chromedriver"
  start=$SECONDS
  pkgs=(chromium chromium-driver brotli)
  apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}" >&2
  }
  updated=""
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    as_root apt-get update -q >&2
    updated=" after apt-get update"
  fi
  if ! apt_install; then
    [ -z "$updated" ] || die "browser: apt-get install ${pkgs[*]} failed"
    as_root apt-get update -q >&2
    updated=" after apt-get update"
    apt_install
  fi
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] ||
    die "browser: apt-get installed ${pkgs[*]} but /usr/bin/chromium or /usr/bin/chromedriver is still missing"
  say "browser: installed ${pkgs[*]}$updated in $((SECONDS - start)) s"
fi

# 4. npm packages -----------------------------------------------------------------------------
command -v npm >/dev/null 2>&1 || die "npm: not found; install Node.js 20 or newer"
[ -f package-lock.json ] || die "npm: package-lock.json missing at the repository root"
# npm ci writes node_modules/.package-lock.json last, so it marks a complete install.
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && ! [ package-lock.json -nt "$stamp" ] && [ -x node_modules/.bin/wasm-opt ]; then
  say "npm: node_modules up to date with package-lock.json"
else
  start=$SECONDS
  log="$(mktemp)"
  if ! npm ci --no-audit --no-fund >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "npm: npm ci failed (output above)"
  fi
  rm -f "$log"
  say "npm: npm ci done in $((SECONDS - start)) s ($(node_modules/.bin/wasm-opt --version 2>/dev/null || echo 'wasm-opt missing!'))"
fi
