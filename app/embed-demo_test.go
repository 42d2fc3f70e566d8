//go:build !wasm

package main

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"restakecalc/calc"
)

func TestEmbedDemoHTML(t *testing.T) {
	links := [2]string{"./?embed=1#z=first", "./?embed=1&lock=1#z=second"}
	page := string(embedDemoHTML(links))
	srcs := regexp.MustCompile(`<iframe src="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(srcs) != 2 {
		t.Fatalf("embedDemoHTML has %d iframes, want 2", len(srcs))
	}
	for i, m := range srcs {
		if got := html.UnescapeString(m[1]); got != links[i] {
			t.Errorf("iframe %d src = %q, want %q", i+1, got, links[i])
		}
	}
	if !strings.Contains(page, heightListenerJS) {
		t.Errorf("embedDemoHTML has no height listener")
	}
	// Nothing may come from anywhere else: no absolute URL, no external script or style.
	if m := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9]|<link|<script\s+src`).FindString(page); m != "" {
		t.Errorf("embedDemoHTML refers to %q: the demo must load nothing but its widgets", m)
	}
}

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
