package main

import (
	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shareLink copies the link of the scenarios on screen: the page's address with the #z=
// fragment (SPEC section 6), the same one the address bar shows once the typing rests. Where
// the browser refuses the clipboard, the link is shown selected in a read-only field, to copy
// by hand.
type shareLink struct {
	app.Compo

	Iset calc.Set // the last valid scenarios: what the figures on screen are for

	status string // what became of the last copy
	byHand string // the link to copy by hand, "" while the clipboard works
}

func newShareLink() *shareLink {
	return &shareLink{}
}

func (s *shareLink) Set(v calc.Set) *shareLink {
	s.Iset = v
	return s
}

func (s *shareLink) Render() app.UI {
	return app.Div().Class("share-link").Body(
		app.Button().Type("button").ID("copy-link").
			Disabled(len(s.Iset.Scenarios) == 0).
			Text("Copy link").
			OnClick(s.onCopy),
		app.Span().ID("copy-link-status").Class("share-status").Role("status").Text(s.status),
		app.If(s.byHand != "", func() app.UI {
			return app.Div().Class("share-by-hand").Body(
				app.Label().For("share-url").Text("Link to these scenarios"),
				app.Input().Type("text").ID("share-url").ReadOnly(true).Value(s.byHand).
					OnFocus(s.onSelect),
			)
		}),
	)
}

// address returns the page's URL with the scenarios' share link as its fragment.
func (s *shareLink) address() (string, error) {
	link, err := calc.EncodeLink(s.Iset)
	if err != nil {
		return "", err
	}
	u := *currentAddress()
	u.Fragment, u.RawFragment = "", ""
	return u.String() + "#" + link, nil
}

func (s *shareLink) onCopy(ctx app.Context, e app.Event) {
	address, err := s.address()
	if err != nil {
		s.status = "This set cannot be shared as a link: " + err.Error() + ". Download the scenario file instead."
		return
	}
	byHand := func(ctx app.Context) {
		s.byHand = address
		s.status = "Copying is not allowed here: the link is selected below, press Ctrl+C (⌘C on a Mac) to copy it."
		ctx.Defer(func(ctx app.Context) {
			if el := app.Window().GetElementByID("share-url"); el.Truthy() {
				el.Call("focus")
				el.Call("select")
			}
		})
	}
	clipboard := app.Window().Get("navigator").Get("clipboard")
	if !clipboard.Truthy() || !clipboard.Get("writeText").Truthy() {
		byHand(ctx)
		return
	}
	whenSettled(clipboard.Call("writeText", address), func(app.Value) {
		ctx.Dispatch(func(ctx app.Context) {
			s.byHand = ""
			s.status = "Copied."
		})
	}, func() {
		ctx.Dispatch(byHand)
	})
}

func (s *shareLink) onSelect(ctx app.Context, e app.Event) {
	e.Get("target").Call("select")
}
