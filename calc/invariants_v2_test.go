package calc

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzLedgerV2Invariants checks what holds for any reward and loop: a reward token worth nothing
// changes no amount; a loop of leverage 1 changes no amount; final ≥ H; and while neither path is
// liquidated a higher borrow rate never raises the final (TestLiquidationCanRaiseFinal shows why
// the condition is needed).
func FuzzLedgerV2Invariants(f *testing.F) {
	f.Add(uint32(32000), uint16(320), uint16(1000), uint16(365), uint32(4000), uint16(700), true, uint8(7),
		uint16(40), uint16(50), uint16(300), uint16(220), uint16(400), uint16(9300), uint16(100), uint16(10), uint16(5))
	f.Add(uint32(1), uint16(65535), uint16(0), uint16(1), uint32(0), uint16(0), false, uint8(0),
		uint16(0), uint16(0), uint16(2000), uint16(65535), uint16(0), uint16(1), uint16(0), uint16(0), uint16(10000))
	f.Fuzz(func(t *testing.T, milliAmount uint32, aprBP, feeBP, days uint16, perYearMilli uint32, growthBP uint16,
		sell bool, every uint8, gasMicro, sellCostBP, leverageCenti, borrowBP, borrowUpBP, ltvBP, penaltyBP, loopCostBP, exitCostBP uint16) {
		bp := func(v uint16, max int64) decimal.Decimal { return decimal.New(int64(v)%(max*100+1), -2) }
		s := Set{Version: 2, Asset: "ETH", Currency: "USD", Amount: decimal.New(int64(milliAmount)+1, -3), Days: int(days)%800 + 1}
		base := NewLayer("a")
		base.APR, base.Fee, base.ExitCost = bp(aprBP, 1000), bp(feeBP, 100), bp(exitCostBP, 100)
		base.RiskProbability, base.RiskLoss = decimal.NewFromInt(1), decimal.NewFromInt(10)
		worthless := base
		worthless.Reward = &Reward{Token: "PTS", PerYear: decimal.New(int64(perYearMilli), -3), Price: decimal.Zero,
			PriceGrowth: bp(growthBP, 1000).Sub(decimal.NewFromInt(100)), Sell: Hold, ClaimGas: decimal.New(int64(gasMicro), -6),
			SellCost: bp(sellCostBP, 100)}
		if sell {
			worthless.Reward.Sell, worthless.Reward.ClaimEvery = SellOnClaim, int(every)+1
		}
		leverage := decimal.NewFromInt(1).Add(decimal.New(int64(leverageCenti)%1901, -2))
		ltv := decimal.New(int64(ltvBP)%10000+1, -2)
		loop := func(lev, borrow decimal.Decimal) *Loop {
			return &Loop{Leverage: lev, BorrowAPR: borrow, LiquidationLTV: ltv, LiquidationPenalty: bp(penaltyBP, 100), EntryCost: bp(loopCostBP, 100)}
		}
		low := bp(borrowBP, 1000)
		high := decimal.Min(low.Add(bp(borrowUpBP, 1000)), decimal.NewFromInt(1000))
		s.Scenarios = []Scenario{
			{Name: "plain", Layers: []Layer{base}},
			{Name: "worthless reward", Layers: []Layer{worthless}},
			{Name: "leverage 1", Layers: []Layer{base}, Loop: loop(decimal.NewFromInt(1), low)},
			{Name: "low rate", Layers: []Layer{worthless}, Loop: loop(leverage, low)},
			{Name: "high rate", Layers: []Layer{worthless}, Loop: loop(leverage, high)},
		}
		if s.Validate() != nil {
			return // a loop liquidated at entry
		}
		res, err := Evaluate(s, Options{})
		if err != nil {
			return // the projection limit
		}
		amounts := func(r ScenarioResult) [8]string {
			return [8]string{r.Final.String(), r.FinalExpected.String(), r.Gas.String(), r.Costs.String(),
				r.Unclaimed.String(), r.Instant.String(), r.Fees.String(), r.LostExpected.String()}
		}
		plain := amounts(res.Scenarios[0])
		if got := amounts(res.Scenarios[1]); got != plain {
			t.Fatalf("a worthless reward changed the amounts: %v, without it %v", got, plain)
		}
		if got := amounts(res.Scenarios[2]); got != plain {
			t.Fatalf("leverage 1 changed the amounts: %v, without a loop %v", got, plain)
		}
		for _, r := range res.Scenarios {
			if r.Final.LessThan(r.Held) {
				t.Fatalf("%s: final %s below H %s", r.Name, r.Final, r.Held)
			}
		}
		lo, hi := res.Scenarios[3], res.Scenarios[4]
		if lo.LiquidatedDay == 0 && hi.LiquidatedDay == 0 && hi.Final.GreaterThan(lo.Final) {
			t.Fatalf("borrowing at %s gives %s, more than %s at %s", high, hi.Final, lo.Final, low)
		}
	})
}

// TestLiquidationCanRaiseFinal is the counter-example to "a higher borrow rate never raises the
// final" once liquidations are allowed: the exit cost is then paid on the small unlooped
// position instead of the whole looped one.
//
//	B = 10, D = 9, ltv 91, exit cost 5 %, no yield.
//	borrow 0: never liquidated (900 < 910); final = 10 − trunc(10 × 0.05) − 9 = 0.5
//	borrow 1000: day 1 D = 9 + trunc(9 × 1000 / 36500) = 9.246575342465753424 ≥ 9.1: liquidated,
//	B = 10 − 9.246575342465753424 = 0.753424657534246576; exit cost
//	trunc(0.753424657534246576 × 0.05) = 0.037671232876712328; final = 0.715753424657534248
func TestLiquidationCanRaiseFinal(t *testing.T) {
	for _, c := range []struct{ borrow, final string }{{"0", "0.5"}, {"1000", "0.715753424657534248"}} {
		s := parseV2(t, v2doc("1", 2, `{"leverage":"10","borrow_apr":"`+c.borrow+`","liquidation_ltv":"91"}`,
			`{"name":"a","apr":"0","exit_cost":"5"}`))
		res, err := Evaluate(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Scenarios[0].Final.String(); got != c.final {
			t.Errorf("final at borrow_apr %s = %s, want %s", c.borrow, got, c.final)
		}
	}
}

// FuzzEvaluateV2 runs any scenario file that parses (the golden version 2 files as seeds) through
// the ledger, the results document, the explanations and goal seek: nothing panics, the document
// is JSON, and final ≥ H.
func FuzzEvaluateV2(f *testing.F) {
	for _, name := range []string{"eigen-rewards", "loop"} {
		f.Add(mustRead(f, "testdata/golden/"+name+".json"), uint8(0))
	}
	f.Fuzz(func(t *testing.T, doc []byte, pick uint8) {
		s, err := Parse(doc)
		if err != nil || s.Days > 1000 {
			return
		}
		res, err := Evaluate(s, Options{Series: true, SeriesPoints: 50, BreakEven: true})
		if err != nil {
			return
		}
		out, err := res.MarshalJSON()
		if err != nil || !json.Valid(out) {
			t.Fatalf("MarshalJSON = %s, %v", out, err)
		}
		for i, r := range res.Scenarios {
			if r.Final.LessThan(r.Held) {
				t.Fatalf("%s: final %s below H %s", r.Name, r.Final, r.Held)
			}
			for _, field := range append(FigureFields(), LoopFigures()...) {
				Explain(s, res, i, field)
			}
		}
		i := int(pick) % len(s.Scenarios)
		paths := []string{"layers[0].apr", "instant_exit_cost", "loop.borrow_apr", "loop.leverage", "layers[0].reward.price"}
		Solve(s, Goal{Scenario: i, Field: paths[int(pick)%len(paths)], Match: (i + 1) % len(s.Scenarios)})
	})
}
