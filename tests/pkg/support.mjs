// tests/pkg/support.mjs: what the package tests share.
//
// The tests install the tarball that `npm pack` made of pkg/ ($CEKNETRAL_TARBALL) into fresh
// temporary projects, never through a workspace link, so they see exactly what a user gets
// from `npm install ceknetral`; the bundle tests unpack $CEKNETRAL_BUNDLE (the zip of
// tools/dist.py). tools/pkg-test.sh makes both and sets the variables.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after } from "node:test";

export { ROOT, launchBrowser, startServer } from "../e2e/support.mjs";
import { ROOT } from "../e2e/support.mjs";

const run = promisify(execFile);

function required(name, what) {
  const value = process.env[name];
  if (!value || !existsSync(value)) {
    throw new Error(`${name} must name ${what}; run the package tests with tools/pkg-test.sh (make test-pkg)`);
  }
  return value;
}

export const TARBALL = () => required("CEKNETRAL_TARBALL", "the tarball of `npm pack` (pkg/)");
export const BUNDLE = () => required("CEKNETRAL_BUNDLE", "the bundle zip of tools/dist.py");

/** The versions of the tools the app tests install, as the repository's lock file pins them. */
export function lockedVersion(name) {
  const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry) throw new Error(`${name} is not in package-lock.json; add it to the root devDependencies`);
  return entry.version;
}

/** The Cargo workspace's version. */
export function cargoVersion() {
  const toml = readFileSync(path.join(ROOT, "Cargo.toml"), "utf8");
  const section = toml.split(/^\[/m).find((s) => s.startsWith("workspace.package]"));
  return /^version\s*=\s*"([^"]+)"/m.exec(section)[1];
}

/** The knowledge base's last-reviewed date (kb/meta.toml). */
export function lastReviewed() {
  return /^last_reviewed\s*=\s*"([^"]+)"/m.exec(readFileSync(path.join(ROOT, "kb/meta.toml"), "utf8"))[1];
}

const made = [];
after(() => {
  if (process.env.CEKNETRAL_KEEP_PROJECTS) return;
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh project in a temporary directory with ceknetral installed from the tarball and
 * `deps` (names; versions from the root lock file, so npm finds them in its cache).
 * files: { "relative/path": "contents" }. Returns { dir, run(cmd, args) }.
 */
export async function project(name, { deps = [], files = {}, manifest = {} } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `ceknetral-${name}-`));
  made.push(dir);
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: `ceknetral-test-${name}`, private: true, type: "module", ...manifest }, null, 2),
  );
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const specs = [TARBALL(), ...deps.map((d) => `${d}@${lockedVersion(d)}`)];
  try {
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...specs], {
      cwd: dir,
      timeout: 300_000,
      maxBuffer: 16 << 20,
    });
  } catch (e) {
    throw new Error(`npm install in ${dir} failed: ${e.stderr || e.message}`);
  }
  return {
    dir,
    /** Runs a command in the project; resolves to { stdout, stderr }, rejects with both on failure. */
    async run(cmd, args, opts = {}) {
      try {
        return await run(cmd, args, { cwd: dir, timeout: 300_000, maxBuffer: 64 << 20, ...opts });
      } catch (e) {
        const err = new Error(`${cmd} ${args.join(" ")} failed in ${dir}:\n${e.stdout || ""}\n${e.stderr || e.message}`);
        err.stdout = e.stdout;
        err.stderr = e.stderr;
        err.code = e.code;
        throw err;
      }
    },
  };
}

/** Runs an ES module script in the project with Node and parses the JSON it prints. */
export async function nodeJson(proj, file, source) {
  writeFileSync(path.join(proj.dir, file), source);
  const { stdout } = await proj.run(process.execPath, [file]);
  return JSON.parse(stdout);
}

/**
 * Opens `url` in a fresh context of `browser`, recording requests and page errors, and
 * waits for `window.__ceknetral` (set by the test page) to be filled in.
 */
export async function openApp(browser, url) {
  const context = await browser.newContext({ locale: "id-ID" });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e && e.stack ? e.stack : e)));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.goto(url, { waitUntil: "load" });
  const state = await page
    .waitForFunction(() => window.__ceknetral, null, { timeout: 30_000 })
    .then((h) => h.jsonValue())
    .catch((e) => {
      throw new Error(`the page never reported a result: ${e.message}\npage errors: ${errors.join("\n")}`);
    });
  return { context, page, requests, errors, state };
}

/**
 * The test page's script (ES module): the API from `api`, the element from `element`. It
 * checks the API and leaves the results in window.__ceknetral for the test to read.
 */
export function appScript(api, element) {
  return `import { ready, scan, check, version } from "${api}";
import { mount } from "${element}";

window.__ceknetralEvents = [];
document.addEventListener("cek-netral:result", (e) => window.__ceknetralEvents.push(e.detail.tool + ":" + e.detail.result.risk));
const out = {};
try {
  try { scan("x"); out.beforeReady = "no error"; } catch (e) { out.beforeReady = e.message; }
  await Promise.all([ready(), ready(), ready()]);
  const r = scan("Ayo coblos nomor 2! #2024GantiPresiden");
  out.risk = r.risk;
  out.rules = r.findings.map((f) => f.rule);
  out.span = r.findings.length ? r.findings[0].text : null;
  out.verdict = check("pns", "social_like", { stage: "calon" }).verdict;
  out.version = version();
  try { scan(42); } catch (e) { out.typeError = e instanceof TypeError; }
  out.mountType = typeof mount;
} catch (e) {
  out.error = String(e && e.stack ? e.stack : e);
}
window.__ceknetral = out;
`;
}

/** What every app page must report (see appScript). */
export function assertAppState(state, version) {
  assert.equal(state.error, undefined, `the page threw: ${state.error}`);
  assert.match(state.beforeReady, /await ready\(\)/);
  assert.equal(state.risk, "violation");
  assert.ok(state.rules.includes("vote.call"), `rules: ${state.rules}`);
  assert.equal(state.span, "coblos nomor 2");
  assert.equal(state.verdict, "prohibited");
  assert.equal(state.version.version, version);
  assert.equal(state.typeError, true);
  assert.equal(state.mountType, "function");
}

/**
 * Waits for the page's <cek-netral mode="scanner"> to render, types a partisan post and
 * returns { marks: highlighted texts, events: risks of the cek-netral:result events }.
 */
export async function exerciseElement(page) {
  await page.waitForFunction(
    () => {
      const h = document.querySelector("cek-netral");
      return h && h.shadowRoot && h.shadowRoot.querySelector(".cn-root, .cn-host-error");
    },
    null,
    { timeout: 30_000 },
  );
  const failed = await page.evaluate(() => {
    const e = document.querySelector("cek-netral").shadowRoot.querySelector(".cn-host-error");
    return e ? e.textContent : null;
  });
  assert.equal(failed, null, `the widget shows an error panel: ${failed}`);
  await page.locator("cek-netral textarea.cn-editor").fill("Ayo coblos nomor 2! Prabowo-Gibran untuk Indonesia maju");
  await page.waitForFunction(
    () => {
      const root = document.querySelector("cek-netral").shadowRoot;
      return root.querySelector('.cn-scanner[data-settled="true"]') && root.querySelectorAll(".cn-mirror mark").length > 0;
    },
    null,
    { timeout: 15_000 },
  );
  return page.evaluate(() => ({
    marks: [...document.querySelector("cek-netral").shadowRoot.querySelectorAll(".cn-mirror mark")].map((m) => m.textContent),
    events: window.__ceknetralEvents || [],
  }));
}

/** Every request went to `origin` (nothing leaves for a CDN, an API or analytics). */
export function assertSameOrigin(requests, origin) {
  const foreign = requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(foreign, [], "requests to other origins");
}

export { assert, path, run, writeFileSync, readFileSync, existsSync, mkdirSync };
