package main

import (
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cardFigures are the figures that decide, the ones a widget's card shows for each scenario:
// what you end with, at what rate, at what rate once the risks are counted, and when the money
// is back. The results table has the rest.
var cardFigures = []calc.Figure{calc.FigureFinal, calc.FigureAPY, calc.FigureAPYExpected, calc.FigureLiquidDay}

// scenarioCards is the widget's compact answer: one card per scenario with the figures that
// decide (cardFigures), written for reading with their exact values in data-value, and under
// them the verdict line. With IonEdit set, each card has a way into its scenario's layers.
type scenarioCards struct {
	app.Compo

	Iset     calc.Set
	Iresults calc.Results
	Istale   bool
	IonEdit  func(ctx app.Context, scenario int)
}

func newScenarioCards() *scenarioCards {
	return &scenarioCards{}
}

func (c *scenarioCards) Set(v calc.Set) *scenarioCards {
	c.Iset = v
	return c
}

func (c *scenarioCards) Results(v calc.Results) *scenarioCards {
	c.Iresults = v
	return c
}

func (c *scenarioCards) Stale(v bool) *scenarioCards {
	c.Istale = v
	return c
}

// OnEdit sets what a card's "Change its layers" does; without it, cards have no such button.
func (c *scenarioCards) OnEdit(h func(ctx app.Context, scenario int)) *scenarioCards {
	c.IonEdit = h
	return c
}

func (c *scenarioCards) Render() app.UI {
	rs := c.Iresults.Scenarios
	if len(rs) == 0 {
		return app.P().Class("results-empty").Text("No results yet: fix the marked fields.")
	}
	class := "scenario-cards"
	if c.Istale {
		class += " stale"
	}
	verdict := verdictText(c.Iset, c.Iresults)
	return app.Div().Class("scenario-cards-view").Body(
		app.Ul().Class(class).Body(
			app.Range(rs).Slice(func(i int) app.UI { return c.card(i, rs[i]) }),
		),
		app.P().Class("verdict card-verdict").Hidden(verdict == "").Text(verdict),
	)
}

func (c *scenarioCards) card(i int, r calc.ScenarioResult) app.UI {
	var sc calc.Scenario
	if i < len(c.Iset.Scenarios) {
		sc = c.Iset.Scenarios[i]
	}
	titleID := "card-" + strconv.Itoa(i)
	return app.Li().Class("scenario-card").Aria("labelledby", titleID).Body(
		app.H3().ID(titleID).Class("card-title").Body(
			app.Span().Class("scenario-number").Text(strconv.Itoa(i+1)),
			app.Span().Class("card-name").Text(r.Name),
		),
		// dl, dt and dd through app.Elem, as the dialog writes its rarer elements (embed-dialog.go).
		app.Elem("dl").Class("card-figures").Body(
			app.Range(cardFigures).Slice(func(k int) app.UI {
				f := cardFigures[k]
				v, _ := r.Figure(string(f))
				var shown app.UI
				switch {
				case f == calc.FigureAPYExpected && riskWords(calc.RiskOf(sc)) != "":
					shown = app.Span().Class("none why").Text(riskWords(calc.RiskOf(sc)))
				case f.Unit() == calc.UnitDay:
					shown = app.Span().Class("num").Text("day " + v)
				default:
					shown = figureText(v, f.Unit(), c.unit(f.Unit()))
				}
				return app.Div().Class("card-figure").Body(
					app.Elem("dt").Text(f.Title()),
					app.Elem("dd").Class("figure").
						DataSet("scenario", i).DataSet("field", string(f)).DataSet("value", v).
						Body(shown),
				)
			}),
		),
		app.If(c.IonEdit != nil, func() app.UI {
			return app.Button().Type("button").Class("link card-edit").
				OnClick(c.onEdit(i)).Body(
				app.Text("Change its layers"),
				app.Span().Class("visually-hidden").Text(" ("+r.Name+")"),
			)
		}),
	)
}

// unit writes a unit as the card shows it after the number.
func (c *scenarioCards) unit(u calc.Unit) string {
	switch u {
	case calc.UnitAsset:
		return c.Iset.Asset
	case calc.UnitPercent:
		return "%"
	}
	return ""
}

func (c *scenarioCards) onEdit(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if c.IonEdit != nil {
			c.IonEdit(ctx, i)
		}
	}
}
