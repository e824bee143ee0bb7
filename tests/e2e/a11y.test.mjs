// Accessibility: axe-core (node_modules/axe-core) on the demo page's three main states and on
// both portal pages; any violation with impact "serious" or "critical" fails the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { e2e, widget, openScanner, typeDraft, axeSerious, describeViolations, PARTISAN } from "./support.mjs";

const env = e2e();

async function check(page, where) {
  const serious = await axeSerious(page);
  if (serious.length) console.log(`axe on ${where}:\n${describeViolations(serious)}`);
  assert.equal(serious.length, 0, `axe found ${serious.length} serious or critical violation(s) on ${where}:\n${describeViolations(serious)}`);
}

test("axe: demo page, checker question", async () => {
  const page = await env.open("/");
  await check(page, "the demo's first checker question");
  await widget(page).locator(".cn-choice[value=pns]").click();
  await widget(page).locator(".cn-progress", { hasText: "Langkah 2" }).waitFor();
  await check(page, "the demo's second checker question (with Back)");
});

test("axe: demo page, checker result", async () => {
  const page = await env.open("/#cek=pns/media_sosial/social_like/stage=calon");
  await widget(page).locator("article.cn-card").waitFor();
  for (const d of await widget(page).locator("article.cn-card details").all()) await d.locator("summary").click();
  await check(page, "the demo's checker result card (details open)");
});

test("axe: demo page, scanner with findings", async () => {
  const page = await env.open("/");
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  for (const d of await widget(page).locator(".cn-finding details").all()) await d.locator("summary").click();
  await check(page, "the demo's scanner with findings");
});

test("axe: demo page in English", async () => {
  const page = await env.open("/");
  await widget(page).locator("button.cn-lang").click();
  await widget(page).locator("section.cn-root[lang=en]").waitFor();
  await check(page, "the demo in English");
});

test("axe: portal-kominfo.html", async () => {
  const page = await env.open("/portal-kominfo.html");
  await check(page, "portal-kominfo.html (checker)");
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  await check(page, "portal-kominfo.html (scanner with findings)");
});

test("axe: portal-disdik.html (two widgets)", async () => {
  const page = await env.open("/portal-disdik.html");
  await typeDraft(page, PARTISAN, 0);
  await check(page, "portal-disdik.html");
});
