// Nothing leaves the browser: using the extension (a draft scanned, the warning, a post, the
// options page, the built-in pack switched off and on again) makes no request beyond the
// page's own files and the extension's own files. In Chromium the context's request log sees
// pages, extension pages and the service worker; in Firefox the pages' request events and a
// record of the event page's fetch calls (tests/extension/browsers.mjs).

import { describe, test } from "node:test";
import { BROWSERS, PARTISAN, assert, choose, extensionEnv, posts, settle, typeInto, waitBadge, waitWarning } from "./support.mjs";

for (const name of BROWSERS) {
  describe(name, () => {
    const env = extensionEnv(name);

    test("using the extension makes no request beyond the page and the extension's own files", async () => {
      const page = await env.open("textarea.html");
      await typeInto(page, PARTISAN);
      await waitBadge(page, "violation");
      await page.click("#post");
      await waitWarning(page);
      await choose(page, "post");
      await settle();
      assert.equal((await posts(page)).length, 1);
      const options = await env.options();
      await options.setChecked("#role-pppk", true);
      // The built-in pack off, then on again: the background fetches it from the extension,
      // which shows that the log sees the background's requests.
      const builtinLoaded = () =>
        env.ext(async () => (await (globalThis.browser || chrome).runtime.sendMessage({ type: "about" })).packs.some((p) => p.id === "pemilu-2024"));
      const until = async (want) => {
        for (let i = 0; i < 50 && (await builtinLoaded()) !== want; i++) await settle(100);
        assert.equal(await builtinLoaded(), want);
      };
      await env.ext(() => (globalThis.browser || chrome).runtime.sendMessage({ type: "about" }));
      await env.browser.recordBackground();
      await options.setChecked("#pack-builtin", false);
      await until(false);
      await options.setChecked("#pack-builtin", true);
      await until(true);
      await settle();
      const own = env.browser.extensionBase;
      const origin = new URL(env.server.url).origin;
      const background = await env.browser.extensionRequests();
      assert.ok(background.includes(`${own}packs/pemilu-2024.json`), JSON.stringify(background));
      assert.deepEqual(background.filter((u) => !u.startsWith(own)), [], "the background fetched only the extension's files");
      const foreign = env.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(own) && !/^(data|about|blob):/.test(u));
      assert.deepEqual(foreign, []);
      assert.ok(env.requests.some((u) => u.startsWith(`${origin}/`)), "the log saw the page's requests");
      // The page itself fetched only its own files: the draft went nowhere.
      const pageLoads = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
      assert.ok(pageLoads.length >= 2, JSON.stringify(pageLoads));
      assert.deepEqual(pageLoads.filter((u) => !u.startsWith(`${origin}/`)), []);
      await options.close();
      await page.close();
    });
  });
}
