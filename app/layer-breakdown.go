package main

import (
	"fmt"
	"strconv"
	"strings"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
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

	// IonExplain, when set, gives the reward tokens' figures a button that asks for their
	// explanation.
	IonExplain func(ctx app.Context, scenario int, field string)
}

func (b *layerBreakdown) OnExplain(h func(ctx app.Context, scenario int, field string)) *layerBreakdown {
	b.IonExplain = h
	return b
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
	rewarded := false
	for _, l := range r.Layers {
		rewarded = rewarded || l.HasReward
	}
	table := app.Div().Class("table-scroll").TabIndex(0).Role("region").Aria("labelledby", captionID).Body(
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
					app.If(rewarded, func() app.UI {
						return app.Th().Scope("col").Text(calc.FigureLayerTokens.Title())
					}),
					app.If(rewarded, func() app.UI {
						return app.Th().Scope("col").Text(calc.FigureLayerTokenValue.Title())
					}),
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
						app.If(rewarded, func() app.UI { return b.tokenCell(i, j, l, calc.FigureLayerTokens, layers) }),
						app.If(rewarded, func() app.UI { return b.tokenCell(i, j, l, calc.FigureLayerTokenValue, layers) }),
					)
				}),
			),
		),
	)
	if !rewarded {
		return table
	}
	return app.Div().Class("breakdown-scenario").Body(table, tokenShare(i, r, layers, asset))
}

// tokenCell is layer j's reward token figure f, with its explain button; a layer without a
// reward token has neither figure nor hook.
func (b *layerBreakdown) tokenCell(i, j int, l calc.LayerResult, f calc.Figure, layers []calc.Layer) app.UI {
	if !l.HasReward || j >= len(layers) || layers[j].Reward == nil {
		return app.Td().Class("figure").Body(app.Span().Class("none").Text("no reward token"))
	}
	field := f.OfLayer(j)
	v, _ := b.Iresults.Scenarios[i].Figure(field)
	unit := b.Iset.Asset
	if f == calc.FigureLayerTokens {
		unit = layers[j].Reward.Token
	}
	return app.Td().Class("figure").
		DataSet("scenario", i).DataSet("field", field).DataSet("value", v).
		Body(
			app.Span().Class("cell-label").Aria("hidden", "true").Text(f.Title()+" "),
			figureText(v, calc.UnitAsset, unit),
			app.If(b.IonExplain != nil, func() app.UI {
				return app.Button().Type("button").Class("explain-figure").
					ID(fmt.Sprintf("explain-s%d-%s", i, field)).
					Aria("label", "Explain "+f.Title()+" of "+l.Name).
					Title("How this figure is worked out").Text("?").
					OnClick(func(ctx app.Context, e app.Event) { b.IonExplain(ctx, i, field) })
			}),
		)
}

// tokenShare says how much of scenario i's gain came from reward tokens, and at what price each
// token is counted: a guess, for points, said as one.
func tokenShare(i int, r calc.ScenarioResult, layers []calc.Layer, asset string) app.UI {
	sold := decimal.Zero
	var prices []string
	for j, l := range r.Layers {
		if !l.HasReward || j >= len(layers) || layers[j].Reward == nil {
			continue
		}
		sold = sold.Add(l.TokenValue)
		prices = append(prices, tokenPriceWords(*layers[j].Reward, asset))
	}
	share := "Reward tokens sold for " + calc.FormatAmount(sold) + " " + asset + " of the gain of " +
		calc.FormatAmount(r.Gain) + " " + asset
	if r.Gain.Sign() > 0 {
		share += " (" + sold.Mul(decimal.NewFromInt(100)).DivRound(r.Gain, 2).String() + " %)"
	}
	return app.P().ID("token-share-" + strconv.Itoa(i)).Class("token-share").
		Text(share + ". " + strings.Join(prices, "; ") + ".")
}

// tokenPriceWords states the price a reward token is counted at: "PTS valued at 0 ETH each (your
// guess), the same price to the horizon". Points, and a token worth 0, are a guess. Every figure
// of the token's scenario moves with it: the results and the breakdown both say it.
func tokenPriceWords(rw calc.Reward, asset string) string {
	words := rw.Token + " valued at " + rw.Price.String() + " " + asset + " each"
	if strings.EqualFold(rw.Token, pointsToken) || rw.Price.IsZero() {
		words += " (your guess)"
	}
	if rw.PriceGrowth.IsZero() {
		return words + ", the same price to the horizon"
	}
	return words + ", changing " + rw.PriceGrowth.String() + " % a year against " + asset
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
