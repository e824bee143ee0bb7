// The user's own say on a finding: "Abaikan" (ignored for this wording in this browser,
// undone by "tampilkan lagi") and "Laporkan salah deteksi" (a report the user reads, edits,
// copies or e-mails; the widget sends nothing).
import { test } from "node:test";
import assert from "node:assert/strict";
import { e2e, widget, openScanner, typeDraft, settled, assertPrivate, PARTISAN } from "./support.mjs";

const env = e2e();

function collectEvents() {
  window.__cnEvents = [];
  document.addEventListener("cek-netral:result", (e) => {
    if (e.detail && e.detail.tool === "scanner") window.__cnEvents.push(JSON.parse(JSON.stringify(e.detail.result)));
  });
}

const stored = (page) => page.evaluate(() => localStorage.getItem("ceknetral.ignored.v1"));

test("Abaikan hides a wording here and on reload, the banner counts only the rest, the event marks it, and 'tampilkan lagi' undoes it", async () => {
  const page = await env.open("/", { init: collectEvents });
  const w = widget(page);
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  await settled(page);
  assert.equal(await w.locator(".cn-finding").count(), 2);
  const marks = await w.locator(".cn-mirror mark").count();

  // By keyboard: focus the first finding's Abaikan and press Enter.
  const first = await w.locator(".cn-finding .cn-quote").first().innerText();
  await w.locator(".cn-finding .cn-btn-ignore").first().focus();
  await page.keyboard.press("Enter");
  await w.locator(".cn-finding").nth(1).waitFor({ state: "detached" });
  assert.equal(await w.locator(".cn-finding").count(), 1);
  assert.ok((await w.locator(".cn-mirror mark").count()) < marks, "the ignored words are no longer highlighted");
  assert.match(await w.locator(".cn-ignored").innerText(), /^1 diabaikan, tampilkan lagi/);

  // Stored as a hash of rule and words: never the post.
  const raw = await stored(page);
  const keys = JSON.parse(raw);
  assert.equal(keys.length, 1);
  assert.match(keys[0], /^[0-9a-f]{16}$/);
  assert.ok(!raw.includes("coblos") && !raw.includes("Prabowo"));

  // The event keeps the ignored finding, marked.
  await page.waitForFunction((t) => window.__cnEvents.some((r) => r.findings.some((f) => f.ignored === true && f.text === t)), first);
  const last = (await page.evaluate(() => window.__cnEvents)).pop();
  assert.equal(last.findings.length, 2);
  assert.equal(last.findings.filter((f) => f.ignored).length, 1);

  // Ignoring the other one too: the banner no longer says violation.
  await w.locator(".cn-finding .cn-btn-ignore").first().click();
  await w.locator(".cn-risk-violation").waitFor({ state: "detached" });
  assert.equal(await w.locator(".cn-finding").count(), 0);
  await page.waitForFunction(() => window.__cnEvents.length && window.__cnEvents[window.__cnEvents.length - 1].risk !== "violation");

  // On reload the same wording stays ignored.
  await page.reload();
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  await settled(page);
  assert.equal(await w.locator(".cn-finding").count(), 0);
  assert.match(await w.locator(".cn-ignored").innerText(), /^2 diabaikan/);

  // "tampilkan lagi" brings them back and forgets them.
  await w.locator(".cn-ignored .cn-btn-show").click();
  await w.locator(".cn-finding").nth(1).waitFor();
  await w.locator(".cn-risk-violation").waitFor();
  assert.deepEqual(JSON.parse(await stored(page)), []);
  assertPrivate(page, [PARTISAN]);
  assert.deepEqual(page.cn.errors, []);
});

test("Laporkan salah deteksi: a report the user sees and edits (rule, words, 15 characters either side, versions), copied to the clipboard; no e-mail link without report-to", async () => {
  const page = await env.open("/");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const w = widget(page);
  await openScanner(page);
  const draft = "Catatan rapat RT tentang kebersihan selokan minggu depan. " + PARTISAN + " Terima kasih bapak ibu semua.";
  await typeDraft(page, draft);
  await settled(page);
  await w.locator(".cn-finding .cn-btn-report").first().click();
  const area = w.locator(".cn-false-report textarea");
  await area.waitFor();
  const focusedClass = await page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a && a.className;
  });
  assert.match(focusedClass, /cn-report-text/, "the focus moves into the report");
  const text = await area.inputValue();
  assert.match(text, /Aturan: vote\.call/);
  assert.match(text, /Kata yang ditandai: "coblos nomor 2"/);
  assert.match(text, /Versi: widget \d+\.\d+\.\d+, basis pengetahuan \d{4}-\d{2}-\d{2}/);
  const ctx = /Konteks: "…(.*)\[coblos nomor 2\](.*)…"/.exec(text);
  assert.ok(ctx, text);
  assert.ok(ctx[1].length <= 15 && ctx[2].length <= 15, `context at most 15 characters either side: ${ctx[0]}`);
  assert.ok(!text.includes("selokan") && !text.includes("Terima kasih"), "nothing else of the post");
  assert.equal(await w.locator(".cn-false-report a.cn-mail").count(), 0, "no e-mail without report-to");

  // The user's edit is what gets copied.
  await area.press("End");
  await area.pressSequentially("salah, ini kutipan berita");
  await w.locator(".cn-false-report .cn-btn-copy").click();
  await w.locator(".cn-false-report .cn-status", { hasText: "Laporan disalin." }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.endsWith("salah, ini kutipan berita"), copied);
  assert.match(copied, /Aturan: vote\.call/);
  // Tutup closes it.
  await w.locator(".cn-false-report .cn-btn-quiet", { hasText: "Tutup" }).click();
  assert.equal(await w.locator(".cn-false-report").count(), 0);
  assertPrivate(page, [draft]);
  assert.deepEqual(page.cn.errors, []);
});

test("with reportTo the report can be e-mailed (a mailto: link the user follows), in English too; a reportTo that is not mailto: is refused", async () => {
  const page = await env.open("/ceknetral/packs/", { wait: false });
  const refused = await page.evaluate(async () => {
    const m = await import("/ceknetral/ceknetral.js");
    const div = document.createElement("div");
    div.id = "slot";
    document.body.append(div);
    await m.mount(div, { mode: "scanner", lang: "en", reportTo: "mailto:netralitas@example.go.id" });
    try {
      await m.mount(document.body.appendChild(document.createElement("div")), { mode: "scanner", reportTo: "https://evil.example/collect" });
      return "";
    } catch (e) {
      return String(e && e.message);
    }
  });
  assert.match(refused, /reportTo must be a mailto: address/);
  await page.locator("#slot textarea.cn-editor").fill(PARTISAN);
  await page.waitForFunction(() => document.querySelector("#slot").shadowRoot.querySelector('.cn-scanner[data-settled="true"] .cn-finding'));
  await page.locator("#slot .cn-finding .cn-btn-report", { hasText: "Report a false alarm" }).first().click();
  const href = await page.locator("#slot .cn-false-report a.cn-mail").getAttribute("href");
  assert.ok(href.startsWith("mailto:netralitas@example.go.id?subject="), href);
  const body = decodeURIComponent(href.split("&body=")[1]);
  assert.match(body, /^CekNetral false-alarm report\nRule: /);
  assert.equal(await page.locator("#slot .cn-finding .cn-btn-ignore").first().innerText(), "Ignore");
});
