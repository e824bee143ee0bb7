// tests/extension/browsers.mjs: the one place where the two browsers differ.
//
// The extension's tests are written once, against the small page and browser interface
// below, and run in Debian's Chromium (Playwright, the unpacked test build in a persistent
// context, a Manifest V3 service worker) and in Debian's Firefox ESR (Puppeteer over
// WebDriver BiDi, the Firefox test build as a temporary add-on, an event page):
//
//   const b = await launch("firefox", { backgroundIdleMs: 1000 });
//   const page = await b.open(url);          // a Page (below)
//   const options = await b.options();       // the extension's options page
//   await b.ext((x) => x.storage.sync.get(null));   // run in an extension page
//   await b.stopBackground();                // the worker / event page stopped as when idle
//   await b.close();
//
// Page: click(sel), type(text), press("Control+A"), evaluate(fn, arg),
// waitFor(fn, arg, timeout), waitSelector(sel, { gone }), text(sel), checked(sel),
// setChecked(sel, on), upload(sel, name, text), fill(sel, text), reload(), close(),
// errors (uncaught page errors), raw (the Playwright or Puppeteer page itself).
// Selectors are CSS; ">>>" crosses into a shadow root (Puppeteer's syntax; Playwright's CSS
// already crosses open shadow roots, so there the ">>>" is dropped).
//
// Where Puppeteer's Firefox support lacks what Playwright gives:
// - request interception: not needed; every request of a page opened here is recorded from
//   the page's request events (Firefox) or the context's (Chromium: pages, the service
//   worker and the extension's pages), which is the evidence the privacy test reads;
// - extension pages: Puppeteer cannot list the add-on's pages and does not see a navigation
//   to moz-extension:// finish, so the add-on gets a fixed internal UUID
//   (extensions.webextensions.uuids) and the options page is opened by URL and waited for
//   by its content;
// - the background's life: there is no target to close, so the event page's idle timeout is
//   shortened (extensions.background.idle.timeout) and its presence is read from
//   extension.getViews() in an extension page.
// Firefox asks before granting an optional host permission; the prompt is turned off
// (extensions.webextOptionalPermissionPrompts) so that the options page's "Izinkan" button
// can be tested to its end; the request still needs a real click (a user input handler).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from "../e2e/support.mjs";

export const BROWSERS = (process.env.CEKNETRAL_EXT_BROWSERS || "chromium,firefox").split(",").filter(Boolean);
export const FIREFOX = process.env.CEKNETRAL_FIREFOX || "/usr/bin/firefox-esr";
export const BUILD = path.join(ROOT, "build", "extension");
const GECKO_ID = "ceknetral@ceknetral";
const FIREFOX_UUID = "5c1e7a52-0b7d-4b8e-9f3a-2d6c4e8a1b90";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Retries a browser start once: either browser sometimes dies while starting on a loaded machine. */
async function startTwice(name, start) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (e) {
      if (attempt >= 2) throw e;
      console.error(`${name} did not start (${String(e.message).split("\n")[0]}); trying again`);
    }
  }
}

class Page {
  constructor(raw, kind, uploads = null) {
    this.raw = raw;
    this.kind = kind;
    this.uploads = uploads;
    this.uploaded = 0;
    this.errors = [];
    raw.on("pageerror", (e) => this.errors.push(String(e && e.message ? e.message : e)));
  }
  css(sel) {
    return this.kind === "chromium" ? sel.replaceAll(" >>> ", " ") : sel;
  }
  click(sel) {
    return this.raw.click(this.css(sel));
  }
  type(text) {
    return this.raw.keyboard.type(text, { delay: 0 });
  }
  /** A key or a chord as Playwright writes it: "Enter", "Shift+Enter", "Control+A". */
  async press(keys) {
    if (this.kind === "chromium") return this.raw.keyboard.press(keys);
    const parts = keys.split("+");
    const key = parts.pop();
    for (const m of parts) await this.raw.keyboard.down(m);
    await this.raw.keyboard.press(key.length === 1 ? key.toLowerCase() : key);
    for (const m of parts.reverse()) await this.raw.keyboard.up(m);
  }
  evaluate(fn, arg) {
    return this.raw.evaluate(fn, arg);
  }
  /**
   * Waits until fn(arg) is truthy in the page; fn should return plain data (Puppeteer gives
   * a DOM node back as undefined). In Firefox it is polled from here: Puppeteer's own waiting
   * builds a Function() in the page, which the extension pages' Content-Security-Policy
   * forbids.
   */
  async waitFor(fn, arg, timeout = 10_000) {
    if (this.kind === "chromium") return this.raw.waitForFunction(fn, arg, { timeout });
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.raw.evaluate(fn, arg).catch((e) => {
        // A page between two documents (a reload) has no realm for a moment.
        if (/context|realm|navigat|detached/i.test(String(e.message))) return undefined;
        throw e;
      });
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${String(fn).slice(0, 120)}`);
      await sleep(50);
    }
  }
  async waitSelector(sel, { gone = false, timeout = 10_000 } = {}) {
    if (this.kind === "chromium") {
      await this.raw.locator(this.css(sel)).first().waitFor({ state: gone ? "detached" : "attached", timeout });
      return;
    }
    await this.waitFor(
      ([sel, gone]) => {
        // ">>>" steps into the shadow root of what comes before it.
        const parts = sel.split(">>>").map((x) => x.trim());
        let found = [document];
        for (const [i, part] of parts.entries()) {
          found = found.flatMap((root) => [...root.querySelectorAll(part)]);
          if (i < parts.length - 1) found = found.map((e) => e.shadowRoot).filter(Boolean);
        }
        return gone ? found.length === 0 : found.length > 0;
      },
      [sel, gone],
      timeout,
    );
  }
  text(sel) {
    return this.raw.$eval(this.css(sel), (e) => e.textContent);
  }
  attr(sel, name) {
    return this.raw.$eval(this.css(sel), (e, name) => e.getAttribute(name), name);
  }
  count(sel) {
    return this.raw.$$eval(this.css(sel), (xs) => xs.length);
  }
  checked(sel) {
    return this.raw.$eval(this.css(sel), (e) => e.checked);
  }
  /** Clicks a checkbox or radio button until it is `on`, as a user would. */
  async setChecked(sel, on = true) {
    if ((await this.checked(sel)) === on) return;
    await this.click(sel);
    await this.waitFor(([s, on]) => document.querySelector(s)?.checked === on, [this.css(sel), on]);
  }
  /** Chooses a file with `name` and `text` in the file input `sel`. */
  async upload(sel, name, text) {
    if (this.kind === "chromium") {
      await this.raw.locator(sel).setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
      return;
    }
    // Puppeteer takes a path: the file is written to a folder removed when the browser closes.
    const file = path.join(this.uploads, `${++this.uploaded}-${name}`);
    writeFileSync(file, text);
    await (await this.raw.$(sel)).uploadFile(file);
  }
  /** Sets a textarea's whole value at once, as a paste would, with the input event. */
  fill(sel, text) {
    return this.raw.evaluate(
      ([sel, text]) => {
        const e = document.querySelector(sel);
        e.focus();
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
        setter.call(e, text);
        e.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      },
      [sel, text],
    );
  }
  /** Reloads and waits until the new document shows `ready`. */
  async reload(ready) {
    await this.raw
      .evaluate(() => {
        window.__beforeReload = true;
        location.reload();
      })
      .catch((e) => {
        // The old document may be gone before the call returns: that is the reload.
        if (!/context|destroyed|navigat|detached/i.test(String(e.message))) throw e;
      });
    await this.waitFor((sel) => !window.__beforeReload && Boolean(document.querySelector(sel)), ready, 15_000);
  }
  close() {
    return this.raw.close().catch(() => {});
  }
}

// Both launchers return the same object:
//   name, extensionBase, requests (every URL requested by a page; in Chromium also by the
//     worker), recordBackground() then extensionRequests() (what the background fetched),
//     newPage(url) -> Page,
//   ext(fn, arg): fn(arg) run in an extension page (the options page under its own address,
//     kept open as the "control" page: storage and permissions as the extension sees them; fn reaches the
//     API as `globalThis.browser || chrome`),
//   extensionPages(): paths of the extension's pages open now (the control page not
//     counted), closeExtensionPages(), closeWebPages(),
//   revokeHosts(origins), restoreHosts(): host permissions taken away and given back as a
//     user does in the browser's extension manager,
//   backgroundRunning(), stopBackground(), close(),
//   installPages: the extension's pages that opened by themselves on install (closed).

// The control page is the options page under its own address (a query the page ignores):
// both browsers' runtime.openOptionsPage() reuse a tab that shows the options page's exact
// address, which would then navigate the control page away under a test.
const CONTROL = "options.html?control";

async function control(newPage, base) {
  // In a background tab: Firefox's openOptionsPage() also loads into the selected tab when it
  // is blank, and a new tab is blank for a moment; the install page then replaced the control
  // page or the other way round (2 launches in 12, before this).
  const page = await newPage(`${base}${CONTROL}`, { background: true });
  await page.waitFor(() => Boolean(document.querySelector("#h-role")), undefined, 15_000);
  return page;
}

async function launchChromium({ variant = "test-chromium" } = {}) {
  const build = path.join(BUILD, variant);
  let profile = null;
  const context = await startTwice("chromium", async () => {
    profile = mkdtempSync(path.join(os.tmpdir(), "ceknetral-ext-profile-"));
    try {
      return await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        locale: "id-ID",
        viewport: { width: 1280, height: 800 },
        args: [...CHROMIUM_ARGS, `--disable-extensions-except=${build}`, `--load-extension=${build}`],
      });
    } catch (e) {
      rmSync(profile, { recursive: true, force: true });
      throw e;
    }
  });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const worker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) || (await context.waitForEvent("serviceworker"));
  const base = `chrome-extension://${new URL(worker.url()).host}/`;
  const newPage = async (url) => {
    const raw = await context.newPage();
    const page = new Page(raw, "chromium");
    await raw.goto(url, { waitUntil: "load" });
    return page;
  };
  let ctl = null;
  const cdp = async (fn) => {
    const session = await context.browser().newBrowserCDPSession();
    try {
      return await fn(session);
    } finally {
      await session.detach().catch(() => {});
    }
  };
  const workers = (session) =>
    session.send("Target.getTargets").then((r) => r.targetInfos.filter((t) => t.type === "service_worker" && t.url.startsWith(base)));
  const others = () => context.pages().filter((p) => p.url().startsWith(base) && p !== ctl?.raw);
  const id = new URL(base).host;
  /** fn(page) on chrome://extensions, whose script may use chrome.developerPrivate. */
  const extensionsPage = async (fn) => {
    const p = await context.newPage();
    try {
      await p.goto("chrome://extensions");
      return await fn(p);
    } finally {
      await p.close();
    }
  };

  return {
    name: "chromium",
    extensionBase: base,
    requests,
    context,
    newPage,
    async ext(fn, arg) {
      ctl ||= await control(newPage, base);
      return ctl.evaluate(fn, arg);
    },
    async extensionPages() {
      return others().map((p) => new URL(p.url()).pathname);
    },
    async closeExtensionPages() {
      for (const p of others()) await p.close();
    },
    async closeWebPages() {
      for (const p of context.pages()) if (p.url().startsWith("http")) await p.close();
    },
    /**
     * Takes the host permissions for `origins` away as a user does on chrome://extensions
     * (Site access: "On specific sites", without these).
     */
    async revokeHosts(origins) {
      await extensionsPage(async (p) =>
        p.evaluate(
          async ([id, origins]) => {
            const info = await chrome.developerPrivate.getExtensionInfo(id);
            const hosts = info.permissions.runtimeHostPermissions.hosts.map((h) => h.host);
            await chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: "ON_SPECIFIC_SITES" });
            for (const h of hosts) if (!origins.includes(h)) await chrome.developerPrivate.addHostPermission(id, h);
          },
          [id, origins],
        ),
      );
    },
    /** Every host permission back ("On all sites" of the manifest). */
    async restoreHosts() {
      await extensionsPage((p) => p.evaluate((id) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: "ON_ALL_SITES" }), id));
    },
    /** Chromium's log already holds the worker's requests. */
    async recordBackground() {},
    /** What the extension's own pages and worker fetched (the context's request log). */
    async extensionRequests() {
      return requests.filter((u) => u.startsWith(base));
    },
    async backgroundRunning() {
      return cdp(async (s) => (await workers(s)).length > 0);
    },
    /** Stops the service worker as Chrome does after about 30 s without events. */
    async stopBackground() {
      await cdp(async (s) => {
        const running = await workers(s);
        if (running.length !== 1) throw new Error(`expected one running service worker: ${JSON.stringify(running)}`);
        await s.send("Target.closeTarget", { targetId: running[0].targetId });
        for (let i = 0; i < 100 && (await workers(s)).length; i++) await sleep(50);
        if ((await workers(s)).length) throw new Error("the service worker did not stop");
      });
    },
    async close() {
      await context.close().catch(() => {});
      if (profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox({ backgroundIdleMs, variant = "test-firefox" } = {}) {
  const prefs = {
    "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
    "extensions.webextOptionalPermissionPrompts": false,
  };
  if (backgroundIdleMs) prefs["extensions.background.idle.timeout"] = backgroundIdleMs;
  const browser = await startTwice("firefox", () =>
    puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true, protocolTimeout: 60_000, extraPrefsFirefox: prefs }),
  );
  // Firefox's openOptionsPage() (the extension calls it on install) loads the page into the
  // selected tab when that tab is blank, as the first tab here is; a tab with a page in it
  // makes Firefox open a tab of its own, as it does for a user.
  const [first] = await browser.pages();
  if (first) await first.goto("data:text/html,<title>CekNetral tests</title>");
  await browser.installExtension(path.join(BUILD, variant));
  const base = `moz-extension://${FIREFOX_UUID}/`;
  const uploads = mkdtempSync(path.join(os.tmpdir(), "ceknetral-upload-"));
  const requests = [];
  const pages = new Set();
  const newPage = async (url, { background = false } = {}) => {
    const raw = await browser.newPage({ background });
    pages.add(raw);
    raw.on("request", (r) => requests.push(r.url()));
    raw.once("close", () => pages.delete(raw));
    const page = new Page(raw, "firefox", uploads);
    if (url.startsWith("moz-extension:")) {
      // A navigation to moz-extension:// never reports its end to Puppeteer: the page is
      // waited for by its content.
      raw.goto(url).catch(() => {});
      await page.waitFor((u) => location.href === u && document.readyState === "complete", url, 15_000);
    } else {
      await raw.goto(url, { waitUntil: "load" });
    }
    return page;
  };
  let ctl = null;
  const ext = async (fn, arg) => {
    ctl ||= await control(newPage, base);
    return ctl.evaluate(fn, arg);
  };
  const BACKGROUND = "/_generated_background_page.html";
  // Every extension page in Firefox's own list (pages opened by the add-on itself included,
  // which Puppeteer does not list), the control page and the event page not counted.
  const views = () => ext(() => browser.extension.getViews().map((w) => w.location.pathname + w.location.search));
  return {
    name: "firefox",
    extensionBase: base,
    requests,
    browser,
    newPage,
    ext,
    async extensionPages() {
      return (await views()).filter((p) => p !== BACKGROUND && p !== `/${CONTROL}`);
    },
    async closeExtensionPages() {
      // Also the pages the add-on opened itself (the options page on install), which
      // Puppeteer does not list: each is closed through the tabs API from the control page.
      await ext(() =>
        Promise.all(
          browser.extension
            .getViews({ type: "tab" })
            .filter((w) => w !== window)
            .map(async (w) => browser.tabs.remove((await w.browser.tabs.getCurrent()).id)),
        ),
      );
    },
    async closeWebPages() {
      for (const raw of [...pages]) if (raw.url().startsWith("http")) await raw.close().catch(() => {});
    },
    /** Takes the host permissions for `origins` away, as about:addons' Permissions tab does. */
    async revokeHosts(origins) {
      const removed = await ext((origins) => browser.permissions.remove({ origins }), origins);
      if (!removed) throw new Error(`Firefox did not remove ${origins}`);
    },
    /**
     * Every host permission of the manifest back. permissions.request needs a user's click:
     * a button is added to the control page and clicked (no prompt: the pref above).
     */
    async restoreHosts() {
      ctl ||= await control(newPage, base);
      await ctl.evaluate(() => {
        document.getElementById("test-restore")?.remove();
        const b = document.createElement("button");
        b.id = "test-restore";
        b.textContent = "restore";
        b.onclick = () => {
          const origins = browser.runtime.getManifest().content_scripts.flatMap((c) => c.matches);
          browser.permissions.request({ origins }).then((ok) => (b.dataset.done = String(ok)), (e) => (b.dataset.done = e.message));
        };
        document.body.prepend(b);
      });
      await ctl.click("#test-restore");
      await ctl.waitFor(() => document.getElementById("test-restore").dataset.done === "true", undefined, 10_000);
      await ctl.evaluate(() => document.getElementById("test-restore").remove());
    },
    /**
     * Records what the running event page fetches from now on. Puppeteer sees no request of
     * an add-on's background and Firefox keeps no resource timing for moz-extension: files,
     * so the event page's fetch is wrapped from the control page (same origin). fetch is its
     * only way to the network: the build test forbids XMLHttpRequest, WebSocket, sendBeacon
     * and EventSource in the shipped code.
     */
    async recordBackground() {
      const ok = await ext((bg) => {
        const w = browser.extension.getViews().find((v) => v.location.pathname === bg);
        if (!w) return false;
        if (!w.__fetched) {
          const real = w.fetch;
          w.__fetched = [];
          w.fetch = function (input, init) {
            w.__fetched.push(String(input && input.url ? input.url : input));
            return real.call(this, input, init);
          };
        }
        return true;
      }, BACKGROUND);
      if (!ok) throw new Error("recordBackground: the event page is not running");
    },
    /** What the event page fetched since recordBackground(). */
    async extensionRequests() {
      return ext((bg) => {
        const w = browser.extension.getViews().find((v) => v.location.pathname === bg);
        return w && w.__fetched ? w.__fetched.slice() : [];
      }, BACKGROUND);
    },
    async backgroundRunning() {
      return (await views()).includes(BACKGROUND);
    },
    /** Waits for Firefox to unload the idle event page (needs a short backgroundIdleMs). */
    async stopBackground() {
      if (!backgroundIdleMs) throw new Error("stopBackground in Firefox needs launch(..., { backgroundIdleMs })");
      const limit = backgroundIdleMs + 15_000;
      for (const end = Date.now() + limit; Date.now() < end; await sleep(100)) {
        if (!(await views()).includes(BACKGROUND)) return;
      }
      throw new Error(`Firefox did not unload the idle event page within ${limit} ms`);
    },
    async close() {
      await browser.close().catch(() => {});
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}

/**
 * Starts `name` ("chromium" or "firefox") with the extension's test build installed
 * (options.variant: another folder of build/extension/, such as the release build "firefox").
 */
export async function launch(name, options = {}) {
  let b;
  if (name === "chromium") b = await launchChromium(options);
  else if (name === "firefox") b = await launchFirefox(options);
  else throw new Error(`unknown browser ${name}`);
  // The extension opens its options page on install (so the user picks a role). A test that
  // opened that page itself at the same moment would race it (Chromium then reuses the tab and
  // navigates it again under the test), so every launch waits for the install page as a
  // condition (up to 10 s; it usually takes well under one), records it in b.installPages and
  // closes it.
  b.installPages = [];
  for (const end = Date.now() + 10_000; Date.now() < end; await sleep(100)) {
    b.installPages = await b.extensionPages();
    if (b.installPages.includes("/options.html")) break;
  }
  await b.closeExtensionPages();
  return b;
}
