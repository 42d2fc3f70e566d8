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
	var visitors []pageInput[draftSet]
	for _, in := range setInputs {
		if in.visitor {
			visitors = append(visitors, in)
		}
	}
	at := inputPlace{errors: e.Ierrors, asset: assetLabel(d.asset)}
	current := func() draftSet { return e.Iset }
	return app.Div().Class("embed-locked-inputs").Body(
		app.Div().Class("field-row").Body(
			app.Range(visitors).Slice(func(i int) app.UI {
				return inputView(visitors[i], current, at, e.report)
			}),
		),
		horizonPresetButtons(d.days, e.onPreset),
	)
}

func (e *embedLockedInputs) onPreset(days string) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		d := e.Iset
		d.days = days
		e.report(ctx, d)
	}
}

func (e *embedLockedInputs) report(ctx app.Context, d draftSet) {
	if e.IonChange != nil {
		e.IonChange(ctx, d)
	}
}
