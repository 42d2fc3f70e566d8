//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"restakecalc/app/site"
	"restakecalc/calc"
)

var addRoutesOnce sync.Once

// committedWeb is the repository's static web root.
const committedWeb = "../web"

// writeWeb writes a web/ directory as the build leaves it: the committed files and app.wasm (a
// stand-in: the generator does not run it).
func writeWeb(t *testing.T) string {
	t.Helper()
	web := filepath.Join(t.TempDir(), "web")
	if err := os.CopyFS(web, os.DirFS(committedWeb)); err != nil {
		t.Fatal(err)
	}
	wasm := bytes.Repeat([]byte("\x00asm stand-in "), 10000)
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	return web
}

// htmlBooleanFalse matches a boolean attribute of HTML (the living standard's list, for the
// elements the page uses) with the value "false".
var htmlBooleanFalse = regexp.MustCompile(`\s(?:checked|disabled|hidden|multiple|open|readonly|required|selected|autofocus|inert)="false"`)

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

// `app dist` writes the calculator's site: the page pre-rendered with the default set's
// figures, the build's version and day passed to the wasm, and the embed demo.
func TestDistWritesTheCalculatorsSite(t *testing.T) {
	addRoutesOnce.Do(addRoutes)
	web := writeWeb(t)
	out := filepath.Join(t.TempDir(), "dist")
	var stdout, stderr bytes.Buffer
	if code := runDist([]string{"--out", out, "--web", web, "--version", "v1-test", "--date", "2026-11-25"}, &stdout, &stderr); code != 0 {
		t.Fatalf("runDist() = %d, stderr %q", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "version v1-test of 2026-11-25") || !strings.Contains(stdout.String(), "app.wasm: 140000 bytes raw") {
		t.Errorf("runDist() printed %q, want the version, the day and app.wasm's size", stdout.String())
	}

	// The page is rendered natively into index.html before any wasm runs: what the routed
	// component shows on its first render is there for a first paint and for crawlers.
	index := readFile(t, filepath.Join(out, "index.html"))
	res, err := calc.Evaluate(defaultSet(), calc.Options{})
	if err != nil {
		t.Fatalf("Evaluate(defaultSet()) = %v", err)
	}
	wantFinal, _ := res.Scenarios[0].Figure("final")
	if got := prerenderedFigure(index, 0, "final"); got != wantFinal {
		t.Errorf("index.html shows scenario 0's final as %q, want %s (calc.Evaluate of the default set)", got, wantFinal)
	}

	// A boolean attribute is true by its presence: "false" would make buttons disabled and
	// options chosen until the program runs.
	for _, tag := range regexp.MustCompile(`<[a-z]+\s[^>]*>`).FindAllString(index, -1) {
		if m := htmlBooleanFalse.FindString(tag); m != "" {
			t.Errorf("index.html has a boolean attribute set to false:%s in %.120s", m, tag)
		}
	}
	if !strings.Contains(index, `disabled`) || !strings.Contains(index, `selected`) {
		t.Errorf("index.html has no disabled button or selected option left: the true ones must stay")
	}

	// The wasm learns the build's version and day through the page's environment, under the
	// names the page reads.
	appJS := readFile(t, filepath.Join(out, "app.js"))
	for _, want := range []string{
		fmt.Sprintf(`"%s":"v1-test"`, buildVersionEnv),
		fmt.Sprintf(`"%s":"2026-11-25"`, buildDateEnv),
	} {
		if !strings.Contains(appJS, want) {
			t.Errorf("app.js does not pass %s to the wasm", want)
		}
	}

	// The embed demo shows the demo's widgets.
	demo := readFile(t, filepath.Join(out, site.EmbedDemoFile))
	links, err := embedDemoLinks()
	if err != nil {
		t.Fatal(err)
	}
	for _, link := range links {
		if !strings.Contains(demo, embedSnippet(link, 600, embedStartHeightPx)) || !strings.Contains(demo, embedSnippet(link, 360, embedStartHeightPx)) {
			t.Errorf("%s lacks a widget for %s at 600 px or at 360 px", site.EmbedDemoFile, link)
		}
	}
}

func TestDistNeedsVersionAndDay(t *testing.T) {
	web := writeWeb(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "--version is required"},
		{[]string{"--version", "v1", "--date", "25/11/2026"}, "YYYY-MM-DD"},
		{[]string{"--version", "v1", "extra"}, "unexpected argument"},
	} {
		var stdout, stderr bytes.Buffer
		args := append([]string{"--out", filepath.Join(t.TempDir(), "dist"), "--web", web}, tt.args...)
		if code := runDist(args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("runDist(%q) = %d, %q; want 2 and %q", tt.args, code, stderr.String(), tt.want)
		}
	}
}
