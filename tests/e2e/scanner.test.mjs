// The scanner ("Cek sebelum posting") on the demo page: highlights, banner, findings,
// suggestions, and the mirror staying aligned with the textarea.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  e2e, widget, openScanner, typeDraft, scannerState, riskLevel, mergeRanges, settled,
  assertPrivate, screenshot, PARTISAN, NEUTRAL,
} from "./support.mjs";

const env = e2e();

test("scanner: a partisan draft gets exact <mark> highlights, the violation banner and findings with a basis", async () => {
  const page = await env.open("/");
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  const st = await scannerState(page);

  // The mirror holds the same text as the textarea (plus one zero-width space at the end).
  assert.equal(st.value, PARTISAN);
  assert.equal(st.mirrorText, PARTISAN + "\u200b");

  // The marks cover exactly the flagged words: "coblos nomor 2" and "Prabowo-Gibran untuk Indonesia".
  const marked = mergeRanges(st.marks).map(([s, e]) => PARTISAN.slice(s, e));
  assert.deepEqual(marked, ["coblos nomor 2", "Prabowo-Gibran untuk Indonesia"], `marks: ${JSON.stringify(st.marks)}`);
  for (const m of st.marks) {
    assert.equal(m.text, PARTISAN.slice(m.start, m.end));
    assert.match(m.className, /cn-mark-violation/);
  }
  // The findings name the same words.
  assert.deepEqual(st.findings.map((f) => f.quote), marked);

  // The banner: violation, a live status.
  assert.ok(st.risk.className.includes("cn-risk-violation"), `banner: ${JSON.stringify(st.risk)}`);
  assert.equal(st.risk.role, "status");
  assert.match(st.risk.text, /Berpotensi melanggar/);

  // Each finding has a legal basis naming an instrument in force.
  assert.ok(st.findings.length >= 2);
  for (const f of st.findings) {
    assert.match(f.className, /cn-sev-violation/);
    assert.ok(f.basis.length > 0, `finding "${f.quote}" has no basis`);
    assert.ok(f.basis.some((b) => /^(PP 94\/2021|SKB 2022|UU 20\/2023|UU 7\/2017)/.test(b)), `finding "${f.quote}" basis: ${f.basis}`);
  }
  await screenshot(page, "scanner-partisan");
  assertPrivate(page, [PARTISAN]);
});

test("scanner: 'Pakai usulan ini' on each finding lowers the risk until it is no longer a violation", async () => {
  const page = await env.open("/");
  await openScanner(page);
  await typeDraft(page, PARTISAN);
  const w = widget(page);
  let st = await scannerState(page);
  let level = riskLevel(st.risk.className);
  assert.equal(level, 2);
  const history = [{ text: st.value, risk: st.risk.className, findings: st.findings.length }];
  for (let round = 0; round < 10; round++) {
    const button = w.locator(".cn-finding .cn-suggestion button").first();
    if (!(await button.count())) break;
    assert.equal((await button.innerText()).trim(), "Pakai usulan ini");
    const before = st.value;
    await button.click();
    await page.waitForFunction(
      (before) => document.querySelector("cek-netral").shadowRoot.querySelector("textarea.cn-editor").value !== before,
      before,
    );
    await settled(page);
    st = await scannerState(page);
    history.push({ text: st.value, risk: st.risk.className, findings: st.findings.length });
    const now = riskLevel(st.risk.className);
    assert.ok(now <= level, `applying a suggestion raised the risk: ${JSON.stringify(history, null, 1)}`);
    assert.ok(st.findings.length < history[history.length - 2].findings, `applying a suggestion should remove its finding: ${JSON.stringify(history, null, 1)}`);
    // The mirror follows the new text.
    assert.equal(st.mirrorText, st.value + "\u200b");
    level = now;
  }
  assert.ok(level < 2, `still a violation after applying every suggestion: ${JSON.stringify(history, null, 1)}`);
  // The status line says a suggestion was applied, and the focus is back in the editor.
  assert.match(await w.locator(".cn-status").last().innerText(), /Usulan dipakai/);
  assert.equal(await page.evaluate(() => document.querySelector("cek-netral").shadowRoot.activeElement?.id), "cn-editor");
  assertPrivate(page, [PARTISAN]);
});

test("scanner: a neutral draft gets no <mark> and the Aman banner", async () => {
  const page = await env.open("/");
  await openScanner(page);
  await typeDraft(page, NEUTRAL);
  const st = await scannerState(page);
  assert.deepEqual(st.marks, []);
  assert.equal(st.findings.length, 0);
  assert.ok(st.risk.className.includes("cn-risk-safe"), `banner: ${JSON.stringify(st.risk)}`);
  assert.match(st.risk.text, /^.?\s*Aman/);
  assertPrivate(page, [NEUTRAL]);
});

test("scanner: typing key by key updates the highlights", async () => {
  const page = await env.open("/");
  await openScanner(page);
  const editor = widget(page).locator("textarea.cn-editor");
  await editor.click();
  await page.keyboard.type("Ayo coblos nomor 2!", { delay: 5 });
  await page.waitForFunction(() => document.querySelector("cek-netral").shadowRoot.querySelectorAll(".cn-mirror mark").length > 0);
  const st = await scannerState(page);
  assert.deepEqual(mergeRanges(st.marks).map(([s, e]) => st.value.slice(s, e)), ["coblos nomor 2"]);
  assert.match(await widget(page).locator("#cn-count").innerText(), /^19 karakter$/);
});

test("scanner: fast typing, edits in the middle and deletions across marks: the mirror holds the text after every key, and the highlights catch up", async () => {
  const page = await env.open("/");
  await openScanner(page);
  const editor = widget(page).locator("textarea.cn-editor");
  await typeDraft(page, "Halo semua, Ayo coblos nomor 2 ya. Prabowo-Gibran untuk Indonesia maju!");
  await settled(page);
  // After every input event (a listener on the window runs after the widget's), the mirror
  // spells the textarea's text: the marks never drift from their words between scans.
  await page.evaluate(() => {
    const root = document.querySelector("cek-netral").shadowRoot;
    const ta = root.querySelector("textarea.cn-editor");
    const mirror = root.querySelector(".cn-mirror");
    window.__drift = [];
    window.__inputs = 0;
    window.addEventListener("input", () => {
      window.__inputs++;
      if (mirror.textContent !== ta.value + "\u200b") window.__drift.push([ta.value, mirror.textContent]);
    });
  });
  await editor.focus();
  // In the middle (inside and beside marks), at the start, at the end, no delay between keys.
  await editor.evaluate((ta) => ta.setSelectionRange(15, 15));
  await page.keyboard.type("xx yy");
  await page.keyboard.press("Home");
  await page.keyboard.type("Eh, ");
  await page.keyboard.press("End");
  await page.keyboard.type(" Dukung paslon 02!");
  // A deletion across a mark: select "coblos nomor 2 ya. Prabowo" and delete it.
  const value = await editor.inputValue();
  const from = value.indexOf("coblos");
  await editor.evaluate((ta, [a, b]) => ta.setSelectionRange(a, b), [from, value.indexOf("-Gibran")]);
  await page.keyboard.press("Backspace");
  for (let i = 0; i < 5; i++) await page.keyboard.press("Backspace");
  const drift = await page.evaluate(() => window.__drift);
  const inputs = await page.evaluate(() => window.__inputs);
  assert.ok(inputs >= 30, `only ${inputs} input events`);
  assert.deepEqual(drift, [], "the mirror lost the textarea's text after a key");
  // Then the scan catches up: the marks are the findings of the final text, `data-for` says so.
  await settled(page);
  const st = await scannerState(page);
  assert.equal(st.mirrorText, st.value + "\u200b");
  const dataFor = await page.evaluate(() => document.querySelector("cek-netral").shadowRoot.querySelector(".cn-mirror").dataset.for);
  assert.equal(dataFor, String(st.value.length));
  const expected = await page.evaluate(async (text) => {
    const m = await import("/ceknetral/index.js");
    await m.ready();
    return m.scan(text).findings.map((f) => [f.start, f.end]);
  }, st.value);
  const covered = (ranges) => {
    const on = new Set();
    for (const [s, e] of ranges) for (let i = s; i < e; i++) on.add(i);
    return [...on].sort((a, b) => a - b);
  };
  assert.deepEqual(covered(st.marks.map((m) => [m.start, m.end])), covered(expected), `marks ${JSON.stringify(st.marks)} vs findings ${JSON.stringify(expected)}`);
  assert.ok(st.marks.length > 0, "the final text still has a finding (Dukung paslon 02)");
});

/** Metrics of the mirror and the textarea that decide where each character is drawn. */
function metrics(page) {
  return page.evaluate(() => {
    const root = document.querySelector("cek-netral").shadowRoot;
    const pick = (el) => {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
        clientWidth: el.clientWidth,
        clientHeight: el.clientHeight,
        scrollHeight: el.scrollHeight,
        scrollTop: el.scrollTop,
        style: Object.fromEntries(
          [
            "font-family", "font-size", "font-weight", "font-style", "line-height", "letter-spacing",
            "word-spacing", "padding-top", "padding-right", "padding-bottom", "padding-left",
            "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
            "white-space", "overflow-wrap", "word-break", "tab-size", "text-transform", "text-indent",
            "box-sizing", "direction", "unicode-bidi",
          ].map((p) => [p, cs.getPropertyValue(p)]),
        ),
      };
    };
    return { mirror: pick(root.querySelector(".cn-mirror")), editor: pick(root.querySelector("textarea.cn-editor")) };
  });
}

test("scanner: the highlights stay aligned with the textarea's text (metrics, hit test, scrolling)", async () => {
  for (const width of [1280, 360]) {
    const page = await env.open("/", { width, height: 800 });
    await openScanner(page);
    await typeDraft(page, PARTISAN);
    const m = await metrics(page);
    assert.deepEqual(m.mirror.style, m.editor.style, `the mirror and textarea differ in text metrics at ${width} px`);
    assert.equal(m.mirror.clientWidth, m.editor.clientWidth, `clientWidth at ${width} px`);
    assert.deepEqual(
      [m.mirror.rect.x, m.mirror.rect.y, m.mirror.rect.width],
      [m.editor.rect.x, m.editor.rect.y, m.editor.rect.width],
      `the mirror should sit exactly under the textarea at ${width} px`,
    );

    // Hit test: clicking the middle of each mark's box puts the textarea's caret inside
    // the marked words (so the mark is drawn over those very characters).
    const boxes = await page.evaluate(() => {
      const root = document.querySelector("cek-netral").shadowRoot;
      return [...root.querySelectorAll(".cn-mirror mark")].map((mk) => {
        const rects = [...mk.getClientRects()];
        const r = rects[0];
        return { text: mk.textContent, x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
    });
    const st = await scannerState(page);
    for (const [i, box] of boxes.entries()) {
      await page.mouse.click(box.x, box.y);
      const caret = await page.evaluate(() => document.querySelector("cek-netral").shadowRoot.querySelector("textarea.cn-editor").selectionStart);
      const mk = st.marks[i];
      assert.ok(
        caret > mk.start && caret < mk.end,
        `at ${width} px, clicking the middle of the mark "${box.text}" [${mk.start}, ${mk.end}) put the caret at ${caret}`,
      );
    }

    // A long draft that scrolls: the mirror scrolls with the textarea.
    const long = Array.from({ length: 40 }, (_, i) => `Baris ${i + 1}: ayo coblos nomor 2 untuk Indonesia maju.`).join("\n");
    const editor = widget(page).locator("textarea.cn-editor");
    await editor.fill("");
    await editor.focus();
    await page.keyboard.insertText(long);
    await page.waitForTimeout(100);
    let s = await metrics(page);
    assert.ok(s.editor.scrollTop > 0, `the textarea should have scrolled (scrollHeight ${s.editor.scrollHeight}, clientHeight ${s.editor.clientHeight})`);
    assert.equal(s.mirror.scrollHeight, s.editor.scrollHeight, `scrollHeight of mirror and textarea at ${width} px`);
    assert.equal(s.mirror.scrollTop, s.editor.scrollTop, `after typing a long text at ${width} px, mirror.scrollTop should equal textarea.scrollTop`);
    // Scrolling the textarea itself.
    for (const top of [0, 137, 100000]) {
      await editor.evaluate((ta, top) => (ta.scrollTop = top), top);
      await page.waitForTimeout(50);
      s = await metrics(page);
      assert.equal(s.mirror.scrollTop, s.editor.scrollTop, `after scrolling the textarea to ${top} at ${width} px`);
    }
    // The last line's mark is drawn where the textarea shows it: hit test at the bottom.
    const last = await page.evaluate(() => {
      const root = document.querySelector("cek-netral").shadowRoot;
      const ta = root.querySelector("textarea.cn-editor").getBoundingClientRect();
      const marks = [...root.querySelectorAll(".cn-mirror mark")].filter((mk) => {
        const r = mk.getClientRects()[0];
        return r && r.y > ta.y && r.y + r.height < ta.y + ta.height;
      });
      const mk = marks[marks.length - 1];
      const r = mk.getClientRects()[0];
      return { text: mk.textContent, x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    const value = await editor.inputValue();
    await page.mouse.click(last.x, last.y);
    const caret = await editor.evaluate((ta) => ta.selectionStart);
    const around = value.slice(Math.max(0, caret - 20), caret + 20);
    assert.ok(
      around.includes(last.text.slice(0, 6)),
      `at ${width} px after scrolling, the visible mark "${last.text}" should be over the same words in the textarea; the caret landed in "${around}"`,
    );
    await page.context().close();
  }
});

test("scanner: marks match the findings' spans on tricky drafts (emoji, keycaps, zero-width, full-width, newlines, RTL-free)", async () => {
  const drafts = [
    "🙏🏻 Ayo coblos nomor 2️⃣ ya! 🇮🇩 #PrabowoGibran2024",
    "Ayo c\u200bo\u200bb\u200blos nomor 2!",
    "Ａｙｏ ｃｏｂｌｏｓ ｎｏｍｏｒ ２！",
    "Baris pertama.\n\nAyo   coblos    nomor  2 ☝️✌️\n\tPrabowo-Gibran untuk Indonesia",
    "Caf\u00e9 ba\u0301ik. Ayo coblooooos nomor 2!!! 👍👍",
  ];
  const page = await env.open("/", {
    init: () => {
      window.__last = null;
      document.addEventListener("cek-netral:result", (e) => (window.__last = e.detail));
    },
  });
  await openScanner(page);
  const problems = [];
  for (const d of drafts) {
    await typeDraft(page, d);
    await page.waitForFunction((d) => window.__last && window.__last.tool === "scanner" && window.__last.result.findings.every((f) => d.slice(f.start, f.end) === f.text), d);
    const result = await page.evaluate(() => JSON.parse(JSON.stringify(window.__last.result)));
    const st = await scannerState(page);
    const marks = mergeRanges(st.marks);
    const spans = mergeRanges(result.findings);
    if (JSON.stringify(marks) !== JSON.stringify(spans)) {
      problems.push(`${JSON.stringify(d)}: marks ${JSON.stringify(marks.map(([s, e]) => d.slice(s, e)))} vs findings ${JSON.stringify(spans.map(([s, e]) => d.slice(s, e)))}`);
    }
    if (st.mirrorText !== d + "\u200b") problems.push(`${JSON.stringify(d)}: the mirror's text differs from the draft`);
    if (!result.findings.length) problems.push(`${JSON.stringify(d)}: no finding`);
  }
  assert.deepEqual(problems, []);
});
