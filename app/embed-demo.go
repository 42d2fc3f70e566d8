//go:build !wasm

package main

import (
	"fmt"
	"html/template"

	"restakecalc/app/site"
	"restakecalc/calc"
)

// embedDemoWidths are the demo's widths, CSS pixels: a page's column, and a phone or a sidebar.
var embedDemoWidths = [2]int{600, 360}

// embedDemo returns the demo host page that `app dist` writes (site.EmbedDemoFile): an open and a
// locked widget, each at a column's width and at a phone's, with the snippet and the height
// listener the embed dialog gives a host.
func embedDemo() (site.EmbedDemo, error) {
	links, err := embedDemoLinks()
	if err != nil {
		return site.EmbedDemo{}, fmt.Errorf("the embed demo's links: %w", err)
	}
	open := func(widthPx int) site.EmbeddedWidget {
		return site.EmbeddedWidget{
			Title: fmt.Sprintf("Staking, restaking and multistaking, %d px", widthPx),
			About: template.HTML(fmt.Sprintf("The calculator's examples, as a visitor may change them: every field is open. "+
				"At most %d px wide.", widthPx)),
			Snippet: template.HTML(embedSnippet(links[0], widthPx, embedStartHeightPx)),
		}
	}
	locked := func(widthPx int) site.EmbeddedWidget {
		return site.EmbeddedWidget{
			Title: fmt.Sprintf("Lido alone or with EigenLayer, read-only, %d px", widthPx),
			About: template.HTML(fmt.Sprintf("Two scenarios set by this page with <code>lock=1</code>: a visitor changes only the "+
				"amount and the horizon. At most %d px wide.", widthPx)),
			Snippet: template.HTML(embedSnippet(links[1], widthPx, embedStartHeightPx)),
		}
	}
	column, phone := embedDemoWidths[0], embedDemoWidths[1]
	return site.EmbedDemo{
		Widgets:        []site.EmbeddedWidget{open(column), locked(phone), locked(column), open(phone)},
		HeightListener: template.HTML(heightListenerJS),
	}, nil
}

// embedDemoLinks returns the demo's two widget srcs, relative to the page: the default
// scenarios, open to every edit, and a locked set of two scenarios, staking on Lido against
// restaking it on EigenLayer.
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
