// How Candor's scripts are minified for a reader's browser (terser, pinned in
// tools/package-lock.json): comments and whitespace go and local names are shortened;
// exported names, property names and module syntax stay, so nothing a page, the element
// class or a bundle calls changes. Used by the build (js-minify.mjs) and the LMS packages
// (scorm.mjs).
import { minify } from 'terser';

/** `source`, an ES module, minified; rejects with terser's error when it does not parse. */
export async function minifyModule(source) {
  const result = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  return result.code;
}
