package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// calculatorPage is the whole calculator: it owns the scenario set and the engine's results.
type calculatorPage struct {
	app.Compo
}

func (p *calculatorPage) Render() app.UI {
	return app.Main().Text("restaking calculator")
}
