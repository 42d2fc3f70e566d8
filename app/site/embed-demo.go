package site

import (
	"bytes"
	_ "embed"
	"html/template"
)

// EmbedDemoFile is the demo host page that WriteDist writes next to index.html.
const EmbedDemoFile = "embed-demo.html"

// EmbedDemo is a static host page that embeds the widget as any site would: with the iframes
// and the height listener exactly as the embed dialog gives them to a host. It loads nothing but
// its widgets, so it works wherever the site is served.
type EmbedDemo struct {
	Widgets []EmbeddedWidget
	// HeightListener is the <script> element a host pastes once to size every widget.
	HeightListener template.HTML
}

// EmbeddedWidget is one widget of the demo page.
type EmbeddedWidget struct {
	Title   string        // the heading above it
	About   template.HTML // what it shows, a sentence
	Snippet template.HTML // the <iframe> element, its src relative to the page ("./?embed=1#z=…")
}

//go:embed embed-demo.html
var embedDemoPage string

var embedDemoTemplate = template.Must(template.New(EmbedDemoFile).Parse(embedDemoPage))

// html returns the demo page.
func (d EmbedDemo) html() []byte {
	var b bytes.Buffer
	if err := embedDemoTemplate.Execute(&b, d); err != nil {
		panic(err) // the template takes nothing but strings and HTML: it cannot fail
	}
	return b.Bytes()
}
