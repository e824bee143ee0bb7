// CekNetral extension: building DOM nodes, shared by the content script and the options page
// (a classic script that defines globalThis.CekNetralDom).
//
//   el("button", { type: "button", class: "btn", text: "Ubah", onclick: f }, child, ...)
//
// Attributes: `class` and `text` set className and textContent; `on...` adds a listener;
// true sets an empty attribute; false, null and undefined set nothing; anything else is set
// as a string. Children that are null or undefined are skipped.

(() => {
  "use strict";

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (v === true) e.setAttribute(k, "");
      else if (v !== false && v !== null && v !== undefined) e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  globalThis.CekNetralDom = Object.freeze({ el });
})();
