//go:build !wasm

package main

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var embedSnippetTests = []struct {
	src               string
	widthPx, heightPx int
	want              string
}{
	{"https://example.org/?embed=1#z=abc", 600, 712,
		`<iframe src="https://example.org/?embed=1#z=abc" title="Restaking calculator" style="width:100%;max-width:600px;height:712px;border:0" loading="lazy"></iframe>`},
	// The ampersands are escaped as HTML wants them in an attribute.
	{"https://example.org/c/?embed=1&lock=1&theme=dark#s=e30", 320, 900,
		`<iframe src="https://example.org/c/?embed=1&amp;lock=1&amp;theme=dark#s=e30" title="Restaking calculator" style="width:100%;max-width:320px;height:900px;border:0" loading="lazy"></iframe>`},
	// A quote in a path cannot end the attribute.
	{`https://example.org/a"b/?embed=1`, 400, 900,
		`<iframe src="https://example.org/a&#34;b/?embed=1" title="Restaking calculator" style="width:100%;max-width:400px;height:900px;border:0" loading="lazy"></iframe>`},
}

func TestEmbedSnippet(t *testing.T) {
	for _, tt := range embedSnippetTests {
		if got := embedSnippet(tt.src, tt.widthPx, tt.heightPx); got != tt.want {
			t.Errorf("embedSnippet(%q, %d, %d) = %s, want %s", tt.src, tt.widthPx, tt.heightPx, got, tt.want)
		}
	}
}

var parseEmbedWidthTests = []struct {
	text    string
	want    int
	wantErr bool
}{
	{"600", 600, false},
	{" 320 ", 320, false}, // the narrowest the widget is made for
	{"1600", 1600, false},
	{"319", 0, true},
	{"1601", 0, true},
	{"600px", 0, true},
	{"+600", 0, true},
	{"", 0, true},
}

func TestParseEmbedWidth(t *testing.T) {
	for _, tt := range parseEmbedWidthTests {
		got, err := parseEmbedWidth(tt.text)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("parseEmbedWidth(%q) = %d, %v, want %d, error %v", tt.text, got, err, tt.want, tt.wantErr)
		}
		if err != nil && (!strings.Contains(err.Error(), "between 320 and 1600") || !strings.Contains(err.Error(), `"`+strings.TrimSpace(tt.text)+`"`)) {
			t.Errorf("parseEmbedWidth(%q) error = %q, want what is allowed and the typed text", tt.text, err)
		}
	}
}

// The host's listener is the six lines the README promises, and acts on the height message
// only.
func TestHeightListenerJS(t *testing.T) {
	if n := strings.Count(heightListenerJS, "\n") + 1; n != 6 {
		t.Errorf("heightListenerJS has %d lines, want 6:\n%s", n, heightListenerJS)
	}
	for _, want := range []string{`"` + heightMessageType + `"`, "e.data.height", "f.contentWindow === e.source"} {
		if !strings.Contains(heightListenerJS, want) {
			t.Errorf("heightListenerJS does not contain %s", want)
		}
	}
}

// Closed, the dialog holds nothing: the preview's widget loads only once it is opened.
func TestEmbedDialogIsEmptyUntilOpened(t *testing.T) {
	d := newEmbedDialog().Set(defaultSet()).Address("https://example.org/")
	e := app.NewTestEngine()
	if err := e.Load(d); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		path []int
		want app.UI
	}{
		{[]int{0, 0}, app.Button().Type("button").ID("embed-open").Class("embed-open").Aria("haspopup", "dialog").Text("Embed this").
			OnClick(func(app.Context, app.Event) {})},
		{[]int{0, 1}, app.Elem("dialog").ID("embed-dialog").Class("embed-dialog").Aria("label", "Embed these scenarios").
			On("close", func(app.Context, app.Event) {})},
	}
	for _, c := range checks {
		if err := app.Match(c.want, d, c.path...); err != nil {
			t.Errorf("Match(%v) = %v", c.path, err)
		}
	}
	if err := app.Match(app.Div().Class("embed-dialog-body"), d, 0, 1, 0); err == nil {
		t.Errorf("the closed dialog has content")
	}
}
