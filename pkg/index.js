// CekNetral's JavaScript API: the scanner and the checker, without the user interface.
//
//   import { ready, scan, check } from "ceknetral";
//   await ready();
//   scan("Ayo coblos nomor 2!").risk   // "violation"
//   check("pns", "social_like", { stage: "calon" }).verdict   // "prohibited"
//
// ready() loads and compiles the wasm once; the other calls are synchronous after that and
// return plain objects shaped like the CLI's JSON. In a browser the wasm is fetched from next
// to this module, in Node it is read from disk; ready({ wasmUrl }) loads it from elsewhere.
// Only scanning? Import "ceknetral/core": the same scan() at half the download.

import init, * as glue from "./widget/ceknetral_web.js";
import { api } from "./loader.js";

const a = api(init, glue, new URL("./widget/ceknetral_web_bg.wasm", import.meta.url), [
  "scan",
  "check",
  "ask",
  "tree",
  "roles",
  "activities",
  "loadPack",
  "unloadPack",
  "packs",
  "version",
]);

/** Loads the wasm once; options: { wasmUrl }. */
export const ready = a.ready;
/** Scans a draft post: { risk, findings: [{ start, end, text, rule, category, severity, message, basis, suggestion }] }. */
export const scan = a.scan;
/** The checker's answer for a role, an activity and the facts that matter. */
export const check = a.check;
/** A typed question read into up to three interpretations: [{ role, activity, facts, score, because, label }]. */
export const ask = a.ask;
/** The whole decision tree. */
export const tree = a.tree;
/** The roles with Indonesian and English labels. */
export const roles = a.roles;
/** The activities by group, with the facts that can change an answer. */
export const activities = a.activities;
/** Loads an election data pack (a JSON string or an object); an invalid pack throws. */
export const loadPack = a.loadPack;
/** Removes a loaded pack by id; true if it was loaded. */
export const unloadPack = a.unloadPack;
/** The loaded packs: [{ id, title, enabled }]. */
export const packs = a.packs;
/** { version, knowledge_base_reviewed }. */
export const version = a.version;
