package site

import (
	_ "embed"
	"path"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The site's own icons and style sheet, files of web/. Nothing comes from another origin.
const (
	iconSVG      = "/web/icon.svg"
	icon192      = "/web/icon-192.png"
	icon512      = "/web/icon-512.png"
	iconMaskable = "/web/icon-maskable-512.png"
	stylesheet   = "/web/calculator.css"
)

// Build says what the site needs to know of the build it is made from.
type Build struct {
	// Version identifies the build. It names the service worker's cache, so a new build replaces
	// the old one.
	Version string
	// Env is what the program reads with app.Getenv: the wasm never sees the environment of the
	// build, only what the page's handler carries.
	Env map[string]string

	wasmBytes int64 // app.wasm's uncompressed size, so that the loading progress is right when a compressed copy is sent
}

// appWorkerJS is the service worker's template (see app-worker.js).
//
//go:embed app-worker.js
var appWorkerJS string

// storageFallbackJS puts an in-memory stand-in where reading localStorage or sessionStorage
// throws (storage switched off, or a widget in a frame whose browser blocks third-party storage).
// go-app reads localStorage while it starts and stops the program when that throws; with the
// stand-in the calculator runs and only forgets the work when the page closes. It runs inline in
// the head, before app.js loads the program; the page's Content-Security-Policy allows it by its
// hash.
//
//go:embed storage-fallback.js
var storageFallbackJS string

// wasmPreload starts downloading the program while the browser is still reading the
// pre-rendered page; app.js asks for it only once the page is parsed. The attributes match
// app.js's own fetch (same path, CORS mode), so the browser hands that fetch this download.
const wasmPreload = `<link rel="preload" href="web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`

// NewHandler returns the go-app handler of the page: the one definition of its title, icons,
// styles, service worker and environment. WriteDist generates the static site from it with
// app.GenerateStaticWebsite, and Serve serves what WriteDist wrote, so the page a browser gets
// is the same either way. webFiles lists the files of web/ (names relative to web/), which the
// service worker precaches so that the page works offline after one visit.
//
// The wasm does not need the handler: it reads only the Env that app.js passes it.
func NewHandler(b Build, webFiles []string) *app.Handler {
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
		Version:               b.Version,
		Env:                   b.Env,
		ServiceWorkerTemplate: appWorkerJS,
		RawHeaders:            []string{wasmPreload, "<script>\n" + storageFallbackJS + "</script>"},
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
