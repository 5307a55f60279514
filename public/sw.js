// Ramp's service worker. `cargo xtask gen-sw` (Trunk's post_build hook) fills in the build id
// and the precache list of this build's files. It precaches the app shell, answers every
// navigation with index.html (deep links work offline), never touches /api/, and waits when a
// new version installs until the page asks it to take over (SKIP_WAITING).
const BUILD_ID = "__RAMP_BUILD_ID__";
const PRECACHE = __RAMP_PRECACHE__;
const CACHE = "ramp-shell-" + BUILD_ID;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("ramp-shell-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match("/index.html")).then((hit) => hit || fetch(request))
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request)).then((hit) => hit || fetch(request))
  );
});
