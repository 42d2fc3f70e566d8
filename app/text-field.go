package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// textField is one labelled input of the scenario file. It shows the user's text as typed, never
// a re-formatted value, its unit after the input, an optional hint and the engine's message when
// the text is not accepted. It reports every keystroke through its OnInput callback.
type textField struct {
	app.Compo

	Iid          string
	Ipath        string // the field's path in the scenario file, for the input's data-path hook
	Ilabel       string
	Iunit        string // shown after the input: "%", "%/yr", "days", "ETH", ...
	IspokenUnit  string // read with the label: "% per year"; Iunit when empty
	Ivalue       string
	Iplaceholder string // the default that applies when the field is left empty
	Ihint        string
	Ierror       string
	Imode        string // the inputmode: "decimal", "numeric" or "" for text
	IonInput     func(ctx app.Context, text string)
}

func newTextField() *textField {
	return &textField{}
}

// ID sets the input's id; the label, hint and error derive theirs from it.
func (f *textField) ID(v string) *textField {
	f.Iid = v
	return f
}

// Path sets the field's path in the scenario file, as errors name it ("amount",
// "scenarios[0].layers[1].fee"): the input's data-path hook.
func (f *textField) Path(v string) *textField {
	f.Ipath = v
	return f
}

func (f *textField) Label(v string) *textField {
	f.Ilabel = v
	return f
}

func (f *textField) Unit(v string) *textField {
	f.Iunit = v
	return f
}

// SpokenUnit sets the unit in words for screen readers, when the shown one is abbreviated.
func (f *textField) SpokenUnit(v string) *textField {
	f.IspokenUnit = v
	return f
}

func (f *textField) Value(v string) *textField {
	f.Ivalue = v
	return f
}

func (f *textField) Placeholder(v string) *textField {
	f.Iplaceholder = v
	return f
}

func (f *textField) Hint(v string) *textField {
	f.Ihint = v
	return f
}

// Error sets the engine's message for this field, "" when it is fine.
func (f *textField) Error(v string) *textField {
	f.Ierror = v
	return f
}

// Mode sets the keyboard phones show: "decimal", "numeric" or "" for text.
func (f *textField) Mode(v string) *textField {
	f.Imode = v
	return f
}

// Decimal asks phones for a keyboard with digits and a decimal point.
func (f *textField) Decimal() *textField {
	f.Imode = "decimal"
	return f
}

// Whole asks phones for a keyboard with digits only.
func (f *textField) Whole() *textField {
	f.Imode = "numeric"
	return f
}

func (f *textField) OnInput(h func(ctx app.Context, text string)) *textField {
	f.IonInput = h
	return f
}

func (f *textField) Render() app.UI {
	describedBy := f.Iid + "-error"
	if f.Ihint != "" {
		describedBy = f.Iid + "-hint " + describedBy
	}
	class := "field"
	if f.Ierror != "" {
		class += " invalid"
	}
	input := newFieldInput().ID(f.Iid).Path(f.Ipath).
		Value(f.Ivalue).
		Placeholder(f.Iplaceholder).
		Mode(f.Imode).
		Invalid(f.Ierror != "").
		DescribedBy(describedBy).
		OnText(f.onInput)
	hint := app.Span().ID(f.Iid + "-hint").Class("field-hint")
	if f.Ihint == "" {
		hint = hint.Hidden(true)
	} else {
		hint = hint.Text(f.Ihint)
	}
	return app.Div().Class(class).Body(
		app.Label().For(f.Iid).Class("field-label").Body(
			app.Text(f.Ilabel),
			// The unit shows after the input; a screen reader hears it with the label.
			app.If(f.spokenUnit() != "", func() app.UI {
				return app.Span().Class("visually-hidden").Text(" (" + f.spokenUnit() + ")")
			}),
		),
		app.Div().Class("field-box").Body(
			input,
			app.Span().Class("field-unit").Aria("hidden", "true").Text(f.Iunit),
		),
		hint,
		newFieldError().ID(f.Iid+"-error").Message(f.errorText()),
	)
}

func (f *textField) spokenUnit() string {
	if f.IspokenUnit != "" {
		return f.IspokenUnit
	}
	return f.Iunit
}

// errorText puts the field's label before the engine's message: "APR must be ...".
func (f *textField) errorText() string {
	if f.Ierror == "" {
		return ""
	}
	return labelled(f.Ilabel, f.Ierror)
}

// labelled starts an engine's message with the field's label: as the sentence's subject where
// the message goes on from one ("APR must be ...", "Name is required ..."), before a colon
// where it stands alone ("Entry gas: the entry costs use up the amount ...").
func labelled(label, msg string) string {
	switch {
	case label == "":
		return msg
	case strings.HasPrefix(msg, "must ") || strings.HasPrefix(msg, "is ") || strings.HasPrefix(msg, "has "):
		return label + " " + msg
	}
	return label + ": " + msg
}

func (f *textField) onInput(ctx app.Context, text string) {
	if f.IonInput != nil {
		f.IonInput(ctx, text)
	}
}
