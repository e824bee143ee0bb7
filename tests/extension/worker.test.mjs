// The background worker's life: Chrome stops an extension's service worker after about 30
// seconds without events and starts it again for the next message, with none of its memory.
// The scanner must come back as the user left it: the imported pack loaded, the built-in
// pack still off, the role's notes, and the open pages working without a reload.

import { test } from "node:test";
import {
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

const env = extensionEnv();

/** Stops the extension's service worker as the browser does when it is idle. */
async function stopWorker() {
  const cdp = await env.context.browser().newBrowserCDPSession();
  try {
    const workers = async () => (await cdp.send("Target.getTargets")).targetInfos.filter((t) => t.type === "service_worker" && t.url.startsWith(`chrome-extension://${env.id}/`));
    const running = await workers();
    assert.equal(running.length, 1, JSON.stringify(running));
    await cdp.send("Target.closeTarget", { targetId: running[0].targetId });
    for (let i = 0; i < 50 && (await workers()).length; i++) await settle(50);
    assert.equal((await workers()).length, 0, "the worker stopped");
  } finally {
    await cdp.detach().catch(() => {});
  }
}

test("after the browser stops the idle worker, the next scan brings back the packs, the switch and the role", async () => {
  await env.settings({ role: "kepala_desa", builtinPack: false });
  const options = await env.options();
  await options.locator("#pack-file").setInputFiles({ name: "pilkada.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(REGIONAL)) });
  await options.locator(`[data-pack="${REGIONAL.id}"]`).waitFor();
  await options.close();

  const open = await draft(env, REGIONAL_PRAISE, "violation");
  await (await draft(env, NATIONAL_PRAISE, "safe")).close();

  await stopWorker();

  // A page opened before the stop goes on working: more typing, a new scan, a new worker.
  await open.locator("#editor").click();
  await open.keyboard.press("End");
  await open.keyboard.type(" Semoga sehat selalu.");
  await open.keyboard.press("Control+A");
  await open.keyboard.type(NATIONAL_PRAISE);
  await waitBadge(open, "safe");
  await open.keyboard.press("Control+A");
  await open.keyboard.type(REGIONAL_PRAISE);
  await waitBadge(open, "violation");
  await open.close();

  await stopWorker();
  // A page opened after the stop: the first scan starts the worker, which loads the wasm,
  // the imported pack and the settings before it answers.
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
