// The extension in a real Firefox ESR (Debian's firefox-esr 140), driven by puppeteer-core
// over WebDriver BiDi: the Firefox build (event page, browser.* APIs, Gecko manifest) with
// the fixture origin added to its content-script matches (build/extension/test-firefox),
// installed as a temporary add-on. The same fixture editors as the Chromium tests: the badge
// shows the risk of a draft typed key by key, a neutral draft gets none, the editor's text is
// untouched, and nothing is requested beyond the fixture server and the add-on's own files.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { ROOT, startServer } from "../e2e/support.mjs";
import { BUILD, FIXTURES, PARTISAN, NEUTRAL } from "./support.mjs";

const FIREFOX = process.env.CEKNETRAL_FIREFOX || "/usr/bin/firefox-esr";
const BUILD_FF = path.join(BUILD, "test-firefox");

let browser;
let server;
const requests = [];

before(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} missing: tools/extension-test.sh installs firefox-esr`);
  if (!existsSync(path.join(BUILD_FF, "manifest.json"))) throw new Error("build/extension/test-firefox missing: run tools/extension.py --test");
  server = await startServer(["--root", FIXTURES]);
  // A browser that fails to start (it happens under load) is tried once more.
  for (let attempt = 1; ; attempt++) {
    try {
      browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true, protocolTimeout: 60_000 });
      break;
    } catch (e) {
      if (attempt >= 2) throw e;
      console.error(`firefox did not start (${e.message.split("\n")[0]}); trying again`);
    }
  }
  await browser.installExtension(BUILD_FF);
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

async function open(file) {
  const page = await browser.newPage();
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(new URL(file, server.url).href, { waitUntil: "load" });
  return page;
}

/** The badge's state from the content script's shadow root, or null. */
function badge(page) {
  return page.evaluate(() => {
    const host = document.querySelector("cek-netral-ext");
    const b = host && host.shadowRoot && host.shadowRoot.querySelector(".badge");
    return b ? { hidden: b.hidden, risk: b.dataset.risk || null, text: b.textContent } : null;
  });
}

async function waitBadge(page, risk) {
  try {
    await page.waitForFunction(
      (risk) => {
        const host = document.querySelector("cek-netral-ext");
        const b = host && host.shadowRoot && host.shadowRoot.querySelector(".badge");
        return b && !b.hidden && b.dataset.risk === risk;
      },
      { timeout: 15_000 },
      risk,
    );
  } catch (e) {
    throw new Error(`badge never showed ${risk}: now ${JSON.stringify(await badge(page))}`);
  }
  return badge(page);
}

for (const file of ["textarea.html", "contenteditable.html", "draft.html", "lexical.html", "composer.html"]) {
  test(`Firefox ESR: the badge on ${file} reads the draft typed key by key`, async () => {
    const page = await open(file);
    await page.click("#editor");
    await page.keyboard.type(PARTISAN);
    const b = await waitBadge(page, "violation");
    assert.match(b.text, /Berpotensi melanggar/);
    // The editor's own text is what was typed: the add-on never writes into it.
    const text = await page.$eval("#editor", (e) => ("value" in e && typeof e.value === "string" ? e.value : e.textContent));
    assert.equal(text.trim(), PARTISAN);
    await page.close();
  });
}

async function warningOf(page) {
  await page.waitForFunction(() => document.querySelector("cek-netral-ext")?.shadowRoot?.querySelector(".dialog"), { timeout: 15_000 });
  return page.evaluate(() => {
    const d = document.querySelector("cek-netral-ext").shadowRoot.querySelector(".dialog");
    return {
      role: d.getAttribute("role"),
      title: d.querySelector("h2").textContent,
      buttons: [...d.querySelectorAll(".actions button")].map((b) => b.textContent),
    };
  });
}

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

for (const [file, how, post] of [
  ["textarea.html", "the post button", (page) => page.click("#post")],
  ["composer.html", "Enter", (page) => page.keyboard.press("Enter")],
]) {
  test(`Firefox ESR: posting a violation on ${file} (${how}) warns; "Ubah" posts nothing, "Tetap posting" posts exactly once`, async () => {
    const page = await open(file);
    await page.click("#editor");
    await page.keyboard.type(PARTISAN);
    await waitBadge(page, "violation");
    await post(page);
    const w = await warningOf(page);
    assert.equal(w.role, "alertdialog");
    assert.equal(w.title, "Tunggu dulu: unggahan ini berpotensi melanggar netralitas ASN");
    assert.deepEqual(w.buttons, ["Ubah", "Tetap posting", "Jangan ingatkan di situs ini"]);
    assert.deepEqual(await page.evaluate(() => window.__posts), [], "the page's own submit has not run");
    await page.click('cek-netral-ext >>> [data-action="edit"]');
    await settle();
    assert.deepEqual(await page.evaluate(() => window.__posts), [], "Ubah posts nothing");
    // Again, and this time post anyway.
    if (file === "composer.html") await page.focus("#editor");
    await post(page);
    await warningOf(page);
    await page.click('cek-netral-ext >>> [data-action="post"]');
    await settle();
    assert.deepEqual(await page.evaluate(() => window.__posts), [PARTISAN], "posted exactly once, as typed");
    await page.close();
  });
}

test("Firefox ESR: a neutral draft gets no warning badge", async () => {
  const page = await open("textarea.html");
  await page.click("#editor");
  await page.keyboard.type(NEUTRAL);
  // Silence has no event to wait for: give the scan time to answer, then look.
  await new Promise((r) => setTimeout(r, 1500));
  const b = await badge(page);
  assert.ok(!b || b.hidden || b.risk === "safe", JSON.stringify(b));
  await page.close();
});

test("Firefox ESR: nothing is requested beyond the fixture server and the add-on's own files", () => {
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("moz-extension://") && !u.startsWith("data:") && !u.startsWith("about:"));
  assert.deepEqual(foreign, []);
  assert.ok(requests.length > 0);
});
