package main

import (
	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page shell: the parts the full page (calculator-page.go) and the widget (embed-widget.go)
// are both made of, built once here with every option they need, so that the two cannot drift
// apart. Each layout only chooses which parts it shows and in what order.

// shellClass is the class of the page's root element: "calc", the layout's own classes and the
// theme the query asks for.
func (p *calculatorPage) shellClass(layout string) string {
	class := "calc"
	if layout != "" {
		class += " " + layout
	}
	if p.theme != "" {
		class += " theme-" + p.theme
	}
	return class
}

// productName is the page heading: a scenario file's title shows with it, never in its place.
const productName = "Restaking calculator"

// shellTitle is the set's title, from the draft (what the inputs hold); "" when it has none.
func (p *calculatorPage) shellTitle() string {
	return p.draft.title
}

// shellHeading is the page's heading: the product's name, and the set's title with it.
func (p *calculatorPage) shellHeading() app.UI {
	title := p.shellTitle()
	return app.H1().Class("calc-title").Body(
		app.Span().Class("product-name").Text(productName),
		app.If(title != "", func() app.UI {
			return app.Span().Class("set-title").Body(
				app.Span().Class("visually-hidden").Text(": "),
				app.Text(title),
			)
		}),
	)
}

// shellNotice says why a link could not be opened; nothing when there is nothing to say.
func (p *calculatorPage) shellNotice() app.UI {
	return app.If(p.notice != "", func() app.UI {
		return app.P().Class("notice").Role("alert").Text(p.notice)
	})
}

// shellResults is the results panel: whether they are up to date, every problem with a way to
// its field, the results table and, when explain is true, the explainer of its figures.
func (p *calculatorPage) shellResults(explain bool) app.UI {
	table := newResultsTable().Set(p.set).Results(p.figures).Stale(p.stale).Pending(p.queue.pending)
	if explain {
		table = table.OnExplain(p.onExplainFigure)
	}
	return app.Section().ID("results").Class("panel results").Aria("labelledby", "results-title").
		DataSet("stale", p.stale).Body(
		app.H2().ID("results-title").TabIndex(-1).Text("Results"),
		p.status(),
		table,
		newResultsAssumptions().Set(p.set).Results(p.figures),
		app.If(explain, func() app.UI {
			// Built after the table, in a task of its own: the page's results are the heaviest part.
			return p.laterPanelIn("results", "explainer", "explainer", p.explainer)
		}),
	)
}

// shellStart is what all scenarios share: the set's editor. withoutVisitorInputs leaves out
// the amount and the horizon, which the widget shows on top (shellVisitorInputs).
func (p *calculatorPage) shellStart(withoutVisitorInputs bool) app.UI {
	ed := newSetEditor().Set(p.draft).Errors(p.errors).OnChange(p.onSettingsChange)
	if withoutVisitorInputs {
		ed = ed.WithoutVisitorInputs()
	}
	return ed
}

// shellVisitorInputs are what a visitor of the widget changes first, and all a visitor of a
// locked widget may change: the amount and the horizon.
func (p *calculatorPage) shellVisitorInputs() app.UI {
	return newEmbedLockedInputs().Set(p.draft).Errors(p.errors).OnChange(p.onSettingsChange)
}

// shellAddScenario is the button that adds a scenario.
func (p *calculatorPage) shellAddScenario() app.UI {
	return app.Button().Type("button").ID("add-scenario").Class("add").
		Disabled(len(p.draft.scenarios) >= calc.MaxScenarios).
		Text("+ Add a scenario").
		OnClick(p.onAddScenario)
}

// shellScenarios are the scenarios' editors side by side, each with everything it needs: the
// asset its gas is paid in, the gas price presets are filled at, the engine's messages and
// every edit reported back to the page.
func (p *calculatorPage) shellScenarios() app.UI {
	asset := assetLabel(p.draft.asset)
	n := len(p.draft.scenarios)
	within := "" // the page's own editors; the widget's are inside its scenarios' part
	if p.embed.widget {
		within = "widget-scenarios"
	}
	return app.Div().Class("scenario-row").Body(
		app.Range(p.draft.scenarios).Slice(func(i int) app.UI {
			return p.laterPanelIn(within, scenarioPart(i), "scenario", func() app.UI {
				return newScenarioEditor().
					Position(i, n).
					Scenario(p.draft.scenarios[i]).
					Asset(asset).
					GasPrice(p.draft.gasPriceGwei).
					Errors(p.errors).
					OnChange(p.onScenarioChange).
					OnDuplicate(p.onDuplicateScenario).
					OnRemove(p.onRemoveScenario).
					OnMove(p.onMoveScenario).
					OnFocus(p.onFocus)
			})
		}),
	)
}

// shellChart is the value over time.
func (p *calculatorPage) shellChart() app.UI {
	return app.Section().Class("panel chart-panel").Aria("labelledby", "chart-title").Body(
		app.H2().ID("chart-title").Text("Value over time"),
		newValueChart().WidthPx(p.start.chartWidthPx).Set(p.chartSet).Results(p.chartResults).Stale(p.stale),
	)
}
