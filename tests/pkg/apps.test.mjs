// The package in front-end apps, installed from the npm pack tarball into fresh projects
// and run in headless Chromium: a Vite 7 app (production build, and the dev server), a
// webpack 5 app, and a plain HTML page with <script type="module"> served as static files.
// Each page calls the API (ready, scan, check, version) and renders <cek-netral>.

import { test, before, after } from "node:test";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import {
  appScript,
  assert,
  assertAppState,
  assertSameOrigin,
  cargoVersion,
  exerciseElement,
  launchBrowser,
  openApp,
  path,
  project,
  startServer,
} from "./support.mjs";

const PAGE = (script) => `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CekNetral in an app</title></head>
<body>
<h1>Portal</h1>
<cek-netral mode="scanner"></cek-netral>
${script}
</body>
</html>
`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
});

/** Opens the app at url and checks the API results, the element, the requests. */
async function checkApp(url, { wasmRequests = 1 } = {}) {
  const app = await openApp(browser, url);
  try {
    assertAppState(app.state, cargoVersion());
    const { marks, events } = await exerciseElement(app.page);
    assert.ok(marks.some((m) => /coblos nomor 2/i.test(m)), `highlights: ${JSON.stringify(marks)}`);
    assert.ok(events.includes("scanner:violation"), `cek-netral:result events: ${events}`);
    assertSameOrigin(app.requests, new URL(url).origin);
    const wasm = app.requests.filter((u) => /\.wasm(\?|$)/.test(u));
    assert.equal(wasm.length, wasmRequests, `the API and the element share one wasm download: ${wasm}`);
    assert.deepEqual(app.errors, [], "no page errors");
  } finally {
    await app.context.close();
  }
}

/** Serves `root` as static files and checks the app at each of `pages`. */
async function serveAndCheck(root, pages = ["/"]) {
  const server = await startServer(["--root", root]);
  try {
    for (const p of pages) await checkApp(new URL(p, server.url).href);
  } finally {
    await server.stop();
  }
}

test("Vite 7: production build, served as static files", async () => {
  const proj = await project("vite", {
    deps: ["vite"],
    files: {
      "index.html": PAGE('<script type="module" src="/main.js"></script>'),
      "main.js": appScript("ceknetral", "ceknetral/element"),
      // The dev server pre-bundles dependencies into one file, which breaks the wasm's
      // new URL(..., import.meta.url); the package's README says to exclude it.
      "vite.config.js": 'export default { optimizeDeps: { exclude: ["ceknetral"] } };\n',
    },
  });
  await proj.run(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"]);
  await serveAndCheck(path.join(proj.dir, "dist"));
});

test("Vite 7: dev server", async () => {
  const proj = await project("vite-dev", {
    deps: ["vite"],
    files: {
      "index.html": PAGE('<script type="module" src="/main.js"></script>'),
      "main.js": appScript("ceknetral", "ceknetral/element"),
      "vite.config.js": 'export default { optimizeDeps: { exclude: ["ceknetral"] } };\n',
      "dev.mjs": `import { createServer } from "vite";
const server = await createServer({ server: { host: "127.0.0.1", port: 0 }, logLevel: "error", clearScreen: false });
await server.listen();
console.log("listening http://127.0.0.1:" + server.httpServer.address().port + "/");
process.on("SIGTERM", async () => { await server.close(); process.exit(0); });
`,
    },
  });
  const child = spawn(process.execPath, ["dev.mjs"], { cwd: proj.dir, stdio: ["ignore", "pipe", "pipe"] });
  try {
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const url = await new Promise((resolve, reject) => {
      let out = "";
      const t = setTimeout(() => reject(new Error(`vite dev server did not start in 60 s: ${err}`)), 60_000);
      child.stdout.on("data", (d) => {
        out += d;
        const m = /listening (http:\S+)/.exec(out);
        if (m) {
          clearTimeout(t);
          resolve(m[1]);
        }
      });
      child.on("exit", (code) => reject(new Error(`vite dev server exited with ${code}: ${err}`)));
    });
    await checkApp(url);
  } finally {
    child.kill("SIGTERM");
  }
});

test("webpack 5: production build", async () => {
  const proj = await project("webpack", {
    deps: ["webpack"],
    files: {
      "src/main.js": appScript("ceknetral", "ceknetral/element"),
      "dist/index.html": PAGE('<script src="main.js"></script>'),
      "build.mjs": `import webpack from "webpack";
import { fileURLToPath } from "node:url";
const compiler = webpack({
  mode: "production",
  context: fileURLToPath(new URL(".", import.meta.url)),
  entry: "./src/main.js",
  output: { path: fileURLToPath(new URL("./dist/", import.meta.url)), filename: "main.js" },
  performance: { hints: false },
});
compiler.run((err, stats) => {
  if (err) { console.error(err); process.exit(1); }
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  if (stats.hasErrors()) { console.error(JSON.stringify(info.errors, null, 1)); process.exit(1); }
  console.log(JSON.stringify({ warnings: info.warnings.map((w) => w.message) }));
  compiler.close(() => {});
});
`,
    },
  });
  const { stdout } = await proj.run(process.execPath, ["build.mjs"]);
  const { warnings } = JSON.parse(stdout);
  assert.deepEqual(warnings, [], "webpack builds the package without warnings");
  await serveAndCheck(path.join(proj.dir, "dist"));
});

test("plain HTML page with <script type=\"module\"> and an import map, served as static files", async () => {
  const proj = await project("static", {
    files: {
      "index.html": PAGE(`<script type="importmap">
{ "imports": { "ceknetral": "./node_modules/ceknetral/index.js", "ceknetral/element": "./node_modules/ceknetral/ceknetral.js" } }
</script>
<script type="module" src="./app.js"></script>`),
      "app.js": appScript("ceknetral", "ceknetral/element"),
      "direct.html": PAGE('<script type="module" src="./direct.js"></script>'),
      "direct.js": appScript("./node_modules/ceknetral/index.js", "./node_modules/ceknetral/ceknetral.js"),
    },
  });
  await serveAndCheck(proj.dir, ["/", "/direct.html"]);
});

test("ready({ wasmUrl }) in a browser: the API and the element load the wasm from the given place", async () => {
  const proj = await project("wasm-url", {
    files: {
      "index.html": PAGE('<script type="module" src="./app.js"></script>'),
      "app.js": `import { ready, scan } from "./node_modules/ceknetral/index.js";
import "./node_modules/ceknetral/ceknetral.js";
await ready({ wasmUrl: "/static/cn.wasm" });
window.__ceknetral = { risk: scan("Coblos nomor 1!").risk };
`,
    },
  });
  mkdirSync(path.join(proj.dir, "static"));
  copyFileSync(path.join(proj.dir, "node_modules/ceknetral/widget/ceknetral_web_bg.wasm"), path.join(proj.dir, "static/cn.wasm"));
  const server = await startServer(["--root", proj.dir]);
  try {
    const app = await openApp(browser, server.url);
    try {
      assert.equal(app.state.risk, "violation");
      await exerciseElement(app.page);
      const wasm = app.requests.filter((u) => /\.wasm(\?|$)/.test(u)).map((u) => new URL(u).pathname);
      assert.deepEqual(wasm, ["/static/cn.wasm"], "one download, from the place given");
      assert.deepEqual(app.errors, []);
    } finally {
      await app.context.close();
    }
  } finally {
    await server.stop();
  }
});
