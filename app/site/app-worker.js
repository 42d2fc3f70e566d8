// The app's service worker: go-app v10.1.11's DefaultAppWorkerJS (its PWA part; the app sends no
// notifications) with three changes:
//   - caches.match ignores the query string, so that "./?embed=1" and "./?theme=dark" are served
//     from the cache offline like "./" (the default worker misses them and fails offline);
//   - install and activate hold the worker with event.waitUntil, so that the worker takes over
//     only once every resource is in the cache (the default's async listeners return at once,
//     and a worker could control the page with half a cache);
//   - only GET requests are answered from the cache.
// go-app fills in the build's version and the list of files to cache (it is a Go template).
// -----------------------------------------------------------------------------
// PWA
// -----------------------------------------------------------------------------
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(
    installWorker()
      .then(() => self.skipWaiting())
      .catch((error) => {
        console.error("error during installation:", error);
        throw error;
      })
  );
});

async function installWorker() {
  const cache = await caches.open(cacheName);
  await cache.addAll(resourcesToCache);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      try {
        await deletePreviousCaches();
        await self.clients.claim();
        console.log("app worker {{.Version}} is activated");
      } catch (error) {
        console.error("error during activation:", error);
      }
    })()
  );
});

async function deletePreviousCaches() {
  const keys = await caches.keys();
  await Promise.all(
    keys.map(async (key) => {
      if (key !== cacheName) {
        try {
          console.log("deleting", key, "cache");
          await caches.delete(key);
        } catch (err) {
          console.error("deleting", key, "cache failed:", err);
        }
      }
    })
  );
}

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") {
    return;
  }
  event.respondWith(fetchWithCache(event.request));
});

async function fetchWithCache(request) {
  const cache = await caches.open(cacheName);
  const cachedResponse = await cache.match(request, { ignoreSearch: true });
  if (cachedResponse) {
    return cachedResponse;
  }
  return await fetch(request);
}
