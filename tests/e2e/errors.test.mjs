// Misconfigured portals: a CSP that forbids compiling WebAssembly, and .wasm served with
// the wrong MIME type.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { e2e, startServer, widget, openScanner, typeDraft, scannerState, screenshot, assertPrivate, PARTISAN } from "./support.mjs";

const env = e2e({ serverFlags: ["--no-wasm-eval-csp"] });
const extra = [];
after(async () => Promise.all(extra.map((s) => s.stop())));

test("--no-wasm-eval-csp: the widget shows the CSP message (role=alert, names 'wasm-unsafe-eval') in the page's language", async () => {
  for (const [path, words] of [
    ["/", /Kebijakan keamanan \(Content-Security-Policy\)/],
    ["/strict-csp.html", /Content-Security-Policy blocks WebAssembly/],
    ["/portal-disdik.html", /Kebijakan keamanan/],
  ]) {
    const page = await env.open(path);
    const csp = page.cn.response.headers()["content-security-policy"];
    assert.ok(csp && !csp.includes("wasm-unsafe-eval"), `${path} should be served with a CSP without wasm-unsafe-eval: ${csp}`);
    const count = await page.locator("cek-netral").count();
    for (let i = 0; i < count; i++) {
      const w = widget(page, i);
      const alert = w.locator(".cn-host-error");
      await alert.waitFor();
      assert.equal(await alert.getAttribute("role"), "alert");
      const text = await alert.innerText();
      assert.ok(text.includes("'wasm-unsafe-eval'"), `${path} widget ${i}: the message should name 'wasm-unsafe-eval':\n${text}`);
      assert.match(text, words, `${path} widget ${i}: ${text}`);
      assert.doesNotMatch(text, /CompileError|wasm-eval'? is not/i, "the message is for the site admin, not the raw error");
      assert.equal(await w.locator(".cn-root").count(), 0);
    }
    if (path === "/") await screenshot(page, "error-csp-no-wasm-eval");
  }
});

test("--wrong-wasm-mime: wasm-bindgen falls back to WebAssembly.instantiate, so the widget works (with a console warning)", async () => {
  const server = await startServer(["--wrong-wasm-mime"]);
  extra.push(server);
  const page = await env.open("/", { server });
  const wasm = page.cn.requests.find((r) => r.url.endsWith("/widget/ceknetral_web_bg.wasm"));
  assert.ok(wasm, "the widget's wasm was requested");
  const res = await (await page.request.get(wasm.url)).headers();
  assert.equal(res["content-type"], "application/octet-stream", "the server really sends the wrong type");
  // No error panel: the fallback path compiled the module.
  assert.equal(await widget(page).locator(".cn-host-error").count(), 0);
  assert.ok((await widget(page).locator(".cn-choice").count()) >= 5);
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  const st = await scannerState(page);
  assert.ok(st.risk.className.includes("cn-risk-violation"));
  assert.ok(st.marks.length >= 2);
  const warnings = page.cn.console.filter((m) => m.type === "warning" && /application\/wasm/.test(m.text));
  assert.ok(warnings.length >= 1, `expected wasm-bindgen's MIME warning; console: ${JSON.stringify(page.cn.console)}`);
  // The API module falls back in the same way.
  const api = await page.evaluate(async () => {
    const m = await import("/ceknetral/index.js");
    await m.ready();
    return m.scan("Ayo coblos nomor 2!").risk;
  });
  assert.equal(api, "violation");
  assert.deepEqual(page.cn.errors, []);
  assertPrivate(page, [PARTISAN]);
});

test("missing widget files (HTTP 404) give the 'files not found' panel with the folder to check", async () => {
  const server = await startServer([]);
  extra.push(server);
  const setup = (page) => page.route("**/ceknetral/widget/ceknetral_web.js", (route) => route.fulfill({ status: 404, body: "not found" }));
  const page = await env.open("/", { server, setup });
  const box = widget(page).locator(".cn-host-error");
  await box.waitFor();
  assert.equal(await box.getAttribute("role"), "alert");
  const text = await box.innerText();
  assert.match(text, /CekNetral tidak dapat dimuat/);
  assert.ok(text.includes(`Berkas CekNetral tidak ditemukan di server: ${server.url}ceknetral/`), text);
});

for (const [status, what] of [
  [404, "HTTP 404"],
  [200, "an HTML page with status 200, as servers that rewrite unknown paths to index.html send"],
]) {
  test(`a wasm file the server does not have (${what}) gives the 'files not found' panel`, async () => {
    const server = await startServer([]);
    extra.push(server);
    const setup = (page) =>
      page.route("**/ceknetral/widget/ceknetral_web_bg.wasm", (route) =>
        route.fulfill({ status, contentType: "text/html", body: "<!doctype html><title>Portal</title><h1>Beranda</h1>" }),
      );
    const page = await env.open("/", { server, setup });
    const box = widget(page).locator(".cn-host-error");
    await box.waitFor();
    const text = await box.innerText();
    assert.ok(text.includes(`Berkas CekNetral tidak ditemukan di server: ${server.url}ceknetral/`), text);
    const logged = page.cn.console.map((m) => m.text).join("\n");
    const expected = status === 404 ? /404 Not Found fetching .*ceknetral_web_bg\.wasm/ : /ceknetral_web_bg\.wasm is not WebAssembly \(the server sent an HTML page instead/;
    assert.match(logged, expected);
  });
}
