package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// embedHeader is the widget's only chrome: the set's title and a small link that opens the
// same scenarios in the full calculator, in a new tab (the host's page stays as it is).
type embedHeader struct {
	app.Compo

	Ititle   string
	IfullURL string // the full calculator's URL with the scenarios' share link
	Ilocked  bool
}

func newEmbedHeader() *embedHeader {
	return &embedHeader{}
}

// Title sets the scenario set's title, shown with the product's name; "" for none.
func (h *embedHeader) Title(v string) *embedHeader {
	h.Ititle = v
	return h
}

// FullURL sets where the link goes: see fullCalculatorURL.
func (h *embedHeader) FullURL(v string) *embedHeader {
	h.IfullURL = v
	return h
}

// Locked says that the host's scenarios are read-only but for the amount and the horizon.
func (h *embedHeader) Locked(v bool) *embedHeader {
	h.Ilocked = v
	return h
}

func (h *embedHeader) Render() app.UI {
	return app.Header().Class("embed-header").Body(
		app.H1().Class("embed-title").Body(
			app.Span().Class("product-name").Text(productName),
			app.If(h.Ititle != "", func() app.UI {
				return app.Span().Class("set-title").Body(
					app.Span().Class("visually-hidden").Text(": "),
					app.Text(h.Ititle),
				)
			}),
		),
		app.A().Class("embed-full-link").ID("embed-full-link").
			Href(h.IfullURL).
			Target("_blank").
			Rel("noopener").
			Body(
				app.Text("Open the full calculator"),
				app.Span().Class("visually-hidden").Text(" (opens in a new tab)"),
				app.Span().Aria("hidden", "true").Text(" ↗"),
			),
		app.If(h.Ilocked, func() app.UI {
			return app.P().Class("embed-locked-note").Text(
				"The scenarios are set by this site: change the amount and the horizon here, " +
					"or everything in the full calculator.")
		}),
	)
}
