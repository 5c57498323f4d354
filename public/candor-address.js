// What the page's address asks of the widget, read as soon as candor.js runs.
//
// A result someone shared (`#candor=<code>`) is shown by the shared result's bundle. When
// the address carries one, its glue and WebAssembly are asked for here, as this module is
// evaluated: the first thing candor.js does once its data (candor-data.js) is read,
// before the element class is defined and before any element connects, which is when the
// element would ask (not on a page whose elements all read trainers' own definitions,
// which another bundle shows). `sharedBundle` hands these requests to the first load of
// that bundle. The standalone page asks for the same WebAssembly sooner still, as it is read
// (its inline script), and serves this request. How any later bundle is asked for
// (`askLater`) lives here too, so candor.js asks for the others the same way.
import data from './candor-data.js';

// Whether the address's fragment has a part `key=…` (`#candor=…`, `#x=1&candor=…`).
export const hashHas = (key) => location.hash.replace(/^#/, '').split('&').some((part) => part.startsWith(`${key}=`));

// Asks for a later bundle: [its glue (`glue`, a promise of the module), its WebAssembly
// (`wasm`, a file name beside this script, as a promise of the response)].
export const askLater = (glue, wasm) => [glue, fetch(new URL(wasm, import.meta.url))];

const askShared = () => askLater(import('./candor-shared.js'), './candor-shared_bg.wasm');

// `host`'s attribute `name`, trimmed ('' when absent).
export const attrOf = (host, name) => (host.getAttribute(name) || '').trim();

// Whether `host` reads a trainer's own definition (by URL, or inline JSON), which only a
// later bundle reads: its shared result comes with `candor-own`, not this bundle.
export function readsOwnDefinition(host) {
  const only = data.element.fullOnly;
  return attrOf(host, only.attribute) !== '' || host.querySelector(only.inline) !== null;
}

// Asked for as this module is evaluated, when the address carries a shared result (a list
// of none or one), unless every element already on the page reads a trainer's own
// definition. Taken up by the first load of the bundle, or never when no element shows the
// result: a failure is that load's to report, not an unhandled rejection.
const elements = [...document.querySelectorAll(data.element.tag)];
const builtins = !elements.length || elements.some((host) => !readsOwnDefinition(host));
const early = hashHas(data.element.share) && builtins ? [askShared()] : [];
for (const request of early.flat()) request.catch(() => {});

// The shared result's bundle, as asked for above the first time, afresh after that (a
// load that failed is tried again with new requests).
export const sharedBundle = () => early.pop() || askShared();
