#!/usr/bin/env bash
# tests/wordpress/run.sh: the WordPress plugin against a real WordPress (`make test-wordpress`,
# part of `make test`).
#
# Installs what is missing (Debian's wordpress 6.1 and its twentytwentythree theme,
# mariadb-server, php-cli, php-mysql, phpunit, gettext), builds the plugin's zip, then in a
# temporary folder: starts MariaDB (socket only, no TCP port), copies WordPress, writes its
# wp-config.php (WP_DEBUG on, its log in the folder), serves it with PHP's built-in server on
# a free port of 127.0.0.1 (tests/wordpress/router.php), installs WordPress with wp_install(),
# unzips and activates the plugin from the built zip and creates three pages. Then:
#   1. php -l on every PHP file of the plugin;
#   2. the pack validator against the scanner's (the same message for each of
#      tests/wordpress/pack-cases.json);
#   3. PHPUnit (Debian's phpunit) on tests/wordpress/phpunit, inside the running WordPress;
#   4. tests/wordpress/wordpress.test.mjs in headless Chromium (Playwright): the public
#      pages, the settings page, pack uploads, the installation check, the editor, and
#      uninstalling;
#   5. the WP_DEBUG log: no line may name the plugin.
# Everything started is stopped at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
say() { printf 'wordpress-test: %s\n' "$*"; }
die() { printf 'wordpress-test: %s\n' "$*" >&2; exit 1; }
START=$(date +%s)

# --- packages ----------------------------------------------------------------------------------
need=()
for pkg in wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql phpunit gettext; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
  say "installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null ||
    { $SUDO apt-get update >/dev/null && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; } ||
    die "could not install ${need[*]}"
fi
# Debian starts the services it installs where it can: this test runs its own.
for svc in mariadb apache2; do
  if command -v service >/dev/null && service "$svc" status >/dev/null 2>&1; then service "$svc" stop >/dev/null 2>&1 || true; fi
done

# --- the zip -----------------------------------------------------------------------------------
zipinfo() { python3 tools/wordpress.py build 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["archive"], d["sha256"])'; }
read -r ZIP SUM1 < <(zipinfo)
[ -f "$ZIP" ] || die "no zip built"
read -r _ SUM2 < <(zipinfo)
[ "$SUM1" = "$SUM2" ] || die "the zip is not reproducible: two builds gave $SUM1 and $SUM2"
say "zip: $ZIP (reproducible, sha256 $SUM1)"

# --- the stack ---------------------------------------------------------------------------------
T=$(mktemp -d /tmp/ceknetral-wp.XXXXXX)
DB_PID=""; WEB_PID=""
cleanup() {
  local rc=$?
  # PHP's server with PHP_CLI_SERVER_WORKERS forks its workers: they outlive the parent
  # unless they are stopped first (they were left running after every test before).
  if [ -n "$WEB_PID" ]; then
    pkill -TERM -P "$WEB_PID" 2>/dev/null || true
    kill "$WEB_PID" 2>/dev/null || true
    wait "$WEB_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do pgrep -f -- "-t $T/wp" >/dev/null || break; sleep 0.1; done
    if pgrep -f -- "-t $T/wp" >/dev/null; then
      echo "wordpress-test: PHP server processes still running after the test" >&2
      pkill -KILL -f -- "-t $T/wp" 2>/dev/null || true
      [ "$rc" -ne 0 ] || rc=1
    fi
  fi
  if [ -n "$DB_PID" ]; then kill "$DB_PID" 2>/dev/null || true; wait "$DB_PID" 2>/dev/null || true; fi
  if [ "$rc" -ne 0 ] && [ -d "$T" ]; then
    for f in "$T/db.err" "$T/web.log" "$T/debug.log"; do
      [ -s "$f" ] && { echo "--- $f (last lines)"; tail -n 30 "$f"; }
    done
  fi
  [ -n "${KEEP_WP:-}" ] && echo "kept $T" || rm -rf "$T"
  exit "$rc"
}
trap cleanup EXIT INT TERM

mkdir -p "$T/db" "$T/state"
mariadb-install-db --no-defaults --datadir="$T/db" --user="$(id -un)" --auth-root-authentication-method=normal \
  --skip-test-db >"$T/db-install.log" 2>&1 || { cat "$T/db-install.log"; die "mariadb-install-db failed"; }
mariadbd --no-defaults --datadir="$T/db" --socket="$T/mysql.sock" --skip-networking --user="$(id -un)" \
  --pid-file="$T/db.pid" --log-error="$T/db.err" --innodb-buffer-pool-size=64M &
DB_PID=$!
for _ in $(seq 1 100); do [ -S "$T/mysql.sock" ] && break; sleep 0.1; done
[ -S "$T/mysql.sock" ] || die "MariaDB did not start"
mariadb --no-defaults -S "$T/mysql.sock" -uroot -e "CREATE DATABASE wp CHARACTER SET utf8mb4" || die "cannot create the database"

cp -r /usr/share/wordpress "$T/wp"
rm -f "$T/wp/wp-config.php"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
salt() { python3 -c 'import secrets; print(secrets.token_hex(32))'; }
cat >"$T/wp/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wp' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:$T/mysql.sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'AUTH_KEY', '$(salt)' );
define( 'SECURE_AUTH_KEY', '$(salt)' );
define( 'LOGGED_IN_KEY', '$(salt)' );
define( 'NONCE_KEY', '$(salt)' );
define( 'AUTH_SALT', '$(salt)' );
define( 'SECURE_AUTH_SALT', '$(salt)' );
define( 'LOGGED_IN_SALT', '$(salt)' );
define( 'NONCE_SALT', '$(salt)' );
define( 'WP_HOME', '$URL' );
define( 'WP_SITEURL', '$URL' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$T/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'FS_METHOD', 'direct' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
\$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP

CEKNETRAL_WP_STATE="$T/state" PHP_CLI_SERVER_WORKERS=4 php -d display_errors=0 -S "127.0.0.1:$PORT" -t "$T/wp" \
  tests/wordpress/router.php >"$T/web.log" 2>&1 &
WEB_PID=$!
for _ in $(seq 1 100); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null && break; sleep 0.1; done

export CEKNETRAL_WP_DIR="$T/wp" CEKNETRAL_WP_URL="$URL" CEKNETRAL_WP_STATE="$T/state"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$ZIP" "$T/wp/wp-content/plugins"
# An Indonesian site, as most portals are: WordPress accepts the locale only when a core
# translation is installed, so an empty one stands in (core stays in English; the plugin's
# own strings come from its id_ID translation).
mkdir -p "$T/wp/wp-content/languages"
python3 -c 'import sys; sys.path.insert(0, "tools"); import wordpress
wordpress.write_mo({(None, ""): "Language: id_ID\nContent-Type: text/plain; charset=UTF-8\n"}, sys.argv[1])' "$T/wp/wp-content/languages/id_ID.mo"
PAGES=$(php tests/wordpress/site.php install) || die "WordPress did not install"
export CEKNETRAL_WP_PAGES="$PAGES"
say "WordPress $(php -r 'include "'"$T"'/wp/wp-includes/version.php"; echo $wp_version;') at $URL, MariaDB $(mariadbd --version | awk '{print $3}'), PHP $(php -r 'echo PHP_VERSION;')"

# --- 1. php -l ---------------------------------------------------------------------------------
while IFS= read -r -d '' f; do
  php -l "$f" >/dev/null || die "php -l failed: $f"
done < <(find "$T/wp/wp-content/plugins/ceknetral" -name '*.php' -print0)
say "php -l: ok"

# --- 2. the pack validator against the scanner's ---------------------------------------------
CEKNETRAL_BIN="${CEKNETRAL_BIN:-$ROOT/target/release/ceknetral}"
[ -x "$CEKNETRAL_BIN" ] || cargo build --quiet --release --bin ceknetral
python3 - "$CEKNETRAL_BIN" "$T" <<'PY'
import json, subprocess, sys
cli, tmp = sys.argv[1], sys.argv[2]
cases = json.load(open("tests/wordpress/pack-cases.json", encoding="utf-8"))
files = []
for i, c in enumerate(cases):
    p = f"{tmp}/pack-{i:02d}.json"
    open(p, "w", encoding="utf-8").write(c["json"])
    files.append(p)
php = subprocess.run(["php", "tests/wordpress/validate-pack.php"] + files, capture_output=True, text=True, check=True).stdout.splitlines()
diffs = []
for c, p, mine in zip(cases, files, php):
    r = subprocess.run([cli, "pack", p], capture_output=True, text=True)
    if r.returncode == 0:
        theirs = "ok " + json.loads(c["json"])["id"]
    else:
        theirs = r.stderr.strip().split(": ", 2)[-1]
    same = mine == theirs or (mine.startswith("invalid pack: not valid JSON") and theirs.startswith("invalid pack: not valid JSON"))
    if not same:
        diffs.append(f"{c['name']}:\n    scanner: {theirs}\n    plugin:  {mine}")
if len(php) != len(cases) or diffs:
    sys.exit("wordpress-test: the plugin's pack validator disagrees with the scanner:\n  " + "\n  ".join(diffs))
print(f"wordpress-test: pack validator: the scanner's message on all {len(cases)} cases")
PY

# --- 3. PHPUnit --------------------------------------------------------------------------------
phpunit --configuration tests/wordpress/phpunit/phpunit.xml >"$T/phpunit.log" 2>&1 ||
  { cat "$T/phpunit.log"; die "PHPUnit failed"; }
say "PHPUnit: $(grep -E '^(OK|Tests:)' "$T/phpunit.log" | tail -n 1)"

# --- 4. the browser ----------------------------------------------------------------------------
node --test --test-concurrency=1 tests/wordpress/wordpress.test.mjs

# --- 5. notices --------------------------------------------------------------------------------
# (WordPress 6.1 itself logs PHP 8.2 deprecations; only lines naming the plugin's files count.)
if [ -f "$T/debug.log" ] && grep -E "plugins/ceknetral/|ceknetral_" "$T/debug.log" >/dev/null; then
  grep -E "plugins/ceknetral/|ceknetral_" "$T/debug.log" | head -20
  die "PHP notices from the plugin with WP_DEBUG on (above)"
fi
say "WP_DEBUG log: nothing from the plugin ($( [ -f "$T/debug.log" ] && wc -l <"$T/debug.log" || echo 0) lines from WordPress itself)"
say "all WordPress tests passed in $(( $(date +%s) - START )) s"
