package main

import (
	"strings"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// loopPresetPicker fills a scenario's leverage loop from a lending market of the preset library:
// its liquidation threshold and penalty and its borrow rate, with the sources, their dates and
// the figures that could not be confirmed, as the layer's preset picker shows them.
type loopPresetPicker struct {
	app.Compo

	Iid        string
	Ilibrary   calc.Library
	IbuildDate time.Time // the build's day; zero when unknown
	IonPick    func(ctx app.Context, lp calc.LoopPreset)

	chosen string // the loop preset whose details are shown
}

func newLoopPresetPicker() *loopPresetPicker { return &loopPresetPicker{} }

func (p *loopPresetPicker) ID(v string) *loopPresetPicker            { p.Iid = v; return p }
func (p *loopPresetPicker) Library(v calc.Library) *loopPresetPicker { p.Ilibrary = v; return p }
func (p *loopPresetPicker) BuildDate(v time.Time) *loopPresetPicker  { p.IbuildDate = v; return p }
func (p *loopPresetPicker) OnPick(h func(app.Context, calc.LoopPreset)) *loopPresetPicker {
	p.IonPick = h
	return p
}

func (p *loopPresetPicker) Render() app.UI {
	if len(p.Ilibrary.Loops) == 0 {
		return app.Div()
	}
	selectID := p.Iid + "-select"
	options := []fieldOption{{"", "Choose a lending market…"}}
	for _, lp := range p.Ilibrary.Loops {
		options = append(options, fieldOption{lp.ID, lp.Label})
	}
	lp, ok := p.Ilibrary.Loop(p.chosen)
	return app.Div().ID(p.Iid).Class("preset-picker").Body(
		app.Div().Class("field").Body(
			app.Label().For(selectID).Class("field-label").Text("Fill the loop from a lending market"),
			newFieldInput().ID(selectID).Select(options...).Value(p.chosen).DescribedBy(p.Iid+"-details").
				OnText(func(ctx app.Context, v string) { p.chosen = v }),
		),
		app.Div().ID(p.Iid+"-details").Class("preset-details").Aria("live", "polite").Body(
			app.If(ok, func() app.UI { return p.details(lp) }),
		),
	)
}

// details shows where the market's figures come from, which could not be confirmed, and
// whether they are old.
func (p *loopPresetPicker) details(lp calc.LoopPreset) app.UI {
	stale := ""
	if !p.IbuildDate.IsZero() {
		stale = p.Ilibrary.StaleReason(calc.Preset{Date: lp.Date, Changes: lp.Changes}, p.IbuildDate)
	}
	return app.Div().Body(
		app.If(lp.Example, func() app.UI {
			return app.P().ID(p.Iid+"-example").Class("preset-example").Body(
				app.Span().Class("badge").Text("example"),
				app.Text(" Not checked against a source: "+loopFigureNames(lp.Unconfirmed)+". Put in your own figures."),
			)
		}),
		app.If(stale != "", func() app.UI {
			return app.P().ID(p.Iid + "-stale").Class("status stale").Role("status").Text(stale)
		}),
		sourceList(p.Iid+"-sources", lp.Sources, lp.Date),
		app.P().Class("field-hint").Text(lp.Notes),
		app.Button().Type("button").ID(p.Iid+"-fill").Class("add").
			Text("Fill the loop with "+lp.Label).OnClick(p.onFill),
	)
}

// loopFigureNames lists a loop's field names as the page labels them.
func loopFigureNames(fields []string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = strings.ReplaceAll(f, "_", " ")
		if in, ok := inputNamed(loopInputs, f); ok {
			names[i] = in.labelText()
		}
	}
	return strings.Join(names, ", ")
}

func (p *loopPresetPicker) onFill(ctx app.Context, e app.Event) {
	if lp, ok := p.Ilibrary.Loop(p.chosen); ok && p.IonPick != nil {
		p.IonPick(ctx, lp)
	}
}

// presetDraftLoop returns the loop of lp as the text a user would type, written and read back
// through the scenario file like every other draft.
func presetDraftLoop(lp calc.LoopPreset) draftLoop {
	loop := lp.Loop
	s := calc.Set{Version: 2, Amount: mustDecimal("1"), Days: 1, Scenarios: []calc.Scenario{{Name: "loop", Loop: &loop,
		Layers: []calc.Layer{{Name: "layer", Payout: calc.Compound, Reinvest: true}}}}}
	return draftFromSet(s).scenarios[0].loop
}

// loopPresets is the scenario editor's picker of lending markets for its loop.
func (e *scenarioEditor) loopPresets() app.UI {
	lib, err := shippedLibrary()
	if err != nil {
		return app.P().Class("field-error").Text("The presets could not be read: " + err.Error())
	}
	buildDate, _ := parseBuildDate(app.Getenv(buildDateEnv))
	return newLoopPresetPicker().ID(e.id("loop-preset")).Library(lib).BuildDate(buildDate).OnPick(e.onPickLoop)
}

// onPickLoop fills the scenario's loop from a lending market, adding the loop if there was none.
func (e *scenarioEditor) onPickLoop(ctx app.Context, lp calc.LoopPreset) {
	s := e.Iscenario
	s.loop = presetDraftLoop(lp)
	s.loop.on, s.loopOpen = true, true
	e.report(ctx, s)
}
