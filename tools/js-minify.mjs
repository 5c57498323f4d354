// Post-build step (tools/post-build.mjs): minifies the site's JavaScript in the staged
// site with terser (pinned in tools/package-lock.json). Comments and whitespace go and
// local names are shortened; exported names, property names and module syntax stay, so
// nothing a page, the element class or a bundle calls changes. The sources in public/ keep
// their comments; this is what a reader's phone downloads. sw.js is written after this
// step, from its own template.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { minify } from 'terser';
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
  const result = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  }).catch((error) => {
    console.error(`js-minify: ${relative(staging, path)}: ${error.message}`);
    process.exit(1);
  });
  writeFileSync(path, result.code);
  before += source.length;
  after += result.code.length;
}
console.log(`js-minify: ${files.length} scripts, ${before} → ${after} bytes`);
