//go:build !wasm

package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var bestOfTests = []struct {
	name   string
	row    figureRow
	values []string
	want   []bool
}{
	// More is better.
	{"highest final", figureRow{kind: amountFigure, better: +1}, []string{"32.9", "33.33", "33.1"}, []bool{false, true, false}},
	{"ties are all marked", figureRow{kind: amountFigure, better: +1}, []string{"33.5", "33.1", "33.5"}, []bool{true, false, true}},
	// Less is better.
	{"lowest gas", figureRow{kind: amountFigure, better: -1}, []string{"0.004", "0.05", "0.028"}, []bool{true, false, false}},
	{"earliest day", figureRow{kind: dayFigure, better: -1}, []string{"3655", "3669", "3657"}, []bool{true, false, false}},
	{"negative gains compare as numbers", figureRow{kind: amountFigure, better: +1}, []string{"-1.5", "-0.25", "-10"}, []bool{false, true, false}},
	// Nothing to mark.
	{"all equal", figureRow{kind: amountFigure, better: -1}, []string{"0", "0", "0"}, []bool{false, false, false}},
	{"one scenario", figureRow{kind: amountFigure, better: +1}, []string{"33"}, []bool{false}},
	{"no price, no best value", figureRow{kind: fiatFigure, better: +1}, []string{"0", "0"}, []bool{false, false}},
}

func TestBestOf(t *testing.T) {
	for _, tt := range bestOfTests {
		if got := bestOf(tt.row, tt.values, tt.row.kind != fiatFigure); !slices.Equal(got, tt.want) {
			t.Errorf("%s: bestOf(%v) = %v, want %v", tt.name, tt.values, got, tt.want)
		}
	}
}

var deltaTextTests = []struct {
	kind         figureKind
	first, value string
	want         string
}{
	{amountFigure, "32.930903510077490557", "33.330873267792328334", "+0.39997 ETH vs 1"},
	{amountFigure, "33.5", "33.1", "-0.4 ETH vs 1"},
	{amountFigure, "1", "1.0000000000000000001", "+0.0000000000000000001 ETH vs 1"},
	{amountFigure, "1", "1", "±0 ETH vs 1"},
	{percentFigure, "2.909073", "4.158979", "+1.2499 pp vs 1"},
	{fiatFigure, "103732.35", "104992.25", "+1,259.90 USD vs 1"},
	{dayFigure, "3655", "3669", "+14 days vs 1"},
	{dayFigure, "3669", "3668", "-1 day vs 1"},
}

func TestDeltaText(t *testing.T) {
	for _, tt := range deltaTextTests {
		unit := map[figureKind]string{amountFigure: "ETH", percentFigure: "%", fiatFigure: "USD"}[tt.kind]
		if got := deltaText(tt.kind, tt.first, tt.value, unit, true); got != tt.want {
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
		if row.field == "final" || row.field == "apy" {
			values := make([]string, len(res.Scenarios))
			for i, r := range res.Scenarios {
				values[i], _ = r.Figure(row.field)
			}
			var want []string
			for i, b := range bestOf(row, values, true) {
				if b {
					want = append(want, string(rune('0'+i)))
				}
			}
			if !slices.Equal(bestByField[row.field], want) || len(want) == 0 {
				t.Errorf("best %s marked on scenarios %v, want %v (values %v)", row.field, bestByField[row.field], want, values)
			}
		}
	}
	final, _ := res.Scenarios[2].Figure("final")
	if !strings.Contains(html, `data-value="`+final+`"`) {
		t.Errorf("the table does not carry scenario 2's exact final %s", final)
	}
}
