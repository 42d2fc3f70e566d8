package main

import (
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// layerBreakdown shows, for every scenario, what each layer earned over the horizon on the
// nominal path: gross rewards, the protocol's fee and the net that stayed, so that the user sees
// what each extra layer adds and costs. The cells carry data-field "layers[J].gross", ".fee" and
// ".net" next to data-scenario and data-value.
type layerBreakdown struct {
	app.Compo

	Iset     calc.Set
	Iresults calc.Results
	Istale   bool
}

func newLayerBreakdown() *layerBreakdown {
	return &layerBreakdown{}
}

func (b *layerBreakdown) Set(v calc.Set) *layerBreakdown {
	b.Iset = v
	return b
}

func (b *layerBreakdown) Results(v calc.Results) *layerBreakdown {
	b.Iresults = v
	return b
}

func (b *layerBreakdown) Stale(v bool) *layerBreakdown {
	b.Istale = v
	return b
}

func (b *layerBreakdown) Render() app.UI {
	rs := b.Iresults.Scenarios
	class := "breakdown"
	if b.Istale {
		class += " stale"
	}
	return app.Div().Class(class).Body(
		app.Range(rs).Slice(func(i int) app.UI {
			return b.scenario(i, rs[i])
		}),
	)
}

func (b *layerBreakdown) scenario(i int, r calc.ScenarioResult) app.UI {
	asset := b.Iset.Asset
	var layers []calc.Layer
	if i < len(b.Iset.Scenarios) {
		layers = b.Iset.Scenarios[i].Layers
	}
	captionID := "breakdown-" + strconv.Itoa(i)
	return app.Div().Class("table-scroll").TabIndex(0).Role("region").Aria("labelledby", captionID).Body(
		app.Table().Class("breakdown-table").Body(
			app.Caption().ID(captionID).Body(
				app.Span().Class("scenario-number").Text(strconv.Itoa(i+1)),
				app.Text(r.Name+": where the rewards came from"),
			),
			app.THead().Body(
				app.Tr().Body(
					app.Th().Scope("col").Text("Layer"),
					app.Th().Scope("col").Text("APR"),
					app.Th().Scope("col").Text(calc.FigureLayerGross.Title()),
					app.Th().Scope("col").Text(calc.FigureLayerFee.Title()),
					app.Th().Scope("col").Text(calc.FigureLayerNet.Title()),
				),
			),
			app.TBody().Body(
				app.Range(r.Layers).Slice(func(j int) app.UI {
					l := r.Layers[j]
					apr := ""
					if j < len(layers) {
						apr = layers[j].APR.String()
					}
					return app.Tr().Body(
						app.Th().Scope("row").Text(strconv.Itoa(j+1)+". "+l.Name),
						app.Td().Class("figure").Body(
							app.Span().Class("cell-label").Aria("hidden", "true").Text("APR "),
							figureText(apr, calc.UnitPercent, "%"),
						),
						breakdownCell(i, j, calc.FigureLayerGross, calc.FormatAmount(l.Gross), asset),
						breakdownCell(i, j, calc.FigureLayerFee, calc.FormatAmount(l.Fee), asset),
						breakdownCell(i, j, calc.FigureLayerNet, calc.FormatAmount(l.Net), asset),
					)
				}),
			),
		),
	)
}

// breakdownCell is layer j's figure f, an amount. Its label shows only on a phone, where the
// rows stack and the column headers are out of sight.
func breakdownCell(scenario, j int, f calc.Figure, value, asset string) app.UI {
	return app.Td().Class("figure").
		DataSet("scenario", scenario).DataSet("field", f.OfLayer(j)).DataSet("value", value).
		Body(
			app.Span().Class("cell-label").Aria("hidden", "true").Text(f.Title()+" "),
			figureText(value, f.Unit(), asset),
		)
}
