// The TypeScript declarations, from the installed tarball, with the strictest settings:
//   - every value the wasm returns (every role x activity answer, with and without facts,
//     in both languages; scans of the corpus posts; the tree; catalogues; packs; version)
//     is written out as an object literal typed with the declared type, so the compiler's
//     excess-property and literal checks fail on any field or value the declarations do not
//     describe, and on any declared required field the wasm leaves out;
//   - every pack in the repository type-checks as `Pack`;
//   - a consumer written the way a front-end team would compiles, and the misuses marked
//     `@ts-expect-error` must be errors (a declaration that accepted them, `any` for
//     example, fails the build with "Unused '@ts-expect-error' directive").

import { test, before } from "node:test";
import { readdirSync } from "node:fs";
import { ROOT, assert, nodeJson, path, project, readFileSync, writeFileSync } from "./support.mjs";

const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noPropertyAccessFromIndexSignature: true,
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    lib: ["es2022", "dom"],
    resolveJsonModule: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  include: ["*.ts"],
};

const CONSUMER = `import { ready, scan, check, tree, roles, activities, loadPack, packs, version } from "ceknetral";
import type { CheckResult, Finding, Pack, RoleId, ScanResult, TreeNode, Verdict } from "ceknetral";
import * as core from "ceknetral/core";
import { mount, unmount, type MountedWidget } from "ceknetral/element";

export async function main(textarea: HTMLTextAreaElement): Promise<string[]> {
  await ready();
  await ready({ wasmUrl: "/static/ceknetral_web_bg.wasm" });
  await core.ready({ wasmUrl: new URL("https://portal.example/ceknetral.wasm") });

  const result: ScanResult = scan(textarea.value, { lang: "en" });
  const first: Finding | undefined = result.findings[0];
  const lines = result.findings.map((f) => \`\${f.severity}: \${textarea.value.slice(f.start, f.end)} (\${f.basis.map((b) => b.instrument + " " + b.provision).join("; ")})\`);
  if (first?.suggestion !== undefined) lines.push(first.suggestion.toUpperCase());
  if (result.risk === "violation") lines.push("stop");
  lines.push(core.scan("x").risk);

  const answer: CheckResult = check("pns", "social_like", { stage: "calon" });
  const v: Verdict = answer.verdict;
  lines.push(v, answer.advice, ...answer.conditions);
  for (const s of answer.sanctions) lines.push(s.kind, s.level);
  for (const variant of answer.variants ?? []) lines.push(variant.when.stage ?? "", variant.verdict);
  lines.push(check("kepala_desa", "party_membership", ["party_position=pengurus"]).verdict);
  if (answer.disputed) lines.push(answer.disputed_reason ?? "");

  const visit = (n: TreeNode): number => (n.kind === "outcome" ? 1 : n.options.reduce((sum, o) => sum + visit(o.next), 0));
  lines.push(String(visit(tree())));
  const ids: RoleId[] = roles().map((r) => r.id);
  lines.push(...ids, ...activities().flatMap((a) => a.facts));

  const pack: Pack = { id: "pilkada-contoh-2029", title: "Pilkada Contoh 2029", contestants: [{ names: ["I Made Suryawan"] }] };
  lines.push(loadPack(pack).id, loadPack(JSON.stringify(pack)).title, String(packs().length));
  lines.push(version().version, version().knowledge_base_reviewed);

  const host = document.createElement("cek-netral");
  host.addEventListener("cek-netral:result", (e) => {
    const d = e.detail;
    // The checker's result is null once Back or Restart takes the answer away (0.2).
    lines.push(d.tool === "scanner" ? d.result.risk + (d.empty ? " (empty)" : "") : d.result?.verdict ?? "no answer shown");
  });
  const w: MountedWidget = await mount(host, { mode: "scanner", lang: "en", packs: ["/packs/a.json"] });
  unmount(w);

  // Misuses the declarations must refuse.
  // @ts-expect-error a number is not a text
  scan(42);
  // @ts-expect-error a role the checker does not know
  check("guru", "vote");
  // @ts-expect-error an activity the checker does not know
  check("pns", "dance");
  // @ts-expect-error a fact value that does not exist
  check("pns", "social_like", { stage: "kampanye" });
  // @ts-expect-error a language that is not offered
  scan("x", { lang: "jv" });
  // @ts-expect-error a risk level that does not exist
  if (result.risk === "bahaya") lines.push("never");
  // @ts-expect-error a pack needs a title and contestants
  loadPack({ id: "x" });
  // @ts-expect-error a finding has no score
  lines.push(String(first?.score));
  // @ts-expect-error core has no checker
  core.check("pns", "vote");
  // @ts-expect-error mode is one of five words
  await mount(host, { mode: "everything" });
  await mount(host, { mode: "quiz", presenter: true });
  // @ts-expect-error ready's options are an object
  await ready("/x.wasm");
  return lines;
}
`;

let proj;
before(async () => {
  proj = await project("types");
  writeFileSync(path.join(proj.dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
});

/** Every value the API returns that the declarations must describe, from the real wasm. */
async function realValues() {
  const posts = [];
  for (const f of readdirSync(path.join(ROOT, "tests/corpus")).filter((f) => f.endsWith(".jsonl")).sort()) {
    for (const line of readFileSync(path.join(ROOT, "tests/corpus", f), "utf8").split("\n")) {
      if (line.trim()) posts.push(JSON.parse(line).text);
    }
  }
  writeFileSync(path.join(proj.dir, "posts.json"), JSON.stringify(posts));
  return nodeJson(
    proj,
    "values.mjs",
    `import { readFileSync } from "node:fs";
import { ready, scan, check, tree, roles, activities, packs, loadPack, version } from "ceknetral";
await ready();
const posts = JSON.parse(readFileSync("posts.json", "utf8"));
const FACTS = { stage: ["bakal_calon", "calon"], election: ["pemilu", "pilkada"], on_cltn: ["yes", "no"], party_position: ["anggota", "pengurus"], office: ["presiden_wapres", "dpr_dpd", "dprd", "kepala_daerah", "kepala_desa"] };
const checks = [];
for (const r of roles()) {
  for (const a of activities()) {
    for (const lang of ["id", "en"]) checks.push(check(r.id, a.id, {}, { lang }));
    for (const key of a.facts) for (const value of FACTS[key]) checks.push(check(r.id, a.id, { [key]: value }));
  }
}
const scans = posts.map((p) => scan(p));
const categories = [...new Set(scans.flatMap((s) => s.findings.map((f) => f.category)))];
console.log(JSON.stringify({
  checks, scans: scans.filter((s) => s.findings.length).slice(0, 600), categories,
  scanEn: scan("Ayo coblos nomor 2! #2024GantiPresiden", { lang: "en" }),
  tree: tree(), roles: roles(), activities: activities(), packs: packs(), version: version(),
  loaded: loadPack({ id: "x", title: "X", contestants: [{ names: ["Abdul Qahar"] }] }),
}));
`,
  );
}

test("the declarations describe every value the wasm returns, and every pack", async () => {
  const v = await realValues();
  assert.ok(v.checks.length > 400, `${v.checks.length} answers`);
  assert.ok(v.categories.length >= 10, `categories seen: ${v.categories}`);
  const lit = (x) => JSON.stringify(x, null, 1);
  const packFiles = [path.join(ROOT, "packs/pemilu-2024.json")];
  for (const dir of ["tests/corpus", "tests/data"]) {
    for (const f of readdirSync(path.join(ROOT, dir)).sort()) {
      if (/^pack-.*\.json$/.test(f)) packFiles.push(path.join(ROOT, dir, f));
    }
  }
  assert.ok(packFiles.length >= 6, `packs: ${packFiles}`);
  const packLits = packFiles.map((f) => lit(JSON.parse(readFileSync(f, "utf8"))));
  writeFileSync(
    path.join(proj.dir, "values.ts"),
    `import type { ActivityEntry, Category, CheckResult, Pack, PackInfo, RoleEntry, ScanResult, TreeNode, VersionInfo } from "ceknetral";
export const checks: CheckResult[] = ${lit(v.checks)};
export const scans: ScanResult[] = ${lit([...v.scans, v.scanEn])};
export const categories: Category[] = ${lit(v.categories)};
export const tree: TreeNode = ${lit(v.tree)};
export const roles: RoleEntry[] = ${lit(v.roles)};
export const activities: ActivityEntry[] = ${lit(v.activities)};
export const packs: PackInfo[] = ${lit(v.packs)};
export const loaded: PackInfo = ${lit(v.loaded)};
export const version: VersionInfo = ${lit(v.version)};
export const packFiles: Pack[] = [${packLits.join(",\n")}];
`,
  );
  writeFileSync(path.join(proj.dir, "consumer.ts"), CONSUMER);
  const { stdout } = await proj.run(process.execPath, [TSC, "-p", ".", "--pretty", "false"]).catch((e) => {
    const lines = (e.stdout || "").split("\n").filter(Boolean);
    throw new Error(`tsc found ${lines.length} problems:\n${lines.slice(0, 30).join("\n")}`);
  });
  assert.equal(stdout.trim(), "");
});

test("a mistake in the declarations would be caught: a value with an undeclared field fails", async () => {
  writeFileSync(
    path.join(proj.dir, "canary.ts"),
    `import type { ScanResult } from "ceknetral";
export const bad: ScanResult = { risk: "safe", findings: [], score: 0.3 };
`,
  );
  try {
    const err = await proj.run(process.execPath, [TSC, "-p", ".", "--pretty", "false"]).then(
      () => null,
      (e) => e.stdout,
    );
    assert.ok(err, "tsc accepted a value with an undeclared field");
    assert.match(err, /canary\.ts.*'score' does not exist in type 'ScanResult'/);
  } finally {
    writeFileSync(path.join(proj.dir, "canary.ts"), "export {};\n");
  }
});
