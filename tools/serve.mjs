#!/usr/bin/env node
// tools/serve.mjs: a static file server for www/ (the demo site and the widget folder
// www/ceknetral/ that tools/build-web.sh assembles). Node 20, no dependencies. `make demo`
// runs it on port 8080; the end-to-end tests run it on a free port with the options below.
//
//   node tools/serve.mjs [--port N] [--root DIR] [--wrong-wasm-mime] [--no-wasm-eval-csp] [--log]
//
//   --port N             port (default: $PORT, else 8080; 0 picks a free one: read the line below)
//   --root DIR           directory to serve (default: www/ of this repository)
//   --wrong-wasm-mime    serve .wasm as application/octet-stream instead of application/wasm,
//                        so tests can check the widget's error panel for a misconfigured portal
//   --no-wasm-eval-csp   send the strict Content-Security-Policy without 'wasm-unsafe-eval' on
//                        every HTML page (a portal whose CSP forbids compiling WebAssembly)
//   --log                one line per request on stderr
//
// Always on 127.0.0.1, every response with Cache-Control: no-cache (rebuilds show up on
// reload) and X-Content-Type-Options: nosniff (browsers trust our MIME types, like a real
// portal's server). Pages whose path ends in strict-csp.html get STRICT_CSP below, the
// policy of a locked-down government portal. A directory without index.html gets a listing.
//
// Once listening it prints exactly one line on stdout, `serving www/ at http://127.0.0.1:PORT/`
// (PORT is the real port, also with --port 0); a port already taken exits 1 with a message.

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HOST = "127.0.0.1";
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const STRICT_CSP_NO_WASM = STRICT_CSP.replace(" 'wasm-unsafe-eval'", "");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".zip": "application/zip",
};

function usage(message, code = 2) {
  if (message) console.error(`serve: ${message}`);
  (code ? console.error : console.log)(
    "usage: node tools/serve.mjs [--port N] [--root DIR] [--wrong-wasm-mime] [--no-wasm-eval-csp] [--log]",
  );
  process.exit(code);
}

function parseArgs(argv) {
  const opts = {
    port: process.env.PORT ?? "8080",
    root: path.join(REPO, "www"),
    wrongWasmMime: false,
    noWasmEvalCsp: false,
    log: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) usage(`${name} needs a value`);
      return argv[++i];
    };
    switch (name) {
      case "--port": opts.port = value(); break;
      case "--root": opts.root = path.resolve(value()); break;
      case "--wrong-wasm-mime": opts.wrongWasmMime = true; break;
      case "--no-wasm-eval-csp": opts.noWasmEvalCsp = true; break;
      case "--log": opts.log = true; break;
      case "-h": case "--help": usage("", 0); break;
      default: usage(`unknown option '${arg}'`);
    }
  }
  if (!/^\d+$/.test(String(opts.port)) || Number(opts.port) > 65535) usage(`bad port '${opts.port}'`);
  opts.port = Number(opts.port);
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
let ROOT;
try {
  ROOT = await realpath(opts.root);
  if (!(await stat(ROOT)).isDirectory()) throw new Error("not a directory");
} catch (e) {
  console.error(`serve: cannot serve ${opts.root}: ${e.code === "ENOENT" ? "no such directory" : e.message}` +
    (opts.root === path.join(REPO, "www") ? " (run make web first)" : ""));
  process.exit(1);
}
const rootLabel = path.relative(REPO, ROOT) && !path.relative(REPO, ROOT).startsWith("..")
  ? `${path.relative(REPO, ROOT)}/` : `${ROOT}/`;

const escapeHtml = (s) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function headersFor(urlPath, type) {
  const headers = { "Content-Type": type, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };
  if (type.startsWith("text/html")) {
    if (opts.noWasmEvalCsp) headers["Content-Security-Policy"] = STRICT_CSP_NO_WASM;
    else if (urlPath.endsWith("strict-csp.html")) headers["Content-Security-Policy"] = STRICT_CSP;
  }
  return headers;
}

function sendText(req, res, status, text, extra = {}) {
  const body = Buffer.from(text, "utf8");
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    ...extra,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

async function listing(req, res, urlPath, dir) {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => (b.isDirectory() - a.isDirectory()) || a.name.localeCompare(b.name));
  const items = entries.map((e) => {
    const name = e.name + (e.isDirectory() ? "/" : "");
    return `<li><a href="${escapeHtml(encodeURIComponent(e.name) + (e.isDirectory() ? "/" : ""))}">${escapeHtml(name)}</a></li>`;
  });
  if (urlPath !== "/") items.unshift('<li><a href="../">../</a></li>');
  const title = escapeHtml(`Index of ${urlPath}`);
  const body = Buffer.from(
    `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>${title}</title>\n<h1>${title}</h1>\n<ul>\n${items.join("\n")}\n</ul>\n`,
  );
  res.writeHead(200, { ...headersFor(urlPath, MIME[".html"]), "Content-Length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}

async function handle(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return sendText(req, res, 405, "method not allowed\n", { Allow: "GET, HEAD" });
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, `http://${HOST}`).pathname);
  } catch {
    return sendText(req, res, 400, "bad request path\n");
  }
  if (urlPath.includes("\0")) return sendText(req, res, 400, "bad request path\n");
  const wanted = path.join(ROOT, path.normalize(urlPath));
  let file;
  try {
    file = await realpath(wanted);
  } catch {
    return sendText(req, res, 404, `not found: ${urlPath}\n`);
  }
  // Nothing outside the root, also not through a symbolic link or "..".
  if (file !== ROOT && !file.startsWith(ROOT + path.sep)) return sendText(req, res, 404, `not found: ${urlPath}\n`);
  let info = await stat(file);
  if (info.isDirectory()) {
    if (!urlPath.endsWith("/")) {
      const url = new URL(req.url, `http://${HOST}`);
      return sendText(req, res, 301, "moved\n", { Location: `${url.pathname}/${url.search}` });
    }
    const index = path.join(file, "index.html");
    try {
      info = await stat(index);
      if (!info.isFile()) throw new Error("not a file");
      file = index;
      urlPath += "index.html";
    } catch {
      return listing(req, res, urlPath, file);
    }
  } else if (!info.isFile()) {
    return sendText(req, res, 404, `not found: ${urlPath}\n`);
  }
  const ext = path.extname(file).toLowerCase();
  let type = MIME[ext] ?? "application/octet-stream";
  if (ext === ".wasm" && opts.wrongWasmMime) type = "application/octet-stream";
  res.writeHead(200, { ...headersFor(urlPath, type), "Content-Length": info.size });
  if (req.method === "HEAD") return res.end();
  createReadStream(file)
    .on("error", (e) => res.destroy(e))
    .pipe(res);
}

const server = createServer((req, res) => {
  if (opts.log) res.on("finish", () => console.error(`${res.statusCode} ${req.method} ${req.url}`));
  handle(req, res).catch((e) => {
    console.error(`serve: ${req.method} ${req.url}: ${e.message}`);
    if (!res.headersSent) sendText(req, res, 500, "internal error\n");
    else res.destroy();
  });
});

server.on("error", (e) => {
  if (e.code === "EADDRINUSE") {
    console.error(`serve: port ${opts.port} on ${HOST} is already in use (another server running? stop it, or use PORT=... / --port N)`);
  } else if (e.code === "EACCES") {
    console.error(`serve: no permission to listen on port ${opts.port} (use a port above 1023)`);
  } else {
    console.error(`serve: cannot listen on ${HOST}:${opts.port}: ${e.message}`);
  }
  process.exit(1);
});

server.listen(opts.port, HOST, () => {
  const { port } = server.address();
  const notes = [opts.wrongWasmMime && "wasm as application/octet-stream", opts.noWasmEvalCsp && "CSP without 'wasm-unsafe-eval' on every page"].filter(Boolean);
  console.log(`serving ${rootLabel} at http://${HOST}:${port}/`);
  if (notes.length) console.error(`serve: test mode: ${notes.join("; ")}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
