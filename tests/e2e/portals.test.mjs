// The widget inside host pages: the two portal examples with aggressive theme CSS, and the
// page served with a strict Content-Security-Policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { e2e, widget, openScanner, typeDraft, scannerState, assertPrivate, PARTISAN } from "./support.mjs";

const env = e2e();

/** Computed styles inside the nth widget's shadow root, and the host's font. */
function insideStyles(page, nth) {
  return page.evaluate((nth) => {
    const host = document.querySelectorAll("cek-netral")[nth];
    const root = host.shadowRoot;
    const cs = (el) => (el ? getComputedStyle(el) : null);
    const pick = (el, props) => {
      const s = cs(el);
      return s ? Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)])) : null;
    };
    const buttons = [...root.querySelectorAll("button")].map((b) =>
      pick(b, ["font-size", "border-top-style", "border-top-color", "background-color", "border-top-left-radius", "padding-left", "text-transform", "font-family"]),
    );
    return {
      hostFont: cs(host).fontFamily,
      bodyFont: cs(document.body).fontFamily,
      cnHost: pick(root.querySelector(".cn-host"), ["font-family", "font-size", "line-height", "letter-spacing", "text-transform", "text-align", "color"]),
      textarea: pick(root.querySelector("textarea"), ["border-top-style", "border-top-color", "border-top-width", "background-color", "font-size", "padding-left", "line-height", "width", "font-family"]),
      mirror: pick(root.querySelector(".cn-mirror"), ["width", "padding-left", "font-size", "line-height"]),
      buttons,
      marks: [...root.querySelectorAll("mark")].map((m) => pick(m, ["background-color", "color"])),
      progress: pick(root.querySelector("progress"), ["display"]),
      headings: [...root.querySelectorAll("h2, h3")].map((h) => pick(h, ["text-decoration-line", "font-weight"])),
      lis: [...root.querySelectorAll("li")].map((li) => pick(li, ["margin-left"])),
      paragraphs: [...root.querySelectorAll("p")].map((p) => pick(p, ["text-indent", "margin-bottom"])),
    };
  }, nth);
}

const LIME = "rgb(0, 255, 0)";

function assertNoLeak(st, where) {
  const b = st.buttons;
  assert.ok(b.length > 0, `${where}: no buttons in the widget`);
  for (const x of b) {
    assert.notEqual(x["font-size"], "30px", `${where}: a widget button got the host's 30px`);
    assert.notEqual(x["border-top-style"], "dashed", `${where}: a widget button got the host's dashed border`);
    assert.notEqual(x["background-color"], "rgb(255, 255, 0)", `${where}: a widget button got the host's yellow`);
    assert.notEqual(x["border-top-left-radius"], "40px", `${where}: a widget button got the host's 40px radius`);
    assert.notEqual(x["text-transform"], "lowercase", `${where}: a widget button got the host's lowercase`);
    assert.equal(x["font-family"], st.hostFont, `${where}: a widget button should use the host's font`);
  }
  if (st.textarea) {
    assert.notEqual(st.textarea["border-top-style"], "dashed", `${where}: the textarea is dashed`);
    assert.notEqual(st.textarea["border-top-style"], "double", `${where}: the textarea got the host's double border`);
    assert.notEqual(st.textarea["border-top-color"], "rgb(255, 0, 0)", `${where}: the textarea border is red`);
    assert.notEqual(st.textarea["font-size"], "30px");
    assert.notEqual(st.textarea["font-size"], "40px");
    assert.notEqual(st.textarea["padding-left"], "40px");
    assert.equal(st.textarea.width, st.mirror.width, `${where}: textarea and mirror widths differ`);
    assert.equal(st.textarea["padding-left"], st.mirror["padding-left"]);
    assert.equal(st.textarea["line-height"], st.mirror["line-height"]);
    assert.equal(st.textarea["font-family"], st.hostFont);
  }
  for (const m of st.marks) {
    assert.notEqual(m["background-color"], LIME, `${where}: a mark is lime`);
    assert.notEqual(m.color, "rgb(255, 0, 0)", `${where}: a mark's text is red`);
  }
  if (st.progress) assert.notEqual(st.progress.display, "none", `${where}: the host hid the progress bar`);
  for (const h of st.headings) assert.notEqual(h["text-decoration-line"], "underline", `${where}: headings underlined by the host`);
  for (const li of st.lis) assert.notEqual(li["margin-left"], "-40px", `${where}: list items moved by the host`);
  for (const p of st.paragraphs) assert.equal(p["text-indent"], "0px", `${where}: paragraphs indented by the host`);
  // The widget follows the host's font family, and nothing else of the host's text styles.
  assert.equal(st.cnHost["font-family"], st.hostFont, `${where}: the widget should inherit the host's font family`);
  assert.equal(st.cnHost["font-size"], "16px");
  assert.equal(st.cnHost["letter-spacing"], "normal");
  assert.equal(st.cnHost["text-transform"], "none");
}

test("portal-kominfo.html: the widget renders and the host's aggressive CSS does not leak in (font family does)", async () => {
  const page = await env.open("/portal-kominfo.html");
  assert.equal(await page.locator("cek-netral").count(), 1);
  const w = widget(page);
  assert.ok((await w.locator(".cn-choice").count()) >= 5);
  let st = await insideStyles(page, 0);
  assert.match(st.hostFont, /Georgia/);
  assertNoLeak(st, "kominfo checker");
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  assert.ok((await scannerState(page)).marks.length >= 2);
  st = await insideStyles(page, 0);
  assert.ok(st.marks.length >= 2);
  assertNoLeak(st, "kominfo scanner");
  // The host's CSS still applies to the host page itself (the test would be void otherwise).
  const hostButtonish = await page.evaluate(() => getComputedStyle(document.querySelector("h1")).textDecorationLine);
  assert.equal(hostButtonish, "underline");
  assert.deepEqual(page.cn.errors, []);
  assertPrivate(page, [PARTISAN]);
});

test("portal-disdik.html: two widgets (scanner and checker) render and work, untouched by the theme", async () => {
  const page = await env.open("/portal-disdik.html");
  assert.equal(await page.locator("cek-netral").count(), 2);
  const scanner = widget(page, 0);
  const checker = widget(page, 1);
  // The first is scanner-only, the second checker-only: no tabs in either.
  assert.equal(await scanner.locator(".cn-tab").count(), 0);
  assert.equal(await checker.locator(".cn-tab").count(), 0);
  assert.equal(await scanner.locator("textarea.cn-editor").count(), 1);
  assert.equal(await scanner.locator(".cn-choice").count(), 0);
  assert.ok((await checker.locator(".cn-choice").count()) >= 5);
  assert.equal(await checker.locator("textarea").count(), 0);

  await typeDraft(page, PARTISAN, 0);
  const st0 = await insideStyles(page, 0);
  assert.match(st0.hostFont, /Comic Sans/);
  assertNoLeak(st0, "disdik scanner");
  await checker.locator(".cn-choice[value=pppk]").click();
  await checker.locator(".cn-progress", { hasText: "Langkah 2" }).waitFor();
  assertNoLeak(await insideStyles(page, 1), "disdik checker");
  // The two widgets are independent: the checker's answer did not touch the scanner.
  assert.equal(await scanner.locator("textarea.cn-editor").inputValue(), PARTISAN);
  assert.deepEqual(page.cn.errors, []);
  assertPrivate(page, [PARTISAN]);
});

test("portal-disdik.html: the page's only checker keeps its answers in the URL (#cek=...)", async () => {
  // ceknetral.js gives the URL state to the first <cek-netral> on the page; on this page
  // that is the scanner-only widget, which has no checker answers to keep.
  const page = await env.open("/portal-disdik.html");
  const checker = widget(page, 1);
  await checker.locator(".cn-choice", { hasText: "PNS (termasuk CPNS)" }).click();
  await checker.locator(".cn-choice", { hasText: "Media sosial" }).click();
  await checker.locator(".cn-progress", { hasText: "Langkah 3" }).waitFor();
  assert.equal(new URL(page.url()).hash, "#cek=pns/media_sosial", "the checker widget on portal-disdik.html should keep its state in the URL fragment");
});

test("strict-csp.html: served with the strict policy, the widget renders and scans with no CSP violation", async () => {
  const init = () => {
    window.__csp = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
      true,
    );
  };
  const page = await env.open("/strict-csp.html", { init });
  const csp = page.cn.response.headers()["content-security-policy"];
  assert.ok(csp, "strict-csp.html should be served with a Content-Security-Policy header");
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /style-src 'self'(;|$)/);
  assert.match(csp, /default-src 'none'/);
  const w = widget(page);
  assert.equal(await w.locator("section.cn-root").getAttribute("lang"), "en");
  await w.locator(".cn-choice[value=pns]").click();
  await w.locator(".cn-progress", { hasText: "Step 2" }).waitFor();
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  const st = await scannerState(page);
  assert.ok(st.risk.className.includes("cn-risk-violation"));
  assert.ok(st.marks.length >= 2);
  // Marks are styled by the widget's own stylesheet (allowed by style-src 'self').
  const markBg = await w.locator(".cn-mirror mark").first().evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(markBg, "rgba(0, 0, 0, 0)", "the widget's stylesheet should apply under the strict CSP");
  await page.waitForTimeout(200);
  const violations = await page.evaluate(() => window.__csp);
  const consoleErrors = page.cn.console.filter((m) => m.type === "error" || /Content Security Policy|Refused to/i.test(m.text));
  assert.deepEqual(violations, [], "securitypolicyviolation events");
  assert.deepEqual(consoleErrors, [], "console errors");
  assert.deepEqual(page.cn.errors, []);
  assertPrivate(page, [PARTISAN]);
});
