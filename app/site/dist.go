package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// compressMinBytes is the size from which dist writes .br and .gz copies: below it the saving
// does not pay for a second request's headers.
const compressMinBytes = 1024

// compressible are the extensions of the files worth compressing (images are compressed already).
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".html": true, ".css": true, ".svg": true,
	".json": true, ".webmanifest": true, ".txt": true,
}

// DistSummary says what WriteDist wrote.
type DistSummary struct {
	Files                         int   // files in the site, compressed copies included
	WasmRaw, WasmGzip, WasmBrotli int64 // app.wasm's bytes raw, gzip -9 and brotli -q 11 (0: brotli is not installed)
}

// rootFiles are the files of web/ that belong at the site's root, next to index.html, rather
// than under web/: crawlers read robots.txt only there (go-app's own server proxies
// /robots.txt to web/robots.txt the same way).
var rootFiles = map[string]bool{"robots.txt": true}

// WriteDist generates the static site into out from web, the committed static root plus the
// built web/app.wasm, which it reads in place:
//   - go-app's index.html (the page pre-rendered natively: whatever the routed component renders
//     on its first render, before any browser code runs, is in it), app.js, app-worker.js,
//     wasm_exec.js, manifest.webmanifest and app.css, from NewHandler;
//   - a copy of web/ under out/web/, but the files of rootFiles, which go to out/;
//   - the embed demo page, embed-demo.html;
//   - the Content-Security-Policy, as a meta tag in every HTML page (see writePolicy);
//   - compressed copies of the big files.
//
// The routes of the page must be registered (app.Route) before: index.html is their first render.
func WriteDist(out, web string, b Build, demo EmbedDemo) (DistSummary, error) {
	var sum DistSummary
	wasm, err := os.Stat(filepath.Join(web, "app.wasm"))
	if err != nil {
		return sum, fmt.Errorf("%s/app.wasm is missing: build it first (make dist does): %w", web, err)
	}
	webFiles, err := listFiles(web)
	if err != nil {
		return sum, err
	}
	if err := clearOut(out); err != nil {
		return sum, err
	}
	var underWeb []string
	for _, f := range webFiles {
		if isPrecompressed(f) {
			continue // left over from serving web/ by hand: dist writes its own
		}
		to := filepath.Join(out, "web", filepath.FromSlash(f))
		if rootFiles[f] {
			to = filepath.Join(out, f)
		} else {
			underWeb = append(underWeb, f)
		}
		if err := copyFile(filepath.Join(web, filepath.FromSlash(f)), to); err != nil {
			return sum, err
		}
	}
	b.wasmBytes = wasm.Size()
	if err := app.GenerateStaticWebsite(out, NewHandler(b, underWeb)); err != nil {
		return sum, fmt.Errorf("generating the site: %w", err)
	}
	if err := scopeManifest(filepath.Join(out, "manifest.webmanifest")); err != nil {
		return sum, err
	}
	if err := dropHostlessMeta(filepath.Join(out, "index.html")); err != nil {
		return sum, err
	}
	if err := dropFalseBooleans(filepath.Join(out, "index.html")); err != nil {
		return sum, err
	}
	if err := splitWasmStart(filepath.Join(out, "app.js")); err != nil {
		return sum, err
	}
	if err := os.WriteFile(filepath.Join(out, EmbedDemoFile), demo.html(), 0o644); err != nil {
		return sum, err
	}
	if err := writePolicy(out); err != nil {
		return sum, err
	}
	if err := checkPrecache(out); err != nil {
		return sum, err
	}
	files, err := listFiles(out)
	if err != nil {
		return sum, err
	}
	if err := compressAll(out, files); err != nil {
		return sum, err
	}
	files, err = listFiles(out)
	if err != nil {
		return sum, err
	}
	sum.Files = len(files)
	sum.WasmRaw = wasm.Size()
	sum.WasmGzip = fileSize(filepath.Join(out, "web", "app.wasm.gz"))
	sum.WasmBrotli = fileSize(filepath.Join(out, "web", "app.wasm.br"))
	return sum, nil
}

// clearOut empties out when it holds a previous site (or nothing), and refuses anything else:
// `--out .` by mistake must not wipe a source tree.
func clearOut(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(out, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
			return fmt.Errorf("%s is not empty and holds no previous site (no app-worker.js): not replacing it", out)
		}
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	return os.MkdirAll(out, 0o755)
}

// listFiles returns the regular files under dir, slash-separated and relative to dir, sorted.
func listFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

func fileSize(name string) int64 {
	fi, err := os.Stat(name)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// scopeManifest makes the manifest's scope relative: go-app writes "/", which claims the whole
// origin for an app that may live under /some/prefix/. A relative scope resolves against the
// manifest's URL, next to index.html.
func scopeManifest(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var manifest map[string]any
	if err := json.Unmarshal(data, &manifest); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	manifest["scope"] = "./"
	data, err = json.Marshal(manifest)
	if err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}

// go-app writes og:url and og:image as "https://" + Domain + path: without a Domain (the site
// does not know where it will be hosted) they say "https:///." and "https://", which link
// previews would try to follow. go-app writes attributes in no fixed order.
var (
	metaTag      = regexp.MustCompile(`(?m)^[ \t]*<meta\s[^>]*>\n`)
	ogURLOrImage = regexp.MustCompile(`\sproperty="og:(?:url|image)"`)
	hostlessURL  = regexp.MustCompile(`\scontent="https://(?:/[^"]*)?"`)
)

// dropHostlessMeta removes those tags from the page.
func dropHostlessMeta(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	data = metaTag.ReplaceAllFunc(data, func(tag []byte) []byte {
		if ogURLOrImage.Match(tag) && hostlessURL.Match(tag) {
			return nil
		}
		return tag
	})
	return os.WriteFile(name, data, 0o644)
}

// go-app pre-renders a boolean attribute set to false as the attribute with the value "false"
// (Disabled(false) as disabled="false", Selected(false) as selected="false"). HTML reads a
// boolean attribute's presence, whatever its value: until the program runs, every such button
// is disabled and every such option chosen. The attribute's absence is what false means.
var falseBoolean = regexp.MustCompile(`\s(?:allowfullscreen|async|autofocus|autoplay|checked|controls|default|defer|disabled|formnovalidate|hidden|inert|ismap|itemscope|loop|multiple|muted|nomodule|novalidate|open|playsinline|readonly|required|reversed|selected)="false"`)

// dropFalseBooleans removes the boolean attributes set to "false" from the page's tags.
func dropFalseBooleans(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, DropFalseBooleans(data), 0o644)
}

// DropFalseBooleans returns html without its boolean attributes set to "false". Text is never
// touched: go-app escapes the quotes of text, so ="false" with a quote only appears in a tag.
func DropFalseBooleans(html []byte) []byte {
	return falseBoolean.ReplaceAll(html, nil)
}

// go-app's app.js compiles and instantiates the wasm, then runs it, in one task: on a phone the
// two hold the page a quarter of a second together. A turn of the browser's event loop between
// them lets the page answer a tap in between.
const (
	wasmRun      = "\n    go.run(wasm.instance);\n"
	wasmTurnRun  = "\n    await new Promise((turn) => setTimeout(turn, 0));\n    go.run(wasm.instance);\n"
	wasmRunCount = 1
)

// splitWasmStart puts a turn of the event loop between the wasm's instantiation and its run in
// the app.js at name.
func splitWasmStart(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if n := bytes.Count(data, []byte(wasmRun)); n != wasmRunCount {
		return fmt.Errorf("%s runs the wasm %d times where go-app v10.1.11's runs it once: the start cannot be split", name, n)
	}
	return os.WriteFile(name, bytes.Replace(data, []byte(wasmRun), []byte(wasmTurnRun), 1), 0o644)
}

var precacheList = regexp.MustCompile(`(?m)^const resourcesToCache = (\[.*\]);$`)

// precached returns the service worker's precache list as written in dir/app-worker.js.
func precached(dir string) ([]string, error) {
	worker, err := os.ReadFile(filepath.Join(dir, "app-worker.js"))
	if err != nil {
		return nil, err
	}
	m := precacheList.FindSubmatch(worker)
	if m == nil {
		return nil, errors.New("app-worker.js has no resourcesToCache list")
	}
	var list []string
	if err := json.Unmarshal(m[1], &list); err != nil {
		return nil, fmt.Errorf("app-worker.js's resourcesToCache: %w", err)
	}
	return list, nil
}

// checkPrecache makes sure that every URL the service worker precaches is a relative URL of a
// file of the site: one missing file makes cache.addAll fail, and the site would not work offline.
func checkPrecache(dir string) error {
	list, err := precached(dir)
	if err != nil {
		return err
	}
	var problems []string
	for _, u := range list {
		name, ok := siteFile(u)
		if !ok {
			problems = append(problems, fmt.Sprintf("%q is not a relative URL of the site", u))
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			problems = append(problems, fmt.Sprintf("%q: no file %s", u, name))
		}
	}
	if problems != nil {
		return fmt.Errorf("the service worker's precache list is wrong: %s", strings.Join(problems, "; "))
	}
	return nil
}

// siteFile returns the file that a relative URL of the site names ("./" is index.html), or false
// for an absolute URL or one that leaves the site.
func siteFile(u string) (string, bool) {
	if u == "" || strings.HasPrefix(u, "/") || strings.Contains(u, ":") || strings.HasPrefix(u, "../") {
		return "", false
	}
	u, _, _ = strings.Cut(u, "?")
	name := path.Clean(u)
	if name == "." || strings.HasSuffix(u, "/") {
		name = path.Join(name, "index.html")
	}
	if strings.HasPrefix(name, "../") {
		return "", false
	}
	return name, true
}

// compressAll writes name.gz (gzip, best compression) and name.br (brotli -q 11, when the
// brotli command is installed) next to each big compressible file.
func compressAll(dir string, files []string) error {
	brotli, _ := exec.LookPath("brotli")
	for _, f := range files {
		name := filepath.Join(dir, filepath.FromSlash(f))
		if !compressible[path.Ext(f)] || fileSize(name) < compressMinBytes {
			continue
		}
		if err := gzipFile(name); err != nil {
			return err
		}
		if brotli != "" {
			cmd := exec.Command(brotli, "-q", "11", "-f", "-o", name+".br", name)
			if msg, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("brotli %s: %v: %s", f, err, msg)
			}
		}
	}
	return nil
}

func gzipFile(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(name+".gz", b.Bytes(), 0o644)
}
