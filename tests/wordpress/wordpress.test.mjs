// The WordPress plugin in a real WordPress (started by tests/wordpress/run.sh), driven in
// headless Chromium: the public pages, the settings page, pack uploads, the installation
// check, the block editor, and uninstalling.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, PARTISAN, NEUTRAL, widget, widgetReady, openScanner, typeDraft, scannerState } from "../e2e/support.mjs";

const URL_ = process.env.CEKNETRAL_WP_URL;
const STATE = process.env.CEKNETRAL_WP_STATE;
const PAGES = JSON.parse(process.env.CEKNETRAL_WP_PAGES || "{}").pages;
if (!URL_ || !STATE || !PAGES) throw new Error("run through tests/wordpress/run.sh");
const PLUGIN_FILES = "/wp-content/plugins/ceknetral/";

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
});

/** A page that records its requests and console errors. */
async function open(url, { viewport = { width: 1280, height: 900 }, context } = {}) {
  const ctx = context ?? (await browser.newContext({ viewport }));
  const page = await ctx.newPage();
  page.requests = [];
  page.errors = [];
  page.on("request", (r) => page.requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  page.on("pageerror", (e) => page.errors.push(String(e)));
  if (url) await page.goto(url);
  return page;
}

function site(...args) {
  return JSON.parse(execFileSync("php", [path.join("tests", "wordpress", "site.php"), ...args], { encoding: "utf8" }));
}

async function shot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `wordpress-${name}.png`), fullPage: true });
}

let admin;
async function adminPage() {
  if (!admin) {
    admin = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await open(`${URL_}/wp-login.php`, { context: admin });
    await page.fill("#user_login", "admin");
    await page.fill("#user_pass", "sandi-uji-ceknetral");
    await Promise.all([page.waitForNavigation(), page.click("#wp-submit")]);
    assert.match(page.url(), /wp-admin/, "logged in");
    await page.close();
  }
  return open(undefined, { context: admin });
}

async function settings() {
  const page = await adminPage();
  await page.goto(`${URL_}/wp-admin/options-general.php?page=ceknetral`);
  return page;
}

/** Clicks the first choice of the checker until an answer card shows. */
async function checkerToVerdict(page) {
  const w = widget(page);
  for (let i = 0; i < 12; i++) {
    if (await w.locator(".cn-verdict").count()) break;
    await w.locator(".cn-choice").first().click();
  }
  await w.locator(".cn-verdict").waitFor();
  return w.locator(".cn-verdict").innerText();
}

test("the block page: the widget works, only the site's files are requested, no console error", async () => {
  const page = await open(PAGES.block.url);
  await widgetReady(page);
  const verdict = await checkerToVerdict(page);
  assert.match(verdict, /Boleh|Dilarang|syarat/i);
  await page.goto(PAGES.block.url);
  await widgetReady(page);
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  let st = await scannerState(page);
  assert.ok(st.marks.length > 0, "a partisan draft is highlighted");
  assert.match(st.risk.className, /cn-risk-violation/);
  await typeDraft(page, NEUTRAL);
  st = await scannerState(page);
  assert.equal(st.marks.length, 0, "a neutral draft is not");
  const foreign = page.requests.filter((u) => !u.startsWith(URL_) && !u.startsWith("data:"));
  assert.deepEqual(foreign, [], "requests to other hosts");
  assert.ok(page.requests.some((u) => u.includes(`${PLUGIN_FILES}assets/ceknetral/widget/ceknetral_web_bg.wasm`)));
  assert.deepEqual(page.errors, []);
  // The element script is a module, printed once.
  const tags = await page.$$eval('script[src*="ceknetral.js"]', (s) => s.map((x) => x.type));
  assert.deepEqual(tags, ["module"]);
  await shot(page, "block-page");
  await page.context().close();
});

test("the shortcode page: its attributes (scanner, English) are honoured", async () => {
  const page = await open(PAGES.shortcode.url, { viewport: { width: 390, height: 844 } });
  await widgetReady(page);
  const w = widget(page);
  assert.equal(await w.getAttribute("mode"), "scanner");
  assert.equal(await w.getAttribute("lang"), "en");
  await typeDraft(page, PARTISAN);
  assert.match((await scannerState(page)).risk.text, /May breach the rules/);
  assert.deepEqual(page.errors, []);
  await shot(page, "shortcode-390");
  await page.context().close();
});

test("a page without the block loads none of the plugin's files", async () => {
  const page = await open(PAGES.plain.url);
  await page.waitForLoadState("networkidle");
  assert.deepEqual(page.requests.filter((u) => u.includes("ceknetral")), []);
  assert.equal(await page.locator("cek-netral").count(), 0);
  await page.context().close();
});

test("settings: saved and sanitised, in Indonesian, and applied to the page", async () => {
  const page = await settings();
  assert.match(await page.locator("h2").allInnerTexts().then((t) => t.join(" | ")), /Periksa pemasangan/);
  await page.selectOption("#ceknetral-mode", "scanner");
  await page.fill("#ceknetral-report-to", "lapor@diskominfo.example.go.id");
  await page.fill("#ceknetral-colour-accent", "#0b6e4f");
  // The field's pattern stops a bad colour in the browser; a crafted post gets past it, and
  // the server must drop it.
  await page.$eval("#ceknetral-colour-bg", (e) => e.removeAttribute("pattern"));
  await page.fill("#ceknetral-colour-bg", "red;}body{display:none");
  await Promise.all([page.waitForNavigation(), page.click("#ceknetral-options #submit")]);
  assert.equal(await page.inputValue("#ceknetral-mode"), "scanner");
  assert.equal(await page.inputValue("#ceknetral-report-to"), "lapor@diskominfo.example.go.id");
  assert.equal(await page.inputValue("#ceknetral-colour-accent"), "#0b6e4f");
  assert.equal(await page.inputValue("#ceknetral-colour-bg"), "");
  // The preview follows the colours.
  await widgetReady(page);
  assert.equal(await page.locator("#ceknetral-preview").evaluate((e) => getComputedStyle(e).getPropertyValue("--cek-netral-accent").trim()), "#0b6e4f");
  await shot(page, "settings");
  const stored = site("options").options;
  assert.equal(stored.mode, "scanner");
  assert.equal(stored.colours.bg, "");
  // The public page: the default mode, the report address and the colours' stylesheet.
  const pub = await open(PAGES.block.url);
  await widgetReady(pub);
  const w = widget(pub);
  assert.equal(await w.getAttribute("mode"), "scanner");
  assert.equal(await w.getAttribute("report-to"), "mailto:lapor@diskominfo.example.go.id");
  assert.equal(await w.evaluate((e) => getComputedStyle(e).getPropertyValue("--cek-netral-accent").trim()), "#0b6e4f");
  assert.deepEqual(pub.errors, []);
  await pub.context().close();
  await page.close();
});

test("a nonce-less or unauthorised request changes nothing", async () => {
  const anon = await browser.newContext();
  const r = await anon.request.post(`${URL_}/wp-admin/admin-post.php`, { form: { action: "ceknetral_delete_pack", pack: "x" }, maxRedirects: 0 });
  assert.notEqual(r.status(), 200, "an anonymous post is not accepted");
  await anon.close();
  const page = await adminPage();
  const res = await page.request.post(`${URL_}/wp-admin/admin-post.php`, { form: { action: "ceknetral_check" }, maxRedirects: 0 });
  assert.equal(res.status(), 403, "no nonce: refused");
  await page.close();
});

test("packs: an invalid upload is refused with the field named and nothing saved; a valid one is offered on the page", async () => {
  const bad = path.join(STATE, "pilkada-rusak.json");
  writeFileSync(bad, JSON.stringify({ id: "pilkada-rusak", title: "Rusak", contestants: [{ number: 1, names: ["Suryanto"] }, { number: 1, names: ["Wulan"] }] }));
  let page = await settings();
  await page.setInputFiles("#ceknetral-pack-file", bad);
  await Promise.all([page.waitForNavigation(), page.click('form[enctype] [type="submit"]')]);
  const error = await page.locator(".ceknetral-flash").innerText();
  assert.match(error, /Paket tidak disimpan/);
  assert.match(error, /`contestants\[1\]\.number`: number 1 is used twice/);
  let state = site("options");
  assert.ok(!state.packs || !state.packs["pilkada-rusak"]);
  assert.ok(!(state.files || []).includes("packs/pilkada-rusak.json"));
  // A hostile upload: PHP in a .json file.
  const php = path.join(STATE, "shell.json");
  writeFileSync(php, "<?php system($_GET['c']); ?>");
  await page.setInputFiles("#ceknetral-pack-file", php);
  await Promise.all([page.waitForNavigation(), page.click('form[enctype] [type="submit"]')]);
  assert.match(await page.locator(".ceknetral-flash").innerText(), /not valid JSON/);
  assert.ok(!(site("options").files || []).some((f) => f.includes("shell")));

  const good = path.join(STATE, "pilkada-kota-uji.json");
  writeFileSync(good, JSON.stringify({
    id: "pilkada-kota-uji", title: "Pilkada Kota Uji 2029", kind: "pilkada",
    contestants: [{ number: 1, names: ["Darmawangsa Pratikno", "Sri Handayani"], slogans: ["Kota Uji Melaju"] }, { number: 2, names: ["Hendro Kusumo"] }],
  }));
  await page.setInputFiles("#ceknetral-pack-file", good);
  await Promise.all([page.waitForNavigation(), page.click('form[enctype] [type="submit"]')]);
  assert.match(await page.locator(".ceknetral-flash").innerText(), /Pilkada Kota Uji 2029/);
  assert.match(await page.locator(".ceknetral-packs").innerText(), /pilkada-kota-uji/);
  // Used by default on the public pages.
  await page.check('input[name="ceknetral_options[default_packs][]"][value="pilkada-kota-uji"]');
  await Promise.all([page.waitForNavigation(), page.click("#ceknetral-options #submit")]);
  state = site("options");
  assert.deepEqual(state.options.default_packs, ["pilkada-kota-uji"]);
  assert.ok(state.files.includes("packs/pilkada-kota-uji.json"));
  await page.close();

  const pub = await open(PAGES.block.url);
  await widgetReady(pub);
  assert.match(await widget(pub).getAttribute("packs"), /\/ceknetral\/packs\/pilkada-kota-uji\.json$/);
  await openScanner(pub);
  const draft = "Bapak Ibu, ayo dukung Darmawangsa Pratikno, Kota Uji Melaju!";
  await typeDraft(pub, draft);
  const st = await scannerState(pub);
  assert.ok(st.marks.some((m) => /Darmawangsa|Melaju/.test(m.text)), `the regional contestant is flagged: ${JSON.stringify(st.marks)}`);
  assert.deepEqual(pub.errors, []);
  await pub.context().close();
});

test("the installation check: application/wasm reported right, and a misconfigured server caught", async () => {
  let page = await settings();
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Periksa pemasangan" }).click()]);
  let text = await page.locator(".ceknetral-check").innerText();
  assert.match(text, /✓ Server mengirim berkas \.wasm sebagai application\/wasm/);
  assert.match(text, /tidak mengirim Content-Security-Policy/);
  // The server now sends the wasm as application/octet-stream, and a CSP without wasm.
  writeFileSync(path.join(STATE, "wasm-type"), "application/octet-stream");
  writeFileSync(path.join(STATE, "csp"), "default-src 'self'; script-src 'self'");
  try {
    await page.goto(`${URL_}/wp-admin/options-general.php?page=ceknetral`);
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Periksa pemasangan" }).click()]);
    text = await page.locator(".ceknetral-check").innerText();
    assert.match(text, /✕ Server mengirim berkas \.wasm sebagai application\/octet-stream/);
    assert.match(text, /AddType application\/wasm \.wasm/);
    assert.match(text, /✕ Content-Security-Policy situs ini memblokir WebAssembly/);
    assert.match(text, /'wasm-unsafe-eval'/);
    await shot(page, "check-problems");
  } finally {
    rmSync(path.join(STATE, "wasm-type"), { force: true });
    rmSync(path.join(STATE, "csp"), { force: true });
  }
  await page.close();
});

test("the widget works under the site's own CSP when it allows 'wasm-unsafe-eval' (no inline script or style of ours)", async () => {
  writeFileSync(path.join(STATE, "csp"), "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:");
  try {
    const page = await open(PAGES.shortcode.url);
    await widgetReady(page);
    await typeDraft(page, PARTISAN);
    assert.ok((await scannerState(page)).marks.length > 0);
    // WordPress's own inline scripts and styles are blocked by this policy (the errors about
    // inline code); nothing else fails, and none of the inline code is ours.
    assert.deepEqual(page.errors.filter((e) => !/^(Executing inline script|Applying inline style) violates/.test(e)), []);
    const inline = await page.$$eval("script:not([src]), style", (els) => els.map((e) => e.textContent).filter((t) => /ceknetral|cek-netral/i.test(t)));
    assert.deepEqual(inline, []);
    await page.context().close();
  } finally {
    rmSync(path.join(STATE, "csp"), { force: true });
  }
});

test("the block editor: the block's live preview is the real widget", async () => {
  const page = await adminPage();
  await page.goto(`${URL_}/wp-admin/post.php?post=${PAGES.block.id}&action=edit`);
  const host = page.locator(".ceknetral-editor-preview cek-netral");
  await host.waitFor({ timeout: 30000 });
  await page.waitForFunction(() => {
    const h = document.querySelector(".ceknetral-editor-preview cek-netral");
    return h && h.shadowRoot && h.shadowRoot.querySelector(".cn-root");
  }, null, { timeout: 30000 });
  assert.equal(await host.getAttribute("url-state"), "off");
  assert.deepEqual(page.errors.filter((e) => /ceknetral|cek-netral/i.test(e)), []);
  await shot(page, "editor");
  await page.close();
});

test("deactivate and uninstall leave no options and no files behind", async () => {
  await admin?.close();
  const left = site("uninstall");
  assert.equal(left.error, null);
  assert.equal(left.deleted, true);
  assert.deepEqual(left.options, []);
  assert.equal(left.files, null, "uploads/ceknetral is gone");
  assert.equal(left.plugin, false, "the plugin folder is gone");
});
