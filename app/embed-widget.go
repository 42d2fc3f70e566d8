package main

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderWidget renders the page as the widget for iframes (?embed=1, SPEC section 6): no site
// header or footer; on top what the visitor changes, the amount and the horizon; under it one
// card per scenario with the figures that decide and the verdict line; every other figure and
// the value chart behind "Details", the scenarios' editors behind their own toggle, and a small
// link opens the same scenarios in the full calculator. In a locked widget (&lock=1) only the
// amount and the horizon are inputs; the scenarios are shown with every control disabled, and
// [embedOptions.edit] refuses any other edit that would still come.
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
	cards := newScenarioCards().Set(p.set).Results(p.figures).Stale(p.stale)
	if !locked {
		cards = cards.OnEdit(p.onEditScenarioLayers)
	}

	return app.Div().Class(p.shellClass("embed")).DataSet("live", p.start.done).DataSet("embed", true).DataSet("locked", locked).
		On("focusin", p.onEditStart).On("focusout", p.onEditEnd).Body(
		newHeightReporter(),
		newEmbedHeader().Title(p.shellTitle()).FullURL(o.fullCalculatorURL(p.link)).Locked(locked),
		p.shellNotice(),
		app.Main().Class("embed-main").Body(
			app.Section().Class("panel inputs embed-inputs").Aria("labelledby", "start-title").Body(
				app.H2().ID("start-title").Class("visually-hidden").Text("Your starting point"),
				p.shellVisitorInputs(),
			),
			app.Section().ID("results").Class("panel results embed-results").Aria("labelledby", "results-title").
				DataSet("stale", p.stale).Body(
				app.H2().ID("results-title").Class("visually-hidden").TabIndex(-1).Text("Results"),
				p.status(),
				cards,
				app.Elem("details").Class("embed-details").Body(
					app.Elem("summary").Class("embed-toggle").Text("Details: every figure and the value over time"),
					p.laterPanel("widget-details", "embed-details-body", func() app.UI {
						return app.Div().Class("embed-details-body").Body(
							newResultsTable().Set(p.set).Results(p.figures).Stale(p.stale),
							// The chart in a task of its own after the table.
							p.laterPanelIn("widget-details", "widget-chart", "panel chart-panel", p.shellChart),
						)
					}),
				),
			),
			app.Elem("details").Class("embed-scenarios").ID("embed-scenarios").Body(
				app.Elem("summary").Class("embed-scenarios-toggle embed-toggle").Text(scenariosLabel),
				scenarios.Body(
					app.Elem("legend").Class("visually-hidden").Text("Scenarios"),
					p.laterPanel("widget-scenarios", "embed-scenarios-body", func() app.UI {
						return app.Div().Class("embed-scenarios-body").Body(
							app.If(!locked, func() app.UI {
								return app.Div().Class("embed-set").Body(
									p.shellStart(true),
									app.Div().Class("section-head").Body(p.shellAddScenario()),
								)
							}),
							p.shellScenarios(),
						)
					}),
				),
			),
		),
		app.Footer().Class("embed-foot").Body(
			app.P().Text("Computed on your device, exact to the wei. Not financial advice."),
		),
	)
}

// onEditScenarioLayers opens the widget's scenarios and moves the focus to the first field of
// scenario i's layers.
func (p *calculatorPage) onEditScenarioLayers(ctx app.Context, i int) {
	if el := app.Window().GetElementByID("embed-scenarios"); el.Truthy() {
		el.Set("open", true)
	}
	ctx.Defer(func(ctx app.Context) {
		doc := app.Window().Get("document")
		for _, sel := range []string{fmt.Sprintf(`[data-path^="scenarios[%d].layers"]`, i), fmt.Sprintf(`[data-path="scenarios[%d].name"]`, i)} {
			if el := doc.Call("querySelector", sel); el.Truthy() {
				el.Call("scrollIntoView")
				el.Call("focus")
				return
			}
		}
	})
}
