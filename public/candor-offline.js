// Offline use for Candor's own pages (the standalone page, the authoring page, the
// facilitator's page): registers the service worker (sw.js, beside this file) and asks it
// to keep the files this page loaded. The worker's install keeps only what a reader needs
// to take and finish a quiz, so a reader's phone downloads nothing more; a page that needs
// other files (the authoring bundle, the facilitator's) has them kept here, and works
// offline after one visit too. Files the page loads once the worker controls it are kept
// by the worker as they pass.
//
// The worker is registered once the page has loaded and its widgets' bundles are in
// (`bundlesIn`): its install downloads every built-in's files, and on a phone's one slow
// link, started sooner, it would slow the bundle the reader is waiting for.
//
// Host pages never load this module: a service worker belongs to the origin that serves it.

import { bundlesIn } from './candor.js';

const workers = 'serviceWorker' in navigator && window.isSecureContext ? navigator.serviceWorker : null;

// Sends the worker the page's files once it is active; again when it takes control of the
// page, for what loaded in between.
const send = () =>
  workers.ready.then((registration) => {
    const urls = [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
    if (registration.active) registration.active.postMessage({ type: 'candor:keep', urls });
  });

const register = () => {
  workers.addEventListener('controllerchange', send);
  workers.register(new URL('sw.js', import.meta.url)).then(send, () => {});
};

const loaded = new Promise((resolve) =>
  document.readyState === 'complete' ? resolve() : addEventListener('load', resolve, { once: true }),
);

if (workers) loaded.then(bundlesIn).then(register);
