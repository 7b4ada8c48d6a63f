// Keeps an operator's support-point pages on the phone, so they open without a connection.
// Network first: online, the page is always the live one (and the copy is refreshed); offline,
// the last copy is shown. Writes are never cached or answered here: the page keeps a status set
// offline itself and sends it when the connection returns (see /js/points-offline.js).
'use strict';

const CACHE = 'weerbaar-steunpunten-1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('weerbaar-steunpunten-') && n !== CACHE)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

function kept(url) {
  return url.origin === self.location.origin
    && (url.pathname.startsWith('/medewerkers/steunpunten/') || url.pathname.startsWith('/css/')
      || url.pathname.startsWith('/js/') || url.pathname.startsWith('/fonts/'));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !kept(url)) {
    return;
  }
  event.respondWith(fetch(request).then((response) => {
    // A redirect to the login page is not the page: keep the last good copy instead.
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || Response.error())));
});

// The start page names the operator's own points: keep them too, so each opens offline
// although it was never opened on this phone.
self.addEventListener('message', (event) => {
  const urls = event.data && Array.isArray(event.data.keep) ? event.data.keep : [];
  const ours = urls.map((u) => new URL(u, self.location.origin)).filter(kept).map((u) => u.href);
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(ours.map((u) => fetch(u, { credentials: 'same-origin' })
    .then((response) => (response.ok && !response.redirected ? cache.put(u, response) : null))
    .catch(() => null)))));
});
