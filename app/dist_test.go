//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"restakecalc/calc"
)

var addRoutesOnce sync.Once

// distFor returns the arguments that make runDist write web into a new directory.
func distFor(t *testing.T, web string, more ...string) []string {
	return append([]string{"--out", filepath.Join(t.TempDir(), "dist"), "--web", web}, more...)
}

// writeWeb writes a web/ directory as make leaves it: app.wasm (a stand-in: the generator does not
// run it) and a copy of assets/ but its Go files.
func writeWeb(t *testing.T) string {
	t.Helper()
	addRoutesOnce.Do(addRoutes)
	web := t.TempDir()
	wasm := bytes.Repeat([]byte("\x00asm stand-in "), 10000)
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	assets, err := listFiles("../assets")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range assets {
		if strings.HasSuffix(f, ".go") {
			continue // embedded into the program, not part of the site
		}
		if err := copyFile(filepath.Join("../assets", f), filepath.Join(web, f)); err != nil {
			t.Fatal(err)
		}
	}
	return web
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var figureElem = regexp.MustCompile(`<[^>]*\sdata-field="[^"]*"[^>]*>`)

// prerenderedFigure returns the data-value of the figure field of scenario in html, or "".
func prerenderedFigure(html string, scenario int, field string) string {
	for _, elem := range figureElem.FindAllString(html, -1) {
		if strings.Contains(elem, fmt.Sprintf(` data-scenario="%d"`, scenario)) &&
			strings.Contains(elem, fmt.Sprintf(` data-field="%s"`, field)) {
			if m := regexp.MustCompile(` data-value="([^"]*)"`).FindStringSubmatch(elem); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

var urlAttr = regexp.MustCompile(`\s(?:src|href)="([^"]*)"`)

func TestDistWritesTheSite(t *testing.T) {
	web := writeWeb(t)
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := writeDist(out, web, build{version: "v1-test", date: "2026-11-25"}); err != nil {
		t.Fatalf("writeDist() = %v", err)
	}

	for _, f := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "app.css",
		"manifest.webmanifest", "web/app.wasm", "web/icon.svg", "web/icon-192.png", "web/icon-512.png",
		"web/icon-maskable-512.png"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the site has no %s: %v", f, err)
		}
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
	// The page is rendered natively into index.html before any wasm runs: what the routed
	// component shows on its first render (its main element) is there for a first paint, for
	// crawlers and for the pre-rendered figures.
	if !strings.Contains(index, "<main") {
		t.Errorf("index.html has no pre-rendered main element:\n%s", index)
	}
	res, err := calc.Evaluate(defaultSet(), calc.Options{})
	if err != nil {
		t.Fatalf("Evaluate(defaultSet()) = %v", err)
	}
	wantFinal, _ := res.Scenarios[0].Figure("final")
	if got := prerenderedFigure(index, 0, "final"); got != wantFinal {
		t.Errorf("index.html shows scenario 0's final as %q, want %s (calc.Evaluate of the default set)", got, wantFinal)
	}

	// The wasm learns the build's version through the page's environment.
	appJS := readFile(t, filepath.Join(out, "app.js"))
	if !strings.Contains(appJS, `"RESTAKE_VERSION":"v1-test"`) {
		t.Errorf("app.js does not pass RESTAKE_VERSION=v1-test to the wasm")
	}
	if !strings.Contains(appJS, `"BUILD_DATE":"2026-11-25"`) {
		t.Errorf("app.js does not pass BUILD_DATE=2026-11-25 to the wasm")
	}
	if !strings.Contains(appJS, `"web/app.wasm"`) {
		t.Errorf("app.js does not load web/app.wasm relative to the page")
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
	webFiles, _ := listFiles(web)
	want := []string{"./", "app.js", "app.css", "wasm_exec.js", "manifest.webmanifest"}
	for _, f := range webFiles {
		want = append(want, "web/"+f)
	}
	for _, w := range want {
		found := false
		for _, u := range list {
			found = found || u == w
		}
		if !found {
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
	web := writeWeb(t)
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := writeDist(out, web, build{version: "v1-test", date: "2026-11-25"}); err != nil {
		t.Fatalf("writeDist() = %v", err)
	}
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
	web := writeWeb(t)

	// A previous site is replaced, stale files and all.
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := writeDist(out, web, build{version: "v1", date: "2026-11-25"}); err != nil {
		t.Fatalf("writeDist() = %v", err)
	}
	stale := filepath.Join(out, "web", "stale.css")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := writeDist(out, web, build{version: "v2", date: "2026-11-25"}); err != nil {
		t.Fatalf("writeDist() over a previous site = %v", err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("writeDist() left %s from the previous site", stale)
	}

	// Anything else is left alone: --out . by mistake must not wipe a source tree.
	other := t.TempDir()
	keep := filepath.Join(other, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := writeDist(other, web, build{version: "v1", date: "2026-11-25"}); err == nil || !strings.Contains(err.Error(), "not replacing") {
		t.Errorf("writeDist(a directory of other files) = %v, want a refusal", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("writeDist() removed %s: %v", keep, err)
	}
}

func TestDistNeedsWasmAndVersion(t *testing.T) {
	web := t.TempDir()
	if _, err := writeDist(filepath.Join(t.TempDir(), "dist"), web, build{version: "v1", date: "2026-11-25"}); err == nil || !strings.Contains(err.Error(), "app.wasm is missing") {
		t.Errorf("writeDist(no app.wasm) = %v, want an error naming app.wasm", err)
	}
	web = writeWeb(t)
	var stdout, stderr bytes.Buffer
	if code := runDist(distFor(t, web), &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "--version is required") {
		t.Errorf("runDist(no --version) = %d, %q; want 2 and a message", code, stderr.String())
	}
	stderr.Reset()
	if code := runDist(distFor(t, web, "--version", "v1", "--date", "25/11/2026"), &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "YYYY-MM-DD") {
		t.Errorf("runDist(--date 25/11/2026) = %d, %q; want 2 and a message", code, stderr.String())
	}
	stdout.Reset()
	if code := runDist(distFor(t, web, "--version", "v1"), &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "version v1 of 2") {
		t.Errorf("runDist(--version v1) = %d, %q, %q; want 0 and today's date", code, stdout.String(), stderr.String())
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
