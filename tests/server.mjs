// A small static file server for the built site and the test fixtures; no dependencies.
//
//   node tests/server.mjs [--port 8080] [--host 127.0.0.1] [--root dist]
//
// Serves <root>/ at / and tests/fixtures/ at /fixtures/, with the right MIME type for
// .wasm (browsers refuse to stream-compile anything else). Query parameters never change
// which file is served. The response headers can be adjusted per request by test
// fixtures: /fixtures/<name>.html may have a sibling <name>.headers.json holding extra
// headers (a Content-Security-Policy header, say).
import { createServer } from 'node:http';
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

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const file = await locate(url.pathname);
  let body;
  try {
    body = file && (await readFile(file));
  } catch {
    body = null;
  }
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] || 'application/octet-stream',
    'cache-control': 'no-cache',
    // Lets a sandboxed iframe (origin "null") or another site load the widget's files.
    'access-control-allow-origin': '*',
    ...(await extraHeaders(file)),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}/`);
});
