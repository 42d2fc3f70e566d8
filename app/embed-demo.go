//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"

	"restakecalc/calc"
)

// embedDemoFile is the demo host page that `app dist` writes next to index.html.
const embedDemoFile = "embed-demo.html"

// embedDemoHTML returns a static host page that embeds the widget twice, at the two srcs
// given, relative to the page (e.g. "./?embed=1#z=..."), so that it works wherever the site is
// served; with the height listener sizing each iframe. It loads nothing but the two widgets.
func embedDemoHTML(twoLinks [2]string) []byte {
	var b bytes.Buffer
	b.WriteString(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The restaking calculator, embedded: a demo</title>
<style>
  body { margin: 0 auto; max-width: 60rem; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; color: #161b29; background: #fbfaf7; }
  h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
  h2 { font-size: 1.2rem; margin: 2rem 0 0.25rem; }
  code { background: #eceae4; padding: 0 0.2em; border-radius: 0.2em; }
  iframe { display: block; margin: 0.75rem 0; }
</style>
</head>
<body>
<h1>A page that embeds the restaking calculator</h1>
<p>This page stands for any site that shows the calculator in an iframe. The widgets below come from
the same place as this page; each is sized to its content by the script at the end of this page.</p>
`)
	demos := [2]struct {
		title, text string
		widthPx     int
	}{
		{"Staking, restaking and multistaking", "The calculator's examples, as a visitor may change them: " +
			"every field is open. At most 600 px wide.", 600},
		{"Lido alone or with EigenLayer, read-only", "Two scenarios set by this page with <code>lock=1</code>: " +
			"a visitor changes only the amount and the horizon. At most 360 px wide, as in a sidebar or on a phone.", 360},
	}
	for i, d := range demos {
		fmt.Fprintf(&b, "<h2>%s</h2>\n<p>%s</p>\n%s\n", html.EscapeString(d.title), d.text, embedSnippet(twoLinks[i], d.widthPx))
	}
	b.WriteString("\n")
	b.WriteString(heightListenerJS)
	b.WriteString("\n</body>\n</html>\n")
	return b.Bytes()
}

// embedDemoLinks returns the demo's two widget srcs: the default scenarios, open to every edit,
// and a locked set of two scenarios, staking on Lido against restaking it on EigenLayer.
func embedDemoLinks() ([2]string, error) {
	open, err := calc.EncodeLink(defaultSet())
	if err != nil {
		return [2]string{}, err
	}
	locked, err := calc.EncodeLink(embedDemoLockedSet())
	if err != nil {
		return [2]string{}, err
	}
	return [2]string{
		"./?embed=1#" + open,
		"./?embed=1&lock=1#" + locked,
	}, nil
}

// embedDemoLockedSet is the demo's locked widget: 10 ETH for five years, Lido alone or with
// EigenLayer on top, the example figures of the default set.
func embedDemoLockedSet() calc.Set {
	s := defaultSet()
	s.Title = "Lido alone or with EigenLayer"
	s.Amount = mustDecimal("10")
	s.Days = 1825
	s.Scenarios = s.Scenarios[:2]
	return s
}

// writeEmbedDemo writes embed-demo.html into the site in dir.
func writeEmbedDemo(dir string) error {
	links, err := embedDemoLinks()
	if err != nil {
		return fmt.Errorf("the embed demo's links: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, embedDemoFile), embedDemoHTML(links), 0o644)
}
