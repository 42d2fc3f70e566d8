//go:build !wasm

package main

import (
	"bytes"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// writeSite writes a small site: an index, a wasm with compressed copies, a file without any.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":       "<main>index</main>",
		"app.js":           "js",
		"web/app.wasm":     "raw wasm",
		"web/app.wasm.br":  "br wasm",
		"web/app.wasm.gz":  "gz wasm",
		"web/icon-192.png": "png",
		"web/.secret":      "dot",
		"web/only.css.gz":  "gz css",
		"web/only.css":     "css",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A file next to the site that must never be served.
	if err := os.WriteFile(filepath.Join(filepath.Dir(dir), "outside.txt"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var siteHandlerTests = []struct {
	method, path, acceptEncoding string
	wantStatus                   int
	wantBody                     string // for 200
	wantType                     string // Content-Type, for 200
	wantEncoding                 string // Content-Encoding, for 200
	wantLocation                 string // for redirects
}{
	// The page and its files, under the prefix.
	{"GET", "/a/b/c/", "", 200, "<main>index</main>", "text/html; charset=utf-8", "", ""},
	{"GET", "/a/b/c/?embed=1", "", 200, "<main>index</main>", "text/html; charset=utf-8", "", ""},
	{"GET", "/a/b/c/index.html", "", 200, "<main>index</main>", "text/html; charset=utf-8", "", ""},
	{"GET", "/a/b/c/app.js", "", 200, "js", "text/javascript; charset=utf-8", "", ""},
	{"HEAD", "/a/b/c/app.js", "", 200, "", "text/javascript; charset=utf-8", "", ""},
	{"GET", "/a/b/c/web/icon-192.png", "gzip, br", 200, "png", "image/png", "", ""},
	// Without its slash the prefix would make relative URLs resolve one level up.
	{"GET", "/a/b/c", "", 301, "", "", "", "/a/b/c/"},
	{"GET", "/a/b/c?embed=1", "", 301, "", "", "", "/a/b/c/?embed=1"},
	{"GET", "/a/b/c/web", "", 301, "", "", "", "/a/b/c/web/"},
	// Compressed copies, as the browser accepts them.
	{"GET", "/a/b/c/web/app.wasm", "gzip, deflate, br, zstd", 200, "br wasm", "application/wasm", "br", ""},
	{"GET", "/a/b/c/web/app.wasm", "gzip", 200, "gz wasm", "application/wasm", "gzip", ""},
	{"GET", "/a/b/c/web/app.wasm", "br;q=0, gzip;q=0.5", 200, "gz wasm", "application/wasm", "gzip", ""},
	{"GET", "/a/b/c/web/app.wasm", "identity", 200, "raw wasm", "application/wasm", "", ""},
	{"GET", "/a/b/c/web/app.wasm", "", 200, "raw wasm", "application/wasm", "", ""},
	{"GET", "/a/b/c/web/only.css", "br", 200, "css", "text/css; charset=utf-8", "", ""},
	{"GET", "/a/b/c/web/only.css", "br, gzip", 200, "gz css", "text/css; charset=utf-8", "gzip", ""},
	// Nothing else.
	{"GET", "/", "", 404, "", "", "", ""},
	{"GET", "/a/b/", "", 404, "", "", "", ""},
	{"GET", "/a/b/c/missing.js", "", 404, "", "", "", ""},
	{"GET", "/a/b/c/web/app.wasm.br", "br", 404, "", "", "", ""},
	{"GET", "/a/b/c/web/.secret", "", 404, "", "", "", ""},
	{"GET", "/a/b/c/../../../outside.txt", "", 404, "", "", "", ""},
	{"GET", "/a/b/c/%2e%2e/outside.txt", "", 404, "", "", "", ""},
	{"POST", "/a/b/c/", "", 405, "", "", "", ""},
}

func TestSiteHandler(t *testing.T) {
	h := newSiteHandler(writeSite(t), cleanPrefix("a/b/c"))
	for _, tt := range siteHandlerTests {
		req := httptest.NewRequest(tt.method, "http://127.0.0.1"+tt.path, nil)
		if tt.acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", tt.acceptEncoding)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		body, _ := io.ReadAll(res.Body)
		what := tt.method + " " + tt.path + " (Accept-Encoding: " + tt.acceptEncoding + ")"
		if res.StatusCode != tt.wantStatus {
			t.Errorf("%s: status %d, want %d", what, res.StatusCode, tt.wantStatus)
			continue
		}
		if loc := res.Header.Get("Location"); tt.wantLocation != "" && loc != tt.wantLocation {
			t.Errorf("%s: Location %q, want %q", what, loc, tt.wantLocation)
		}
		if tt.wantStatus != 200 {
			continue
		}
		if string(body) != tt.wantBody {
			t.Errorf("%s: body %q, want %q", what, body, tt.wantBody)
		}
		if got := res.Header.Get("Content-Type"); got != tt.wantType {
			t.Errorf("%s: Content-Type %q, want %q", what, got, tt.wantType)
		}
		if got := res.Header.Get("Content-Encoding"); got != tt.wantEncoding {
			t.Errorf("%s: Content-Encoding %q, want %q", what, got, tt.wantEncoding)
		}
	}
}

// A cache between the server and the browser must not give a compressed copy to a browser
// that asked for none.
func TestSiteHandlerVary(t *testing.T) {
	h := newSiteHandler(writeSite(t), "/")
	for _, tt := range []struct {
		path string
		want string
	}{
		{"/web/app.wasm", "Accept-Encoding"}, // has compressed copies
		{"/web/icon-192.png", ""},            // has none
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
		if got := rec.Header().Get("Vary"); got != tt.want {
			t.Errorf("GET %s: Vary %q, want %q", tt.path, got, tt.want)
		}
	}
}

var acceptsTests = []struct {
	header, token string
	want          bool
}{
	{"gzip, deflate, br", "br", true},
	{"gzip, deflate, br", "gzip", true},
	{"GZIP", "gzip", true},
	{"gzip;q=1.0, br;q=0.8", "br", true},
	{"br;q=0", "br", false},
	{"br; q=0.000", "br", false},
	{"br;q=0.001", "br", true},
	{"brotli", "br", false}, // a different token
	{"", "br", false},
	{"*", "br", false}, // only the named codings are picked
}

func TestAccepts(t *testing.T) {
	for _, tt := range acceptsTests {
		if got := accepts(tt.header, tt.token); got != tt.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", tt.header, tt.token, got, tt.want)
		}
	}
}

var cleanPrefixTests = []struct{ in, want string }{
	{"", "/"},
	{"/", "/"},
	{"a/b/c", "/a/b/c/"},
	{"/a/b/c/", "/a/b/c/"},
	{"//a//b/../c", "/a/c/"},
}

func TestCleanPrefix(t *testing.T) {
	for _, tt := range cleanPrefixTests {
		if got := cleanPrefix(tt.in); got != tt.want {
			t.Errorf("cleanPrefix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestServeWithoutSite(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runServe([]string{"--dir", t.TempDir(), "--addr", "127.0.0.1:0"}, &stdout, &stderr); code != 1 {
		t.Errorf("runServe(empty dir) = %d, want 1 (stderr %q)", code, stderr.String())
	}
}
