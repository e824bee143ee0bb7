#!/usr/bin/env python3
"""Checks a Chromium extension zip against what the Chrome Web Store rejects.

    python3 tools/chrome_store_check.py dist/ceknetral-extension-VERSION-chromium.zip [--json]

The Web Store's review refuses an item for, among other things (its program policies and
the "troubleshooting violations" pages name them): remotely hosted code (MV3 code must all be
in the package: no remote script, no eval, no remote source in the CSP), permissions the item
does not use, a manifest the store cannot take (field limits, version format, missing icons
or locale messages) and files it does not expect in a package. Each check below is one such
rule, read from the archive itself (what is uploaded), not from the sources:

  manifest      manifest_version 3; version of 1-4 dot-separated integers 0-65535; name
                <= 75, short_name <= 12, description <= 132 characters in every locale;
                every __MSG_key__ present in every locale; the default locale present
  icons         each declared icon is in the archive, is a PNG and has the declared size;
                a 128 px icon (the store lists it)
  csp           extension_pages allows scripts from 'self' and 'wasm-unsafe-eval' only (no
                remote host, no 'unsafe-eval', no 'unsafe-inline'); no sandbox relaxations
  remote-code   no <script src> outside the package, no import()/import/importScripts of a
                URL, no eval, new Function or string timers in any shipped script
  permissions   every declared permission is used by the code (chrome.X / browser.X / ext.X),
                and every permission-gated API the code uses is declared; no broad host
                access (<all_urls>, *://*/*, http(s)://*/*)
  files         no source maps, dotfiles, editor backups, node_modules or nested archives;
                every file the manifest names is present

Prints one line per problem (or JSON with --json) and exits 1 when there is any.
"""

import argparse
import json
import re
import struct
import sys
import zipfile

# Permission-gated namespaces of chrome.* (a subset: the ones an extension like this could
# reach for) and the permission each needs. A namespace used in code must be declared; a
# declared permission must be used. (tabs is not here: tabs.query/create/remove need no
# permission.)
GATED = {
    "storage": "storage",
    "scripting": "scripting",
    "alarms": "alarms",
    "notifications": "notifications",
    "contextMenus": "contextMenus",
    "cookies": "cookies",
    "history": "history",
    "bookmarks": "bookmarks",
    "downloads": "downloads",
    "webRequest": "webRequest",
    "declarativeNetRequest": "declarativeNetRequest",
    "identity": "identity",
    "offscreen": "offscreen",
    "sidePanel": "sidePanel",
}
BROAD_HOSTS = {"<all_urls>", "*://*/*", "http://*/*", "https://*/*"}
CSP_SCRIPT_OK = {"'self'", "'wasm-unsafe-eval'", "'none'"}
LIMITS = {"name": 75, "short_name": 12, "description": 132}


def png_size(data):
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def resolve(value, messages):
    """The text of a manifest field in one locale; None if a __MSG_key__ is missing."""
    missing = []

    def sub(m):
        key = m.group(1).lower()
        entry = {k.lower(): v for k, v in messages.items()}.get(key)
        if not entry or "message" not in entry:
            missing.append(m.group(1))
            return ""
        return entry["message"]

    text = re.sub(r"__MSG_(\w+)__", sub, value)
    return None if missing else text


def check(archive):
    problems = []

    def bad(rule, message):
        problems.append({"rule": rule, "message": message})

    try:
        z = zipfile.ZipFile(archive)
    except (OSError, zipfile.BadZipFile) as e:
        return [{"rule": "files", "message": f"not a readable zip: {e}"}]
    names = [n for n in z.namelist() if not n.endswith("/")]
    files = {n: z.read(n) for n in names}

    # --- files ---
    for n in names:
        base = n.rsplit("/", 1)[-1]
        if n.endswith(".map") or base.startswith(".") or base.endswith("~") or "node_modules/" in n or re.search(r"\.(zip|crx|xpi|tar|gz)$", n):
            bad("files", f"{n}: not expected in a store package")
    if "manifest.json" not in files:
        bad("manifest", "manifest.json missing at the archive's root")
        return problems
    try:
        m = json.loads(files["manifest.json"].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        bad("manifest", f"manifest.json is not valid JSON: {e}")
        return problems

    # --- manifest ---
    if m.get("manifest_version") != 3:
        bad("manifest", f"manifest_version is {m.get('manifest_version')!r}; the store takes new items in Manifest V3 only")
    version = str(m.get("version", ""))
    parts = version.split(".")
    if not (1 <= len(parts) <= 4 and all(re.fullmatch(r"0|[1-9]\d{0,4}", p) and int(p) <= 65535 for p in parts)):
        bad("manifest", f"version {version!r} is not 1-4 dot-separated integers from 0 to 65535")
    locales = sorted({n.split("/")[1] for n in names if re.fullmatch(r"_locales/[^/]+/messages\.json", n)})
    default = m.get("default_locale")
    if default and default not in locales:
        bad("manifest", f"default_locale {default!r} has no _locales/{default}/messages.json")
    if locales and not default:
        bad("manifest", "_locales/ present but no default_locale")
    catalogues = {}
    for loc in locales:
        try:
            catalogues[loc] = json.loads(files[f"_locales/{loc}/messages.json"].decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            bad("manifest", f"_locales/{loc}/messages.json is not valid JSON: {e}")
    for field, limit in LIMITS.items():
        value = m.get(field)
        if value is None:
            if field != "short_name":
                bad("manifest", f"{field} missing")
            continue
        for loc, messages in (catalogues.items() if "__MSG_" in value else [(None, {})]):
            text = resolve(value, messages)
            where = f" ({loc})" if loc else ""
            if text is None:
                bad("manifest", f"{field}{where}: {value} has no message in _locales/{loc}/messages.json")
            elif len(text) > limit:
                bad("manifest", f"{field}{where} is {len(text)} characters; the store allows {limit}")
    # Every __MSG_ key anywhere in the manifest, in every locale.
    for key in sorted(set(re.findall(r"__MSG_(\w+)__", json.dumps(m)))):
        for loc, messages in catalogues.items():
            if key.lower() not in {k.lower() for k in messages}:
                bad("manifest", f"__MSG_{key}__ has no message in _locales/{loc}/messages.json")

    # --- icons ---
    declared = dict(m.get("icons", {}))
    action_icons = (m.get("action") or {}).get("default_icon") or {}
    if isinstance(action_icons, dict):
        declared.update({f"action {k}": v for k, v in action_icons.items()})
    if "128" not in m.get("icons", {}):
        bad("icons", "no 128 px icon in icons (the store's listing uses it)")
    for size, path in declared.items():
        if path not in files:
            bad("icons", f"icon {size}: {path} is not in the archive")
            continue
        dims = png_size(files[path])
        want = int(size.split()[-1])
        if dims is None:
            bad("icons", f"{path} is not a PNG")
        elif dims != (want, want):
            bad("icons", f"{path} is {dims[0]}x{dims[1]}, declared as {want}")

    # --- csp ---
    csp = m.get("content_security_policy", {})
    if isinstance(csp, str):
        bad("csp", "content_security_policy is a string (Manifest V2 form)")
        csp = {}
    if "sandbox" in csp:
        bad("csp", "a sandbox policy is declared; review what it relaxes")
    for directive in (csp.get("extension_pages") or "").split(";"):
        tokens = directive.split()
        if not tokens:
            continue
        if tokens[0] in ("script-src", "script-src-elem", "worker-src", "default-src", "object-src"):
            for source in tokens[1:]:
                if source not in CSP_SCRIPT_OK and not re.fullmatch(r"https?://(localhost|127\.0\.0\.1)(:\d+)?", source):
                    bad("csp", f"{tokens[0]} allows {source}: only code in the package may run")

    # --- remote code ---
    code = [n for n in names if n.endswith((".js", ".mjs", ".html", ".htm"))]
    for n in code:
        text = files[n].decode("utf-8", errors="replace")
        if n.endswith((".html", ".htm")):
            for src in re.findall(r"<script[^>]*\bsrc\s*=\s*[\"']?([^\"'\s>]+)", text, re.I):
                if re.match(r"(?i)(https?:)?//|data:|blob:", src):
                    bad("remote-code", f"{n}: <script src={src}> is not in the package")
            continue
        for pattern, what in (
            (r"\bimportScripts\s*\(\s*[\"'`](?:https?:)?//", "importScripts of a URL"),
            (r"\bimport\s*\(\s*[\"'`](?:https?:)?//", "import() of a URL"),
            (r"\bimport\b[^;\n]*\bfrom\s*[\"'](?:https?:)?//", "import from a URL"),
            (r"(?<![\w.$])eval\s*\(", "eval"),
            (r"\bnew\s+Function\s*\(", "new Function"),
            (r"\bset(?:Timeout|Interval)\s*\(\s*[\"'`]", "a timer given a string of code"),
        ):
            for hit in re.finditer(pattern, text):
                line = text.count("\n", 0, hit.start()) + 1
                bad("remote-code", f"{n}:{line}: {what}")

    # --- permissions ---
    js = "\n".join(files[n].decode("utf-8", errors="replace") for n in code if not n.endswith((".html", ".htm")))
    used = set(re.findall(r"\b(?:chrome|browser|ext)\s*\.\s*([A-Za-z]+)\b", js))
    declared_perms = list(m.get("permissions", [])) + list(m.get("optional_permissions", []))
    for p in declared_perms:
        namespace = {"unlimitedStorage": "storage"}.get(p, p)
        if namespace not in used:
            bad("permissions", f"permission {p!r} is declared but no code uses chrome.{namespace}")
    for namespace in sorted(used):
        need = GATED.get(namespace)
        if need and need not in declared_perms:
            bad("permissions", f"the code uses chrome.{namespace}, which needs the {need!r} permission")
    hosts = list(m.get("host_permissions", [])) + list(m.get("optional_host_permissions", []))
    for cs in m.get("content_scripts", []):
        hosts += cs.get("matches", [])
    for h in hosts:
        if h in BROAD_HOSTS:
            bad("permissions", f"{h}: access to every site; the store asks for the narrowest hosts")
    # A host permission is used by a content script that matches it, or by code that names
    # its host (a fetch of it).
    for h in m.get("host_permissions", []):
        host = re.sub(r"^[a-z*]+://(\*\.)?", "", h).split("/")[0]
        if not any(h in cs.get("matches", []) for cs in m.get("content_scripts", [])) and host not in js:
            bad("permissions", f"host permission {h} is not used by a content script or named by the code")

    # --- files the manifest names ---
    named = []
    bg = m.get("background") or {}
    named += [bg["service_worker"]] if "service_worker" in bg else []
    for cs in m.get("content_scripts", []):
        named += cs.get("js", []) + cs.get("css", [])
    if "options_page" in m:
        named.append(m["options_page"])
    if "options_ui" in m:
        named.append(m["options_ui"].get("page"))
    for n in named:
        if n and n not in files:
            bad("files", f"the manifest names {n}, which is not in the archive")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("archive")
    ap.add_argument("--json", action="store_true", help="print the problems as JSON")
    args = ap.parse_args()
    problems = check(args.archive)
    if args.json:
        print(json.dumps(problems, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(f"{args.archive}: {p['rule']}: {p['message']}")
        if not problems:
            print(f"{args.archive}: no problem found (manifest, icons, csp, remote-code, permissions, files)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
