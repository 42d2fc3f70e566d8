package main

import (
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// layerEditor edits one layer of a stack. The everyday fields are always shown; claims, swap
// costs, lock-up, risk and the note fold behind a "more" toggle, which opens by itself when one
// of them has a problem.
type layerEditor struct {
	app.Compo

	Iscenario int // the scenario's index, for ids and error paths
	Iindex    int // the layer's index in its stack, bottom first
	Icount    int // layers in the stack
	Ilayer    draftLayer
	Iasset    string            // what gas is paid in
	IgasGwei  string            // the gas price as typed, for filling the layer from a preset
	Ierrors   map[string]string // the engine's messages by field path
	IonChange func(ctx app.Context, index int, l draftLayer)
	IonRemove func(ctx app.Context, index int)
	IonMove   func(ctx app.Context, index, to int)
}

func newLayerEditor() *layerEditor {
	return &layerEditor{}
}

// Position sets where the layer sits: scenario index, layer index and the stack's size.
func (e *layerEditor) Position(scenario, index, count int) *layerEditor {
	e.Iscenario, e.Iindex, e.Icount = scenario, index, count
	return e
}

func (e *layerEditor) Layer(v draftLayer) *layerEditor {
	e.Ilayer = v
	return e
}

func (e *layerEditor) Asset(v string) *layerEditor {
	e.Iasset = v
	return e
}

// GasPrice sets the gas price in gwei, as typed, at which a preset's gas units are converted.
func (e *layerEditor) GasPrice(v string) *layerEditor {
	e.IgasGwei = v
	return e
}

func (e *layerEditor) Errors(v map[string]string) *layerEditor {
	e.Ierrors = v
	return e
}

func (e *layerEditor) OnChange(h func(ctx app.Context, index int, l draftLayer)) *layerEditor {
	e.IonChange = h
	return e
}

func (e *layerEditor) OnRemove(h func(ctx app.Context, index int)) *layerEditor {
	e.IonRemove = h
	return e
}

func (e *layerEditor) OnMove(h func(ctx app.Context, index, to int)) *layerEditor {
	e.IonMove = h
	return e
}

func (e *layerEditor) path(field string) string {
	return layerPath(e.Iscenario, e.Iindex) + "." + field
}

func (e *layerEditor) id(field string) string {
	return layerID(e.Iscenario, e.Iindex) + "-" + field
}

// place is where the layer's inputs are: their ids, paths, messages and units.
func (e *layerEditor) place() inputPlace {
	return inputPlace{idPrefix: e.id(""), scenario: e.Iscenario, layer: e.Iindex, errors: e.Ierrors,
		asset: assetLabel(e.Iasset)}
}

// current is the layer as the editor holds it now, for the inputs to change.
func (e *layerEditor) current() draftLayer {
	return e.Ilayer
}

// foldedInputs are the inputs behind the "more" toggle: the claim settings only while rewards
// are claimed.
func foldedInputs(l draftLayer) []pageInput[draftLayer] {
	var out []pageInput[draftLayer]
	for _, in := range layerInputs {
		if in.fold == foldedAway || in.fold == withClaims && l.claim {
			out = append(out, in)
		}
	}
	return out
}

func (e *layerEditor) Render() app.UI {
	l := e.Ilayer
	asset := assetLabel(e.Iasset)
	title := l.name
	if title == "" {
		title = "unnamed"
	}
	open := l.more || e.foldedProblem()
	moreID := e.id("more")
	moreLabel := "More: claims, swap costs, lock-up, risk"
	if n := e.foldedSet(); n > 0 {
		moreLabel += " (" + strconv.Itoa(n) + " set)"
	}

	body := []app.UI{
		app.Div().Class("layer-head").Body(
			app.H4().ID(e.id("title")).Class("layer-title").Body(
				app.Span().Class("layer-number").Text(strconv.Itoa(e.Iindex+1)+". "),
				app.Text(title),
			),
			app.Div().Class("tools").Body(
				app.Button().Type("button").ID(e.id("up")).Class("icon").
					Disabled(e.Iindex == 0).
					Title("Move "+title+" up, earlier in the stack").
					Body(iconLabel("↑", "Move "+title+" up")).OnClick(e.onMove(-1)),
				app.Button().Type("button").ID(e.id("down")).Class("icon").
					Disabled(e.Iindex == e.Icount-1).
					Title("Move "+title+" down, later in the stack").
					Body(iconLabel("↓", "Move "+title+" down")).OnClick(e.onMove(1)),
				app.Button().Type("button").ID(e.id("remove")).Class("icon danger").
					Disabled(e.Icount <= 1).
					Title("Remove "+title).
					Body(iconLabel("×", "Remove "+title)).OnClick(e.onRemove),
			),
		),
		app.Button().Type("button").ID(e.id("presets-toggle")).Class("link presets-toggle").
			Aria("expanded", l.presets).
			Aria("controls", e.id("presets")).
			Text(map[bool]string{true: "Close the presets", false: "Fill from a preset…"}[l.presets]).
			OnClick(e.onTogglePresets),
		app.Div().ID(e.id("presets")).Class("layer-presets").Body(
			app.If(l.presets, func() app.UI { return e.presetPicker(l, asset) }),
		),
	}
	body = append(body, inputLines(inputsOn(layerInputs, alwaysShown), e.current, e.place(), e.report, nil)...)
	body = append(body,
		app.Button().Type("button").ID(e.id("more-toggle")).Class("more-toggle").
			Aria("expanded", open).
			Aria("controls", moreID).
			Body(
				app.Span().Class("more-sign").Aria("hidden", "true").Text(map[bool]string{true: "−", false: "+"}[open]),
				app.Text(moreLabel),
			).
			OnClick(e.onToggleMore),
		app.Div().ID(moreID).Class("layer-more").Hidden(!open).Body(
			app.If(open, func() app.UI {
				return app.Div().Body(inputLines(foldedInputs(l), e.current, e.place(), e.report, nil)...)
			}),
		),
		e.rewardFold(l, asset),
		newFieldError().ID(e.id("error")).Message(e.Ierrors[layerPath(e.Iscenario, e.Iindex)]),
	)
	return app.Div().Class("layer").ID(layerID(e.Iscenario, e.Iindex)).Role("group").
		Aria("labelledby", e.id("title")).Body(body...)
}

// iconLabel is a button's content: a glyph to see and its words for everyone else.
func iconLabel(glyph, words string) app.UI {
	return app.Span().Body(
		app.Span().Aria("hidden", "true").Text(glyph),
		app.Span().Class("visually-hidden").Text(words),
	)
}

// presetPicker is the preset library's picker for this layer; it is built only while open, as
// its list is long.
func (e *layerEditor) presetPicker(l draftLayer, asset string) app.UI {
	lib, err := shippedLibrary()
	if err != nil {
		return app.P().Class("field-error").Text("The presets could not be read: " + err.Error())
	}
	buildDate, _ := parseBuildDate(app.Getenv(buildDateEnv))
	return newPresetPicker().ID(e.id("preset")).
		Library(lib).
		Selected(l.preset).
		GasGwei(e.IgasGwei).
		Asset(asset).
		BuildDate(buildDate).
		OnPick(e.onPickPreset)
}

// foldedProblem reports whether a folded field has a problem, so that it is not hidden.
func (e *layerEditor) foldedProblem() bool {
	for _, in := range layerInputs {
		if (in.fold == foldedAway || in.fold == withClaims) && e.Ierrors[in.path(e.Iscenario, e.Iindex)] != "" {
			return true
		}
	}
	return false
}

// foldedSet counts the folded settings that differ from their defaults, for the toggle's label.
func (e *layerEditor) foldedSet() int {
	l := e.Ilayer
	n := 0
	for _, in := range inputsOn(layerInputs, foldedAway) {
		if !in.isDefault(in.get(&l)) {
			n++
		}
	}
	return n
}

func (e *layerEditor) report(ctx app.Context, l draftLayer) {
	if e.IonChange != nil {
		e.IonChange(ctx, e.Iindex, l)
	}
}

func (e *layerEditor) onTogglePresets(ctx app.Context, ev app.Event) {
	l := e.Ilayer
	l.presets = !l.presets
	e.report(ctx, l)
}

// onPickPreset fills the layer from the preset, its gas converted at the gas price typed; a gas
// price that is not a number counts as none.
func (e *layerEditor) onPickPreset(ctx app.Context, pr calc.Preset) {
	gwei, _ := draftSet{gasPriceGwei: e.IgasGwei}.gasPrice()
	l := presetDraftLayer(e.Ilayer, pr, gwei)
	l.presets = e.Ilayer.presets
	e.report(ctx, l)
}

func (e *layerEditor) onToggleMore(ctx app.Context, ev app.Event) {
	l := e.Ilayer
	l.more = !(l.more || e.foldedProblem())
	e.report(ctx, l)
}

func (e *layerEditor) onMove(delta int) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		if e.IonMove != nil {
			e.IonMove(ctx, e.Iindex, e.Iindex+delta)
		}
	}
}

func (e *layerEditor) onRemove(ctx app.Context, ev app.Event) {
	if e.IonRemove != nil {
		e.IonRemove(ctx, e.Iindex)
	}
}

// layerPath is the scenario file's path of a layer, as the engine's errors name it.
func layerPath(scenario, layer int) string {
	return scenarioPath(scenario) + ".layers[" + strconv.Itoa(layer) + "]"
}

// layerID is the id of a layer's editor; its fields' ids add "-" and the field's name.
func layerID(scenario, layer int) string {
	return scenarioID(scenario) + "-l" + strconv.Itoa(layer)
}
