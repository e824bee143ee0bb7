// Privacy: the draft never leaves the device. On every page, every request is same-origin
// and for the page's own files or /ceknetral/; none carries the draft; and once the files
// have loaded, using the widget makes no request at all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { e2e, widget, privacyProblems, PARTISAN, NEUTRAL } from "./support.mjs";

const env = e2e();

const SECRET = "Rahasia: Ayo coblos nomor 2, kumpulkan KTP warga untuk tim Prabowo-Gibran, ada amplop";

/** Uses every part of every widget on the page. */
async function exercise(page) {
  const count = await page.locator("cek-netral").count();
  for (let i = 0; i < count; i++) {
    const w = widget(page, i);
    // The checker, to a result.
    if (await w.locator(".cn-choice").count() || await w.locator("#cn-tab-checker").count()) {
      if (await w.locator("#cn-tab-checker").count()) await w.locator("#cn-tab-checker").click();
      for (const value of ["pns", "media_sosial", "social_like", "calon"]) {
        await w.locator(`.cn-choice[value=${value}]`).click();
      }
      await w.locator("article.cn-card").waitFor();
      for (const d of await w.locator("article.cn-card details").all()) await d.locator("summary").click();
      await w.locator("button.cn-lang").click();
      await w.locator("button.cn-lang").click();
    }
    // The scanner: typed key by key, then pasted, a suggestion applied, packs toggled.
    if (await w.locator("#cn-tab-scanner").count()) await w.locator("#cn-tab-scanner").click();
    const editor = w.locator("textarea.cn-editor");
    if (await editor.count()) {
      await editor.click();
      await page.keyboard.type(SECRET, { delay: 2 });
      await w.locator(".cn-risk-violation").waitFor();
      for (const d of await w.locator(".cn-finding details").all()) await d.locator("summary").click();
      const apply = w.locator(".cn-suggestion button").first();
      if (await apply.count()) await apply.click();
      await editor.fill(PARTISAN);
      await editor.fill(NEUTRAL);
      await w.locator(".cn-packs summary").click();
      for (const box of await w.locator(".cn-packs input[type=checkbox]").all()) {
        await box.click();
        await box.click();
      }
      await editor.fill(SECRET);
    }
  }
}

for (const path of ["/", "/portal-kominfo.html", "/portal-disdik.html", "/strict-csp.html"]) {
  test(`privacy on ${path}: same-origin requests for the page's files and /ceknetral/ only, none after load, no draft text`, async () => {
    const page = await env.open(path);
    await page.waitForLoadState("networkidle");
    const loaded = page.cn.requests.length;
    await exercise(page);
    await page.waitForTimeout(500);
    const after = page.cn.requests.slice(loaded);
    assert.deepEqual(
      after.map((r) => `${r.method} ${r.url}`),
      [],
      `requests made while the widget was used on ${path} (there should be none)`,
    );
    // The widget's own files are fetched once each.
    const paths = page.cn.requests.map((r) => new URL(r.url).pathname);
    const dupes = paths.filter((p, i) => paths.indexOf(p) !== i);
    assert.deepEqual(dupes, [], `files fetched twice on ${path}`);
    const problems = privacyProblems(page, [SECRET, PARTISAN, NEUTRAL]);
    assert.deepEqual(problems, [], `all requests of ${path}:\n  ${page.cn.requests.map((r) => `${r.method} ${r.url}`).join("\n  ")}`);
    // Nothing of the draft is kept in storage either.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    assert.ok(!/coblos|Prabowo|amplop/i.test(stored), `the draft was stored: ${stored}`);
    assert.ok(!/coblos|Prabowo|amplop/i.test(decodeURIComponent(page.url())), `the draft is in the URL: ${page.url()}`);
  });
}

test("privacy across every page this file visited: the request log has only same-origin widget and page files", () => {
  assert.ok(env.requests.length > 0);
  const origin = env.server.origin;
  const foreign = env.requests.filter((r) => !r.url.startsWith("data:") && new URL(r.url).origin !== origin);
  assert.deepEqual(foreign.map((r) => r.url), []);
  const posts = env.requests.filter((r) => r.method !== "GET");
  assert.deepEqual(posts.map((r) => `${r.method} ${r.url}`), [], "the widget never sends anything");
});

// Runs last (tests of a file run in order): it makes bad requests on purpose.
test("privacy check itself: a request carrying the draft or leaving the origin is reported", async () => {
  const page = await env.open("/");
  await page.evaluate(() => fetch("/ceknetral/packs/x?draft=" + encodeURIComponent("Ayo coblos nomor 2!")).catch(() => {}));
  await page.evaluate(() => fetch("/secret.txt").catch(() => {}));
  await page.evaluate(() => fetch("http://localhost:9/collect", { method: "POST", body: "Prabowo" }).catch(() => {}));
  const problems = privacyProblems(page, ["Ayo coblos nomor 2!"]);
  assert.ok(problems.some((p) => p.includes("carries draft text") && p.includes("/ceknetral/packs/x")), problems.join("\n"));
  assert.ok(problems.some((p) => p.includes("outside the page's files") && p.includes("/secret.txt")), problems.join("\n"));
  assert.ok(problems.some((p) => p.includes("cross-origin") && p.includes("localhost:9")), problems.join("\n"));
});
