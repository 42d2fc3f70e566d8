package main

import (
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// layerLabels name a layer's fields in the page, by their name in the scenario file; the problem
// list uses them too.
var layerLabels = map[string]string{
	"name":             "Name",
	"accepts":          "Takes",
	"gives":            "Gives",
	"apr":              "APR",
	"fee":              "Fee",
	"payout":           "Rewards",
	"claim_every":      "Claim every",
	"claim_gas":        "Gas per claim",
	"reinvest":         "Reinvest",
	"entry_gas":        "Entry gas",
	"exit_gas":         "Exit gas",
	"entry_cost":       "Entry swap cost",
	"exit_cost":        "Exit swap cost",
	"lockup_days":      "Lock-up",
	"withdraw_days":    "Withdrawal time",
	"risk_probability": "Chance of a loss event",
	"risk_loss":        "Loss in such an event",
	"note":             "Note",
}

// foldedLayerFields are the rarely needed fields behind a layer's "more" toggle.
var foldedLayerFields = []string{"payout", "claim_every", "claim_gas", "reinvest", "entry_cost",
	"exit_cost", "lockup_days", "withdraw_days", "risk_probability", "risk_loss", "note"}

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

// shortUnits abbreviate the units shown after a layer's inputs; the label says them in full.
var shortUnits = map[string]string{
	"% per year":   "%/yr",
	"% of rewards": "%",
	"% of balance": "%",
	"token":        "",
}

// field returns the text input of one of the layer's fields.
func (e *layerEditor) field(name, unit string, set func(l *draftLayer, text string)) *textField {
	shown, ok := shortUnits[unit]
	if !ok {
		shown = unit
	}
	return newTextField().ID(e.id(name)).Path(e.path(name)).Label(layerLabels[name]).Unit(shown).SpokenUnit(unit).
		Error(e.Ierrors[e.path(name)]).
		OnInput(func(ctx app.Context, text string) {
			l := e.Ilayer
			set(&l, text)
			e.report(ctx, l)
		})
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

	return app.Div().Class("layer").ID(layerID(e.Iscenario, e.Iindex)).Role("group").
		Aria("labelledby", e.id("title")).Body(
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
		e.field("name", "", func(l *draftLayer, v string) { l.name = v }).Value(l.name),
		app.Div().Class("field-row").Body(
			e.field("accepts", "token", func(l *draftLayer, v string) { l.accepts = v }).
				Value(l.accepts).Placeholder("any"),
			e.field("gives", "token", func(l *draftLayer, v string) { l.gives = v }).
				Value(l.gives).Placeholder("any"),
		),
		app.Div().Class("field-row").Body(
			e.field("apr", "% per year", func(l *draftLayer, v string) { l.aprPct = v }).
				Value(l.aprPct).Decimal(),
			e.field("fee", "% of rewards", func(l *draftLayer, v string) { l.feePct = v }).
				Value(l.feePct).Placeholder("0").Decimal(),
		),
		app.Div().Class("field-row").Body(
			e.field("entry_gas", asset, func(l *draftLayer, v string) { l.entryGas = v }).
				Value(l.entryGas).Placeholder("0").Decimal(),
			e.field("exit_gas", asset, func(l *draftLayer, v string) { l.exitGas = v }).
				Value(l.exitGas).Placeholder("0").Decimal(),
		),
		app.Button().Type("button").ID(e.id("more-toggle")).Class("more-toggle").
			Aria("expanded", open).
			Aria("controls", moreID).
			Body(
				app.Span().Class("more-sign").Aria("hidden", "true").Text(map[bool]string{true: "−", false: "+"}[open]),
				app.Text(moreLabel),
			).
			OnClick(e.onToggleMore),
		app.Div().ID(moreID).Class("layer-more").Hidden(!open).Body(
			app.If(open, func() app.UI { return e.foldedFields(l, asset) }),
		),
		newFieldError().ID(e.id("error")).Message(e.Ierrors[layerPath(e.Iscenario, e.Iindex)]),
	)
}

// foldedFields are the fields behind the "more" toggle. They are built only while unfolded:
// eleven fields a layer, most of them never opened, would otherwise double the page that the
// program builds when it starts.
func (e *layerEditor) foldedFields(l draftLayer, asset string) app.UI {
	return app.Div().Body(
		e.payoutFields(l, asset),
		app.Div().Class("field-row").Body(
			e.field("entry_cost", "% of balance", func(l *draftLayer, v string) { l.entryCostPct = v }).
				Value(l.entryCostPct).Placeholder("0").Decimal(),
			e.field("exit_cost", "% of balance", func(l *draftLayer, v string) { l.exitCostPct = v }).
				Value(l.exitCostPct).Placeholder("0").Decimal(),
		),
		app.Div().Class("field-row").Body(
			e.field("lockup_days", "days", func(l *draftLayer, v string) { l.lockupDays = v }).
				Value(l.lockupDays).Placeholder("0").Whole().
				Hint("No exit before this day."),
			e.field("withdraw_days", "days", func(l *draftLayer, v string) { l.withdrawDays = v }).
				Value(l.withdrawDays).Placeholder("0").Whole().
				Hint("From exit request to funds back."),
		),
		app.Div().Class("field-row").Body(
			e.field("risk_probability", "% per year", func(l *draftLayer, v string) { l.riskProbabilityPct = v }).
				Value(l.riskProbabilityPct).Placeholder("0").Decimal(),
			e.field("risk_loss", "% of balance", func(l *draftLayer, v string) { l.riskLossPct = v }).
				Value(l.riskLossPct).Placeholder("0").Decimal(),
		),
		e.field("note", "", func(l *draftLayer, v string) { l.note = v }).
			Value(l.note).Hint("Where the figures come from; not used in the maths."),
	)
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

// payoutFields are how rewards are paid and, for claimed rewards, when and at what gas.
func (e *layerEditor) payoutFields(l draftLayer, asset string) app.UI {
	payoutID := e.id("payout")
	payout := string(calc.Compound)
	if l.claim {
		payout = string(calc.Claim)
	}
	return app.Div().Class("payout").Body(
		app.Div().Class("field").Body(
			app.Label().For(payoutID).Class("field-label").Text(layerLabels["payout"]),
			newFieldInput().ID(payoutID).Path(e.path("payout")).
				Select(
					fieldOption{string(calc.Compound), "compound daily (rebasing token)"},
					fieldOption{string(calc.Claim), "claimed by hand"},
				).
				Value(payout).
				DescribedBy(payoutID+"-error").
				OnText(e.onPayout),
			newFieldError().ID(payoutID+"-error").Message(e.Ierrors[e.path("payout")]),
		),
		app.If(l.claim, func() app.UI {
			return app.Div().Class("claim-fields").Body(
				app.Div().Class("field-row").Body(
					e.field("claim_every", "days", func(l *draftLayer, v string) { l.claimEveryDays = v }).
						Value(l.claimEveryDays).Whole(),
					e.field("claim_gas", asset, func(l *draftLayer, v string) { l.claimGas = v }).
						Value(l.claimGas).Placeholder("0").Decimal(),
				),
				app.Div().Class("field check").Body(
					newFieldInput().ID(e.id("reinvest")).Path(e.path("reinvest")).
						Checkbox(l.reinvest).
						DescribedBy(e.id("reinvest")+"-error").
						OnCheck(e.onReinvest),
					app.Label().For(e.id("reinvest")).Text("Reinvest claimed rewards into the stack"),
					newFieldError().ID(e.id("reinvest")+"-error").Message(e.Ierrors[e.path("reinvest")]),
				),
			)
		}),
	)
}

// foldedProblem reports whether a folded field has a problem, so that it is not hidden.
func (e *layerEditor) foldedProblem() bool {
	for _, f := range foldedLayerFields {
		if e.Ierrors[e.path(f)] != "" {
			return true
		}
	}
	return false
}

// foldedSet counts the folded settings that differ from their defaults, for the toggle's label.
func (e *layerEditor) foldedSet() int {
	l := e.Ilayer
	n := 0
	if l.claim {
		n++
	}
	for _, v := range []string{l.entryCostPct, l.exitCostPct, l.lockupDays, l.withdrawDays,
		l.riskProbabilityPct, l.riskLossPct, l.note} {
		if v != "" {
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

func (e *layerEditor) onPayout(ctx app.Context, payout string) {
	l := e.Ilayer
	l.claim = payout == string(calc.Claim)
	e.report(ctx, l)
}

func (e *layerEditor) onReinvest(ctx app.Context, reinvest bool) {
	l := e.Ilayer
	l.reinvest = reinvest
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
