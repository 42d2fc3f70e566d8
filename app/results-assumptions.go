package main

import (
	"strconv"
	"strings"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// resultsAssumptions says, under the results, what their version 2 figures rest on: for each
// scenario with reward tokens, the price each token is counted at (a guess, for points, said as
// one), since every figure of the scenario moves with it; and for each looped scenario, the
// market discount that liquidates it beside the discounts of history (the stress cases that set
// the instant exit discount) and its own instant exit discount, saying which would have
// liquidated it: "a discount of 4.7 % on the position liquidates this loop; stETH discount, June
// 2022: 6 %, would have liquidated it".
type resultsAssumptions struct {
	app.Compo

	Iset     calc.Set
	Iresults calc.Results
}

func newResultsAssumptions() *resultsAssumptions {
	return &resultsAssumptions{}
}

func (d *resultsAssumptions) Set(v calc.Set) *resultsAssumptions {
	d.Iset = v
	return d
}

func (d *resultsAssumptions) Results(v calc.Results) *resultsAssumptions {
	d.Iresults = v
	return d
}

func (d *resultsAssumptions) Render() app.UI {
	rs := d.Iresults.Scenarios
	var items []app.UI
	for i, r := range rs {
		if i >= len(d.Iset.Scenarios) {
			break
		}
		sc := d.Iset.Scenarios[i]
		var prices []string
		for _, l := range sc.Layers {
			if l.Reward != nil {
				prices = append(prices, tokenPriceWords(*l.Reward, d.Iset.Asset))
			}
		}
		if len(prices) > 0 {
			items = append(items, app.Li().ID("reward-prices-"+strconv.Itoa(i)).
				Text(r.Name+" counts "+strings.Join(prices, "; ")+"."))
		}
	}
	if anyLoop(rs) {
		history := historicalDiscounts()
		for i, r := range rs {
			if !r.HasLoop {
				continue
			}
			var own decimal.Decimal
			if i < len(d.Iset.Scenarios) {
				own = d.Iset.Scenarios[i].InstantExitCost
			}
			items = append(items, app.Li().ID("loop-discount-"+strconv.Itoa(i)).Text(loopDiscountWords(r, own, history)))
		}
	}
	if len(items) == 0 {
		return app.Div().Class("results-assumptions")
	}
	return app.Div().Class("results-assumptions").Body(
		app.P().Class("results-assumptions-head").Text("What these results rest on:"),
		app.Ul().Body(items...),
	)
}

// historicalDiscount is a stress case that puts a market discount on the whole stack.
type historicalDiscount struct {
	label    string
	discount decimal.Decimal // %
}

// historicalDiscounts returns the shipped stress cases that set a scenario's instant exit
// discount, in the library's order; none when the library cannot be read.
func historicalDiscounts() []historicalDiscount {
	lib, err := shippedLibrary()
	if err != nil {
		return nil
	}
	var out []historicalDiscount
	for _, c := range lib.Stress {
		if c.Target != calc.TargetScenario {
			continue
		}
		for _, f := range c.Patch {
			if v, err := calc.ParseDecimal(f.Value); err == nil && f.Field == "instant_exit_cost" {
				out = append(out, historicalDiscount{c.Label, v})
			}
		}
	}
	return out
}

// loopDiscountWords says, for a looped scenario r whose instant exit discount is own, what
// discount liquidates it and which discounts of history, and its own, reach it. A discount
// liquidates the loop when it is at least r's liquidation discount.
func loopDiscountWords(r calc.ScenarioResult, own decimal.Decimal, history []historicalDiscount) string {
	var b strings.Builder
	b.WriteString(r.Name + ": ")
	if r.LiquidatedDay > 0 {
		b.WriteString("the loop is liquidated on day " + strconv.Itoa(r.LiquidatedDay) + " with no market discount at all.")
		return b.String()
	}
	ld := r.LiquidationDiscount
	b.WriteString("a discount of " + calc.FormatPercent(ld) + " % on the position liquidates this loop")
	for _, h := range history {
		b.WriteString("; " + h.label + ": " + h.discount.String() + " %, ")
		if h.discount.Cmp(ld) >= 0 {
			b.WriteString("would have liquidated it")
		} else {
			b.WriteString("would not have")
		}
	}
	b.WriteString(".")
	if own.Sign() > 0 {
		b.WriteString(" Its instant exit discount, " + own.String() + " %, ")
		if own.Cmp(ld) >= 0 {
			b.WriteString("would liquidate it before the exit.")
		} else {
			b.WriteString("would not liquidate it.")
		}
	}
	return b.String()
}
