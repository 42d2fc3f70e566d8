//go:build !wasm

package main

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var bestOfTests = []struct {
	name    string
	row     figureRow
	values  []string
	entered []bool // nil: all entered
	want    []bool
}{
	// Outcomes: more is better.
	{"highest final", figureRow{figure: calc.FigureFinal, outcome: true}, []string{"32.9", "33.33", "33.1"}, nil, []bool{false, true, false}},
	{"ties are all marked", figureRow{figure: calc.FigureFinal, outcome: true}, []string{"33.5", "33.1", "33.5"}, nil, []bool{true, false, true}},
	{"negative gains compare as numbers", figureRow{figure: calc.FigureGain, outcome: true}, []string{"-1.5", "-0.25", "-10"}, nil, []bool{false, true, false}},
	// Costs, risks and days are no outcomes: the lowest gas of a scenario that earns nothing is
	// no merit.
	{"lowest gas", figureRow{figure: calc.FigureGas}, []string{"0.004", "0.05", "0.028"}, nil, []bool{false, false, false}},
	{"earliest day", figureRow{figure: calc.FigureLiquidDay}, []string{"3655", "3669", "3657"}, nil, []bool{false, false, false}},
	// What nobody entered compares with nothing: the instant exit without a discount is the
	// largest, and yet the one with a discount is not "best" against it, nor alone.
	{"instant exit without a discount", figureRow{figure: calc.FigureInstant, outcome: true},
		[]string{"33.6", "33.4", "31.5"}, []bool{false, true, true}, []bool{false, true, false}},
	{"one discount entered", figureRow{figure: calc.FigureInstant, outcome: true},
		[]string{"33.6", "31.5"}, []bool{false, true}, []bool{false, false}},
	{"expected final without a risk", figureRow{figure: calc.FigureFinalExpected, outcome: true},
		[]string{"33.9", "33.2", "33.3"}, []bool{false, true, true}, []bool{false, false, true}},
	// Nothing to mark.
	{"all equal", figureRow{figure: calc.FigureFinal, outcome: true}, []string{"33", "33", "33"}, nil, []bool{false, false, false}},
	{"one scenario", figureRow{figure: calc.FigureFinal, outcome: true}, []string{"33"}, nil, []bool{false}},
	{"no price, no best value", figureRow{figure: calc.FigureFiatFinal, outcome: true}, []string{"0", "0"}, []bool{false, false}, []bool{false, false}},
}

func TestBestOf(t *testing.T) {
	for _, tt := range bestOfTests {
		entered := tt.entered
		if entered == nil {
			entered = make([]bool, len(tt.values))
			for i := range entered {
				entered[i] = true
			}
		}
		if got := bestOf(tt.row, tt.values, entered); !slices.Equal(got, tt.want) {
			t.Errorf("%s: bestOf(%v, %v) = %v, want %v", tt.name, tt.values, entered, got, tt.want)
		}
	}
}

var deltaTextTests = []struct {
	unit         calc.Unit
	first, value string
	want         string
}{
	// Rounded as the figures are: 6 significant digits below 1, 4 places from 1 up, 2 for points.
	{calc.UnitAsset, "32.930903510077490557", "33.330873267792328334", "+0.399970 ETH vs 1"},
	{calc.UnitAsset, "33.5", "33.1", "-0.400000 ETH vs 1"},
	{calc.UnitAsset, "30", "32.123456", "+2.1235 ETH vs 1"},
	{calc.UnitAsset, "1", "1.0000000000000000001", "+0.0000000000000000001 ETH vs 1"},
	{calc.UnitAsset, "1", "1", "±0.0000 ETH vs 1"},
	{calc.UnitPercent, "2.909073", "4.158979", "+1.25 pp vs 1"},
	{calc.UnitFiat, "103732.35", "104992.25", "+1,259.90 USD vs 1"},
	{calc.UnitDay, "3655", "3669", "+14 days vs 1"},
	{calc.UnitDay, "3669", "3668", "-1 day vs 1"},
}

func TestDeltaText(t *testing.T) {
	for _, tt := range deltaTextTests {
		unit := map[calc.Unit]string{calc.UnitAsset: "ETH", calc.UnitPercent: "%", calc.UnitFiat: "USD"}[tt.unit]
		if got := deltaText(tt.unit, tt.first, tt.value, unit, true); got != tt.want {
			t.Errorf("deltaText(%q, %q) = %q, want %q", tt.first, tt.value, got, tt.want)
		}
	}
}

var groupThousandsTests = []struct{ in, want string }{
	{"0", "0"},
	{"999.5", "999.5"},
	{"1000", "1,000"},
	{"103732.35", "103,732.35"},
	{"-1234567.000001", "-1,234,567.000001"},
}

func TestGroupThousands(t *testing.T) {
	for _, tt := range groupThousandsTests {
		if got := groupThousands(tt.in); got != tt.want {
			t.Errorf("groupThousands(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestResultsTableMarksTheBestAndKeepsExactValues renders the default results: the exact value
// sits in data-value even where the text shortens it, and each row marks its best cells.
func TestResultsTableMarksTheBestAndKeepsExactValues(t *testing.T) {
	set := defaultSet()
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tbl := newResultsTable().Set(set).Results(res)
	e := app.NewTestEngine()
	if err := e.Load(tbl); err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(tbl)
	cells := regexp.MustCompile(`<td [^>]*>`).FindAllString(html, -1)
	bestByField := map[string][]string{}
	for _, c := range cells {
		field := regexp.MustCompile(`data-field="([^"]+)"`).FindStringSubmatch(c)
		scenario := regexp.MustCompile(`data-scenario="([^"]+)"`).FindStringSubmatch(c)
		if field == nil || scenario == nil || !strings.Contains(c, `class="figure best"`) {
			continue
		}
		bestByField[field[1]] = append(bestByField[field[1]], scenario[1])
	}
	for _, row := range figureGroups[0].rows {
		if row.figure == calc.FigureFinal || row.figure == calc.FigureAPY {
			values := make([]string, len(res.Scenarios))
			for i, r := range res.Scenarios {
				values[i], _ = r.Figure(string(row.figure))
			}
			var want []string
			for i, b := range bestOf(row, values, []bool{true, true, true}) {
				if b {
					want = append(want, string(rune('0'+i)))
				}
			}
			if !slices.Equal(bestByField[string(row.figure)], want) || len(want) == 0 {
				t.Errorf("best %s marked on scenarios %v, want %v (values %v)", row.figure, bestByField[string(row.figure)], want, values)
			}
		}
	}
	final, _ := res.Scenarios[2].Figure("final")
	if !strings.Contains(html, `data-value="`+final+`"`) {
		t.Errorf("the table does not carry scenario 2's exact final %s", final)
	}
}

// figureTitles are the one name of each figure, written out: the results table's row, its
// explain buttons and the explainer's choice of figure all say it.
var figureTitles = map[string]string{
	"final": "Final amount", "fiat_final": "Final value in fiat", "gain": "Gain", "apy": "APY",
	"fees": "Protocol fees", "gas": "Gas", "costs": "Swap costs", "unclaimed": "Unclaimed rewards",
	"final_expected": "Expected final amount", "apy_expected": "Expected APY",
	"lost_expected": "Expected losses", "p_loss": "Chance of a loss event",
	"liquid_day": "Money back on day", "instant": "Instant exit value", "kind": "Kind",
	"debt": "Debt at the horizon", "interest": "Interest on the debt", "liquidated_day": "Liquidated on day",
	"liquidation_discount": "Discount that liquidates the loop",
}

func TestFiguresHaveOneTitleOnThePage(t *testing.T) {
	set := defaultSet()
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := app.NewTestEngine()
	tbl := newResultsTable().Set(set).Results(res).OnExplain(func(app.Context, int, string) {})
	if err := e.Load(tbl); err != nil {
		t.Fatal(err)
	}
	table := app.HTMLString(tbl)
	looped := 2
	if !res.Scenarios[looped].HasLoop {
		t.Fatalf("scenario %d of the defaults has no loop", looped)
	}
	x := newFigureExplainer().Names([]string{res.Scenarios[0].Name}).Chosen(0, "final")
	if err := e.Load(x); err != nil {
		t.Fatal(err)
	}
	explainer := app.HTMLString(x)

	rows := 0
	for _, g := range figureGroups {
		for _, row := range g.rows {
			rows++
			field := string(row.figure)
			title, ok := figureTitles[field]
			if !ok {
				t.Errorf("the table shows %s, a figure without a title here", field)
				continue
			}
			if !strings.Contains(table, `<span class="label">`+html2text(title)+`</span>`) {
				t.Errorf("the table's row of %s is not titled %q", field, title)
			}
			// The looped scenario of the defaults has every figure.
			if label := html2text("Explain " + title + " of " + res.Scenarios[looped].Name); !strings.Contains(table, `aria-label="`+label+`"`) {
				t.Errorf("no explain button %q for %s", label, field)
			}
		}
	}
	if rows != len(figureTitles)-1 { // all but the kind, shown beside each scenario's name
		t.Errorf("the table has %d rows of figures, want %d", rows, len(figureTitles)-1)
	}
	options := regexp.MustCompile(`<option[^>]* value="([a-z_]+)"[^>]*>([^<]*)</option>`).FindAllStringSubmatch(explainer, -1)
	if len(options) != len(figureTitles) {
		t.Errorf("the explainer offers %d figures, want %d", len(options), len(figureTitles))
	}
	for _, o := range options {
		if want := html2text(figureTitles[o[1]]); o[2] != want {
			t.Errorf("the explainer calls %s %q, want %q", o[1], o[2], want)
		}
	}
	for field, title := range figureTitles {
		if e, _ := calc.Explain(set, res, looped, field); e.Title != title {
			t.Errorf("calc.Explain(%s).Title = %q, want %q", field, e.Title, title)
		}
	}
}

// verdictTests give the figures by hand: the verdict must name the leaders and the margins.
var verdictTests = []struct {
	name   string
	risk   []bool // which scenarios have a risk entered
	finals [][4]string
	want   string
}{
	{"a lead on both", []bool{true, true},
		[][4]string{{"33", "2.5", "32.9", "2.4"}, {"33.4", "2.9", "33.1", "2.6"}},
		"Nominal: scenario 2 “B” leads by 0.4 ETH (0.4 APY points) over scenario 1 “A”. " +
			"Risk-adjusted: scenario 2 “B” leads by 0.2 ETH (0.2 APY points) over scenario 1 “A”."},
	// The risk-adjusted leader only leads because nobody entered its risk.
	{"the risk-adjusted leader has no risk", []bool{true, false, true},
		[][4]string{{"33", "2.5", "32.9", "2.4"}, {"33.2", "2.7", "33.2", "2.7"}, {"33.5", "3", "33", "2.5"}},
		"Nominal: scenario 3 “C” leads by 0.3 ETH (0.3 APY points) over scenario 2 “B”. " +
			"Risk-adjusted: scenario 2 “B” leads by 0.2 ETH (0.2 APY points) over scenario 3 “C”, but risk not entered " +
			"for scenario 2 “B”: its risk-adjusted figure is its nominal one."},
	{"no risk anywhere", []bool{false, false},
		[][4]string{{"33", "2.5", "33", "2.5"}, {"33", "2.5", "33", "2.5"}},
		"Nominal: scenario 1 “A” and scenario 2 “B” end level at 33 ETH. Risk-adjusted: no comparison, risk not entered for any scenario."},
	// A difference below a millionth is written exactly, not as 0.
	{"a tiny lead", []bool{true, true},
		[][4]string{{"1.0000000001", "0.000001", "1", "0"}, {"1", "0", "1", "0"}},
		"Nominal: scenario 1 “A” leads by 0.0000000001 ETH (0.000001 APY points) over scenario 2 “B”. " +
			"Risk-adjusted: scenario 1 “A” and scenario 2 “B” end level at 1 ETH."},
}

func TestVerdictText(t *testing.T) {
	for _, tt := range verdictTests {
		set := calc.Set{Asset: "ETH"}
		var res calc.Results
		for i, f := range tt.finals {
			name := string(rune('A' + i))
			l := calc.NewLayer("x")
			if tt.risk[i] {
				l.RiskProbability, l.RiskLoss = mustDecimal("1"), mustDecimal("10")
			}
			set.Scenarios = append(set.Scenarios, calc.Scenario{Name: name, Layers: []calc.Layer{l}})
			res.Scenarios = append(res.Scenarios, calc.ScenarioResult{Name: name, Final: mustDecimal(f[0]), APY: mustDecimal(f[1]),
				FinalExpected: mustDecimal(f[2]), APYExpected: mustDecimal(f[3])})
		}
		if got := verdictText(set, res); got != tt.want {
			t.Errorf("%s: verdictText =\n%q, want\n%q", tt.name, got, tt.want)
		}
	}
}

// TestResultsTableSaysWhatIsNotEntered: the defaults without a price, and a scenario with no risk
// and no discount: the words say so, the exact values stay in data-value, and no "best" rests
// on what nobody entered.
func TestResultsTableSaysWhatIsNotEntered(t *testing.T) {
	set := defaultSet()
	set.Price = mustDecimal("0")
	set.Scenarios[2].InstantExitCost = mustDecimal("0") // as if never entered: absent and 0 read the same
	for j := range set.Scenarios[2].Layers {
		set.Scenarios[2].Layers[j].RiskProbability, set.Scenarios[2].Layers[j].RiskLoss = mustDecimal("0"), mustDecimal("0")
	}
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tbl := newResultsTable().Set(set).Results(res)
	if err := app.NewTestEngine().Load(tbl); err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(tbl)
	cell := func(i int, field string) string {
		for _, m := range regexp.MustCompile(`(?s)<td ([^>]*)>.*?</td>`).FindAllStringSubmatch(html, -1) {
			if strings.Contains(m[1], `data-field="`+field+`"`) && strings.Contains(m[1], `data-scenario="`+strconv.Itoa(i)+`"`) {
				return m[0]
			}
		}
		return ""
	}
	for _, c := range []struct {
		scenario int
		field    string
		say      string
	}{
		{2, "p_loss", "risk not entered"},
		{2, "final_expected", "= nominal"},
		{2, "apy_expected", "risk not entered"},
		{2, "lost_expected", "risk not entered"},
		{0, "instant", "discount not entered"},
		{2, "instant", "discount not entered"},
		{0, "fiat_final", "no price entered"},
	} {
		td := cell(c.scenario, c.field)
		v, _ := res.Scenarios[c.scenario].Figure(c.field)
		if !strings.Contains(td, c.say) || !strings.Contains(td, `data-value="`+v+`"`) {
			t.Errorf("scenario %d %s = %s, want %q and data-value %q", c.scenario, c.field, td, c.say, v)
		}
		if strings.Contains(td, "best") {
			t.Errorf("scenario %d %s is marked best: %s", c.scenario, c.field, td)
		}
	}
	// Restaking's discount is entered: its instant exit is a figure.
	if td := cell(1, "instant"); strings.Contains(td, "not entered") {
		t.Errorf("scenario 1 instant = %s, want a figure", td)
	}
}

// TestResultsTableAPRToAPYFollowsTheFirstLayer: the APR-to-APY line is the first layer's, worked
// out by hand ((1 + APR/36500)^365 − 1, no fee, to 6 places), and a table whose first layer
// changes says the new APY, not the one it kept from before.
func TestResultsTableAPRToAPYFollowsTheFirstLayer(t *testing.T) {
	tbl := newResultsTable()
	for _, tt := range []struct {
		apr, want string
	}{
		{"3.65", "3.717241 % APY"},
		{"7.3", "7.572269 % APY"},
		{"3.65", "3.717241 % APY"},
	} {
		set := defaultSet()
		set.Scenarios[0].Layers[0].APR, set.Scenarios[0].Layers[0].Fee = mustDecimal(tt.apr), mustDecimal("0")
		if got := tbl.Set(set).aprToAPY(); !strings.Contains(got, tt.apr+" % APR less its 0 % fee") || !strings.Contains(got, tt.want) {
			t.Errorf("aprToAPY() at APR %s = %q, want it to say %s", tt.apr, got, tt.want)
		}
	}
}
