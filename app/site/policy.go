package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// The Content-Security-Policy allows the site itself and nothing else: its own scripts, styles,
// images, manifest and worker, the program's WebAssembly ('wasm-unsafe-eval'), and by their
// sha256 hashes the few inline pieces its pages carry (the storage stand-in in index.html; the
// embed demo's style sheet, height listener and the iframes' style attributes, as a host pastes
// them). No plugin, no <base> elsewhere, no form posted elsewhere. frame-ancestors is left out on
// purpose: the widget is made to be embedded by any site.
//
// The page's components must therefore not write style attributes: go-app's Style() does, and
// the browser refuses it. Size things with classes, or with attributes such as an iframe's width.
//
// WriteDist computes the policy from the HTML pages it wrote and puts it in each as a meta tag,
// so that any static host applies it; Serve reads it back from index.html and sends it as a
// header too, which also covers the service worker and the files that are not HTML.
const (
	policyMetaStart = `<meta http-equiv="Content-Security-Policy" content="`
	policyMetaEnd   = `">`
)

var (
	inlineScript = regexp.MustCompile(`(?s)<script(\s[^>]*)?>(.*?)</script>`)
	inlineStyle  = regexp.MustCompile(`(?s)<style(?:\s[^>]*)?>(.*?)</style>`)
	styleAttr    = regexp.MustCompile(`\sstyle="([^"]*)"`)
	handlerAttr  = regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`)
	srcAttr      = regexp.MustCompile(`\ssrc=`)
	charsetMeta  = regexp.MustCompile(`(?i)<meta charset="utf-8">`)
	policyMeta   = regexp.MustCompile(regexp.QuoteMeta(policyMetaStart) + `([^"]*)` + regexp.QuoteMeta(policyMetaEnd))
)

// attrEscaper escapes a double-quoted attribute's value; a policy's single quotes stay legible.
var attrEscaper = strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;")

// inlinePieces are the hashes of what a set of pages runs or applies inline.
type inlinePieces struct {
	scripts, styles, styleAttrs []string // 'sha256-…' sources
}

// add adds the inline pieces of one HTML page. A page with an inline event handler
// (onclick="…") is refused: no hash can allow it without 'unsafe-hashes' for scripts.
func (p *inlinePieces) add(name string, page []byte) error {
	if m := handlerAttr.Find(page); m != nil {
		return fmt.Errorf("%s has an inline event handler (%.60s…): the Content-Security-Policy would block it", name, m)
	}
	for _, m := range inlineScript.FindAllSubmatch(page, -1) {
		if !srcAttr.Match(m[1]) {
			p.scripts = appendNew(p.scripts, hashSource(m[2]))
		}
	}
	for _, m := range inlineStyle.FindAllSubmatch(page, -1) {
		p.styles = appendNew(p.styles, hashSource(m[1]))
	}
	for _, m := range styleAttr.FindAllSubmatch(page, -1) {
		p.styleAttrs = appendNew(p.styleAttrs, hashSource([]byte(html.UnescapeString(string(m[1])))))
	}
	return nil
}

// policy returns the Content-Security-Policy that allows the site and these inline pieces.
func (p inlinePieces) policy() string {
	script := append([]string{"'self'", "'wasm-unsafe-eval'"}, p.scripts...)
	style := []string{"'self'"}
	if len(p.styleAttrs) > 0 {
		style = append(style, "'unsafe-hashes'") // allows exactly the hashed attributes, no more
	}
	style = append(append(style, p.styles...), p.styleAttrs...)
	return strings.Join([]string{
		"default-src 'self'",
		"script-src " + strings.Join(script, " "),
		"style-src " + strings.Join(style, " "),
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	}, "; ")
}

func hashSource(text []byte) string {
	sum := sha256.Sum256(text)
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// writePolicy computes the policy of the HTML pages in dir and writes it into each of them as a
// meta tag, first thing after the charset: a meta policy applies only to what follows it.
func writePolicy(dir string) error {
	files, err := listFiles(dir)
	if err != nil {
		return err
	}
	pages := make(map[string][]byte)
	var pieces inlinePieces
	for _, f := range files {
		if filepath.Ext(f) != ".html" {
			continue
		}
		page, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return err
		}
		if err := pieces.add(f, page); err != nil {
			return err
		}
		pages[f] = page
	}
	meta := []byte(policyMetaStart + attrEscaper.Replace(pieces.policy()) + policyMetaEnd)
	for f, page := range pages {
		loc := charsetMeta.FindIndex(page)
		if loc == nil {
			return fmt.Errorf("%s has no <meta charset=\"utf-8\"> to put the Content-Security-Policy after", f)
		}
		indent := loc[0] - (bytes.LastIndexByte(page[:loc[0]], '\n') + 1)
		var b bytes.Buffer
		b.Write(page[:loc[1]])
		b.WriteString("\n" + strings.Repeat(" ", indent))
		b.Write(meta)
		b.Write(page[loc[1]:])
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// ReadPolicy returns the Content-Security-Policy that the site in dir declares in its
// index.html.
func ReadPolicy(dir string) (string, error) {
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return "", err
	}
	m := policyMeta.FindSubmatch(page)
	if m == nil {
		return "", errors.New("index.html declares no Content-Security-Policy: it was not written by this version of app dist (run make dist)")
	}
	return html.UnescapeString(string(m[1])), nil
}
