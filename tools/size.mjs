#!/usr/bin/env node
// tools/size.mjs: what each browser entry point downloads, in bytes: raw, gzip (level 9) and
// brotli (quality 11), both with Node's zlib, each file compressed on its own (as a server
// sends them) and summed. Reads the folder tools/build-web.sh assembles (`make size`).
//
//   node tools/size.mjs [--check] [--detail] [--site DIR] [--budget FILE]
//
//   core    = core.js + loader.js + core/ceknetral_web.js + core/ceknetral_web_bg.wasm
//   api     = index.js + loader.js + widget/ceknetral_web.js + widget/ceknetral_web_bg.wasm
//   widget  = ceknetral.js + widget/ceknetral_web.js + widget/ceknetral_web_bg.wasm + *.css
//   (paths inside www/ceknetral/, or --site DIR)
//
// stdout: {"core": {"files": [...], "raw": N, "gzip": N, "brotli": N}, "widget": {...}}
//   --detail   each entry of "files" is {"path", "raw", "gzip", "brotli"} instead of a path
//   --check    also compare the brotli bytes with web/size-budget.json (or --budget FILE) and
//              exit 1 naming each entry point over its budget
// Exit 2 when a file is missing ("run make web first") or an option is wrong.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function fail(message, code = 2) {
  console.error(`size: ${message}`);
  process.exit(code);
}

const args = process.argv.slice(2);
const opts = {
  check: false,
  detail: false,
  site: path.join(REPO, "www", "ceknetral"),
  budget: path.join(REPO, "web", "size-budget.json"),
};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--check") opts.check = true;
  else if (a === "--detail") opts.detail = true;
  else if (a === "--site" || a === "--budget") {
    if (i + 1 >= args.length) fail(`${a} needs a value`);
    opts[a.slice(2)] = path.resolve(args[++i]);
  } else fail(`unknown option '${a}' (known: --check, --detail, --site DIR, --budget FILE)`);
}

const site = opts.site;
const rel = (p) => path.relative(REPO, p).startsWith("..") ? p : path.relative(REPO, p);
if (!existsSync(site)) fail(`${rel(site)} is missing: run make web first`);

const topLevel = (ext) =>
  readdirSync(site, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => e.name)
    .sort();

const entries = {
  // the scanner alone: npm "ceknetral/core" and the browser extension
  core: ["core.js", "loader.js", "core/ceknetral_web.js", "core/ceknetral_web_bg.wasm"],
  // the scanner and checker API without the UI: npm "ceknetral" (the widget's wasm)
  api: ["index.js", "loader.js", "widget/ceknetral_web.js", "widget/ceknetral_web_bg.wasm"],
  // the <cek-netral> element: what a portal page downloads
  widget: [
    "ceknetral.js",
    "widget/ceknetral_web.js",
    "widget/ceknetral_web_bg.wasm",
    ...topLevel(".css"),
  ],
};

const missing = Object.values(entries).flat().filter((f) => !existsSync(path.join(site, f)));
if (missing.length) fail(`missing in ${rel(site)}: ${[...new Set(missing)].join(", ")}: run make web first`);

const measured = new Map();
function measure(file) {
  if (!measured.has(file)) {
    const buf = readFileSync(path.join(site, file));
    measured.set(file, {
      path: rel(path.join(site, file)),
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        },
      }).length,
    });
  }
  return measured.get(file);
}

const report = {};
for (const [name, files] of Object.entries(entries)) {
  const sizes = files.map(measure);
  const sum = (k) => sizes.reduce((n, s) => n + s[k], 0);
  report[name] = {
    files: opts.detail ? sizes : sizes.map((s) => s.path),
    raw: sum("raw"),
    gzip: sum("gzip"),
    brotli: sum("brotli"),
  };
}
console.log(JSON.stringify(report, null, 2));

if (opts.check) {
  let budget;
  try {
    budget = JSON.parse(readFileSync(opts.budget, "utf8"));
  } catch (e) {
    fail(`cannot read the budgets in ${rel(opts.budget)}: ${e.message}`);
  }
  const over = [];
  for (const [name, r] of Object.entries(report)) {
    const limit = budget[name];
    if (!Number.isFinite(limit)) fail(`${rel(opts.budget)} has no number for "${name}"`);
    const line = `${name}: ${r.brotli} B brotli, budget ${limit} B`;
    if (r.brotli > limit) {
      over.push(name);
      console.error(`size: OVER BUDGET ${line} (+${r.brotli - limit} B)`);
    } else {
      console.error(`size: ok ${line} (${limit - r.brotli} B left)`);
    }
  }
  if (over.length) fail(`over budget: ${over.join(", ")}`, 1);
}
