package main

import (
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// scenarioEditor edits one scenario: its name, its stack of layers (bottom first) and the cost of
// selling the whole stack at once. It reports every change up; the page owns the draft.
type scenarioEditor struct {
	app.Compo

	Iindex       int // the scenario's index in the set
	Icount       int // scenarios in the set
	Iscenario    draftScenario
	Iasset       string
	IgasGwei     string            // the gas price as typed, for filling layers from presets
	Ierrors      map[string]string // the engine's messages by field path
	IonChange    func(ctx app.Context, index int, s draftScenario)
	IonDuplicate func(ctx app.Context, index int)
	IonRemove    func(ctx app.Context, index int)
	IonMove      func(ctx app.Context, index, to int)
	// IonFocus asks the page to move the focus once an edit that removed or moved the
	// focused control is on screen.
	IonFocus func(ctx app.Context, id string)
}

func newScenarioEditor() *scenarioEditor {
	return &scenarioEditor{}
}

// Position sets the scenario's index and the set's size.
func (e *scenarioEditor) Position(index, count int) *scenarioEditor {
	e.Iindex, e.Icount = index, count
	return e
}

func (e *scenarioEditor) Scenario(v draftScenario) *scenarioEditor {
	e.Iscenario = v
	return e
}

func (e *scenarioEditor) Asset(v string) *scenarioEditor {
	e.Iasset = v
	return e
}

// GasPrice sets the gas price in gwei, as typed, at which presets' gas units are converted.
func (e *scenarioEditor) GasPrice(v string) *scenarioEditor {
	e.IgasGwei = v
	return e
}

func (e *scenarioEditor) Errors(v map[string]string) *scenarioEditor {
	e.Ierrors = v
	return e
}

func (e *scenarioEditor) OnChange(h func(ctx app.Context, index int, s draftScenario)) *scenarioEditor {
	e.IonChange = h
	return e
}

func (e *scenarioEditor) OnDuplicate(h func(ctx app.Context, index int)) *scenarioEditor {
	e.IonDuplicate = h
	return e
}

func (e *scenarioEditor) OnRemove(h func(ctx app.Context, index int)) *scenarioEditor {
	e.IonRemove = h
	return e
}

func (e *scenarioEditor) OnMove(h func(ctx app.Context, index, to int)) *scenarioEditor {
	e.IonMove = h
	return e
}

// OnFocus sets where the editor asks the page to move the focus after an edit that removes or
// moves the focused control.
func (e *scenarioEditor) OnFocus(h func(ctx app.Context, id string)) *scenarioEditor {
	e.IonFocus = h
	return e
}

func (e *scenarioEditor) id(field string) string {
	return scenarioID(e.Iindex) + "-" + field
}

// place is where the scenario's own inputs are: their ids, paths, messages and units.
func (e *scenarioEditor) place() inputPlace {
	return inputPlace{idPrefix: e.id(""), scenario: e.Iindex, errors: e.Ierrors, asset: e.Iasset}
}

// current is the scenario as the editor holds it now, for the inputs to change.
func (e *scenarioEditor) current() draftScenario {
	return e.Iscenario
}

func (e *scenarioEditor) Render() app.UI {
	s := e.Iscenario
	title := s.name
	if title == "" {
		title = "Scenario " + strconv.Itoa(e.Iindex+1)
	}
	n := len(s.layers)
	return app.Section().Class("scenario").ID(scenarioID(e.Iindex)).
		Aria("labelledby", e.id("title")).Body(
		app.Div().Class("scenario-head").Body(
			app.H3().ID(e.id("title")).Class("scenario-title").Body(
				app.Span().Class("scenario-number").Text(strconv.Itoa(e.Iindex+1)),
				app.Text(title),
			),
			app.Span().Class("kind").Text(string(calc.KindOf(n))+", "+plural(n, "layer")),
		),
		app.Div().Class("scenario-fields").Body(
			inputLines(inputsOn(scenarioInputs, alwaysShown), e.current, e.place(), e.report, nil)...,
		),
		app.Div().Class("layers").Body(
			app.Range(s.layers).Slice(func(j int) app.UI {
				return newLayerEditor().
					Position(e.Iindex, j, n).
					Layer(s.layers[j]).
					Asset(e.Iasset).
					GasPrice(e.IgasGwei).
					Errors(e.Ierrors).
					OnChange(e.onLayerChange).
					OnRemove(e.onLayerRemove).
					OnMove(e.onLayerMove)
			}),
		),
		newFieldError().ID(e.id("layers-error")).Message(e.Ierrors[scenarioPath(e.Iindex)+".layers"]),
		app.Button().Type("button").ID(e.id("add-layer")).Class("add").
			Disabled(n >= calc.MaxLayers).
			Text("+ Add a layer on top").
			OnClick(e.onAddLayer),
		app.If(n >= calc.MaxLayers, func() app.UI {
			return app.P().Class("field-hint").Text("A stack holds at most " + strconv.Itoa(calc.MaxLayers) + " layers.")
		}),
		e.loopFold(s),
		app.Button().Type("button").ID(e.id("stress-toggle")).Class("link stress-toggle").
			Aria("expanded", s.stress).
			Aria("controls", e.id("stress-panel")).
			Text(map[bool]string{true: "Close the stress cases", false: "Stress cases from history…"}[s.stress]).
			OnClick(e.onToggleStress),
		app.Div().ID(e.id("stress-panel")).Class("scenario-stress").Body(
			app.If(s.stress, func() app.UI { return e.stressPicker(title) }),
		),
		app.Div().Class("scenario-fields").Body(
			inputLines(inputsOn(scenarioInputs, afterLayers), e.current, e.place(), e.report, nil)...,
		),
		newFieldError().ID(e.id("error")).Message(e.Ierrors[scenarioPath(e.Iindex)]),
		app.Div().Class("scenario-tools").Role("group").Aria("label", "Scenario "+title).Body(
			app.Button().Type("button").ID(e.id("left")).Class("icon").
				Disabled(e.Iindex == 0).
				Title("Move "+title+" left").
				Body(iconLabel("←", "Move "+title+" left")).OnClick(e.onMove(-1)),
			app.Button().Type("button").ID(e.id("right")).Class("icon").
				Disabled(e.Iindex == e.Icount-1).
				Title("Move "+title+" right").
				Body(iconLabel("→", "Move "+title+" right")).OnClick(e.onMove(1)),
			app.Button().Type("button").ID(e.id("duplicate")).
				Disabled(e.Icount >= calc.MaxScenarios).
				Body(app.Text("Duplicate"), app.Span().Class("visually-hidden").Text(" "+title)).
				OnClick(e.onDuplicate),
			app.Button().Type("button").ID(e.id("remove")).Class("danger").
				Disabled(e.Icount <= 1).
				Body(app.Text("Remove"), app.Span().Class("visually-hidden").Text(" "+title)).
				OnClick(e.onRemove),
		),
	)
}

// stressPicker lists the stress cases from history for this scenario; it is built only while
// open, as the list is long.
func (e *scenarioEditor) stressPicker(title string) app.UI {
	lib, err := shippedLibrary()
	if err != nil {
		return app.P().Class("field-error").Text("The stress cases could not be read: " + err.Error())
	}
	return newStressPicker().ID(e.id("stress")).Library(lib).Scenario(title).OnApply(e.onApplyStress)
}

func (e *scenarioEditor) onToggleStress(ctx app.Context, ev app.Event) {
	s := e.Iscenario
	s.stress = !s.stress
	e.report(ctx, s)
}

// onApplyStress sets the stress case's fields in the scenario, as typed text.
func (e *scenarioEditor) onApplyStress(ctx app.Context, c calc.StressCase) {
	e.report(ctx, stressDraftScenario(e.Iscenario, c))
}

func (e *scenarioEditor) report(ctx app.Context, s draftScenario) {
	if e.IonChange != nil {
		e.IonChange(ctx, e.Iindex, s)
	}
}

func (e *scenarioEditor) focus(ctx app.Context, id string) {
	if e.IonFocus != nil {
		e.IonFocus(ctx, id)
	}
}

func (e *scenarioEditor) onLayerChange(ctx app.Context, j int, l draftLayer) {
	e.report(ctx, e.Iscenario.withLayer(j, l))
}

func (e *scenarioEditor) onLayerRemove(ctx app.Context, j int) {
	s := e.Iscenario.removeLayer(j)
	e.report(ctx, s)
	// The layer that took its place, or the one below when the top one went.
	e.focus(ctx, layerID(e.Iindex, min(j, len(s.layers)-1))+"-name")
}

func (e *scenarioEditor) onLayerMove(ctx app.Context, j, to int) {
	s := e.Iscenario.moveLayer(j, to)
	e.report(ctx, s)
	// The same button on the moved layer, unless it is now at the end it moved toward.
	button := "-up"
	if to > j {
		button = "-down"
	}
	if to == 0 {
		button = "-down"
	} else if to == len(s.layers)-1 {
		button = "-up"
	}
	e.focus(ctx, layerID(e.Iindex, to)+button)
}

func (e *scenarioEditor) onAddLayer(ctx app.Context, ev app.Event) {
	s := e.Iscenario.addLayer()
	e.report(ctx, s)
	e.focus(ctx, layerID(e.Iindex, len(s.layers)-1)+"-name")
}

func (e *scenarioEditor) onDuplicate(ctx app.Context, ev app.Event) {
	if e.IonDuplicate != nil {
		e.IonDuplicate(ctx, e.Iindex)
	}
}

func (e *scenarioEditor) onRemove(ctx app.Context, ev app.Event) {
	if e.IonRemove != nil {
		e.IonRemove(ctx, e.Iindex)
	}
}

func (e *scenarioEditor) onMove(delta int) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		if e.IonMove != nil {
			e.IonMove(ctx, e.Iindex, e.Iindex+delta)
		}
	}
}

// scenarioPath is the scenario file's path of a scenario, as the engine's errors name it.
func scenarioPath(i int) string {
	return "scenarios[" + strconv.Itoa(i) + "]"
}

// scenarioID is the id of a scenario's editor; its controls' ids add "-" and a name.
func scenarioID(i int) string {
	return "s" + strconv.Itoa(i)
}

// plural writes n and the noun, with an "s" when n is not 1.
func plural(n int, noun string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
