// The extension on each editor pattern: a textarea, a plain contenteditable in a form, a
// Draft.js-like editor (X), a Lexical-like editor (Facebook), and a chat composer that sends
// on Enter (WhatsApp Web). For each: the badge for a partisan and for a neutral draft, the
// warning when a violation is posted, "Tetap posting" letting the page's own submit run
// exactly once, "Ubah" posting nothing, and the editor's DOM untouched throughout. Every
// test runs in Chromium and in Firefox ESR (tests/extension/browsers.mjs).

import { describe, test, beforeEach } from "node:test";
import { startServer } from "../e2e/support.mjs";
import {
  BROWSERS,
  FIXTURES,
  NEUTRAL,
  PARTISAN,
  assert,
  badgeState,
  choose,
  extensionEnv,
  posts,
  settle,
  typeInto,
  waitBadge,
  waitWarning,
  warning,
} from "./support.mjs";

// How each fixture posts: a click on its button, or a key.
const EDITORS = [
  { file: "textarea.html", post: (page) => page.click("#post") },
  { file: "contenteditable.html", post: (page) => page.click("#post") },
  { file: "draft.html", post: (page) => page.click("#post") },
  { file: "draft.html", key: "Control+Enter", post: (page) => page.press("Control+Enter") },
  { file: "lexical.html", post: (page) => page.click("#post") },
  { file: "composer.html", key: "Enter", post: (page) => page.press("Enter") },
  { file: "composer.html", key: "send button", post: (page) => page.click("#send") },
];

function editorText(page) {
  return page.evaluate(() => {
    const e = document.getElementById("editor");
    return e.tagName === "TEXTAREA" ? e.value : e.innerText;
  });
}

for (const name of BROWSERS) {
  describe(name, () => {
    const env = extensionEnv(name);

    beforeEach(async () => {
      await env.reset();
      await env.closePages();
    });

    for (const { file, post, key } of EDITORS.filter((e) => !e.key || e.file === "composer.html")) {
      if (key === "send button") continue;
      test(`${file}: red badge for a partisan draft, green for a neutral one, none when empty`, async () => {
        const page = await env.open(file);
        await typeInto(page, PARTISAN);
        const red = await waitBadge(page, "violation");
        assert.match(red.text, /Berpotensi melanggar \(\d+\)/);
        assert.match(red.label, /berpotensi melanggar netralitas/);
        // Next to the compose box: inside or just below its rectangle.
        const box = await page.evaluate(() => {
          const r = document.getElementById("editor").getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        });
        assert.ok(red.rect.x >= box.x - 4 && red.rect.x + red.rect.w <= box.x + box.width + 8, `badge x ${JSON.stringify(red.rect)} vs editor ${JSON.stringify(box)}`);
        assert.ok(red.rect.y >= box.y - 4 && red.rect.y <= box.y + box.height + 40, `badge y ${JSON.stringify(red.rect)} vs editor ${JSON.stringify(box)}`);

        await page.click("#editor");
        await page.press("Control+A");
        await page.press("Backspace");
        if (file !== "textarea.html" && file !== "contenteditable.html") {
          // The model-driven fixtures delete one character per Backspace.
          for (let i = 0; i < PARTISAN.length + 2 && (await editorText(page)).length; i++) await page.press("Backspace");
        }
        await waitBadge(page, null);
        await page.type(NEUTRAL);
        const green = await waitBadge(page, "safe");
        assert.equal(green.text, "Aman");
        await page.close();
      });
    }

    for (const { file, post, key } of EDITORS) {
      const how = key ? ` (${key})` : "";
      test(`${file}${how}: posting a violation shows the warning; "Tetap posting" posts exactly once`, async () => {
        const page = await env.open(file);
        await typeInto(page, PARTISAN);
        await waitBadge(page, "violation");
        await post(page);
        const w = await waitWarning(page);
        assert.equal(w.title, "Tunggu dulu: unggahan ini berpotensi melanggar netralitas ASN");
        assert.equal(w.role, "alertdialog");
        assert.equal(w.modal, "true");
        assert.deepEqual(w.buttons, ["Ubah", "Tetap posting", "Jangan ingatkan di situs ini"]);
        assert.equal(w.focused, "Ubah", "focus starts on the safe choice");
        assert.ok(w.findings.some((f) => f.quote === "coblos nomor 2"), JSON.stringify(w.findings));
        assert.ok(w.findings.every((f) => /Dasar hukum: .*(PP 94\/2021|SKB 2022|UU 20\/2023)/.test(f.text)), "every finding cites its basis");
        assert.ok(w.notes.some((n) => /Untuk peran Anda \(PNS \(termasuk CPNS\)\).*dilarang/.test(n)), `role note: ${w.notes}`);
        assert.deepEqual(await posts(page), [], "the page's own submit has not run");

        await choose(page, "post");
        await settle();
        assert.deepEqual(await posts(page), [PARTISAN], "the page's own submit ran exactly once, with the text as typed");
        assert.equal(await warning(page), null);
        assert.deepEqual(page.errors, []);
        await page.close();
      });
    }

    for (const { file, post, key } of EDITORS.filter((e) => e.key !== "send button")) {
      const how = key ? ` (${key})` : "";
      test(`${file}${how}: "Ubah" posts nothing and returns to the words; the editor's DOM is never touched`, async () => {
        const page = await env.open(file);
        await typeInto(page, PARTISAN);
        await waitBadge(page, "violation");
        const before = await page.evaluate(() => document.body.innerHTML);
        await page.evaluate(() => {
          window.__watch = true;
        });
        // Everything the extension does: open and close the badge's panel, warn, go back.
        await page.click("cek-netral-ext >>> .badge");
        await page.waitSelector("cek-netral-ext >>> .panel");
        await page.press("Escape");
        await post(page);
        await waitWarning(page);
        await choose(page, "edit");
        await settle(200);
        const after = await page.evaluate(() => ({ html: document.body.innerHTML, mutations: window.__mutations, selected: String(getSelection()) }));
        assert.deepEqual(after.mutations, [], "no change under <body> while the extension worked");
        assert.equal(after.html, before, "the page's DOM is as the page left it");
        assert.deepEqual(await posts(page), [], "nothing was posted");
        assert.equal(await warning(page), null);
        assert.equal(await editorText(page), PARTISAN);
        const focusedIsEditor = await page.evaluate(() => {
          const e = document.getElementById("editor");
          return document.activeElement === e || e.contains(document.activeElement);
        });
        assert.ok(focusedIsEditor, "focus is back in the editor");
        if (file === "textarea.html") {
          const sel = await page.evaluate(() => {
            const e = document.getElementById("editor");
            return e.value.slice(e.selectionStart, e.selectionEnd);
          });
          assert.equal(sel, "coblos nomor 2", "the first flagged words are selected");
        } else {
          assert.equal(after.selected, "coblos nomor 2", "the first flagged words are selected");
        }
        await page.close();
      });
    }

    test("a neutral post goes through at once, without a warning", async () => {
      const page = await env.open("textarea.html");
      await typeInto(page, NEUTRAL);
      await waitBadge(page, "safe");
      await page.click("#post");
      await settle();
      assert.deepEqual(await posts(page), [NEUTRAL]);
      assert.equal(await warning(page), null);
      await page.close();
    });

    test("a post made right after typing, before the scan answered, is held, checked, and warned about", async () => {
      const page = await env.open("composer.html");
      await page.click("#editor");
      await page.type(PARTISAN);
      await page.press("Enter"); // no wait for the badge
      await waitWarning(page);
      assert.deepEqual(await posts(page), []);
      await choose(page, "post");
      await settle();
      assert.deepEqual(await posts(page), [PARTISAN]);
      await page.close();
    });

    test("Shift+Enter in the chat composer is a new line, never a post or a warning", async () => {
      const page = await env.open("composer.html");
      await typeInto(page, PARTISAN);
      await waitBadge(page, "violation");
      await page.press("Shift+Enter");
      await settle(200);
      assert.equal(await warning(page), null);
      assert.deepEqual(await posts(page), []);
      await page.close();
    });

    test("Enter in an editor where it starts a new line (the Lexical-like post box) is left alone", async () => {
      const page = await env.open("lexical.html");
      await typeInto(page, PARTISAN);
      await waitBadge(page, "violation");
      await page.press("Enter");
      await settle(200);
      assert.equal(await warning(page), null);
      const text = await editorText(page);
      assert.ok(text.length > PARTISAN.length && text.trimEnd() === PARTISAN, `a new line was added: ${JSON.stringify(text)}`);
      await page.close();
    });

    test("the warning by keyboard: Tab stays inside, Escape is 'Ubah'", async () => {
      const page = await env.open("textarea.html");
      await typeInto(page, PARTISAN);
      await waitBadge(page, "violation");
      await page.click("#post");
      await waitWarning(page);
      const seen = [];
      for (let i = 0; i < 6; i++) {
        await page.press("Tab");
        seen.push((await warning(page)).focused);
      }
      const dialogButtons = new Set(["Ubah", "Tetap posting", "Jangan ingatkan di situs ini", "Pakai saran"]);
      assert.ok(seen.every((s) => dialogButtons.has(s)), `focus left the warning: ${seen}`);
      await page.press("Escape");
      assert.equal(await warning(page), null);
      assert.deepEqual(await posts(page), []);
      await page.close();
    });

    test("a suggestion applied from the badge's panel replaces only the flagged words (textarea and contenteditable)", async () => {
      for (const file of ["textarea.html", "contenteditable.html"]) {
        const page = await env.open(file);
        await typeInto(page, "Ayo coblos nomor 2 besok ya teman-teman");
        await waitBadge(page, "violation");
        await page.click("cek-netral-ext >>> .badge");
        await page.waitSelector("cek-netral-ext >>> .panel li.finding");
        // The panel's finding for the flagged words, and its suggestion.
        const { index, suggestion } = await page.evaluate(() => {
          const items = [...document.querySelector("cek-netral-ext").shadowRoot.querySelectorAll(".panel li.finding")];
          const index = items.findIndex((li) => li.querySelector("q").textContent === "coblos nomor 2");
          return { index, suggestion: index >= 0 ? items[index].querySelector(".suggestion q")?.textContent : null };
        });
        assert.ok(index >= 0 && suggestion, `a suggestion for "coblos nomor 2" in the panel (${file})`);
        await page.click(`cek-netral-ext >>> .panel li.finding:nth-child(${index + 1}) .suggestion button`);
        await page.waitFor((s) => {
          const e = document.getElementById("editor");
          return (e.tagName === "TEXTAREA" ? e.value : e.innerText).includes(s);
        }, suggestion);
        assert.equal(await editorText(page), `Ayo ${suggestion} besok ya teman-teman`, file);
        assert.deepEqual(await posts(page), []);
        await page.close();
      }
    });

    test("the badge follows the extension's language setting (English)", async () => {
      await env.settings({ lang: "en" });
      const page = await env.open("textarea.html");
      await typeInto(page, PARTISAN);
      const b = await waitBadge(page, "violation");
      assert.match(b.text, /^May breach \(\d+\)$/);
      await page.click("#post");
      const w = await waitWarning(page);
      assert.equal(w.title, "Wait: this post may breach the neutrality rules for civil servants (ASN)");
      assert.deepEqual(w.buttons, ["Edit", "Post anyway", "Don't remind me on this site"]);
      assert.ok(w.findings.some((f) => /Legal basis: /.test(f.text)));
      await page.close();
    });

    test("the badge works on a page whose Content-Security-Policy forbids WebAssembly and inline code", async () => {
      // The fixture server again, sending every page a policy without 'wasm-unsafe-eval'.
      const strict = await startServer(["--root", FIXTURES, "--no-wasm-eval-csp"]);
      const page = await env.open(new URL("textarea.html", strict.url).href).catch(async (e) => {
        await strict.stop();
        throw e;
      });
      const blocked = await page.evaluate(async () => {
        try {
          await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
          return false;
        } catch (e) {
          return /unsafe-eval|wasm-eval|Content Security Policy|blocked by CSP/i.test(String(e));
        }
      });
      assert.equal(blocked, true, "the page itself cannot compile WebAssembly");
      await typeInto(page, PARTISAN);
      await waitBadge(page, "violation");
      assert.equal((await badgeState(page)).hidden, false);
      await page.close();
      await strict.stop();
    });

    test("a text over the scanner's limit gets a grey 'Tidak dapat diperiksa' badge and posts without a warning", async () => {
      const page = await env.open("textarea.html");
      await page.click("#editor");
      // 4.5 MB in one paste-like input: over the scanner's 4 MB limit.
      await page.fill("#editor", `${PARTISAN} `.repeat(Math.ceil((4.5 * 1024 * 1024) / (PARTISAN.length + 1))));
      const b = await waitBadge(page, "error", 30_000);
      assert.equal(b.text, "Tidak dapat diperiksa");
      assert.match(b.label, /tidak dapat memeriksa/);
      assert.match(b.label, /terlalu panjang/);
      await page.click("#post");
      await settle();
      assert.equal((await posts(page)).length, 1, "nothing is held back when the text could not be checked");
      assert.equal(await warning(page), null);
      // Back under the limit: checked again.
      await page.fill("#editor", PARTISAN);
      await waitBadge(page, "violation");
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test("odd Unicode in the editor (a lone surrogate, zero-width spaces, emoji) still gets a verdict", async () => {
      const page = await env.open("textarea.html");
      await page.click("#editor");
      await page.fill("#editor", "Ayo co\u200bblos nomor 2\uD800 \u{1F44D}\u{1F3FD}\u270C\uFE0F sekarang");
      await waitBadge(page, "violation");
      await page.fill("#editor", "\uDC00\uD800\u{1F1EE}\u{1F1E9} selamat pagi \u0000");
      await waitBadge(page, "safe");
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  });
}
