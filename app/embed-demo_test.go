//go:build !wasm

package main

import (
	"strings"
	"testing"

	"restakecalc/calc"
)

// The demo's links are relative, so that the demo works under any path, and carry the sets they
// are meant to.
func TestEmbedDemoLinks(t *testing.T) {
	links, err := embedDemoLinks()
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range []struct {
		query string
		set   calc.Set
	}{
		{"./?embed=1#", defaultSet()},
		{"./?embed=1&lock=1#", embedDemoLockedSet()},
	} {
		link, ok := strings.CutPrefix(links[i], tt.query)
		if !ok {
			t.Errorf("link %d = %q, want it to start with %q", i+1, links[i], tt.query)
			continue
		}
		got, err := calc.DecodeLink(link)
		if err != nil {
			t.Fatalf("DecodeLink(link %d) = %v", i+1, err)
		}
		gotJSON, _ := got.MarshalJSON()
		wantJSON, _ := tt.set.MarshalJSON()
		if string(gotJSON) != string(wantJSON) {
			t.Errorf("link %d carries %s, want %s", i+1, gotJSON, wantJSON)
		}
	}
	if n := len(embedDemoLockedSet().Scenarios); n != 2 {
		t.Errorf("the locked demo has %d scenarios, want 2", n)
	}
}

// The demo shows the widgets with the snippet and the listener that the embed dialog gives a host.
func TestEmbedDemoUsesTheDialogsSnippet(t *testing.T) {
	demo, err := embedDemo()
	if err != nil {
		t.Fatal(err)
	}
	links, _ := embedDemoLinks()
	if string(demo.HeightListener) != heightListenerJS {
		t.Errorf("the demo's listener is not the dialog's")
	}
	// An open and a locked widget, each in a column and on a phone (or in a sidebar).
	want := []struct {
		link    string
		widthPx int
	}{{links[0], 600}, {links[1], 360}, {links[1], 600}, {links[0], 360}}
	if len(demo.Widgets) != len(want) {
		t.Fatalf("the demo has %d widgets, want %d", len(demo.Widgets), len(want))
	}
	for i, w := range demo.Widgets {
		if want := embedSnippet(want[i].link, want[i].widthPx, embedStartHeightPx); string(w.Snippet) != want {
			t.Errorf("widget %d's snippet = %s, want the dialog's %s", i+1, w.Snippet, want)
		}
	}
}
