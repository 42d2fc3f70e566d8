//go:build !wasm

package main

import (
	"fmt"
	"html/template"

	"restakecalc/app/site"
	"restakecalc/calc"
)

// embedDemo returns the demo host page that `app dist` writes (site.EmbedDemoFile): the widget
// twice, with the snippet and the height listener the embed dialog gives a host.
func embedDemo() (site.EmbedDemo, error) {
	links, err := embedDemoLinks()
	if err != nil {
		return site.EmbedDemo{}, fmt.Errorf("the embed demo's links: %w", err)
	}
	return site.EmbedDemo{
		Widgets: []site.EmbeddedWidget{
			{
				Title: "Staking, restaking and multistaking",
				About: "The calculator's examples, as a visitor may change them: every field is open. " +
					"At most 600 px wide.",
				Snippet: template.HTML(embedSnippet(links[0], 600)),
			},
			{
				Title: "Lido alone or with EigenLayer, read-only",
				About: "Two scenarios set by this page with <code>lock=1</code>: a visitor changes only the " +
					"amount and the horizon. At most 360 px wide, as in a sidebar or on a phone.",
				Snippet: template.HTML(embedSnippet(links[1], 360)),
			},
		},
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
