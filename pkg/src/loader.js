// Shared by the API entry modules (index.js: scanner and checker; core.js: the scanner
// alone): load the wasm once, and refuse calls made before it is loaded.

function isNode() {
  return typeof process === "object" && process !== null && Boolean(process.versions && process.versions.node);
}

async function wasmSource(defaultUrl, wasmUrl) {
  const url = wasmUrl ? new URL(wasmUrl, defaultUrl) : defaultUrl;
  if (isNode() && url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return readFile(url);
  }
  return url;
}

/**
 * The API over one wasm-bindgen module: `ready(options)` loads it once (concurrent and
 * repeated calls share one load; `{ wasmUrl }` loads the wasm from elsewhere), and each
 * name in `names` becomes a function that throws until then.
 */
export function api(init, glue, defaultWasm, names) {
  let loading = null;
  let loaded = false;
  const out = {
    ready(options = {}) {
      if (options === null || typeof options !== "object") {
        return Promise.reject(
          new TypeError("ceknetral ready(options): options must be an object such as { wasmUrl: '/static/ceknetral_web_bg.wasm' }"),
        );
      }
      if (!loading) {
        loading = (async () => {
          await init({ module_or_path: await wasmSource(defaultWasm, options.wasmUrl) });
          loaded = true;
        })();
        loading.catch(() => {
          loading = null; // a later call may try again
        });
      }
      return loading;
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
