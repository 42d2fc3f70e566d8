package calc

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

// twinLedger is SPEC sections 3 and 8 written out plainly in decimals, one day after another,
// with no wei, no reciprocals and no shortcuts: the engine's ledger must agree with it to the
// wei on every figure and every day. Token prices come from the pricePath, which
// TestPricePathValues checks on its own.
type twinLedger struct {
	final, pre, held, gas, costs, unclaimed, lost, debt, interest decimal.Decimal
	tokens, tokenValue                                            []decimal.Decimal
	liquidatedDay                                                 int
	worstD, worstB                                                decimal.Decimal // where D / B was largest
	series                                                        []decimal.Decimal
	over                                                          bool
}

func runTwin(s Set, i int, expected bool) (twinLedger, error) {
	sc := s.Scenarios[i]
	tr := func(d decimal.Decimal) decimal.Decimal { return d.Truncate(MaxDecimals) }
	exact := func(a, b decimal.Decimal) decimal.Decimal { q, _ := a.QuoRem(b, MaxDecimals); return q } // trunc(a / b)
	pct := func(b, p decimal.Decimal) decimal.Decimal { return exact(b.Mul(p), hundred) }
	var x twinLedger
	n := len(sc.Layers)
	x.tokens, x.tokenValue = make([]decimal.Decimal, n), make([]decimal.Decimal, n)
	u, tok := make([]decimal.Decimal, n), make([]decimal.Decimal, n)
	prices := make([]*pricePath, n)
	price := func(j, t int) decimal.Decimal {
		w := prices[j].at(t)
		return fromWei(&w.v)
	}
	b := s.Amount
	risk := decimal.Zero
	for j, l := range sc.Layers {
		if !b.GreaterThan(l.EntryGas) {
			return x, fmt.Errorf("entry gas")
		}
		b = b.Sub(l.EntryGas)
		c := pct(b, l.EntryCost)
		b = b.Sub(c)
		if b.Sign() <= 0 {
			return x, fmt.Errorf("entry cost")
		}
		x.gas, x.costs = x.gas.Add(l.EntryGas), x.costs.Add(c)
		risk = risk.Add(l.RiskProbability.Mul(l.RiskLoss))
		if l.Reward != nil {
			prices[j] = newPricePath(l.Reward.Price, l.Reward.PriceGrowth, s.Days)
		}
	}
	d := decimal.Zero
	lp := sc.Loop
	if lp != nil {
		d = tr(b.Mul(lp.Leverage.Sub(decimal.NewFromInt(1))))
		c := pct(d, lp.EntryCost)
		b = b.Add(d).Sub(c)
		x.costs = x.costs.Add(c)
		if d.Sign() > 0 && d.Mul(hundred).GreaterThanOrEqual(b.Mul(lp.LiquidationLTV)) {
			return x, fmt.Errorf("liquidated at entry")
		}
		x.worstD, x.worstB = d, b
	}
	limit := decimal.New(1, 30)
	sell := func(j, t int, into *decimal.Decimal) bool {
		rw := sc.Layers[j].Reward
		v := tr(tok[j].Mul(price(j, t)))
		c := pct(v, rw.SellCost)
		if !v.Sub(c).GreaterThan(rw.ClaimGas) {
			return false
		}
		x.gas, x.costs = x.gas.Add(rw.ClaimGas), x.costs.Add(c)
		x.tokenValue[j] = x.tokenValue[j].Add(v.Sub(c))
		*into = into.Add(v.Sub(c).Sub(rw.ClaimGas))
		tok[j] = decimal.Zero
		return true
	}
	for t := 1; t <= s.Days; t++ {
		base := b
		for j, l := range sc.Layers {
			gross := exact(base.Mul(l.APR), aprDivisor)
			net := gross.Sub(pct(gross, l.Fee))
			if l.Payout == Claim {
				u[j] = u[j].Add(net)
			} else {
				b = b.Add(net)
			}
			if l.Reward != nil {
				tg := exact(base.Mul(l.Reward.PerYear), daysInYear)
				tg = tg.Sub(pct(tg, l.Fee))
				tok[j], x.tokens[j] = tok[j].Add(tg), x.tokens[j].Add(tg)
			}
		}
		for j, l := range sc.Layers {
			if l.Payout == Claim && t%l.ClaimEvery == 0 && u[j].GreaterThan(l.ClaimGas) {
				x.gas = x.gas.Add(l.ClaimGas)
				if l.Reinvest {
					b = b.Add(u[j].Sub(l.ClaimGas))
				} else {
					x.held = x.held.Add(u[j].Sub(l.ClaimGas))
				}
				u[j] = decimal.Zero
			}
		}
		for j, l := range sc.Layers {
			if rw := l.Reward; rw != nil && rw.Sell == SellOnClaim && t%rw.ClaimEvery == 0 {
				if l.Reinvest {
					sell(j, t, &b)
				} else {
					sell(j, t, &x.held)
				}
			}
		}
		if d.Sign() > 0 {
			r := exact(d.Mul(lp.BorrowAPR), aprDivisor)
			d, x.interest = d.Add(r), x.interest.Add(r)
		}
		if expected {
			loss := exact(b.Mul(risk), riskDivisor)
			b, x.lost = b.Sub(loss), x.lost.Add(loss)
		}
		if d.Sign() > 0 && !d.Mul(hundred).GreaterThanOrEqual(b.Mul(lp.LiquidationLTV)) &&
			d.Mul(x.worstB).GreaterThan(x.worstD.Mul(b)) {
			x.worstD, x.worstB = d, b
		}
		if d.Sign() > 0 && d.Mul(hundred).GreaterThanOrEqual(b.Mul(lp.LiquidationLTV)) {
			b = decimal.Max(decimal.Zero, b.Sub(d).Sub(pct(d, lp.LiquidationPenalty)))
			d = decimal.Zero
			if x.liquidatedDay == 0 {
				x.liquidatedDay = t
			}
		}
		value := b.Add(x.held)
		for j := range sc.Layers {
			value = value.Add(u[j])
			if tok[j].Sign() > 0 {
				value = value.Add(tr(tok[j].Mul(price(j, t))))
			}
		}
		if value.GreaterThan(limit) {
			x.over = true
			return x, nil
		}
		x.series = append(x.series, value.Sub(d))
	}
	for j, l := range sc.Layers {
		if l.Payout == Claim {
			if u[j].GreaterThan(l.ClaimGas) {
				x.gas, x.held = x.gas.Add(l.ClaimGas), x.held.Add(u[j].Sub(l.ClaimGas))
			} else {
				x.unclaimed = x.unclaimed.Add(u[j])
			}
		}
	}
	for j, l := range sc.Layers {
		if l.Reward != nil && tok[j].Sign() > 0 && !sell(j, s.Days, &x.held) {
			x.unclaimed = x.unclaimed.Add(tr(tok[j].Mul(price(j, s.Days))))
		}
	}
	x.pre = b
	for j := n - 1; j >= 0; j-- {
		l := sc.Layers[j]
		c := pct(b, l.ExitCost)
		b = b.Sub(c)
		g := decimal.Min(l.ExitGas, b)
		b = b.Sub(g)
		x.costs, x.gas = x.costs.Add(c), x.gas.Add(g)
	}
	x.debt = d
	b = b.Sub(decimal.Min(d, b))
	x.final = b.Add(x.held)
	return x, nil
}

// FuzzLedgerTwin compares the engine with the plain ledger on small random stacks with rewards,
// claims, risks and loops, both paths, every day.
func FuzzLedgerTwin(f *testing.F) {
	f.Add(uint16(1000), uint16(40), uint16(300), uint16(1000), uint16(50), uint32(40000), uint16(3), uint16(70), uint8(7),
		uint16(40), uint16(50), uint16(200), uint16(220), uint16(9300), uint16(100), uint16(10), uint8(0))
	f.Add(uint16(7), uint16(400), uint16(65535), uint16(0), uint16(9999), uint32(0), uint16(0), uint16(1100), uint8(1),
		uint16(0), uint16(10000), uint16(1900), uint16(65535), uint16(5), uint16(10000), uint16(10000), uint8(255))
	f.Fuzz(twinCase)
}

func twinCase(t *testing.T, milliAmount, days, aprBP, apr2BP, feeBP uint16, perYearMilli uint32, priceMicro, growthBP uint16,
	every uint8, gasMicro, sellCostBP, leverageCenti, borrowBP, ltvBP, penaltyBP, loopCostBP uint16, flags uint8) {
	bp := func(v uint16, max int64) decimal.Decimal { return decimal.New(int64(v)%(max*100+1), -2) }
	s := Set{Version: 2, Asset: "ETH", Currency: "USD", Amount: decimal.New(int64(milliAmount)+1, -3), Days: int(days)%120 + 1}
	a := NewLayer("a")
	a.APR, a.Fee, a.ExitCost, a.EntryGas = bp(aprBP, 1000), bp(feeBP, 100), bp(sellCostBP, 100), decimal.New(int64(gasMicro), -7)
	a.RiskProbability, a.RiskLoss = bp(feeBP, 100), bp(loopCostBP, 100)
	a.Reward = &Reward{Token: "X", PerYear: decimal.New(int64(perYearMilli), -3), Price: decimal.New(int64(priceMicro), -6),
		PriceGrowth: bp(growthBP, 1100).Sub(hundred), Sell: Hold, ClaimGas: decimal.New(int64(gasMicro), -6), SellCost: bp(sellCostBP, 100)}
	if flags&1 == 0 {
		a.Reward.Sell, a.Reward.ClaimEvery = SellOnClaim, int(every)%30+1
	}
	a.Reinvest = flags&2 == 0
	b := NewLayer("b")
	b.APR, b.Fee, b.Payout, b.ClaimEvery, b.ClaimGas, b.Reinvest = bp(apr2BP, 1000), bp(feeBP, 100), Claim, int(every)%20+1, decimal.New(int64(gasMicro), -6), flags&4 == 0
	b.ExitGas = decimal.New(int64(gasMicro), -5)
	if flags&8 == 0 {
		b.Reward = &Reward{Token: "Y", PerYear: decimal.New(int64(perYearMilli)%1000, -1), Price: decimal.New(int64(priceMicro)%97, -4),
			PriceGrowth: bp(growthBP, 500).Neg(), Sell: Hold}
	}
	sc := Scenario{Name: "s", Layers: []Layer{a, b}, InstantExitCost: bp(penaltyBP, 100)}
	if flags&16 == 0 {
		sc.Loop = &Loop{Leverage: decimal.NewFromInt(1).Add(decimal.New(int64(leverageCenti)%1901, -2)), BorrowAPR: bp(borrowBP, 1000),
			LiquidationLTV: decimal.New(int64(ltvBP)%10000+1, -2), LiquidationPenalty: bp(penaltyBP, 100), EntryCost: bp(loopCostBP, 100)}
	}
	s.Scenarios = []Scenario{sc}
	if s.Validate() != nil {
		return
	}
	res, err := Evaluate(s, Options{Series: true})
	nominal, errN := runTwin(s, 0, false)
	exp, errE := runTwin(s, 0, true)
	if errN != nil || errE != nil || nominal.over || exp.over {
		if err == nil {
			t.Fatalf("the twin stops (%v, %v, over %v %v), the engine does not", errN, errE, nominal.over, exp.over)
		}
		return
	}
	if err != nil {
		t.Fatalf("Evaluate = %v, the twin runs", err)
	}
	r := res.Scenarios[0]
	kept, _ := nominal.pre.Mul(hundred.Sub(sc.InstantExitCost)).QuoRem(hundred, MaxDecimals)
	instant := decimal.Max(decimal.Zero, kept.Sub(nominal.debt).Sub(b.ExitGas)).Add(nominal.held)
	check := func(name string, got, want decimal.Decimal) {
		if !got.Equal(want) {
			t.Fatalf("%s = %s, the twin says %s", name, got, want)
		}
	}
	for k, v := range r.Series {
		if !v.Value.Equal(nominal.series[k]) {
			t.Logf("first series difference day %d: %s vs twin %s (days %d)", k+1, v.Value, nominal.series[k], s.Days)
			break
		}
	}
	check("final", r.Final, nominal.final)
	check("final_expected", r.FinalExpected, exp.final)
	check("gas", r.Gas, nominal.gas)
	check("costs", r.Costs, nominal.costs)
	check("unclaimed", r.Unclaimed, nominal.unclaimed)
	check("lost_expected", r.LostExpected, exp.lost)
	check("instant", r.Instant, instant)
	for j := range r.Layers {
		check(fmt.Sprintf("layers[%d].tokens", j), r.Layers[j].Tokens, nominal.tokens[j])
		check(fmt.Sprintf("layers[%d].token_value", j), r.Layers[j].TokenValue, nominal.tokenValue[j])
	}
	if sc.Loop != nil {
		check("debt", r.Debt, nominal.debt)
		check("interest", r.Interest, nominal.interest)
		discount := hundred
		switch {
		case nominal.liquidatedDay > 0:
			discount = decimal.Zero
		case nominal.worstD.Sign() > 0:
			q := new(big.Rat).Quo(nominal.worstD.Mul(decimal.NewFromInt(10000)).Rat(), nominal.worstB.Mul(sc.Loop.LiquidationLTV).Rat())
			discount = roundRat(q.Sub(big.NewRat(100, 1), q), PercentPlaces)
		}
		check("liquidation_discount", r.LiquidationDiscount, discount)
		if r.LiquidatedDay != nominal.liquidatedDay {
			t.Fatalf("liquidated_day = %d, the twin says %d", r.LiquidatedDay, nominal.liquidatedDay)
		}
	}
	for k, v := range r.Series {
		check(fmt.Sprintf("series day %d", k+1), v.Value, nominal.series[k])
	}
	for k, v := range r.SeriesExpected {
		check(fmt.Sprintf("expected series day %d", k+1), v.Value, exp.series[k])
	}
}
