//go:build !wasm

package main

import (
	"path"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// versionEnv is the name under which the wasm reads the build's version with app.Getenv: the
// wasm never sees the generator's environment, only what the handler's Env carries.
const versionEnv = "RESTAKE_VERSION"

// Our own icons, copied from assets/ into web/ by the Makefile. Nothing comes from another origin.
const (
	iconSVG      = "/web/icon.svg"
	icon192      = "/web/icon-192.png"
	icon512      = "/web/icon-512.png"
	iconMaskable = "/web/icon-maskable-512.png"
	stylesheet   = "/web/calculator.css"
)

// build says what the handler needs to know of the build it serves.
type build struct {
	version   string // identifies the build; it names the service worker's cache, so a new build replaces the old one
	date      string // the day of the build, YYYY-MM-DD: the page flags presets older than a year before it
	wasmBytes int64  // app.wasm's uncompressed size, so that the loading progress is right when a compressed copy is sent
}

// newHandler returns the go-app handler that both `app dist` (through app.GenerateStaticWebsite)
// and the tests use. webFiles lists the files of web/ (names relative to web/) that the service
// worker precaches so that the page works offline after one visit.
func newHandler(b build, webFiles []string) *app.Handler {
	var styles []string
	cacheable := make([]string, 0, len(webFiles))
	for _, f := range webFiles {
		if isPrecompressed(f) {
			continue
		}
		p := "/web/" + strings.TrimPrefix(path.Clean("/"+f), "/")
		if p == "/web/app.wasm" {
			continue // go-app always caches it
		}
		if p == stylesheet {
			styles = append(styles, stylesheet)
		}
		cacheable = append(cacheable, p)
	}
	h := &app.Handler{
		Name:        "Restaking calculator",
		ShortName:   "Restaking",
		Title:       "Restaking calculator: staking, restaking and multistaking compared",
		Description: "Compare what staking, restaking and multistaking really yield after fees, gas, swap costs and risk, exact to the wei. Runs entirely in your browser.",
		Lang:        "en",
		Icon: app.Icon{
			Default:  icon192,
			Large:    icon512,
			SVG:      iconSVG,
			Maskable: iconMaskable,
		},
		BackgroundColor:       "#14213d",
		ThemeColor:            "#14213d",
		LoadingLabel:          "Loading the calculator… {progress}%",
		Styles:                styles,
		CacheableResources:    cacheable,
		Resources:             relativeResources{},
		Version:               b.version,
		Env:                   map[string]string{versionEnv: b.version, buildDateEnv: b.date},
		ServiceWorkerTemplate: appWorkerJS,
		RawHeaders:            []string{wasmPreload, storageFallbackScript},
	}
	if b.wasmBytes > 0 {
		h.WasmContentLength = strconv.FormatInt(b.wasmBytes, 10)
	}
	return h
}

// isPrecompressed reports whether name is a compressed copy that the server picks by itself.
func isPrecompressed(name string) bool {
	return strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz")
}

// relativeResources resolves every local path to a path relative to the page ("/web/app.wasm"
// becomes "web/app.wasm", "/" becomes "./"), so that the same static files work at the root of a
// site and under any path prefix. go-app's PrefixedLocation and GitHubPages bake one prefix in; a
// relative path needs none. In the service worker, relative URLs resolve against the worker's own
// URL, which sits next to index.html, so its precache list is right under any prefix too.
type relativeResources struct{}

func (relativeResources) Resolve(location string) string {
	switch {
	case location == "" || location == "/":
		return "./"
	case strings.HasPrefix(location, "https://"), strings.HasPrefix(location, "http://"):
		return location
	case strings.HasPrefix(location, "/"):
		return strings.TrimLeft(location, "/")
	default:
		return location
	}
}

// appWorkerJS is go-app v10.1.11's DefaultAppWorkerJS (its PWA part; we send no notifications)
// with three changes:
//   - caches.match ignores the query string, so that "./?embed=1" and "./?theme=dark" are served
//     from the cache offline like "./" (the default worker misses them and fails offline);
//   - install and activate hold the worker with event.waitUntil, so that the worker takes over
//     only once every resource is in the cache (the default's async listeners return at once,
//     and a worker could control the page with half a cache);
//   - only GET requests are answered from the cache.
const appWorkerJS = `// -----------------------------------------------------------------------------
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
`

// wasmPreload starts downloading the program while the browser is still reading the
// pre-rendered page; app.js asks for it only once the page is parsed. The attributes match
// app.js's own fetch (same path, CORS mode), so the browser hands that fetch this download.
const wasmPreload = `<link rel="preload" href="web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`

// storageFallbackScript puts an in-memory stand-in where reading localStorage or sessionStorage
// throws (storage switched off, or a widget in a frame whose browser blocks third-party storage).
// go-app reads localStorage while it starts and stops the program when that throws; with the
// stand-in the calculator runs and only forgets the work when the page closes. It runs in the
// head, before app.js loads the program.
const storageFallbackScript = `<script>
for (const name of ["localStorage", "sessionStorage"]) {
  try { window[name].getItem("restake-calc:probe"); } catch (e) {
    const m = new Map();
    const mem = {getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => { m.set(k, String(v)); },
      removeItem: (k) => { m.delete(k); }, clear: () => { m.clear(); }, key: (i) => [...m.keys()][i] ?? null,
      get length() { return m.size; }};
    try { Object.defineProperty(window, name, {value: mem, configurable: true}); } catch (e2) {}
  }
}
</script>`
