#!/usr/bin/env python3
"""The self-hosted bundle: dist/ceknetral-VERSION.zip for portals without a build step.

    python3 tools/dist.py [--site www/ceknetral] [--out dist]

Takes the folder tools/build-web.sh assembled (www/ceknetral/: the entry modules, the
stylesheet, core/ and widget/ with their wasm, packs/, BACA-SAYA.txt), adds the licences and
the changelog, writes SHA256SUMS (the format `sha256sum -c` reads) and zips it all under one
folder `ceknetral/`. The archive is reproducible: entries sorted, fixed permissions, and
every timestamp set to the time of the last commit (or SOURCE_DATE_EPOCH), so the same
sources give the same bytes. Prints the archive's path, size and SHA-256 as JSON on stdout.
"""

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRA = ["LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md"]
REQUIRED = [
    "ceknetral.js",
    "ceknetral.css",
    "loader.js",
    "widget/ceknetral_web.js",
    "widget/ceknetral_web_bg.wasm",
    "packs/pemilu-2024.json",
    "BACA-SAYA.txt",
]


def die(msg):
    print(f"dist: {msg}", file=sys.stderr)
    sys.exit(1)


def cargo_version():
    with open(os.path.join(ROOT, "Cargo.toml"), encoding="utf-8") as f:
        toml = f.read()
    m = re.search(r'^\[workspace\.package\][^\[]*?^version\s*=\s*"([^"]+)"', toml, re.M | re.S)
    if not m:
        die("Cargo.toml has no [workspace.package] version")
    return m.group(1)


def stamp():
    """The timestamp of every entry: SOURCE_DATE_EPOCH, else the last commit, else 1980."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    t = time.gmtime(int(epoch)) if epoch.isdigit() else time.gmtime(315532800)
    return (max(t.tm_year, 1980), t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


def write_zip(archive, contents, when):
    """Writes `contents` ({name: bytes}) to `archive` reproducibly: sorted entries, a
    directory entry for every folder, fixed permissions, every timestamp `when`."""
    tmp = archive + ".part"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        dirs = set()
        for name in contents:
            parts = name.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                dirs.add("/".join(parts[:i]) + "/")
        for d in sorted(dirs):
            info = zipfile.ZipInfo(d, date_time=when)
            info.external_attr = (0o40755 << 16) | 0x10
            info.create_system = 3
            z.writestr(info, b"")
        for name in sorted(contents):
            info = zipfile.ZipInfo(name, date_time=when)
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, contents[name], compresslevel=9)
    os.replace(tmp, archive)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", default=os.path.join(ROOT, "www", "ceknetral"))
    ap.add_argument("--out", default=os.path.join(ROOT, "dist"))
    args = ap.parse_args()

    site = os.path.abspath(args.site)
    missing = [f for f in REQUIRED if not os.path.isfile(os.path.join(site, f))]
    if missing:
        die(f"{site} lacks {', '.join(missing)}: run 'make web' (tools/build-web.sh) first")

    files = {}  # name inside ceknetral/ -> absolute path
    for dirpath, dirnames, filenames in os.walk(site):
        dirnames.sort()
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, site).replace(os.sep, "/")
            if rel == "SHA256SUMS":
                continue
            files[rel] = path
    for name in EXTRA:
        path = os.path.join(ROOT, name)
        if not os.path.isfile(path):
            die(f"{name} missing at the repository root")
        files[name] = path

    contents = {}
    for rel in sorted(files):
        with open(files[rel], "rb") as f:
            contents[rel] = f.read()
    sums = "".join(f"{hashlib.sha256(data).hexdigest()}  {rel}\n" for rel, data in contents.items())
    contents["SHA256SUMS"] = sums.encode("utf-8")

    version = cargo_version()
    os.makedirs(args.out, exist_ok=True)
    archive = os.path.join(os.path.abspath(args.out), f"ceknetral-{version}.zip")
    write_zip(archive, {"ceknetral/" + rel: data for rel, data in contents.items()}, stamp())

    with open(archive, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    size = os.path.getsize(archive)
    print(json.dumps({"archive": archive, "version": version, "size": size, "files": len(contents), "sha256": digest}))
    print(f"dist: wrote {archive} ({size} bytes, {len(contents)} files)", file=sys.stderr)


if __name__ == "__main__":
    main()
