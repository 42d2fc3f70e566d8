package site

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testPolicy is the policy of the small site writeSite writes.
const testPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"

var testIndex = `<meta charset="utf-8">` + policyMetaStart + testPolicy + policyMetaEnd + `<main>index</main>`

// writeSite writes a small site: an index, a wasm with compressed copies, a file without any.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":       testIndex,
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
	{"GET", "/a/b/c/", "", 200, testIndex, "text/html; charset=utf-8", "", ""},
	{"GET", "/a/b/c/?embed=1", "", 200, testIndex, "text/html; charset=utf-8", "", ""},
	{"GET", "/a/b/c/index.html", "", 200, testIndex, "text/html; charset=utf-8", "", ""},
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
	h := newTestServer(t, writeSite(t), "a/b/c")
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
	h := newTestServer(t, writeSite(t), "/")
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
		if got := CleanPrefix(tt.in); got != tt.want {
			t.Errorf("CleanPrefix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func newTestServer(t *testing.T, dir, prefix string) http.Handler {
	t.Helper()
	h, err := NewFileServer(dir, prefix)
	if err != nil {
		t.Fatalf("NewFileServer(%s) = %v", dir, err)
	}
	return h
}

func TestFileServerWithoutSite(t *testing.T) {
	empty := t.TempDir()
	if _, err := NewFileServer(empty, "/"); err == nil {
		t.Errorf("NewFileServer(an empty directory) = nil error, want one")
	}
	if err := os.WriteFile(filepath.Join(empty, "index.html"), []byte("<main>no policy</main>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewFileServer(empty, "/"); err == nil || !strings.Contains(err.Error(), "Content-Security-Policy") {
		t.Errorf("NewFileServer(a site without a policy) = %v, want an error naming the policy", err)
	}
}

// Every answer, files and errors alike, carries the site's policy and the headers that go with it.
func TestFileServerSecurityHeaders(t *testing.T) {
	h := newTestServer(t, writeSite(t), "/a/b/c/")
	want := map[string]string{
		"Content-Security-Policy": testPolicy,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "", // the widget is embedded by any site
	}
	for _, tt := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/a/b/c/", 200},
		{"GET", "/a/b/c/web/app.wasm", 200},
		{"HEAD", "/a/b/c/app.js", 200},
		{"GET", "/a/b/c", 301},
		{"GET", "/a/b/c/missing", 404},
		{"GET", "/elsewhere", 404},
		{"POST", "/a/b/c/", 405},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, "http://127.0.0.1"+tt.path, nil))
		if rec.Code != tt.status {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, rec.Code, tt.status)
		}
		for k, v := range want {
			if got := rec.Header().Get(k); got != v {
				t.Errorf("%s %s: %s = %q, want %q", tt.method, tt.path, k, got, v)
			}
		}
		if strings.Contains(rec.Header().Get("Content-Security-Policy"), "frame-ancestors") {
			t.Errorf("%s %s: the policy limits frame-ancestors: the widget must embed anywhere", tt.method, tt.path)
		}
	}
}

// A redirect never leaves the site, however the request spells another host: browsers read "//"
// and "/\" at the start of a Location as the start of a host.
var redirectTests = []struct {
	prefix, path string
	wantStatus   int
	wantLocation string // for 301
}{
	{"/", "//evil.example%2f..%2fweb", 301, "/web/"},
	{"/", "//evil.example/..%2fweb", 301, "/web/"},
	{"/", "//evil.example/../web", 301, "/web/"},
	{"/", "/%2f%2fevil.example/../web", 301, "/web/"},
	{"/", "/%2F%2Fevil.example%2F..%2Fweb", 301, "/web/"},
	{"/", "///evil.example/../web?embed=1", 301, "/web/?embed=1"},
	{"/", "/%5cevil.example/../web", 301, "/web/"},
	{"/", "/%5c%5cevil.example%2f..%2fweb", 301, "/web/"},
	{"/", "/\\evil.example/../web", 301, "/web/"},
	{"/", "/%5c/evil.example", 404, ""},
	{"/", "//evil.example", 404, ""},
	{"/", "/%2f%2fevil.example", 404, ""},
	{"/a/b/c/", "/a/b/c//evil.example%2f..%2fweb", 301, "/a/b/c/web/"},
	{"/a/b/c/", "/a/b/c/%2f%2fevil.example%2f..%2f..%2fweb", 301, "/a/b/c/web/"},
	{"/a/b/c/", "/a/b/c", 301, "/a/b/c/"},
	{"/a/b/c/", "/a/b/c?x=//evil.example", 301, "/a/b/c/?x=//evil.example"},
}

func TestFileServerRedirectsOnlyWithinTheSite(t *testing.T) {
	dir := writeSite(t)
	for _, tt := range redirectTests {
		h := newTestServer(t, dir, tt.prefix)
		req := httptest.NewRequest("GET", "http://127.0.0.1/", nil)
		u, err := url.Parse("http://127.0.0.1" + tt.path)
		if err != nil {
			t.Fatalf("url.Parse(%q) = %v", tt.path, err)
		}
		req.URL = u
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		loc := rec.Header().Get("Location")
		if rec.Code != tt.wantStatus || loc != tt.wantLocation {
			t.Errorf("GET %s under %s = %d, Location %q; want %d, %q", tt.path, tt.prefix, rec.Code, loc, tt.wantStatus, tt.wantLocation)
		}
		if strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") || strings.Contains(loc, "evil") && !strings.Contains(loc, "?") {
			t.Errorf("GET %s under %s: Location %q leaves the site", tt.path, tt.prefix, loc)
		}
	}
}

// A browser that has a file asks again with its ETag and gets 304 Not Modified, without the
// body; each encoding of a file has its own ETag, and a changed file a new one.
func TestFileServerETag(t *testing.T) {
	dir := writeSite(t)
	h := newTestServer(t, dir, "/")
	get := func(path, acceptEncoding, ifNoneMatch string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "http://127.0.0.1"+path, nil)
		if acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", acceptEncoding)
		}
		if ifNoneMatch != "" {
			req.Header.Set("If-None-Match", ifNoneMatch)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	first := get("/web/app.wasm", "br", "")
	tag := first.Header().Get("ETag")
	if first.Code != 200 || !strings.HasPrefix(tag, `"`) || !strings.HasSuffix(tag, `"`) || len(tag) < 10 {
		t.Fatalf("GET /web/app.wasm = %d, ETag %q; want 200 and a strong ETag", first.Code, tag)
	}
	if again := get("/web/app.wasm", "br", tag); again.Code != 304 || again.Body.Len() != 0 {
		t.Errorf("GET /web/app.wasm with If-None-Match: its ETag = %d with %d bytes, want 304 and none", again.Code, again.Body.Len())
	}
	if other := get("/web/app.wasm", "br", `"something else"`); other.Code != 200 || other.Body.String() != "br wasm" {
		t.Errorf("GET /web/app.wasm with another ETag = %d %q, want 200 and the file", other.Code, other.Body.String())
	}
	gz := get("/web/app.wasm", "gzip", "")
	if gz.Header().Get("ETag") == tag {
		t.Errorf("the gzip and brotli copies of app.wasm have one ETag %s: a cache would mix them up", tag)
	}
	if got := get("/web/app.wasm", "gzip", tag); got.Code != 200 {
		t.Errorf("GET /web/app.wasm (gzip) with the brotli copy's ETag = %d, want 200", got.Code)
	}

	// A new build changes the file: the old ETag no longer matches.
	name := filepath.Join(dir, "app.js")
	jsTag := get("/app.js", "", "").Header().Get("ETag")
	if err := os.WriteFile(name, []byte("new js, longer"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := get("/app.js", "", jsTag); got.Code != 200 || got.Body.String() != "new js, longer" {
		t.Errorf("GET /app.js with the old ETag after a change = %d %q, want 200 and the new file", got.Code, got.Body.String())
	}
}

// The server drops slow and idle clients instead of holding a connection forever.
func TestServerTimeouts(t *testing.T) {
	srv, err := NewServer(writeSite(t), "/")
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": srv.ReadHeaderTimeout, "ReadTimeout": srv.ReadTimeout,
		"WriteTimeout": srv.WriteTimeout, "IdleTimeout": srv.IdleTimeout,
	} {
		if d <= 0 {
			t.Errorf("the server's %s is %v: a client could hold a connection forever", name, d)
		}
	}
}

// The idle timeout is real: a connection left idle is closed by the server.
func TestServerClosesIdleConnections(t *testing.T) {
	srv, err := NewServer(writeSite(t), "/")
	if err != nil {
		t.Fatal(err)
	}
	srv.IdleTimeout = 200 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /app.js HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	got, err := io.ReadAll(conn) // returns once the server closes the idle connection
	if err != nil {
		t.Fatalf("the idle connection was not closed within 5 s: %v", err)
	}
	if !strings.HasPrefix(string(got), "HTTP/1.1 200") {
		t.Errorf("the answer was %q, want 200", got)
	}
}

// getFrom answers a GET of path from the site in dir served at "/".
func getFrom(t *testing.T, dir, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	newTestServer(t, dir, "/").ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1"+path, nil))
	return rec
}
