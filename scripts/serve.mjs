#!/usr/bin/env node
// A tiny static server for the demo page and the end-to-end test (Node's stdlib only).
//
//   /        -> www/   (index.html for "/")
//   /pkg/... -> pkg/   (wasm-pack's output)
//
// Anything else, or any path that would leave those two folders, is a 404.
//
// As a program:  node scripts/serve.mjs [--port 8080] [--host 127.0.0.1]
// As a module:   const { url, close } = await startServer({ port: 0 });
//   other folders: startServer({ mounts: [['/node_modules/', dir], …] }) (instead of www/ and
//   pkg/); pages held in memory: startServer({ pages: { '/form.html': html } }).

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
const STRICT_CSP_PATHS = new Set(['/team.html', '/team-worker.js', '/policy.html', '/policy-worker.js']);

/** Maps a URL path to a file inside one of the served folders, or null. */
async function resolveFile(urlPath, mounts) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Longest mount prefix first, so /pkg/ wins over /.
  for (const [prefix, dir] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    let rel = decoded.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const segments = rel.split('/');
    if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return null;
    const base = path.resolve(dir);
    const file = path.resolve(base, ...segments);
    if (file !== base && !file.startsWith(base + path.sep)) return null;
    try {
      // Follow symlinks, then check again that the real file is inside the real folder.
      const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)]);
      if (!realFile.startsWith(realBase + path.sep)) return null;
      const st = await stat(realFile);
      if (!st.isFile()) return null;
      return { file: realFile, size: st.size };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Starts the server. Resolves to { url, port, server, close }.
 * port 0 picks a free port (what the tests use); host defaults to 127.0.0.1.
 */
export function startServer({ port = 0, host = '127.0.0.1', www = path.join(ROOT, 'www'), pkg = path.join(ROOT, 'pkg'),
  mounts = [
    ['/pkg/', pkg],
    // The team page's CSV reader (npm papaparse), served from node_modules: no CDN.
    ['/vendor/papaparse/', path.join(ROOT, 'node_modules/papaparse')],
    ['/', www],
  ], pages = {}, quiet = true } = {}) {
  const server = createServer(async (req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    let pathname;
    try {
      pathname = new URL(req.url, 'http://localhost').pathname;
    } catch {
      return send(400, 'Bad request\n');
    }
    // A page held in memory answers a form's POST too (a test's "saved" page).
    if (Object.hasOwn(pages, pathname)) {
      res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : pages[pathname]);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(405, 'Method not allowed\n');
    }
    if (pathname === '/pkg') {
      res.writeHead(301, { Location: '/pkg/' });
      return res.end();
    }
    const found = await resolveFile(pathname, mounts);
    if (!quiet) console.log(`${req.method} ${pathname} ${found ? 200 : 404}`);
    if (!found) return send(404, 'Not found\n');
    const type = MIME[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'Content-Length': found.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    // The team page's worker runs under the same strict policy as its page (a worker's
    // policy is its script's response header): WebAssembly needs 'wasm-unsafe-eval' there too.
    if (STRICT_CSP_PATHS.has(pathname)) headers['Content-Security-Policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actual}/`,
        port: actual,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: 8080, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--host') opts.host = argv[++i];
    else if (a === '--verbose') opts.quiet = false;
    else {
      console.error(`serve.mjs: unknown argument ${a}\nusage: node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--verbose]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error('serve.mjs: --port must be a whole number from 0 to 65535');
    process.exit(2);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  try {
    const { url, close } = await startServer({ ...opts, quiet: opts.quiet ?? true });
    console.log(`Serving www/ and pkg/ at ${url}  (Ctrl+C to stop)`);
    const stop = async () => {
      await close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    if (e && e.code === 'EADDRINUSE') {
      console.error(`serve.mjs: ${opts.host}:${opts.port} is already in use. Stop whatever is using it, or choose another port: make demo DEMO_PORT=8081 (or node scripts/serve.mjs --port 8081)`);
    } else {
      console.error(`serve.mjs: ${e && e.message ? e.message : e}`);
    }
    process.exit(1);
  }
}
