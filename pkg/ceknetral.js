// CekNetral widget: the <cek-netral> element and mount()/unmount() for single-page apps.
//
//   <script type="module" src="/ceknetral/ceknetral.js"></script>     (self-hosted)
//   import "ceknetral/element";                                      (npm, with a bundler)
//   <cek-netral mode="both" lang="id" packs="/ceknetral/packs/pilkada-kota.json"></cek-netral>
//
// Everything runs in the browser: the draft text never leaves the page. The only requests
// are this folder's own files and the pack URLs the page names. The widget renders inside
// a shadow root with its own stylesheet (no inline styles or scripts, so a strict
// Content-Security-Policy needs only 'self' and 'wasm-unsafe-eval').

import { loadOnce } from "./loader.js";

const BASE = new URL(".", import.meta.url);
const STYLESHEET = new URL("./ceknetral.css", import.meta.url);

const TEXT = {
  id: {
    loading: "Memuat CekNetral…",
    title: "CekNetral tidak dapat dimuat",
    csp:
      "Kebijakan keamanan (Content-Security-Policy) situs ini memblokir WebAssembly. Admin situs: tambahkan 'wasm-unsafe-eval' pada script-src. Petunjuk untuk Apache, nginx dan WordPress ada di BACA-SAYA.txt.",
    mime:
      "Server mengirim berkas .wasm dengan tipe yang salah. Admin situs: sajikan berkas .wasm sebagai application/wasm (lihat BACA-SAYA.txt).",
    missing: "Berkas CekNetral tidak ditemukan di server: ",
    old: "Peramban ini terlalu lama untuk CekNetral. Perbarui peramban Anda.",
    other: "Terjadi kesalahan saat memuat: ",
    pack: "Data pemilu tidak dapat dimuat: ",
  },
  en: {
    loading: "Loading CekNetral…",
    title: "CekNetral could not load",
    csp:
      "This site's Content-Security-Policy blocks WebAssembly. Site admin: add 'wasm-unsafe-eval' to script-src. The README explains it for Apache, nginx and WordPress.",
    mime:
      "The server sends .wasm files with the wrong type. Site admin: serve .wasm files as application/wasm (see the README).",
    missing: "CekNetral's files were not found on the server: ",
    old: "This browser is too old for CekNetral. Please update it.",
    other: "Something went wrong while loading: ",
    pack: "Election data could not be loaded: ",
  },
};

let widget = null;

/** Loads and compiles the widget's wasm once, however many elements ask for it. */
function loadWidget() {
  if (!widget) {
    widget = (async () => {
      if (typeof WebAssembly !== "object") {
        throw Object.assign(new Error("no WebAssembly"), { cnKind: "old" });
      }
      // A literal path, so that bundlers (Vite, webpack) split the glue into a chunk and
      // emit the wasm it names with new URL(..., import.meta.url); self-hosted, the browser
      // resolves it next to this file. Either way the wasm loads only when an element needs it.
      // The load is shared with the API of "ceknetral" (index.js), which uses the same build:
      // ready({ wasmUrl }) called first decides where the wasm comes from.
      const glue = await import("./widget/ceknetral_web.js");
      await loadOnce(glue.default, new URL("./widget/ceknetral_web_bg.wasm", import.meta.url));
      return glue;
    })();
    widget.catch(() => {
      widget = null; // a later element may try again
    });
  }
  return widget;
}

const loadedPacks = new Map();

/** Fetches and loads each pack URL once per page. */
async function loadPacks(glue, urls) {
  const problems = [];
  for (const url of urls) {
    const abs = new URL(url, document.baseURI).href;
    if (!loadedPacks.has(abs)) {
      loadedPacks.set(
        abs,
        fetch(abs)
          .then((r) => {
            if (!r.ok) throw new Error(`${abs}: HTTP ${r.status}`);
            return r.text();
          })
          .then((text) => glue.loadPack(text)),
      );
    }
    try {
      await loadedPacks.get(abs);
    } catch (e) {
      loadedPacks.delete(abs);
      problems.push(e && e.message ? e.message : String(e));
    }
  }
  return problems;
}

function packList(value) {
  if (Array.isArray(value)) return value;
  return (value || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function language(value) {
  return String(value || "").toLowerCase().startsWith("en") ? "en" : "id";
}

/** What went wrong, in words a site admin can act on. */
function explain(error, lang) {
  const t = TEXT[lang];
  const msg = String((error && error.message) || error);
  if (error && error.cnKind === "old") return t.old;
  if (/wasm-eval|unsafe-eval|Content Security Policy|CSP/i.test(msg)) return t.csp;
  if (/is not WebAssembly \(/.test(msg)) return t.missing + BASE.href;
  if (/MIME|application\/wasm|magic word|expected magic/i.test(msg)) return t.mime;
  if (/Failed to fetch|Failed to load|404|dynamically imported module|Importing a module/i.test(msg)) {
    return t.missing + BASE.href;
  }
  return t.other + msg;
}

function panel(kind, title, message) {
  const box = document.createElement("div");
  box.className = `cn-host-message cn-host-${kind}`;
  box.setAttribute("role", kind === "error" ? "alert" : "status");
  if (title) {
    const strong = document.createElement("strong");
    strong.textContent = title;
    box.append(strong, document.createElement("br"));
  }
  box.append(document.createTextNode(message));
  return box;
}

function shadowFor(host) {
  const root = host.shadowRoot || host.attachShadow({ mode: "open" });
  if (!root.querySelector("link[data-cek-netral]")) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = STYLESHEET.href;
    link.dataset.cekNetral = "";
    root.prepend(link);
  }
  let box = root.querySelector(".cn-host");
  if (!box) {
    box = document.createElement("div");
    box.className = "cn-host";
    root.append(box);
  }
  return box;
}

// Only one widget on a page keeps its checker answers in the URL fragment.
let urlOwner = null;

/**
 * Renders the widget into `element` (inside a shadow root): for single-page apps.
 * options: { mode: "checker"|"scanner"|"both"|"quiz"|"all", lang: "id"|"en", packs: [url, ...],
 * urlState: boolean, role: "pns"|"pppk"|..., reportTo: "mailto:...", presenter: boolean }.
 * Resolves to { unmount() }.
 */
export async function mount(element, options = {}) {
  if (typeof Element !== "function" || !(element instanceof Element)) {
    throw new TypeError("ceknetral mount(element, options): element must be a DOM element");
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError("ceknetral mount(element, options): options must be an object");
  }
  const lang = language(options.lang);
  const box = shadowFor(element);
  box.replaceChildren(panel("loading", "", TEXT[lang].loading));
  let glue;
  try {
    glue = await loadWidget();
  } catch (e) {
    box.replaceChildren(panel("error", TEXT[lang].title, explain(e, lang)));
    throw e;
  }
  const problems = await loadPacks(glue, packList(options.packs));
  const target = document.createElement("div");
  box.replaceChildren(target);
  for (const p of problems) {
    box.append(panel("warning", "", TEXT[lang].pack + p));
    element.dispatchEvent(
      new CustomEvent("cek-netral:error", { bubbles: true, composed: true, detail: { message: p } }),
    );
  }
  const handle = glue.mount(target, {
    mode: options.mode || "both",
    lang,
    host: element,
    urlState: Boolean(options.urlState),
    role: options.role || undefined,
    reportTo: options.reportTo || undefined,
    presenter: Boolean(options.presenter),
  });
  return {
    unmount() {
      glue.unmount(handle);
      box.replaceChildren();
    },
  };
}

/** Removes a widget rendered by mount(); same as calling its unmount(). */
export function unmount(mounted) {
  if (!mounted || typeof mounted.unmount !== "function") {
    throw new TypeError("ceknetral unmount(mounted): give the object that mount() resolved to");
  }
  mounted.unmount();
}

// Importing this module where there is no DOM (server-side rendering, Node) defines nothing
// and does not throw; mount() needs a browser.
const ElementBase = typeof HTMLElement === "function" ? HTMLElement : class {};

class CekNetralElement extends ElementBase {
  static get observedAttributes() {
    return ["mode", "lang", "packs", "role", "report-to", "presenter"];
  }

  connectedCallback() {
    this._render();
  }

  disconnectedCallback() {
    this._gen = (this._gen || 0) + 1;
    if (this._mounted) this._mounted.unmount();
    this._mounted = null;
    if (urlOwner === this) urlOwner = null;
  }

  attributeChangedCallback(_name, before, after) {
    if (this.isConnected && before !== after && this._started) this._render();
  }

  async _render() {
    this._started = true;
    const gen = (this._gen = (this._gen || 0) + 1);
    if (this._mounted) {
      this._mounted.unmount();
      this._mounted = null;
    }
    // The first widget with a checker or the quiz (any mode but "scanner") keeps its state in
    // the URL (#cek=... answers, #kuis=... a shared quiz).
    const mode = this.getAttribute("mode") || "both";
    if (!urlOwner && mode !== "scanner" && this.getAttribute("url-state") !== "off") urlOwner = this;
    try {
      const mounted = await mount(this, {
        mode,
        lang: this.getAttribute("lang") || document.documentElement.lang,
        packs: this.getAttribute("packs"),
        urlState: urlOwner === this,
        role: this.getAttribute("role") || undefined,
        reportTo: this.getAttribute("report-to") || undefined,
        presenter: this.hasAttribute("presenter"),
      });
      if (gen !== this._gen) mounted.unmount();
      else this._mounted = mounted;
    } catch (e) {
      console.error("cek-netral:", e);
    }
  }
}

if (typeof customElements === "object" && customElements && !customElements.get("cek-netral")) {
  customElements.define("cek-netral", CekNetralElement);
}
