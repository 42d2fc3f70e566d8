package main

import (
	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderWidget renders the page as the widget for iframes (?embed=1, SPEC section 6): no site
// header or footer, the results first, then what the visitor may change, then the value chart;
// a small link opens the same scenarios in the full calculator. In a locked widget
// (&lock=1) only the amount and the horizon are inputs; the scenarios are shown with every
// control disabled, and [embedOptions.edit] refuses any other edit that would still come.
func (p *calculatorPage) renderWidget(o embedOptions) app.UI {
	class := "calc embed"
	if p.theme != "" {
		class += " theme-" + p.theme
	}
	title := "Restaking calculator"
	if p.set.Title != "" && !p.stale {
		title = p.set.Title
	}
	locked := o.lock
	asset := assetLabel(p.draft.asset)
	n := len(p.draft.scenarios)
	scenariosLabel := "Change the scenarios"
	if locked {
		scenariosLabel = "The scenarios (set by this site)"
	}

	return app.Div().Class(class).DataSet("live", p.live).DataSet("embed", true).DataSet("locked", locked).Body(
		newHeightReporter(),
		newEmbedHeader().Title(title).FullURL(o.fullCalculatorURL(p.link)).Locked(locked),
		app.If(p.notice != "", func() app.UI {
			return app.P().Class("notice").Role("alert").Text(p.notice)
		}),
		app.Main().Class("embed-main").Body(
			app.Section().ID("results").Class("panel results").Aria("labelledby", "results-title").
				DataSet("stale", p.stale).Body(
				app.H2().ID("results-title").TabIndex(-1).Text("Results"),
				p.status(),
				newResultsTable().Set(p.set).Results(p.figures).Stale(p.stale),
			),
			app.Section().Class("panel inputs embed-inputs").Aria("labelledby", "start-title").Body(
				app.H2().ID("start-title").Text("Your starting point"),
				app.If(locked, func() app.UI {
					return newEmbedLockedInputs().Set(p.draft).Errors(p.errors).OnChange(p.onSettingsChange)
				}).Else(func() app.UI {
					return newSetEditor().Set(p.draft).Errors(p.errors).OnChange(p.onSettingsChange)
				}),
				app.Elem("details").Class("embed-scenarios").ID("embed-scenarios").Body(
					app.Elem("summary").Class("embed-scenarios-toggle").Text(scenariosLabel),
					app.Elem("fieldset").Class("embed-scenarios-fields").Attr("disabled", locked).Body(
						app.Elem("legend").Class("visually-hidden").Text("Scenarios"),
						app.If(!locked, func() app.UI {
							return app.Div().Class("section-head").Body(
								app.Button().Type("button").ID("add-scenario").Class("add").
									Disabled(n >= calc.MaxScenarios).
									Text("+ Add a scenario").
									OnClick(p.onAddScenario),
							)
						}),
						app.Div().Class("scenario-row").Body(
							app.Range(p.draft.scenarios).Slice(func(i int) app.UI {
								return newScenarioEditor().
									Position(i, n).
									Scenario(p.draft.scenarios[i]).
									Asset(asset).
									Errors(p.errors).
									OnChange(p.onScenarioChange).
									OnDuplicate(p.onDuplicateScenario).
									OnRemove(p.onRemoveScenario).
									OnMove(p.onMoveScenario).
									OnFocus(p.onFocus)
							}),
						),
					),
				),
			),
			app.Section().Class("panel chart-panel").Aria("labelledby", "chart-title").Body(
				app.H2().ID("chart-title").Text("Value over time"),
				newValueChart().Set(p.chartSet).Results(p.chartResults).Stale(p.stale),
			),
		),
		app.Footer().Class("embed-foot").Body(
			app.P().Text("Computed on your device, exact to the wei. Not financial advice."),
		),
	)
}
