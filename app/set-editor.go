package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// horizonPresets are the horizon helper's buttons: a months/years figure turned into days.
var horizonPresets = []struct {
	label string
	days  int
}{
	{"1 month", 30},
	{"6 months", 182},
	{"1 year", 365},
	{"2 years", 730},
	{"5 years", 1825},
	{"10 years", 3650},
}

// setEditor edits what all scenarios share: the starting amount and asset, the horizon and the
// fiat price. It reports the whole changed draft through OnChange; the page keeps its scenarios.
type setEditor struct {
	app.Compo

	Iset      draftSet
	Ierrors   map[string]string // the engine's messages by field path
	IonChange func(ctx app.Context, d draftSet)

	IwithoutVisitors bool // the amount and the horizon are elsewhere
}

func newSetEditor() *setEditor {
	return &setEditor{}
}

func (e *setEditor) Set(v draftSet) *setEditor {
	e.Iset = v
	return e
}

func (e *setEditor) Errors(v map[string]string) *setEditor {
	e.Ierrors = v
	return e
}

func (e *setEditor) OnChange(h func(ctx app.Context, d draftSet)) *setEditor {
	e.IonChange = h
	return e
}

// WithoutVisitorInputs leaves out the amount and the horizon, for the widget, which shows them
// on top (embedLockedInputs).
func (e *setEditor) WithoutVisitorInputs() *setEditor {
	e.IwithoutVisitors = true
	return e
}

func (e *setEditor) Render() app.UI {
	d := e.Iset
	rows := inputsOn(setInputs, alwaysShown)
	if e.IwithoutVisitors {
		var others []pageInput[draftSet]
		for _, in := range rows {
			if !in.visitor {
				others = append(others, in)
			}
		}
		rows = others
	}
	asset := assetLabel(d.asset)
	currency := d.currency
	if strings.TrimSpace(currency) == "" {
		currency = "USD"
	}
	at := inputPlace{errors: e.Ierrors, asset: asset, currency: currency}
	return app.Div().Class("set-editor").Body(
		inputLines(rows, e.current, at, e.report, map[string]app.UI{
			"horizon": horizonPresetButtons(d.days, e.onPreset),
			"fiat": newTextField().ID("gas-price").Label("Gas price").Unit("gwei").Decimal().
				Value(d.gasPriceGwei).Error(gasPriceProblem(d)).
				Hint("Turns a preset's gas units into " + asset + " when a layer is filled from it. Layers already filled keep their gas: fill them again to price it anew.").
				OnInput(e.change(func(d *draftSet, v string) { d.gasPriceGwei = v })),
		})...,
	)
}

// current is the draft as the editor holds it now, for the inputs to change.
func (e *setEditor) current() draftSet {
	return e.Iset
}

// change returns an input callback that writes the typed text with set and reports the draft.
func (e *setEditor) change(set func(d *draftSet, text string)) func(app.Context, string) {
	return func(ctx app.Context, text string) {
		d := e.Iset
		set(&d, text)
		e.report(ctx, d)
	}
}

func (e *setEditor) onPreset(days string) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		d := e.Iset
		d.days = days
		e.report(ctx, d)
	}
}

func (e *setEditor) report(ctx app.Context, d draftSet) {
	if e.IonChange != nil {
		e.IonChange(ctx, d)
	}
}

// horizonPresetButtons are the "1 month … 10 years" buttons beside a horizon whose text is
// typedDays; onPick gives each button's handler for its number of days.
func horizonPresetButtons(typedDays string, onPick func(days string) app.EventHandler) app.UI {
	return app.Div().Class("horizon-presets").Role("group").Aria("label", "Set the horizon to").Body(
		app.Range(horizonPresets).Slice(func(i int) app.UI {
			p := horizonPresets[i]
			days := strconv.Itoa(p.days)
			return app.Button().Type("button").Class("chip").
				Aria("pressed", strings.TrimSpace(typedDays) == days).
				Title(days + " days").
				Text(p.label).
				OnClick(onPick(days))
		}),
	)
}

// gasPriceProblem says what is wrong with the gas price as typed, "" when nothing is. The gas
// price is the page's own setting, not part of the scenario file, so the page checks it.
func gasPriceProblem(d draftSet) string {
	if _, ok := d.gasPrice(); ok || strings.TrimSpace(d.gasPriceGwei) == "" {
		return ""
	}
	return "must be a number of gwei, 0 or more (you typed " + strconv.Quote(d.gasPriceGwei) + ")"
}

// assetLabel is the asset's symbol as typed, or the default when the field is empty.
func assetLabel(typed string) string {
	if s := strings.TrimSpace(typed); s != "" {
		return s
	}
	return "ETH"
}

// horizonHint says the horizon in months or years, so that nobody has to divide by 365.
func horizonHint(typed string) string {
	days, err := strconv.Atoi(strings.TrimSpace(typed))
	if err != nil || days <= 0 {
		return "Whole days, e.g. 365 for a year."
	}
	years := float64(days) / 365
	switch {
	case days%365 == 0:
		if days == 365 {
			return "= 1 year"
		}
		return "= " + strconv.Itoa(days/365) + " years"
	case days < 365:
		return "≈ " + roughly(float64(days)/(365.0/12), "month")
	default:
		return "≈ " + roughly(years, "year")
	}
}

// roughly writes n to one decimal place, without ".0", and the unit in the right number.
func roughly(n float64, unit string) string {
	s := strings.TrimSuffix(strconv.FormatFloat(n, 'f', 1, 64), ".0")
	if s != "1" {
		unit += "s"
	}
	return s + " " + unit
}
