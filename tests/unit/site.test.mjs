// The built site's scripts and pages (dist/, after `trunk build`): a host page's one tag
// fetches one script before the bundles, and every page loads only files the site has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dynamicImports, staticImports } from '../module-imports.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const text = (file) => readFileSync(join(dist, file), 'utf8');

test('candor.js holds the element, its data and its stylesheet, and imports nothing statically', () => {
  const js = text('candor.js');
  assert.deepEqual(staticImports(js), []);
  assert.match(js, /customElements\.define\(/, 'the element is defined in candor.js');
  for (const bundled of ['candor-element.js', 'candor-data.js', 'candor-style.js']) {
    assert.ok(!existsSync(join(dist, bundled)), `${bundled} is bundled into candor.js, not served beside it`);
  }
  // What it loads later stays a file of its own, fetched when needed.
  const later = dynamicImports(js);
  for (const file of ['./candor-later.js', './candor-take.js', './candor-widget.js', './candor-shared.js', './candor-facilitator.js']) {
    assert.ok(later.includes(file), `candor.js imports ${file} when needed`);
    assert.ok(existsSync(join(dist, file)), `${file} is in the site`);
  }
});

test('every script, stylesheet and preload a page names is in the site, as the page hashed it', () => {
  const pages = readdirSync(dist).filter((file) => file.endsWith('.html'));
  assert.ok(pages.length >= 4, `pages found: ${pages.join(', ')}`);
  for (const page of pages) {
    for (const [tag, href] of text(page).matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="([^"]+)"[^>]*>/g)) {
      // A build directive trunk leaves in place names a source, not a served file.
      if (/^[a-z]+:/i.test(href) || /\bdata-trunk\b/.test(tag)) continue;
      const file = join(dist, href.split(/[?#]/)[0]);
      assert.ok(existsSync(file), `${page} names ${href}`);
      // A file changed after trunk hashed it (minified) would be refused by the browser.
      const integrity = /\bintegrity="(sha\d+)-([^"]+)"/.exec(tag);
      if (integrity) {
        const [, algorithm, digest] = integrity;
        assert.equal(createHash(algorithm).update(readFileSync(file)).digest('base64'), digest, `${page}: ${href} matches its integrity`);
      }
    }
  }
});

test('pages are served without their comments, and keep everything else', () => {
  const pages = readdirSync(dist).filter((file) => file.endsWith('.html'));
  for (const page of pages) {
    assert.doesNotMatch(text(page), /<!--/, `${page} holds a comment`);
  }
  // The standalone page still names what it loads.
  const embed = text('embed.html');
  for (const file of ['embed.css', 'embed.js', 'candor.js']) assert.match(embed, new RegExp(`"${file}"`));
});
