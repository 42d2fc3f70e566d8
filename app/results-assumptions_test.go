//go:build !wasm

package main

import (
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// loopDiscountTests put a loop's liquidation discount beside history's, worked out by hand: a
// discount liquidates the loop when it is at least the loop's.
var loopDiscountTests = []struct {
	name string
	r    calc.ScenarioResult
	own  string
	want string
}{
	{"between stETH's and ezETH's", calc.ScenarioResult{Name: "Loop", HasLoop: true, LiquidationDiscount: mustDecimal("6.5")}, "0",
		"Loop: a discount of 6.500000 % on the position liquidates this loop; stETH discount, June 2022: 6 %, would not have; ezETH crash: 78 %, would have liquidated it."},
	{"exactly stETH's", calc.ScenarioResult{Name: "Loop", HasLoop: true, LiquidationDiscount: mustDecimal("6")}, "0.3",
		"Loop: a discount of 6.000000 % on the position liquidates this loop; stETH discount, June 2022: 6 %, would have liquidated it; ezETH crash: 78 %, would have liquidated it. Its instant exit discount, 0.3 %, would not liquidate it."},
	{"its own discount reaches it", calc.ScenarioResult{Name: "Loop", HasLoop: true, LiquidationDiscount: mustDecimal("4.7")}, "6",
		"Loop: a discount of 4.700000 % on the position liquidates this loop; stETH discount, June 2022: 6 %, would have liquidated it; ezETH crash: 78 %, would have liquidated it. Its instant exit discount, 6 %, would liquidate it before the exit."},
	{"liquidated on the way", calc.ScenarioResult{Name: "Loop", HasLoop: true, LiquidatedDay: 12}, "0",
		"Loop: the loop is liquidated on day 12 with no market discount at all."},
}

func TestLoopDiscountWords(t *testing.T) {
	history := []historicalDiscount{{"stETH discount, June 2022", mustDecimal("6")}, {"ezETH crash", mustDecimal("78")}}
	for _, tt := range loopDiscountTests {
		if got := loopDiscountWords(tt.r, mustDecimal(tt.own), history); got != tt.want {
			t.Errorf("%s: loopDiscountWords() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestResultsSayWhatTheExamplesAssume: the opening examples' points are stated as a guess worth 0,
// EIGEN at its flat price, and the loop's discount beside the stETH discount of June 2022.
func TestResultsSayWhatTheExamplesAssume(t *testing.T) {
	set := defaultSet()
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := newResultsAssumptions().Set(set).Results(res)
	e := app.NewTestEngine()
	if err := e.Load(a); err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(a)
	ld, _ := res.Scenarios[2].Figure("liquidation_discount")
	for _, want := range []string{
		"Restaking counts EIGEN valued at 0.0003 ETH each, the same price to the horizon.",
		"Multistaking counts PTS valued at 0 ETH each (your guess), the same price to the horizon.",
		"a discount of " + ld + " % on the position liquidates this loop; stETH discount, June 2022: 6 %, would not have",
	} {
		if !strings.Contains(html, html2text(want)) {
			t.Errorf("the results do not say %q:\n%s", want, html)
		}
	}
}
