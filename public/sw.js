// Candor's service worker: keeps the widget's own files so a phone that opened the quiz
// once can start and finish it with the network gone (a workshop's Wi-Fi drops). The file
// list and version are written in at build time (tools/precache.mjs).
//
// Network first, cache as fallback: online readers always get the current files; offline
// readers get the ones cached at install. Nothing but the widget's own files is cached,
// and nothing is ever sent anywhere.
const VERSION = '__CANDOR_VERSION__';
const FILES = [/* __CANDOR_FILES__ */];
const CACHE = `candor-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('candor-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === 'basic') {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches
          .match(request, { ignoreSearch: true })
          .then((cached) => cached || Response.error()),
      ),
  );
});
