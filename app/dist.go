//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

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

// runDist writes the static site: `app dist --out dist --version V [--web web] [--date YYYY-MM-DD]`.
func runDist(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("dist", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("out", "dist", "directory to write the site to (replaced)")
	web := flags.String("web", "web", "directory holding app.wasm and the copied assets")
	version := flags.String("version", "", "the build's version, e.g. git describe plus a hash of web/ (required)")
	date := flags.String("date", time.Now().UTC().Format(time.DateOnly), "the day of the build, YYYY-MM-DD")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "dist: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	if *version == "" {
		fmt.Fprintln(stderr, "dist: --version is required: it names the service worker's cache, so each build must have its own")
		return 2
	}
	if _, err := time.Parse(time.DateOnly, *date); err != nil {
		fmt.Fprintf(stderr, "dist: --date must be a day as YYYY-MM-DD (got %q)\n", *date)
		return 2
	}
	sum, err := writeDist(*out, *web, build{version: *version, date: *date})
	if err != nil {
		fmt.Fprintf(stderr, "dist: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %d files, version %s of %s\n", *out, sum.files, *version, *date)
	fmt.Fprintf(stdout, "app.wasm: %d bytes raw, %d gzip, %s\n", sum.wasmRaw, sum.wasmGzip, brotliSize(sum.wasmBrotli))
	return 0
}

func brotliSize(n int64) string {
	if n == 0 {
		return "no brotli copy (the brotli command is missing)"
	}
	return fmt.Sprintf("%d brotli", n)
}

// distSummary says what writeDist wrote.
type distSummary struct {
	files                         int
	wasmRaw, wasmGzip, wasmBrotli int64
}

// writeDist generates the static site into out: go-app's index.html (the page pre-rendered
// natively: whatever the routed component renders on its first render, before any browser
// code runs, is in it), app.js, app-worker.js, wasm_exec.js, manifest.webmanifest, app.css, then
// a copy of web/ under out/web/, then compressed copies of the big files.
// b.wasmBytes is filled in from web/app.wasm.
func writeDist(out, web string, b build) (distSummary, error) {
	var sum distSummary
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
	b.wasmBytes = wasm.Size()
	h := newHandler(b, webFiles)
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return sum, fmt.Errorf("generating the site: %w", err)
	}
	for _, f := range webFiles {
		if isPrecompressed(f) {
			continue
		}
		if err := copyFile(filepath.Join(web, f), filepath.Join(out, "web", f)); err != nil {
			return sum, err
		}
	}
	if err := scopeManifest(filepath.Join(out, "manifest.webmanifest")); err != nil {
		return sum, err
	}
	if err := dropHostlessMeta(filepath.Join(out, "index.html")); err != nil {
		return sum, err
	}
	if err := writeEmbedDemo(out); err != nil {
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
	sum.files = len(files)
	sum.wasmRaw = wasm.Size()
	sum.wasmGzip = fileSize(filepath.Join(out, "web", "app.wasm.gz"))
	sum.wasmBrotli = fileSize(filepath.Join(out, "web", "app.wasm.br"))
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
