package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Timeouts of the server: a slow or idle client is dropped rather than held forever.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 5 * time.Minute // the 10 MB wasm on a slow line
	idleTimeout       = 60 * time.Second
)

// NewServer returns the HTTP server of the static site that WriteDist wrote into dir, under the
// URL path prefix: `app serve` and the browser tests use it. It is a plain file server, so that
// what runs locally and in the browser tests is what ships.
func NewServer(dir, prefix string) (*http.Server, error) {
	h, err := NewFileServer(dir, prefix)
	if err != nil {
		return nil, err
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
	}, nil
}

// Serve serves the site in dir under prefix on ln until ctx is done, then lets the requests
// under way finish for a few seconds.
func Serve(ctx context.Context, ln net.Listener, dir, prefix string) error {
	srv, err := NewServer(dir, prefix)
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// CleanPrefix returns p as a URL path that starts and ends with a slash.
func CleanPrefix(p string) string {
	p = path.Clean("/" + p)
	if p != "/" {
		p += "/"
	}
	return p
}

// contentTypes are set by extension, not guessed from the system's MIME tables, which differ
// between machines: WebAssembly.instantiateStreaming refuses app.wasm without application/wasm.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".txt":         "text/plain; charset=utf-8",
}

// referrerPolicy keeps the page's address, query included, to itself: the site needs no
// referrer, not even from its own pages.
const referrerPolicy = "no-referrer"

// fileServer serves the files of a static site under a URL path prefix. A file's .br or .gz
// copy, when there is one and the browser accepts it, is sent in its place. Every answer carries
// the site's Content-Security-Policy and the headers that go with it.
type fileServer struct {
	dir    string
	prefix string // starts and ends with "/"
	policy string // the Content-Security-Policy the site declares in its index.html

	mu    sync.Mutex
	etags map[string]etag // by file name
}

// etag is a file's entity tag, kept while the file keeps its size and time.
type etag struct {
	size    int64
	modTime time.Time
	tag     string
}

// NewFileServer serves the site in dir under prefix (made clean by CleanPrefix). It fails when
// dir holds no site that WriteDist wrote: no index.html, or one without a
// Content-Security-Policy.
func NewFileServer(dir, prefix string) (http.Handler, error) {
	policy, err := ReadPolicy(dir)
	if err != nil {
		return nil, fmt.Errorf("%s holds no site (run make dist first): %w", dir, err)
	}
	return &fileServer{dir: dir, prefix: CleanPrefix(prefix), policy: policy, etags: make(map[string]etag)}, nil
}

func (h *fileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", referrerPolicy)
	w.Header().Set("Content-Security-Policy", h.policy)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if p+"/" == h.prefix {
		h.redirect(w, r, "/") // relative URLs in index.html need the slash
		return
	}
	rel, ok := strings.CutPrefix(p, h.prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	name := path.Clean("/" + rel)
	if isPrecompressed(name) || strings.Contains(name, "/.") || strings.Contains(name, "\\") {
		// Compressed copies are picked by encoding; dot-files are not served; no file of the
		// site has a backslash, which some browsers read as a slash.
		http.NotFound(w, r)
		return
	}
	file := filepath.Join(h.dir, filepath.FromSlash(name))
	fi, err := os.Stat(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if fi.IsDir() {
		if !strings.HasSuffix(p, "/") {
			h.redirect(w, r, name+"/") // relative URLs in index.html need the slash
			return
		}
		name = path.Join(name, "index.html")
		file = filepath.Join(file, "index.html")
	}
	ctype := contentTypes[path.Ext(name)]
	if ctype == "" {
		ctype = mime.TypeByExtension(path.Ext(name))
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	// The service worker keeps the site for offline use; the HTTP cache must always ask again
	// (the ETag makes that cheap), or a new build's worker would be found late.
	w.Header().Set("Cache-Control", "no-cache")

	send := file
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if _, err := os.Stat(file + enc.ext); err != nil {
			continue
		}
		w.Header().Set("Vary", "Accept-Encoding")
		if accepts(r.Header.Get("Accept-Encoding"), enc.token) {
			send = file + enc.ext
			w.Header().Set("Content-Encoding", enc.token)
			break
		}
	}
	f, err := os.Open(send)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	tag, err := h.etag(send, st, f)
	if err != nil {
		http.Error(w, "reading the file failed", http.StatusInternalServerError)
		return
	}
	// http.ServeContent answers If-None-Match with 304 Not Modified.
	w.Header().Set("ETag", tag)
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// etag returns the entity tag of the file f, named name, with the info st: a hash of its bytes,
// so that each encoding of a file, and each build's content, has its own. It is computed once
// per file and kept while the file keeps its size and time; f is left at its start.
func (h *fileServer) etag(name string, st os.FileInfo, f io.ReadSeeker) (string, error) {
	h.mu.Lock()
	e, ok := h.etags[name]
	h.mu.Unlock()
	if ok && e.size == st.Size() && e.modTime.Equal(st.ModTime()) {
		return e.tag, nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, f); err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	e = etag{size: st.Size(), modTime: st.ModTime(), tag: `"` + hex.EncodeToString(sum.Sum(nil)[:16]) + `"`}
	h.mu.Lock()
	h.etags[name] = e
	h.mu.Unlock()
	return e.tag, nil
}

// redirect sends the browser to the site's own path to (which starts with a slash), under the
// prefix, with the request's query. The Location is built from the prefix and a cleaned path,
// never from the request's path as sent, so it always stays on the site: a request for
// "//evil.example%2f..%2fweb" must not send anyone to //evil.example/.
func (h *fileServer) redirect(w http.ResponseWriter, r *http.Request, to string) {
	u := url.URL{Path: h.prefix + strings.TrimPrefix(to, "/"), RawQuery: r.URL.RawQuery}
	loc := u.String()
	if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
		http.NotFound(w, r) // cannot happen with a clean prefix; never risk it
		return
	}
	http.Redirect(w, r, loc, http.StatusMovedPermanently)
}

// accepts reports whether an Accept-Encoding header value accepts the coding token: listed, and
// not with q=0.
func accepts(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), token) {
			continue
		}
		for _, param := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(param), "=")
			if strings.EqualFold(k, "q") {
				if q, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && q == 0 {
					return false
				}
			}
		}
		return true
	}
	return false
}
