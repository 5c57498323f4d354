// What the page's address and its elements ask of the widget, read as soon as candor.js
// runs.
//
// Two screens of a built-in are shown by later bundles of their own: a result someone
// shared (`#candor=<code>`), by the shared result's bundle of the built-in's model
// (`candor-shared-<model>`, `sharedModel`), and the facilitator's screen, whose top
// (`candor-facilitator-top`) hands over to the bundle that draws it whole
// (`candor-facilitator`). Which bundle shows an element is decided here (`laterOf`). The
// first bundle of each such element already on the page is asked for (its glue and
// WebAssembly) as this module is evaluated: the first thing candor.js does once its data
// (candor-data.js) is read, before the element class is defined and before any element
// connects, which is when the element would ask. `laterBundle` hands these requests to the
// first load of that bundle. The standalone page asks for a shared result's WebAssembly
// sooner still, as it is read (its inline script), and serves this request; the
// facilitator's page preloads its bundle. How any later bundle is asked for (`askLater`)
// lives here too, so candor.js asks for the others the same way.
import data from './candor-data.js';

// The value of the address fragment's part `key=…` (`#candor=…`, `#x=1&candor=…`), or
// null when it has none.
const hashPart = (key) => {
  const part = location.hash
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.startsWith(`${key}=`));
  return part === undefined ? null : part.slice(key.length + 1);
};

// Whether the address's fragment has a part `key=…`.
export const hashHas = (key) => hashPart(key) !== null;

// Asks for a later bundle: [its glue (`glue`, a promise of the module), its WebAssembly
// (`wasm`, a file name beside this script, as a promise of the response)].
export const askLater = (glue, wasm) => [glue, fetch(new URL(wasm, import.meta.url))];

// The name of the shared result's bundle of `model`, as candor.js names its loader.
export const sharedName = (model) => `shared-${model}`;

// Asks for the later bundle `candor-<name>`. The glue's path is a variable, not a template
// that starts with `./`: esbuild would read that as a pattern and bundle every glue it
// matches into candor.js.
const askNamed = (name) => {
  const path = `./candor-${name}`;
  const glue = `${path}.js`;
  return askLater(import(glue), `${path}_bg.wasm`);
};

// `host`'s attribute `name`, trimmed ('' when absent).
export const attrOf = (host, name) => (host.getAttribute(name) || '').trim();

// The instrument `host` shows: the one it names, or the bundles' default.
export const instrumentOf = (host) => attrOf(host, 'instrument') || data.element.defaultInstrument;

// Whether `host` reads a trainer's own definition (by URL, or inline JSON), which only a
// later bundle reads: its shared result comes with `candor-own`, not this bundle.
export function readsOwnDefinition(host) {
  const only = data.element.fullOnly;
  return attrOf(host, only.attribute) !== '' || host.querySelector(only.inline) !== null;
}

// The built-in the address's shared result is of, told by how its code starts
// (`data.shareLinks[id].heads`, from the core); undefined when it starts as no built-in's
// code does (typed by hand, damaged, or a trainer's own definition's).
const linkedBuiltin = () => {
  const code = hashPart(data.element.share) || '';
  return Object.keys(data.shareLinks).find((id) => data.shareLinks[id].heads.some((head) => code.startsWith(head)));
};

// The model whose shared result's bundle shows the address's result to an element showing
// the built-in `id`: that of the built-in the code is of, so every element of a page loads
// the one bundle, which shows the result in the element it is for and hands the others
// back; else `id`'s own (the bundle decides), or the default's for an id no built-in has
// (the bundle says so).
export function sharedModel(id) {
  const links = data.shareLinks;
  const shown = linkedBuiltin() ?? (Object.hasOwn(links, id) ? id : data.element.defaultInstrument);
  return links[shown].model;
}

// Whether `host` shows the facilitator's screen.
export const facilitates = (host) => attrOf(host, 'mode') === data.element.fullOnly.mode;

// Whether the page's address carries a shared result (`#candor=<code>`) `host` may show
// (the shared result's bundle has not handed it back). The standalone page makes the same
// test as it is read, to ask for the shared result's WebAssembly early (embed.html; the
// site's unit test holds it to `data.element.share`).
export const showsShared = (host) => !host.ownQuiz && hashHas(data.element.share);

// The name of the later bundle that shows `host` (as candor.js names its loaders): the
// facilitator's, the shared result's (of a built-in, by its model, or of a trainer's own
// definition), or the full bundle. The facilitator's screen of a built-in comes from
// `facilitator-top` until a bundle asked the element to hand it over
// (`host.handedOver`, set by `candorHandOver`), then from `facilitator`.
export function laterOf(host) {
  const screen = facilitates(host) ? 'facilitator' : showsShared(host) ? 'shared' : null;
  if (!screen) return 'full';
  if (readsOwnDefinition(host)) return `own-${screen}`;
  if (screen === 'facilitator') return host.handedOver ? screen : 'facilitator-top';
  return sharedName(sharedModel(instrumentOf(host)));
}

// Asked for as this module is evaluated: the bundle of each element already on the page
// that opens on the facilitator's screen or a shared result of a built-in; with no element
// parsed yet, the shared result's of the built-in the address's code is of. Not the full
// bundle, which a new reader's first screen must not share the link with, nor a trainer's
// own definition's, which waits for that definition anyway. Each is taken up by the first
// load of its bundle, or never when no element shows it.
const elements = [...document.querySelectorAll(data.element.tag)];
const linked = linkedBuiltin();
const names = elements.length
  ? elements.map(laterOf).filter((name) => name === 'facilitator-top' || name.startsWith('shared-'))
  : linked
    ? [sharedName(sharedModel(linked))]
    : [];
const early = new Map();

// Asks for the later bundle `name` now, for a load to take up later (`laterBundle`), unless
// it is asked for already. A request no load takes up fails silently: a failure is that
// load's to report, not an unhandled rejection.
export function askEarly(name) {
  if (early.has(name)) return;
  const requests = askNamed(name);
  for (const request of requests) request.catch(() => {});
  early.set(name, requests);
}
names.forEach(askEarly);

// The later bundle `name` (a shared result's or a facilitator's), as asked for above the
// first time, afresh after that (a load that failed is tried again with new requests).
export function laterBundle(name) {
  const asked = early.get(name);
  early.delete(name);
  return asked || askNamed(name);
}
