// The widget's stylesheet (public/candor.css) against the code that draws the widget: every
// class it styles is one some code writes. candor.js carries the whole stylesheet to every
// reader's first screen, so a rule nothing draws any more is bytes on that route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

// What draws the widget: the Rust crates, the element's scripts and pages, the build tools
// (the LMS launch page).
const sources = () => {
  const files = [];
  for (const folder of ['core/src', 'view/src', 'web/src', 'take/src', 'widget/src', 'author/src', 'public', 'tools']) {
    for (const entry of readdirSync(join(root, folder), { recursive: true })) {
      if (/\.(rs|js|mjs|html)$/.test(entry)) files.push(join(root, folder, entry));
    }
  }
  return files;
};

test('every class the stylesheet styles is one the code draws', () => {
  const css = readFileSync(join(root, 'public', 'candor.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const styled = new Set(css.match(/\.cq-[a-z0-9-]+/g).map((name) => name.slice(1)));
  const drawn = new Set(sources().flatMap((file) => readFileSync(file, 'utf8').match(/cq-[a-z0-9-]+/g) || []));
  assert.ok(styled.size > 50, `the stylesheet was read (${styled.size} classes)`);
  assert.deepEqual([...styled].filter((name) => !drawn.has(name)), []);
});
