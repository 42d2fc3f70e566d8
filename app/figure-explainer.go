package main

import (
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// explainedFields are the figures the explainer offers, in the results table's order.
var explainedFields = func() []string {
	var fields []string
	for _, g := range figureGroups {
		for _, r := range g.rows {
			fields = append(fields, r.field)
		}
	}
	return append(fields, "kind")
}()

// figureExplainer shows how one figure of one scenario is worked out: the model's formula, the
// same with the scenario's own values, and the ledger lines behind them, exact to the wei. The
// user picks the scenario and the figure; the page asks the engine for the explanation.
type figureExplainer struct {
	app.Compo

	Inames       []string // the scenarios' names, in order
	Iscenario    int
	Ifield       string
	Iexplanation calc.Explanation
	Istale       bool
	IonChoose    func(ctx app.Context, scenario int, field string)
}

func newFigureExplainer() *figureExplainer {
	return &figureExplainer{}
}

func (x *figureExplainer) Names(v []string) *figureExplainer {
	x.Inames = v
	return x
}

// Chosen sets the scenario and the figure explained.
func (x *figureExplainer) Chosen(scenario int, field string) *figureExplainer {
	x.Iscenario, x.Ifield = scenario, field
	return x
}

func (x *figureExplainer) Explanation(v calc.Explanation) *figureExplainer {
	x.Iexplanation = v
	return x
}

func (x *figureExplainer) Stale(v bool) *figureExplainer {
	x.Istale = v
	return x
}

func (x *figureExplainer) OnChoose(h func(ctx app.Context, scenario int, field string)) *figureExplainer {
	x.IonChoose = h
	return x
}

func (x *figureExplainer) Render() app.UI {
	e := x.Iexplanation
	class := "explainer"
	if x.Istale {
		class += " stale"
	}
	return app.Section().Class(class).Aria("labelledby", "explain-title").Body(
		app.H3().ID("explain-title").Text("How a figure is worked out"),
		app.Div().Class("field-row").Body(
			app.Div().Class("field").Body(
				app.Label().For("explain-scenario").Class("field-label").Text("Scenario"),
				app.Select().ID("explain-scenario").OnChange(x.onScenario).Body(
					app.Range(x.Inames).Slice(func(i int) app.UI {
						return app.Option().Value(strconv.Itoa(i)).Selected(i == x.Iscenario).
							Text(strconv.Itoa(i+1) + ". " + x.Inames[i])
					}),
				),
			),
			app.Div().Class("field").Body(
				app.Label().For("explain-field").Class("field-label").Text("Figure"),
				app.Select().ID("explain-field").OnChange(x.onField).Body(
					app.Range(explainedFields).Slice(func(i int) app.UI {
						f := explainedFields[i]
						return app.Option().Value(f).Selected(f == x.Ifield).Text(calc.Title(f))
					}),
				),
			),
		),
		app.Div().ID("explanation").Class("explanation").Aria("live", "polite").Body(
			app.P().Class("explain-label").Text("Formula"),
			app.P().Class("formula").Body(app.Code().Text(e.Formula)),
			app.P().Class("explain-label").Text("With this scenario's values"),
			app.P().Class("formula").Body(app.Code().Text(e.Values)),
			app.If(len(e.Lines) > 0, func() app.UI {
				return app.Div().Body(
					app.P().Class("explain-label").Text("From the ledger"),
					app.Ol().Class("ledger").Body(
						app.Range(e.Lines).Slice(func(i int) app.UI {
							return app.Li().Text(e.Lines[i])
						}),
					),
				)
			}),
		),
	)
}

func (x *figureExplainer) onScenario(ctx app.Context, ev app.Event) {
	i, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err == nil && x.IonChoose != nil {
		x.IonChoose(ctx, i, x.Ifield)
	}
}

func (x *figureExplainer) onField(ctx app.Context, ev app.Event) {
	if x.IonChoose != nil {
		x.IonChoose(ctx, x.Iscenario, ctx.JSSrc().Get("value").String())
	}
}
