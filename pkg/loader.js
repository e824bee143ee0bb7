// Shared by the entry modules (index.js: scanner and checker; core.js: the scanner alone;
// ceknetral.js: the element): load each wasm module once, and refuse API calls made before
// it is loaded.

function isNode() {
  return typeof process === "object" && process !== null && Boolean(process.versions && process.versions.node);
}

/** What to hand to the glue's init: in Node the bytes of a file: URL, elsewhere the URL. */
async function wasmSource(defaultUrl, wasmUrl) {
  let url = defaultUrl;
  if (wasmUrl !== undefined && wasmUrl !== null) {
    if (typeof wasmUrl !== "string" && !(wasmUrl instanceof URL)) {
      throw new TypeError(
        "ceknetral ready({ wasmUrl }): wasmUrl must be a string or a URL, such as '/static/ceknetral_web_bg.wasm'",
      );
    }
    const base = typeof document === "object" && document !== null ? document.baseURI : defaultUrl;
    url = new URL(String(wasmUrl), base);
  }
  if (isNode() && url.protocol === "file:") {
    // A specifier that bundlers leave alone: this branch runs only in Node, and a browser
    // bundle must not try to resolve node:fs.
    const fsModule = "node:fs/promises";
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fsModule);
    try {
      return await readFile(url);
    } catch (e) {
      throw new Error(`ceknetral: cannot read the wasm file ${url.pathname} (${e.code || e.message}); was the package installed whole?`);
    }
  }
  return url;
}

// One load per glue module (keyed by its init function), whoever asks: the API's ready()
// and the element share it when they use the same build.
const loads = new Map();

/**
 * Loads the wasm behind `init` once; later and concurrent calls get the same promise (the
 * first call's wasmUrl wins). A failed load is forgotten, so a later call can try again.
 */
export function loadOnce(init, defaultWasm, wasmUrl) {
  let p = loads.get(init);
  if (!p) {
    p = (async () => {
      const source = await wasmSource(defaultWasm, wasmUrl);
      try {
        await init({ module_or_path: source });
      } catch (e) {
        // "expected magic word 00 61 73 6d, found 3c 21 ...": the server answered with
        // something else where the wasm should be (an HTML 404 page, a dev server's fallback).
        if (/magic word/.test(String(e && e.message))) {
          const where = source instanceof URL ? source.href : "the given bytes";
          const what = /found 3c/.test(e.message) ? "the server sent an HTML page instead, such as a rewrite to index.html" : "the file is damaged or not the package's";
          throw new Error(
            `ceknetral: ${where} is not WebAssembly (${what}). Serve the package's wasm file there or pass ` +
              'ready({ wasmUrl }); with Vite\'s dev server, add optimizeDeps: { exclude: ["ceknetral"] } to vite.config.js.',
            { cause: e },
          );
        }
        throw e;
      }
    })();
    loads.set(init, p);
    p.catch(() => {
      if (loads.get(init) === p) loads.delete(init);
    });
  }
  return p;
}

/**
 * The API over one wasm-bindgen module: `ready(options)` loads it once (`{ wasmUrl }` loads
 * the wasm from elsewhere), and each name in `names` becomes a function that throws until
 * then.
 */
export function api(init, glue, defaultWasm, names) {
  let loaded = false;
  let pending = null;
  const out = {
    ready(options) {
      if (options !== undefined && (options === null || typeof options !== "object")) {
        return Promise.reject(
          new TypeError("ceknetral ready(options): options must be an object such as { wasmUrl: '/static/ceknetral_web_bg.wasm' }"),
        );
      }
      // Every call gets the same promise until a load fails (then the next call tries again).
      if (!pending) {
        const p = loadOnce(init, defaultWasm, options && options.wasmUrl).then(() => {
          loaded = true;
        });
        pending = p;
        p.catch(() => {
          if (pending === p) pending = null;
        });
      }
      return pending;
    },
  };
  for (const name of names) {
    out[name] = (...args) => {
      if (!loaded) throw new Error(`ceknetral: call \`await ready()\` once before ${name}()`);
      return glue[name](...args);
    };
  }
  return out;
}
