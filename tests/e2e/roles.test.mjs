// The two tools joined and the role respected: a finding opens the checker at its activity
// ("Apakah ini boleh untuk saya?"), the scanner cites the basis for the role the user chose
// (or the host gave with role="..."), and "Cara melapor" names the channels for the role.
import { test } from "node:test";
import assert from "node:assert/strict";
import { e2e, widget, openScanner, typeDraft, settled, assertPrivate, PARTISAN } from "./support.mjs";

const env = e2e();

/** The summary and lines of the first finding's basis. */
async function firstBasis(w) {
  const d = w.locator(".cn-finding .cn-finding-basis").first();
  await d.locator("summary").click();
  return { title: await d.locator("summary").innerText(), lines: await d.locator("li").allInnerTexts() };
}

test("without a role the finding cites the rule's basis; after choosing 'Kepala desa' in the checker it cites the village law", async () => {
  const page = await env.open("/");
  const w = widget(page);
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  let b = await firstBasis(w);
  assert.equal(b.title, "Dasar hukum");
  assert.ok(b.lines.some((l) => l.startsWith("PP 94/2021")), JSON.stringify(b));

  // Choose the role in the checker, come back to the scanner.
  await w.locator("#cn-tab-checker").click();
  await w.locator(".cn-choice", { hasText: "Kepala desa" }).first().click();
  await w.locator("#cn-tab-scanner").click();
  await typeDraft(page, PARTISAN);
  await settled(page);
  b = await firstBasis(w);
  assert.match(b.title, /^Dasar hukum untuk Kepala desa/);
  assert.ok(b.lines.some((l) => l.startsWith("UU 6/2014")), JSON.stringify(b));
  assert.ok(!b.lines.some((l) => l.startsWith("PP 94/2021")), "a village head is not cited the civil servants' discipline rule");

  // "Cara melapor" on the violation banner names the village head's channel.
  const report = w.locator(".cn-scanner details.cn-report");
  await report.locator("summary").click();
  const text = await report.innerText();
  assert.match(text, /bupati/);
  assert.equal(await report.locator("a").getAttribute("href"), "https://sigaplapor.bawaslu.go.id");
  assertPrivate(page, [PARTISAN]);
  assert.deepEqual(page.cn.errors, []);
});

test("'Apakah ini boleh untuk saya?' opens the checker at the finding's activity: the answer for a chosen role, the role question first without one", async () => {
  // Without a role: the role question, then straight on to the activity's own question.
  let page = await env.open("/");
  let w = widget(page);
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  await w.locator(".cn-finding .cn-btn-ask").first().click();
  await w.locator('#cn-tab-checker[aria-selected="true"]').waitFor();
  assert.equal(await w.locator("h2.cn-h").innerText(), "Siapa Anda?");
  await w.locator(".cn-choice", { hasText: "PNS (termasuk CPNS)" }).first().click();
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes("pns/media_sosial/social_post_support"));
  assert.match(await w.locator("h2.cn-h").innerText(), /ditetapkan/i, "the next question is the activity's fact, not the group");
  await page.context().close();

  // With a role chosen before: the answer card at once, by keyboard too.
  page = await env.open("/");
  w = widget(page);
  await w.locator(".cn-choice", { hasText: "Kepala desa" }).first().click();
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  const ask = w.locator(".cn-finding .cn-btn-ask").first();
  await ask.focus();
  await page.keyboard.press("Enter");
  await w.locator("article.cn-card").waitFor();
  assert.match(await w.locator(".cn-verdict").innerText(), /Dilarang/);
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes("kepala_desa/media_sosial/social_post_support"));
  // The prohibited answer offers "Cara melapor" with the role's channels.
  const report = w.locator("article.cn-card details.cn-report");
  await report.locator("summary").click();
  assert.match(await report.innerText(), /UU 6\/2014/);
  assert.deepEqual(page.cn.errors, []);
});

test("a host's role: mount({ role }) makes the scanner cite that role's basis, in English too; an unknown role is refused", async () => {
  const page = await env.open("/ceknetral/packs/", { wait: false });
  const out = await page.evaluate(async () => {
    const m = await import("/ceknetral/ceknetral.js");
    const div = document.createElement("div");
    div.id = "slot";
    document.body.append(div);
    await m.mount(div, { mode: "scanner", lang: "en", role: "polri" });
    let refused = "";
    try {
      await m.mount(document.body.appendChild(document.createElement("div")), { mode: "scanner", role: "astronaut" });
    } catch (e) {
      refused = String(e && e.message);
    }
    return { refused };
  });
  assert.match(out.refused, /unknown role "astronaut"/);
  const editor = page.locator("#slot textarea.cn-editor");
  await editor.fill(PARTISAN);
  await page.locator("#slot .cn-risk-violation").waitFor();
  await page.waitForFunction(() => document.querySelector("#slot").shadowRoot.querySelector('.cn-scanner[data-settled="true"] .cn-finding'));
  const d = page.locator("#slot .cn-finding .cn-finding-basis").first();
  await d.locator("summary").click();
  assert.match(await d.locator("summary").innerText(), /^Legal basis for Police member/);
  assert.ok((await d.locator("li").allInnerTexts()).some((l) => l.startsWith("UU 2/2002")));
  // The scanner alone has no checker to open.
  assert.equal(await page.locator("#slot .cn-btn-ask").count(), 0);
  // "How to report" names Propam.
  const report = page.locator("#slot details.cn-report");
  await report.locator("summary").click();
  assert.match(await report.innerText(), /Propam/);
});
