// Trunk's post-build hook: trunk starts the hooks of one stage side by side, so the steps
// that depend on each other run from here, in order: the stylesheet module first, then
// candor.js bundled with the modules it imports, then every script and stylesheet
// minified and the pages' comments taken out, then each bundle's WebAssembly imports
// given short names in it and its minified glue, then the service worker, whose file list
// and version include what they wrote.
import { shortenSite } from './import-names.mjs';

await import('./style-module.mjs');
await import('./script-bundle.mjs');
await import('./minify-files.mjs');
try {
  const { bundles, before, after } = shortenSite(process.env.TRUNK_STAGING_DIR);
  console.log(`import-names: ${bundles} bundles, ${before} → ${after} bytes`);
} catch (error) {
  console.error(`import-names: ${error.message}`);
  process.exit(1);
}
await import('./precache.mjs');
