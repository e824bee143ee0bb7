// The widget as a page sees it: the language switch, the cek-netral:result event,
// mount()/unmount() from a page script, and the npm-style API module in the browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { e2e, widget, openScanner, typeDraft, assertPrivate, PARTISAN } from "./support.mjs";

const env = e2e();

test("language switch: the English button turns the texts to English and back", async () => {
  const page = await env.open("/");
  const w = widget(page);
  const texts = async () => ({
    lang: await w.locator("section.cn-root").getAttribute("lang"),
    tabs: await w.locator(".cn-tab").allInnerTexts(),
    question: await w.locator("h2.cn-h").innerText(),
    firstChoice: await w.locator(".cn-choice .cn-choice-label").first().innerText(),
    switchButton: await w.locator("button.cn-lang").innerText(),
    intro: await w.locator(".cn-intro").innerText(),
  });
  const id = await texts();
  assert.deepEqual(
    { lang: id.lang, tabs: id.tabs, question: id.question, firstChoice: id.firstChoice, switchButton: id.switchButton },
    { lang: "id", tabs: ["Apakah ini boleh?", "Cek sebelum posting"], question: "Siapa Anda?", firstChoice: "PNS (termasuk CPNS)", switchButton: "English" },
  );
  await w.locator("button.cn-lang").click();
  await w.locator("section.cn-root[lang=en]").waitFor();
  const en = await texts();
  assert.deepEqual(en.tabs, ["Is this allowed?", "Check before posting"]);
  assert.equal(en.switchButton, "Bahasa Indonesia");
  assert.equal(en.firstChoice, "Civil servant, PNS (including CPNS)");
  assert.notEqual(en.question, id.question);
  assert.notEqual(en.intro, id.intro);
  // The button says what it does in the language it switches to.
  assert.equal(await w.locator("button.cn-lang").getAttribute("lang"), "id");

  // The scanner follows the language too.
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  assert.match(await w.locator(".cn-risk").innerText(), /May breach the rules/);
  assert.match(await w.locator("label.cn-label").innerText(), /Draft post/);
  // And back to Indonesian, keeping the draft.
  await w.locator("button.cn-lang").click();
  await w.locator("section.cn-root[lang=id]").waitFor();
  assert.match(await w.locator(".cn-risk").innerText(), /Berpotensi melanggar/);
  assert.equal(await w.locator("textarea.cn-editor").inputValue(), PARTISAN);
  assert.equal(await w.locator("button.cn-lang").innerText(), "English");

  // Switching in the middle of the checker keeps its answers.
  await w.locator("#cn-tab-checker").click();
  await w.locator(".cn-choice", { hasText: "PNS (termasuk CPNS)" }).click();
  await w.locator(".cn-progress", { hasText: "Langkah 2" }).waitFor();
  await w.locator("button.cn-lang").click();
  await w.locator(".cn-progress", { hasText: "Step 2" }).waitFor();
  assert.ok(await w.locator(".cn-choice-label", { hasText: "Social media" }).count());
  await w.locator(".cn-btn", { hasText: "Back" }).click();
  assert.equal(await w.locator('.cn-choice[aria-pressed="true"] .cn-choice-label').innerText(), "Civil servant, PNS (including CPNS)");
  assert.deepEqual(page.cn.errors, []);
});

/** Collects cek-netral:result events on the document (installed before the page's scripts). */
function collectEvents() {
  window.__cnEvents = [];
  document.addEventListener("cek-netral:result", (e) => {
    const d = e.detail || {};
    window.__cnEvents.push({
      tool: d.tool,
      empty: d.empty === true,
      result: JSON.parse(JSON.stringify(d.result ?? null)),
      plain: d.result !== null && typeof d.result === "object" && Object.getPrototypeOf(d.result) === Object.prototype,
      target: e.target && e.target.tagName,
      bubbles: e.bubbles,
      composed: e.composed,
    });
  });
}

test("cek-netral:result reaches the page with { tool: 'scanner', result: { risk, findings } } and { tool: 'checker', result: { verdict, basis, ... } }", async () => {
  const page = await env.open("/", { init: collectEvents });
  const w = widget(page);

  // Checker: answer four questions with the mouse.
  for (const label of ["PNS (termasuk CPNS)", "Media sosial", "Menyukai (like) unggahan calon atau tim pemenangan", "Sudah ditetapkan sebagai calon atau pasangan calon"]) {
    await w.locator(".cn-choice", { hasText: label }).first().click();
  }
  await w.locator("article.cn-card").waitFor();
  await page.waitForFunction(() => window.__cnEvents.some((e) => e.tool === "checker"));
  const checker = (await page.evaluate(() => window.__cnEvents)).filter((e) => e.tool === "checker");
  assert.equal(checker.length, 1, "one checker event per result");
  const c = checker[0];
  assert.deepEqual([c.target, c.bubbles, c.composed, c.plain], ["CEK-NETRAL", true, true, true]);
  assert.equal(c.result.verdict, "prohibited");
  assert.ok(Array.isArray(c.result.basis) && c.result.basis.length > 0);
  for (const b of c.result.basis) {
    assert.equal(typeof b.instrument, "string");
    assert.equal(typeof b.provision, "string");
  }
  assert.ok(c.result.basis.some((b) => b.instrument === "PP 94/2021" && b.provision === "Pasal 5 huruf n"));
  assert.ok(Array.isArray(c.result.sanctions) && c.result.sanctions.length > 0);
  for (const s of c.result.sanctions) {
    assert.ok(["ethics", "discipline", "dismissal", "contract", "administrative", "criminal"].includes(s.kind), `sanction kind ${s.kind}`);
    assert.equal(typeof s.level, "string");
    assert.equal(typeof s.detail, "string");
  }
  assert.ok(Array.isArray(c.result.conditions));
  assert.equal(typeof c.result.explanation, "string");
  assert.ok(c.result.explanation.length > 20);

  // Scanner.
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  await page.waitForFunction(() => window.__cnEvents.some((e) => e.tool === "scanner"));
  const scanner = (await page.evaluate(() => window.__cnEvents)).filter((e) => e.tool === "scanner");
  const s = scanner[scanner.length - 1];
  assert.deepEqual([s.target, s.bubbles, s.composed, s.plain], ["CEK-NETRAL", true, true, true]);
  assert.equal(s.result.risk, "violation");
  assert.ok(Array.isArray(s.result.findings));
  assert.deepEqual(s.result.findings.map((f) => f.text), ["coblos nomor 2", "Prabowo-Gibran untuk Indonesia"]);
  for (const f of s.result.findings) {
    for (const k of ["start", "end", "text", "rule", "category", "severity", "message", "basis"]) {
      assert.ok(k in f, `a finding lacks "${k}": ${JSON.stringify(f)}`);
    }
    assert.equal(PARTISAN.slice(f.start, f.end), f.text, "start/end are offsets into the draft");
    assert.equal(f.severity, "violation");
    assert.ok(f.basis.length > 0);
  }
  // A new result gives a new event.
  const n = scanner.length;
  await typeDraft(page, "Selamat pagi");
  await page.waitForFunction((n) => window.__cnEvents.filter((e) => e.tool === "scanner").length > n, n);
  const lastScan = (await page.evaluate(() => window.__cnEvents)).filter((e) => e.tool === "scanner").pop();
  assert.deepEqual(lastScan.result, { risk: "safe", findings: [] });
  assertPrivate(page, [PARTISAN]);
});

test("mount()/unmount() from a page script: the widget appears in a div and is gone after unmount", async () => {
  // A same-origin page without any widget: the server's listing of /ceknetral/packs/.
  const page = await env.open("/ceknetral/packs/", { wait: false });
  assert.equal(await page.locator("cek-netral").count(), 0);
  const shown = await page.evaluate(async () => {
    const m = await import("/ceknetral/ceknetral.js");
    const div = document.createElement("div");
    div.id = "spa-slot";
    document.body.append(div);
    window.__mounted = await m.mount(div, { mode: "scanner", lang: "en" });
    window.__m = m;
    const root = div.shadowRoot;
    return {
      hasRoot: Boolean(root && root.querySelector(".cn-root")),
      hasEditor: Boolean(root && root.querySelector("textarea.cn-editor")),
      tabs: root ? root.querySelectorAll(".cn-tab").length : -1,
      lang: root && root.querySelector(".cn-root").getAttribute("lang"),
    };
  });
  assert.deepEqual(shown, { hasRoot: true, hasEditor: true, tabs: 0, lang: "en" });
  // It works: type a draft into the mounted widget.
  await page.locator("#spa-slot textarea.cn-editor").fill(PARTISAN);
  await page.locator("#spa-slot .cn-risk-violation").waitFor();
  assert.ok((await page.locator("#spa-slot .cn-mirror mark").count()) >= 2);

  const gone = await page.evaluate(() => {
    window.__mounted.unmount();
    const root = document.getElementById("spa-slot").shadowRoot;
    return { root: Boolean(root.querySelector(".cn-root")), editor: Boolean(root.querySelector("textarea")), html: root.innerHTML };
  });
  assert.equal(gone.root, false, `after unmount the shadow root still holds: ${gone.html.slice(0, 300)}`);
  assert.equal(gone.editor, false);

  // Mount again into the same element, then use the module's unmount(); wrong arguments throw TypeError.
  const again = await page.evaluate(async () => {
    const m = window.__m;
    const div = document.getElementById("spa-slot");
    const h = await m.mount(div, { mode: "checker" });
    const shown = Boolean(div.shadowRoot.querySelector(".cn-choice"));
    m.unmount(h);
    const gone = !div.shadowRoot.querySelector(".cn-root");
    const errors = [];
    for (const f of [() => m.mount(null), () => m.mount(div, 5), () => m.unmount({})]) {
      try {
        await f();
        errors.push("no error");
      } catch (e) {
        errors.push(e.constructor.name);
      }
    }
    return { shown, gone, errors };
  });
  assert.deepEqual(again, { shown: true, gone: true, errors: ["TypeError", "TypeError", "TypeError"] });
  assert.deepEqual(page.cn.errors, []);
  assertPrivate(page, [PARTISAN]);
});

test("npm-style API in the browser: scan before ready() throws, ready() twice resolves, scan finds, scan(42) throws TypeError", async () => {
  const page = await env.open("/ceknetral/packs/", { wait: false });
  const r = await page.evaluate(async () => {
    const out = {};
    const api = await import("/ceknetral/index.js");
    try {
      api.scan("Ayo coblos nomor 2!");
      out.early = "no error";
    } catch (e) {
      out.early = { name: e.constructor.name, message: e.message };
    }
    const a = api.ready();
    const b = api.ready();
    out.samePromise = a === b;
    await Promise.all([a, b]);
    await api.ready(); // a third call after loading also resolves
    out.result = api.scan("Ayo coblos nomor 2!");
    out.safe = api.scan("Ayo gunakan hak pilih pada 14 Februari, jangan golput!");
    for (const [name, f] of [
      ["scan42", () => api.scan(42)],
      ["scanNull", () => api.scan(null)],
      ["checkNumber", () => api.check(1, "social_like", {})],
      ["readyNull", () => api.ready(null)],
    ]) {
      try {
        await f(); // ready() may reject instead of throwing: both count
        out[name] = "no error";
      } catch (e) {
        out[name] = { name: e.constructor.name, message: e.message };
      }
    }
    out.check = api.check("pns", "social_like", { stage: "calon" });
    try {
      api.loadPack("{ not json");
      out.badPack = "no error";
    } catch (e) {
      out.badPack = { name: e.constructor.name, message: e.message };
    }
    out.version = api.version();
    return out;
  });
  assert.equal(r.early.name, "Error");
  assert.match(r.early.message, /ready/);
  assert.equal(r.samePromise, true, "concurrent ready() calls share one load");
  assert.equal(r.result.risk, "violation");
  const f = r.result.findings.find((x) => x.rule === "vote.call");
  assert.ok(f, `no vote.call finding: ${JSON.stringify(r.result)}`);
  assert.deepEqual({ start: f.start, end: f.end, text: f.text, category: f.category, severity: f.severity }, {
    start: 4, end: 18, text: "coblos nomor 2", category: "call_to_vote", severity: "violation",
  });
  assert.ok(f.basis.some((b) => b.instrument === "PP 94/2021" && b.provision === "Pasal 5 huruf n"));
  assert.deepEqual(r.safe, { risk: "safe", findings: [] });
  assert.equal(r.scan42.name, "TypeError", JSON.stringify(r.scan42));
  assert.ok(r.scan42.message.length > 10);
  assert.equal(r.scanNull.name, "TypeError", JSON.stringify(r.scanNull));
  assert.equal(r.checkNumber.name, "TypeError", JSON.stringify(r.checkNumber));
  assert.equal(r.readyNull.name, "TypeError", JSON.stringify(r.readyNull));
  assert.equal(r.check.verdict, "prohibited");
  assert.ok(r.badPack !== "no error", "an invalid pack should throw");
  assert.match(r.version.knowledge_base_reviewed, /^\d{4}-\d\d-\d\d$/);
  const urls = page.cn.requests.map((x) => new URL(x.url).pathname);
  assert.equal(urls.filter((u) => u.endsWith(".wasm")).length, 1, `the wasm is fetched once: ${urls.join(" ")}`);
  assert.deepEqual(page.cn.errors, []);
  assertPrivate(page, ["Ayo coblos nomor 2!"]);
});

test("scanner-only API in the browser (core.js): scans without downloading the widget", async () => {
  const page = await env.open("/ceknetral/packs/", { wait: false });
  const r = await page.evaluate(async () => {
    const api = await import("/ceknetral/core.js");
    let early;
    try {
      api.scan("x");
    } catch (e) {
      early = e.message;
    }
    await Promise.all([api.ready(), api.ready()]);
    let typeError;
    try {
      api.scan(42);
    } catch (e) {
      typeError = e.constructor.name;
    }
    return { early, typeError, risk: api.scan("Ayo coblos nomor 2!").risk, hasCheck: typeof api.check };
  });
  assert.match(r.early, /ready/);
  assert.equal(r.typeError, "TypeError");
  assert.equal(r.risk, "violation");
  const urls = page.cn.requests.map((x) => new URL(x.url).pathname);
  const wasm = urls.filter((u) => u.endsWith(".wasm"));
  assert.deepEqual(wasm, ["/ceknetral/core/ceknetral_web_bg.wasm"], `core.js should fetch only the scanner's wasm: ${urls.join(" ")}`);
  assert.ok(!urls.some((u) => u.startsWith("/ceknetral/widget/")), `core.js should not download the widget: ${urls.join(" ")}`);
  assert.deepEqual(page.cn.errors, []);
});

/** The scanner's events since `from`, once one more than `from` has arrived and typing settled. */
async function scannerEventsAfter(page, from) {
  await page.waitForFunction((from) => window.__cnEvents.filter((e) => e.tool === "scanner").length > from, from, { timeout: 10000 });
  // Let any timer still pending fire, then read them all.
  await page.waitForTimeout(400);
  return (await page.evaluate(() => window.__cnEvents)).filter((e) => e.tool === "scanner").slice(from);
}

test("the last event always describes the editor's text: violation, emptied, then a safe draft; a suggestion applied; a pack switched", async () => {
  const page = await env.open("/", { init: collectEvents });
  const w = widget(page);
  await openScanner(page);
  const editor = w.locator("textarea.cn-editor");
  const count = async () => (await page.evaluate(() => window.__cnEvents)).filter((e) => e.tool === "scanner").length;

  // Typed key by key, as a user does.
  await editor.click();
  await page.keyboard.type(PARTISAN, { delay: 5 });
  let events = await scannerEventsAfter(page, 0);
  assert.equal(events[events.length - 1].result.risk, "violation");

  // Select all and delete: the host learns that the editor is empty.
  let n = await count();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  events = await scannerEventsAfter(page, n);
  let last = events[events.length - 1];
  assert.deepEqual(last.result, { risk: "safe", findings: [] });
  assert.equal(last.empty, true, "an emptied editor sends empty: true");

  // A safe draft after the violation: a new event says safe, so a host re-enables its button.
  n = await count();
  await editor.click();
  await page.keyboard.type("Semoga cepat sembuh Bu Kepsek, amin", { delay: 5 });
  events = await scannerEventsAfter(page, n);
  last = events[events.length - 1];
  assert.equal(last.result.risk, "safe");
  assert.equal(await w.locator(".cn-risk-safe").count(), 1);

  // Applying a suggestion: the last event describes the new text.
  await typeDraft(page, PARTISAN);
  n = await count();
  await w.locator(".cn-finding .cn-suggestion button").first().click();
  events = await scannerEventsAfter(page, n);
  last = events[events.length - 1];
  const now = await editor.inputValue();
  for (const f of last.result.findings) assert.equal(now.slice(f.start, f.end), f.text, "the event's offsets are into the text now in the editor");
  assert.notDeepEqual(last.result.findings.map((f) => f.text), ["coblos nomor 2", "Prabowo-Gibran untuk Indonesia"]);

  // Switching the built-in pack off: a new event, and the names it held are no longer found.
  await typeDraft(page, "Prabowo-Gibran untuk Indonesia maju");
  n = await count();
  await w.locator("details.cn-packs summary").click();
  await w.locator("details.cn-packs input[type=checkbox]").first().uncheck();
  events = await scannerEventsAfter(page, n);
  last = events[events.length - 1];
  assert.ok(!last.result.findings.some((f) => /Prabowo/.test(f.text)), JSON.stringify(last.result));
  await w.locator("details.cn-packs input[type=checkbox]").first().check();
  assert.deepEqual(page.cn.errors, []);
});

test("the checker's last event describes what is shown: an answer, then null after Back and after Restart", async () => {
  const page = await env.open("/", { init: collectEvents });
  const w = widget(page);
  const answer = async () => {
    for (const label of ["PNS (termasuk CPNS)", "Media sosial", "Menyukai (like) unggahan calon atau tim pemenangan", "Sudah ditetapkan sebagai calon atau pasangan calon"]) {
      await w.locator(".cn-choice", { hasText: label }).first().click();
    }
    await w.locator("article.cn-card").waitFor();
  };
  const checkerEvents = async () => (await page.evaluate(() => window.__cnEvents)).filter((e) => e.tool === "checker");
  await answer();
  await page.waitForFunction(() => window.__cnEvents.some((e) => e.tool === "checker"));
  assert.equal((await checkerEvents()).pop().result.verdict, "prohibited");
  assert.ok(typeof (await checkerEvents()).pop().result.report_to === "string");

  // "Ubah jawaban" goes back to the last question.
  await w.locator(".cn-btn", { hasText: "Ubah jawaban" }).click();
  await page.waitForFunction(() => window.__cnEvents.filter((e) => e.tool === "checker").length >= 2);
  assert.equal((await checkerEvents()).pop().result, null, "Back: no answer is shown any more");

  await w.locator(".cn-choice", { hasText: "Sudah ditetapkan sebagai calon atau pasangan calon" }).first().click();
  await w.locator("article.cn-card").waitFor();
  await page.waitForFunction(() => window.__cnEvents.filter((e) => e.tool === "checker").length >= 3);
  assert.equal((await checkerEvents()).pop().result.verdict, "prohibited");

  await w.locator(".cn-btn", { hasText: "Mulai lagi" }).click();
  await page.waitForFunction(() => window.__cnEvents.filter((e) => e.tool === "checker").length >= 4);
  assert.equal((await checkerEvents()).pop().result, null, "Restart: no answer is shown any more");
  assert.deepEqual(page.cn.errors, []);
});
