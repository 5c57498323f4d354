// Post-build step (tools/post-build.mjs): writes sw.js into the staged site with the list
// of the widget's own files and a version drawn from their contents, so the service worker
// caches exactly this build and replaces the previous one when anything changes.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { walk } from './staged-files.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('precache: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

// What a phone needs to take and finish a quiz offline from the standalone page: the page,
// candor.js (the element, its data and stylesheet), the small and full bundles, every
// built-in's questions form and packed definition; and every built-in's JSON, which the
// authoring page copies. The authoring page, the shared result and the facilitator's
// screen have their own files kept when they load (candor-offline.js), so a reader's
// phone never downloads them.
const wanted = (path) =>
  /^(embed\.(html|js|css)|candor(-take|-widget|-later|-offline)?\.js|candor-(take|widget)_bg\.wasm|favicon\.svg)$/.test(path) ||
  (path.startsWith('snippets/') && path.endsWith('.js')) ||
  /^((questions|instruments)\/[a-z0-9-]+\.[a-z-]+\.json|packed\/[a-z0-9-]+\.[a-z-]+\.bin)$/.test(path);

const files = walk(staging)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter(wanted)
  .sort();
const hash = createHash('sha256');
for (const file of files) hash.update(file).update(readFileSync(join(staging, file)));
const version = hash.digest('hex').slice(0, 16);

const template = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8');
const sw = template
  .replace("'__CANDOR_VERSION__'", JSON.stringify(version))
  .replace('[/* __CANDOR_FILES__ */]', JSON.stringify(files.map((f) => `./${f}`)));
writeFileSync(join(staging, 'sw.js'), sw);
console.log(`precache: ${files.length} files, version ${version}`);
