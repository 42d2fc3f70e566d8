package main

import (
	"fmt"
	"strconv"
	"strings"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// figureRow is one row of the results table: a figure of the results document (SPEC section 4),
// titled and written as calc.Figure says.
type figureRow struct {
	figure  calc.Figure // the results document's name, the cells' data-field
	explain string
	better  int // +1 when more is better, -1 when less is better
}

// figureGroup is a titled block of rows.
type figureGroup struct {
	title string
	rows  []figureRow
}

var figureGroups = []figureGroup{
	{"If nothing goes wrong", []figureRow{
		{calc.FigureFinal, "What you hold after a normal exit at the horizon: rewards in, fees, gas and swap costs out.", +1},
		{calc.FigureFiatFinal, "The final amount at the price you expect then.", +1},
		{calc.FigureGain, "Final amount minus what you put in.", +1},
		{calc.FigureAPY, "The yearly rate that turns your amount into the final amount, everything counted.", +1},
	}},
	{"What it costs", []figureRow{
		{calc.FigureFees, "Rewards the protocols keep.", -1},
		{calc.FigureGas, "Paid to enter, claim and exit.", -1},
		{calc.FigureCosts, "Lost to swaps and slippage on entry and exit.", -1},
		{calc.FigureUnclaimed, "Rewards not worth the gas of claiming them at exit.", -1},
	}},
	{"With the risks", []figureRow{
		{calc.FigureFinalExpected, "The final amount with losses at their expected rate.", +1},
		{calc.FigureAPYExpected, "The APY of the expected final amount.", +1},
		{calc.FigureLostExpected, "What loss events are expected to take.", -1},
		{calc.FigurePLoss, "The chance that at least one loss event happens before the horizon.", -1},
	}},
	{"Getting out", []figureRow{
		{calc.FigureLiquidDay, "The day your funds are back when you exit at the horizon, lock-ups and withdrawal queues included.", -1},
		{calc.FigureInstant, "What you get selling the whole stack on the market at the horizon instead of waiting.", +1},
	}},
	{loopGroupTitle, []figureRow{
		{calc.FigureDebt, "What is owed on the last day, repaid from the position at the exit.", -1},
		{calc.FigureInterest, "Charged on the debt over the horizon.", -1},
		{calc.FigureLiquidatedDay, "The first day the debt reached the liquidation threshold; never if it did not.", 0},
		{calc.FigureLiquidationDiscount, "The smallest market discount on the position that would have liquidated it on some day.", +1},
	}},
}

// loopGroupTitle heads the loop's figures, shown only when a scenario has a loop.
const loopGroupTitle = "With the leverage loop"

// resultsTable shows every scenario's figures side by side, one row per figure, the best of
// each row marked and each scenario's difference from the first. Every figure carries
// data-scenario, data-field and data-value, the exact value as `app eval` prints it.
type resultsTable struct {
	app.Compo

	Iset     calc.Set     // the set the results are of: names, asset, currency, layer rates
	Iresults calc.Results // the figures
	Istale   bool         // the input changed into something invalid: these are older results

	// IonExplain, when set, gives every figure a button that asks for its explanation.
	IonExplain func(ctx app.Context, scenario int, field string)
}

func newResultsTable() *resultsTable {
	return &resultsTable{}
}

func (t *resultsTable) Set(v calc.Set) *resultsTable {
	t.Iset = v
	return t
}

func (t *resultsTable) Results(v calc.Results) *resultsTable {
	t.Iresults = v
	return t
}

func (t *resultsTable) Stale(v bool) *resultsTable {
	t.Istale = v
	return t
}

func (t *resultsTable) OnExplain(h func(ctx app.Context, scenario int, field string)) *resultsTable {
	t.IonExplain = h
	return t
}

func (t *resultsTable) Render() app.UI {
	rs := t.Iresults.Scenarios
	if len(rs) == 0 {
		return app.P().Class("results-empty").Text("No results yet: fix the marked fields.")
	}
	class := "results-table"
	if t.Istale {
		class += " stale"
	}
	return app.Div().Class("table-scroll").TabIndex(0).Role("region").
		Aria("labelledby", "results-caption").Body(
		app.Table().Class(class).Body(
			app.Caption().ID("results-caption").Text(t.caption()),
			app.THead().Body(
				app.Tr().Body(
					app.Th().Scope("col").Class("row-label").Text("Figure"),
					app.Range(rs).Slice(func(i int) app.UI {
						r := rs[i]
						return app.Th().Scope("col").Class("scenario-col").Body(
							app.Span().Class("scenario-number").Text(strconv.Itoa(i+1)),
							app.Span().Class("col-name").Text(r.Name),
							app.Span().Class("kind").
								DataSet("scenario", i).DataSet("field", string(calc.FigureKind)).DataSet("value", string(r.Kind)).
								Text(string(r.Kind)),
						)
					}),
				),
			),
			app.Range(figureGroups).Slice(func(g int) app.UI {
				return t.group(figureGroups[g])
			}),
			t.advertised(),
		),
		app.If(t.aprToAPY() != "", func() app.UI {
			return app.P().Class("apr-apy").Text(t.aprToAPY())
		}),
	)
}

// aprToAPY shows once, for the first layer of the first scenario, how an advertised APR becomes
// an APY: less the fee, compounded daily for a year.
func (t *resultsTable) aprToAPY() string {
	if len(t.Iset.Scenarios) == 0 || len(t.Iset.Scenarios[0].Layers) == 0 {
		return ""
	}
	l := t.Iset.Scenarios[0].Layers[0]
	is := "is"
	if l.Payout == calc.Claim {
		is = "would be"
	}
	return fmt.Sprintf("APR and APY: %s's %s %% APR less its %s %% fee, compounded daily, %s %s %% APY.",
		l.Name, l.APR, l.Fee, is, calc.FormatPercent(calc.CompoundedAPY(l.APR, l.Fee)))
}

func (t *resultsTable) caption() string {
	s := t.Iset
	c := "Results after " + plural(s.Days, "day") + " for " + calc.FormatAmount(s.Amount) + " " + s.Asset
	if t.Istale {
		c += " (out of date)"
	}
	return c
}

func (t *resultsTable) group(g figureGroup) app.UI {
	rs := t.Iresults.Scenarios
	if g.title == loopGroupTitle && !anyLoop(rs) {
		return app.TBody()
	}
	return app.TBody().Body(
		app.Tr().Class("group").Body(
			app.Th().Scope("rowgroup").ColSpan(len(rs)+1).Text(g.title),
		),
		app.Range(g.rows).Slice(func(k int) app.UI {
			row := g.rows[k]
			values := make([]string, len(rs))
			for i, r := range rs {
				values[i], _ = r.Figure(string(row.figure))
			}
			best := bestOf(row, values, t.hasFiat())
			return app.Tr().Body(
				app.Th().Scope("row").Class("row-label").Body(
					app.Span().Class("label").Text(row.figure.Title()),
					app.Span().Class("explain").Text(row.explain),
				),
				app.Range(rs).Slice(func(i int) app.UI {
					return t.cell(row, i, values, best[i])
				}),
			)
		}),
	)
}

// advertised is the sum of the layers' APRs: what the protocols' own pages add up to, before
// fees, gas, swaps, compounding and risk. It is no figure of the results document.
func (t *resultsTable) advertised() app.UI {
	scenarios := t.Iset.Scenarios
	return app.TBody().Body(
		app.Tr().Class("advertised").Body(
			app.Th().Scope("row").Class("row-label").Body(
				app.Span().Class("label").Text("Advertised APR"),
				app.Span().Class("explain").Text("The layers' APRs added up, before fees, costs, compounding and risk: compare it with the APY."),
			),
			app.Range(scenarios).Slice(func(i int) app.UI {
				sum := decimal.Zero
				for _, l := range scenarios[i].Layers {
					sum = sum.Add(l.APR)
				}
				return app.Td().Class("figure").Body(figureText(sum.String(), calc.UnitPercent, "%"))
			}),
		),
	)
}

// anyLoop reports whether a scenario of rs has a leverage loop.
func anyLoop(rs []calc.ScenarioResult) bool {
	for _, r := range rs {
		if r.HasLoop {
			return true
		}
	}
	return false
}

func (t *resultsTable) hasFiat() bool {
	rs := t.Iresults.Scenarios
	return len(rs) > 0 && rs[0].HasFiat
}

// unit writes a figure's unit as the table shows it after the number.
func (t *resultsTable) unit(u calc.Unit) string {
	switch u {
	case calc.UnitAsset:
		return t.Iset.Asset
	case calc.UnitPercent:
		return "%"
	case calc.UnitFiat:
		return t.Iset.Currency
	}
	return ""
}

func (t *resultsTable) cell(row figureRow, i int, values []string, best bool) app.UI {
	v := values[i]
	u := row.figure.Unit()
	class := "figure"
	if best {
		class += " best"
	}
	var shown app.UI
	switch {
	case v == "":
		// A scenario without a loop has no loop figures: no value, no hook.
		return app.Td().Class("figure").Body(
			app.Span().Class("cell-scenario").Aria("hidden", "true").Text(strconv.Itoa(i+1)),
			app.Span().Class("none").Text("no loop"),
		)
	case row.figure == calc.FigureLiquidatedDay && v == "0":
		shown = app.Span().Class("num").Text("never")
	case u == calc.UnitFiat && !t.hasFiat():
		shown = app.Span().Class("none").Text("no price set")
	case u == calc.UnitDay:
		shown = app.Span().Class("num").Text("day " + v)
	default:
		shown = figureText(v, u, t.unit(u))
	}
	return app.Td().Class(class).
		DataSet("scenario", i).DataSet("field", string(row.figure)).DataSet("value", v).
		Body(
			// On a phone the rows stack and the columns lose their headers: a number says whose
			// figure it is. Screen readers have the table's headers.
			app.Span().Class("cell-scenario").Aria("hidden", "true").Text(strconv.Itoa(i+1)),
			shown,
			app.If(best, func() app.UI {
				return app.Span().Class("best-mark").Text("best")
			}),
			app.If(t.IonExplain != nil, func() app.UI {
				return app.Button().Type("button").Class("explain-figure").
					ID(fmt.Sprintf("explain-s%d-%s", i, row.figure)).
					Aria("label", "Explain "+row.figure.Title()+" of "+t.Iresults.Scenarios[i].Name).
					Title("How this figure is worked out").
					Text("?").
					OnClick(t.onExplain(i, string(row.figure)))
			}),
			app.If(i > 0 && row.figure != calc.FigureLiquidatedDay, func() app.UI {
				return app.Span().Class("delta").Text(deltaText(u, values[0], v, t.unit(u), u != calc.UnitFiat || t.hasFiat()))
			}),
		)
}

func (t *resultsTable) onExplain(scenario int, field string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if t.IonExplain != nil {
			t.IonExplain(ctx, scenario, field)
		}
	}
}

// bestOf marks the best value of a row, ties included; nothing is marked when there is only one
// scenario or all are equal.
func bestOf(row figureRow, values []string, hasFiat bool) []bool {
	best := make([]bool, len(values))
	if len(values) < 2 || row.better == 0 || (row.figure.Unit() == calc.UnitFiat && !hasFiat) {
		return best
	}
	nums := make([]decimal.Decimal, len(values))
	for i, v := range values {
		d, err := decimal.NewFromString(v)
		if err != nil {
			return best
		}
		nums[i] = d
	}
	top := nums[0]
	for _, d := range nums[1:] {
		if d.Cmp(top)*row.better > 0 {
			top = d
		}
	}
	all := true
	for i, d := range nums {
		best[i] = d.Equal(top)
		all = all && best[i]
	}
	if all {
		return make([]bool, len(values))
	}
	return best
}

// deltaText writes value - first, signed, as "+0.399970 ETH vs 1".
func deltaText(u calc.Unit, first, value, unit string, known bool) string {
	if !known {
		return ""
	}
	a, errA := decimal.NewFromString(first)
	b, errB := decimal.NewFromString(value)
	if errA != nil || errB != nil {
		return ""
	}
	d := b.Sub(a)
	var s string
	switch u {
	case calc.UnitAsset:
		s = d.Round(6).String()
		if d.Round(6).IsZero() && !d.IsZero() {
			s = d.String()
		}
		s += " " + unit
	case calc.UnitPercent:
		s = d.Round(4).String() + " pp"
	case calc.UnitFiat:
		s = groupThousands(d.StringFixed(2)) + " " + unit
	case calc.UnitDay:
		s = plural(int(d.IntPart()), "day")
	}
	if d.Sign() > 0 {
		s = "+" + s
	} else if d.IsZero() {
		s = "±" + s
	}
	return s + " vs 1"
}

// figureText writes an exact figure so that it reads quickly and stays exact: the integer part
// grouped by thousands, the first decimals plain and the rest of them smaller.
func figureText(v string, u calc.Unit, unit string) app.UI {
	keep := 6
	if u != calc.UnitAsset {
		keep = 2
	}
	head, tail := v, ""
	if dot := strings.IndexByte(v, '.'); dot >= 0 && len(v)-dot-1 > keep {
		head, tail = v[:dot+1+keep], v[dot+1+keep:]
	}
	class := "num"
	if u == calc.UnitAsset {
		class += " amount"
	}
	return app.Span().Class(class).Body(
		app.Span().Class("head").Text(groupThousands(head)),
		app.If(tail != "", func() app.UI {
			return app.Span().Class("tail").Text(tail)
		}),
		app.If(unit != "", func() app.UI {
			return app.Span().Class("unit").Text(" " + unit)
		}),
	)
}

// groupThousands puts commas between the thousands of a plain decimal's integer part.
func groupThousands(v string) string {
	sign := ""
	if strings.HasPrefix(v, "-") {
		sign, v = "-", v[1:]
	}
	intPart, frac := v, ""
	if dot := strings.IndexByte(v, '.'); dot >= 0 {
		intPart, frac = v[:dot], v[dot:]
	}
	if len(intPart) <= 3 {
		return sign + v
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + frac
}
