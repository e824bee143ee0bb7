// "Atau tulis pertanyaan Anda": the checker's question box on the demo page, by keyboard, in
// both languages, with the combobox pattern a screen reader announces.
import { test } from "node:test";
import assert from "node:assert/strict";
import { e2e, widget, focused, axeSerious, describeViolations, screenshot, assertPrivate } from "./support.mjs";

const env = e2e();

async function typeQuestion(page, text) {
  const box = widget(page).locator("#cn-ask-input");
  await box.focus();
  await page.keyboard.type(text, { delay: 2 });
  return box;
}

test("question box: typed question, interpretations as a listbox, picked by keyboard, then the checker's answer", async () => {
  const page = await env.open("/", { width: 1280 });
  const w = widget(page);
  const box = await typeQuestion(page, "bolehkah saya guru PNS like postingan caleg yang sudah ditetapkan KPU?");
  const list = w.locator("#cn-ask-list");
  await list.locator('[role="option"]').first().waitFor();
  assert.equal(await box.getAttribute("role"), "combobox");
  assert.equal(await box.getAttribute("aria-expanded"), "true");
  assert.equal(await box.getAttribute("aria-controls"), "cn-ask-list");
  assert.equal(await list.getAttribute("role"), "listbox");
  const options = (await list.locator('[role="option"]').allInnerTexts()).map((t) => t.trim());
  assert.ok(options.length >= 2 && options.length <= 4, JSON.stringify(options));
  assert.equal(options[0], "PNS (termasuk CPNS) · Menyukai (like) unggahan calon atau tim pemenangan");
  assert.equal(options[options.length - 1], "Bukan ini: pilih sendiri");
  // The status tells a screen reader how many suggestions there are.
  assert.match(await w.locator(".cn-ask .cn-status").innerText(), /saran/);
  await page.keyboard.press("ArrowDown");
  assert.equal(await box.getAttribute("aria-activedescendant"), "cn-ask-opt-0");
  assert.equal(await list.locator('[aria-selected="true"]').count(), 1);
  await screenshot(page, "ask-suggestions");
  await page.keyboard.press("Enter");
  // Role, activity and the stated fact (sudah ditetapkan) are answered: the answer shows.
  const verdict = w.locator(".cn-verdict");
  await verdict.waitFor();
  assert.match(await verdict.innerText(), /Dilarang/);
  await page.waitForFunction(() => /#cek=pns\/media_sosial\/social_like\/stage=calon/.test(location.hash));
  assertPrivate(page, ["ditetapkan KPU"]);
});

test("question box: no role named, the role question comes first with the activity kept; English; out of scope", async () => {
  const page = await env.open("/", { width: 390, height: 844 });
  const w = widget(page);
  await typeQuestion(page, "boleh gak pasang twibbon capres di foto profil?");
  await w.locator('#cn-ask-list [role="option"]').first().waitFor();
  assert.match(await w.locator("#cn-ask-opt-0").innerText(), /^Peran dipilih berikutnya · Memasang foto profil/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  // Still the role question; choosing a role goes straight to the answer's next step.
  await w.locator(".cn-choice", { hasText: "Kepala desa" }).first().click();
  await w.locator(".cn-question, .cn-verdict").first().waitFor();
  await page.waitForFunction(() => /#cek=kepala_desa\/media_sosial\/profile_picture_support/.test(location.hash));
  // Out of scope: said plainly, with the groups, no guess.
  const other = await env.open("/", { width: 1280 });
  const ow = widget(other);
  await ow.locator(".cn-lang").click();
  await ow.locator("#cn-ask-input").waitFor();
  await typeQuestion(other, "may a civil servant sell things online?");
  await ow.locator(".cn-ask-none").waitFor();
  assert.match(await ow.locator(".cn-ask-none").innerText(), /There is no answer to this question yet/);
  assert.equal(await ow.locator('#cn-ask-list [role="option"]').count(), 0);
  assert.equal(await ow.locator("#cn-ask-input").getAttribute("aria-expanded"), "false");
  // English interpretations of an Indonesian question.
  await ow.locator("#cn-ask-input").fill("");
  await typeQuestion(other, "honorer boleh jadi saksi partai di tps?");
  await ow.locator("#cn-ask-opt-0").waitFor();
  assert.match(await ow.locator("#cn-ask-opt-0").innerText(), /^Non-ASN government staff .* · Be a party or candidate witness/);
  // "None of these": the box empties and the questions stay.
  await other.keyboard.press("ArrowUp");
  assert.match(await ow.locator('#cn-ask-list [aria-selected="true"]').innerText(), /None of these/);
  await other.keyboard.press("Enter");
  assert.equal(await ow.locator("#cn-ask-input").inputValue(), "");
  const violations = await axeSerious(other);
  assert.deepEqual(violations, [], describeViolations(violations));
});
