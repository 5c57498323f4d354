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
  for (const file of ['./candor-later.js', './candor-take.js', './candor-widget.js']) {
    assert.ok(later.includes(file), `candor.js imports ${file} when needed`);
    assert.ok(existsSync(join(dist, file)), `${file} is in the site`);
  }
});

test('every built-in\'s model has its shared result\'s bundle in the site, and the facilitator\'s two are there', async () => {
  const { default: data } = await import('../../public/candor-data.js');
  const models = new Set(Object.values(data.shareLinks).map(({ model }) => model));
  assert.deepEqual([...models].sort(), ['grid', 'levels', 'ratio', 'subscales']);
  for (const name of [...[...models].map((model) => `shared-${model}`), 'facilitator-top', 'facilitator']) {
    for (const file of [`candor-${name}.js`, `candor-${name}_bg.wasm`]) assert.ok(existsSync(join(dist, file)), `${file} is in the site`);
  }
  // candor.js names their glue by a variable; the build leaves every glue a file of its own.
  assert.doesNotMatch(text('candor.js'), /__wbindgen/);
});

test('every script, stylesheet and preload a page names is in the site, as the page hashed it', () => {
  const pages = readdirSync(dist).filter((file) => file.endsWith('.html'));
  assert.ok(pages.length >= 4, `pages found: ${pages.join(', ')}`);
  for (const page of pages) {
    // What an inline script adds is tested with the script (the standalone page's below).
    const tags = text(page).replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1');
    for (const [tag, href] of tags.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="([^"]+)"[^>]*>/g)) {
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

test('the standalone page asks for its instrument\'s shared result\'s WebAssembly as it is read, under the element\'s own test of the address', async () => {
  const { default: data } = await import('../../public/candor-data.js');
  const [, script] = text('embed.html').match(/<script>([\s\S]*?)<\/script>/) ?? [];
  assert.ok(script, 'embed.html has its inline script');
  // What the script asks for at an address (`hash`, `search`): the links it adds to the page.
  const requested = (hash, search = '') => {
    const links = [];
    const document = { head: { insertAdjacentHTML: (where, html) => links.push([where, html]) } };
    new Function('location', 'document', script)({ hash, search }, document);
    return links;
  };
  // The file a link asks for, checked as a preload of what the bundle's own fetch() asks.
  const preloaded = (links) => {
    assert.equal(links.length, 1);
    const [[where, html]] = links;
    assert.equal(where, 'beforeend');
    const [, attributes] = html.match(/^<link ([^>]*)>$/) ?? [];
    const attribute = (name) => attributes.match(new RegExp(`(?:^| )${name}(?:="([^"]*)")?(?: |$)`));
    assert.deepEqual([attribute('rel')?.[1], attribute('as')?.[1]], ['preload', 'fetch'], html);
    assert.ok(attribute('crossorigin'), `${html} is fetched as the bundle's own fetch() asks for it`);
    return attribute('href')?.[1];
  };
  const share = data.element.share;
  // Each built-in's model, as candor-address.js names its bundle's WebAssembly.
  const ids = Object.keys(data.shareLinks);
  for (const hash of [`#${share}=2ABC`, `#x=1&${share}=2ABC`]) {
    for (const id of ids) {
      const href = preloaded(requested(hash, `?instrument=${id}&theme=dark`));
      assert.equal(href, `candor-shared-${data.shareLinks[id].model}_bg.wasm`, id);
      assert.ok(existsSync(join(dist, href)), `${href} is in the site`);
    }
    const fallback = data.shareLinks[data.element.defaultInstrument].model;
    assert.equal(preloaded(requested(hash)), `candor-shared-${fallback}_bg.wasm`, 'the default instrument');
    // An id no built-in has: the default's bundle, which says so, as the element loads it.
    assert.equal(preloaded(requested(hash, '?instrument=no-such-quiz')), `candor-shared-${fallback}_bg.wasm`, 'an unknown id');
    // Other bundles show a trainer's definition and the facilitator's screen.
    for (const search of ['?src=/mine.json', '?instrument=trust-equation&mode=facilitator']) {
      assert.deepEqual(requested(hash, search), [], search);
    }
  }
  for (const hash of ['', '#', `#${share}-rate=2ABC`, `#x${share}=2ABC`]) assert.deepEqual(requested(hash), [], hash);
});

test('candor.js asks for a shared result\'s or the facilitator\'s bundle as it starts, before its element is defined', async () => {
  const { default: data } = await import('../../public/candor-data.js');
  const share = data.element.share;
  const saved = { location: globalThis.location, fetch: globalThis.fetch, document: globalThis.document };
  // An element on the page: a built-in's, or one reading a trainer's definition by `src`.
  const element = (instrument, src = null, mode = null) => ({
    getAttribute: (name) => ({ instrument, src, mode })[name] ?? null,
    querySelector: () => null,
  });
  // A share link's code of the built-in `id`, as its link writes it.
  const codeOf = (id) => `${data.shareLinks[id].heads[0]}00X0000000001`;
  const modelOf = (id) => data.shareLinks[id].model;
  const wasm = (model) => `candor-shared-${model}_bg.wasm`;
  try {
    let round = 0;
    // candor-address.js as evaluated under an address's fragment on a page of `elements`:
    // what it asks for at once, then what a load of the later bundle `name` ('facilitator',
    // or a model's shared result's) asks for, twice.
    const asked = async (hash, elements, name) => {
      const fetched = [];
      globalThis.location = { hash };
      globalThis.document = { querySelectorAll: (tag) => (tag === data.element.tag ? elements : []) };
      globalThis.fetch = (url) => {
        fetched.push(new URL(url).pathname.split('/').pop());
        return Promise.reject(new Error('no network in this test'));
      };
      round += 1;
      const address = await import(`../../public/candor-address.js?round=${round}`);
      const atStart = [...fetched];
      // Each load's requests, which fail here, are that load's to handle.
      const load = () => address.laterBundle(name).map((request) => request.catch(() => {}));
      load();
      const afterFirst = [...fetched];
      load();
      return { address, atStart, afterFirst, afterSecond: fetched };
    };
    const mine = element('service-or-servility');
    for (const hash of [`#${share}=${codeOf('service-or-servility')}`, `#x=1&${share}=${codeOf('service-or-servility')}`]) {
      const { atStart, afterFirst, afterSecond } = await asked(hash, [mine], 'shared-subscales');
      assert.deepEqual(atStart, [wasm('subscales')], `${hash}: asked for as the module starts`);
      assert.deepEqual(afterFirst, atStart, `${hash}: the first load takes up that request`);
      assert.equal(afterSecond.length, 2, `${hash}: a load tried again asks afresh`);
    }
    // A course page of three models: the bundle of the built-in the code is of, once, for
    // every element (it hands back those the code is not for).
    const course = ['service-or-servility', 'trust-equation', 'trust-roadmap'].map((id) => element(id));
    for (const id of ['trust-equation', 'customer-focus']) {
      const { address, atStart } = await asked(`#${share}=${codeOf(id)}`, course, `shared-${modelOf(id)}`);
      assert.deepEqual(atStart, [wasm(modelOf(id))], id);
      for (const shown of ['service-or-servility', 'trust-roadmap', 'no-such-quiz']) assert.equal(address.sharedModel(shown), modelOf(id), shown);
    }
    // A code that starts as no built-in's: each element's own model (its bundle decides).
    {
      const { address, atStart } = await asked(`#${share}=2ABC`, course, 'shared-grid');
      assert.deepEqual(atStart.sort(), ['grid', 'ratio', 'subscales'].map(wasm));
      assert.equal(address.sharedModel('trust-roadmap'), 'grid');
      assert.equal(address.sharedModel('no-such-quiz'), modelOf(data.element.defaultInstrument));
    }
    // No element parsed yet (candor.js loaded before them): the code's built-in's, if any.
    assert.deepEqual((await asked(`#${share}=${codeOf('trust-roadmap')}`, [], 'shared-grid')).atStart, [wasm('grid')]);
    assert.deepEqual((await asked(`#${share}=2ABC`, [], 'shared-grid')).atStart, []);
    // A trainer's beside a built-in's: the built-in's.
    assert.deepEqual((await asked(`#${share}=2ABC`, [element(null, '/mine.json'), mine], 'shared-subscales')).atStart, [wasm('subscales')]);
    // A page whose elements all read trainers' own definitions shows a shared result with
    // another bundle, asked for by the element; so are addresses without a shared result.
    const onlyOwn = [element(null, '/mine.json'), element(null, ' /other.json ')];
    for (const [hash, elements] of [[''], [`#${share}-rate=2ABC`], [`#x${share}=2ABC`], [`#${share}=2ABC`, onlyOwn]]) {
      const { atStart, afterFirst } = await asked(hash, elements ?? [mine], 'shared-subscales');
      assert.deepEqual(atStart, [], hash);
      assert.deepEqual(afterFirst, [wasm('subscales')], `${hash}: asked for when an element needs it`);
    }
    // The facilitator's screen, with or without a shared result in the address: its top's
    // bundle, not a shared result's (the bundle that draws it whole comes after it); a
    // trainer's own definition's waits for its element.
    const facilitator = element('trust-equation', null, data.element.fullOnly.mode);
    for (const hash of ['', `#${share}=${codeOf('trust-equation')}`]) {
      const { atStart, afterFirst, afterSecond } = await asked(hash, [facilitator], 'facilitator-top');
      assert.deepEqual(atStart, ['candor-facilitator-top_bg.wasm'], `${hash}: the facilitator's top, asked for as the module starts`);
      assert.deepEqual(afterFirst, atStart, `${hash}: the first load takes up that request`);
      assert.equal(afterSecond.length, 2, `${hash}: a load tried again asks afresh`);
    }
    const { atStart: both } = await asked(`#${share}=${codeOf('trust-equation')}`, [facilitator, mine], 'facilitator-top');
    assert.deepEqual(both.sort(), ['candor-facilitator-top_bg.wasm', wasm('ratio')], 'a page of both asks for both');
    assert.deepEqual((await asked('', [element(null, '/mine.json', data.element.fullOnly.mode)], 'facilitator-top')).atStart, []);
    // Once handed over, the element's bundle is the one that draws the screen whole.
    const { address } = await asked('', [facilitator], 'facilitator-top');
    assert.equal(address.laterOf(facilitator), 'facilitator-top');
    assert.equal(address.laterOf({ ...facilitator, handedOver: true }), 'facilitator');
  } finally {
    Object.assign(globalThis, saved);
  }
  // In the built script, the request comes before the element class is defined.
  const js = text('candor.js');
  const request = js.indexOf('_bg.wasm`');
  assert.ok(request >= 0 && request < js.indexOf('customElements.define('), 'the shared result is asked for first');
});

test('every bundle\'s WebAssembly imports have short names, each given by its glue', () => {
  const bundles = readdirSync(dist).filter((file) => file.endsWith('_bg.wasm'));
  assert.ok(bundles.length >= 10, `bundles found: ${bundles.join(', ')}`);
  for (const file of bundles) {
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(dist, file))));
    const glue = text(file.replace(/_bg\.wasm$/, '.js'));
    assert.ok(imports.length > 0, `${file} imports from its glue`);
    for (const { module, name } of imports) {
      assert.match(`${module} ${name}`, /^[a-zA-Z]{1,2} [a-zA-Z]{1,2}$/, `${file}: ${module} ${name}`);
      assert.match(glue, new RegExp(`[{,]${name}:`), `${file}: the glue gives ${name}`);
    }
  }
});
