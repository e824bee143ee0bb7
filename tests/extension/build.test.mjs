// What the extension's build ships, and what it does on the network: the release manifests
// ask for storage and the listed social sites only (the fixture origin is in the test build
// alone), the archives are reproducible and hold exactly the unpacked folder, the shipped
// code carries no remote URL and no eval, the Chromium zip passes the Chrome Web Store
// checks, and each release build loads in its browser (Chromium, Firefox ESR) and runs its
// scanner. (What the extension requests while it is used: privacy.test.mjs.)

import { describe, test, before, after } from "node:test";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "../e2e/support.mjs";
import { launch } from "./browsers.mjs";
import { BROWSERS, BUILD, FIXTURES, PARTISAN, ROOT, assert, posts, settle } from "./support.mjs";

const VERSION = /\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/s.exec(readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"))[1];
const SOCIAL = [
  "https://*.x.com/*",
  "https://*.twitter.com/*",
  "https://*.facebook.com/*",
  "https://*.instagram.com/*",
  "https://*.threads.net/*",
  "https://*.threads.com/*",
  "https://*.tiktok.com/*",
  "https://*.linkedin.com/*",
  "https://*.youtube.com/*",
  "https://web.whatsapp.com/*",
];

const manifest = (variant) => JSON.parse(readFileSync(path.join(BUILD, variant, "manifest.json"), "utf8"));

function filesUnder(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, base));
    else out.push(path.relative(base, p).split(path.sep).join("/"));
  }
  return out.sort();
}

/** The entries of a zip: [{ name, date, mode, bytes sha256 }], read by Python's zipfile. */
function zipEntries(archive) {
  const script = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps([{"name": i.filename, "date": list(i.date_time), "mode": i.external_attr >> 16,
                       "sha256": hashlib.sha256(z.read(i)).hexdigest()} for i in z.infolist()]))`;
  return JSON.parse(execFileSync("python3", ["-c", script, archive], { encoding: "utf8" }));
}

const sha256 = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");

test("the release manifests ask for storage and the social sites, nothing more", () => {
  for (const variant of ["chromium", "firefox"]) {
    const m = manifest(variant);
    assert.equal(m.manifest_version, 3, variant);
    assert.equal(m.version, VERSION, `${variant}: the workspace version`);
    assert.deepEqual(m.permissions, ["storage"], variant);
    for (const key of ["host_permissions", "optional_permissions", "optional_host_permissions", "web_accessible_resources", "externally_connectable", "update_url"]) {
      assert.equal(m[key], undefined, `${variant} must not have ${key}`);
    }
    assert.equal(m.content_scripts.length, 1);
    assert.deepEqual(m.content_scripts[0].matches, SOCIAL, `${variant}: the listed social sites only`);
    assert.deepEqual(m.content_scripts[0].js, ["settings.js", "strings.js", "dom.js", "content.js"]);
    const text = JSON.stringify(m);
    assert.doesNotMatch(text, /127\.0\.0\.1|localhost|http:\/\//, `${variant}: no local or plain-http origin in a release`);
    // No remote code: scripts from the extension only (wasm needs 'wasm-unsafe-eval').
    assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    for (const [name, msgs] of Object.entries({ id: "_locales/id/messages.json", en: "_locales/en/messages.json" })) {
      const messages = JSON.parse(readFileSync(path.join(BUILD, variant, msgs), "utf8"));
      assert.ok(messages.name.message && messages.description.message.length <= 132, `${variant} ${name}: name, and a description the stores accept`);
    }
  }
  const c = manifest("chromium");
  assert.deepEqual(c.background, { service_worker: "background.js", type: "module" });
  assert.equal(c.browser_specific_settings, undefined);
  const f = manifest("firefox");
  assert.deepEqual(f.background, { scripts: ["background.js"], type: "module" });
  assert.equal(f.browser_specific_settings.gecko.id, "ceknetral@ceknetral");
  assert.deepEqual(f.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
});

test("the test build differs from the release only by the fixture origin", () => {
  const release = manifest("chromium");
  const testing = manifest("test-chromium");
  assert.deepEqual(testing.content_scripts[0].matches, [...SOCIAL, "http://127.0.0.1/*"]);
  testing.content_scripts[0].matches = SOCIAL;
  assert.deepEqual(testing, release);
  // Every other file is the same.
  assert.deepEqual(filesUnder(path.join(BUILD, "test-chromium")), filesUnder(path.join(BUILD, "chromium")));
  for (const file of filesUnder(path.join(BUILD, "chromium")).filter((f) => f !== "manifest.json")) {
    assert.equal(sha256(path.join(BUILD, "test-chromium", file)), sha256(path.join(BUILD, "chromium", file)), file);
  }
});

test("the archives are reproducible and hold exactly the unpacked folders", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "ceknetral-ext-build-"));
  try {
    // Two builds in different places, from the same sources, give the same bytes.
    const build = (name) =>
      JSON.parse(execFileSync("python3", [path.join(ROOT, "tools/extension.py"), "--out", path.join(out, name, "unpacked"), "--dist", path.join(out, name, "dist")], { encoding: "utf8", cwd: ROOT }));
    const report = build("a");
    build("b");
    assert.deepEqual(report.map((r) => r.variant), ["chromium", "firefox"]);
    for (const variant of ["chromium", "firefox"]) {
      const name = `ceknetral-extension-${VERSION}-${variant}.zip`;
      const first = path.join(out, "a", "dist", name);
      const second = path.join(out, "b", "dist", name);
      const folder = path.join(out, "a", "unpacked", variant);
      assert.equal(sha256(second), sha256(first), `${name}: same sources, same bytes`);
      const r = report.find((x) => x.variant === variant);
      assert.equal(r.sha256, sha256(first));
      assert.equal(r.size, statSync(first).size);
      assert.ok(r.size < 400_000, `${name} is ${r.size} bytes`);

      // A directory entry for every folder, then the files, each group sorted.
      const all = zipEntries(first);
      const dirs = all.filter((e) => e.name.endsWith("/"));
      const entries = all.filter((e) => !e.name.endsWith("/"));
      assert.deepEqual(all.slice(0, dirs.length), dirs, "directories first");
      const names = entries.map((e) => e.name);
      assert.deepEqual(names, [...names].sort(), "sorted entries");
      assert.deepEqual(names, filesUnder(folder), `${name}: the folder, no more and no less`);
      const folders = [...new Set(names.flatMap((n) => n.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/") + "/")))].sort();
      assert.deepEqual(dirs.map((e) => e.name), folders);
      assert.equal(new Set(all.map((e) => JSON.stringify(e.date))).size, 1, "one fixed time for every entry");
      // That time is the last commit's (zip keeps even seconds), not the time of the build.
      const [y, mo, d, h, mi, sec] = all[0].date;
      const commit = Number(process.env.SOURCE_DATE_EPOCH || execFileSync("git", ["log", "-1", "--format=%ct"], { encoding: "utf8", cwd: ROOT }).trim());
      const stamped = Date.UTC(y, mo - 1, d, h, mi, sec) / 1000;
      assert.ok(commit - stamped >= 0 && commit - stamped <= 1, `entries dated ${all[0].date}, last commit ${new Date(commit * 1000).toISOString()}`);
      assert.deepEqual([...new Set(entries.map((e) => e.mode))], [0o100644]);
      assert.deepEqual([...new Set(dirs.map((e) => e.mode))], [0o40755]);
      for (const e of entries) assert.equal(e.sha256, sha256(path.join(folder, e.name)), e.name);
      for (const needed of ["manifest.json", "background.js", "content.js", "core/ceknetral_web_bg.wasm", "packs/pemilu-2024.json", "role-rules.json", "LICENSE-MIT", "LICENSE-APACHE", "icons/icon-128.png"]) {
        assert.ok(names.includes(needed), `${name} lacks ${needed}`);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the shipped code has no remote URL, no eval and no network call", () => {
  const dir = path.join(BUILD, "chromium");
  const code = filesUnder(dir).filter((f) => /\.(js|html|css)$/.test(f));
  assert.ok(code.length >= 8, code.join(", "));
  for (const file of code) {
    const text = readFileSync(path.join(dir, file), "utf8");
    assert.doesNotMatch(text, /\b(?:https?|wss?):\/\//, `${file} names a remote URL`);
    assert.doesNotMatch(text, /\beval\s*\(|new\s+Function\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/, `${file}`);
    // The only fetches are of the extension's own files.
    for (const m of text.matchAll(/\bfetch\s*\(([^)]*)\)/g)) {
      assert.match(m[1], /getURL|module_or_path|input/, `${file}: fetch(${m[1]})`);
    }
  }
});

/** A copy of `archive` with files replaced ({ name: text }) or removed ({ name: null }). */
function mutatedZip(archive, changes, out) {
  const script = `
import json, sys, zipfile
src, dst, changes = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as b:
    for info in a.infolist():
        if info.filename in changes:
            continue
        b.writestr(info, a.read(info.filename))
    for name, text in changes.items():
        if text is not None:
            b.writestr(name, text.encode("latin-1") if name.endswith(".png") else text.encode("utf-8"))
`;
  execFileSync("python3", ["-c", script, archive, out, JSON.stringify(changes)]);
  return out;
}

function storeCheck(archive) {
  try {
    execFileSync("python3", [path.join(ROOT, "tools/chrome_store_check.py"), "--json", archive], { encoding: "utf8" });
    return [];
  } catch (e) {
    if (e.status !== 1) throw e;
    return JSON.parse(e.stdout);
  }
}

test("the Chromium zip passes the Chrome Web Store checks, and each check catches what the store rejects", () => {
  const zip = path.join(BUILD, "dist", `ceknetral-extension-${VERSION}-chromium.zip`);
  assert.deepEqual(storeCheck(zip), [], "the release zip as built");
  const out = mkdtempSync(path.join(os.tmpdir(), "ceknetral-store-"));
  try {
    const read = (name) => execFileSync("python3", ["-c", "import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", zip, name], { encoding: "utf8" });
    const manifest = JSON.parse(read("manifest.json"));
    const en = JSON.parse(read("_locales/en/messages.json"));
    const content = read("content.js");
    const icon16 = execFileSync("python3", ["-c", "import sys,zipfile;sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('icons/icon-16.png'))", zip]).toString("latin1");
    const cases = [
      ["an unused permission", { "manifest.json": JSON.stringify({ ...manifest, permissions: ["storage", "alarms"] }) }, "permissions", /'alarms' is declared but no code uses/],
      ["an API used without its permission", { "content.js": `${content}
chrome.alarms.create("x", { when: 1 });
` }, "permissions", /chrome\.alarms, which needs/],
      ["a host permission nothing uses", { "manifest.json": JSON.stringify({ ...manifest, host_permissions: ["https://*.example.org/*"] }) }, "permissions", /example\.org\/\* is not used/],
      ["access to every site", { "manifest.json": JSON.stringify({ ...manifest, host_permissions: ["<all_urls>"] }) }, "permissions", /<all_urls>/],
      ["a remote script host in the CSP", { "manifest.json": JSON.stringify({ ...manifest, content_security_policy: { extension_pages: "script-src 'self' https://cdn.example.com; object-src 'self'" } }) }, "csp", /cdn\.example\.com/],
      ["eval in shipped code", { "content.js": `${content}
const x = eval("1 + 1");
` }, "remote-code", /content\.js:\d+: eval/],
      ["a remote <script>", { "options.html": read("options.html").replace("</head>", '<script src="https://cdn.example.com/x.js"></script></head>') }, "remote-code", /options\.html/],
      ["a description over 132 characters", { "_locales/en/messages.json": JSON.stringify({ ...en, description: { message: "x".repeat(133) } }) }, "manifest", /description \(en\) is 133 characters/],
      ["a message missing from a locale", { "_locales/en/messages.json": JSON.stringify({ name: en.name, description: en.description }) }, "manifest", /__MSG_actionTitle__ has no message in _locales\/en/],
      ["a 16 px image as the 128 px icon", { "icons/icon-128.png": icon16 }, "icons", /icon-128\.png is 16x16, declared as 128/],
      ["a source map", { "core/ceknetral_web.js.map": "{}" }, "files", /\.map: not expected/],
      ["a missing content script", { "dom.js": null }, "files", /names dom\.js/],
      ["a bad version", { "manifest.json": JSON.stringify({ ...manifest, version: "0.1.0-beta" }) }, "manifest", /version '0\.1\.0-beta'/],
    ];
    for (const [what, changes, rule, message] of cases) {
      const problems = storeCheck(mutatedZip(zip, changes, path.join(out, "x.zip")));
      assert.ok(problems.some((p) => p.rule === rule && message.test(p.message)), `${what}: ${JSON.stringify(problems)}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// The release builds, as a user installs them: each loads, its scanner runs, and it does not
// read the fixture pages (they are not a listed site).
for (const name of BROWSERS) {
  describe(name, () => {
    let browser = null;
    let server = null;
    before(async () => {
      server = await startServer(["--root", FIXTURES]);
      browser = await launch(name, { variant: name });
    });
    after(async () => {
      if (browser) await browser.close();
      if (server) await server.stop();
    });

    test("the release build loads, runs its scanner, and leaves unlisted sites alone", async () => {
      const options = await browser.newPage(`${browser.extensionBase}options.html`);
      await options.waitSelector("#version", { timeout: 15_000 });
      assert.match(await options.text("#version"), new RegExp(VERSION.replace(/\./g, "\\.")));
      // Only the listed sites: the test-only fixture site is not offered, and all are granted.
      const sites = await options.evaluate(() => [...document.querySelectorAll("[data-site]")].map((x) => x.dataset.site));
      assert.deepEqual(sites, ["x", "facebook", "instagram", "threads", "tiktok", "linkedin", "youtube", "whatsapp"]);
      assert.equal(await options.count("#access-notice"), 0, "every listed site granted at install");
      // The scanner answers in the background (a message from the options page, as the
      // content script sends).
      const ask = (text) => options.evaluate((text) => (globalThis.browser || chrome).runtime.sendMessage({ type: "scan", text }), text);
      const answer = await ask(PARTISAN);
      assert.equal(answer.ok, true, JSON.stringify(answer));
      assert.equal(answer.result.risk, "violation");
      assert.ok(answer.notes.some((n) => n.basis.some((b) => b.instrument === "UU 20/2023" || b.instrument === "PP 94/2021")), JSON.stringify(answer.notes));
      const bad = await ask(42);
      assert.equal(bad.ok, false);
      assert.match(bad.error, /text must be a string/);
      await options.close();

      const page = await browser.newPage(new URL("textarea.html", server.url).href);
      await page.click("#editor");
      await page.type(PARTISAN);
      await settle(800);
      assert.equal(await page.evaluate(() => document.querySelectorAll("cek-netral-ext").length), 0, "the release build does not run on 127.0.0.1");
      await page.click("#post");
      assert.equal((await posts(page)).length, 1);
      await page.close();
    });
  });
}
