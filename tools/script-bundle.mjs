// Post-build step (tools/post-build.mjs): bundles candor.js with the modules it imports
// statically (candor-address.js, candor-element.js, candor-data.js, and candor-style.js,
// which the previous step wrote) into the one file candor.js, with esbuild (pinned in
// tools/package-lock.json).
// A host page's one tag then fetches one script before the bundles, not one and then
// three: a round trip less before every first screen. What candor.js imports dynamically
// (the bundles' glue, candor-later.js) stays a file of its own, fetched when needed. The
// bundled modules are removed from the staged site, so no page loads them twice.
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('script-bundle: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

const entry = join(staging, 'candor.js');
const result = await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [
    {
      name: 'dynamic-imports-stay-files',
      setup(on) {
        on.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
      },
    },
  ],
}).catch((error) => {
  console.error(`script-bundle: ${error.message}`);
  process.exit(1);
});
if (result.errors.length > 0) process.exit(1);
// The modules it holds, as esbuild read them (paths relative to the working directory).
const inlined = Object.keys(result.metafile.inputs)
  .map((input) => resolve(input))
  .filter((path) => path !== entry);
for (const path of inlined) rmSync(path);
console.log(`script-bundle: candor.js holds ${inlined.map((path) => relative(staging, path)).sort().join(', ')}`);
