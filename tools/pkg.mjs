#!/usr/bin/env node
// Completes the npm package in pkg/ after tools/build-web.sh (which puts the wasm glue in
// pkg/core/ and pkg/widget/ and the built-in pack in pkg/packs/), checks it, and packs it.
//
//   node tools/pkg.mjs                 complete and check pkg/ (make pkg)
//   node tools/pkg.mjs --pack DIR      the same, then `npm pack` into DIR; prints the
//                                      tarball's path, size and file count as JSON
//
// Checks, each failing with what to do:
//   - the versions agree: the Cargo workspace, pkg/package.json, and a CHANGELOG.md heading;
//   - every entry of package.json `files` and every target of `exports` exists;
//   - the public TypeScript declarations do not use `any`.

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PKG = join(ROOT, "pkg");

function die(msg) {
  console.error(`pkg: ${msg}`);
  process.exit(1);
}

function say(msg) {
  console.error(`pkg: ${msg}`);
}

/** The version in Cargo.toml's [workspace.package]. */
export function cargoVersion(root = ROOT) {
  const toml = readFileSync(join(root, "Cargo.toml"), "utf8");
  const section = toml.split(/^\[/m).find((s) => s.startsWith("workspace.package]"));
  const m = section && section.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) die("Cargo.toml has no [workspace.package] version");
  return m[1];
}

function main() {
  const args = process.argv.slice(2);
  let packDir = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--pack" && args[i + 1]) packDir = resolve(args[++i]);
    else die(`unknown argument ${args[i]}; usage: node tools/pkg.mjs [--pack DIR]`);
  }

  const manifest = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  const version = cargoVersion();
  if (manifest.version !== version) {
    die(`pkg/package.json has version ${manifest.version} but Cargo.toml's workspace has ${version}: give both the same version`);
  }
  const changelog = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
  if (!new RegExp(`^## \\[${version.replace(/\./g, "\\.")}\\]`, "m").test(changelog)) {
    die(`CHANGELOG.md has no "## [${version}]" section: describe this version's changes`);
  }

  for (const f of ["LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md"]) {
    copyFileSync(join(ROOT, f), join(PKG, f));
  }

  const missing = manifest.files.filter((f) => !existsSync(join(PKG, f)));
  if (missing.length) {
    die(`missing in pkg/: ${missing.join(", ")}; run 'make web' (tools/build-web.sh) first`);
  }
  const targets = [];
  for (const [key, value] of Object.entries(manifest.exports)) {
    if (key.includes("*")) continue;
    for (const t of typeof value === "string" ? [value] : Object.values(value)) targets.push(t);
  }
  const badTargets = targets.filter((t) => !existsSync(join(PKG, t)));
  if (badTargets.length) die(`package.json exports name files that do not exist: ${badTargets.join(", ")}`);
  if (!existsSync(join(PKG, "packs", "pemilu-2024.json"))) die("pkg/packs/pemilu-2024.json missing; run 'make web'");

  for (const f of manifest.files.filter((f) => f.endsWith(".d.ts"))) {
    const code = readFileSync(join(PKG, f), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "")
      .replace(/"(?:[^"\\]|\\.)*"/g, '""');
    const at = code.search(/\bany\b/);
    if (at >= 0) die(`${f} uses \`any\` in the public surface (near: ${code.slice(Math.max(0, at - 40), at + 20).trim()})`);
  }
  const wasmBytes = ["core", "widget"].map((d) => statSync(join(PKG, d, "ceknetral_web_bg.wasm")).size);
  say(`pkg/ is complete: ceknetral ${version}, ${manifest.files.length} entries, wasm ${wasmBytes.join(" + ")} bytes`);

  if (packDir) {
    mkdirSync(packDir, { recursive: true });
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", packDir], {
      cwd: PKG,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [info] = JSON.parse(out);
    const tarball = join(packDir, info.filename);
    process.stdout.write(
      JSON.stringify({ tarball, version: info.version, size: info.size, unpackedSize: info.unpackedSize, files: info.entryCount }) + "\n",
    );
    say(`packed ${tarball}: ${info.size} bytes, ${info.entryCount} files`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
