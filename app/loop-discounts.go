package main

import (
	"strconv"
	"strings"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// loopDiscounts puts each looped scenario's liquidation discount beside the market discounts of
// history (the stress cases that set the instant exit discount) and the scenario's own instant
// exit discount, saying which of them would have liquidated the loop: "a discount of 4.7 % on
// the position liquidates this loop; stETH discount, June 2022: 6 %, would have liquidated it".
type loopDiscounts struct {
	app.Compo

	Iset     calc.Set
	Iresults calc.Results
}

func newLoopDiscounts() *loopDiscounts {
	return &loopDiscounts{}
}

func (d *loopDiscounts) Set(v calc.Set) *loopDiscounts {
	d.Iset = v
	return d
}

func (d *loopDiscounts) Results(v calc.Results) *loopDiscounts {
	d.Iresults = v
	return d
}

func (d *loopDiscounts) Render() app.UI {
	rs := d.Iresults.Scenarios
	if !anyLoop(rs) {
		return app.Div().Class("loop-discounts")
	}
	history := historicalDiscounts()
	var items []app.UI
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
	return app.Div().Class("loop-discounts").Body(
		app.P().Class("loop-discounts-head").Text("What liquidates the loops, beside the discounts of history:"),
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
