// Candor: the one script a host page includes.
//
//   <script type="module" src="https://your.site/candor/candor.js"></script>
//   <candor-quiz instrument="trust-equation"></candor-quiz>
//
// As a module it runs once per page however many elements there are. It defines
// <candor-quiz> (candor-element.js, with what it knows of the Rust side: candor-data.js),
// whose first screen needs no WebAssembly. The build bundles those modules and the
// stylesheet into this file (tools/script-bundle.mjs), so a host page's tag fetches one
// script before the bundles. The small first-question bundle (candor-take) is fetched and
// compiled once, when the first element needing it connects; the full bundle
// (candor-widget: results, sharing) is loaded once: in the background when the page is
// idle, when a result is due, or at once for an element that opens on one of its screens.
// A result someone shared (`#candor=<code>` in the page's address) and the facilitator's
// screen have bundles of their own (candor-shared-<model>, one per model;
// candor-facilitator-top, the facilitator's screen down to the attendee link and its QR
// code, which hands over to candor-facilitator, the screen whole), asked for as this
// script starts when an element on the page shows one (candor-address.js), else by the
// element when it connects. Those show built-ins only; for a trainer's own definition,
// both screens come in one bundle with the reader (candor-own). Paths are relative to
// this file, so the widget's files can live anywhere.

// First: a shared result's or the facilitator's bundle is asked for as this module starts
// (candor-address.js).
import { askEarly, askLater, laterBundle, sharedName } from './candor-address.js';
import { defineElement, useBundle, bundleFailed, bundleUnreachable } from './candor-element.js';
export { bundlesIn } from './candor-element.js';
import data from './candor-data.js';
import css from './candor-style.js';

const base = new URL('./', import.meta.url);

// Resolves to a later bundle's module, once its glue (`glue`, a promise of the module) and
// its WebAssembly (`wasm`, a promise of the response) are in and started. The WebAssembly
// is fetched alongside the glue, not after it: one round trip less, and a page's preload
// of it is taken up even when the glue fails, so trying again fetches both afresh.
async function loadLater([glue, wasm]) {
  const [bundle, response] = await Promise.all([glue, wasm]);
  await bundle.default({ module_or_path: response });
  bundle.setBaseUrl(base.href);
  return bundle;
}

// The full bundle (a reader's quiz with results, sharing and data controls), the shared
// result's bundle of a model and the facilitator's bundles (the screen's top, `name`
// 'facilitator-top', and the screen whole, 'facilitator'), each resolving to its mount
// function.
const loadFull = () => loadLater(askLater(import('./candor-widget.js'), './candor-widget_bg.wasm')).then((b) => b.mountFull);
const loadShared = (model) => loadLater(laterBundle(sharedName(model))).then((b) => b.mountShared);
const loadFacilitator = (name) => loadLater(laterBundle(name)).then((b) => b.mountFacilitator);

// The bundle for a trainer's own definition, loaded once for both of its screens (a load
// that failed is tried again afresh); resolves to the mount function named `entry`.
let own = null;
function loadOwn(entry) {
  if (!own) {
    own = loadLater(askLater(import('./candor-own.js'), './candor-own_bg.wasm'));
    own.catch(() => {
      own = null;
    });
  }
  return own.then((bundle) => bundle[entry]);
}

// The small bundle: its WebAssembly is fetched first, and its glue is imported (not a
// static import, so the first screen does not wait for it) once the WebAssembly is in. The
// reader may be on the first screen meanwhile: parsing the glue and compiling the module
// would be tasks in the way of their taps, so they wait for the bytes and run together.
// Each element then mounts in a task of its own (see candor-element.js). When a file cannot
// be downloaded (a dropped connection), each element says so and offers to try again, and
// the first screen stays usable meanwhile; when the module cannot run (most often a
// Content-Security-Policy without 'wasm-unsafe-eval'), each element says so and links to
// the standalone page.
function loadBundle() {
  // A failure of the network, as opposed to one of the module.
  const download = (promise) =>
    promise.catch((error) => {
      throw { download: error };
    });
  download(
    fetch(new URL('./candor-take_bg.wasm', base)).then((response) =>
      response.ok ? response.arrayBuffer() : Promise.reject(new Error(`candor-take_bg.wasm: HTTP ${response.status}`)),
    ),
  )
    .then((bytes) =>
      download(import('./candor-take.js')).then(({ default: init, start }) =>
        init({ module_or_path: bytes }).then(() => start(useBundle)),
      ),
    )
    .catch((error) => {
      if (error && error.download) {
        console.error('Candor could not download its bundle:', error.download);
        bundleUnreachable(loadBundle);
      } else {
        console.error('Candor could not start:', error);
        bundleFailed(error);
      }
    });
}

// The element is defined at once: a new reader sees the intro of a built-in instrument
// (and can start it) while the bundle is still on its way. The element loads the small
// bundle when the first element that needs it connects; one that opens on a screen only
// a later bundle has (a returning reader's result, a shared result, the facilitator's)
// loads that bundle at once instead, so a page of those never waits for the small one.
defineElement(css, data, {
  small: loadBundle,
  full: loadFull,
  // The shared result's bundle of each built-in's model.
  ...Object.fromEntries(Object.values(data.shareLinks).map(({ model }) => [sharedName(model), () => loadShared(model)])),
  // The facilitator's screen's top, then the bundle that draws it whole, which the top asks
  // for once drawn: asked for as soon as the top's is in, so it downloads while the top is
  // drawn.
  'facilitator-top': () =>
    loadFacilitator('facilitator-top').then((mount) => {
      askEarly('facilitator');
      return mount;
    }),
  facilitator: () => loadFacilitator('facilitator'),
  'own-shared': () => loadOwn('mountShared'),
  'own-facilitator': () => loadOwn('mountFacilitator'),
});
