package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// renderWidget renders the page as the widget for iframes (?embed=1, SPEC section 6): no site
// header or footer, the results first, then what the visitor may change, then the value chart;
// a small link opens the same scenarios in the full calculator. In a locked widget
// (&lock=1) only the amount and the horizon are inputs; the scenarios are shown with every
// control disabled, and [embedOptions.edit] refuses any other edit that would still come.
func (p *calculatorPage) renderWidget(o embedOptions) app.UI {
	locked := o.lock
	scenariosLabel := "Change the scenarios"
	scenarios := app.Elem("fieldset").Class("embed-scenarios-fields")
	if locked {
		scenariosLabel = "The scenarios (set by this site)"
		// Written only when true: go-app pre-renders false as disabled="false", which HTML
		// reads as disabled.
		scenarios = scenarios.Attr("disabled", true)
	}

	return app.Div().Class(p.shellClass("embed")).DataSet("live", p.live).DataSet("embed", true).DataSet("locked", locked).
		On("focusin", p.onEditStart).On("focusout", p.onEditEnd).Body(
		newHeightReporter(),
		newEmbedHeader().Title(p.shellTitle()).FullURL(o.fullCalculatorURL(p.link)).Locked(locked),
		p.shellNotice(),
		app.Main().Class("embed-main").Body(
			p.shellResults(false),
			app.Section().Class("panel inputs embed-inputs").Aria("labelledby", "start-title").Body(
				app.H2().ID("start-title").Text("Your starting point"),
				p.shellStart(locked),
				app.Elem("details").Class("embed-scenarios").ID("embed-scenarios").Body(
					app.Elem("summary").Class("embed-scenarios-toggle").Text(scenariosLabel),
					scenarios.Body(
						app.Elem("legend").Class("visually-hidden").Text("Scenarios"),
						app.If(!locked, func() app.UI {
							return app.Div().Class("section-head").Body(p.shellAddScenario())
						}),
						p.shellScenarios(),
					),
				),
			),
			p.shellChart(),
		),
		app.Footer().Class("embed-foot").Body(
			app.P().Text("Computed on your device, exact to the wei. Not financial advice."),
		),
	)
}
