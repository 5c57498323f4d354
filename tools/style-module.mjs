// Post-build step (tools/post-build.mjs): writes candor-style.js into the staged site, the
// widget's stylesheet (public/candor.css) as a module exporting its text, minified. The
// element imports it, so the first screen is styled in the same task that defines the
// element, with no fetch and no asynchronous parse in between. The stylesheet is minified
// as the site's others are (`minifyStylesheet`, minify.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyStylesheet } from './minify.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('style-module: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

const css = readFileSync(new URL('../public/candor.css', import.meta.url), 'utf8');
const minified = minifyStylesheet(css);
writeFileSync(
  join(staging, 'candor-style.js'),
  `// Generated at build time from public/candor.css (tools/style-module.mjs): the widget's stylesheet.\nexport default ${JSON.stringify(minified)};\n`,
);
console.log(`style-module: candor-style.js, ${css.length} → ${minified.length} bytes of CSS`);
