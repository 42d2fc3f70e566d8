//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"restakecalc/app/site"

	"github.com/chromedp/chromedp"
)

// The real-browser tests drive Debian's chromium over the static site that `make dist` wrote:
// what they test is what ships. `make test` builds the site and runs them with RESTAKE_DIST set;
// a plain `go test ./...` skips them and says so once (see TestMain).

// browserTimeout bounds everything one browser does in a test: loading the 7 MB wasm on two busy
// cores takes seconds, a hang must not take the whole test run.
const browserTimeout = 60 * time.Second

// browserTestsSkipped says why the browser tests did not run and how to run them.
const browserTestsSkipped = "restakecalc/app: the browser tests were skipped (RESTAKE_DIST is unset); " +
	"run them with make test, or: make dist && RESTAKE_DIST=$PWD/dist go test -count=1 ./app"

// TestMain says once, not in every browser test, that the browser tests were skipped. go test
// hides a passing package's output unless -v is given, so the line goes to the terminal when
// there is one.
func TestMain(m *testing.M) {
	flag.Parse()
	if os.Getenv("RESTAKE_DIST") == "" {
		var out io.Writer = os.Stdout
		if !testing.Verbose() {
			if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
				defer tty.Close()
				out = tty
			}
		}
		fmt.Fprintln(out, browserTestsSkipped)
	}
	os.Exit(m.Run())
}

// siteDir returns the directory of the static site under test, from RESTAKE_DIST.
func siteDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("RESTAKE_DIST")
	if dir == "" {
		t.Skip("browser test: RESTAKE_DIST is unset")
	}
	if _, err := os.Stat(dir + "/index.html"); err != nil {
		t.Fatalf("RESTAKE_DIST=%s holds no site (run make dist): %v", dir, err)
	}
	return dir
}

// serveSite serves dir under the URL path prefix (e.g. "/" or "/a/b/c/") on 127.0.0.1 at a
// random port, with the handler `app serve` uses. It returns the site's URL, prefix included, and
// stop, which closes the server and every connection (to test offline use); stop is also called
// at the test's end.
func serveSite(t testing.TB, dir, prefix string) (baseURL string, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening: %v", err)
	}
	p := site.CleanPrefix(prefix)
	srv, err := site.NewServer(dir, p)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	stopped := false
	stop = func() {
		if !stopped {
			stopped = true
			srv.Close()
		}
	}
	t.Cleanup(stop)
	return "http://" + ln.Addr().String() + p, stop
}

// newBrowser starts a fresh headless chromium with an empty profile of its own and returns its
// chromedp context, which times out after browserTimeout and is cancelled at the test's end.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium is not installed (make test installs it): %v", err)
	}
	profile := filepath.Join(t.TempDir(), "chromium")
	t.Cleanup(func() {
		// Chromium's helper processes may still write to the profile for a moment after the
		// browser exits; the test's TempDir cleanup fails on a directory that keeps changing.
		for range 50 {
			if err := os.RemoveAll(profile); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(profile),
		// As root on a closed network chromium needs these, or it hangs.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
	})
	// The first Run starts the browser and binds its lifetime to browserCtx, not to the timeout
	// below: after a timeout, afterTimeout can still ask the page what went wrong.
	started := make(chan error, 1)
	go func() { started <- chromedp.Run(browserCtx) }()
	select {
	case err := <-started:
		if err != nil {
			t.Fatalf("starting chromium: %v", err)
		}
	case <-time.After(browserTimeout):
		cancelBrowser()
		t.Fatalf("chromium did not start within %v", browserTimeout)
	}
	ctx, cancelTimeout := context.WithTimeout(browserCtx, browserTimeout)
	t.Cleanup(cancelTimeout)
	return ctx
}

// afterTimeout returns a context on ctx's browser that outlives ctx's own deadline by a few
// seconds, to collect what a failed wait should report.
func afterTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
}

// waitFigure waits until the page shows the figure field (a results field name of SPEC.md
// section 4, e.g. "final") of scenario (0-based) and returns its data-value attribute: the exact
// value as `app eval` prints it.
func waitFigure(ctx context.Context, scenario int, field string) (string, error) {
	sel := fmt.Sprintf(`[data-scenario="%d"][data-field="%s"]`, scenario, field)
	var value string
	var ok bool
	if err := chromedp.Run(ctx,
		chromedp.WaitReady(sel, chromedp.ByQuery),
		chromedp.AttributeValue(sel, "data-value", &value, &ok, chromedp.ByQuery),
	); err != nil {
		return "", fmt.Errorf("waiting for %s: %w", sel, err)
	}
	if !ok {
		return "", fmt.Errorf("%s has no data-value attribute", sel)
	}
	return value, nil
}

// waitWasm waits until the wasm has started and the page is live: go-app removes its loading
// screen once the program runs, and shows the error there when it fails to load; the page then
// builds itself a part at a time and marks itself live (data-live="true") once every part is
// built. It returns the loading screen's text when the wait fails, which says why.
func waitWasm(ctx context.Context) error {
	err := chromedp.Run(ctx,
		chromedp.WaitReady("body", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("app-wasm-loader") === null && document.querySelector('.calc[data-live="true"]') !== null`, nil,
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(0)),
	)
	if err != nil {
		return fmt.Errorf("the wasm did not start (loading screen says %q): %w", loadingScreenSays(ctx), err)
	}
	return nil
}

// loadingScreenSays returns the text of go-app's loading screen, where it says why the wasm did
// not load; "" when there is none. It reads it even after ctx timed out.
func loadingScreenSays(ctx context.Context) string {
	var label string
	dctx, cancel := afterTimeout(ctx)
	defer cancel()
	chromedp.Run(dctx, chromedp.Evaluate(
		`(document.getElementById("app-wasm-loader-label") || {}).innerText || ""`, &label))
	return strings.TrimSpace(label)
}

// copySite copies the site in dir to a new temporary folder and returns it, for tests that
// publish a new build over a site a browser has open.
func copySite(t testing.TB, dir string) string {
	t.Helper()
	copied := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(copied, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return copied
}

// readFile returns the file's text, or fails the test.
func readFile(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// saveScreenshot writes a screenshot as name into dir, the folder RESTAKE_SCREENSHOTS names;
// without one it keeps nothing.
func saveScreenshot(t testing.TB, dir, name string, shot []byte) {
	t.Helper()
	if dir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), shot, 0o644); err != nil {
		t.Fatal(err)
	}
}
