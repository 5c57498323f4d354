// How Candor's scripts and stylesheets are minified for a reader's browser.
//
// Scripts go through terser (pinned in tools/package-lock.json): comments and whitespace go
// and local names are shortened; exported names, property names and module syntax stay, so
// nothing a page, the element class or a bundle calls changes. Used by the build
// (minify-files.mjs) and the LMS packages (scorm.mjs).
//
// Stylesheets are minified conservatively, on purpose: comments go, runs of whitespace
// become one space, and the space next to `{`, `}`, `;` and `,` and after `:` goes.
// Nothing else changes (a space before `:` in a selector means something, one around `+`
// in a calc() too), and no stylesheet has a string holding `/*`, a run of spaces or `: `.
// Used by the build (minify-files.mjs, style-module.mjs).
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

/** `css`, a stylesheet, minified. */
export function minifyStylesheet(css) {
  const text = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
  return text
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replaceAll(': ', ':')
    .replaceAll(';}', '}');
}
