// tests/extension/support.mjs: the extension's test environment, for either browser.
//
//   for (const name of BROWSERS) describe(name, () => {
//     const env = extensionEnv(name);      // before/after hooks: server, browser, extension
//     test("...", async () => {
//       const page = await env.open("textarea.html");
//       await typeInto(page, "Ayo coblos nomor 2!");
//       await waitBadge(page, "violation");
//     });
//   });
//
// The browsers differ only in tests/extension/browsers.mjs (Chromium through Playwright,
// Firefox ESR through Puppeteer); pages here are its Page objects. The fixture pages of
// tests/extension/fixtures/ are served by tools/serve.mjs; every request is recorded in
// env.requests.

import { before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, startServer } from "../e2e/support.mjs";
import { BROWSERS, BUILD, launch } from "./browsers.mjs";

export { ROOT, BROWSERS, BUILD };
export const FIXTURES = path.join(ROOT, "tests", "extension", "fixtures");
export const PARTISAN = "Ayo coblos nomor 2! Prabowo-Gibran untuk Indonesia maju";
export const NEUTRAL = "Jangan lupa datang ke TPS tanggal 14 Februari, gunakan hak pilih Anda.";
// A regional pack to import, praise of a pair that only it knows, and praise of a pair that
// only the built-in 2024 pack knows: without its pack, neither text names a contestant.
export const REGIONAL = {
  id: "pilkada-contoh-2029",
  title: "Pilkada Contoh 2029",
  kind: "pilkada",
  contestants: [{ number: 1, names: ["I Made Suryawan", "Ni Luh Ayu Lestari"], hashtags: ["#SuryawanAyu"] }],
};
export const REGIONAL_PRAISE = "Mantap Suryawan-Ayu, lanjutkan!";
export const NATIONAL_PRAISE = "Mantap Prabowo-Gibran, lanjutkan!";

/**
 * The environment of one browser for a test file: the fixture server, the browser with the
 * extension's test build, and helpers. options.backgroundIdleMs: Firefox unloads the idle
 * event page after this long (for the tests of the background's restart).
 */
export function extensionEnv(name, options = {}) {
  const env = {
    name,
    server: null,
    browser: null,
    get requests() {
      return env.browser.requests;
    },
    /** A fixture page (a file of tests/extension/fixtures/) or an absolute URL. */
    open(file) {
      return env.browser.newPage(new URL(file, env.server.url).href);
    },
    /** The extension's options page, drawn. */
    async options() {
      const page = await env.browser.newPage(`${env.browser.extensionBase}options.html`);
      await page.waitFor(() => Boolean(document.querySelector("#h-role")) && document.querySelector("#app").getAttribute("aria-busy") === "false", undefined, 15_000);
      return page;
    },
    /** fn(arg) in an extension page: storage and permissions as the extension sees them. */
    ext(fn, arg) {
      return env.browser.ext(fn, arg);
    },
    /** Merges `values` into the stored settings (as the options page would). */
    settings(values) {
      return env.ext(async (v) => {
        const x = globalThis.browser || chrome;
        const got = await x.storage.sync.get("settings");
        await x.storage.sync.set({ settings: { ...(got.settings || {}), ...v } });
      }, values);
    },
    /** What the extension has stored: { sync: settings or null, packs: [...] }. */
    stored() {
      return env.ext(async () => {
        const x = globalThis.browser || chrome;
        return { sync: (await x.storage.sync.get("settings")).settings || null, packs: (await x.storage.local.get("packs")).packs || [] };
      });
    },
    /** Waits until pred(stored()) holds. */
    async waitStored(pred, what) {
      for (let i = 0; i < 100; i++) {
        const s = await env.stored();
        if (pred(s)) return s;
        await settle(100);
      }
      throw new Error(`storage never showed ${what}: ${JSON.stringify(await env.stored())}`);
    },
    /** Every setting and pack cleared. */
    reset() {
      return env.ext(async () => {
        const x = globalThis.browser || chrome;
        await x.storage.sync.clear();
        await x.storage.local.clear();
      });
    },
    /** Closes every page a test left open (fixture pages and extension pages). */
    async closePages() {
      await env.browser.closeWebPages();
      await env.browser.closeExtensionPages();
    },
  };
  before(async () => {
    const build = path.join(BUILD, `test-${name}`);
    if (!existsSync(path.join(build, "manifest.json"))) {
      throw new Error(`${build} missing: run \`python3 tools/extension.py --test\` (tools/extension-test.sh does it)`);
    }
    env.server = await startServer(["--root", FIXTURES]);
    env.browser = await launch(name, options);
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.server) await env.server.stop();
  });
  return env;
}

/** Types `text` into the page's #editor as a user would (key by key). */
export async function typeInto(page, text, selector = "#editor") {
  await page.click(selector);
  await page.type(text);
}

/**
 * Types `text` into a fresh page of `file` and returns the page once the badge shows
 * `expect` ("safe", "review", "violation"), or, for null, once the scan has had time to
 * answer and no badge is shown.
 */
export async function draft(env, text, expect, file = "textarea.html") {
  const page = await env.open(file);
  await typeInto(page, text);
  if (expect === null) {
    // Silence has no event to wait for: give the scan time to answer, then look.
    await settle(800);
    const b = await badgeState(page);
    assert.equal(b && !b.hidden ? b.risk : null, null, "no badge expected");
  } else {
    await waitBadge(page, expect);
  }
  return page;
}

/** The badge's state: { hidden, risk, text, label, rect } (null when there is none). */
export function badgeState(page) {
  return page.evaluate(() => {
    const host = document.querySelector("cek-netral-ext");
    const b = host && host.shadowRoot.querySelector(".badge");
    if (!b) return null;
    const r = b.getBoundingClientRect();
    return { hidden: b.hidden, risk: b.dataset.risk || null, text: b.textContent, label: b.getAttribute("aria-label"), rect: { x: r.x, y: r.y, w: r.width, h: r.height } };
  });
}

/** Waits until the badge shows `risk` ("safe", "review", "violation") or is hidden (null). */
export async function waitBadge(page, risk, timeout = 10_000) {
  await page
    .waitFor(
      (risk) => {
        const host = document.querySelector("cek-netral-ext");
        const b = host && host.shadowRoot.querySelector(".badge");
        if (risk === null) return !b || b.hidden;
        return b && !b.hidden && b.dataset.risk === risk;
      },
      risk,
      timeout,
    )
    .catch(async (e) => {
      throw new Error(`badge never showed ${risk}: now ${JSON.stringify(await badgeState(page))} (${e.message})`);
    });
  return badgeState(page);
}

/** The open warning's contents, or null. */
export function warning(page) {
  return page.evaluate(() => {
    const host = document.querySelector("cek-netral-ext");
    const d = host && host.shadowRoot.querySelector(".dialog");
    if (!d) return null;
    return {
      role: d.getAttribute("role"),
      modal: d.getAttribute("aria-modal"),
      title: d.querySelector("h2").textContent,
      findings: [...d.querySelectorAll("li.finding")].map((li) => ({ quote: li.querySelector("q").textContent, text: li.textContent })),
      notes: [...d.querySelectorAll(".note")].map((n) => n.textContent),
      buttons: [...d.querySelectorAll(".actions button")].map((b) => b.textContent),
      focused: host.shadowRoot.activeElement ? host.shadowRoot.activeElement.textContent : null,
    };
  });
}

export async function waitWarning(page, timeout = 10_000) {
  await page.waitFor(() => Boolean(document.querySelector("cek-netral-ext")?.shadowRoot?.querySelector(".dialog")), undefined, timeout);
  return warning(page);
}

/** Clicks a button of the warning: "edit", "post" or "off". */
export async function choose(page, action) {
  await page.click(`cek-netral-ext >>> [data-action="${action}"]`);
}

export function posts(page) {
  return page.evaluate(() => window.__posts);
}

/** Waits a moment for anything late (a second submit would show here). */
export function settle(ms = 400) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Runs axe-core on the page and returns serious or critical violations. */
export async function axeSerious(page) {
  const source = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 160)) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export { assert };
