// A small static file server for the built site and the test fixtures; no dependencies.
//
//   node tests/server.mjs [--port 8080] [--host 127.0.0.1] [--root dist]
//
// Serves <root>/ at / and tests/fixtures/ at /fixtures/, with the right MIME type for
// .wasm (browsers refuse to stream-compile anything else), compressed with brotli or gzip
// when the browser accepts it, as a production server would (compressed once per file
// version and kept in memory). Query parameters never change
// which file is served. The response headers can be adjusted per request by test
// fixtures: /fixtures/<name>.html may have a sibling <name>.headers.json holding extra
// headers (a Content-Security-Policy header, say).
//
// A test that drives a browser it cannot intercept requests in can hold one file back:
// `GET /__hold/<path>` makes every request of `<path>` wait until `GET /__release/<path>`.
//
// `--link <kbit/s>/<ms>` serves as over one slow link that every request shares, as a
// phone's radio is: each response starts `ms` after its request, and the bytes of all the
// responses under way take turns at `kbit/s` in all. A browser's own throttling holds each
// page to its rate but lets a service worker's requests through at full speed; this link
// holds both, so what a worker downloads slows what the page downloads.
import { createServer } from 'node:http';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(option('port', process.env.PORT || 8080));
const host = option('host', '127.0.0.1');
const root = resolve(option('root', join(here, '..', 'dist')));
const fixtures = join(here, 'fixtures');
const link = /^(\d+)\/(\d+)$/.exec(option('link', ''));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

async function locate(pathname) {
  const [base, rel] = pathname.startsWith('/fixtures/')
    ? [fixtures, pathname.slice('/fixtures/'.length)]
    : [root, pathname.slice(1)];
  const file = normalize(join(base, decodeURIComponent(rel)));
  if (!file.startsWith(base)) return null;
  try {
    const info = await stat(file);
    return info.isDirectory() ? join(file, 'index.html') : file;
  } catch {
    return null;
  }
}

async function extraHeaders(file) {
  if (!file.startsWith(fixtures) || !file.endsWith('.html')) return {};
  try {
    return JSON.parse(await readFile(file.replace(/\.html$/, '.headers.json'), 'utf8'));
  } catch {
    return {};
  }
}

// What a host compresses: the widget's files as docs/embedding.md asks (scripts, JSON,
// WebAssembly, the packed definitions) and the pages' own text.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.bin', '.svg', '.txt', '.webmanifest']);
const compressed = new Map();

/** `body` encoded for `accept` (an Accept-Encoding header): [encoding or null, bytes]. */
function encode(file, body, mtime, accept = '') {
  if (!COMPRESSIBLE.has(extname(file)) || body.length < 512) return [null, body];
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!encoding) return [null, body];
  const key = `${encoding}:${file}:${mtime}`;
  if (!compressed.has(key)) {
    compressed.set(
      key,
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 }),
    );
  }
  return [encoding, compressed.get(key)];
}

// `<path>` → what its requests wait for, and the release of the waiting ones.
const held = new Map();

// The shared link (`--link`): responses under way, each sent a slice at a time, in turns.
const LINK_TICK_MS = 10;
const LINK_SLICE = 1460;
const sending = [];
let pumping = null;
let pumped = 0;
let credit = 0;

// Sends what the link carried since the last turn. It is counted from the clock, not from
// the turns, so a busy machine's late timers do not slow the link (at most five turns'
// worth at once, so a stalled server does not burst).
function pump() {
  const now = performance.now();
  const rate = (Number(link[1]) * 1000) / 8;
  credit = Math.min(credit + (rate * (now - pumped)) / 1000, (rate * 5 * LINK_TICK_MS) / 1000);
  pumped = now;
  while (credit >= 1 && sending.length > 0) {
    const stream = sending.shift();
    const size = Math.min(LINK_SLICE, Math.floor(credit), stream.bytes.length - stream.sent);
    stream.res.write(stream.bytes.subarray(stream.sent, stream.sent + size));
    stream.sent += size;
    credit -= size;
    if (stream.sent < stream.bytes.length) sending.push(stream);
    else stream.res.end();
  }
  if (sending.length === 0) {
    clearInterval(pumping);
    pumping = null;
    credit = 0;
  }
}

/** Sends `bytes` as the response `res`, over the shared link. */
function sendOverLink(res, bytes) {
  if (!bytes || bytes.length === 0) {
    res.end(bytes);
    return;
  }
  const stream = { res, bytes, sent: 0 };
  sending.push(stream);
  // A page closed mid-download takes no more of the link.
  res.on('close', () => {
    const at = sending.indexOf(stream);
    if (at >= 0) sending.splice(at, 1);
  });
  if (!pumping) {
    pumped = performance.now();
    pumping = setInterval(pump, LINK_TICK_MS);
  }
}

const server = createServer(async (req, res) => {
  if (link) await new Promise((resolve) => setTimeout(resolve, Number(link[2])));
  const url = new URL(req.url, 'http://localhost');
  const control = /^\/__(hold|release)(\/.*)$/.exec(url.pathname);
  if (control) {
    const [, verb, path] = control;
    if (verb === 'hold') {
      let release;
      held.set(path, { gate: new Promise((resolve) => (release = resolve)), release });
    } else {
      held.get(path)?.release();
      held.delete(path);
    }
    res.writeHead(204).end();
    return;
  }
  const hold = held.get(url.pathname);
  if (hold) await hold.gate;
  const file = await locate(url.pathname);
  let body;
  let mtime = 0;
  try {
    body = file && (await readFile(file));
    mtime = file ? (await stat(file)).mtimeMs : 0;
  } catch {
    body = null;
  }
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  const [encoding, bytes] = encode(file, body, mtime, req.headers['accept-encoding']);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] || 'application/octet-stream',
    ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
    'cache-control': 'no-cache',
    // Lets a sandboxed iframe (origin "null") or another site load the widget's files.
    'access-control-allow-origin': '*',
    ...(await extraHeaders(file)),
  });
  if (req.method === 'HEAD') res.end();
  else if (link) sendOverLink(res, bytes);
  else res.end(bytes);
});

// Compress the site's files before answering, so no request waits for a compression.
async function warm(dir) {
  const { readdir } = await import('node:fs/promises');
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await warm(path);
    } else if (COMPRESSIBLE.has(extname(path))) {
      const [body, info] = [await readFile(path), await stat(path)];
      encode(path, body, info.mtimeMs, 'br');
      encode(path, body, info.mtimeMs, 'gzip');
    }
  }
}
await warm(root).catch(() => {});

server.listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}/`);
});
