package site

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var urlAttr = regexp.MustCompile(`\s(?:src|href)="([^"]*)"`)

func TestDistWritesTheSite(t *testing.T) {
	out, web := writeTestSite(t)

	for _, f := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "app.css",
		"manifest.webmanifest", "robots.txt", EmbedDemoFile, "web/app.wasm", "web/calculator.css",
		"web/icon.svg", "web/icon-192.png", "web/icon-512.png", "web/icon-maskable-512.png"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the site has no %s: %v", f, err)
		}
	}
	// Crawlers read robots.txt only at the site's root.
	if got, want := readFile(t, filepath.Join(out, "robots.txt")), readFile(t, filepath.Join(web, "robots.txt")); got != want {
		t.Errorf("robots.txt = %q, want web/robots.txt's %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, "web", "robots.txt")); err == nil {
		t.Errorf("the site has web/robots.txt too: it belongs at the root only")
	}
	if list, _ := precached(out); slices.Contains(list, "web/robots.txt") {
		t.Errorf("the service worker precaches web/robots.txt, which the site does not have")
	}
	// dist reads web/ and writes nothing into it.
	if files, _ := listFiles(web); slices.ContainsFunc(files, isPrecompressed) {
		t.Errorf("dist wrote compressed copies into web/: %q", files)
	}

	// Every URL in the page is relative: the site works under any prefix and calls no other origin.
	index := readFile(t, filepath.Join(out, "index.html"))
	for _, m := range urlAttr.FindAllStringSubmatch(index, -1) {
		if u := m[1]; u == "" || strings.HasPrefix(u, "/") || strings.Contains(u, ":") {
			t.Errorf("index.html links to %q: want a relative URL", u)
		}
	}
	if strings.Contains(index, `content="https://"`) || strings.Contains(index, `content="https:///`) {
		t.Errorf("index.html has a meta tag with a URL without a host")
	}
	if !strings.Contains(index, ` property="og:title"`) {
		t.Errorf("index.html lost its og:title")
	}
	// The routed page is rendered natively into index.html before any wasm runs.
	if !strings.Contains(index, "<main>the pre-rendered page</main>") {
		t.Errorf("index.html has no pre-rendered page:\n%s", index)
	}

	// The wasm learns the build's facts through the page's environment, and only so.
	appJS := readFile(t, filepath.Join(out, "app.js"))
	for _, want := range []string{`"RESTAKE_VERSION":"v1-test"`, `"BUILD_DATE":"2026-11-25"`, `"web/app.wasm"`} {
		if !strings.Contains(appJS, want) {
			t.Errorf("app.js has no %s", want)
		}
	}
	// The wasm is instantiated in one task and run in the next, with a turn of the browser's
	// event loop between them in which the page answers a tap.
	instantiated := strings.Index(appJS, "await instantiateStreaming(")
	turn := strings.Index(appJS, "await new Promise((turn) => setTimeout(turn, 0));")
	run := strings.Index(appJS, "go.run(wasm.instance);")
	if instantiated < 0 || turn < instantiated || run < turn || strings.Count(appJS, "go.run(") != 1 {
		t.Errorf("app.js does not give the browser a turn between instantiating the wasm (at %d) and running it (at %d): turn at %d", instantiated, run, turn)
	}

	// The worker is the build's own and precaches every file the page needs.
	worker := readFile(t, filepath.Join(out, "app-worker.js"))
	if !strings.Contains(worker, `"app-" + "v1-test"`) {
		t.Errorf("app-worker.js does not name its cache after the version")
	}
	list, err := precached(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"./", "app.js", "app.css", "wasm_exec.js", "manifest.webmanifest", "web/app.wasm",
		"web/calculator.css", "web/icon.svg", "web/icon-192.png", "web/icon-512.png", "web/icon-maskable-512.png"}
	for _, w := range want {
		if !slices.Contains(list, w) {
			t.Errorf("the service worker does not precache %s: the page would break offline (list %q)", w, list)
		}
	}

	// The manifest's scope and icons are relative to it, so that it installs under any prefix.
	var manifest struct {
		Scope    string `json:"scope"`
		StartURL string `json:"start_url"`
		Icons    []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "manifest.webmanifest"))), &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.Scope != "./" || manifest.StartURL != "./" {
		t.Errorf("manifest scope %q, start_url %q, want ./ and ./", manifest.Scope, manifest.StartURL)
	}
	for _, icon := range manifest.Icons {
		if name, ok := siteFile(icon.Src); !ok {
			t.Errorf("manifest icon %q is not a file of the site", icon.Src)
		} else if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("manifest icon %q: %v", icon.Src, err)
		}
	}
}

func TestDistCompressedCopies(t *testing.T) {
	out, _ := writeTestSite(t)
	_, lookErr := exec.LookPath("brotli")
	for _, f := range []string{"web/app.wasm", "app.js", "wasm_exec.js", "index.html"} {
		orig := readFile(t, filepath.Join(out, f))
		zr, err := gzip.NewReader(strings.NewReader(readFile(t, filepath.Join(out, f+".gz"))))
		if err != nil {
			t.Errorf("%s.gz: %v", f, err)
			continue
		}
		got, err := io.ReadAll(zr)
		if err != nil || string(got) != orig {
			t.Errorf("%s.gz does not inflate to %s (err %v)", f, f, err)
		}
		if lookErr != nil {
			continue
		}
		got, err = exec.Command("brotli", "-d", "-c", filepath.Join(out, f+".br")).Output()
		if err != nil || string(got) != orig {
			t.Errorf("%s.br does not decompress to %s (err %v)", f, f, err)
		}
	}
	// Images are compressed already.
	if _, err := os.Stat(filepath.Join(out, "web", "icon-512.png.gz")); err == nil {
		t.Errorf("dist compressed a PNG")
	}
}

func TestDistReplacesOnlyASite(t *testing.T) {
	out, web := writeTestSite(t)

	// A previous site is replaced, stale files and all.
	stale := filepath.Join(out, "web", "stale.css")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteDist(out, web, Build{Version: "v2"}, testDemo); err != nil {
		t.Fatalf("WriteDist() over a previous site = %v", err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("WriteDist() left %s from the previous site", stale)
	}

	// Anything else is left alone: --out . by mistake must not wipe a source tree.
	other := t.TempDir()
	keep := filepath.Join(other, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteDist(other, web, Build{Version: "v1"}, testDemo); err == nil || !strings.Contains(err.Error(), "not replacing") {
		t.Errorf("WriteDist(a directory of other files) = %v, want a refusal", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("WriteDist() removed %s: %v", keep, err)
	}
}

func TestDistNeedsWasm(t *testing.T) {
	web := t.TempDir()
	if _, err := WriteDist(filepath.Join(t.TempDir(), "dist"), web, Build{Version: "v1"}, testDemo); err == nil || !strings.Contains(err.Error(), "app.wasm is missing") {
		t.Errorf("WriteDist(no app.wasm) = %v, want an error naming app.wasm", err)
	}
}

var siteFileTests = []struct {
	url, want string
	ok        bool
}{
	{"./", "index.html", true},
	{"app.js", "app.js", true},
	{"web/app.wasm", "web/app.wasm", true},
	{"web/app.wasm?v=1", "web/app.wasm", true},
	{"/app.js", "", false},
	{"https://example.com/app.js", "", false},
	{"../app.js", "", false},
	{"web/../../app.js", "", false},
	{"", "", false},
}

func TestSiteFile(t *testing.T) {
	for _, tt := range siteFileTests {
		got, ok := siteFile(tt.url)
		if got != tt.want || ok != tt.ok {
			t.Errorf("siteFile(%q) = %q, %v, want %q, %v", tt.url, got, ok, tt.want, tt.ok)
		}
	}
}
