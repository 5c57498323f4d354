// Trunk's post-build hook: trunk starts the hooks of one stage side by side, so the steps
// that depend on each other run from here, in order: the stylesheet module first, then
// candor.js bundled with the modules it imports, then every script and stylesheet
// minified and the pages' comments taken out, then the service worker, whose file list
// and version include what they wrote.
await import('./style-module.mjs');
await import('./script-bundle.mjs');
await import('./minify-files.mjs');
await import('./precache.mjs');
