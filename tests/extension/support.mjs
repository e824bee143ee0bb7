// tests/extension/support.mjs: Chromium with the unpacked test build of the extension
// (build/extension/test-chromium, whose content script also matches http://127.0.0.1/*),
// and the fixture pages of tests/extension/fixtures/ served by tools/serve.mjs.
//
//   const env = extensionEnv();      // before/after hooks: server, persistent context
//   const page = await env.open("textarea.html");
//   await typeInto(page, "Ayo coblos nomor 2!");
//   await waitBadge(page, "violation");
//
// Every request of the context (pages, the extension's service worker and its pages) is
// recorded in env.requests.

import { before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, ROOT, startServer } from "../e2e/support.mjs";

export { ROOT };
export const BUILD = path.join(ROOT, "build", "extension");
export const TEST_BUILD = path.join(BUILD, "test-chromium");
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

export function extensionEnv() {
  const env = {
    server: null,
    context: null,
    worker: null,
    id: null,
    requests: [],
    async open(file) {
      const page = await env.context.newPage();
      page.cn = { errors: [] };
      page.on("pageerror", (e) => page.cn.errors.push(String(e)));
      await page.goto(new URL(file, env.server.url).href, { waitUntil: "load" });
      return page;
    },
    /** The options page of the extension. */
    async options() {
      const page = await env.context.newPage();
      page.cn = { errors: [] };
      page.on("pageerror", (e) => page.cn.errors.push(String(e)));
      await page.goto(`chrome-extension://${env.id}/options.html`);
      await page.locator("#h-role").waitFor();
      return page;
    },
    /** Sets the stored settings from the worker (as the options page would). */
    async settings(values) {
      await env.worker.evaluate(async (v) => {
        const got = await chrome.storage.sync.get("settings");
        await chrome.storage.sync.set({ settings: { ...(got.settings || {}), ...v } });
      }, values);
    },
    async reset() {
      await env.worker.evaluate(async () => {
        await chrome.storage.sync.clear();
        await chrome.storage.local.clear();
      });
    },
  };
  let profile = null;
  before(async () => {
    if (!existsSync(path.join(TEST_BUILD, "manifest.json"))) {
      throw new Error("build/extension/test-chromium missing: run `python3 tools/extension.py --test` (tools/extension-test.sh does it)");
    }
    env.server = await startServer(["--root", FIXTURES]);
    // Chromium sometimes dies while starting on a loaded machine (SIGSEGV before the first
    // page, seen once in a make test run): that is tried once more with a fresh profile; a
    // failure of the extension itself fails the same way twice.
    for (let attempt = 1; ; attempt++) {
      profile = mkdtempSync(path.join(os.tmpdir(), "ceknetral-ext-profile-"));
      try {
        env.context = await chromium.launchPersistentContext(profile, {
          executablePath: CHROMIUM,
          headless: true,
          locale: "id-ID",
          viewport: { width: 1280, height: 800 },
          args: [...CHROMIUM_ARGS, `--disable-extensions-except=${TEST_BUILD}`, `--load-extension=${TEST_BUILD}`],
        });
        break;
      } catch (e) {
        rmSync(profile, { recursive: true, force: true });
        if (attempt >= 2) throw e;
        console.error(`chromium did not start (${String(e.message).split("\n")[0]}); trying again`);
      }
    }
    env.context.on("request", (r) => env.requests.push(r.url()));
    env.worker = env.context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) || (await env.context.waitForEvent("serviceworker"));
    env.id = new URL(env.worker.url()).host;
    // The options page opens by itself on install; close it so tests start clean. Waited
    // for as a condition (up to 10 s; it usually takes well under one), where the old fixed
    // 2 s could leave it open behind a slow start.
    const isOptions = (p) => p.url().includes("options.html");
    for (const end = Date.now() + 10_000; Date.now() < end && !env.context.pages().some(isOptions); ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const p of env.context.pages()) if (isOptions(p)) await p.close();
  });
  after(async () => {
    if (env.context) await env.context.close().catch(() => {});
    if (env.server) await env.server.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  return env;
}

/** Types `text` into the page's #editor as a user would (key by key). */
export async function typeInto(page, text, selector = "#editor") {
  await page.locator(selector).click();
  await page.keyboard.type(text, { delay: 0 });
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
    .waitForFunction(
      (risk) => {
        const host = document.querySelector("cek-netral-ext");
        const b = host && host.shadowRoot.querySelector(".badge");
        if (risk === null) return !b || b.hidden;
        return b && !b.hidden && b.dataset.risk === risk;
      },
      risk,
      { timeout },
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
  await page.waitForFunction(() => document.querySelector("cek-netral-ext")?.shadowRoot.querySelector(".dialog"), null, { timeout });
  return warning(page);
}

/** Clicks a button of the warning: "edit", "post" or "off". */
export async function choose(page, action) {
  await page.locator(`cek-netral-ext [data-action="${action}"]`).click();
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
