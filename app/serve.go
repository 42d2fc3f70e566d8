//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// runServe serves the static site that `app dist` wrote: `app serve [--addr A] [--dir dist]`.
// It is a plain file server, so that what runs locally and in the browser tests is what ships.
func runServe(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flags.String("dir", "dist", "the static site to serve, as written by app dist")
	prefix := flags.String("prefix", "/", "URL path under which to serve the site")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "serve: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		fmt.Fprintf(stderr, "serve: %s holds no site (run make dist first): %v\n", *dir, err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	}
	p := cleanPrefix(*prefix)
	srv := &http.Server{Handler: newSiteHandler(*dir, p), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %s at http://%s%s (Ctrl-C stops)\n", *dir, ln.Addr(), p)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	}
	return 0
}

// cleanPrefix returns p as a URL path that starts and ends with a slash.
func cleanPrefix(p string) string {
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

// siteHandler serves the files of a static site under a URL path prefix. A file's .br or .gz
// copy, when there is one and the browser accepts it, is sent in its place.
type siteHandler struct {
	dir    string
	prefix string // starts and ends with "/"
}

// newSiteHandler serves dir under prefix, which must start and end with a slash (see cleanPrefix).
func newSiteHandler(dir, prefix string) http.Handler {
	return &siteHandler{dir: dir, prefix: prefix}
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if p+"/" == h.prefix {
		h.redirect(w, r, h.prefix)
		return
	}
	rel, ok := strings.CutPrefix(p, h.prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	name := path.Clean("/" + rel)
	if isPrecompressed(name) || strings.Contains(name, "/.") {
		http.NotFound(w, r) // compressed copies are picked by encoding; dot-files are not served
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
			h.redirect(w, r, p+"/") // relative URLs in index.html need the slash
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
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// The service worker keeps the site for offline use; the HTTP cache must always ask again,
	// or a new build's worker would be found late.
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
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

func (h *siteHandler) redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusMovedPermanently)
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
