// Candor's service worker: keeps the widget's own files so a phone that opened the quiz
// once can start and finish it with the network gone (a workshop's Wi-Fi drops). Its
// install keeps what a reader needs (the list and version are written in at build time,
// tools/precache.mjs); a page that needs more asks it to keep the files it loaded
// (candor-offline.js), and it keeps every file a page it controls fetches.
//
// Network first, cache as fallback: online readers always get the current files; offline
// readers get the ones cached. Nothing but files under the worker's own folder is cached,
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

// Whether `url` is one of Candor's files: under the folder the worker was registered for.
const ours = (url) => typeof url === 'string' && url.startsWith(self.registration.scope);

// `{ type: 'candor:keep', urls }` from a page: keeps those of `urls` not kept yet.
self.addEventListener('message', (event) => {
  const { type, urls } = event.data || {};
  if (type !== 'candor:keep' || !Array.isArray(urls)) return;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        urls.filter(ours).map((url) => cache.match(url).then((kept) => kept || cache.add(url).catch(() => {}))),
      ),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !ours(request.url)) return;
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
