//go:build !wasm

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"restakecalc/app/site"
	"restakecalc/calc"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// sitePrefixes are the URL paths the site is tested under: the root of a host, and deep under
// another site, as on GitHub Pages or an intranet.
var sitePrefixes = []string{
	"/",
	"/a/b/c/",
}

// TestSiteLoadsAndWorksOffline loads the shipped site in chromium, waits for the wasm to render
// the page and its figures (the default set's, exact to the wei), then stops the server and opens the page again, with a query string and a fragment
// as shared links have: the service worker must serve everything from its cache. No request
// may leave the site's origin, online or offline.
func TestSiteLoadsAndWorksOffline(t *testing.T) {
	dir := siteDir(t)
	for _, prefix := range sitePrefixes {
		t.Run(prefix, func(t *testing.T) {
			base, stop := serveSite(t, dir, prefix)
			ctx := newBrowser(t)
			requests := recordRequests(ctx)

			if err := chromedp.Run(ctx, chromedp.Navigate(base)); err != nil {
				t.Fatalf("Navigate(%s) = %v", base, err)
			}
			if err := waitWasm(ctx); err != nil {
				t.Fatalf("online at %s: %v", base, err)
			}
			if err := chromedp.Run(ctx, chromedp.WaitVisible("main", chromedp.ByQuery)); err != nil {
				t.Fatalf("online at %s: the page shows no main element: %v", base, err)
			}
			checkDefaultFinal(t, ctx, base)
			checkWasmEncoding(t, dir, requests)
			if err := waitOffline(ctx); err != nil {
				t.Fatalf("online at %s: the service worker never took over: %v", base, err)
			}

			stop()
			link, err := calc.EncodeLink(defaultSet())
			if err != nil {
				t.Fatalf("EncodeLink(defaultSet()) = %v", err)
			}
			offline := []string{
				base,
				base + "?theme=dark&embed=1",
				base + "?theme=light#" + link,          // a shared link of the default set
				base + "#s=bm90IGEgc2NlbmFyaW8gZmlsZQ", // an unreadable link opens the default set
			}
			for _, u := range offline {
				if err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
					t.Fatalf("offline: Navigate(%s) = %v", u, err)
				}
				if err := waitWasm(ctx); err != nil {
					t.Fatalf("offline at %s: %v", u, err)
				}
				if err := chromedp.Run(ctx, chromedp.WaitVisible("main", chromedp.ByQuery)); err != nil {
					t.Fatalf("offline at %s: the page shows no main element: %v", u, err)
				}
				checkDefaultFinal(t, ctx, u)
			}
			if err := chromedp.Run(ctx, chromedp.Reload()); err != nil {
				t.Fatalf("offline: Reload() = %v", err)
			}
			if err := waitWasm(ctx); err != nil {
				t.Fatalf("offline after a reload: %v", err)
			}

			origin, _ := url.Parse(base)
			reported := make(map[string]bool)
			for _, r := range requests.all() {
				if !sameOrigin(r.url, origin) && !reported[r.url] {
					reported[r.url] = true
					t.Errorf("the page requested %s, outside %s://%s", r.url, origin.Scheme, origin.Host)
				}
			}
			if len(requests.all()) == 0 {
				t.Errorf("no request was recorded: the recorder is broken")
			}
		})
	}
}

// TestSiteUpdatesToANewBuild loads a site, publishes a new build over it, and checks that a
// visit installs the new build's service worker, which replaces the old cache with its own, and
// that the new build then works offline: users get fixes without clearing anything.
func TestSiteUpdatesToANewBuild(t *testing.T) {
	dir := siteDir(t)
	site := copySite(t, dir)
	base, stop := serveSite(t, site, "/")
	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatalf("Navigate(%s) = %v", base, err)
	}
	if err := waitWasm(ctx); err != nil {
		t.Fatal(err)
	}
	if err := waitOffline(ctx); err != nil {
		t.Fatalf("the service worker never took over: %v", err)
	}

	// The new build: the same files under a new version, as `make dist` writes after any change.
	m := regexp.MustCompile(`const cacheName = "app-" \+ "([^"]+)";`).FindSubmatch(
		[]byte(readFile(t, filepath.Join(site, "app-worker.js"))))
	if m == nil {
		t.Fatalf("app-worker.js names no cache")
	}
	oldVersion := string(m[1])
	newVersion := oldVersion + "-next"
	for _, f := range []string{"app-worker.js", "app.js"} {
		name := filepath.Join(site, f)
		data := strings.ReplaceAll(readFile(t, name), oldVersion, newVersion)
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(name + ".br")
		os.Remove(name + ".gz")
	}

	if err := chromedp.Run(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatalf("Navigate(%s) = %v", base, err)
	}
	var caches []string
	err := chromedp.Run(ctx,
		chromedp.Poll(`caches.keys().then(k => k.length === 1 && k[0] === "app-`+newVersion+`")`, nil,
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(0)))
	if err != nil {
		dctx, cancel := afterTimeout(ctx)
		defer cancel()
		chromedp.Run(dctx, chromedp.Evaluate(`caches.keys()`, &caches,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
		t.Fatalf("after a new build, the caches are %q, want only app-%s: %v", caches, newVersion, err)
	}

	stop()
	if err := chromedp.Run(ctx, chromedp.Reload()); err != nil {
		t.Fatalf("offline: Reload() = %v", err)
	}
	if err := waitWasm(ctx); err != nil {
		t.Fatalf("offline with the new build: %v", err)
	}
	var version string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`goappGetenv("`+buildVersionEnv+`")`, &version)); err != nil {
		t.Fatal(err)
	}
	if version != newVersion {
		t.Errorf("offline, the page runs version %q, want the new build's %q", version, newVersion)
	}
}

// checkDefaultFinal checks that the page at u, rendered by the wasm, shows the final amount of
// its default set's first scenario exactly as the engine computes it natively.
func checkDefaultFinal(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	res, err := calc.Evaluate(defaultSet(), calc.Options{})
	if err != nil {
		t.Fatalf("Evaluate(defaultSet()) = %v", err)
	}
	want, _ := res.Scenarios[0].Figure("final")
	got, err := waitFigure(ctx, 0, "final")
	if err != nil {
		t.Fatalf("at %s: %v", u, err)
	}
	if got != want {
		t.Errorf("at %s: scenario 0's final = %s, want %s (calc.Evaluate of the default set)", u, got, want)
	}
}

// sameOrigin reports whether raw is a URL of origin, or one that never reaches a network
// (data:, blob:, about:).
func sameOrigin(raw string, origin *url.URL) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true
	}
	return u.Scheme == origin.Scheme && u.Host == origin.Host
}

// checkWasmEncoding checks that app.wasm, the bulk of a first visit, travelled compressed when
// the site has a compressed copy.
func checkWasmEncoding(t *testing.T, dir string, requests *requestLog) {
	t.Helper()
	want := ""
	if _, err := os.Stat(filepath.Join(dir, "web", "app.wasm.br")); err == nil {
		want = "br"
	} else if _, err := os.Stat(filepath.Join(dir, "web", "app.wasm.gz")); err == nil {
		want = "gzip"
	}
	for _, r := range requests.all() {
		if strings.HasSuffix(r.url, "/web/app.wasm") && r.status != 0 {
			if r.encoding != want {
				t.Errorf("app.wasm came with Content-Encoding %q, want %q", r.encoding, want)
			}
			if r.mimeType != "application/wasm" {
				t.Errorf("app.wasm came as %q, want application/wasm", r.mimeType)
			}
			return
		}
	}
	t.Errorf("no response for web/app.wasm was recorded")
}

// waitOffline waits until the service worker controls the page, which happens once it has cached
// every resource of the site (its install step waits for the cache).
func waitOffline(ctx context.Context) error {
	return chromedp.Run(ctx, chromedp.Poll(
		`navigator.serviceWorker && navigator.serviceWorker.controller !== null`, nil,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(0)))
}

// request is one request the page made, and what came back.
type request struct {
	url      string
	status   int64
	mimeType string
	encoding string
}

// requestLog records every request of the page's target, with its response when one came.
type requestLog struct {
	mu   sync.Mutex
	reqs map[network.RequestID]*request
	seq  []network.RequestID
}

func recordRequests(ctx context.Context) *requestLog {
	l := &requestLog{reqs: make(map[network.RequestID]*request)}
	chromedp.ListenTarget(ctx, func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if _, ok := l.reqs[e.RequestID]; !ok {
				l.seq = append(l.seq, e.RequestID)
			}
			l.reqs[e.RequestID] = &request{url: e.Request.URL}
		case *network.EventResponseReceived:
			if r, ok := l.reqs[e.RequestID]; ok {
				r.status = e.Response.Status
				r.mimeType = e.Response.MimeType
				for k, v := range e.Response.Headers {
					if strings.EqualFold(k, "Content-Encoding") {
						r.encoding, _ = v.(string)
					}
				}
			}
		}
	})
	return l
}

func (l *requestLog) all() []request {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]request, 0, len(l.seq))
	for _, id := range l.seq {
		out = append(out, *l.reqs[id])
	}
	return out
}

// cspProbe runs first in every document and frame: it records every Content-Security-Policy
// violation the document reports.
const cspProbe = `window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.cspViolations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));`

// TestSiteRunsUnderItsContentSecurityPolicy loads the page, its embed dialog, the widget and the embed demo in
// chromium, served by `app serve` (the policy as a header and as the pages' meta tag) and by a
// plain file server that sends no policy (the meta tag alone, as on any static host): the page
// comes alive, the demo's widgets are sized by its listener, and not one violation is reported.
// An inline script the policy does not know is blocked, which shows that the policy is in force
// and that violations are seen.
func TestSiteRunsUnderItsContentSecurityPolicy(t *testing.T) {
	dir := siteDir(t)
	policy, err := site.ReadPolicy(dir)
	if err != nil {
		t.Fatal(err)
	}
	plain := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(plain.Close)
	served, _ := serveSite(t, dir, "/")
	for _, tc := range []struct {
		name, base string
		header     string // the policy the server sends
	}{
		{"app serve", served, policy},
		{"a plain static host", plain.URL + "/", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := http.Get(tc.base)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if got := res.Header.Get("Content-Security-Policy"); got != tc.header {
				t.Fatalf("GET %s: Content-Security-Policy %q, want %q", tc.base, got, tc.header)
			}

			ctx := newBrowser(t)
			var console []string
			var mu sync.Mutex
			chromedp.ListenTarget(ctx, func(ev any) {
				if e, ok := ev.(*cdplog.EventEntryAdded); ok && e.Entry.Level == cdplog.LevelError {
					mu.Lock()
					console = append(console, e.Entry.Text)
					mu.Unlock()
				}
			})
			if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
				_, err := page.AddScriptToEvaluateOnNewDocument(cspProbe).Do(ctx)
				return err
			})); err != nil {
				t.Fatal(err)
			}

			for _, query := range []string{"", "?embed=1"} {
				u := tc.base + query
				if err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
					t.Fatalf("Navigate(%s) = %v", u, err)
				}
				if err := waitWasm(ctx); err != nil {
					t.Fatalf("at %s: %v", u, err)
				}
				if err := chromedp.Run(ctx, chromedp.WaitVisible(`.calc[data-live="true"]`, chromedp.ByQuery)); err != nil {
					t.Fatalf("at %s: the page did not come alive: %v", u, err)
				}
				checkDefaultFinal(t, ctx, u)
				var meta string
				if err := chromedp.Run(ctx, chromedp.Evaluate(
					`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`, &meta)); err != nil {
					t.Fatalf("at %s: no policy meta tag: %v", u, err)
				}
				if meta != policy {
					t.Errorf("at %s: the meta tag's policy = %q, want %q", u, meta, policy)
				}
				checkNoViolations(t, ctx, u, `[window]`)
			}

			// The embed dialog, whose preview is sized by an attribute: go-app's Style() writes a
			// style attribute, which the policy refuses.
			if err := chromedp.Run(ctx,
				chromedp.Navigate(tc.base),
				chromedp.WaitVisible(`.calc[data-live="true"]`, chromedp.ByQuery),
				chromedp.Click("#embed-open", chromedp.ByQuery),
				chromedp.Poll(`(f => f && f.contentDocument && f.contentDocument.querySelector('.calc[data-live="true"]') !== null)(document.getElementById("embed-preview-frame"))`, nil,
					chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(0)),
			); err != nil {
				t.Fatalf("at %s: the embed dialog's preview did not come alive: %v", tc.base, err)
			}
			checkNoViolations(t, ctx, tc.base+" (embed dialog)", `[window, document.getElementById("embed-preview-frame").contentWindow]`)

			// The demo host page: both widgets run and are sized by the inline listener.
			u := tc.base + site.EmbedDemoFile
			if err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
				t.Fatalf("Navigate(%s) = %v", u, err)
			}
			err = chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`[...document.querySelectorAll("iframe")].every(f =>
				f.contentDocument && f.contentDocument.querySelector('.calc[data-live="true"]') &&
				parseFloat(f.style.height) !== %d)`, embedStartHeightPx), nil,
				chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(0)))
			if err != nil {
				t.Fatalf("at %s: the widgets did not come alive and get sized: %v", u, err)
			}
			checkNoViolations(t, ctx, u, `[window, ...[...document.querySelectorAll("iframe")].map(f => f.contentWindow)]`)

			mu.Lock()
			for _, text := range console {
				if strings.Contains(text, "Content Security Policy") {
					t.Errorf("the console reports: %s", text)
				}
			}
			mu.Unlock()

			// What the policy does not know is blocked, and seen.
			var ran bool
			if err := chromedp.Run(ctx,
				chromedp.Evaluate(`document.head.appendChild(Object.assign(document.createElement("script"),
					{textContent: "window.strangerRan = true"})); !!window.strangerRan`, &ran),
				chromedp.Poll(`window.cspViolations.length > 0`, nil,
					chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)),
			); err != nil || ran {
				t.Errorf("at %s: an unknown inline script ran (%v) or no violation was seen: %v", u, ran, err)
			}
		})
	}
}

// checkNoViolations fails the test for every violation that the windows the JavaScript
// expression windows lists have recorded with cspProbe.
func checkNoViolations(t *testing.T, ctx context.Context, u, windows string) {
	t.Helper()
	var violations []string
	if err := chromedp.Run(ctx, chromedp.Evaluate(windows+`.flatMap(w => w.cspViolations || ["no probe in a frame"])`, &violations)); err != nil {
		t.Fatalf("at %s: reading the violations: %v", u, err)
	}
	for _, v := range violations {
		t.Errorf("at %s: Content-Security-Policy violation: %s", u, v)
	}
}
