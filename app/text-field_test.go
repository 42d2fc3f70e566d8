//go:build !wasm

package main

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestTextFieldLabelsTheInputWithItsUnit(t *testing.T) {
	f := newTextField().ID("s0-l0-apr").Label("APR").Unit("% per year").Value("3.2").Decimal()
	e := app.NewTestEngine()
	if err := e.Load(f); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		path []int
		want app.UI
	}{
		{[]int{0, 0}, app.Label().For("s0-l0-apr").Class("field-label")},
		{[]int{0, 0, 0}, app.Text("APR")},
		{[]int{0, 0, 1}, app.Span().Class("visually-hidden")},
		{[]int{0, 0, 1, 0}, app.Text(" (% per year)")},
		{[]int{0, 1, 0, 0}, app.Input().ID("s0-l0-apr").Type("text").Value("3.2").AutoComplete(false).Spellcheck(false).
			Aria("invalid", false).Aria("describedby", "s0-l0-apr-error").Attr("inputmode", "decimal").
			OnInput(func(app.Context, app.Event) {})},
		{[]int{0, 1, 1}, app.Span().Class("field-unit").Aria("hidden", "true")},
	}
	for _, c := range checks {
		if err := app.Match(c.want, f, c.path...); err != nil {
			t.Errorf("Match(%v) = %v", c.path, err)
		}
	}
}

func TestTextFieldShowsTheProblemAndKeepsTheText(t *testing.T) {
	f := newTextField().ID("days").Label("Horizon").Unit("days").Value("3,650").Hint("= 10 years").
		Error(`must be a whole number between 1 and 36500 (you typed "3,650")`)
	e := app.NewTestEngine()
	if err := e.Load(f); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		path []int
		want app.UI
	}{
		{[]int{0}, app.Div().Class("field invalid")},
		{[]int{0, 1, 0, 0}, app.Input().ID("days").Type("text").Value("3,650").AutoComplete(false).Spellcheck(false).
			Aria("invalid", true).Aria("describedby", "days-hint days-error").
			OnInput(func(app.Context, app.Event) {})},
		{[]int{0, 3, 0}, app.P().ID("days-error").Class("field-error")},
		{[]int{0, 3, 0, 1}, app.Text(`Horizon must be a whole number between 1 and 36500 (you typed "3,650")`)},
	}
	for _, c := range checks {
		if err := app.Match(c.want, f, c.path...); err != nil {
			t.Errorf("Match(%v) = %v", c.path, err)
		}
	}
}

func TestFieldErrorIsHiddenWhenFine(t *testing.T) {
	f := newFieldError().ID("x-error")
	e := app.NewTestEngine()
	if err := e.Load(f); err != nil {
		t.Fatal(err)
	}
	if err := app.Match(app.P().ID("x-error").Class("field-error").Hidden(true), f, 0); err != nil {
		t.Errorf("Match = %v", err)
	}
}

var horizonHintTests = []struct {
	days, want string
}{
	{"365", "= 1 year"},
	{"3650", "= 10 years"},
	{"30", "≈ 1 month"},
	{"182", "≈ 6 months"},
	{"45", "≈ 1.5 months"},
	{"500", "≈ 1.4 years"},
	{"abc", "Whole days, e.g. 365 for a year."},
	{"0", "Whole days, e.g. 365 for a year."},
}

func TestHorizonHint(t *testing.T) {
	for _, tt := range horizonHintTests {
		if got := horizonHint(tt.days); got != tt.want {
			t.Errorf("horizonHint(%q) = %q, want %q", tt.days, got, tt.want)
		}
	}
}
