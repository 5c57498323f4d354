// What a built script imports, read from its text: the size budget follows the static
// imports of a route's scripts; the built-site test checks candor.js has none.

/// The modules a script imports statically (`import … from '…'`, `import '…'`,
/// `export … from '…'`), one statement a line or minified (statements after `;` or `}`).
export const staticImports = (js) =>
  [...js.matchAll(/(?:^|[;}])\s*(?:import|export)\b[^'"();]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[;}])\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1] || m[2]);

/// The modules a script imports dynamically (`import('…')`).
export const dynamicImports = (js) => [...js.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
