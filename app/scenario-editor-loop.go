package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The scenario editor's "Leverage loop" fold (SPEC section 8.2): the stack's position bought with
// borrowed asset, its inputs from loopInputs.

// loopFold returns the fold: a toggle, and inside it either the button that adds a loop or the
// loop's inputs.
func (e *scenarioEditor) loopFold(s draftScenario) app.UI {
	open := s.loopOpen || s.loop.on && e.loopProblem()
	id := e.id("loop")
	label := "Leverage loop"
	if s.loop.on {
		label += " (on)"
	}
	return app.Div().Class("scenario-loop").Body(
		app.Button().Type("button").ID(e.id("loop-toggle")).Class("more-toggle").
			Aria("expanded", open).Aria("controls", id).
			Body(
				app.Span().Class("more-sign").Aria("hidden", "true").Text(map[bool]string{true: "−", false: "+"}[open]),
				app.Text(label),
			).
			OnClick(e.onToggleLoop),
		app.Div().ID(id).Class("layer-more").Hidden(!open).Body(
			app.If(open && !s.loop.on, func() app.UI {
				return app.Div().Body(
					app.P().Class("field-hint").Text("Deposit the stack as collateral, borrow the asset against it and stake that too: more yield on the same money, and a market discount can liquidate it."),
					app.Button().Type("button").ID(e.id("loop-add")).Text("Add a leverage loop").OnClick(e.onAddLoop),
				)
			}).ElseIf(open, func() app.UI {
				rows := inputLines(loopInputs, e.current, e.place(), e.report, nil)
				rows = append(rows, app.Button().Type("button").ID(e.id("loop-remove")).Class("link").
					Text("Remove the loop").OnClick(e.onRemoveLoop))
				return app.Div().Body(rows...)
			}),
			app.If(open, e.loopPresets),
		),
	)
}

// loopProblem reports whether a loop field has a problem, so that the fold is not closed over it.
func (e *scenarioEditor) loopProblem() bool {
	for _, in := range loopInputs {
		if e.Ierrors[in.path(e.Iindex, 0)] != "" {
			return true
		}
	}
	return e.Ierrors[scenarioPath(e.Iindex)+".loop"] != ""
}

func (e *scenarioEditor) onToggleLoop(ctx app.Context, ev app.Event) {
	s := e.Iscenario
	s.loopOpen = !(s.loopOpen || s.loop.on && e.loopProblem())
	e.report(ctx, s)
}

// onAddLoop gives the scenario a loop with nothing filled in: its required fields are then
// named as missing, rather than the page guessing a lender's terms.
func (e *scenarioEditor) onAddLoop(ctx app.Context, ev app.Event) {
	s := e.Iscenario
	s.loop = draftLoop{on: true}
	s.loopOpen = true
	e.report(ctx, s)
	e.focus(ctx, e.id("loop-leverage"))
}

func (e *scenarioEditor) onRemoveLoop(ctx app.Context, ev app.Event) {
	s := e.Iscenario
	s.loop = draftLoop{}
	e.report(ctx, s)
}
