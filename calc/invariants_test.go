package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzLedgerInvariants checks what holds for any stack: per layer gross = fee + net; without
// claim gas the nominal final is never below the expected final; and a layer with apr 0 and no
// costs changes no amount.
func FuzzLedgerInvariants(f *testing.F) {
	f.Add(uint64(32000), uint16(320), uint16(1000), uint16(150), uint16(365), uint8(30), uint16(5), uint16(50), uint16(200), true)
	f.Add(uint64(1), uint16(65535), uint16(0), uint16(65535), uint16(1), uint8(1), uint16(10000), uint16(10000), uint16(0), false)
	f.Fuzz(func(t *testing.T, milliAmount uint64, aprBP, feeBP, apr2BP, days uint16, claimEvery uint8,
		riskBP, lossBP, gasMicro uint16, reinvest bool) {
		bp := func(v uint16, max int64) decimal.Decimal { // basis points, capped
			return decimal.New(int64(v)%(max*100+1), -2)
		}
		s := Set{Version: 1, Asset: "ETH", Currency: "USD",
			Amount: decimal.New(int64(milliAmount%1e15)+1, -3), Days: int(days)%1500 + 1}
		a := NewLayer("a")
		a.APR, a.Fee = bp(aprBP, 1000), bp(feeBP, 100)
		a.RiskProbability, a.RiskLoss = bp(riskBP, 100), bp(lossBP, 100)
		b := NewLayer("b")
		b.APR, b.Fee, b.Payout, b.ClaimEvery, b.Reinvest = bp(apr2BP, 1000), bp(feeBP, 100), Claim, int(claimEvery)+1, reinvest
		idle := NewLayer("idle")
		idle.Fee = bp(feeBP, 100)
		s.Scenarios = []Scenario{{Name: "x", Layers: []Layer{a, b}}, {Name: "y", Layers: []Layer{a, idle, b}}}

		res, err := Evaluate(s, Options{})
		if err != nil {
			return // the projection limit
		}
		for _, r := range res.Scenarios {
			for _, l := range r.Layers {
				if !l.Gross.Equal(l.Fee.Add(l.Net)) {
					t.Fatalf("layer %s: gross %s != fee %s + net %s", l.Name, l.Gross, l.Fee, l.Net)
				}
			}
			if r.Final.LessThan(r.FinalExpected) {
				t.Fatalf("nominal final %s below expected %s", r.Final, r.FinalExpected)
			}
		}
		x, y := res.Scenarios[0], res.Scenarios[1]
		if !x.Final.Equal(y.Final) || !x.FinalExpected.Equal(y.FinalExpected) || !x.Fees.Equal(y.Fees) || !y.Layers[1].Gross.IsZero() {
			t.Fatalf("an idle layer changed the figures: %+v vs %+v", x, y)
		}

		// With claim gas, the claim layer's gas is paid only out of rewards that cover it.
		s.Scenarios[0].Layers[1].ClaimGas = decimal.New(int64(gasMicro), -6)
		res, err = Evaluate(s, Options{})
		if err == nil && res.Scenarios[0].Gas.GreaterThan(res.Scenarios[0].Layers[1].Net) {
			t.Fatalf("claim gas %s exceeds the claimed rewards %s", res.Scenarios[0].Gas, res.Scenarios[0].Layers[1].Net)
		}
	})
}
