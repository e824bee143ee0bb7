// CekNetral extension: the options page (role, language, sites, election packs, privacy).
// Every change is saved at once; the content scripts follow through storage events.

const S = globalThis.CekNetralSettings;
const T = globalThis.CekNetralStrings;
const { el } = globalThis.CekNetralDom;
const ext = S.ext;
const MAX_PACK_BYTES = 1024 * 1024;

const app = document.getElementById("app");

async function ask(message) {
  const answer = await ext.runtime.sendMessage(message);
  if (!answer || !answer.ok) throw new Error((answer && answer.error) || "no answer from the extension");
  return answer;
}

let about = null;
let status = null;

function say(text, kind = "ok") {
  status.textContent = text;
  status.className = `status ${kind}`;
}

function section(id, heading, ...children) {
  return el("section", { "aria-labelledby": id }, el("h2", { id, text: heading }), ...children);
}

function roleSection(settings, t) {
  const fieldset = el("fieldset", {}, el("legend", { class: "sr-only", text: t.roleHeading }));
  for (const g of S.ROLE_GROUPS) {
    const group = el("div", { class: "role-group" }, el("h3", { text: t.groups[g.group] }));
    for (const role of g.roles) {
      const label = role === "none" ? t.roleNone : about.roles[role][settings.lang];
      const input = el("input", {
        type: "radio",
        name: "role",
        value: role,
        id: `role-${role}`,
        checked: settings.role === role,
        onchange: () => save({ role }),
        "aria-describedby": role === "none" ? "role-none-help" : null,
      });
      const row = el("div", { class: "choice" }, input, el("label", { for: `role-${role}`, text: label }));
      if (role === "none") row.append(el("span", { class: "hint", id: "role-none-help", text: t.roleNoneHelp }));
      group.append(row);
    }
    fieldset.append(group);
  }
  const out = [el("p", { class: "help", text: t.roleHelp })];
  if (!settings.role) out.push(el("p", { class: "notice", role: "note", text: t.roleNotChosen }));
  return section("h-role", t.roleHeading, ...out, fieldset);
}

function langSection(settings, t) {
  const fieldset = el("fieldset", {}, el("legend", { class: "sr-only", text: t.langHeading }));
  for (const [lang, label] of [["id", "Bahasa Indonesia"], ["en", "English"]]) {
    fieldset.append(
      el(
        "div",
        { class: "choice" },
        el("input", { type: "radio", name: "lang", value: lang, id: `lang-${lang}`, checked: settings.lang === lang, onchange: () => save({ lang }) }),
        el("label", { for: `lang-${lang}`, lang, text: label }),
      ),
    );
  }
  return section("h-lang", t.langHeading, fieldset);
}

/**
 * Asks the browser for the host permissions of `sites`. permissions.request must be called
 * straight from the click (Firefox refuses it after an await), so this is not async before it.
 */
function allow(sites, t) {
  const origins = sites.flatMap((s) => S.originsFor(s));
  let asked;
  try {
    asked = Promise.resolve(ext.permissions.request({ origins }));
  } catch (e) {
    asked = Promise.reject(e);
  }
  asked.then(
    async (granted) => {
      await draw();
      say(granted ? t.accessGranted : t.accessRefused, granted ? "ok" : "error");
    },
    async (e) => {
      await draw();
      say(`${t.accessRefused} (${e.message})`, "error");
    },
  );
}

async function sitesSection(settings, t) {
  const access = await S.siteAccess();
  const missing = S.sites().filter((s) => access[s.id] === false);
  const list = el("div", { class: "sites" });
  for (const site of S.sites()) {
    const row = el(
      "div",
      { class: "choice", "data-site-row": site.id },
      el("input", {
        type: "checkbox",
        id: `site-${site.id}`,
        "data-site": site.id,
        checked: settings.sites[site.id] !== false,
        onchange: (e) => save({ sites: { [site.id]: e.target.checked } }),
        "aria-describedby": access[site.id] === false ? `access-${site.id}` : null,
      }),
      el("label", { for: `site-${site.id}`, text: `${site.label} (${site.hosts.join(", ")})` }),
    );
    if (access[site.id] === false) {
      row.append(
        el(
          "span",
          { class: "access-missing", id: `access-${site.id}` },
          el("span", { text: t.accessMissing }),
          " ",
          el("button", {
            type: "button",
            class: "small",
            "data-allow": site.id,
            text: t.allowSite,
            "aria-label": t.allowSiteLabel(site.label),
            onclick: () => allow([site], t),
          }),
        ),
      );
    }
    list.append(row);
  }
  const out = [el("p", { class: "help", text: t.sitesHelp })];
  if (missing.length) {
    out.push(
      el(
        "div",
        { class: "notice warn", id: "access-notice", role: "note" },
        el("p", { text: t.accessNotice(missing.length) }),
        el("button", { type: "button", id: "allow-all", text: t.allowAll, onclick: () => allow(missing, t) }),
        el("p", { class: "hint", text: t.accessManual }),
      ),
    );
  }
  return section("h-sites", t.sitesHeading, ...out, list);
}

async function packsSection(settings, t) {
  const imported = await S.loadPacks();
  const list = el("div", { class: "packs" });
  list.append(
    el(
      "div",
      { class: "choice" },
      el("input", { type: "checkbox", id: "pack-builtin", checked: settings.builtinPack, onchange: (e) => save({ builtinPack: e.target.checked }) }),
      el("label", { for: "pack-builtin", text: t.builtinPack }),
    ),
  );
  for (const p of imported) {
    list.append(
      el(
        "div",
        { class: "choice", "data-pack": p.id },
        el("input", {
          type: "checkbox",
          id: `pack-${p.id}`,
          checked: p.enabled !== false,
          onchange: async (e) => {
            const all = await S.loadPacks();
            await S.savePacks(all.map((x) => (x.id === p.id ? { ...x, enabled: e.target.checked } : x)));
            say(t.saved);
          },
        }),
        el("label", { for: `pack-${p.id}`, text: `${p.title} (${p.id})` }),
        " ",
        el("button", {
          type: "button",
          class: "small",
          text: t.removePack,
          "aria-label": `${t.removePack}: ${p.title}`,
          onclick: async () => {
            const all = await S.loadPacks();
            await S.savePacks(all.filter((x) => x.id !== p.id));
            say(t.saved);
            draw();
          },
        }),
      ),
    );
  }
  const file = el("input", { type: "file", id: "pack-file", accept: ".json,application/json", onchange: (e) => importPack(e.target, t) });
  return section(
    "h-packs",
    t.packsHeading,
    el("p", { class: "help", text: t.packsHelp }),
    list,
    el("div", { class: "import" }, el("label", { for: "pack-file", text: t.importPack }), " ", file),
  );
}

async function importPack(input, t) {
  const f = input.files && input.files[0];
  if (!f) return;
  if (f.size > MAX_PACK_BYTES) {
    say(t.packTooBig, "error");
    input.value = "";
    return;
  }
  const json = await f.text();
  try {
    const { pack } = await ask({ type: "importPack", json });
    const all = await S.loadPacks();
    const existed = all.some((p) => p.id === pack.id);
    await S.savePacks([...all.filter((p) => p.id !== pack.id), { id: pack.id, title: pack.title, json, enabled: true }]);
    await draw();
    say(existed ? t.packReplaced(pack.title) : t.packImported(pack.title));
  } catch (e) {
    say(t.packInvalid + e.message.replace(/^ceknetral\.loadPack: /, ""), "error");
  } finally {
    input.value = "";
  }
}

async function save(changes) {
  const before = await S.load();
  const next = await S.update(changes);
  // The role notice and the language change what the page shows; the confirmation comes
  // after the redraw so that it is not drawn away.
  if (next.lang !== before.lang || Boolean(next.role) !== Boolean(before.role)) await draw();
  say(T.get(next.lang).saved);
}

let drawing = 0;

/**
 * Draws the page from the stored settings. Everything that must be awaited (storage, the
 * browser's permissions) is read first and the page changes in one step, so that its
 * language and its text never disagree; when draws overlap, only the latest is shown.
 */
async function draw() {
  const mine = ++drawing;
  const settings = await S.load();
  const t = T.get(settings.lang);
  const sites = await sitesSection(settings, t);
  const packs = await packsSection(settings, t);
  if (mine !== drawing) return;
  document.documentElement.lang = settings.lang;
  document.title = t.optionsTitle;
  status = el("p", { class: "status", role: "status", "aria-live": "polite" });
  const privacy = section("h-privacy", t.privacyHeading, ...t.privacy.map((p) => el("p", { text: p })));
  const aboutBox = section(
    "h-about",
    t.aboutHeading,
    el("p", { id: "version", text: t.about(about.version, about.knowledge_base_reviewed) }),
    el("p", { class: "help", text: t.aboutGuidance }),
  );
  const focusId = document.activeElement && document.activeElement.id;
  app.replaceChildren(
    el("h1", { id: "title", text: t.optionsTitle }),
    el("p", { class: "lead", text: t.optionsIntro }),
    status,
    roleSection(settings, t),
    langSection(settings, t),
    sites,
    packs,
    privacy,
    aboutBox,
  );
  app.setAttribute("aria-busy", "false");
  if (focusId && document.getElementById(focusId)) document.getElementById(focusId).focus();
}

async function main() {
  try {
    about = await ask({ type: "about" });
    await draw();
    // A permission given or taken away in the browser's extension manager shows at once.
    if (ext.permissions && ext.permissions.onAdded) {
      ext.permissions.onAdded.addListener(() => draw());
      ext.permissions.onRemoved.addListener(() => draw());
    }
  } catch (e) {
    app.replaceChildren(el("h1", { text: "CekNetral" }), el("p", { class: "status error", role: "alert", text: `CekNetral tidak dapat dimuat: ${e.message}` }));
  }
}

main();
