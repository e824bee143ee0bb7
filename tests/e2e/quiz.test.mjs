// "Latihan", the training quiz (mode="quiz" on www/latihan.html, and the third tab of
// mode="all"): self-study by keyboard to a score and a printable summary, presenter mode by
// keyboard, a shared link giving the same quiz, accessibility and screenshots.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2e, widget, focused, axeSerious, describeViolations, screenshot, assertPrivate, ROOT } from "./support.mjs";

const env = e2e();

/** The quiz the CLI prints for a link: the widget must ask the same questions. */
function cliQuiz(link, lang = "id") {
  const bin = process.env.CEKNETRAL_BIN || path.join(ROOT, "target", "release", "ceknetral");
  return JSON.parse(execFileSync(bin, ["quiz", "--link", link, "--lang", lang, "--json"], { encoding: "utf8" }));
}

async function questionText(page) {
  return (await widget(page).locator(".cn-quiz-q").innerText()).trim();
}

test("quiz: self-study by keyboard only, to the score, the review of mistakes and the printable summary", async () => {
  const page = await env.open("/latihan.html", { width: 360, height: 780 });
  const w = widget(page);
  await screenshot(page, "quiz-setup-360");
  // 5 questions for village roles, by keyboard.
  await w.locator('input[name="cn-quiz-count"]').first().focus();
  await page.keyboard.press("Space");
  const desa = w.locator(".cn-quiz-opt", { hasText: "Kepala desa, perangkat desa, BPD" }).locator("input");
  await desa.focus();
  await page.keyboard.press("Space");
  assert.ok(await desa.isChecked());
  await w.locator(".cn-quiz-start").focus();
  await page.keyboard.press("Enter");
  await w.locator(".cn-quiz-q").waitFor();
  // The URL now holds the quiz (written just after the render: waited for); the CLI prints
  // the same questions for it.
  await page.waitForFunction(() => location.hash.startsWith("#kuis="));
  const link = new URL(page.url()).hash.slice(1);
  assert.match(link, /^kuis=[0-9a-z]+-5-desa-semua$/);
  const expected = cliQuiz(link);
  assert.equal(expected.items.length, 5);
  let right = 0;
  for (let i = 0; i < 5; i++) {
    // The focus is on the question (for screen readers; moved just after the render).
    await page.waitForFunction(() => document.querySelector("cek-netral").shadowRoot.activeElement?.classList.contains("cn-quiz-q"));
    const item = expected.items[i];
    if (item.kind === "scenario") assert.equal(await questionText(page), item.text);
    else assert.equal(await questionText(page), "Mana yang aman diunggah?");
    // Answer the first two right, the rest wrong, always with the keyboard.
    const answers = w.locator(".cn-quiz-answer");
    const key = item.kind === "scenario" ? ["allowed", "conditional", "prohibited"].indexOf(item.answer) : item.safe;
    const pick = i < 2 ? key : (key + 1) % 3;
    await answers.nth(pick).focus();
    await page.keyboard.press("Enter");
    const feedback = w.locator(".cn-quiz-feedback");
    await feedback.waitFor();
    assert.equal(await feedback.getAttribute("role"), "status");
    const text = await feedback.innerText();
    if (i < 2) {
      right++;
      assert.match(text, /Benar!/);
    } else {
      assert.match(text, /Belum tepat\./);
    }
    if (item.kind === "scenario") {
      // The checker's own card: the basis and the sanctions.
      assert.match(text, /Dasar hukum/);
      assert.match(text, /Sanksi/);
    }
    if (i === 0) await screenshot(page, "quiz-feedback-360");
    await w.locator(".cn-quiz-next").focus();
    await page.keyboard.press("Enter");
  }
  const done = w.locator(".cn-quiz-done");
  await done.waitFor();
  assert.match(await done.locator("h2").innerText(), new RegExp(`Skor ${right} / 5`));
  assert.equal((await w.locator(".cn-quiz-review > li").count()), 3);
  assert.match(await w.locator(".cn-quiz-review").innerText(), /Jawaban yang tepat/);
  // The summary: a typed name, the date, the knowledge base's version, the link.
  await w.locator("#cn-quiz-name").fill("Ni Luh Putu");
  const summary = await w.locator(".cn-quiz-summary").innerText();
  assert.match(summary, /\d{4}-\d{2}-\d{2}/);
  assert.match(summary, /Basis pengetahuan terakhir ditinjau/);
  assert.ok(summary.includes(link));
  await page.emulateMedia({ media: "print" });
  assert.equal(await w.locator(".cn-actions").first().isVisible(), false, "buttons are not printed");
  await screenshot(page, "quiz-summary-print");
  await page.emulateMedia({ media: "screen" });
  // The name stays on the device: no request carries it, nothing is stored.
  assertPrivate(page, ["Ni Luh Putu"]);
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes("Ni Luh")), false);
  // axe at the phone width too, where the language button shows only "EN" (its accessible
  // name includes it: "Switch to English, EN"; axe ignores words in parentheses).
  const violations = await axeSerious(page);
  assert.deepEqual(violations, [], describeViolations(violations));
});

test("quiz: a shared link gives the same quiz in the same order, in both languages", async () => {
  const link = "kuis=k3x9-10-semua-semua";
  const id = cliQuiz(link, "id");
  const page = await env.open(`/latihan.html#${link}`, { width: 1280 });
  const w = widget(page);
  await w.locator(".cn-quiz-q").waitFor();
  for (let i = 0; i < 3; i++) {
    const item = id.items[i];
    assert.equal(await questionText(page), item.kind === "scenario" ? item.text : "Mana yang aman diunggah?");
    if (item.kind === "post") {
      assert.deepEqual((await w.locator(".cn-quiz-answer").allInnerTexts()).map((t) => t.trim()), item.drafts);
    }
    await w.locator(".cn-quiz-answer").first().click();
    await w.locator(".cn-quiz-next").click();
  }
  await screenshot(page, "quiz-1280");
  // A second visitor with the link, in English: the same people in the same situations.
  const en = cliQuiz(link, "en");
  const other = await env.open(`/latihan.html#${link}`, { width: 320, height: 700 });
  await widget(other).locator(".cn-lang").click();
  await widget(other).locator(".cn-quiz-q").waitFor();
  assert.equal(await questionText(other), en.items[0].kind === "scenario" ? en.items[0].text : "Which one is safe to post?");
  await screenshot(other, "quiz-320-en");
  // axe at 320 px, in English: the button shows "ID" under the name "Ganti ke Bahasa
  // Indonesia, ID".
  const violations = await axeSerious(other);
  assert.deepEqual(violations, [], describeViolations(violations));
});

test("quiz: presenter mode by keyboard at 1920x1080, no score", async () => {
  const fresh = await env.open("/latihan.html", { width: 1920, height: 1080 });
  const fw = widget(fresh);
  const asn = fw.locator(".cn-quiz-opt", { hasText: "ASN (PNS dan PPPK)" }).locator("input");
  await asn.check();
  await fw.locator(".cn-quiz-opt", { hasText: "Mode presentasi" }).locator("input").check();
  await fw.locator('input[name="cn-quiz-count"]').first().check();
  await fw.locator(".cn-quiz-start").click();
  const stage = fw.locator(".cn-presenter");
  await stage.waitFor();
  // The stage takes the focus (just after the render: waited for), so the keys work at once.
  await fresh.waitForFunction(() => document.querySelector("cek-netral").shadowRoot.activeElement?.className === "cn-quiz cn-presenter");
  assert.match(await fw.locator(".cn-present-count").innerText(), /^1 \/ 5$/);
  assert.equal(await fw.locator(".cn-present-answer").count(), 0);
  await fresh.keyboard.press("Space");
  await fw.locator(".cn-present-answer").waitFor();
  assert.equal(await fw.locator(".cn-present-right").count(), 1);
  await screenshot(fresh, "quiz-presenter-1920");
  await fresh.keyboard.press("ArrowRight");
  assert.match(await fw.locator(".cn-present-count").innerText(), /^2 \/ 5$/);
  assert.equal(await fw.locator(".cn-present-answer").count(), 0);
  await fresh.keyboard.press("ArrowLeft");
  assert.match(await fw.locator(".cn-present-count").innerText(), /^1 \/ 5$/);
  for (let i = 0; i < 12; i++) await fresh.keyboard.press("Space");
  assert.match(await fw.locator(".cn-present-count").innerText(), /^5 \/ 5$/);
  // No score anywhere in presenter mode.
  assert.equal(await fw.locator(".cn-quiz-done, .cn-quiz-feedback").count(), 0);
  const violations = await axeSerious(fresh);
  assert.deepEqual(violations, [], describeViolations(violations));
  // With the `presenter` attribute, a shared link opens straight on the stage.
  const link = "kuis=2a-5-asn-semua";
  const direct = await env.open(`/latihan.html#${link}`, {
    width: 1920,
    height: 1080,
    setup: async (p) => {
      await p.route("**/latihan.html", async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, body: (await res.text()).replace('mode="quiz"', 'mode="quiz" presenter') });
      });
    },
  });
  await widget(direct).locator(".cn-presenter").waitFor();
  const first = cliQuiz(link).items[0];
  assert.equal((await widget(direct).locator(".cn-present-q").innerText()).trim(), first.kind === "scenario" ? first.text : "Mana yang aman diunggah?");
});

test("quiz: mode=all shows the three tools as tabs; arrow keys reach Latihan", async () => {
  const page = await env.open("/latihan.html", {
    width: 1280,
    setup: async (p) => {
      await p.route("**/latihan.html", async (route) => {
        const res = await route.fetch();
        const body = (await res.text()).replace('mode="quiz"', 'mode="all"');
        await route.fulfill({ response: res, body });
      });
    },
  });
  const w = widget(page);
  assert.deepEqual(await w.locator('[role="tab"]').allInnerTexts(), ["Apakah ini boleh?", "Cek sebelum posting", "Latihan"]);
  await w.locator("#cn-tab-checker").focus();
  await page.keyboard.press("ArrowLeft");
  assert.equal((await focused(page)).id, "cn-tab-quiz");
  await w.locator(".cn-quiz-start").waitFor();
  assert.equal(await w.locator('[role="tabpanel"]').getAttribute("aria-labelledby"), "cn-tab-quiz");
});
