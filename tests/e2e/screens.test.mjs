// Screenshots at phone (360 px) and desktop (1280 px) widths of the demo's three states,
// both portals and the strict-CSP page; and at 320 px nothing inside the widget overflows
// horizontally.
import { test } from "node:test";
import assert from "node:assert/strict";
import { e2e, widget, openScanner, typeDraft, screenshot, SCREENSHOTS, PARTISAN } from "./support.mjs";

const env = e2e();
const RESULT = "/#cek=pns/media_sosial/social_like/stage=calon";
// A draft with long unbroken words (a hashtag and a URL), the usual cause of overflow.
const LONG_WORDS = `${PARTISAN} #PrabowoGibranUntukIndonesiaMajuBersamaSampaiMenang2024 https://contoh.example/kampanye/relawan/pendaftaran-anggota-baru?ref=grup-whatsapp-kantor`;

/** The states to capture: name, page, and what to do after it loads. */
const STATES = [
  ["demo-checker-question", "/", async () => {}],
  ["demo-checker-result", RESULT, async (page) => {
    await widget(page).locator("article.cn-card").waitFor();
  }],
  ["demo-scanner-findings", "/", async (page) => {
    await openScanner(page);
    await typeDraft(page, PARTISAN);
    await widget(page).locator(".cn-finding").first().waitFor();
  }],
  ["portal-kominfo", "/portal-kominfo.html", async () => {}],
  ["portal-disdik", "/portal-disdik.html", async (page) => {
    await typeDraft(page, PARTISAN, 0);
  }],
  ["strict-csp", "/strict-csp.html", async () => {}],
];

for (const width of [360, 1280]) {
  test(`screenshots at ${width} px: demo checker question and result, demo scanner, both portals, strict CSP`, async () => {
    const written = [];
    for (const [name, path, prepare] of STATES) {
      const page = await env.open(path, { width, height: width < 800 ? 780 : 900 });
      await prepare(page);
      await page.evaluate(() => document.fonts.ready);
      written.push(await screenshot(page, `${width}-${name}`));
      await page.context().close();
    }
    assert.equal(written.length, STATES.length);
    console.log(`screenshots in ${SCREENSHOTS}`);
  });
}

/** Every widget root of the page whose content is wider than the widget, with the culprits. */
function overflow(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("cek-netral")].flatMap((host, i) => {
      const root = host.shadowRoot;
      const out = [];
      for (const el of root.querySelectorAll(".cn-host, .cn-root")) {
        if (el.scrollWidth > el.clientWidth) {
          const limit = el.getBoundingClientRect().right;
          const wide = [...el.querySelectorAll("*")]
            .filter((x) => x.getBoundingClientRect().right > limit + 0.5)
            .slice(0, 5)
            .map((x) => `${x.tagName.toLowerCase()}.${x.className} (right ${Math.round(x.getBoundingClientRect().right)} > ${Math.round(limit)})`);
          out.push(`widget ${i} ${el.className}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}; ${wide.join(", ")}`);
        }
      }
      // The widget itself should fit the viewport.
      const r = host.getBoundingClientRect();
      if (r.right > document.documentElement.clientWidth + 0.5) out.push(`widget ${i} ends at ${r.right} px, past the viewport (${document.documentElement.clientWidth} px)`);
      return out;
    }),
  );
}

test("at 320 px nothing inside the widget overflows horizontally (every state, long words, both portals)", async () => {
  const problems = [];
  const states = [
    ...STATES,
    ["demo-scanner-long-words", "/", async (page) => {
      await openScanner(page);
      await typeDraft(page, LONG_WORDS);
      await widget(page).locator(".cn-finding").first().waitFor();
    }],
    ["demo-english-result", RESULT, async (page) => {
      await widget(page).locator("button.cn-lang").click();
      await widget(page).locator("section.cn-root[lang=en] article.cn-card").waitFor();
      for (const d of await widget(page).locator("article.cn-card details").all()) await d.locator("summary").click();
    }],
    ["portal-kominfo-scanner", "/portal-kominfo.html", async (page) => {
      await openScanner(page);
      await typeDraft(page, LONG_WORDS);
    }],
  ];
  for (const [name, path, prepare] of states) {
    const page = await env.open(path, { width: 320, height: 640 });
    await prepare(page);
    for (const p of await overflow(page)) problems.push(`${name}: ${p}`);
    await screenshot(page, `320-${name}`);
    await page.context().close();
  }
  assert.deepEqual(problems, [], "horizontal overflow at 320 px");
});

test("at 320, 360 and 1280 px, in both languages, the tool switch and the language button stay on one row", async () => {
  const problems = [];
  for (const width of [320, 360, 1280]) {
    for (const lang of ["id", "en"]) {
      const page = await env.open("/", { width, height: 700 });
      const w = widget(page);
      if (lang === "en") {
        await w.locator("button.cn-lang").click();
        await w.locator("section.cn-root[lang=en]").waitFor();
      }
      const rows = await page.evaluate(() => {
        const root = document.querySelector("cek-netral").shadowRoot;
        const boxes = [...root.querySelectorAll(".cn-bar .cn-tab, .cn-bar .cn-lang")].map((b) => b.getBoundingClientRect());
        return { n: boxes.length, top: Math.max(...boxes.map((b) => b.top)), bottom: Math.min(...boxes.map((b) => b.bottom)) };
      });
      // On one row when every box overlaps every other vertically.
      if (rows.n !== 3 || rows.top >= rows.bottom) problems.push(`${width} px, ${lang}: the bar takes more than one row (${JSON.stringify(rows)})`);
      for (const p of await overflow(page)) problems.push(`${width} px, ${lang}: ${p}`);
      await screenshot(page, `${width}-bar-${lang}`);
      await page.context().close();
    }
  }
  assert.deepEqual(problems, []);
});
