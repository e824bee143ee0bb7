#!/usr/bin/env python3
"""The WordPress plugin: its translation template, its checks and its zip.

    python3 tools/wordpress.py build [--site www/ceknetral] [--out dist]
    python3 tools/wordpress.py pot      rewrites wordpress/languages/ceknetral.pot
    python3 tools/wordpress.py check    the versions agree, the .pot is current, and
                                        every string has an Indonesian translation

`build` checks first, then writes dist/ceknetral-wordpress-VERSION.zip: the folder
`ceknetral/` with wordpress/ (the PHP, the block, the settings script, readme.txt,
uninstall.php, the .pot and .po), the compiled translations (.mo, written here, no gettext
needed), and the widget's files from the same build as www/ceknetral/ under
assets/ceknetral/ (the element module, its loader and stylesheet, the widget's glue and wasm:
one copy of each). Reproducible like tools/dist.py: sorted entries, fixed permissions, the
last commit's time. Prints the archive's path, size and SHA-256 as JSON on stdout.
`pot` needs xgettext (Debian's gettext package).
"""

import argparse
import ast
import hashlib
import json
import os
import re
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dist  # noqa: E402  (write_zip, stamp, cargo_version)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = os.path.join(ROOT, "wordpress")
POT = os.path.join(PLUGIN, "languages", "ceknetral.pot")
LOCALES = ["id_ID"]
# The widget's files the plugin ships (relative to www/ceknetral/).
WIDGET = [
    "ceknetral.js",
    "loader.js",
    "ceknetral.css",
    "widget/ceknetral_web.js",
    "widget/ceknetral_web_bg.wasm",
    "BACA-SAYA.txt",
]
KEYWORDS = ["__", "_e", "esc_html__", "esc_html_e", "esc_attr__", "esc_attr_e", "_x:1,2c"]


def die(msg):
    print(f"wordpress: {msg}", file=sys.stderr)
    sys.exit(1)


def php_files():
    out = []
    for dirpath, dirnames, filenames in os.walk(PLUGIN):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith(".php") and f != "index.php" and not f.endswith(".asset.php"):
                out.append(os.path.relpath(os.path.join(dirpath, f), PLUGIN))
    return out


# --- .po files ------------------------------------------------------------------------------


def po_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def parse_po(path):
    """{(context, msgid): msgstr} of a .po/.pot file (no plural forms: the plugin has none)."""
    entries = {}
    cur = {}
    key = None

    def flush():
        if "msgid" in cur:
            entries[(cur.get("msgctxt"), cur["msgid"])] = cur.get("msgstr", "")

    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                if not line and cur:
                    flush()
                    cur, key = {}, None
                continue
            m = re.match(r'^(msgctxt|msgid|msgstr)\s+(".*")$', line)
            if m:
                if m.group(1) in ("msgctxt",) or (m.group(1) == "msgid" and "msgid" in cur):
                    flush()
                    cur = {}
                key = m.group(1)
                cur[key] = ast.literal_eval(m.group(2))
            elif line.startswith('"') and key:
                cur[key] += ast.literal_eval(line)
            else:
                die(f"{path}:{n}: cannot read this line: {line}")
    flush()
    return entries


def write_mo(entries, path):
    """A GNU .mo file (little-endian, no hash table) from {(context, msgid): msgstr}. The
    (empty) hash table's offset is the end of the two tables, as msgfmt writes it: WordPress's
    reader takes the length of the translations' table from it."""
    items = []
    for (ctx, msgid), msgstr in entries.items():
        if msgid and not msgstr:
            continue
        k = (ctx + "\x04" + msgid) if ctx else msgid
        items.append((k.encode("utf-8"), msgstr.encode("utf-8")))
    items.sort()
    n = len(items)
    ids = b"".join(k + b"\0" for k, _ in items)
    strs = b"".join(v + b"\0" for _, v in items)
    start = 7 * 4 + 16 * n
    offsets_id, offsets_str, pos = [], [], start
    for k, _ in items:
        offsets_id += [len(k), pos]
        pos += len(k) + 1
    for _, v in items:
        offsets_str += [len(v), pos]
        pos += len(v) + 1
    header = struct.pack("<7I", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, start)
    data = header + struct.pack(f"<{2 * n}I", *offsets_id) + struct.pack(f"<{2 * n}I", *offsets_str) + ids + strs
    with open(path, "wb") as f:
        f.write(data)


# --- the template -----------------------------------------------------------------------------


def block_strings():
    with open(os.path.join(PLUGIN, "block", "block.json"), encoding="utf-8") as f:
        block = json.load(f)
    out = [("block title", block["title"]), ("block description", block["description"])]
    out += [("block keyword", k) for k in block["keywords"]]
    return out


def header_strings():
    with open(os.path.join(PLUGIN, "ceknetral.php"), encoding="utf-8") as f:
        head = f.read(3000)
    out = []
    for field in ("Plugin Name", "Description"):
        m = re.search(rf"^\s*\*\s*{field}:\s*(.+)$", head, re.M)
        if not m:
            die(f"ceknetral.php has no '{field}:' header")
        out.append((None, m.group(1).strip()))
    return out


def make_pot():
    args = ["xgettext", "--language=PHP", "--from-code=UTF-8", "--add-comments=translators:",
            "--sort-by-file", "--no-wrap", "--package-name=CekNetral",
            f"--package-version={dist.cargo_version()}", "--msgid-bugs-address=", "-o", "-"]
    args += [f"--keyword={k}" for k in KEYWORDS] + php_files()
    try:
        out = subprocess.run(args, cwd=PLUGIN, capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        die("xgettext is missing: apt-get install gettext")
    except subprocess.CalledProcessError as e:
        die(f"xgettext failed: {e.stderr.strip()}")
    out = re.sub(r'"POT-Creation-Date: [^"]*\\n"\n', "", out)
    out = out.replace('"Content-Type: text/plain; charset=CHARSET\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"')
    extra = []
    for ctx, msgid in header_strings() + block_strings():
        if ctx is None and ("\nmsgid " + po_string(msgid) + "\n") in out:
            continue  # already in the code's strings
        extra.append("#: " + ("ceknetral.php" if ctx is None else "block/block.json"))
        if ctx:
            extra.append("msgctxt " + po_string(ctx))
        extra += ["msgid " + po_string(msgid), 'msgstr ""', ""]
    return out.rstrip("\n") + "\n\n" + "\n".join(extra)


# --- checks -----------------------------------------------------------------------------------


def placeholders(s):
    return sorted(re.findall(r"%(?:\d+\$)?[sd]", s))


def check():
    version = dist.cargo_version()
    problems = []
    with open(os.path.join(PLUGIN, "ceknetral.php"), encoding="utf-8") as f:
        php = f.read()
    for what, pattern in [
        ("ceknetral.php Version", r"^\s*\*\s*Version:\s*(\S+)"),
        ("ceknetral.php CEKNETRAL_VERSION", r"define\( 'CEKNETRAL_VERSION', '([^']+)' \)"),
    ]:
        m = re.search(pattern, php, re.M)
        if not m or m.group(1) != version:
            problems.append(f"{what} is {m.group(1) if m else 'missing'}, Cargo.toml says {version}")
    with open(os.path.join(PLUGIN, "readme.txt"), encoding="utf-8") as f:
        readme = f.read()
    m = re.search(r"^Stable tag:\s*(\S+)", readme, re.M)
    if not m or m.group(1) != version:
        problems.append(f"readme.txt Stable tag is {m.group(1) if m else 'missing'}, Cargo.toml says {version}")
    with open(os.path.join(PLUGIN, "block", "block.json"), encoding="utf-8") as f:
        if json.load(f).get("version") != version:
            problems.append(f"block/block.json version is not {version}")
    # The template holds exactly what the code says.
    if not os.path.isfile(POT):
        problems.append("languages/ceknetral.pot is missing: run `python3 tools/wordpress.py pot`")
    else:
        fresh = os.path.join(ROOT, "build", "ceknetral.pot.check")
        os.makedirs(os.path.dirname(fresh), exist_ok=True)
        with open(fresh, "w", encoding="utf-8") as f:
            f.write(make_pot())
        if set(parse_po(fresh)) != set(parse_po(POT)):
            new = sorted(str(k) for k in set(parse_po(fresh)) - set(parse_po(POT)))
            gone = sorted(str(k) for k in set(parse_po(POT)) - set(parse_po(fresh)))
            problems.append(f"languages/ceknetral.pot is out of date (run `python3 tools/wordpress.py pot`): new {new[:5]}, gone {gone[:5]}")
        template = {k for k in parse_po(POT) if k[1]}
        for loc in LOCALES:
            po = os.path.join(PLUGIN, "languages", f"ceknetral-{loc}.po")
            if not os.path.isfile(po):
                problems.append(f"languages/ceknetral-{loc}.po is missing")
                continue
            tr = parse_po(po)
            for k in sorted(template, key=str):
                if not tr.get(k):
                    problems.append(f"ceknetral-{loc}.po: no translation for {k[1]!r}" + (f" ({k[0]})" if k[0] else ""))
                elif placeholders(tr[k]) != placeholders(k[1]):
                    problems.append(f"ceknetral-{loc}.po: the placeholders of {k[1]!r} differ in the translation")
            for k in sorted(set(tr) - template - {(None, "")}, key=str):
                problems.append(f"ceknetral-{loc}.po: {k[1]!r} is no longer in the template")
    if problems:
        die("\n  ".join(["the plugin is not ready:"] + problems))


# --- the zip ----------------------------------------------------------------------------------


def build(site, out):
    check()
    missing = [f for f in WIDGET if not os.path.isfile(os.path.join(site, f))]
    if missing:
        die(f"{site} lacks {', '.join(missing)}: run 'make web' (tools/build-web.sh) first")
    contents = {}
    for dirpath, dirnames, filenames in os.walk(PLUGIN):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, PLUGIN).replace(os.sep, "/")
            with open(path, "rb") as f:
                contents[rel] = f.read()
    for rel in WIDGET:
        with open(os.path.join(site, rel), "rb") as f:
            contents["assets/ceknetral/" + rel] = f.read()
    contents["assets/ceknetral/index.php"] = b"<?php\n// Silence is golden.\n"
    contents["assets/ceknetral/widget/index.php"] = b"<?php\n// Silence is golden.\n"
    for name in ("LICENSE-MIT", "LICENSE-APACHE"):
        with open(os.path.join(ROOT, name), "rb") as f:
            contents[name] = f.read()
    tmp = os.path.join(ROOT, "build", "wordpress-mo")
    os.makedirs(tmp, exist_ok=True)
    for loc in LOCALES:
        mo = os.path.join(tmp, f"ceknetral-{loc}.mo")
        write_mo(parse_po(os.path.join(PLUGIN, "languages", f"ceknetral-{loc}.po")), mo)
        with open(mo, "rb") as f:
            contents[f"languages/ceknetral-{loc}.mo"] = f.read()
    version = dist.cargo_version()
    os.makedirs(out, exist_ok=True)
    archive = os.path.join(os.path.abspath(out), f"ceknetral-wordpress-{version}.zip")
    dist.write_zip(archive, {"ceknetral/" + rel: data for rel, data in contents.items()}, dist.stamp())
    with open(archive, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    size = os.path.getsize(archive)
    print(json.dumps({"archive": archive, "version": version, "size": size, "files": len(contents), "sha256": digest}))
    print(f"wordpress: wrote {archive} ({size} bytes, {len(contents)} files)", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", nargs="?", default="build", choices=["build", "pot", "check"])
    ap.add_argument("--site", default=os.path.join(ROOT, "www", "ceknetral"))
    ap.add_argument("--out", default=os.path.join(ROOT, "dist"))
    args = ap.parse_args()
    if args.command == "pot":
        with open(POT, "w", encoding="utf-8") as f:
            f.write(make_pot())
        print(f"wordpress: wrote {os.path.relpath(POT, ROOT)} ({len(parse_po(POT)) - 1} strings)", file=sys.stderr)
    elif args.command == "check":
        check()
        print("wordpress: versions, template and translations ok", file=sys.stderr)
    else:
        build(os.path.abspath(args.site), args.out)


if __name__ == "__main__":
    main()
