// Offline use for Candor's own pages (the standalone page, the authoring page, the
// facilitator's page): once the page has loaded, registers the service worker (sw.js,
// beside this file) and asks it to keep the files this page loaded. The worker's install
// keeps only what a reader needs to take and finish a quiz, so a reader's phone downloads
// nothing more; a page that needs other files (the authoring bundle, the facilitator's)
// has them kept here, and works offline after one visit too. Files the page loads once
// the worker controls it are kept by the worker as they pass.
//
// Host pages never load this module: a service worker belongs to the origin that serves it.

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

if (workers) {
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
