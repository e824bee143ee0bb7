// The package in Node 20 ESM, installed from the npm pack tarball into a fresh project: a
// moderation job's use (no bundler, the wasm found next to the module).

import { test, before } from "node:test";
import { copyFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { assert, cargoVersion, lastReviewed, nodeJson, path, project, readFileSync } from "./support.mjs";

let proj;
before(async () => {
  proj = await project("node");
});

test("ready() finds the wasm next to the module; scan returns the expected finding", async () => {
  const out = await nodeJson(
    proj,
    "scan.mjs",
    `import { ready, scan } from "ceknetral";
await ready();
const text = "Bapak ibu, ayo coblos nomor 2! #2024GantiPresiden";
const r = scan(text);
console.log(JSON.stringify({ r, spans: r.findings.map((f) => text.slice(f.start, f.end)), safe: scan("Rapat koordinasi dimulai pukul 09.00 di aula kantor.") }));
`,
  );
  assert.equal(out.r.risk, "violation");
  const call = out.r.findings.find((f) => f.rule === "vote.call");
  assert.ok(call, `no vote.call finding: ${JSON.stringify(out.r.findings)}`);
  assert.equal(call.text, "coblos nomor 2");
  assert.equal(call.severity, "violation");
  assert.equal(call.category, "call_to_vote");
  assert.ok(call.basis.some((b) => b.instrument === "PP 94/2021"), "cites PP 94/2021");
  assert.ok(call.message.length > 20);
  assert.ok(out.r.findings.some((f) => f.rule === "hashtag.campaign" && f.text === "#2024GantiPresiden"));
  assert.deepEqual(out.spans, out.r.findings.map((f) => f.text), "start/end are offsets into the text");
  assert.deepEqual(out.safe, { risk: "safe", findings: [] });
});

test("ready() may be called many times and concurrently: the wasm is compiled once", async () => {
  const out = await nodeJson(
    proj,
    "ready.mjs",
    `let compiled = 0;
for (const name of ["instantiate", "compile", "instantiateStreaming", "compileStreaming"]) {
  const original = WebAssembly[name];
  // Count only the package's compilations (Node compiles its own HTTP parser lazily too).
  if (original) WebAssembly[name] = (...args) => { if (/ceknetral_web/.test(new Error().stack)) compiled++; return original.apply(WebAssembly, args); };
}
const { ready, scan } = await import("ceknetral");
const calls = [ready(), ready(), ready(), ready({}), ready(undefined)];
const same = calls.every((p) => p === calls[0]);
const results = await Promise.all(calls);
await ready();
await ready();
console.log(JSON.stringify({ compiled, same, results: results.length, risk: scan("Coblos nomor 1!").risk }));
`,
  );
  assert.equal(out.compiled, 1, "one compilation for seven calls");
  assert.equal(out.results, 5);
  assert.equal(out.same, true, "concurrent calls get one promise");
  assert.equal(out.risk, "violation");
});

test("errors say what to do: before ready, wrong types, unknown values, invalid packs", async () => {
  const out = await nodeJson(
    proj,
    "errors.mjs",
    `import { ready, scan, check, loadPack, packs, unloadPack } from "ceknetral";
const caught = (f) => { try { f(); return null; } catch (e) { return { type: e.constructor.name, message: e.message }; } };
const out = {};
out.before = caught(() => scan("Coblos nomor 1"));
out.beforeCheck = caught(() => check("pns", "vote"));
out.badReady = await ready(42).then(() => null, (e) => ({ type: e.constructor.name, message: e.message }));
out.badUrl = await ready({ wasmUrl: 42 }).then(() => null, (e) => ({ type: e.constructor.name, message: e.message }));
await ready();
out.number = caught(() => scan(42));
out.missing = caught(() => scan());
out.object = caught(() => scan({ text: "x" }));
out.lang = caught(() => scan("x", { lang: "jv" }));
out.options = caught(() => scan("x", "en"));
out.role = caught(() => check("guru", "vote"));
out.activity = caught(() => check("pns", "dance"));
out.roleType = caught(() => check(1, "vote"));
out.fact = caught(() => check("pns", "social_like", { stage: "kampanye" }));
out.facts = caught(() => check("pns", "social_like", 7));
out.huge = caught(() => scan("a".repeat(5 * 1024 * 1024)));
out.packsBefore = packs();
out.packJson = caught(() => loadPack("{ not json"));
out.packField = caught(() => loadPack({ id: "pilkada-x", title: "Pilkada X", contestants: [{ names: [] }] }));
out.packUnknown = caught(() => loadPack({ id: "pilkada-x", title: "Pilkada X", contestants: [{ names: ["A B"] }], colour: "red" }));
out.packType = caught(() => loadPack(5));
out.packsAfter = packs();
out.unloadType = caught(() => unloadPack(3));
out.oddUnicode = scan("\\u{1F91A}\\u200b\\uFE0F\\u0301 \\uD800 coblos").risk;
console.log(JSON.stringify(out));
`,
  );
  assert.equal(out.before.type, "Error");
  assert.match(out.before.message, /call `await ready\(\)` once before scan\(\)/);
  assert.match(out.beforeCheck.message, /await ready\(\)/);
  assert.equal(out.badReady.type, "TypeError");
  assert.match(out.badReady.message, /options must be an object/);
  assert.equal(out.badUrl.type, "TypeError");
  assert.match(out.badUrl.message, /wasmUrl must be a string or a URL/);
  for (const k of ["number", "missing", "object"]) {
    assert.equal(out[k].type, "TypeError", k);
    assert.match(out[k].message, /the text must be a string/, k);
  }
  assert.match(out.lang.message, /unknown language "jv"; use "id" or "en"/);
  assert.equal(out.options.type, "TypeError");
  assert.match(out.role.message, /unknown role "guru"; valid roles: pns, pppk/);
  assert.match(out.activity.message, /unknown activity "dance"; valid activities: .*social_like/);
  assert.equal(out.roleType.type, "TypeError");
  assert.match(out.fact.message, /stage/);
  assert.equal(out.facts.type, "TypeError");
  assert.match(out.huge.message, /longer than 4194304 bytes; scan it in parts/);
  assert.match(out.packJson.message, /not valid JSON/);
  assert.match(out.packField.message, /`contestants\[0\]\.names`: needs at least one name/);
  assert.match(out.packUnknown.message, /colour/);
  assert.equal(out.packType.type, "TypeError");
  assert.deepEqual(out.packsAfter, out.packsBefore, "an invalid pack loads nothing");
  assert.equal(out.unloadType.type, "TypeError");
  assert.ok(["safe", "review", "violation"].includes(out.oddUnicode));
});

test("a failed load can be retried, and { wasmUrl } loads the wasm from elsewhere", async () => {
  const wasm = path.join(proj.dir, "node_modules/ceknetral/widget/ceknetral_web_bg.wasm");
  const elsewhere = path.join(proj.dir, "static-ceknetral.wasm");
  copyFileSync(wasm, elsewhere);
  const out = await nodeJson(
    proj,
    "wasm-url.mjs",
    `import { ready, scan } from "ceknetral";
const missing = await ready({ wasmUrl: ${JSON.stringify(pathToFileURL(path.join(proj.dir, "nowhere.wasm")).href)} }).then(() => null, (e) => e.message);
await ready({ wasmUrl: new URL(${JSON.stringify(pathToFileURL(elsewhere).href)}) });
console.log(JSON.stringify({ missing, risk: scan("Coblos nomor 3!").risk }));
`,
  );
  assert.match(out.missing, /cannot read the wasm file .*nowhere\.wasm \(ENOENT\)/);
  assert.equal(out.risk, "violation");
});

test("check, tree, catalogues, packs and version()", async () => {
  const pkg = JSON.parse(readFileSync(path.join(proj.dir, "node_modules/ceknetral/package.json"), "utf8"));
  const out = await nodeJson(
    proj,
    "api.mjs",
    `import { ready, scan, check, tree, roles, activities, loadPack, unloadPack, packs, version } from "ceknetral";
import pack from "ceknetral/packs/pemilu-2024.json" with { type: "json" };
await ready();
const out = {};
out.check = check("pns", "social_like", { stage: "calon" });
out.checkEn = check("kepala_desa", "campaign_team", ["election=pilkada"], { lang: "en" });
out.open = check("pns", "campaign_team");
out.tree = tree().kind;
out.roles = roles().map((r) => r.id);
out.activities = activities().length;
out.builtin = packs();
out.packId = pack.id;
out.reload = loadPack(pack);
out.regional = loadPack(JSON.stringify({ id: "pilkada-contoh-2029", title: "Pilkada Contoh 2029", kind: "pilkada",
  contestants: [{ number: 1, names: ["I Made Suryawan", "Ni Luh Ayu Lestari"], hashtags: ["#SuryawanAyu"] }] }));
out.regionalScan = scan("Dukung Suryawan untuk bupati! #SuryawanAyu").findings.map((f) => f.text);
out.unloaded = unloadPack("pilkada-contoh-2029");
out.after = scan("Dukung Suryawan untuk bupati! #SuryawanAyu").findings.map((f) => f.text);
out.version = version();
console.log(JSON.stringify(out));
`,
  );
  assert.equal(out.check.verdict, "prohibited");
  assert.equal(out.check.role, "pns");
  assert.ok(out.check.basis.length > 0 && out.check.basis.every((b) => b.status === "in_force"));
  assert.ok(out.check.sanctions.length > 0);
  assert.equal(out.checkEn.lang, "en");
  assert.deepEqual(out.open.missing_facts, ["election"]);
  assert.deepEqual(out.open.variants.map((v) => v.when.election).sort(), ["pemilu", "pilkada"], "one variant per value of the missing fact");
  assert.equal(out.tree, "question");
  assert.deepEqual(out.roles.slice(0, 2), ["pns", "pppk"]);
  assert.ok(out.activities >= 20);
  assert.equal(out.builtin.length, 1);
  assert.equal(out.packId, out.builtin[0].id, "the JSON export is the built-in pack");
  assert.deepEqual(out.reload, { ...out.builtin[0], enabled: true });
  assert.deepEqual(out.regional, { id: "pilkada-contoh-2029", title: "Pilkada Contoh 2029", enabled: true });
  assert.ok(out.regionalScan.includes("#SuryawanAyu"), `regional pack findings: ${out.regionalScan}`);
  assert.ok(out.regionalScan.some((t) => /Suryawan/.test(t) && !t.startsWith("#")), `name found: ${out.regionalScan}`);
  assert.equal(out.unloaded, true);
  assert.ok(!out.after.some((t) => /Suryawan/.test(t) && !t.startsWith("#")), "an unloaded pack's names are not found");
  assert.deepEqual(out.version, { version: pkg.version, knowledge_base_reviewed: lastReviewed() });
  assert.equal(pkg.version, cargoVersion(), "the crate and the package carry the same version");
});

test("ceknetral/core is the scanner alone; ceknetral/element imports without a DOM", async () => {
  const out = await nodeJson(
    proj,
    "core.mjs",
    `import * as core from "ceknetral/core";
import * as element from "ceknetral/element";
await core.ready();
console.log(JSON.stringify({
  exports: Object.keys(core).sort(),
  risk: core.scan("Coblos nomor 2!").risk,
  version: core.version(),
  element: Object.keys(element).sort(),
  defined: typeof customElements,
}));
`,
  );
  assert.deepEqual(out.exports, ["loadPack", "packs", "ready", "scan", "unloadPack", "version"]);
  assert.equal(out.risk, "violation");
  assert.equal(out.version.knowledge_base_reviewed, lastReviewed());
  assert.deepEqual(out.element, ["mount", "unmount"]);
  assert.equal(out.defined, "undefined");
});

test("the package holds what its manifest promises, and nothing from the repository", async () => {
  const dir = path.join(proj.dir, "node_modules/ceknetral");
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const { stdout } = await proj.run("find", [dir, "-type", "f"]);
  const files = stdout
    .trim()
    .split("\n")
    .map((f) => path.relative(dir, f))
    .sort();
  assert.deepEqual(
    files,
    [
      "BACA-SAYA.txt",
      "CHANGELOG.md",
      "LICENSE-APACHE",
      "LICENSE-MIT",
      "README.md",
      "ceknetral.css",
      "ceknetral.js",
      "core.d.ts",
      "core.js",
      "core/ceknetral_web.js",
      "core/ceknetral_web_bg.wasm",
      "element.d.ts",
      "index.d.ts",
      "index.js",
      "loader.js",
      "package.json",
      "packs/pemilu-2024.json",
      "types.d.ts",
      "widget/ceknetral_web.js",
      "widget/ceknetral_web_bg.wasm",
    ],
  );
  assert.equal(pkg.type, "module");
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  assert.ok(pkg.engines.node);
  assert.deepEqual(Object.keys(pkg.exports), [".", "./element", "./core", "./packs/*", "./ceknetral.css", "./package.json"]);
  assert.match(readFileSync(path.join(dir, "CHANGELOG.md"), "utf8"), new RegExp(`## \\[${pkg.version.replace(/\./g, "\\.")}\\]`));
});
