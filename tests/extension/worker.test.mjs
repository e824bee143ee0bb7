// The background's life. Chrome stops an extension's service worker after about 30 seconds
// without events, and Firefox unloads an idle event page (after 30 seconds too); both start
// it again for the next message, with none of its memory. The scanner must come back as the
// user left it: the imported pack loaded, the built-in pack still off, the role's notes, and
// the open pages working without a reload. In Chromium the worker is stopped through the
// DevTools protocol; in Firefox the idle timeout is shortened to 1 s and the test waits
// until Firefox has unloaded the page (tests/extension/browsers.mjs).

import { describe, test } from "node:test";
import {
  BROWSERS,
  NATIONAL_PRAISE,
  PARTISAN,
  REGIONAL,
  REGIONAL_PRAISE,
  assert,
  choose,
  draft,
  extensionEnv,
  posts,
  settle,
  waitBadge,
  waitWarning,
} from "./support.mjs";

for (const name of BROWSERS) {
  describe(name, () => {
    const env = extensionEnv(name, { backgroundIdleMs: 1000 });

    async function stopBackground() {
      await env.browser.stopBackground();
      assert.equal(await env.browser.backgroundRunning(), false, "the background is stopped");
    }

    test("after the browser stops the idle background, the next scan brings back the packs, the switch and the role", async () => {
      await env.settings({ role: "kepala_desa", builtinPack: false });
      const options = await env.options();
      await options.upload("#pack-file", "pilkada.json", JSON.stringify(REGIONAL));
      await options.waitSelector(`[data-pack="${REGIONAL.id}"]`);
      await options.close();

      const open = await draft(env, REGIONAL_PRAISE, "violation");
      await (await draft(env, NATIONAL_PRAISE, "safe")).close();

      await stopBackground();

      // A page opened before the stop goes on working: more typing, a new scan, a new
      // background.
      await open.click("#editor");
      await open.press("End");
      await open.type(" Semoga sehat selalu.");
      await open.press("Control+A");
      await open.type(NATIONAL_PRAISE);
      await waitBadge(open, "safe");
      assert.equal(await env.browser.backgroundRunning(), true, "the scan started the background again");
      await open.press("Control+A");
      await open.type(REGIONAL_PRAISE);
      await waitBadge(open, "violation");
      await open.close();

      await stopBackground();
      // A page opened after the stop: the first scan starts the background, which loads the
      // wasm, the imported pack and the settings before it answers.
      const fresh = await draft(env, PARTISAN, "violation");
      await fresh.click("#post");
      const w = await waitWarning(fresh);
      assert.match(w.title, /aparat desa/);
      assert.match(w.notes.join("\n"), /UU 6\/2014/);
      await choose(fresh, "post");
      await settle();
      assert.equal((await posts(fresh)).length, 1);
      await fresh.close();
      await (await draft(env, NATIONAL_PRAISE, "safe")).close();
    });

    test("settings written while the background is stopped are the ones it starts with", async () => {
      await env.reset();
      await stopBackground();
      // The options page is where a user changes them; here straight into storage, with no
      // background running to see the change event.
      await env.settings({ lang: "en", role: "polri" });
      const page = await draft(env, PARTISAN, "violation");
      const b = await waitBadge(page, "violation");
      assert.match(b.text, /^May breach/);
      await page.click("#post");
      const w = await waitWarning(page);
      assert.match(w.notes.join("\n"), /Polri|police/i);
      await choose(page, "edit");
      await page.close();
    });
  });
}
