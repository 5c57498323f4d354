// Size budget: the compressed bytes a page loads before its first question, against the
// budget committed in size-budget.json. Fails (exit 1) when a route goes over.
//
//   node tests/size-budget.mjs [dist]
//
// What a route loads is read from the built files themselves, not listed by hand: the
// stylesheets, scripts, module preloads and preloads of its HTML page (or its one script
// tag, for a host page), then every static `import` of those scripts, transitively. Dynamic
// `import()` is left out on purpose: that is how the full bundle arrives, after the first
// question. Each file is compressed as a host would serve it: gzip -9 and brotli quality 11.
// A route may leave files out (`without`): the first screen a new reader sees before the
// small bundle has arrived is measured as the standalone page without that bundle. A route
// may also count one file of a folder (`one_of`), its largest (brotli): the element fetches
// the questions form of the one instrument a widget shows, for the small bundle. A route
// may be read from an LMS package (`package`: the options of tools/scorm.mjs) built from
// the same files, for its launch page.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildPackages, unpack } from '../tools/scorm.mjs';
import { staticImports } from './module-imports.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] || join(here, '..', 'dist');
const budget = JSON.parse(readFileSync(join(here, 'size-budget.json'), 'utf8'));

/// The files an HTML page fetches before it runs anything: stylesheet, script and preload links.
/// What an inline script adds for some addresses only (the standalone page's request for a
/// shared result's bundle) is not the page's own: the shared result's route names it.
function htmlDependencies(file) {
  const html = readFileSync(file, 'utf8').replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1');
  const found = [];
  const tags = html.match(/<(link|script)\b[^>]*>/gi) || [];
  for (const tag of tags) {
    const attr = (name) => (tag.match(new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i')) || [])[1];
    if (/^<script/i.test(tag)) {
      if (attr('src')) found.push(attr('src'));
    } else if (['stylesheet', 'modulepreload', 'preload'].includes((attr('rel') || '').toLowerCase())) {
      found.push(attr('href'));
    }
  }
  return found;
}

/// Every file a route loads before its first question, as paths relative to `root`.
function routeFiles(root, entries) {
  const seen = new Set();
  const queue = [];
  const add = (from, href) => {
    if (/^[a-z]+:/i.test(href)) throw new Error(`${from} loads ${href} from another origin`);
    const path = normalize(join(dirname(from), href.split(/[?#]/)[0]));
    if (!seen.has(path)) {
      seen.add(path);
      queue.push(path);
    }
  };
  for (const entry of entries) add('.', entry);
  while (queue.length) {
    const path = queue.shift();
    const file = join(root, path);
    const next = path.endsWith('.html') ? htmlDependencies(file) : path.endsWith('.js') ? staticImports(readFileSync(file, 'utf8')) : [];
    for (const href of next) add(path, href);
  }
  return [...seen].sort();
}

function compressed(root, path) {
  const bytes = readFileSync(join(root, path));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/// The largest file (brotli) of `folder`, as a path relative to `root`.
function largestOf(root, folder) {
  const files = readdirSync(join(root, folder)).map((name) => join(folder, name));
  if (!files.length) throw new Error(`${folder} is empty`);
  return files.reduce((a, b) => (compressed(root, b).brotli > compressed(root, a).brotli ? b : a));
}

/// The folder a route's files are read from: `dist`, or a temporary one holding the first
/// LMS package that `options` make from it (removed by `done`).
async function rootOf(options) {
  if (!options) return { root: dist, done: () => {} };
  const [pkg] = await buildPackages({ ...options, dist });
  const root = mkdtempSync(join(tmpdir(), 'candor-package-'));
  unpack(pkg.files, root);
  return { root, done: () => rmSync(root, { recursive: true, force: true }) };
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
let over = false;
for (const [name, route] of Object.entries(budget.routes)) {
  const without = new Set(route.without || []);
  const { root, done } = await rootOf(route.package);
  const files = routeFiles(root, route.entries)
    .filter((path) => !without.has(path))
    .concat((route.one_of || []).map((folder) => largestOf(root, folder)));
  console.log(`\n${name}: ${route.description}`);
  console.log(`  ${'file'.padEnd(58)}  raw KB  gzip KB  brotli KB`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const path of files) {
    const size = compressed(root, path);
    for (const k of Object.keys(total)) total[k] += size[k];
    console.log(`  ${relative('.', path).padEnd(58)} ${kb(size.raw)} ${kb(size.gzip)}  ${kb(size.brotli)}`);
  }
  done();
  console.log(`  ${'total'.padEnd(58)} ${kb(total.raw)} ${kb(total.gzip)}  ${kb(total.brotli)}`);
  for (const method of ['gzip', 'brotli']) {
    const limit = route.budget_bytes[method];
    const verdict = total[method] <= limit ? 'within' : 'OVER';
    if (total[method] > limit) over = true;
    console.log(`  ${method}: ${total[method]} bytes, budget ${limit} (${verdict}, ${((100 * total[method]) / limit).toFixed(1)}%)`);
  }
}
if (over) {
  console.error('\nSize budget exceeded: find what grew (twiggy, cargo bloat) before raising size-budget.json.');
  process.exit(1);
}
