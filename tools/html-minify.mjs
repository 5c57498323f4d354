// Post-build step (tools/post-build.mjs): takes the comments out of the site's HTML pages in
// the staged site. The sources keep them for whoever reads the code; a reader's phone
// downloads none of them.
import { readFileSync, writeFileSync } from 'node:fs';
import { walk } from './staged-files.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('html-minify: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

let before = 0;
let after = 0;
const pages = walk(staging).filter((path) => path.endsWith('.html'));
for (const path of pages) {
  const source = readFileSync(path, 'utf8');
  // A comment and the blank it leaves on its line. Candor's pages have no comment inside
  // a script, a style or an attribute.
  const page = source.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\n?/g, '');
  writeFileSync(path, page);
  before += source.length;
  after += page.length;
}
console.log(`html-minify: ${pages.length} pages, ${before} → ${after} bytes`);
