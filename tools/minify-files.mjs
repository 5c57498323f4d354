// Post-build step (tools/post-build.mjs): minifies the site's scripts and stylesheets in
// the staged site (minify.mjs). The sources in public/ keep their comments; this is what a
// reader's phone downloads. sw.js is written after this step, from its own template.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { minifyModule, minifyStylesheet } from './minify.mjs';
import { walk } from './staged-files.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('minify-files: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

let before = 0;
let after = 0;
const scripts = walk(staging).filter((path) => path.endsWith('.js') && relative(staging, path) !== 'sw.js');
const stylesheets = walk(staging).filter((path) => path.endsWith('.css'));
for (const path of [...scripts, ...stylesheets]) {
  const source = readFileSync(path, 'utf8');
  const code = path.endsWith('.css')
    ? minifyStylesheet(source)
    : await minifyModule(source).catch((error) => {
        console.error(`minify-files: ${relative(staging, path)}: ${error.message}`);
        process.exit(1);
      });
  writeFileSync(path, code);
  before += source.length;
  after += code.length;
}
console.log(`minify-files: ${scripts.length} scripts and ${stylesheets.length} stylesheets, ${before} → ${after} bytes`);
