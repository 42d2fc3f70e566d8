package site

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

var resolveTests = []struct{ in, want string }{
	// Local paths become relative to the page, so that the site works under any prefix.
	{"/", "./"},
	{"", "./"},
	{"/web/app.wasm", "web/app.wasm"},
	{"/web", "web"},
	{"/app.js", "app.js"},
	{"/manifest.webmanifest", "manifest.webmanifest"},
	{"//web/x.css", "web/x.css"},
	// Relative paths and other origins are left alone.
	{"web/icon.svg", "web/icon.svg"},
	{"./", "./"},
	{"https://example.com/x.png", "https://example.com/x.png"},
}

func TestRelativeResources(t *testing.T) {
	for _, tt := range resolveTests {
		if got := (relativeResources{}).Resolve(tt.in); got != tt.want {
			t.Errorf("Resolve(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNewHandler(t *testing.T) {
	files := []string{"app.wasm", "app.wasm.br", "app.wasm.gz", "calculator.css", "calculator.css.gz",
		"icon-192.png", "icon-512.png", "icon-maskable-512.png", "icon.svg", "presets/lido.json"}
	env := map[string]string{"RESTAKE_VERSION": "v7-abc", "BUILD_DATE": "2026-11-25"}
	h := NewHandler(Build{Version: "v7-abc", Env: env, wasmBytes: 7000000}, files)

	if h.Version != "v7-abc" {
		t.Errorf("Version = %q, want the build's", h.Version)
	}
	if !maps.Equal(h.Env, env) {
		t.Errorf("Env = %v, want the build's %v", h.Env, env)
	}
	if h.WasmContentLength != "7000000" {
		t.Errorf("WasmContentLength = %q, want app.wasm's raw size", h.WasmContentLength)
	}
	for _, icon := range []string{h.Icon.Default, h.Icon.Large, h.Icon.SVG, h.Icon.Maskable} {
		name := strings.TrimPrefix(icon, "/web/")
		if name == icon || !slices.Contains(files, name) {
			t.Errorf("icon %q is not one of our files in web/", icon)
		}
	}
	if !slices.Equal(h.Styles, []string{"/web/calculator.css"}) {
		t.Errorf("Styles = %q, want the calculator's stylesheet", h.Styles)
	}
	want := []string{"/web/calculator.css", "/web/icon-192.png", "/web/icon-512.png",
		"/web/icon-maskable-512.png", "/web/icon.svg", "/web/presets/lido.json"}
	if !slices.Equal(h.CacheableResources, want) {
		t.Errorf("CacheableResources = %q, want %q (every file but the compressed copies)", h.CacheableResources, want)
	}
	if !strings.Contains(h.ServiceWorkerTemplate, "ignoreSearch: true") {
		t.Errorf("the service worker does not ignore the query string: links with ?embed=1 fail offline")
	}
}
