package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// committedWeb is the repository's static web root, which the tests make sites from.
const committedWeb = "../../web"

// testPage stands in for the calculator page: the site's tools do not depend on what the page
// shows (the app package tests the real page's site).
type testPage struct{ app.Compo }

func (*testPage) Render() app.UI { return app.Main().Text("the pre-rendered page") }

var routeOnce sync.Once

// writeWeb writes a web/ directory as the build leaves it: the committed files and app.wasm (a
// stand-in: the generator does not run it).
func writeWeb(t *testing.T) string {
	t.Helper()
	routeOnce.Do(func() { app.Route("/", func() app.Composer { return &testPage{} }) })
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

// testBuild is the build the tests make sites of.
var testBuild = Build{Version: "v1-test", Env: map[string]string{"RESTAKE_VERSION": "v1-test", "BUILD_DATE": "2026-11-25"}}

// testDemo is an embed demo page like the real one: two widgets and the listener.
var testDemo = EmbedDemo{
	Widgets: []EmbeddedWidget{
		{Title: "Open", About: "Every field <code>open</code>.",
			Snippet: `<iframe src="./?embed=1#z=first" title="Restaking calculator" style="width:100%;max-width:600px;height:900px;border:0" loading="lazy"></iframe>`},
		{Title: "Locked & small", About: "Read-only.",
			Snippet: `<iframe src="./?embed=1&amp;lock=1#z=second" title="Restaking calculator" style="width:100%;max-width:360px;height:900px;border:0" loading="lazy"></iframe>`},
	},
	HeightListener: "<script>\naddEventListener(\"message\", (e) => {});\n</script>",
}

// writeTestSite writes a site from a fresh web/ into a new directory and returns both.
func writeTestSite(t *testing.T) (out, web string) {
	t.Helper()
	web = writeWeb(t)
	out = filepath.Join(t.TempDir(), "dist")
	if _, err := WriteDist(out, web, testBuild, testDemo); err != nil {
		t.Fatalf("WriteDist() = %v", err)
	}
	return out, web
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The program that runs in the browser never carries the site's tools.
func TestNotInTheWasm(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command to list the wasm's packages: %v", err)
	}
	cmd := exec.Command(goTool, "list", "-deps", "restakecalc/app")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps restakecalc/app (js/wasm) = %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "restakecalc/app/site" {
			t.Errorf("the wasm imports restakecalc/app/site: the site's tools would weigh on every download")
		}
	}
}
