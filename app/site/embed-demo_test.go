package site

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

func TestEmbedDemoHTML(t *testing.T) {
	page := string(testDemo.html())
	srcs := regexp.MustCompile(`<iframe src="([^"]*)"`).FindAllStringSubmatch(page, -1)
	want := []string{"./?embed=1#z=first", "./?embed=1&lock=1#z=second"}
	if len(srcs) != len(want) {
		t.Fatalf("the demo has %d iframes, want %d", len(srcs), len(want))
	}
	for i, m := range srcs {
		if got := html.UnescapeString(m[1]); got != want[i] {
			t.Errorf("iframe %d src = %q, want %q", i+1, got, want[i])
		}
	}
	// The snippets, the listener and the words are the page's, as given: HTML, not text.
	for _, w := range testDemo.Widgets {
		if !strings.Contains(page, string(w.Snippet)) || !strings.Contains(page, string(w.About)) {
			t.Errorf("the demo does not show the widget %q as given", w.Title)
		}
	}
	if !strings.Contains(page, "<h2>Locked &amp; small</h2>") {
		t.Errorf("the demo does not show the title as text")
	}
	if !strings.Contains(page, string(testDemo.HeightListener)) {
		t.Errorf("the demo has no height listener")
	}
	// Nothing may come from anywhere else: no absolute URL, no external script or style.
	if m := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9]|<link|<script\s+src`).FindString(page); m != "" {
		t.Errorf("the demo refers to %q: it must load nothing but its widgets", m)
	}
}
