package main

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// summarySpace reserves the summary bar's room at the bottom of the screen: it writes the bar's
// height, as it changes, into the root element's --summary-space, which the style sheet gives
// scroll-padding-bottom, so that a control that gets the focus, or a field the problem list goes
// to, stops above the bar instead of under it (WCAG 2.2, focus not obscured). The bar's height
// changes with the number of scenarios, the screen's width and whether it is shown at all (not
// at 1800 px and more), so it is measured, not assumed. It must come after the bar in the page.
type summarySpace struct {
	app.Compo

	observer app.Value // the ResizeObserver, nil when not observing
	onResize app.Func
	shown    int // the height last written, in CSS pixels
}

func newSummarySpace() *summarySpace {
	return &summarySpace{shown: -1}
}

// Render writes nothing into the page: the space is a mechanism, not a view.
func (s *summarySpace) Render() app.UI {
	return app.Span().Hidden(true).Class("summary-space")
}

func (s *summarySpace) OnMount(ctx app.Context) {
	ctx.PreventUpdate() // it draws nothing
	if !app.IsClient {
		return
	}
	win := app.Window()
	doc := win.Get("document")
	bar := doc.Call("querySelector", ".live-summary")
	ro := win.Get("ResizeObserver")
	if !bar.Truthy() || !ro.Truthy() {
		return
	}
	root := doc.Get("documentElement")
	s.onResize = app.FuncOf(func(this app.Value, args []app.Value) any {
		h := int(math.Ceil(bar.Call("getBoundingClientRect").Get("height").Float()))
		if h != s.shown {
			s.shown = h
			root.Get("style").Call("setProperty", "--summary-space", strconv.Itoa(h)+"px")
		}
		return nil
	})
	// The observer reports the bar's first size itself, once the page is laid out: measuring
	// here would lay out the page just built in the middle of the task that builds it.
	s.observer = ro.New(s.onResize)
	s.observer.Call("observe", bar)
}

func (s *summarySpace) OnDismount() {
	if s.observer != nil {
		s.observer.Call("disconnect")
		s.observer = nil
	}
	if s.onResize != nil {
		s.onResize.Release()
		s.onResize = nil
	}
}
