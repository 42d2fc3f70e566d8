package main

import (
	"strings"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// stressTargetWords say where a stress case's patch goes.
var stressTargetWords = map[string]string{
	calc.TargetScenario:    "on the scenario",
	calc.TargetTopLayer:    "on the top layer",
	calc.TargetBottomLayer: "on the bottom layer",
	calc.TargetEveryLayer:  "on every layer",
}

// stressPicker lists the stress cases from history with their dates, sources and explanations,
// each with a button that applies it to one scenario through OnApply.
type stressPicker struct {
	app.Compo

	Iid       string // the element's id, e.g. "s0-stress"; each case adds "-" and its id
	Ilibrary  calc.Library
	Iscenario string // the scenario's name, for the buttons' spoken labels
	IonApply  func(ctx app.Context, c calc.StressCase)
}

func newStressPicker() *stressPicker {
	return &stressPicker{}
}

// ID sets the list's id, e.g. "s0-stress".
func (p *stressPicker) ID(v string) *stressPicker {
	p.Iid = v
	return p
}

func (p *stressPicker) Library(v calc.Library) *stressPicker {
	p.Ilibrary = v
	return p
}

// Scenario sets the name of the scenario the buttons apply to.
func (p *stressPicker) Scenario(name string) *stressPicker {
	p.Iscenario = name
	return p
}

// OnApply sets what happens when the user applies a stress case to the scenario.
func (p *stressPicker) OnApply(h func(ctx app.Context, c calc.StressCase)) *stressPicker {
	p.IonApply = h
	return p
}

func (p *stressPicker) Render() app.UI {
	headID := p.Iid + "-head"
	items := make([]app.UI, 0, len(p.Ilibrary.Stress))
	for _, c := range p.Ilibrary.Stress {
		items = append(items, p.item(c))
	}
	return app.Div().ID(p.Iid).Class("stress-picker").Role("group").Aria("labelledby", headID).Body(
		app.H4().ID(headID).Text("Stress cases from history"),
		app.P().Class("field-hint").Text("Apply one to see what it would have done to this scenario. "+
			"It changes the fields listed; undo by editing them back."),
		app.Ul().Class("stress-cases").Body(items...),
	)
}

func (p *stressPicker) item(c calc.StressCase) app.UI {
	id := p.Iid + "-" + c.ID
	target := p.Iscenario
	if target == "" {
		target = "this scenario"
	}
	return app.Li().ID(id).Class("stress-case").Body(
		app.H5().ID(id+"-label").Body(
			app.Text(c.Label),
			app.Text(" "),
			app.Span().Class("stress-date").Text("("+c.Date+")"),
		),
		app.P().Class("stress-explanation").Text(c.Explanation),
		app.P().ID(id+"-patch").Class("stress-patch").Body(
			app.Text("Sets "+patchWords(c)+"."),
			app.If(c.Example, func() app.UI {
				return app.Span().Class("badge").Text("example")
			}),
		),
		sourceList(id+"-sources", c.Sources, time.Time{}),
		app.Button().Type("button").ID(id+"-apply").Class("add").
			Aria("describedby", id+"-patch").
			Aria("label", "Apply to this scenario: "+c.Label+" on "+target).
			Text("Apply to this scenario").
			OnClick(p.onApply(c)),
	)
}

// patchWords says what a stress case sets, in the words of the fields' inputs: "Instant exit
// discount = 6 % on the scenario".
func patchWords(c calc.StressCase) string {
	parts := make([]string, len(c.Patch))
	for i, f := range c.Patch {
		label, unit := strings.ReplaceAll(f.Field, "_", " "), ""
		if in, ok := inputNamed(scenarioInputs, f.Field); ok && c.Target == calc.TargetScenario {
			label, unit = in.labelText(), patchUnit(in.units("", ""))
		} else if in, ok := inputNamed(layerInputs, f.Field); ok {
			label, unit = in.labelText(), patchUnit(in.units("", ""))
		}
		parts[i] = label + " = " + f.Value + unit
	}
	return strings.Join(parts, ", ") + " " + stressTargetWords[c.Target]
}

// patchUnit is the unit written after a stress case's value: the short one, but a rate per year
// in full.
func patchUnit(shown, spoken string) string {
	switch {
	case shown == "":
		return ""
	case strings.Contains(spoken, "per year"):
		return " " + spoken
	}
	return " " + shown
}

func (p *stressPicker) onApply(c calc.StressCase) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.IonApply != nil {
			p.IonApply(ctx, c)
		}
	}
}

// stressDraftScenario returns s with the stress case's fields set as typed text, the same change
// calc.StressCase.Apply makes to a parsed scenario, so that it works on a draft that does not
// parse yet. s's layers are copied, never written into.
func stressDraftScenario(s draftScenario, c calc.StressCase) draftScenario {
	if c.Target == calc.TargetScenario {
		for _, f := range c.Patch {
			if in, ok := inputNamed(scenarioInputs, f.Field); ok {
				in.set(&s, f.Value)
			}
		}
		return s
	}
	s.layers = cloneSlice(s.layers)
	patch := func(l *draftLayer) {
		for _, f := range c.Patch {
			if in, ok := inputNamed(layerInputs, f.Field); ok {
				in.set(l, f.Value)
			}
		}
	}
	n := len(s.layers)
	switch {
	case n == 0:
	case c.Target == calc.TargetTopLayer:
		patch(&s.layers[n-1])
	case c.Target == calc.TargetBottomLayer:
		patch(&s.layers[0])
	case c.Target == calc.TargetEveryLayer:
		for j := range s.layers {
			patch(&s.layers[j])
		}
	}
	return s
}
