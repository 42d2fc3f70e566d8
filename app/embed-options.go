package main

import (
	"net/url"
	"strings"
)

// embedOptions is how the page is presented, read from its URL's query (SPEC section 6): the
// query selects the presentation, never the numbers, which travel in the fragment.
type embedOptions struct {
	widget bool   // ?embed=1: the compact widget for iframes, without the site's header and footer
	lock   bool   // ?lock=1 with embed=1: the host's scenarios are read-only but for amount and horizon
	theme  string // ?theme=light|dark, or "" for the system's preference

	// address is the page's own URL without query and fragment: where the full calculator is,
	// and what an iframe's src starts with.
	address string
}

// parseEmbedOptions reads the presentation from a page URL's query. Anything it does not know
// is ignored, never an error: a host's typo shows the plain widget rather than a broken page.
// lock means nothing without embed: the full page is the user's own and always editable.
func parseEmbedOptions(u *url.URL) embedOptions {
	q := u.Query()
	o := embedOptions{address: pageAddress(u)}
	o.widget = isOn(q.Get("embed"))
	o.lock = o.widget && isOn(q.Get("lock"))
	switch theme := strings.ToLower(strings.TrimSpace(q.Get("theme"))); theme {
	case "light", "dark":
		o.theme = theme
	}
	return o
}

// isOn reads a flag of the query: "1" or "true" (SPEC writes 1).
func isOn(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	return v == "1" || v == "true"
}

// query returns the widget's query string for these options, "?embed=1[&lock=1][&theme=T]":
// what the embed dialog writes into the iframe's src.
func (o embedOptions) query() string {
	q := "?embed=1"
	if o.lock {
		q += "&lock=1"
	}
	if o.theme != "" {
		q += "&theme=" + o.theme
	}
	return q
}

// pageAddress returns the page's own URL without its query and fragment: the address the widget
// and the full calculator share.
func pageAddress(u *url.URL) string {
	v := *u
	v.RawQuery, v.ForceQuery, v.Fragment, v.RawFragment = "", false, "", ""
	return v.String()
}

// fullCalculatorURL returns the full calculator's URL with the scenarios of a share link
// (without its '#'): the page's address without the presentation parameters (the visitor's own
// colours apply in a tab of their own), or without a fragment when there is no link yet (the page
// then opens its examples, which are what the widget shows too).
func (o embedOptions) fullCalculatorURL(link string) string {
	if link == "" {
		return o.address
	}
	return o.address + "#" + link
}

// widgetSrc returns the iframe src that embeds the scenarios of a share link (without its '#')
// in a widget with these options at the page's address.
func (o embedOptions) widgetSrc(link string) string {
	s := o.address + o.query()
	if link != "" {
		s += "#" + link
	}
	return s
}

// lockedEdit returns what a locked widget keeps of an edit from before to after: the amount and
// the horizon as typed, and nothing else; every other field, and the scenarios with their layers,
// stay as the host set them.
func lockedEdit(before, after draftSet) draftSet {
	kept := before
	for _, in := range setInputs {
		if in.visitor {
			in.set(&kept, in.get(&after))
		}
	}
	return kept
}

// edit returns what the page takes of an edit the user made from before to after: all of it,
// or in a locked widget only the new amount and horizon (see lockedEdit).
func (o embedOptions) edit(before, after draftSet) draftSet {
	if o.lock {
		return lockedEdit(before, after)
	}
	return after
}
