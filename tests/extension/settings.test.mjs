// The extension's settings as a user meets them: the per-site switch (on the options page
// and from the warning's "Jangan ingatkan di situs ini"), the role (silent for someone who
// is not a public worker, the village rules for a village head), the language, election
// packs (the built-in one and an imported regional pack, valid and invalid), the privacy
// statement, and the options page's accessibility.

import { test, beforeEach } from "node:test";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  NATIONAL_PRAISE,
  PARTISAN,
  REGIONAL,
  REGIONAL_PRAISE,
  ROOT,
  assert,
  axeSerious,
  choose,
  draft,
  extensionEnv,
  posts,
  settle,
  waitBadge,
  waitWarning,
} from "./support.mjs";

const env = extensionEnv();

beforeEach(async () => {
  await env.reset();
  for (const p of env.context.pages()) await p.close();
});

function stored() {
  return env.worker.evaluate(async () => ({
    sync: (await chrome.storage.sync.get("settings")).settings || null,
    packs: (await chrome.storage.local.get("packs")).packs || [],
  }));
}

async function waitStored(pred, what) {
  for (let i = 0; i < 50; i++) {
    const s = await stored();
    if (pred(s)) return s;
    await settle(100);
  }
  throw new Error(`storage never showed ${what}: ${JSON.stringify(await stored())}`);
}

test("the site switch on the options page turns the extension off and on for that site, live", async () => {
  const options = await env.options();
  const box = options.locator("#site-fixture");
  assert.equal(await box.isChecked(), true, "every site is on by default");
  for (const id of ["x", "facebook", "instagram", "threads", "tiktok", "linkedin", "youtube", "whatsapp"]) {
    assert.equal(await options.locator(`#site-${id}`).isChecked(), true, `site ${id}`);
  }

  const page = await draft(env, PARTISAN, "violation");
  await box.uncheck();
  await waitStored((s) => s.sync && s.sync.sites.fixture === false, "sites.fixture = false");
  // The open page follows at once: its badge goes, and posting is the page's own business.
  await waitBadge(page, null);
  await page.click("#post");
  await settle();
  assert.equal((await posts(page)).length, 1, "the post goes through with the site switched off");
  assert.equal(await page.evaluate(() => document.querySelector("cek-netral-ext")?.shadowRoot.querySelector(".dialog") ?? null), null);
  await page.close();

  const silent = await draft(env, PARTISAN, null);
  await silent.close();

  await box.check();
  await waitStored((s) => s.sync && s.sync.sites.fixture !== false, "sites.fixture back on");
  const again = await draft(env, PARTISAN, "violation");
  await again.close();
  // Other sites were never touched.
  assert.deepEqual(Object.keys((await stored()).sync.sites), []);
  await options.close();
});

test("'Jangan ingatkan di situs ini' posts once, switches the site off in storage and the options page", async () => {
  const page = await draft(env, PARTISAN, "violation");
  await page.click("#post");
  await waitWarning(page);
  await choose(page, "off");
  await settle();
  assert.equal((await posts(page)).length, 1, "the post the user was making goes through, once");
  const s = await waitStored((s) => s.sync && s.sync.sites.fixture === false, "sites.fixture = false");
  assert.deepEqual(s.sync.sites, { fixture: false }, "only this site");
  await page.close();

  const later = await draft(env, PARTISAN, null);
  await later.click("#post");
  await settle();
  assert.equal((await posts(later)).length, 1);
  await later.close();

  const options = await env.options();
  assert.equal(await options.locator("#site-fixture").isChecked(), false);
  assert.equal(await options.locator("#site-x").isChecked(), true);
  await options.close();
});

test("someone who is not a public worker sees nothing, and nothing is held back", async () => {
  const options = await env.options();
  await options.locator("#role-none").check();
  await waitStored((s) => s.sync && s.sync.role === "none", "role none");
  await options.close();

  const page = await draft(env, PARTISAN, null);
  await page.click("#post");
  await settle();
  assert.equal((await posts(page)).length, 1);
  assert.equal(await page.evaluate(() => document.querySelectorAll("cek-netral-ext").length), 0, "no UI is drawn at all");
  await page.close();
});

test("a village head gets the village rules: the title says so and the note cites UU 6/2014", async () => {
  await env.settings({ role: "kepala_desa" });
  const page = await draft(env, PARTISAN, "violation");
  await page.click("#post");
  const w = await waitWarning(page);
  assert.match(w.title, /netralitas aparat desa/);
  assert.ok(w.notes.length >= 1, JSON.stringify(w));
  const note = w.notes.join("\n");
  assert.match(note, /Kepala Desa/i);
  assert.match(note, /UU 6\/2014/);
  assert.match(note, /Dilarang/i);
  assert.doesNotMatch(note, /PP 94\/2021/, "the civil-service discipline rules do not apply to a village head");
  // Each finding's basis is the village head's too, not the civil servants' rules.
  for (const f of w.findings) {
    assert.match(f.text, /Dasar hukum untuk peran Anda: UU 6\/2014 Pasal 29/, f.text);
    assert.doesNotMatch(f.text, /PP 94\/2021|SKB 2022/, f.text);
  }
  await choose(page, "edit");
  await page.close();

  // A civil servant (the default) gets the civil-service rules instead.
  await env.settings({ role: "pns" });
  const asn = await draft(env, PARTISAN, "violation");
  await asn.click("#post");
  const w2 = await waitWarning(asn);
  assert.match(w2.title, /netralitas ASN/);
  assert.match(w2.notes.join("\n"), /UU 20\/2023|PP 94\/2021/);
  assert.ok(w2.findings.every((f) => /Dasar hukum: .*PP 94\/2021/.test(f.text)), JSON.stringify(w2.findings));
  await asn.close();
});

test("the options page: Indonesian first, English on request, the role saved in synced storage", async () => {
  const page = await env.options();
  assert.equal(await page.getAttribute("html", "lang"), "id");
  assert.match(await page.locator("h1").textContent(), /CekNetral/);
  assert.equal(await page.locator("#h-role").textContent(), "Peran Anda");
  // The role has not been chosen: the page says what happens until then.
  assert.match(await page.locator("#app").textContent(), /belum memilih peran/);
  // Every role of the knowledge base, under four groups plus "none".
  const roles = await page.locator('input[name="role"]').evaluateAll((xs) => xs.map((x) => x.value));
  assert.deepEqual(roles, ["pns", "pppk", "ppnpn", "kepala_desa", "perangkat_desa", "bpd", "tni", "polri", "none"]);
  assert.match(await page.locator('label[for="role-pns"]').textContent(), /PNS|Pegawai Negeri Sipil/);

  await page.locator("#role-pppk").check();
  const s = await waitStored((s) => s.sync && s.sync.role === "pppk", "role pppk");
  assert.equal(s.sync.lang, "id");
  assert.match(await page.locator(".status").textContent(), /\S/, "the page confirms the change");
  assert.doesNotMatch(await page.locator("#app").textContent(), /belum memilih peran/);

  await page.locator("#lang-en").check();
  await waitStored((s) => s.sync && s.sync.lang === "en", "lang en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.locator("#h-role").textContent(), "Your role");
  assert.equal(await page.locator("#role-pppk").isChecked(), true, "the role survives the language switch");

  // A reload shows what was stored.
  await page.reload();
  await page.locator("#h-role").waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.locator("#role-pppk").isChecked(), true);
  assert.equal(await page.locator("#lang-en").isChecked(), true);
  assert.deepEqual(page.cn.errors, []);
  await page.close();
});

test("the options page shows the version, the knowledge base's review date and a plain privacy statement", async () => {
  const cargo = readFileSync(path.join(ROOT, "Cargo.toml"), "utf8");
  const version = /\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/s.exec(cargo)[1];
  const page = await env.options();
  const about = await page.locator("#version").textContent();
  assert.ok(about.includes(version), `${about} should name version ${version}`);
  assert.match(about, /\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}/, "a review date");
  const privacy = await page.locator('section[aria-labelledby="h-privacy"]').textContent();
  assert.match(privacy, /tidak pernah (dikirim|meninggalkan)|tidak dikirim/i);
  assert.match(privacy, /perangkat|peramban/i);
  assert.deepEqual(await axeSerious(page), []);
  await page.locator("#lang-en").check();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(await page.locator('section[aria-labelledby="h-privacy"]').textContent(), /never (leaves|sent)|not sent/i);
  assert.deepEqual(await axeSerious(page), []);
  await page.close();
});

test("an imported regional pack is validated, listed, used on the page, switched off and removed", async () => {
  const before = await draft(env, REGIONAL_PRAISE, "safe");
  await before.close();

  const page = await env.options();
  await page.locator("#pack-file").setInputFiles({ name: "pilkada.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(REGIONAL)) });
  await page.locator(`[data-pack="${REGIONAL.id}"]`).waitFor();
  assert.match(await page.locator(".status").textContent(), /Pilkada Contoh 2029/);
  let s = await stored();
  assert.deepEqual(s.packs.map((p) => [p.id, p.enabled]), [[REGIONAL.id, true]]);

  const flagged = await draft(env, REGIONAL_PRAISE, "violation");
  await flagged.close();

  // Imported again: replaced, not listed twice.
  await page.locator("#pack-file").setInputFiles({ name: "pilkada.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...REGIONAL, title: "Pilkada Contoh 2029 (revisi)" })) });
  await page.waitForFunction(() => /revisi/.test(document.querySelector(".status").textContent));
  assert.equal(await page.locator("[data-pack]").count(), 1);

  await page.locator(`#pack-${REGIONAL.id}`).uncheck();
  await waitStored((s) => s.packs.length === 1 && s.packs[0].enabled === false, "the pack switched off");
  const off = await draft(env, REGIONAL_PRAISE, "safe");
  await off.close();

  await page.locator(`[data-pack="${REGIONAL.id}"] button`).click();
  await waitStored((s) => s.packs.length === 0, "the pack removed");
  await page.locator(`[data-pack="${REGIONAL.id}"]`).waitFor({ state: "detached" });
  assert.deepEqual(page.cn.errors, []);
  await page.close();
});

test("an invalid pack is refused with the field that is wrong, and nothing is stored", async () => {
  const page = await env.options();
  const cases = [
    [{ id: "pilkada-x", title: "Pilkada X", contestants: [{ names: [] }] }, /contestants/],
    [{ id: "pilkada-x", title: "Pilkada X", contestants: [{ names: ["A B"] }], colour: "merah" }, /colour/],
  ];
  for (const [pack, field] of cases) {
    await page.locator("#pack-file").setInputFiles({ name: "pack.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(pack)) });
    await page.waitForFunction(() => document.querySelector(".status").classList.contains("error"));
    const message = await page.locator(".status").textContent();
    assert.match(message, field, message);
    assert.match(message, /tidak dapat|tidak valid|ditolak/i, message);
    await page.evaluate(() => (document.querySelector(".status").className = "status"));
  }
  await page.locator("#pack-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ bukan json") });
  await page.waitForFunction(() => document.querySelector(".status").classList.contains("error"));
  assert.match(await page.locator(".status").textContent(), /JSON/i);
  assert.deepEqual((await stored()).packs, []);
  assert.equal(await page.locator("[data-pack]").count(), 0);
  // The scanner still works with what it had.
  const still = await draft(env, NATIONAL_PRAISE, "violation");
  await still.close();
  await page.close();
});

test("switching the built-in 2024 pack off stops names that only it knows from being flagged", async () => {
  const on = await draft(env, NATIONAL_PRAISE, "violation");
  await on.close();
  const page = await env.options();
  assert.equal(await page.locator("#pack-builtin").isChecked(), true);
  await page.locator("#pack-builtin").uncheck();
  await waitStored((s) => s.sync && s.sync.builtinPack === false, "builtinPack false");
  const off = await draft(env, NATIONAL_PRAISE, "safe");
  await off.close();
  // Calls to vote do not depend on any pack.
  const call = await draft(env, "Ayo coblos nomor 2 tanggal 14!", "violation");
  await call.close();
  await page.locator("#pack-builtin").check();
  await waitStored((s) => s.sync && s.sync.builtinPack === true, "builtinPack true");
  const back = await draft(env, NATIONAL_PRAISE, "violation");
  await back.close();
  await page.close();
});
