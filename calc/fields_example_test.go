package calc_test

import (
	"fmt"

	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// The page builds a layer's inputs from the engine's table of layer fields.
func ExampleLayerFields() {
	for _, f := range calc.LayerFields()[3:7] {
		fmt.Printf("%s (%s): %s, %s, default %q, data-path %s\n",
			f.Label(), f.Unit(), f.Kind(), f.Allowed(), f.Default(), f.PathAt(1, 0))
	}
	// Output:
	// APR (% per year): decimal, a number between 0 and 1000, default "", data-path scenarios[1].layers[0].apr
	// Fee (% of the rewards): decimal, a number between 0 and 100, default "0", data-path scenarios[1].layers[0].fee
	// Rewards (): enum, "compound" or "claim", default "compound", data-path scenarios[1].layers[0].payout
	// Claim every (days): int, a whole number between 1 and 36500, default "", data-path scenarios[1].layers[0].claim_every
}

// Goal seek asks what one field of a scenario must be: it varies the field through its range and
// evaluates each new set, leaving the original as it was.
func ExampleSet_WithDecimal() {
	set, err := calc.Parse([]byte(`{"version":2,"amount":"10","days":365,"scenarios":[
		{"name":"Looped","loop":{"leverage":"3","borrow_apr":"2.2","liquidation_ltv":"93"},
		 "layers":[{"name":"ether.fi","apr":"3","fee":"10"}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	field, _ := calc.FieldByPath("loop.borrow_apr")
	lo, hi, _, _ := field.DecimalRange()
	higher, err := set.WithDecimal(0, "loop.borrow_apr", decimal.RequireFromString("4.5"))
	if err != nil {
		fmt.Println(err)
		return
	}
	was, _ := set.Scenarios[0].Decimal("loop.borrow_apr")
	now, _ := higher.Scenarios[0].Decimal("loop.borrow_apr")
	fmt.Printf("%s from %s to %s %s: was %s, now %s\n", field.Label(), lo, hi, field.Unit(), was, now)
	// Output: Borrow APR from 0 to 1000 % per year: was 2.2, now 4.5
}
