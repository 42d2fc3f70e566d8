package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// fieldInput is the one element that every input, select and checkbox showing a scenario-file
// field is built with: what it shows is the value it is given, after every render, whatever the
// same element showed before.
//
// go-app v10.1.11 cannot take a value back to empty: attributes.Set (pkg/app/attribute.go)
// switches on the attribute's value where it means its name, so Value("") is never stored, the
// element's value property is left as it was, and an input keeps the text of the pre-rendered
// examples or of the field that sat in the same element before a scenario was removed. A
// checkbox's checked and an option's selected are properties too, which removing the attribute
// does not change, and go-app pre-renders false as checked="false" or selected="false", which
// HTML reads as true. So fieldInput writes only non-empty values and true booleans as attributes
// (they are what the pre-rendered page shows), and sets the element's value or checked property
// itself whenever it is mounted or rendered anew and the element shows something else.
type fieldInput struct {
	app.Compo

	Ikind        fieldInputKind
	Iid          string
	Ipath        string // the field's path in the scenario file: the data-path hook (SPEC section 6)
	Ivalue       string // the text, or the chosen option's value
	Ichecked     bool
	Ioptions     []fieldOption
	Iplaceholder string
	Imode        string // the inputmode: "decimal", "numeric" or ""
	IdescribedBy string
	Iinvalid     bool
	IonText      func(ctx app.Context, text string)
	IonCheck     func(ctx app.Context, checked bool)
}

// fieldInputKind is what element a fieldInput is.
type fieldInputKind int

const (
	textInput fieldInputKind = iota
	checkboxInput
	selectInput
)

// fieldOption is one choice of a select: the value the file holds and the words shown.
type fieldOption struct {
	value, label string
}

// newFieldInput returns a text input.
func newFieldInput() *fieldInput {
	return &fieldInput{}
}

func (f *fieldInput) ID(v string) *fieldInput {
	f.Iid = v
	return f
}

// Path sets the field's path in the scenario file, as errors name it: "amount",
// "scenarios[1].layers[0].fee".
func (f *fieldInput) Path(v string) *fieldInput {
	f.Ipath = v
	return f
}

// Value sets the text shown, or the chosen option of a select; "" shows the placeholder.
func (f *fieldInput) Value(v string) *fieldInput {
	f.Ivalue = v
	return f
}

// Checkbox makes the input a checkbox, ticked or not.
func (f *fieldInput) Checkbox(checked bool) *fieldInput {
	f.Ikind, f.Ichecked = checkboxInput, checked
	return f
}

// Select makes the input a select of these options.
func (f *fieldInput) Select(options ...fieldOption) *fieldInput {
	f.Ikind, f.Ioptions = selectInput, options
	return f
}

func (f *fieldInput) Placeholder(v string) *fieldInput {
	f.Iplaceholder = v
	return f
}

// Mode sets the keyboard phones show: "decimal", "numeric" or "" for text.
func (f *fieldInput) Mode(v string) *fieldInput {
	f.Imode = v
	return f
}

// DescribedBy sets the ids of the hint and error that describe the input.
func (f *fieldInput) DescribedBy(v string) *fieldInput {
	f.IdescribedBy = v
	return f
}

func (f *fieldInput) Invalid(v bool) *fieldInput {
	f.Iinvalid = v
	return f
}

// OnText sets the callback that gets the text of a text input at every keystroke, or the
// value of the option chosen in a select.
func (f *fieldInput) OnText(h func(ctx app.Context, text string)) *fieldInput {
	f.IonText = h
	return f
}

// OnCheck sets the callback that gets a checkbox's new state.
func (f *fieldInput) OnCheck(h func(ctx app.Context, checked bool)) *fieldInput {
	f.IonCheck = h
	return f
}

func (f *fieldInput) Render() app.UI {
	switch f.Ikind {
	case checkboxInput:
		input := app.Input().Type("checkbox").ID(f.Iid).OnChange(f.onChange)
		if f.Ichecked {
			input = input.Checked(true)
		}
		return f.common(input)
	case selectInput:
		return f.common(app.Select().ID(f.Iid).OnChange(f.onChange).Body(
			app.Range(f.Ioptions).Slice(func(i int) app.UI {
				o := f.Ioptions[i]
				option := app.Option().Value(o.value).Text(o.label)
				if o.value == f.Ivalue {
					option = option.Selected(true)
				}
				return option
			}),
		))
	}
	input := app.Input().Type("text").ID(f.Iid).
		Value(f.Ivalue).
		AutoComplete(false).
		Spellcheck(false).
		OnInput(f.onInput)
	if f.Imode != "" {
		input = input.Attr("inputmode", f.Imode)
	}
	if f.Iplaceholder != "" {
		input = input.Placeholder(f.Iplaceholder)
	}
	return f.common(input)
}

// common adds what every kind carries: the data-path hook and the accessibility attributes.
func (f *fieldInput) common(e app.HTML) app.UI {
	attrs := map[string]string{"aria-invalid": strconv.FormatBool(f.Iinvalid)}
	if f.Ipath != "" {
		attrs["data-path"] = f.Ipath
	}
	if f.IdescribedBy != "" {
		attrs["aria-describedby"] = f.IdescribedBy
	}
	switch e := e.(type) {
	case app.HTMLInput:
		for k, v := range attrs {
			e = e.Attr(k, v)
		}
		return e
	case app.HTMLSelect:
		for k, v := range attrs {
			e = e.Attr(k, v)
		}
		return e
	}
	return e
}

// OnMount and OnUpdate make the element show the value it was given: see fieldInput.
//
// Mounting changes nothing the page draws: without PreventUpdate, every input mounted would
// have go-app draw the whole page again.
func (f *fieldInput) OnMount(ctx app.Context) {
	f.show()
	ctx.PreventUpdate()
}

func (f *fieldInput) OnUpdate(ctx app.Context) {
	// After the update reaches the element: a select's options may change with it.
	ctx.Defer(func(app.Context) { f.show() })
}

// show sets the element's value or checked property when it differs from the one given. It
// writes nothing when they agree: setting an input's value moves its caret.
func (f *fieldInput) show() {
	if !app.IsClient {
		return
	}
	el := f.JSValue()
	if el == nil || !el.Truthy() {
		return
	}
	if f.Ikind == checkboxInput {
		if el.Get("checked").Bool() != f.Ichecked {
			el.Set("checked", f.Ichecked)
		}
		return
	}
	if el.Get("value").String() != f.Ivalue {
		el.Set("value", f.Ivalue)
	}
}

func (f *fieldInput) onInput(ctx app.Context, e app.Event) {
	if f.IonText != nil {
		f.IonText(ctx, ctx.JSSrc().Get("value").String())
	}
}

func (f *fieldInput) onChange(ctx app.Context, e app.Event) {
	switch {
	case f.Ikind == checkboxInput && f.IonCheck != nil:
		f.IonCheck(ctx, ctx.JSSrc().Get("checked").Bool())
	case f.Ikind == selectInput && f.IonText != nil:
		f.IonText(ctx, ctx.JSSrc().Get("value").String())
	}
}
