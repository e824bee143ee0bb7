// CekNetral's scanner alone (no checker, no user interface): what the browser extension
// and npm users who only scan load.
//
//   import { ready, scan } from "ceknetral/core";
//   await ready();
//   scan("Ayo coblos nomor 2!").risk   // "violation"

import init, * as glue from "./core/ceknetral_web.js";
import { api } from "./loader.js";

const a = api(init, glue, new URL("./core/ceknetral_web_bg.wasm", import.meta.url), [
  "scan",
  "loadPack",
  "unloadPack",
  "packs",
  "version",
]);

/** Loads the wasm once; options: { wasmUrl }. */
export const ready = a.ready;
/** Scans a draft post: { risk, findings: [...] }. */
export const scan = a.scan;
/** Loads an election data pack (a JSON string or an object); an invalid pack throws. */
export const loadPack = a.loadPack;
/** Removes a loaded pack by id; true if it was loaded. */
export const unloadPack = a.unloadPack;
/** The loaded packs: [{ id, title, enabled }]. */
export const packs = a.packs;
/** { version, knowledge_base_reviewed }. */
export const version = a.version;
