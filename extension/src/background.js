// CekNetral extension: the background worker (a module service worker in Chromium, an
// event page in Firefox). It runs the scanner's wasm (the `core` build of ceknetral-web),
// so a page's Content-Security-Policy never matters, and answers the content scripts and
// the options page by message. It makes no network request: the only fetches are of the
// extension's own files (the wasm, the built-in pack, role-rules.json).
//
// Messages (all answered with { ok: true, ... } or { ok: false, error }):
//   { type: "scan", text }            -> { result, notes }: the scanner's result in the
//                                        user's language and, for each kind of finding, what
//                                        the checker says for the user's role
//   { type: "importPack", json }      -> { pack: { id, title } }: validates a pack (the
//                                        options page stores it)
//   { type: "about" }                 -> { version, knowledge_base_reviewed, roles }

import "./settings.js";
import init, { scan, loadPack, unloadPack, packs, version } from "./core/ceknetral_web.js";

const S = globalThis.CekNetralSettings;
const ext = S.ext;
const BUILTIN_ID = "pemilu-2024";

let starting = null;
let rules = null;
let settings = S.normalize(null);

async function ownJson(file) {
  const response = await fetch(ext.runtime.getURL(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json();
}

/** Loads the wasm and the role rules once per start of the worker or event page. */
function start() {
  if (!starting) {
    starting = (async () => {
      await init({ module_or_path: ext.runtime.getURL("core/ceknetral_web_bg.wasm") });
      rules = await ownJson("role-rules.json");
    })();
    starting.catch((e) => {
      console.error("CekNetral: the scanner could not start:", e);
      starting = null;
    });
    configure();
  }
  return starting;
}

// Settings and packs are applied one change at a time, each after the wasm has loaded: a
// storage change can be the very event that wakes the background, before the wasm is there.
// `configuring` never stays rejected, so that one failed step (logged) does not fail every
// later scan; the next change or start applies the settings again.
let configuring = Promise.resolve();

/** Brings the loaded packs in line with the settings (imported packs, built-in switch). */
function configure() {
  const step = configuring.then(async () => {
    // Not start(): a start that failed is tried again by the next message, not from here.
    if (!starting) return;
    await starting;
    settings = await S.load();
    const imported = (await S.loadPacks()).filter((p) => p.enabled !== false);
    const wanted = new Set(imported.map((p) => p.id));
    if (settings.builtinPack) wanted.add(BUILTIN_ID);
    for (const p of packs()) {
      if (!wanted.has(p.id)) unloadPack(p.id);
    }
    const loaded = new Set(packs().map((p) => p.id));
    if (settings.builtinPack && !loaded.has(BUILTIN_ID)) {
      loadPack(JSON.stringify(await ownJson("packs/pemilu-2024.json")));
    }
    for (const p of imported) {
      try {
        loadPack(p.json); // replaces a loaded pack with the same id
      } catch (e) {
        console.warn(`CekNetral: the imported pack "${p.id}" is no longer valid:`, e.message);
      }
    }
  });
  configuring = step.catch((e) => console.error("CekNetral: the settings could not be applied:", e));
  return configuring;
}

/** Resolves once the scanner is loaded and the latest settings are applied. */
async function ready() {
  await start();
  await configuring;
}

/** For each kind of finding, the checker's answer for the user's role (role-rules.json). */
function notesFor(result, lang) {
  const role = S.effectiveRole(settings);
  const byRole = rules && rules.rules[role];
  if (!byRole) return [];
  const seen = new Set();
  const notes = [];
  for (const f of result.findings) {
    const activity = rules.categories[f.category];
    if (!activity || seen.has(activity) || !byRole[activity]) continue;
    seen.add(activity);
    const r = byRole[activity];
    notes.push({
      activity,
      // The kinds of finding this note answers for the role (their basis lines use it).
      categories: Object.keys(rules.categories).filter((c) => rules.categories[c] === activity),
      label: rules.activities[activity][lang],
      role: rules.roleLabels[role][lang],
      verdict: r.verdict,
      basis: r.basis,
      sanctions: r.sanctions.map((s) => ({ when: s.when[lang], detail: s.detail[lang] })),
      advice: r.advice[lang],
      disputed: r.disputed,
    });
  }
  return notes;
}

const BADGE = {
  violation: { text: "!", color: "#b3261e" },
  review: { text: "?", color: "#a15c00" },
  safe: { text: "", color: "#2e7d32" },
};

function showOnAction(tabId, risk) {
  if (typeof tabId !== "number" || !ext.action) return;
  const b = BADGE[risk] || BADGE.safe;
  ext.action.setBadgeText({ tabId, text: b.text }).catch(() => {});
  ext.action.setBadgeBackgroundColor({ tabId, color: b.color }).catch(() => {});
}

async function handle(message, sender) {
  if (!message || typeof message !== "object") throw new TypeError("a message must be an object");
  switch (message.type) {
    case "scan": {
      if (typeof message.text !== "string") throw new TypeError("scan: text must be a string");
      await ready();
      const lang = settings.lang;
      const result = scan(message.text, { lang });
      if (sender && sender.tab) showOnAction(sender.tab.id, message.text.trim() ? result.risk : "safe");
      return { result, notes: notesFor(result, lang) };
    }
    case "importPack": {
      if (typeof message.json !== "string") throw new TypeError("importPack: json must be a string");
      await ready();
      const info = loadPack(message.json); // throws with the field that is wrong
      return { pack: { id: info.id, title: info.title } };
    }
    case "about": {
      await start();
      return { ...version(), roles: rules.roleLabels, packs: packs() };
    }
    default:
      throw new Error(`unknown message type ${JSON.stringify(message.type)}`);
  }
}

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own pages and content scripts can reach onMessage.
  handle(message, sender).then(
    (answer) => sendResponse({ ok: true, ...answer }),
    (e) => sendResponse({ ok: false, error: String((e && e.message) || e) }),
  );
  return true; // the answer comes asynchronously
});

ext.storage.onChanged.addListener((_changes, area) => {
  if ((area === "sync" || area === "local") && starting) configure();
});

ext.runtime.onInstalled.addListener((details) => {
  if (details.reason === "install") ext.runtime.openOptionsPage();
});

if (ext.action && ext.action.onClicked) {
  ext.action.onClicked.addListener(() => ext.runtime.openOptionsPage());
}

start();
