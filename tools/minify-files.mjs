// Post-build step (tools/post-build.mjs): minifies the site's scripts and stylesheets in
// the staged site (minify.mjs), and takes the comments out of its HTML pages. The sources
// in public/ keep their comments for whoever reads the code; a reader's phone downloads
// none of them. sw.js is written after this step, from its own template.
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
const files = walk(staging);
const scripts = files.filter((path) => path.endsWith('.js') && relative(staging, path) !== 'sw.js');
const stylesheets = files.filter((path) => path.endsWith('.css'));
const pages = files.filter((path) => path.endsWith('.html'));
for (const path of [...scripts, ...stylesheets, ...pages]) {
  const source = readFileSync(path, 'utf8');
  const code = path.endsWith('.js')
    ? await minifyModule(source).catch((error) => {
        console.error(`minify-files: ${relative(staging, path)}: ${error.message}`);
        process.exit(1);
      })
    : path.endsWith('.css')
      ? minifyStylesheet(source)
      : // A comment and the blank it leaves on its line. Candor's pages have no comment
        // inside a script, a style or an attribute.
        source.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\n?/g, '');
  writeFileSync(path, code);
  before += source.length;
  after += code.length;
}
console.log(
  `minify-files: ${scripts.length} scripts, ${stylesheets.length} stylesheets and ${pages.length} pages, ${before} → ${after} bytes`,
);
