// Screenshots of what a user sees, for review (test-output/screenshots/extension-*.png,
// CEKNETRAL_SCREENSHOTS to change the folder): the badge and the warning on a narrow phone
// width and on a desktop, in the village-head variant, and the options page in both
// languages. Each shot also checks that the warning fits the viewport and can be scrolled
// to its buttons, and that nothing on the options page overflows sideways.

import { test, beforeEach } from "node:test";
import { screenshot } from "../e2e/support.mjs";
import { PARTISAN, assert, draft, extensionEnv, waitWarning } from "./support.mjs";

// Chromium only: the screenshots are for review, and one browser's rendering is enough.
const env = extensionEnv("chromium");

beforeEach(async () => {
  await env.reset();
  await env.closePages();
});

for (const [width, height] of [[360, 740], [1280, 800]]) {
  test(`badge and warning at ${width} px`, async () => {
    const page = await draft(env, PARTISAN, "violation");
    await page.raw.setViewportSize({ width, height });
    await screenshot(page.raw, `extension-${width}-badge`);
    await page.click("#post");
    await waitWarning(page);
    const box = await page.evaluate(() => {
      const d = document.querySelector("cek-netral-ext").shadowRoot.querySelector(".dialog");
      const r = d.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, scroll: d.scrollHeight, client: d.clientHeight, overflowY: getComputedStyle(d).overflowY };
    });
    assert.ok(box.x >= 0 && box.x + box.w <= width, `the warning fits the width: ${JSON.stringify(box)}`);
    assert.ok(box.y >= 0 && box.y + box.h <= height, `the warning fits the height: ${JSON.stringify(box)}`);
    if (box.scroll > box.client) assert.match(box.overflowY, /auto|scroll/, "a long warning scrolls");
    await screenshot(page.raw, `extension-${width}-warning`);
    await page.close();
  });
}

test("the warning for a village head, and the options page in both languages", async () => {
  await env.settings({ role: "kepala_desa" });
  const page = await draft(env, PARTISAN, "violation");
  await page.click("#post");
  await waitWarning(page);
  await screenshot(page.raw, "extension-1280-warning-kepala-desa");
  await page.close();

  for (const [lang, width] of [["id", 1280], ["id", 360], ["en", 1280]]) {
    await env.settings({ lang });
    const options = await env.options();
    await options.raw.setViewportSize({ width, height: 800 });
    const sideways = await options.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(sideways <= 0, `the options page scrolls sideways by ${sideways} px at ${width} px`);
    await screenshot(options.raw, `extension-options-${lang}-${width}`);
    await options.close();
  }
});
