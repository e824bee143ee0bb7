// CekNetral extension: the settings and the sites, shared by the content script, the
// options page and the background worker (a classic script that defines
// globalThis.CekNetralSettings; the worker imports it for that side effect).
//
// Where settings live:
//   storage.sync  "settings": { role, lang, sites: { siteId: false }, builtinPack }: small,
//                 and follows the user to every browser they sign in to;
//   storage.local "packs": [{ id, title, json, enabled }]: imported election packs, which
//                 can be larger than storage.sync allows for one item (8 KB).
// Nothing else is stored, and nothing leaves the browser.

(() => {
  "use strict";

  const ext = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;

  /** The social sites the extension reads (the manifest's content_scripts.matches). */
  const SITES = [
    { id: "x", label: "X (Twitter)", hosts: ["x.com", "twitter.com"] },
    { id: "facebook", label: "Facebook", hosts: ["facebook.com"] },
    { id: "instagram", label: "Instagram", hosts: ["instagram.com"] },
    { id: "threads", label: "Threads", hosts: ["threads.net", "threads.com"] },
    { id: "tiktok", label: "TikTok", hosts: ["tiktok.com"] },
    { id: "linkedin", label: "LinkedIn", hosts: ["linkedin.com"] },
    { id: "youtube", label: "YouTube", hosts: ["youtube.com"] },
    { id: "whatsapp", label: "WhatsApp Web", hosts: ["web.whatsapp.com"] },
  ];
  // Only the test build's manifest matches the local fixture pages (tests/extension/).
  const FIXTURE = { id: "fixture", label: "Halaman uji", hosts: ["127.0.0.1"] };

  /** The roles of the options page, in the knowledge base's terms, plus "none". */
  const ROLE_GROUPS = [
    { group: "asn", roles: ["pns", "pppk"] },
    { group: "non_asn", roles: ["ppnpn"] },
    { group: "village", roles: ["kepala_desa", "perangkat_desa", "bpd"] },
    { group: "security", roles: ["tni", "polri"] },
    { group: "none", roles: ["none"] },
  ];
  const ROLES = ROLE_GROUPS.flatMap((g) => g.roles);

  const DEFAULTS = Object.freeze({
    // "" until the user picks one: the extension then warns as for a civil servant (PNS).
    role: "",
    lang: "id",
    sites: {},
    builtinPack: true,
  });

  function testBuild() {
    try {
      const manifest = ext.runtime.getManifest();
      return (manifest.content_scripts || []).some((c) => (c.matches || []).some((m) => m.includes("127.0.0.1")));
    } catch (_) {
      return false;
    }
  }

  /** The sites this build runs on. */
  function sites() {
    return testBuild() ? [...SITES, FIXTURE] : SITES.slice();
  }

  /** The host a match pattern is for (x.com for the pattern of x.com and its subdomains). */
  function patternHost(pattern) {
    const m = /^[a-z*]+:\/\/(?:\*\.)?([^/:]+)/.exec(String(pattern));
    return m ? m[1].toLowerCase() : "";
  }

  /**
   * The manifest's content-script patterns for `site`: the host permissions the browser must
   * grant for CekNetral to read it (Firefox and Chrome both let the user take them away).
   */
  function originsFor(site) {
    let matches = [];
    try {
      matches = (ext.runtime.getManifest().content_scripts || []).flatMap((c) => c.matches || []);
    } catch (_) {
      return [];
    }
    return [...new Set(matches.filter((m) => siteFor(patternHost(m))?.id === site.id))];
  }

  /**
   * For each site of this build, whether the browser lets CekNetral read it:
   * { siteId: true | false }. Without the permissions API (never seen) every site counts as
   * granted, since nothing can be asked then.
   */
  async function siteAccess() {
    const out = {};
    for (const site of sites()) {
      const origins = originsFor(site);
      try {
        out[site.id] = !ext.permissions || !origins.length || (await ext.permissions.contains({ origins }));
      } catch (_) {
        out[site.id] = true;
      }
    }
    return out;
  }

  /** The site a hostname belongs to, or null. */
  function siteFor(hostname) {
    const host = String(hostname || "").toLowerCase().replace(/\.$/, "");
    for (const site of sites()) {
      if (site.hosts.some((h) => host === h || host.endsWith("." + h))) return site;
    }
    return null;
  }

  /** Settings with every field valid: unknown or damaged values fall back to the defaults. */
  function normalize(raw) {
    const s = raw && typeof raw === "object" ? raw : {};
    const sitesIn = s.sites && typeof s.sites === "object" ? s.sites : {};
    const sitesOut = {};
    for (const site of [...SITES, FIXTURE]) {
      if (sitesIn[site.id] === false) sitesOut[site.id] = false;
    }
    return {
      role: ROLES.includes(s.role) ? s.role : DEFAULTS.role,
      lang: s.lang === "en" ? "en" : "id",
      sites: sitesOut,
      builtinPack: s.builtinPack !== false,
    };
  }

  async function load() {
    const got = await ext.storage.sync.get("settings");
    return normalize(got && got.settings);
  }

  /** Merges `changes` into the stored settings and returns the result. */
  async function update(changes) {
    const current = await load();
    const next = normalize({ ...current, ...changes, sites: { ...current.sites, ...(changes.sites || {}) } });
    await ext.storage.sync.set({ settings: next });
    return next;
  }

  /** The imported packs: [{ id, title, json, enabled }]. */
  async function loadPacks() {
    const got = await ext.storage.local.get("packs");
    const list = got && Array.isArray(got.packs) ? got.packs : [];
    return list.filter((p) => p && typeof p.id === "string" && typeof p.json === "string");
  }

  async function savePacks(list) {
    await ext.storage.local.set({ packs: list });
  }

  /** The role the scanner warns for: the chosen one, else a civil servant. */
  function effectiveRole(settings) {
    return settings.role || "pns";
  }

  globalThis.CekNetralSettings = Object.freeze({
    ext,
    SITES,
    FIXTURE,
    ROLE_GROUPS,
    ROLES,
    DEFAULTS,
    sites,
    siteFor,
    originsFor,
    siteAccess,
    testBuild,
    normalize,
    load,
    update,
    loadPacks,
    savePacks,
    effectiveRole,
  });
})();
