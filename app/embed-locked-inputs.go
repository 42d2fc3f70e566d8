package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// embedLockedInputs is what a visitor may change in a locked widget (?embed=1&lock=1): the
// starting amount and the horizon. Everything else is the host's. The inputs keep the ids of
// the full page's, so that problems link to them the same way.
type embedLockedInputs struct {
	app.Compo

	Iset      draftSet
	Ierrors   map[string]string // the engine's messages by field path
	IonChange func(ctx app.Context, d draftSet)
}

func newEmbedLockedInputs() *embedLockedInputs {
	return &embedLockedInputs{}
}

func (e *embedLockedInputs) Set(v draftSet) *embedLockedInputs {
	e.Iset = v
	return e
}

func (e *embedLockedInputs) Errors(v map[string]string) *embedLockedInputs {
	e.Ierrors = v
	return e
}

// OnChange sets the callback that receives the draft with the new amount or horizon.
func (e *embedLockedInputs) OnChange(h func(ctx app.Context, d draftSet)) *embedLockedInputs {
	e.IonChange = h
	return e
}

func (e *embedLockedInputs) Render() app.UI {
	d := e.Iset
	return app.Div().Class("embed-locked-inputs").Body(
		app.Div().Class("field-row").Body(
			newTextField().ID("amount").Path("amount").Label("Amount").Unit(assetLabel(d.asset)).Decimal().
				Value(d.amount).Error(e.Ierrors["amount"]).
				OnInput(e.onAmount),
			newTextField().ID("days").Path("days").Label("Horizon").Unit("days").Whole().
				Value(d.days).Hint(horizonHint(d.days)).Error(e.Ierrors["days"]).
				OnInput(e.onDays),
		),
		horizonPresetButtons(d.days, e.onPreset),
	)
}

func (e *embedLockedInputs) onAmount(ctx app.Context, text string) {
	d := e.Iset
	d.amount = text
	e.report(ctx, d)
}

func (e *embedLockedInputs) onDays(ctx app.Context, text string) {
	d := e.Iset
	d.days = text
	e.report(ctx, d)
}

func (e *embedLockedInputs) onPreset(days string) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		e.onDays(ctx, days)
	}
}

func (e *embedLockedInputs) report(ctx app.Context, d draftSet) {
	if e.IonChange != nil {
		e.IonChange(ctx, d)
	}
}
