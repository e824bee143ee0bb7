// CekNetral's JavaScript API on the scanner-and-checker wasm (no user interface):
//
//   import { ready, scan, check } from "ceknetral";
//   await ready();
//   scan("Ayo coblos nomor 2!").risk   // "violation"
//
// ready() loads and compiles the wasm once (many and concurrent calls share one load); the
// other calls are synchronous after that and return plain objects shaped like the CLI's
// JSON. In a browser the wasm is fetched from next to this module, in Node it is read from
// disk; ready({ wasmUrl }) loads it from elsewhere.

import init, * as core from "./core/ceknetral_web.js";

let loading = null;
let loaded = false;

function isNode() {
  return typeof process === "object" && process !== null && Boolean(process.versions && process.versions.node);
}

async function wasmSource(wasmUrl) {
  const url = wasmUrl ? new URL(wasmUrl, import.meta.url) : new URL("./core/ceknetral_web_bg.wasm", import.meta.url);
  if (isNode() && url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return readFile(url);
  }
  return url;
}

/**
 * Loads the wasm once. Options: { wasmUrl } to load it from another place (a URL or a path
 * relative to this module). Resolves when scan(), check() and the others can be called.
 */
export function ready(options = {}) {
  if (options === null || typeof options !== "object") {
    throw new TypeError("ceknetral ready(options): options must be an object such as { wasmUrl: '/static/ceknetral_web_bg.wasm' }");
  }
  if (!loading) {
    loading = (async () => {
      const source = await wasmSource(options.wasmUrl);
      await init({ module_or_path: source });
      loaded = true;
    })();
    loading.catch(() => {
      loading = null; // let a later call try again
    });
  }
  return loading;
}

function need(name) {
  if (!loaded) {
    throw new Error(`ceknetral: call \`await ready()\` once before ${name}()`);
  }
}

/** Scans a draft post: { risk, findings: [{ start, end, text, rule, category, severity, message, basis, suggestion }] }. */
export function scan(text, options) {
  need("scan");
  return core.scan(text, options);
}

/** The checker's answer for a role, an activity and the facts that matter. */
export function check(role, activity, facts, options) {
  need("check");
  return core.check(role, activity, facts, options);
}

/** The whole decision tree. */
export function tree() {
  need("tree");
  return core.tree();
}

/** The roles with Indonesian and English labels. */
export function roles() {
  need("roles");
  return core.roles();
}

/** The activities by group, with the facts that can change an answer. */
export function activities() {
  need("activities");
  return core.activities();
}

/** Loads an election data pack (a JSON string or an object); an invalid pack throws. */
export function loadPack(pack) {
  need("loadPack");
  return core.loadPack(pack);
}

/** Removes a loaded pack by id; true if it was loaded. */
export function unloadPack(id) {
  need("unloadPack");
  return core.unloadPack(id);
}

/** The loaded packs: [{ id, title, enabled }]. */
export function packs() {
  need("packs");
  return core.packs();
}

/** { version, knowledge_base_reviewed }. */
export function version() {
  need("version");
  return core.version();
}
