// hedui's service worker: precaches every file of one build and serves them cache-first, so the
// app starts and checks documents offline. The build (xtask/src/pwa.rs) puts `VERSION` (a hash of
// the precached files) and `FILES` (their paths, relative to this script) in front of this file.
// A new build is a new script: it installs beside the old one and takes over only when the page
// asks (the “new version” banner, web/pwa.js), then deletes the old cache.
const CACHE = `hedui-${VERSION}`;

self.addEventListener('install', (event) => {
  const requests = FILES.map((file) => new Request(file, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith('hedui-') && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((cached) => cached || fetch(request)));
});
