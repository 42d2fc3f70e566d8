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
	// outcome: more is better, and the row's largest value is marked "best". Costs, risks and
	// days are not outcomes: the lowest fee of a scenario that earns nothing is no merit, and
	// what a cost buys shows in the outcomes, so those rows mark nothing.
	outcome bool
}

// figureGroup is a titled block of rows.
type figureGroup struct {
	title string
	rows  []figureRow
}

var figureGroups = []figureGroup{
	{"If nothing goes wrong", []figureRow{
		{calc.FigureFinal, "What you hold after a normal exit at the horizon: rewards in, fees, gas and swap costs out.", true},
		{calc.FigureFiatFinal, "The final amount at the price you expect then.", true},
		{calc.FigureGain, "Final amount minus what you put in.", true},
		{calc.FigureAPY, "The yearly rate that turns your amount into the final amount, everything counted.", true},
	}},
	{"What it costs", []figureRow{
		{calc.FigureFees, "Rewards the protocols keep.", false},
		{calc.FigureGas, "Paid to enter, claim and exit.", false},
		{calc.FigureCosts, "Lost to swaps and slippage on entry and exit.", false},
		{calc.FigureUnclaimed, "Rewards not worth the gas of claiming them at exit.", false},
	}},
	{"With the risks", []figureRow{
		{calc.FigureFinalExpected, "The final amount with losses at their expected rate.", true},
		{calc.FigureAPYExpected, "The APY of the expected final amount.", true},
		{calc.FigureLostExpected, "What loss events are expected to take.", false},
		{calc.FigurePLoss, "The chance that at least one loss event happens before the horizon.", false},
	}},
	{"Getting out", []figureRow{
		{calc.FigureLiquidDay, "The day your funds are back when you exit at the horizon, lock-ups and withdrawal queues included.", false},
		{calc.FigureInstant, "What you get selling the whole stack on the market at the horizon instead of waiting.", true},
	}},
	{loopGroupTitle, []figureRow{
		{calc.FigureDebt, "What is owed on the last day, repaid from the position at the exit.", false},
		{calc.FigureInterest, "Charged on the debt over the horizon.", false},
		{calc.FigureLiquidatedDay, "The first day the debt reached the liquidation threshold; never if it did not.", false},
		{calc.FigureLiquidationDiscount, "The smallest market discount on the position that would have liquidated it on some day.", false},
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
	Ipending []bool       // by scenario: its figures are not yet worked out again for the input

	// IonExplain, when set, gives every figure a button that asks for its explanation.
	IonExplain func(ctx app.Context, scenario int, field string)

	// Where the table is scrolled sideways, when it is wider than its box: columns hidden to
	// the left or to the right.
	moreLeft, moreRight bool

	// The APY of aprToAPY's layer, kept while its APR and fee stay: compounding a year of days
	// in exact fractions is a fifth of a keystroke's time on a phone.
	apyOf, apy string
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

// Pending marks the scenarios whose figures are older than the input: the page works the
// heaviest sets out one scenario at a time.
func (t *resultsTable) Pending(v []bool) *resultsTable {
	t.Ipending = v
	return t
}

// pending says whether scenario i's figures are not yet worked out again for the input.
func (t *resultsTable) pending(i int) bool {
	return i < len(t.Ipending) && t.Ipending[i]
}

func (t *resultsTable) OnExplain(h func(ctx app.Context, scenario int, field string)) *resultsTable {
	t.IonExplain = h
	return t
}

// resultsScrollID is the id of the table's scrolling box.
const resultsScrollID = "results-scroll"

func (t *resultsTable) Render() app.UI {
	rs := t.Iresults.Scenarios
	if len(rs) == 0 {
		return app.P().Class("results-empty").Text("No results yet: fix the marked fields.")
	}
	class := "results-table"
	if t.Istale {
		class += " stale"
	}
	aprToAPY := t.aprToAPY()
	scrollClass := "table-scroll"
	if t.moreLeft {
		scrollClass += " more-left"
	}
	if t.moreRight {
		scrollClass += " more-right"
	}
	return app.Div().Class("results-view").Body(
		t.verdict(),
		// Always there, hidden when not needed: the table after them keeps its place among the
		// children, and so its DOM and scroll position, as they come and go.
		app.P().ID("results-scroll-hint").Class("scroll-hint").Hidden(!t.moreLeft && !t.moreRight).Text(t.scrollHint()),
		app.Div().ID(resultsScrollID).Class(scrollClass).TabIndex(0).Role("region").
			Aria("labelledby", "results-caption").OnScroll(t.onScroll).Body(
			app.Table().Class(class).Body(
				app.Caption().ID("results-caption").Text(t.caption()),
				app.THead().Body(
					app.Tr().Body(
						app.Th().Scope("col").Class("row-label").Text("Figure"),
						app.Range(rs).Slice(func(i int) app.UI {
							r := rs[i]
							class := "scenario-col"
							if t.pending(i) {
								class += " pending"
							}
							return app.Th().Scope("col").Class(class).Body(
								app.Span().Class("scenario-number").Text(strconv.Itoa(i+1)),
								app.Span().Class("col-name").Text(r.Name),
								app.Span().Class("kind").
									DataSet("scenario", i).DataSet("field", string(calc.FigureKind)).DataSet("value", string(r.Kind)).
									Text(string(r.Kind)),
								app.If(t.pending(i), func() app.UI {
									return app.Span().Class("pending-note").Text("out of date: working out…")
								}),
							)
						}),
					),
				),
				app.Range(figureGroups).Slice(func(g int) app.UI {
					return t.group(figureGroups[g])
				}),
				t.advertised(),
			),
		),
		app.If(aprToAPY != "", func() app.UI {
			return app.P().Class("apr-apy").Text(aprToAPY)
		}),
	)
}

// scrollHint says which way the columns out of view are.
func (t *resultsTable) scrollHint() string {
	switch {
	case t.moreLeft && t.moreRight:
		return "← More scenarios on both sides: scroll the table sideways →"
	case t.moreLeft:
		return "← More scenarios to the left: scroll the table sideways"
	}
	return "More scenarios to the right: scroll the table sideways →"
}

// OnMount, OnUpdate and OnResize measure whether columns are out of view once the table is drawn.
func (t *resultsTable) OnMount(ctx app.Context)  { ctx.Defer(t.measure); ctx.PreventUpdate() }
func (t *resultsTable) OnUpdate(ctx app.Context) { ctx.Defer(t.measure) }
func (t *resultsTable) OnResize(ctx app.Context) { ctx.Defer(t.measure) }

func (t *resultsTable) onScroll(ctx app.Context, e app.Event) { t.measure(ctx) }

// measure reads the scrolling box: columns are hidden to the left when it is scrolled at all,
// to the right when its content reaches beyond its right edge.
func (t *resultsTable) measure(ctx app.Context) {
	el := app.Window().GetElementByID(resultsScrollID)
	if !el.Truthy() {
		return
	}
	width, shown, left := el.Get("scrollWidth").Float(), el.Get("clientWidth").Float(), el.Get("scrollLeft").Float()
	moreLeft, moreRight := left > 1, left+shown < width-1
	if moreLeft != t.moreLeft || moreRight != t.moreRight {
		ctx.Dispatch(func(ctx app.Context) {
			t.moreLeft, t.moreRight = moreLeft, moreRight
		})
	}
}

// verdict says in one line which scenario leads on the nominal and on the risk-adjusted final
// amount, by how much over the next, in the asset and in APY points, and when the risk-adjusted
// leader's risk is not entered.
func (t *resultsTable) verdict() app.UI {
	text := verdictText(t.Iset, t.Iresults)
	return app.P().ID("results-verdict").Class("verdict").Hidden(text == "").Text(text)
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
	if of := l.APR.String() + " " + l.Fee.String(); of != t.apyOf {
		t.apyOf, t.apy = of, calc.FormatPercent(calc.CompoundedAPY(l.APR, l.Fee))
	}
	return fmt.Sprintf("APR and APY: %s's %s %% APR less its %s %% fee, compounded daily, %s %s %% APY.",
		l.Name, l.APR, l.Fee, is, t.apy)
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
			entered := make([]bool, len(rs))
			for i := range rs {
				entered[i] = values[i] != "" && t.notEntered(row.figure, i) == ""
			}
			best := bestOf(row, values, entered)
			return app.Tr().Body(
				app.Th().Scope("row").Class("row-label").Body(
					app.Span().Class("label").Text(row.figure.Title()),
					app.Span().Class("explain").Text(row.explain),
				),
				app.Range(rs).Slice(func(i int) app.UI {
					return t.cell(row, i, values, best[i], entered)
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
				app.Span().Class("label").Text("Layers' APRs before fees, added up"),
				app.Span().Class("explain").Text("Not what protocols advertise (Lido and ether.fi publish theirs after their fee): the gross rates typed, before fees, costs, compounding and risk. Compare it with the APY."),
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

// notEntered says why figure f of scenario i is no finding, or "" when it is one: it rests on a
// risk, an instant exit discount or a price the file does not give (calc.RiskOf and friends).
func (t *resultsTable) notEntered(f calc.Figure, i int) string {
	if i >= len(t.Iset.Scenarios) || i >= len(t.Iresults.Scenarios) {
		return ""
	}
	sc := t.Iset.Scenarios[i]
	switch f {
	case calc.FigureFinalExpected, calc.FigureAPYExpected, calc.FigureLostExpected:
		return riskWords(calc.RiskOf(sc))
	case calc.FigurePLoss:
		if !calc.ChanceEntered(sc) {
			if calc.RiskOf(sc) == calc.RiskNotEntered {
				return riskNotEntered
			}
			return "chance not entered"
		}
	case calc.FigureInstant:
		if !calc.DiscountEntered(sc) {
			return "discount not entered"
		}
	case calc.FigureFiatFinal:
		if !t.Iresults.Scenarios[i].HasFiat {
			return "no price entered"
		}
	}
	return ""
}

const riskNotEntered = "risk not entered"

// riskWords says why a scenario's expected path is its nominal one, or "" when it takes losses:
// no risk at all, or only a chance or only a loss where one layer needs both.
func riskWords(r calc.RiskEntry) string {
	switch r {
	case calc.RiskNotEntered:
		return riskNotEntered
	case calc.RiskIncomplete:
		return "risk incomplete"
	}
	return ""
}

func (t *resultsTable) cell(row figureRow, i int, values []string, best bool, entered []bool) app.UI {
	v := values[i]
	u := row.figure.Unit()
	class := "figure"
	if best {
		class += " best"
	}
	if t.pending(i) {
		class += " pending"
	}
	var shown app.UI
	why := t.notEntered(row.figure, i)
	switch {
	case v == "":
		// A scenario without a loop has no loop figures: no value, no hook.
		return app.Td().Class("figure").Body(
			app.Span().Class("cell-scenario").Aria("hidden", "true").Text(strconv.Itoa(i+1)),
			app.Span().Class("none").Text("no loop"),
		)
	case why != "" && (row.figure == calc.FigureFinalExpected || row.figure == calc.FigureAPYExpected):
		// The expected path of a scenario without losses is the nominal one: said, not shown
		// as a second finding.
		class += " not-entered"
		shown = app.Span().Class("none").Body(
			app.Span().Class("same-as").Text("= nominal"),
			app.Span().Class("why").Text(why),
		)
	case why != "":
		class += " not-entered"
		shown = app.Span().Class("none").Body(app.Span().Class("why").Text(why))
	case row.figure == calc.FigureLiquidatedDay && v == "0":
		shown = app.Span().Class("num").Text("never")
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
			app.If(i > 0 && row.figure != calc.FigureLiquidatedDay && values[0] != "", func() app.UI {
				return app.Span().Class("delta").Text(deltaText(u, values[0], v, t.unit(u), entered[0] && entered[i]))
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

// bestOf marks the largest value of an outcome row, ties included, among the scenarios whose
// figure is entered (a risk-adjusted figure without a risk, an instant exit without a discount,
// fiat without a price compare with nothing). Nothing is marked on a row that is no outcome,
// when fewer than two figures compare, or when they are all equal.
func bestOf(row figureRow, values []string, entered []bool) []bool {
	best := make([]bool, len(values))
	if !row.outcome {
		return best
	}
	nums := make([]decimal.Decimal, len(values))
	var top *decimal.Decimal
	compared := 0
	for i, v := range values {
		if !entered[i] {
			continue
		}
		d, err := decimal.NewFromString(v)
		if err != nil {
			return best
		}
		nums[i] = d
		compared++
		if top == nil || d.GreaterThan(*top) {
			top = &nums[i]
		}
	}
	if compared < 2 {
		return best
	}
	all := true
	for i := range values {
		if !entered[i] {
			continue
		}
		best[i] = nums[i].Equal(*top)
		all = all && best[i]
	}
	if all {
		return make([]bool, len(values))
	}
	return best
}

// deltaText writes value - first, signed, rounded as the figures are, as "+0.399970 ETH vs 1".
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
		s = readableAmount(d)
		if decimal.RequireFromString(strings.ReplaceAll(s, ",", "")).IsZero() && !d.IsZero() {
			s = d.String() // below a wei's place: exact rather than a zero
		}
		s += " " + unit
	case calc.UnitPercent:
		s = readablePercent(d) + " pp"
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

// figureText writes an exact figure v for reading (readableFigure: an amount to 4 decimals or 6
// significant digits, a percentage to 2), on one line with tabular digits; the exact value is
// its title, and stays in the data-value of the cell around it.
func figureText(v string, u calc.Unit, unit string) app.UI {
	class := "num"
	if u == calc.UnitAsset {
		class += " amount"
	}
	exact := v
	if unit != "" {
		exact += " " + unit
	}
	return app.Span().Class(class).Title(exact).Body(
		app.Span().Class("head").Text(readableFigure(v, u)),
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

// verdictText says which scenario leads on the nominal and on the risk-adjusted final amount
// and by how much over the next one, in the asset and in APY points; when the risk-adjusted
// leader has no risk entered, it says so. "" for fewer than two scenarios.
func verdictText(set calc.Set, res calc.Results) string {
	rs := res.Scenarios
	if len(rs) < 2 || len(set.Scenarios) != len(rs) {
		return ""
	}
	final := func(r calc.ScenarioResult) decimal.Decimal { return r.Final }
	apy := func(r calc.ScenarioResult) decimal.Decimal { return r.APY }
	expected := func(r calc.ScenarioResult) decimal.Decimal { return r.FinalExpected }
	apyExpected := func(r calc.ScenarioResult) decimal.Decimal { return r.APYExpected }
	text := "Nominal: " + leadText(rs, final, apy, set.Asset) + "."
	anyRisk := false
	for _, sc := range set.Scenarios {
		anyRisk = anyRisk || calc.RiskOf(sc) == calc.RiskEntered
	}
	if !anyRisk {
		return text + " Risk-adjusted: no comparison, " + riskNotEntered + " for any scenario."
	}
	text += " Risk-adjusted: " + leadText(rs, expected, apyExpected, set.Asset)
	if lead := leaders(rs, expected); len(lead) == 1 && calc.RiskOf(set.Scenarios[lead[0]]) != calc.RiskEntered {
		text += ", but " + riskNotEntered + " for " + scenarioWords(lead[0], rs[lead[0]].Name) +
			": its risk-adjusted figure is its nominal one"
	}
	return text + "."
}

// leaders are the scenarios with the largest value.
func leaders(rs []calc.ScenarioResult, value func(calc.ScenarioResult) decimal.Decimal) []int {
	var out []int
	for i, r := range rs {
		switch {
		case len(out) == 0 || value(r).GreaterThan(value(rs[out[0]])):
			out = []int{i}
		case value(r).Equal(value(rs[out[0]])):
			out = append(out, i)
		}
	}
	return out
}

// leadText says who leads on value and by how much over the best of the others:
// "scenario 2 “Restaking” leads by 0.409 ETH (+0.12 APY points) over scenario 1 “Staking”".
func leadText(rs []calc.ScenarioResult, value, rate func(calc.ScenarioResult) decimal.Decimal, asset string) string {
	lead := leaders(rs, value)
	if len(lead) > 1 {
		names := make([]string, len(lead))
		for k, i := range lead {
			names[k] = scenarioWords(i, rs[i].Name)
		}
		return strings.Join(names, " and ") + " end level at " + calc.FormatAmount(value(rs[lead[0]])) + " " + asset
	}
	first := lead[0]
	next := -1
	for i, r := range rs {
		if i != first && (next < 0 || value(r).GreaterThan(value(rs[next]))) {
			next = i
		}
	}
	by := value(rs[first]).Sub(value(rs[next]))
	points := rate(rs[first]).Sub(rate(rs[next]))
	return fmt.Sprintf("%s leads by %s %s (%s APY points) over %s", scenarioWords(first, rs[first].Name),
		shortDecimal(by, 6), asset, shortDecimal(points, 2), scenarioWords(next, rs[next].Name))
}

// scenarioWords names scenario i as the page numbers it: "scenario 2 “Restaking”".
func scenarioWords(i int, name string) string {
	return fmt.Sprintf("scenario %d “%s”", i+1, name)
}

// shortDecimal rounds d to places, or writes it exactly when that would make a difference
// that is not zero look like one.
func shortDecimal(d decimal.Decimal, places int32) string {
	if r := d.Round(places); !r.IsZero() || d.IsZero() {
		return r.String()
	}
	return d.String()
}
