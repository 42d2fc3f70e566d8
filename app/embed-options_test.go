//go:build !wasm

package main

import (
	"net/url"
	"reflect"
	"testing"
)

var parseEmbedOptionsTests = []struct {
	url  string
	want embedOptions
}{
	// The full page.
	{"https://example.org/calc/", embedOptions{address: "https://example.org/calc/"}},
	{"https://example.org/calc/?theme=dark#z=abc", embedOptions{theme: "dark", address: "https://example.org/calc/"}},
	// lock means nothing on the full page: it is the user's own.
	{"https://example.org/?lock=1", embedOptions{address: "https://example.org/"}},
	// The widget.
	{"https://example.org/?embed=1", embedOptions{widget: true, address: "https://example.org/"}},
	{"https://example.org/?embed=1&lock=1&theme=light#s=e30", embedOptions{widget: true, lock: true, theme: "light", address: "https://example.org/"}},
	{"https://example.org/?lock=true&embed=true&theme=DARK", embedOptions{widget: true, lock: true, theme: "dark", address: "https://example.org/"}},
	// Anything else is the default, never an error.
	{"https://example.org/?embed=0&lock=1", embedOptions{address: "https://example.org/"}},
	{"https://example.org/?embed=yes&theme=blue", embedOptions{address: "https://example.org/"}},
	{"https://example.org/?embed=1&lock=0&theme=", embedOptions{widget: true, address: "https://example.org/"}},
	// The address keeps the path, whatever the prefix, and the port.
	{"http://127.0.0.1:8080/a/b/c/?embed=1", embedOptions{widget: true, address: "http://127.0.0.1:8080/a/b/c/"}},
}

func TestParseEmbedOptions(t *testing.T) {
	for _, tt := range parseEmbedOptionsTests {
		u, err := url.Parse(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if got := parseEmbedOptions(u); got != tt.want {
			t.Errorf("parseEmbedOptions(%s) = %+v, want %+v", tt.url, got, tt.want)
		}
	}
}

var widgetSrcTests = []struct {
	options embedOptions
	link    string
	want    string
}{
	{embedOptions{address: "https://example.org/calc/"}, "z=abc", "https://example.org/calc/?embed=1#z=abc"},
	{embedOptions{lock: true, address: "https://example.org/"}, "z=abc", "https://example.org/?embed=1&lock=1#z=abc"},
	{embedOptions{theme: "dark", address: "https://example.org/"}, "s=e30", "https://example.org/?embed=1&theme=dark#s=e30"},
	{embedOptions{lock: true, theme: "light", address: "https://example.org/"}, "z=abc", "https://example.org/?embed=1&lock=1&theme=light#z=abc"},
	// No link: the widget opens the examples.
	{embedOptions{address: "https://example.org/"}, "", "https://example.org/?embed=1"},
}

func TestWidgetSrc(t *testing.T) {
	for _, tt := range widgetSrcTests {
		if got := tt.options.widgetSrc(tt.link); got != tt.want {
			t.Errorf("%+v.widgetSrc(%q) = %q, want %q", tt.options, tt.link, got, tt.want)
		}
	}
}

var fullCalculatorURLTests = []struct {
	url, link, want string
}{
	// The presentation parameters are dropped, the scenarios on screen travel.
	{"https://example.org/calc/?embed=1&lock=1&theme=dark#s=e30", "z=new", "https://example.org/calc/#z=new"},
	// Before any link is written, the page's own examples.
	{"https://example.org/?embed=1", "", "https://example.org/"},
}

func TestFullCalculatorURL(t *testing.T) {
	for _, tt := range fullCalculatorURLTests {
		u, _ := url.Parse(tt.url)
		if got := parseEmbedOptions(u).fullCalculatorURL(tt.link); got != tt.want {
			t.Errorf("fullCalculatorURL(%s, %q) = %q, want %q", tt.url, tt.link, got, tt.want)
		}
	}
}

// lockedEditTests start from the host's draft and try one edit each.
var lockedEditTests = []struct {
	name string
	edit func(d draftSet) draftSet
	want func(d draftSet) draftSet // what a locked widget keeps
}{
	{"a new amount is taken",
		func(d draftSet) draftSet { d.amount = "40"; return d },
		func(d draftSet) draftSet { d.amount = "40"; return d }},
	{"a new horizon is taken",
		func(d draftSet) draftSet { d.days = "365"; return d },
		func(d draftSet) draftSet { d.days = "365"; return d }},
	{"text that is not a number is taken too, for the engine to judge",
		func(d draftSet) draftSet { d.amount = "4o"; return d },
		func(d draftSet) draftSet { d.amount = "4o"; return d }},
	{"the asset, price and currency are refused",
		func(d draftSet) draftSet {
			d.asset, d.price, d.currency, d.priceGrowthPct = "BTC", "1", "EUR", "50"
			return d
		},
		func(d draftSet) draftSet { return d }},
	{"a layer's APR is refused",
		func(d draftSet) draftSet {
			l := d.scenarios[0].layers[0]
			l.aprPct = "90"
			return d.withScenario(0, d.scenarios[0].withLayer(0, l))
		},
		func(d draftSet) draftSet { return d }},
	{"a new layer is refused",
		func(d draftSet) draftSet { return d.withScenario(1, d.scenarios[1].addLayer()) },
		func(d draftSet) draftSet { return d }},
	{"a new, removed or moved scenario is refused",
		func(d draftSet) draftSet { return d.addScenario().removeScenario(0).moveScenario(0, 1) },
		func(d draftSet) draftSet { return d }},
	{"a title is refused",
		func(d draftSet) draftSet { d.title = "Mine now"; return d },
		func(d draftSet) draftSet { return d }},
	{"of an amount and an APR at once, only the amount is taken",
		func(d draftSet) draftSet {
			d.amount = "7"
			l := d.scenarios[2].layers[1]
			l.aprPct = "9"
			return d.withScenario(2, d.scenarios[2].withLayer(1, l))
		},
		func(d draftSet) draftSet { d.amount = "7"; return d }},
}

func TestLockedEdit(t *testing.T) {
	for _, tt := range lockedEditTests {
		host := draftFromSet(defaultSet())
		got := lockedEdit(host, tt.edit(draftFromSet(defaultSet())))
		want := tt.want(draftFromSet(defaultSet()))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: lockedEdit = %+v, want %+v", tt.name, got, want)
		}
	}
}

func TestEmbedOptionsEditLocksOnlyALockedWidget(t *testing.T) {
	host := draftFromSet(defaultSet())
	edited := host.withScenario(0, host.scenarios[0].addLayer())
	if got := (embedOptions{widget: true}).edit(host, edited); !reflect.DeepEqual(got, edited) {
		t.Errorf("an open widget's edit(host, new layer) = %+v, want the edit taken", got)
	}
	if got := (embedOptions{widget: true, lock: true}).edit(host, edited); !reflect.DeepEqual(got, host) {
		t.Errorf("a locked widget's edit(host, new layer) = %+v, want the host's draft", got)
	}
}
