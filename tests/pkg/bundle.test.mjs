// The self-hosted bundle (tools/dist.py): unpacked into a static server's folder the way a
// portal admin copies it, and loaded in headless Chromium under a strict
// Content-Security-Policy (serve.mjs sends it for pages named *strict-csp.html).

import { test, before, after } from "node:test";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import {
  BUNDLE,
  ROOT,
  assert,
  assertSameOrigin,
  cargoVersion,
  launchBrowser,
  path,
  readFileSync,
  run,
  startServer,
  writeFileSync,
} from "./support.mjs";

let site;
let browser;
let server;
before(async () => {
  site = mkdtempSync(path.join(os.tmpdir(), "ceknetral-bundle-"));
  await run("python3", ["-m", "zipfile", "-e", BUNDLE(), site]);
  writeFileSync(
    path.join(site, "index.html"),
    `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Portal Pemda</title></head>
<body><p>Portal</p></body>
</html>
`,
  );
  // The two lines of BACA-SAYA.txt, on a page with the policy of a locked-down portal.
  writeFileSync(
    path.join(site, "netralitas-strict-csp.html"),
    `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Netralitas ASN</title></head>
<body>
<h1>Netralitas ASN</h1>
<script type="module" src="/ceknetral/ceknetral.js"></script>
<cek-netral mode="both"></cek-netral>
</body>
</html>
`,
  );
  server = await startServer(["--root", site]);
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (site && !process.env.CEKNETRAL_KEEP_PROJECTS) rmSync(site, { recursive: true, force: true });
});

function filesUnder(dir, prefix = "") {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}

test("the archive is named by the version and holds one folder, every file with a matching checksum", () => {
  assert.equal(path.basename(BUNDLE()), `ceknetral-${cargoVersion()}.zip`);
  const top = readdirSync(site).filter((f) => !f.endsWith(".html"));
  assert.deepEqual(top, ["ceknetral"]);
  const dir = path.join(site, "ceknetral");
  const files = filesUnder(dir);
  for (const f of ["ceknetral.js", "ceknetral.css", "loader.js", "widget/ceknetral_web.js", "widget/ceknetral_web_bg.wasm", "core/ceknetral_web_bg.wasm", "packs/pemilu-2024.json", "BACA-SAYA.txt", "SHA256SUMS", "LICENSE-MIT", "LICENSE-APACHE"]) {
    assert.ok(files.includes(f), `${f} in the bundle`);
  }
  const sums = readFileSync(path.join(dir, "SHA256SUMS"), "utf8").trim().split("\n");
  const listed = sums.map((line) => {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    assert.ok(m, `SHA256SUMS line in sha256sum format: ${line}`);
    const actual = createHash("sha256").update(readFileSync(path.join(dir, m[2]))).digest("hex");
    assert.equal(actual, m[1], `checksum of ${m[2]}`);
    return m[2];
  });
  assert.deepEqual(listed.sort(), files.filter((f) => f !== "SHA256SUMS").sort(), "every file is listed once");
});

test("BACA-SAYA.txt explains Apache, nginx and WordPress, the wasm MIME type and the CSP, in Indonesian", () => {
  const text = readFileSync(path.join(site, "ceknetral", "BACA-SAYA.txt"), "utf8");
  for (const needle of [
    "Apache",
    "AddType application/wasm .wasm",
    "nginx",
    "application/wasm wasm;",
    "WordPress",
    "wp-content/uploads/ceknetral/",
    "'wasm-unsafe-eval'",
    "Content-Security-Policy",
    '<script type="module" src="/ceknetral/ceknetral.js"></script>',
    "<cek-netral",
    "sha256sum -c SHA256SUMS",
    "Salin",
    "tidak dikirim",
  ]) {
    assert.ok(text.includes(needle), `BACA-SAYA.txt mentions ${needle}`);
  }
});

test("the archive is reproducible: the same build gives the same bytes", async () => {
  const again = mkdtempSync(path.join(os.tmpdir(), "ceknetral-dist-"));
  try {
    const { stdout } = await run("python3", [path.join(ROOT, "tools/dist.py"), "--out", again]);
    const info = JSON.parse(stdout);
    const first = createHash("sha256").update(readFileSync(BUNDLE())).digest("hex");
    assert.equal(info.sha256, first);
  } finally {
    rmSync(again, { recursive: true, force: true });
  }
});

test("unpacked on a static server with a strict CSP, the widget works from the two lines", async () => {
  const context = await browser.newContext({ locale: "id-ID" });
  try {
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    context.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const response = await page.goto(new URL("netralitas-strict-csp.html", server.url).href);
    assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
    await page.waitForFunction(() => document.querySelector("cek-netral")?.shadowRoot?.querySelector(".cn-root, .cn-host-error"), null, {
      timeout: 30_000,
    });
    assert.equal(await page.locator("cek-netral .cn-host-error").count(), 0, "no error panel");
    // The checker answers (the first question is the role).
    await page.locator("cek-netral .cn-choice").first().waitFor();
    assert.ok((await page.locator("cek-netral .cn-choice").count()) >= 5, "role choices");
    // The scanner highlights a partisan post.
    await page.locator("cek-netral #cn-tab-scanner").click();
    await page.locator("cek-netral textarea.cn-editor").fill("Ayo coblos nomor 2! #2024GantiPresiden");
    await page.waitForFunction(() => document.querySelector("cek-netral").shadowRoot.querySelectorAll(".cn-mirror mark").length >= 2);
    const wasmType = await page.evaluate(async () => (await fetch("/ceknetral/widget/ceknetral_web_bg.wasm", { method: "HEAD" })).headers.get("content-type"));
    assert.equal(wasmType, "application/wasm");
    assertSameOrigin(requests, new URL(server.url).origin);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
