// tests/e2e/support.mjs: what every end-to-end test file shares.
//
//   import { e2e } from "./support.mjs";
//   const env = e2e();                       // one serve.mjs and one Chromium for this file
//   test("...", async () => { const page = await env.open("/"); ... });
//
// e2e(options) registers before/after hooks of node:test that start tools/serve.mjs on a
// free port (and check that it really answers), launch Debian's Chromium once through
// playwright-core, and stop both at the end. Every page opened through env.open() has its
// requests, console messages and page errors recorded (page.cn.requests, .console,
// .errors); env.requests holds the requests of every page of the file. Screenshots go to
// $CEKNETRAL_SCREENSHOTS (default test-output/screenshots under the repository).
//
// The widget lives in an open shadow root; Playwright's CSS locators pierce it, so
// page.locator("cek-netral .cn-choice") finds the checker's buttons.

import { before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const WWW = path.join(ROOT, "www");
export const SCREENSHOTS = path.resolve(ROOT, process.env.CEKNETRAL_SCREENSHOTS || "test-output/screenshots");
export const CHROMIUM = process.env.CEKNETRAL_CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The date the knowledge base was last reviewed (kb/meta.toml), as the widget shows it. */
export const LAST_REVIEWED = /^last_reviewed\s*=\s*"([^"]+)"/m.exec(
  readFileSync(path.join(ROOT, "kb/meta.toml"), "utf8"),
)[1];

export const PARTISAN = "Ayo coblos nomor 2! Prabowo-Gibran untuk Indonesia maju";
export const NEUTRAL = "Ayo gunakan hak pilih pada 14 Februari, jangan golput!";

// --- the server --------------------------------------------------------------------------

function get(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on("error", reject);
    req.setTimeout(5000, () => req.destroy(new Error(`GET ${url}: no answer in 5 s`)));
  });
}

/**
 * Starts tools/serve.mjs on a free port with extra flags (--wrong-wasm-mime,
 * --no-wasm-eval-csp, --root DIR). Resolves once an HTTP request to / has been answered.
 */
export async function startServer(flags = []) {
  if (!flags.includes("--root") && !existsSync(path.join(WWW, "ceknetral", "widget", "ceknetral_web_bg.wasm"))) {
    throw new Error("www/ceknetral/widget/ is missing: run `bash tools/build-web.sh` (tools/e2e.sh does it)");
  }
  const child = spawn(process.execPath, [path.join(ROOT, "tools/serve.mjs"), "--port", "0", ...flags], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no address in 10 s; stderr: ${stderr}`)), 10000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /serving .* at (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
      if (m && Number(m[2]) > 0) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code} before listening; stderr: ${stderr}`));
    });
  });
  // It printed its address: check that it really answers there.
  const res = await get(url);
  if (res.status !== 200) throw new Error(`serve.mjs at ${url} answered ${res.status} for /`);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(t);
    }
  };
  process.once("exit", () => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  return { url, origin: new URL(url).origin, flags, stop, stderr: () => stderr, pid: child.pid };
}

// --- the browser -------------------------------------------------------------------------

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The shared fixture of a test file. options.serverFlags: flags for serve.mjs.
 * Returns an object whose fields are filled in before the first test runs.
 */
export function e2e(options = {}) {
  const env = {
    server: null,
    browser: null,
    /** Every request of every page of this file: { url, method, postData, headers, page }. */
    requests: [],
    /** Every page opened with open(), for a final privacy check. */
    pages: [],
    async open(pathOrUrl = "/", opts = {}) {
      return openPage(env, pathOrUrl, opts);
    },
  };
  before(async () => {
    env.server = await startServer(options.serverFlags || []);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await Promise.allSettled(env.pages.map((p) => p.context().close()));
    if (env.browser) await env.browser.close().catch(() => {});
    if (env.server) await env.server.stop();
  });
  return env;
}

/**
 * Opens a page in a new browser context (fresh storage) and records what it does.
 * opts: { width, height, init (a function or script run before the page's scripts),
 * setup (an async function given the page before it navigates, e.g. to add routes),
 * server (another started server), wait (false: do not wait for a widget) }.
 */
async function openPage(env, pathOrUrl, opts) {
  const server = opts.server || env.server;
  const context = await env.browser.newContext({
    viewport: { width: opts.width || 1280, height: opts.height || 900 },
    deviceScaleFactor: 1,
    locale: "id-ID",
  });
  const page = await context.newPage();
  page.cn = { requests: [], console: [], errors: [], server };
  env.pages.push(page);
  const record = (request) => {
    const entry = {
      url: request.url(),
      method: request.method(),
      postData: request.postData(),
      headers: request.headers(),
      resourceType: request.resourceType(),
      page: page.url(),
      at: Date.now(),
    };
    page.cn.requests.push(entry);
    env.requests.push(entry);
  };
  // Requests of the page, of its workers and of anything else in its context.
  context.on("request", record);
  page.on("console", (m) => page.cn.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => page.cn.errors.push(String(e && e.stack ? e.stack : e)));
  if (opts.init) await page.addInitScript(opts.init);
  if (opts.setup) await opts.setup(page);
  const url = new URL(pathOrUrl, server.url).href;
  page.cn.response = await page.goto(url, { waitUntil: "load" });
  if (opts.wait !== false) await widgetReady(page);
  return page;
}

/** Waits until every <cek-netral> of the page shows its user interface (or an error panel). */
export async function widgetReady(page, { timeout = 15000 } = {}) {
  await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll("cek-netral")];
      return hosts.length > 0 && hosts.every((h) => h.shadowRoot && h.shadowRoot.querySelector(".cn-root, .cn-host-error"));
    },
    null,
    { timeout },
  );
}

// --- the widget's parts --------------------------------------------------------------------

/** The nth <cek-netral> element of the page as a locator (its shadow root is pierced). */
export function widget(page, nth = 0) {
  return page.locator("cek-netral").nth(nth);
}

/** Describes the focused element, looking through shadow roots. */
export function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return null;
    return {
      tag: a.tagName.toLowerCase(),
      id: a.id,
      className: typeof a.className === "string" ? a.className : "",
      text: (a.innerText || a.textContent || "").trim().replace(/\s+/g, " "),
      value: a.getAttribute("value"),
      pressed: a.getAttribute("aria-pressed"),
      inWidget: a.getRootNode() instanceof ShadowRoot,
    };
  });
}

/**
 * Presses `key` (Tab or Shift+Tab) until the focused element matches `match(focusedInfo)`,
 * at most `max` times. Returns the focused element's description.
 */
export async function tabUntil(page, match, { key = "Tab", max = 60, what = "the wanted element" } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    seen.push(f ? `${f.tag}.${f.className} "${f.text.slice(0, 40)}"` : "(nothing)");
    if (f && match(f)) return f;
  }
  throw new Error(`pressing ${key} ${max} times never focused ${what}; focus went through:\n  ${seen.join("\n  ")}`);
}

/** The scanner's state in the nth widget: text, marks (with UTF-16 offsets), risk, findings. */
export function scannerState(page, nth = 0) {
  return page.evaluate((nth) => {
    const root = document.querySelectorAll("cek-netral")[nth].shadowRoot;
    const mirror = root.querySelector(".cn-mirror");
    const editor = root.querySelector("textarea.cn-editor");
    const marks = [];
    let offset = 0;
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) offset += child.data.length;
        else if (child.nodeName === "MARK") {
          const text = child.textContent;
          marks.push({ start: offset, end: offset + text.length, text, className: child.className });
          offset += text.length;
        } else walk(child);
      }
    };
    if (mirror) walk(mirror);
    const risk = root.querySelector(".cn-risk");
    return {
      value: editor ? editor.value : null,
      mirrorText: mirror ? mirror.textContent : null,
      marks,
      risk: risk
        ? {
            className: risk.className,
            role: risk.getAttribute("role"),
            text: risk.innerText.trim(),
          }
        : null,
      findings: [...root.querySelectorAll(".cn-finding")].map((li) => ({
        className: li.className,
        quote: (li.querySelector(".cn-quote") || {}).textContent || "",
        basis: [...li.querySelectorAll(".cn-finding-basis li")].map((x) => x.textContent.trim()),
        hasSuggestion: Boolean(li.querySelector(".cn-suggestion button")),
      })),
    };
  }, nth);
}

/** The risk level a .cn-risk class names: 0 safe, 1 review, 2 violation, -1 empty. */
export function riskLevel(className) {
  if (/cn-risk-violation/.test(className)) return 2;
  if (/cn-risk-review/.test(className)) return 1;
  if (/cn-risk-safe/.test(className)) return 0;
  return -1;
}

/** Merges touching or overlapping [start, end) ranges. */
export function mergeRanges(ranges) {
  const sorted = ranges.map((r) => [r.start, r.end]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * Opens the scanner tab of the nth widget if the widget has tabs. Waits for the widgets to
 * render first: right after a reload the tabs are not there yet, and looking for them then
 * (as this did) found none and waited for a scanner that the checker tab never shows.
 */
export async function openScanner(page, nth = 0) {
  await widgetReady(page);
  const w = widget(page, nth);
  const tab = w.locator("#cn-tab-scanner");
  if (await tab.count()) await tab.click();
  await w.locator("textarea.cn-editor").waitFor();
}

/** Types (fills) a draft into the nth widget's scanner and waits for its banner to follow. */
export async function typeDraft(page, text, nth = 0) {
  const editor = widget(page, nth).locator("textarea.cn-editor");
  await editor.fill(text);
  await page.waitForFunction(
    ([nth, text]) => {
      const root = document.querySelectorAll("cek-netral")[nth].shadowRoot;
      const m = root.querySelector(".cn-mirror");
      const settled = root.querySelector('.cn-scanner[data-settled="true"]');
      return m && settled && m.textContent.replace(/\u200b$/, "") === text;
    },
    [nth, text],
  );
}

/** Waits until the nth widget's list of findings has caught up with its text. */
export async function settled(page, nth = 0) {
  await page.waitForFunction(
    (nth) => Boolean(document.querySelectorAll("cek-netral")[nth].shadowRoot.querySelector('.cn-scanner[data-settled="true"]')),
    nth,
  );
}

// --- privacy -------------------------------------------------------------------------------

const ownFilesCache = new Map();

/** The files a page of www/ names itself: its <link href>, <script src>, <img src>. */
function ownFiles(pageUrl) {
  const u = new URL(pageUrl);
  const asked = decodeURIComponent(u.pathname);
  const p = asked.endsWith("/") ? asked + "index.html" : asked;
  const key = asked;
  if (!ownFilesCache.has(key)) {
    const files = new Set([asked, p]);
    const file = path.join(WWW, p);
    if (existsSync(file) && file.endsWith(".html")) {
      const html = readFileSync(file, "utf8");
      for (const m of html.matchAll(/<(?:link|script|img|source)\b[^>]*?\s(?:href|src)\s*=\s*"([^"]+)"/gi)) {
        const target = new URL(m[1], u);
        if (target.origin === u.origin) files.add(decodeURIComponent(target.pathname));
      }
    }
    ownFilesCache.set(key, files);
  }
  return ownFilesCache.get(key);
}

/**
 * What is wrong with a page's requests: anything not same-origin, not under the page's own
 * files or /ceknetral/, or carrying one of the draft texts (in its URL, body or headers).
 * Returns a list of problems (empty when all is well).
 */
export function privacyProblems(page, drafts = []) {
  const problems = [];
  const origin = page.cn.server.origin;
  const needles = [];
  for (const d of drafts) {
    // The whole draft and its distinctive words, raw and URL-encoded.
    const words = d.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 6);
    for (const n of [d, ...words]) {
      needles.push(n.toLowerCase(), encodeURIComponent(n).toLowerCase());
    }
  }
  // The page's own files: those of every document the page loaded.
  const allowedPaths = new Set();
  for (const r of page.cn.requests) {
    if (r.resourceType === "document" && new URL(r.url).origin === origin) {
      for (const f of ownFiles(r.url)) allowedPaths.add(f);
    }
  }
  for (const r of page.cn.requests) {
    const u = new URL(r.url);
    if (u.protocol === "data:" || u.protocol === "blob:") continue; // never leaves the browser
    if (u.origin !== origin) {
      problems.push(`cross-origin request: ${r.method} ${r.url} (from ${r.page})`);
      continue;
    }
    const p = decodeURIComponent(u.pathname);
    if (!p.startsWith("/ceknetral/") && !allowedPaths.has(p)) {
      problems.push(`request outside the page's files and /ceknetral/: ${r.method} ${r.url} (from ${r.page})`);
    }
    const haystacks = [
      decodeURIComponent(r.url).toLowerCase(),
      r.url.toLowerCase(),
      (r.postData || "").toLowerCase(),
      JSON.stringify(r.headers).toLowerCase(),
    ];
    for (const n of needles) {
      if (haystacks.some((h) => h.includes(n))) {
        problems.push(`request carries draft text "${n}": ${r.method} ${r.url}${r.postData ? ` body ${r.postData.slice(0, 200)}` : ""}`);
        break;
      }
    }
  }
  return problems;
}

/** Fails with the list of requests when a page broke the privacy rules. */
export function assertPrivate(page, drafts = []) {
  const problems = privacyProblems(page, drafts);
  assert.deepEqual(
    problems,
    [],
    `privacy: ${problems.length} bad request(s) on ${page.url()}; all requests:\n  ${page.cn.requests
      .map((r) => `${r.method} ${r.url}`)
      .join("\n  ")}`,
  );
}

// --- screenshots and accessibility -----------------------------------------------------------

/** Writes a full-page screenshot to the screenshot folder; returns its path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  return file;
}

const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");

/**
 * Runs axe-core on the page (shadow roots included) and returns the violations with
 * impact "serious" or "critical", each as { id, impact, help, nodes: [target + summary] }.
 */
export async function axeSerious(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ content: readFileSync(AXE, "utf8") });
  }
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), summary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A readable list of axe violations for a failure message. */
export function describeViolations(violations) {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `    at ${JSON.stringify(n.target)}: ${n.html}\n      ${(n.summary || "").replace(/\n/g, "\n      ")}`).join("\n"),
    )
    .join("\n");
}
