// CekNetral extension: the content script of the social sites. It reads the text of the
// box the user types in (a textarea, a plain contenteditable, or the contenteditable root of
// a rich editor: Draft.js on X, Lexical on Facebook, Instagram, Threads and WhatsApp Web,
// Quill on LinkedIn), asks the background worker to scan it, and draws a badge next to the
// box and, when the user posts a violation, a warning: all inside a shadow root of its own
// element under <html>, so the editor's DOM is never touched. The text changes only when
// the user applies a suggestion. Nothing is blocked for good: "Tetap posting" lets the
// site's own post action run, once.

(() => {
  "use strict";

  const S = globalThis.CekNetralSettings;
  const T = globalThis.CekNetralStrings;
  const D = globalThis.CekNetralDom;
  if (!S || !T || !D || globalThis.__cekNetralLoaded) return;
  const { el } = D;
  globalThis.__cekNetralLoaded = true;
  const ext = S.ext;

  const site = S.siteFor(location.hostname);
  let settings = S.normalize(null);
  let active = false;

  // --- editors ---------------------------------------------------------------------------

  /** Per editor root: what was scanned and what the scanner said. */
  const editors = new Map();
  let current = null; // the editor the badge belongs to

  const BLOCK = /^(DIV|P|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TR|TABLE|SECTION|ARTICLE|HEADER|FOOTER)$/;

  /** The editor root an event target belongs to: a textarea or the top contenteditable. */
  function editorRoot(node) {
    let el = node && node.nodeType === 1 ? node : node && node.parentElement;
    if (!el || (hostEl && (el === hostEl || hostEl.contains(el)))) return null;
    if (el.tagName === "TEXTAREA") return el.readOnly || el.disabled ? null : el;
    if (!el.isContentEditable) return null;
    while (el.parentElement && el.parentElement.isContentEditable) el = el.parentElement;
    return el;
  }

  /**
   * The text of an editor and where each part of it sits in the DOM: for a contenteditable,
   * text nodes in order, a line break for <br> and between blocks (as the user sees it).
   */
  function readText(root) {
    if (root.tagName === "TEXTAREA") return { text: root.value, segments: null };
    const parts = [];
    const segments = [];
    let length = 0;
    let breakPending = false;
    const newline = () => {
      parts.push("\n");
      length += 1;
    };
    const walk = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          if (!child.data) continue;
          if (breakPending && length > 0) newline();
          breakPending = false;
          segments.push({ node: child, start: length });
          parts.push(child.data);
          length += child.data.length;
        } else if (child.nodeType === 1) {
          const tag = child.tagName;
          if (tag === "BR") {
            newline();
            breakPending = false;
          } else if (tag !== "SCRIPT" && tag !== "STYLE" && tag !== "TEMPLATE") {
            const block = BLOCK.test(tag);
            if (block) breakPending = true;
            walk(child);
            if (block) breakPending = true;
          }
        }
      }
    };
    walk(root);
    return { text: parts.join(""), segments };
  }

  function track(root) {
    let ed = editors.get(root);
    if (!ed) {
      ed = { root, scanned: null, result: null, notes: [], error: null, inflight: false, dirty: false, edited: 0, approved: null, observer: null };
      if (root.tagName !== "TEXTAREA") {
        // Rich editors re-render their DOM instead of firing input events: watch it.
        ed.observer = new MutationObserver(() => changed(ed));
        ed.observer.observe(root, { subtree: true, childList: true, characterData: true });
      }
      editors.set(root, ed);
    }
    return ed;
  }

  function untrack(ed) {
    if (ed.observer) ed.observer.disconnect();
    editors.delete(ed.root);
    if (current === ed) current = null;
  }

  function changed(ed) {
    ed.edited = Date.now();
    current = ed;
    requestScan(ed);
  }

  // --- scanning --------------------------------------------------------------------------

  let broken = false;

  function send(message) {
    try {
      return Promise.resolve(ext.runtime.sendMessage(message));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Scans the editor's text now, or right after the scan in flight; resolves when done. */
  function requestScan(ed) {
    if (!active || broken) return Promise.resolve(ed);
    if (ed.inflight) {
      ed.dirty = true;
      return ed.inflight;
    }
    const { text } = readText(ed.root);
    if (!text.trim()) {
      ed.scanned = text;
      ed.result = null;
      ed.notes = [];
      render();
      return Promise.resolve(ed);
    }
    ed.inflight = send({ type: "scan", text }).then(
      (answer) => {
        ed.inflight = false;
        if (answer && answer.ok) {
          ed.scanned = text;
          ed.result = answer.result;
          ed.notes = answer.notes || [];
          ed.error = null;
        } else {
          ed.scanned = text;
          ed.result = null;
          ed.error = (answer && answer.error) || "no answer";
          console.warn("CekNetral:", ed.error);
        }
        render();
        if (ed.dirty || (ed.root.isConnected && readText(ed.root).text !== text)) {
          ed.dirty = false;
          return requestScan(ed);
        }
        return ed;
      },
      (e) => {
        // The extension was updated or removed while the page stayed open.
        ed.inflight = false;
        broken = true;
        console.warn("CekNetral: the extension is not reachable; reload the page.", e && e.message);
        hideAll();
        return ed;
      },
    );
    return ed.inflight;
  }

  /** The editor's result when it matches the text as it is now, else null. */
  function freshResult(ed) {
    return ed.result && ed.scanned === readText(ed.root).text ? ed.result : null;
  }

  // --- the user interface (shadow root under <html>) ----------------------------------------

  const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.cn { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1d1b20; }
.badge { position: fixed; z-index: 2147483647; display: inline-flex; align-items: center; gap: 6px;
  padding: 3px 10px 3px 8px; border-radius: 999px; border: 1px solid transparent; cursor: pointer;
  font: 600 12px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  box-shadow: 0 1px 3px rgba(0,0,0,.25); max-width: 260px; white-space: nowrap; }
.badge::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: currentColor; flex: none; }
.badge[hidden] { display: none; }
.badge.safe { background: #e8f5e9; color: #1b5e20; border-color: #a5d6a7; }
.badge.review { background: #fff4e0; color: #7a4100; border-color: #f0b45a; }
.badge.violation { background: #fde7e7; color: #8c1d18; border-color: #e8a09b; }
.badge.error { background: #f1f0f4; color: #49454f; border-color: #c4c0ca; }
.badge:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20,20,24,.45);
  display: flex; align-items: center; justify-content: center; padding: 16px; }
.dialog { background: #fff; color: #1d1b20; border-radius: 12px; max-width: 560px; width: 100%;
  max-height: calc(100vh - 32px); overflow: auto; padding: 20px 22px; box-shadow: 0 8px 30px rgba(0,0,0,.3); }
.panel { position: fixed; z-index: 2147483647; background: #fff; border-radius: 10px; width: 380px; max-width: calc(100vw - 16px);
  max-height: 60vh; overflow: auto; padding: 14px 16px; box-shadow: 0 6px 24px rgba(0,0,0,.28); border: 1px solid #ddd; }
h2 { font-size: 17px; line-height: 1.3; margin: 0 0 8px; color: #8c1d18; }
.panel h2 { font-size: 15px; color: #1d1b20; }
.dialog.review h2 { color: #7a4100; }
p { margin: 0 0 10px; }
ul { margin: 0 0 12px; padding: 0; list-style: none; }
li.finding { border-left: 4px solid #d93025; padding: 6px 0 6px 10px; margin: 0 0 10px; }
li.finding.review { border-left-color: #f0a020; }
q { font-weight: 600; }
.basis, .small { font-size: 12px; color: #49454f; }
.suggestion { margin-top: 4px; }
.note { background: #f6f2fa; border-radius: 8px; padding: 8px 10px; margin: 0 0 12px; font-size: 12.5px; }
.note strong { color: #1d1b20; }
.note .verdict-prohibited { color: #8c1d18; font-weight: 700; }
.note .verdict-conditional { color: #7a4100; font-weight: 700; }
.note .verdict-allowed { color: #1b5e20; font-weight: 700; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 14px; }
button { font: inherit; }
.btn { border-radius: 999px; padding: 7px 16px; border: 1px solid #79747e; background: #fff; color: #1d1b20; cursor: pointer; font-weight: 600; }
.btn.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
.btn.small { padding: 2px 10px; font-size: 12px; font-weight: 600; }
.btn.link { border: none; background: none; color: #0b57d0; text-decoration: underline; padding: 7px 4px; }
.btn:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.close { float: right; border: none; background: none; font-size: 18px; line-height: 1; cursor: pointer; color: #49454f; padding: 2px 4px; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .dialog, .panel { background: #1f1f23; color: #e6e1e5; border-color: #444; }
  .cn { color: #e6e1e5; } h2, .panel h2 { color: #ffb4ab; } .dialog.review h2 { color: #ffb95c; }
  .basis, .small { color: #cac4d0; } .note { background: #2b2930; } .note strong { color: #e6e1e5; }
  .btn { background: #2b2930; color: #e6e1e5; border-color: #938f99; } .btn.link { background: none; color: #a8c7fa; }
  .btn.primary { background: #a8c7fa; border-color: #a8c7fa; color: #062e6f; } .close { color: #cac4d0; }
}
@media (prefers-reduced-motion: no-preference) { .badge { transition: background-color .15s, color .15s; } }
`;

  let hostEl = null;
  let shadow = null;
  let badge = null;
  let live = null;
  let overlay = null; // the open panel or warning

  function ensureHost() {
    if (hostEl && hostEl.isConnected) return;
    hostEl = document.createElement("cek-netral-ext");
    // Set through the CSSOM, which no page CSP restricts; !important against page rules.
    for (const [k, v] of [["all", "initial"], ["position", "fixed"], ["top", "0"], ["left", "0"], ["width", "0"], ["height", "0"], ["z-index", "2147483647"], ["display", "block"]]) {
      hostEl.style.setProperty(k, v, "important");
    }
    shadow = hostEl.attachShadow({ mode: "open" });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch (_) {
      shadow.append(el("style", { text: CSS }));
    }
    const root = el("div", { class: "cn" });
    badge = el("button", { type: "button", class: "badge", hidden: true });
    badge.addEventListener("click", () => openPanel());
    live = el("div", { class: "live", "aria-live": "polite" });
    root.append(badge, live);
    shadow.append(root);
    // Keys and focus inside our UI are ours: the page's shortcuts and focus traps do not
    // need to see them.
    for (const type of ["keydown", "keyup", "keypress", "focusin", "focusout", "input", "beforeinput"]) {
      shadow.addEventListener(type, (e) => e.stopPropagation());
    }
    (document.documentElement || document).append(hostEl);
  }

  function ours(event) {
    return Boolean(hostEl) && event.composedPath().includes(hostEl);
  }

  function hideAll() {
    if (badge) badge.hidden = true;
    closeOverlay(false);
  }

  function strings() {
    return T.get(settings.lang);
  }

  let lastAnnounced = null;

  /** Updates the badge for the current editor. */
  function render() {
    if (!active) return hideAll();
    const ed = current;
    // The editor's text, read once (a contenteditable's is a walk of its DOM).
    const text = ed && ed.root.isConnected ? readText(ed.root).text : "";
    if (ed && ed.error && ed.scanned === text) return renderError(ed);
    // The last result, even while a newer scan is on its way: the badge does not flicker.
    const result = ed && ed.result;
    if (!result || !text.trim()) {
      if (badge) badge.hidden = true;
      return;
    }
    ensureHost();
    const t = strings();
    const risk = result.risk;
    const n = result.findings.length;
    badge.className = `badge ${risk}`;
    badge.removeAttribute("title");
    badge.textContent = risk === "safe" ? t.badgeSafe : `${risk === "violation" ? t.badgeViolation : t.badgeReview}${n ? ` (${n})` : ""}`;
    badge.setAttribute("aria-label", risk === "safe" ? t.badgeLabelSafe : risk === "violation" ? t.badgeLabelViolation : t.badgeLabelReview);
    badge.dataset.risk = risk;
    badge.hidden = false;
    if (risk === "violation" && lastAnnounced !== ed.scanned) {
      lastAnnounced = ed.scanned;
      live.textContent = t.announceViolation;
    }
    place();
    follow();
  }

  /** The scanner refused the text (over its size limit, or it failed): say so, block nothing. */
  function renderError(ed) {
    ensureHost();
    const t = strings();
    const reason = /bytes/.test(ed.error) ? t.errorTooLong : t.errorFailed;
    badge.className = "badge error";
    badge.textContent = t.badgeError;
    badge.setAttribute("aria-label", `${t.badgeLabelError} ${reason}`);
    badge.title = reason;
    badge.dataset.risk = "error";
    badge.hidden = false;
    place();
    follow();
  }

  /** Puts the badge at the bottom right corner of the editor. */
  function place() {
    if (!badge || badge.hidden || !current) return;
    const r = current.root.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) {
      badge.style.setProperty("visibility", "hidden");
      return;
    }
    badge.style.setProperty("visibility", "visible");
    const b = badge.getBoundingClientRect();
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    let left = r.right - b.width - 6;
    let top = r.height >= 44 ? r.bottom - b.height - 6 : r.bottom + 4;
    left = Math.max(4, Math.min(left, vw - b.width - 4));
    top = Math.max(4, Math.min(top, vh - b.height - 4));
    badge.style.setProperty("left", `${Math.round(left)}px`);
    badge.style.setProperty("top", `${Math.round(top)}px`);
  }

  let following = false;

  /** While the badge shows: follow the editor as the page scrolls and re-renders. */
  function follow() {
    if (following) return;
    following = true;
    const tick = () => {
      if (!active || !badge || badge.hidden || !current) {
        following = false;
        return;
      }
      const ed = current;
      if (!ed.root.isConnected) {
        untrack(ed);
        render();
        following = false;
        return;
      }
      // A textarea emptied or changed by the page's script fires no input event.
      if (ed.root.tagName === "TEXTAREA" && !ed.inflight && ed.root.value !== ed.scanned) requestScan(ed);
      place();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  function basisText(basis) {
    return basis.map((b) => `${b.instrument} ${b.provision}`).join("; ");
  }

  /**
   * The legal basis of a finding. The scanner cites the rules for civil servants (PNS); for
   * any other role the line shows what the checker cites for that role when a role note
   * covers the finding, and otherwise says whose rules the scanner's citation is.
   */
  function basisLine(ed, f, t) {
    if (S.effectiveRole(settings) === "pns") return `${t.basis}: ${basisText(f.basis)}`;
    const note = ed.notes.find((n) => (n.categories || []).includes(f.category));
    if (note) return `${t.basisForRole}: ${basisText(note.basis)}`;
    return `${t.basis} (${t.basisPnsRules}): ${basisText(f.basis)}`;
  }

  function findingItem(ed, f, t) {
    const li = el("li", { class: `finding ${f.severity}` }, el("q", { text: f.text }), document.createTextNode(" "), el("span", { text: f.message }));
    li.append(el("div", { class: "basis", text: basisLine(ed, f, t) }));
    if (f.suggestion) {
      const status = el("span", { class: "small", role: "status" });
      li.append(
        el(
          "div",
          { class: "suggestion small" },
          `${t.suggestion}: `,
          el("q", { text: f.suggestion }),
          " ",
          el("button", {
            type: "button",
            class: "btn small",
            text: t.apply,
            onclick: async () => {
              const ok = await applySuggestion(ed, f);
              status.textContent = ` ${ok ? t.applied : t.applyFailed}`;
            },
          }),
          status,
        ),
      );
    }
    return li;
  }

  function noteItem(note, t) {
    const box = el("div", { class: "note" });
    box.append(
      el("strong", { text: `${t.forYourRole} (${note.role}): ` }),
      `${note.label}: `,
      el("span", { class: `verdict-${note.verdict}`, text: t.verdict[note.verdict] || note.verdict }),
      ".",
    );
    box.append(el("div", { class: "basis", text: `${t.basis}: ${basisText(note.basis)}` }));
    for (const s of note.sanctions.slice(0, 2)) {
      box.append(el("div", { class: "basis", text: `${t.sanction}${s.when ? ` (${s.when})` : ""}: ${s.detail}` }));
    }
    if (note.advice) box.append(el("div", { class: "small", text: note.advice }));
    return box;
  }

  function findingsList(ed, result, t, max) {
    const list = el("ul");
    const shown = result.findings.slice(0, max);
    for (const f of shown) list.append(findingItem(ed, f, t));
    if (result.findings.length > shown.length) list.append(el("li", { class: "small", text: t.more(result.findings.length - shown.length) }));
    return list;
  }

  let restoreFocus = null;

  function closeOverlay(refocus = true) {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    if (refocus && restoreFocus && restoreFocus.isConnected) restoreFocus.focus({ preventScroll: true });
    restoreFocus = null;
  }

  /** Keeps Tab inside `box`; Escape runs `onEscape`. */
  function trapFocus(box, onEscape) {
    box.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onEscape();
      } else if (e.key === "Tab") {
        const items = [...box.querySelectorAll("button")];
        if (!items.length) return;
        const first = items[0];
        const last = items[items.length - 1];
        const at = shadow.activeElement;
        if (e.shiftKey && at === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && at === last) {
          e.preventDefault();
          first.focus();
        }
      }
    });
  }

  /** The list of findings when the user opens the badge (no post is waiting). */
  function openPanel() {
    const ed = current;
    const result = ed && ed.result;
    if (!result) return;
    closeOverlay(false);
    const t = strings();
    restoreFocus = ed.root;
    const panel = el("div", { class: "panel", role: "dialog", "aria-labelledby": "cn-panel-title" });
    panel.append(
      el("button", { type: "button", class: "close", "aria-label": t.close, text: "×", onclick: () => closeOverlay() }),
      el("h2", { id: "cn-panel-title", text: t.panelTitle }),
    );
    if (result.findings.length) panel.append(findingsList(ed, result, t, 8));
    else panel.append(el("p", { text: t.badgeLabelSafe }));
    for (const note of ed.notes) panel.append(noteItem(note, t));
    panel.append(el("p", { class: "small", text: `${t.privacyNote} ${t.guidance}` }));
    trapFocus(panel, () => closeOverlay());
    shadow.querySelector(".cn").append(panel);
    overlay = panel;
    const b = badge.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    const left = Math.max(8, Math.min(b.right - p.width, innerWidth - p.width - 8));
    const top = b.top - p.height - 8 > 8 ? b.top - p.height - 8 : Math.min(b.bottom + 8, innerHeight - p.height - 8);
    panel.style.setProperty("left", `${Math.round(left)}px`);
    panel.style.setProperty("top", `${Math.round(Math.max(8, top))}px`);
    panel.querySelector(".close").focus();
  }

  function titleFor(t) {
    const group = (S.ROLE_GROUPS.find((g) => g.roles.includes(S.effectiveRole(settings))) || { group: "asn" }).group;
    return { asn: t.titleAsn, non_asn: t.titleNonAsn, village: t.titleVillage, security: t.titleSecurity }[group] || t.titleAsn;
  }

  /**
   * The warning before a post with a violation. `proceed` runs the site's own post action
   * (once); the returned promise settles when the user has chosen.
   */
  function warn(ed, proceed) {
    ensureHost();
    closeOverlay(false);
    const t = strings();
    const result = ed.result;
    restoreFocus = ed.root;
    const dialog = el("div", { class: "dialog", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "cn-warn-title", "aria-describedby": "cn-warn-intro" });
    dialog.append(el("h2", { id: "cn-warn-title", text: titleFor(t) }), el("p", { id: "cn-warn-intro", text: t.intro }));
    dialog.append(findingsList(ed, result, t, 5));
    for (const note of ed.notes) dialog.append(noteItem(note, t));
    dialog.append(el("p", { class: "small", text: `${t.privacyNote} ${t.guidance}` }));
    const choose = (what) => {
      closeOverlay(what === "edit");
      if (what === "edit") {
        selectFinding(ed, result.findings[0]);
        return;
      }
      ed.approved = readText(ed.root).text;
      if (what === "off") S.update({ sites: { [site.id]: false } }).catch(() => {});
      proceed();
    };
    const editBtn = el("button", { type: "button", class: "btn primary", "data-action": "edit", text: t.edit, onclick: () => choose("edit") });
    dialog.append(
      el(
        "div",
        { class: "actions" },
        editBtn,
        el("button", { type: "button", class: "btn", "data-action": "post", text: t.postAnyway, onclick: () => choose("post") }),
        el("button", { type: "button", class: "btn link", "data-action": "off", text: t.notHere, onclick: () => choose("off") }),
      ),
    );
    trapFocus(dialog, () => choose("edit"));
    const backdrop = el("div", { class: "backdrop" }, dialog);
    backdrop.addEventListener("mousedown", (e) => {
      if (e.target === backdrop) e.preventDefault(); // a click beside the warning does not dismiss it
    });
    shadow.querySelector(".cn").append(backdrop);
    overlay = backdrop;
    editBtn.focus();
  }

  // --- changing the text: only for a suggestion the user applies -------------------------------

  function domPosition(segments, offset, end) {
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      const len = s.node.data.length;
      // A start at a segment's end belongs to the next one; an end belongs to this one.
      if (offset < s.start + len || (end && offset === s.start + len)) {
        if (offset >= s.start) return { node: s.node, offset: offset - s.start };
      }
    }
    return null;
  }

  function rangeFor(ed, f) {
    const { segments } = readText(ed.root);
    const a = domPosition(segments, f.start, false);
    const b = domPosition(segments, f.end, true);
    if (!a || !b) return null;
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  function selectFinding(ed, f) {
    if (!f || !ed.root.isConnected) return;
    ed.root.focus({ preventScroll: false });
    if (readText(ed.root).text.slice(f.start, f.end) !== f.text) return;
    if (ed.root.tagName === "TEXTAREA") {
      ed.root.setSelectionRange(f.start, f.end);
      return;
    }
    const range = rangeFor(ed, f);
    if (!range) return;
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  /** Replaces the finding's words with its suggestion as if the user typed it (undo works). */
  async function applySuggestion(ed, f) {
    const before = readText(ed.root).text;
    if (before.slice(f.start, f.end) !== f.text) return false;
    const expected = before.slice(0, f.start) + f.suggestion + before.slice(f.end);
    const wasOpen = overlay;
    selectFinding(ed, f);
    let ok = false;
    try {
      ok = document.execCommand("insertText", false, f.suggestion);
    } catch (_) {
      ok = false;
    }
    if (!ok && ed.root.tagName === "TEXTAREA") {
      ed.root.setRangeText(f.suggestion, f.start, f.end, "end");
      ed.root.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: f.suggestion }));
    }
    await new Promise((r) => setTimeout(r, 30));
    const done = readText(ed.root).text === expected;
    await requestScan(ed);
    if (wasOpen && overlay === wasOpen && done) closeOverlay(false);
    return done;
  }

  // --- the post action ---------------------------------------------------------------------

  const POST_LABEL =
    /^(post|post all|posting|posting semua|posten|kirim|kirimkan|send|tweet|reply|balas|bagikan|bagikan sekarang|share|share now|publish|terbitkan|unggah|upload|comment|komentar|komentari|kirim komentar|post comment|posting komentar)$/;

  function labelOf(node) {
    const raw = node.getAttribute("aria-label") || node.getAttribute("title") || (node.tagName === "INPUT" ? node.value : "") || node.textContent || "";
    return raw.replace(/\s+/g, " ").trim().toLowerCase().slice(0, 40);
  }

  /** The post or send button a click landed on, or null. */
  function postButton(event) {
    for (const node of event.composedPath()) {
      if (!(node instanceof Element)) continue;
      if (node === document.body) break;
      const isButton = node.tagName === "BUTTON" || node.getAttribute("role") === "button" || (node.tagName === "INPUT" && /^(submit|button)$/i.test(node.type));
      if (!isButton) continue;
      const testid = node.getAttribute("data-testid") || "";
      if (/^(tweetButton|tweetButtonInline)$/.test(testid) || /send|submit|post/i.test(testid)) return node;
      if (node.querySelector('[data-icon*="send"]')) return node;
      if (POST_LABEL.test(labelOf(node))) return node;
      return null; // the innermost button decides
    }
    return null;
  }

  /** The tracked editor a post button belongs to: the nearest one with text. */
  function editorNear(node) {
    let best = null;
    let bestDepth = -1;
    for (const ed of editors.values()) {
      if (!ed.root.isConnected || !readText(ed.root).text.trim()) continue;
      let depth = 0;
      let a = ed.root;
      while (a && !a.contains(node)) a = a.parentElement;
      for (let p = a; p; p = p.parentElement) depth++;
      if (depth > bestDepth || (depth === bestDepth && ed.edited > best.edited)) {
        best = ed;
        bestDepth = depth;
      }
    }
    return best;
  }

  // Where Enter posts (comment boxes, chats) and where it starts a new line.
  const ENTER_POSTS = { whatsapp: true, facebook: null, instagram: null, tiktok: null, x: false, threads: false, linkedin: false, youtube: false };
  const ENTER_LABEL = /komentar|comment|balas|reply|pesan|message|ketik|type a|chat|tulis sesuatu di sini/i;

  function enterPosts(ed) {
    const rule = site ? ENTER_POSTS[site.id] : null;
    if (rule === true || rule === false) return rule;
    const r = ed.root;
    if (r.getAttribute("enterkeyhint") === "send") return true;
    const label = [r.getAttribute("aria-label"), r.getAttribute("placeholder"), r.getAttribute("aria-placeholder"), r.getAttribute("data-placeholder")].filter(Boolean).join(" ");
    return ENTER_LABEL.test(label);
  }

  function block(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  /**
   * Decides about a post action on `ed`: lets it through (nothing to warn about, or the user
   * already chose to post this text), or stops it and warns, with `replay` to run it later.
   */
  function intercept(event, ed, replay) {
    const { text } = readText(ed.root);
    if (!text.trim() || ed.approved === text) return;
    const result = freshResult(ed);
    if (result) {
      if (result.risk !== "violation") return;
      block(event);
      warn(ed, replay);
      return;
    }
    // Typed a moment ago and not scanned yet: hold the action for the scan (a few ms).
    block(event);
    requestScan(ed).then(() => {
      const r = freshResult(ed);
      if (r && r.risk === "violation") warn(ed, replay);
      else {
        ed.approved = readText(ed.root).text;
        replay();
      }
    });
  }

  function onClick(event) {
    if (!active || broken || ours(event)) return;
    const button = postButton(event);
    if (!button) return;
    const ed = editorNear(button);
    if (!ed) return;
    intercept(event, ed, () => button.click());
  }

  function onKeydown(event) {
    if (!active || broken || ours(event)) return;
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.isComposing) return;
    const root = editorRoot(event.composedPath()[0]);
    const ed = root && editors.get(root);
    if (!ed) return;
    if (!(event.ctrlKey || event.metaKey) && !enterPosts(ed)) return;
    const target = event.composedPath()[0];
    const init = {
      key: event.key,
      code: event.code,
      keyCode: 13,
      which: 13,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      bubbles: true,
      cancelable: true,
      composed: true,
    };
    intercept(event, ed, () => target.dispatchEvent(new KeyboardEvent("keydown", init)));
  }

  function onSubmit(event) {
    if (!active || broken) return;
    const form = event.target;
    let ed = null;
    for (const e of editors.values()) if (e.root.isConnected && form.contains(e.root) && (!ed || e.edited > ed.edited)) ed = e;
    if (!ed) return;
    const submitter = event.submitter || null;
    intercept(event, ed, () => form.requestSubmit(submitter && submitter.form === form ? submitter : undefined));
  }

  function onEdit(event) {
    if (!active || broken || ours(event)) return;
    const root = editorRoot(event.composedPath()[0]);
    if (!root) return;
    const ed = track(root);
    if (event.type === "focusin") {
      current = ed;
      requestScan(ed);
    } else changed(ed);
  }

  // --- settings ------------------------------------------------------------------------

  function apply(next) {
    settings = next;
    const was = active;
    active = Boolean(site) && settings.role !== "none" && settings.sites[site.id] !== false;
    if (!active) {
      hideAll();
      for (const ed of [...editors.values()]) untrack(ed);
    } else if (!was) {
      const focused = editorRoot(document.activeElement);
      if (focused) {
        current = track(focused);
        requestScan(current);
      }
    } else {
      // The language or the role changed: scan again for the new messages.
      for (const ed of editors.values()) {
        ed.scanned = null;
        requestScan(ed);
      }
    }
  }

  if (!site) return;
  for (const type of ["input", "focusin", "compositionend", "paste", "cut", "drop"]) {
    window.addEventListener(type, onEdit, true);
  }
  window.addEventListener("keydown", onKeydown, true);
  window.addEventListener("click", onClick, true);
  window.addEventListener("submit", onSubmit, true);
  window.addEventListener("resize", place, { passive: true });

  S.load().then(apply, () => apply(S.normalize(null)));
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === "sync" && changes.settings) apply(S.normalize(changes.settings.newValue));
  });
})();
