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
  for (const bundled of ['candor-address.js', 'candor-element.js', 'candor-data.js', 'candor-style.js']) {
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

test('the standalone page asks for a shared result\'s WebAssembly as it is read, under the element\'s own test of the address', async () => {
  const { default: data } = await import('../../public/candor-data.js');
  const [, script] = text('embed.html').match(/<script>([\s\S]*?)<\/script>/) ?? [];
  assert.ok(script, 'embed.html has its inline script');
  // What the script asks for under an address's fragment: the links it adds to the page.
  const requested = (hash) => {
    const links = [];
    const document = { head: { insertAdjacentHTML: (where, html) => links.push([where, html]) } };
    new Function('location', 'document', script)({ hash }, document);
    return links;
  };
  const share = data.element.share;
  for (const hash of [`#${share}=2ABC`, `#x=1&${share}=2ABC`]) {
    const links = requested(hash);
    assert.equal(links.length, 1, hash);
    const [[where, html]] = links;
    assert.equal(where, 'beforeend');
    const [, attributes] = html.match(/^<link ([^>]*)>$/) ?? [];
    const attribute = (name) => attributes.match(new RegExp(`(?:^| )${name}(?:="([^"]*)")?(?: |$)`));
    assert.deepEqual([attribute('rel')?.[1], attribute('as')?.[1]], ['preload', 'fetch'], html);
    assert.ok(attribute('crossorigin'), `${html} is fetched as the bundle's own fetch() asks for it`);
    const href = attribute('href')?.[1];
    // The file candor.js fetches for the shared result's bundle, which this request serves.
    assert.match(text('candor.js'), new RegExp(`"\\./${href.replace('.', '\\.')}"`));
    assert.ok(existsSync(join(dist, href)), `${href} is in the site`);
  }
  for (const hash of ['', '#', `#${share}-rate=2ABC`, `#x${share}=2ABC`]) assert.deepEqual(requested(hash), [], hash);
});

test('candor.js asks for a shared result\'s bundle as it starts, before its element is defined', async () => {
  const { default: data } = await import('../../public/candor-data.js');
  const share = data.element.share;
  const saved = { location: globalThis.location, fetch: globalThis.fetch, document: globalThis.document };
  // An element on the page: a built-in's, or one reading a trainer's definition by `src`.
  const element = (src) => ({ getAttribute: (name) => (name === 'src' ? src : null), querySelector: () => null });
  try {
    let round = 0;
    // What candor-address.js asks for as it is evaluated under an address's fragment, on a
    // page of `elements`, and what its `sharedBundle` then asks for, twice.
    const asked = async (hash, elements = [element(null)]) => {
      const fetched = [];
      globalThis.location = { hash };
      globalThis.document = { querySelectorAll: (tag) => (tag === data.element.tag ? elements : []) };
      globalThis.fetch = (url) => {
        fetched.push(new URL(url).pathname.split('/').pop());
        return Promise.reject(new Error('no network in this test'));
      };
      round += 1;
      const { sharedBundle } = await import(`../../public/candor-address.js?round=${round}`);
      const atStart = [...fetched];
      // Each load's requests, which fail here, are that load's to handle.
      const load = () => sharedBundle().map((request) => request.catch(() => {}));
      load();
      const afterFirst = [...fetched];
      load();
      return { atStart, afterFirst, afterSecond: fetched };
    };
    for (const hash of [`#${share}=2ABC`, `#x=1&${share}=2ABC`]) {
      const { atStart, afterFirst, afterSecond } = await asked(hash);
      assert.deepEqual(atStart, ['candor-shared_bg.wasm'], `${hash}: asked for as the module starts`);
      assert.deepEqual(afterFirst, atStart, `${hash}: the first load takes up that request`);
      assert.equal(afterSecond.length, 2, `${hash}: a load tried again asks afresh`);
    }
    // No element parsed yet (candor.js loaded before them), or a built-in's beside a
    // trainer's: asked for at once.
    for (const elements of [[], [element('/mine.json'), element(null)]]) {
      const { atStart } = await asked(`#${share}=2ABC`, elements);
      assert.deepEqual(atStart, ['candor-shared_bg.wasm'], `${elements.length} elements`);
    }
    // A page whose elements all read trainers' own definitions shows a shared result with
    // another bundle, asked for by the element.
    const own = `#${share}=2ABC`;
    const onlyOwn = [element('/mine.json'), element(' /other.json ')];
    for (const [hash, elements] of [[''], [`#${share}-rate=2ABC`], [`#x${share}=2ABC`], [own, onlyOwn]]) {
      const { atStart, afterFirst } = await asked(hash, elements);
      assert.deepEqual(atStart, [], hash);
      assert.deepEqual(afterFirst, ['candor-shared_bg.wasm'], `${hash}: asked for when an element needs it`);
    }
  } finally {
    Object.assign(globalThis, saved);
  }
  // In the built script, the request comes before the element class is defined.
  const js = text('candor.js');
  const request = js.indexOf('"./candor-shared_bg.wasm"');
  assert.ok(request >= 0 && request < js.indexOf('customElements.define('), 'the shared result is asked for first');
});
