package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// fieldError is the engine's word on one field, shown under its input. It is always rendered,
// empty when the field is fine, so that the input before it keeps its place in the page (and its
// focus) when a problem appears or goes away. The input points at it with aria-describedby.
type fieldError struct {
	app.Compo

	Iid      string
	Imessage string // plain words, "" when the field is fine
}

func newFieldError() *fieldError {
	return &fieldError{}
}

// ID sets the element's id, which the input names in its aria-describedby.
func (e *fieldError) ID(v string) *fieldError {
	e.Iid = v
	return e
}

// Message sets what is wrong, in plain words; "" shows nothing.
func (e *fieldError) Message(v string) *fieldError {
	e.Imessage = v
	return e
}

func (e *fieldError) Render() app.UI {
	p := app.P().ID(e.Iid).Class("field-error")
	if e.Imessage == "" {
		return p.Hidden(true)
	}
	return p.Body(
		app.Span().Class("field-error-mark").Aria("hidden", "true").Text("!"),
		app.Text(e.Imessage),
	)
}
