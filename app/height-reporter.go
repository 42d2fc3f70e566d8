package main

import (
	"math"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// heightMessageType is the type of the only message the widget sends (SPEC section 6).
const heightMessageType = "restake-calc:height"

// heightReporter tells the page that embeds the widget how tall the widget's document is, so
// that the host can size its iframe to show it whole without a scroll bar. It posts
// {"type": "restake-calc:height", "height": N} to window.parent, with N the document's height in
// CSS pixels rounded up, each time N changes; it does nothing when the page is not in a frame.
//
// It is safe for any host: it reads nothing from the parent (posting a message to another
// origin's window is allowed; reading from it is not, and is never tried), sends nothing else,
// and never navigates the parent. targetOrigin "*" is right for a message that says nothing
// but a height.
//
// The document is watched with a ResizeObserver on the root element; where there is none, a
// MutationObserver checks the height after every change the page's renders make to the
// document, and a resize of the frame checks it too.
type heightReporter struct {
	app.Compo

	heights  heightChanges
	observer app.Value // the ResizeObserver or MutationObserver, nil when not observing
	onResize app.Func  // the observer's callback, and the window's resize listener's
}

func newHeightReporter() *heightReporter {
	return &heightReporter{}
}

// Render writes nothing into the page: the reporter is a mechanism, not a view.
func (r *heightReporter) Render() app.UI {
	return app.Span().Hidden(true).Class("height-reporter")
}

func (r *heightReporter) OnMount(ctx app.Context) {
	ctx.PreventUpdate() // it draws nothing
	if !app.IsClient {
		return
	}
	win := app.Window()
	parent := win.Get("parent")
	if !parent.Truthy() || parent.Equal(win) {
		return // not in a frame: nobody to tell
	}
	root := win.Get("document").Get("documentElement")
	r.onResize = app.FuncOf(func(this app.Value, args []app.Value) any {
		r.report(parent, root)
		return nil
	})
	if ro := win.Get("ResizeObserver"); ro.Truthy() {
		r.observer = ro.New(r.onResize)
		r.observer.Call("observe", root)
	} else if mo := win.Get("MutationObserver"); mo.Truthy() {
		r.observer = mo.New(r.onResize)
		r.observer.Call("observe", root, map[string]any{
			"subtree": true, "childList": true, "attributes": true, "characterData": true,
		})
	}
	win.Call("addEventListener", "resize", r.onResize)
	r.report(parent, root)
}

func (r *heightReporter) OnDismount() {
	if r.onResize == nil {
		return
	}
	if r.observer != nil {
		r.observer.Call("disconnect")
		r.observer = nil
	}
	app.Window().Call("removeEventListener", "resize", r.onResize)
	r.onResize.Release()
	r.onResize = nil
}

// report posts the document's height to parent when it differs from the last one posted.
func (r *heightReporter) report(parent, root app.Value) {
	px := root.Call("getBoundingClientRect").Get("height").Float()
	if h, changed := r.heights.next(px); changed {
		parent.Call("postMessage", heightMessage(h), "*")
	}
}

// heightMessage is the message that says the document is height CSS pixels tall.
func heightMessage(height int) map[string]any {
	return map[string]any{"type": heightMessageType, "height": height}
}

// heightChanges turns measured heights into the whole pixels worth reporting: each one once, and
// only when it differs from the last reported.
type heightChanges struct {
	last int // 0 before the first report
}

// next takes a height measured in CSS pixels and returns it rounded up to whole pixels (an iframe
// a fraction too short shows a scroll bar), and whether it is news.
func (c *heightChanges) next(px float64) (int, bool) {
	if math.IsNaN(px) || px <= 0 {
		return c.last, false
	}
	h := int(math.Ceil(px))
	if h == c.last {
		return h, false
	}
	c.last = h
	return h, true
}
