package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// laterPanel is a part of the page that the browser builds after the first screen, one part
// per turn of its event loop (see startSequence): building the whole page in one go holds a
// phone's main thread for over a second, and nothing on screen answers a tap meanwhile.
//
// Until its turn the part is a placeholder of the height the pre-rendered page gave it, so that
// nothing the reader is looking at moves when it arrives; the static page, rendered before any
// browser code runs, always has the part itself.
type laterPanel struct {
	app.Compo

	name     string        // the part, as the start sequence knows it
	class    string        // the placeholder's classes: the part's own, so it sits where the part will
	heightPx int           // the placeholder's height in CSS pixels: the pre-rendered part's
	copyHTML string        // the pre-rendered part itself, inert, when it shows what the part will
	Icontent func() app.UI // what the part is; exported, as go-app updates only exported fields (a func always differs)
	onReady  func(ctx app.Context, name string, show func())
	shown    bool // the part is built; never reset, so a page update keeps it
}

func newLaterPanel(name string) *laterPanel {
	return &laterPanel{name: name}
}

// Now builds the part at once, as it does for a part mounted after the start (a scenario
// added): only the mounted placeholder keeps waiting for its turn.
func (c *laterPanel) Now(now bool) *laterPanel {
	c.shown = now
	return c
}

// Class sets the placeholder's classes.
func (c *laterPanel) Class(class string) *laterPanel {
	c.class = class
	return c
}

// HeightPx sets the placeholder's height.
func (c *laterPanel) HeightPx(h int) *laterPanel {
	c.heightPx = h
	return c
}

// Copy sets the placeholder to the pre-rendered part's HTML, made inert (not focusable, not
// clickable): used only when the page opens on what it was pre-rendered with, so the copy
// shows exactly what the part will, and the part takes its place without a flicker.
func (c *laterPanel) Copy(html string) *laterPanel {
	c.copyHTML = html
	return c
}

// Content sets what the part is.
func (c *laterPanel) Content(f func() app.UI) *laterPanel {
	c.Icontent = f
	return c
}

// OnReady sets what the part reports, once mounted as a placeholder: show builds it, and
// updates the part alone when called in a dispatch of ctx.
func (c *laterPanel) OnReady(h func(ctx app.Context, name string, show func())) *laterPanel {
	c.onReady = h
	return c
}

func (c *laterPanel) OnMount(ctx app.Context) {
	if c.shown || !app.IsClient || c.onReady == nil {
		return
	}
	// The box's height goes through its style object: the site's Content-Security-Policy
	// refuses style attributes, not the CSS object model.
	box := ctx.JSSrc().Get("style")
	if c.heightPx > 0 && c.copyHTML == "" {
		box.Call("setProperty", "min-height", strconv.Itoa(c.heightPx)+"px")
	}
	c.onReady(ctx, c.name, func() {
		box.Call("removeProperty", "min-height") // a part whose root is a div too is updated in place
		c.shown = true
	})
}

func (c *laterPanel) Render() app.UI {
	if c.Icontent == nil {
		return app.Div()
	}
	if c.shown || !app.IsClient {
		return c.Icontent()
	}
	if tag, rest, ok := strings.Cut(c.copyHTML, " "); ok && strings.HasPrefix(tag, "<") {
		return app.Raw(tag + ` inert data-later="` + c.name + `" ` + rest)
	}
	return app.Div().Class(c.class+" later-placeholder").DataSet("later", c.name).Aria("busy", true).Body(
		app.P().Class("later-note").Text("Loading…"),
	)
}
