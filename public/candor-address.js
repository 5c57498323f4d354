// What the page's address asks of the widget, read as soon as candor.js runs.
//
// A result someone shared (`#candor=<code>`) is shown by a shared result's bundle, one
// per model (`candor-shared-<model>`, `sharedModel`). When the address carries one, that
// bundle's glue and WebAssembly are asked for here, as this module is evaluated: the first
// thing candor.js does once its data (candor-data.js) is read, before the element class is
// defined and before any element connects, which is when the element would ask (not on a
// page whose elements all read trainers' own definitions, which another bundle shows).
// `sharedBundle` hands these requests to the first load of that bundle. The standalone
// page asks for the same WebAssembly sooner still, as it is read (its inline script), and
// serves this request. How any later bundle is asked for (`askLater`) lives here too, so
// candor.js asks for the others the same way.
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

// Asks for the shared result's bundle of `model`. The glue's path is a variable, not a
// template that starts with `./`: esbuild would read that as a pattern and bundle every
// glue it matches into candor.js.
const askShared = (model) => {
  const name = `./candor-${sharedName(model)}`;
  const glue = `${name}.js`;
  return askLater(import(glue), `${name}_bg.wasm`);
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

// Asked for as this module is evaluated, when the address carries a shared result: the
// bundle of each model the elements already on the page need (those showing built-ins),
// or, with no element parsed yet, that of the built-in the code is of. Each is taken up by
// the first load of its bundle, or never when no element shows the result: a failure is
// that load's to report, not an unhandled rejection.
const elements = [...document.querySelectorAll(data.element.tag)];
const ids = elements.length
  ? elements.filter((host) => !readsOwnDefinition(host)).map(instrumentOf)
  : [linkedBuiltin()].filter(Boolean);
const models = hashHas(data.element.share) ? new Set(ids.map(sharedModel)) : [];
const early = new Map([...models].map((model) => [model, askShared(model)]));
for (const request of [...early.values()].flat()) request.catch(() => {});

// The shared result's bundle of `model`, as asked for above the first time, afresh after
// that (a load that failed is tried again with new requests).
export function sharedBundle(model) {
  const asked = early.get(model);
  early.delete(model);
  return asked || askShared(model);
}
