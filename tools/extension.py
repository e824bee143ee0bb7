#!/usr/bin/env python3
"""Builds the browser extension: unpacked folders and reproducible zips.

    python3 tools/extension.py [--out build/extension] [--dist dist] [--test]

From extension/ (manifest, scripts, options page, locales), the scanner-only wasm that
tools/build-web.sh made (build/web/core/), the built-in pack and the knowledge base:

  build/extension/chromium/   Manifest V3 with a module service worker (Chrome, Edge)
  build/extension/firefox/    the same sources, with a background event page and Gecko
                              settings (Firefox 128 or newer)
  build/extension/test-chromium/
                              with --test only: the Chromium build whose content script also
                              matches http://127.0.0.1/* (the fixture pages of
                              tests/extension/); never zipped, never released
  dist/ceknetral-extension-VERSION-chromium.zip, ...-firefox.zip
                              the release archives: sorted entries, fixed permissions and the
                              last commit's time (or SOURCE_DATE_EPOCH), so the same sources
                              give the same bytes

role-rules.json is made here from the knowledge base by `ceknetral check` for every role and
the activities of kb/category-activities.toml, so the warning's "for your role" notes
are the checker's own answers. The icons are drawn here (no binary files in the sources).
Prints the archives' paths, sizes and SHA-256 as JSON on stdout.
"""

import argparse
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dist import cargo_version, stamp, write_zip  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXT = os.path.join(ROOT, "extension")
SOURCES = ["background.js", "content.js", "dom.js", "settings.js", "strings.js", "options.html", "options.js", "options.css"]
FIXTURE_MATCH = "http://127.0.0.1/*"


def die(msg):
    print(f"extension: {msg}", file=sys.stderr)
    sys.exit(1)


def say(msg):
    print(f"extension: {msg}", file=sys.stderr)


# --- role-rules.json ------------------------------------------------------------------------


def ceknetral_binary():
    """Builds the command-line tool (release) and returns its path."""
    try:
        meta = subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--no-deps"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        target = json.loads(meta.stdout)["target_directory"]
        subprocess.run(["cargo", "build", "--quiet", "--release", "--bin", "ceknetral"], cwd=ROOT, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        die(f"cannot build the ceknetral command-line tool: {e}")
    return os.path.join(target, "release", "ceknetral")


def cli_json(binary, *args):
    try:
        out = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except subprocess.CalledProcessError as e:
        die(f"ceknetral {' '.join(args)} failed: {e.stderr.strip()}")
    return json.loads(out.stdout)


def fact_labels():
    """{fact: {value: {id, en}}} from kb/facts.toml, to say when a sanction applies."""
    with open(os.path.join(ROOT, "kb", "facts.toml"), "rb") as f:
        kb = tomllib.load(f)
    return {
        fact["key"]: {v["key"]: {"id": v["label"]["id"], "en": v["label"]["en"]} for v in fact.get("value", [])}
        for fact in kb.get("fact", [])
    }


def role_rules():
    with open(os.path.join(ROOT, "kb", "category-activities.toml"), "rb") as f:
        categories = tomllib.load(f)["categories"]
    binary = ceknetral_binary()
    roles = cli_json(binary, "roles", "--json")
    activities = {a["id"]: a for a in cli_json(binary, "activities", "--json")}
    known_categories = {
        "call_to_vote", "support", "attack", "hashtag_slogan", "symbol", "party_promotion",
        "campaign_mobilisation", "group_invite", "state_facilities", "ktp_collection",
        "money_politics", "relative_candidate", "mention",
    }
    for cat, act in categories.items():
        if cat not in known_categories:
            die(f"kb/category-activities.toml: unknown finding category {cat!r}")
        if act not in activities:
            die(f"kb/category-activities.toml: {cat} = {act!r} is not an activity of kb/activities.toml")
    labels = fact_labels()

    def when_text(when, lang):
        return "; ".join(labels.get(k, {}).get(v, {}).get(lang, f"{k}={v}") for k, v in sorted(when.items()))

    rules = {}
    for role in roles:
        per = {}
        for act in sorted(set(categories.values())):
            answers = {lang: cli_json(binary, "check", "--role", role["id"], "--activity", act, "--json", "--lang", lang) for lang in ("id", "en")}
            a = answers["id"]
            per[act] = {
                "verdict": a["verdict"],
                "basis": [{"instrument": b["instrument"], "provision": b["provision"]} for b in a["basis"]],
                "sanctions": [
                    {
                        "when": {lang: when_text(s.get("when", {}), lang) for lang in ("id", "en")},
                        "detail": {lang: answers[lang]["sanctions"][i]["detail"] for lang in ("id", "en")},
                    }
                    for i, s in enumerate(a["sanctions"])
                ],
                "advice": {lang: answers[lang]["advice"] for lang in ("id", "en")},
                "disputed": a["disputed"],
            }
        rules[role["id"]] = per
    return {
        "categories": categories,
        "activities": {k: activities[k]["label"] for k in sorted(set(categories.values()))},
        "roleLabels": {r["id"]: r["label"] for r in roles},
        "rules": rules,
    }


# --- icons ------------------------------------------------------------------------------


def png(width, height, rgba):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgba[y * width * 4:(y + 1) * width * 4]) for y in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def icon(size):
    """A rounded blue square with a white tick, drawn with 4x4 supersampling."""
    ss = 4
    n = size * ss
    radius = n * 0.22
    # The tick: two strokes, in units of the icon's size.
    stroke = 0.12 * n
    p1, p2, p3 = (0.27 * n, 0.53 * n), (0.44 * n, 0.70 * n), (0.75 * n, 0.33 * n)

    def seg_dist(px, py, a, b):
        ax, ay = a
        bx, by = b
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        cx, cy = ax + t * dx, ay + t * dy
        return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5

    def inside_square(px, py):
        cx = min(max(px, radius), n - radius)
        cy = min(max(py, radius), n - radius)
        return (px - cx) ** 2 + (py - cy) ** 2 <= radius * radius

    out = bytearray(size * size * 4)
    blue = (11, 87, 208)
    for y in range(size):
        for x in range(size):
            cover = 0
            tick = 0
            for sy in range(ss):
                for sx in range(ss):
                    px, py = x * ss + sx + 0.5, y * ss + sy + 0.5
                    if inside_square(px, py):
                        cover += 1
                        if min(seg_dist(px, py, p1, p2), seg_dist(px, py, p2, p3)) <= stroke / 2:
                            tick += 1
            if cover:
                k = tick / cover
                r = round(blue[0] * (1 - k) + 255 * k)
                g = round(blue[1] * (1 - k) + 255 * k)
                b = round(blue[2] * (1 - k) + 255 * k)
                i = (y * size + x) * 4
                out[i:i + 4] = bytes((r, g, b, round(255 * cover / (ss * ss))))
    return png(size, size, out)


# --- assembling --------------------------------------------------------------------------


def manifest_for(base, browser, test):
    m = json.loads(json.dumps(base))
    if browser == "firefox":
        m.pop("minimum_chrome_version", None)
        m["background"] = {"scripts": ["background.js"], "type": "module"}
        # Firefox 140 (the ESR) and Firefox for Android 142 are the first to know
        # data_collection_permissions (addons-linter warns for anything older).
        m["browser_specific_settings"] = {
            "gecko": {
                "id": "ceknetral@ceknetral",
                "strict_min_version": "140.0",
                "data_collection_permissions": {"required": ["none"]},
            },
            "gecko_android": {"strict_min_version": "142.0"},
        }
    if test:
        for cs in m["content_scripts"]:
            cs["matches"] = cs["matches"] + [FIXTURE_MATCH]
    return m


def files_for(manifest, shared):
    files = dict(shared)
    files["manifest.json"] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "extension"))
    ap.add_argument("--dist", default=os.path.join(ROOT, "dist"))
    ap.add_argument("--test", action="store_true", help="also build the test variant (fixture origin)")
    args = ap.parse_args()

    version = cargo_version()
    base = json.loads(read(os.path.join(EXT, "manifest.json")))
    if base.get("version") != version:
        die(f"extension/manifest.json has version {base.get('version')} but Cargo.toml's workspace has {version}: give both the same version")
    if FIXTURE_MATCH in json.dumps(base):
        die("extension/manifest.json must not match the fixture origin; the test build adds it")

    core = os.path.join(ROOT, "build", "web", "core")
    for f in ("ceknetral_web.js", "ceknetral_web_bg.wasm"):
        if not os.path.isfile(os.path.join(core, f)):
            die(f"build/web/core/{f} missing: run 'make web' (tools/build-web.sh) first")

    shared = {}
    for f in SOURCES:
        shared[f] = read(os.path.join(EXT, "src", f))
    for lang in sorted(os.listdir(os.path.join(EXT, "_locales"))):
        shared[f"_locales/{lang}/messages.json"] = read(os.path.join(EXT, "_locales", lang, "messages.json"))
    shared["core/ceknetral_web.js"] = read(os.path.join(core, "ceknetral_web.js"))
    shared["core/ceknetral_web_bg.wasm"] = read(os.path.join(core, "ceknetral_web_bg.wasm"))
    shared["packs/pemilu-2024.json"] = read(os.path.join(ROOT, "packs", "pemilu-2024.json"))
    shared["role-rules.json"] = (json.dumps(role_rules(), ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    for size in (16, 32, 48, 128):
        shared[f"icons/icon-{size}.png"] = icon(size)
    for f in ("LICENSE-MIT", "LICENSE-APACHE"):
        shared[f] = read(os.path.join(ROOT, f))

    variants = [("chromium", "chromium", False), ("firefox", "firefox", False)]
    if args.test:
        variants.append(("test-chromium", "chromium", True))
        variants.append(("test-firefox", "firefox", True))
    when = stamp()
    report = []
    os.makedirs(args.dist, exist_ok=True)
    for name, browser, test in variants:
        files = files_for(manifest_for(base, browser, test), shared)
        folder = os.path.join(args.out, name)
        shutil.rmtree(folder, ignore_errors=True)
        for rel, data in files.items():
            path = os.path.join(folder, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        entry = {"variant": name, "folder": folder, "files": len(files)}
        if not test:
            archive = os.path.join(os.path.abspath(args.dist), f"ceknetral-extension-{version}-{browser}.zip")
            write_zip(archive, files, when)
            entry.update(archive=archive, size=os.path.getsize(archive), sha256=hashlib.sha256(read(archive)).hexdigest())
        report.append(entry)
        say(f"{name}: {folder} ({len(files)} files)" + (f", {entry['archive']} ({entry['size']} bytes)" if "archive" in entry else ""))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
