// Post-build step (tools/post-build.mjs): minifies the site's JavaScript in the staged
// site (minify.mjs). The sources in public/ keep their comments; this is what a reader's
// phone downloads. sw.js is written after this step, from its own template.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { minifyModule } from './minify.mjs';
import { walk } from './staged-files.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('js-minify: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

let before = 0;
let after = 0;
const files = walk(staging).filter((path) => path.endsWith('.js') && relative(staging, path) !== 'sw.js');
for (const path of files) {
  const source = readFileSync(path, 'utf8');
  const code = await minifyModule(source).catch((error) => {
    console.error(`js-minify: ${relative(staging, path)}: ${error.message}`);
    process.exit(1);
  });
  writeFileSync(path, code);
  before += source.length;
  after += code.length;
}
console.log(`js-minify: ${files.length} scripts, ${before} → ${after} bytes`);
