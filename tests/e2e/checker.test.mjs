// The checker ("Apakah ini boleh?") on the demo page, used with the keyboard only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { e2e, widget, focused, tabUntil, LAST_REVIEWED, assertPrivate, screenshot } from "./support.mjs";

const env = e2e();

// kb/roles.toml, kb/activities.toml, kb/facts.toml (stage) and kb/outcomes/media_sosial.toml
// (asn_social_like: prohibited; PP 94/2021 Pasal 5 huruf n, SKB 2022 disiplin nomor 6).
const ROLE = "PNS (termasuk CPNS)";
const GROUP = "Media sosial";
const ACTIVITY = "Menyukai (like) unggahan calon atau tim pemenangan";
const STAGE = "Sudah ditetapkan sebagai calon atau pasangan calon";
const FRAGMENT = "#cek=pns/media_sosial/social_like/stage=calon";

const isChoice = (label) => (f) => f.inWidget && f.tag === "button" && f.className.includes("cn-choice") && f.text.startsWith(label);
const isButton = (label) => (f) => f.inWidget && f.tag === "button" && f.text === label;

/** The current question's heading text. */
const questionText = (page) => widget(page).locator("h2.cn-h").innerText();

/** After an answer the focus must be on the new question's heading, inside the widget. */
async function assertFocusOnQuestion(page, before) {
  await page.waitForFunction((before) => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a && a.matches("h2.cn-h") && a.textContent.trim() !== before;
  }, before);
  const f = await focused(page);
  assert.equal(f.tag, "h2", `focus should be on the new question, is on ${JSON.stringify(f)}`);
  assert.notEqual(f.text, before, "the focused heading should be the new question");
  return f.text;
}

test("checker by keyboard only: PNS, Media sosial, like, stage -> Dilarang with citations; URL state survives a reload; Back keeps answers", async () => {
  const page = await env.open("/");
  const w = widget(page);

  // Step 1: the role. Tab into the widget past the PNS choice, then Shift+Tab back to it.
  await tabUntil(page, isChoice("PPPK"), { what: "the PPPK choice" });
  let f = await tabUntil(page, isChoice(ROLE), { key: "Shift+Tab", max: 3, what: "the PNS choice" });
  assert.equal(f.pressed, "false");
  let q = await questionText(page);
  await page.keyboard.press("Enter");
  q = await assertFocusOnQuestion(page, q);

  // Step 2: the group, with Space.
  await tabUntil(page, isChoice(GROUP), { what: `the "${GROUP}" choice` });
  await page.keyboard.press("Space");
  q = await assertFocusOnQuestion(page, q);

  // Step 3: the activity, with Enter.
  await tabUntil(page, isChoice(ACTIVITY), { what: `the "${ACTIVITY}" choice` });
  await page.keyboard.press("Enter");
  q = await assertFocusOnQuestion(page, q);
  assert.match(q, /ditetapkan resmi oleh KPU/, "the stage fact should be asked for PNS + like");

  // Step 4: the stage fact, with Space.
  await tabUntil(page, isChoice(STAGE), { what: `the "${STAGE}" choice` });
  await page.keyboard.press("Space");
  await assertFocusOnQuestion(page, q);

  // The result card.
  const card = w.locator("article.cn-card");
  await card.waitFor();
  assert.match(await card.getAttribute("class"), /cn-prohibited/);
  assert.match(await w.locator(".cn-verdict").innerText(), /Dilarang/);
  const cites = await w.locator(".cn-card .cn-cite").allInnerTexts();
  assert.ok(
    cites.some((c) => c.includes("PP 94/2021 Pasal 5 huruf n")) && cites.some((c) => c.startsWith("SKB 2022")),
    `the card should cite PP 94/2021 Pasal 5 huruf n and SKB 2022; it cites: ${cites.join(" | ")}`,
  );
  const cardText = await card.innerText();
  assert.ok(cardText.includes(`terakhir ditinjau: ${LAST_REVIEWED}`), `the card should show the last-reviewed date ${LAST_REVIEWED}:\n${cardText}`);
  assert.match(cardText, /Sanksi/);
  await screenshot(page, "checker-keyboard-result");

  // The URL fragment holds the state; reloading it shows the same result.
  const url = page.url();
  assert.equal(new URL(url).hash, FRAGMENT);
  await page.reload();
  await card.waitFor();
  assert.equal(await card.innerText(), cardText, "the reloaded result card should be the same");

  // Back (the "Ubah jawaban" button, then "Kembali") keeps each earlier answer selected.
  q = await questionText(page);
  await tabUntil(page, isButton("Ubah jawaban"), { what: 'the "Ubah jawaban" button' });
  await page.keyboard.press("Enter");
  q = await assertFocusOnQuestion(page, q);
  assert.equal(await w.locator(`.cn-choice[aria-pressed="true"] .cn-choice-label`).innerText(), STAGE);
  await tabUntil(page, isButton("Kembali"), { what: 'the "Kembali" button' });
  await page.keyboard.press("Enter");
  await assertFocusOnQuestion(page, q);
  assert.equal(await w.locator(`.cn-choice[aria-pressed="true"] .cn-choice-label`).innerText(), ACTIVITY);
  assert.equal(await w.locator(".cn-choice[aria-pressed=true]").count(), 1);
  // The other choices are not pressed.
  assert.ok((await w.locator('.cn-choice[aria-pressed="false"]').count()) > 0);
  assert.equal(new URL(page.url()).hash, "#cek=pns/media_sosial", "going back shortens the URL state");

  assert.deepEqual(page.cn.errors, [], "no page errors");
  assertPrivate(page);
});

test("checker result from a shared link: the fragment alone opens the result card", async () => {
  const page = await env.open("/" + FRAGMENT);
  const w = widget(page);
  await w.locator("article.cn-card.cn-prohibited").waitFor();
  assert.match(await w.locator(".cn-verdict").innerText(), /Dilarang/);
  // A broken or stale fragment starts at the first question instead of failing.
  const bad = await env.open("/#cek=pns/no_such_group");
  await widget(bad).locator(".cn-choice").first().waitFor();
  assert.match(await widget(bad).locator("h2.cn-h").innerText(), /Siapa Anda/);
  assert.deepEqual([...page.cn.errors, ...bad.cn.errors], []);
});

test("tool tabs by keyboard: ArrowRight/ArrowLeft select the other tab and move the focus to it (WAI-ARIA tabs)", async () => {
  const page = await env.open("/");
  const w = widget(page);
  await tabUntil(page, (f) => f.id === "cn-tab-checker", { what: "the checker tab" });
  await page.keyboard.press("ArrowRight");
  await w.locator('#cn-tab-scanner[aria-selected="true"]').waitFor();
  assert.equal(await w.locator("#cn-tab-scanner").getAttribute("tabindex"), "0");
  assert.equal(await w.locator("#cn-tab-checker").getAttribute("tabindex"), "-1");
  assert.equal(await w.locator("textarea.cn-editor").count(), 1, "the scanner panel is shown");
  let f = await focused(page);
  assert.equal(f.id, "cn-tab-scanner", `after ArrowRight the focus should be on the selected scanner tab, is on ${JSON.stringify(f)}`);
  await page.keyboard.press("ArrowLeft");
  await w.locator('#cn-tab-checker[aria-selected="true"]').waitFor();
  f = await focused(page);
  assert.equal(f.id, "cn-tab-checker", `after ArrowLeft the focus should be on the selected checker tab, is on ${JSON.stringify(f)}`);
});

test("scanner by keyboard only: reach the editor, type a partisan draft, apply a suggestion with Enter", async () => {
  const page = await env.open("/");
  const w = widget(page);
  await tabUntil(page, (f) => f.id === "cn-tab-checker", { what: "the checker tab" });
  await page.keyboard.press("ArrowRight");
  await w.locator('#cn-tab-scanner[aria-selected="true"]').waitFor();
  await tabUntil(page, (f) => f.id === "cn-editor", { what: "the scanner's textarea" });
  await page.keyboard.type("Ayo coblos nomor 2!");
  await w.locator(".cn-risk-violation").waitFor();
  await tabUntil(page, (f) => f.tag === "button" && f.text === "Pakai usulan ini", { what: 'the "Pakai usulan ini" button' });
  await page.keyboard.press("Enter");
  await w.locator(".cn-risk-safe").waitFor();
  assert.equal(await w.locator("textarea.cn-editor").inputValue(), "Ayo gunakan hak pilih pada 14 Februari!");
  const f = await focused(page);
  assert.equal(f.id, "cn-editor", "after applying a suggestion the focus is back in the editor");
});

test("'Salin tautan hasil' copies the result's link to the clipboard", async () => {
  const page = await env.open("/" + FRAGMENT);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const w = widget(page);
  await w.locator(".cn-btn", { hasText: "Salin tautan hasil" }).click();
  await w.locator(".cn-result-view .cn-status", { hasText: "Tautan disalin" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  assert.equal(new URL(copied).hash, FRAGMENT);
  assert.deepEqual(page.cn.errors, []);
});

test("'Salin tautan hasil' without a usable clipboard (refused, or absent as on http:// portals): no false 'Tautan disalin', no uncaught error", async () => {
  const scenarios = {
    // As on a page without clipboard permission.
    refused: () => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    },
    // navigator.clipboard only exists in secure contexts: a portal on plain http:// has none.
    absent: () => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true }),
  };
  const problems = [];
  for (const [name, breakClipboard] of Object.entries(scenarios)) {
    const page = await env.open("/" + FRAGMENT);
    await page.evaluate(breakClipboard);
    const w = widget(page);
    await w.locator(".cn-btn", { hasText: "Salin tautan hasil" }).click();
    await page.waitForTimeout(300);
    const status = (await w.locator(".cn-result-view .cn-status").innerText()).trim();
    if (status === "Tautan disalin") problems.push(`${name}: the widget says "Tautan disalin" although nothing was copied`);
    if (page.cn.errors.length) problems.push(`${name}: uncaught error: ${page.cn.errors[0].split("\n")[0]}`);
    // The widget still works afterwards.
    await w.locator(".cn-btn", { hasText: "Ubah jawaban" }).click();
    await w.locator(".cn-choice[aria-pressed=true]").waitFor();
  }
  assert.deepEqual(problems, []);
});
