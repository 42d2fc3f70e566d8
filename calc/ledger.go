package calc

import (
	"fmt"

	"github.com/holiman/uint256"
	"github.com/shopspring/decimal"
)

// A ledger is one scenario prepared for the daily loop: every rate as a fraction, every amount in
// wei. It is built once per evaluation and read by both paths.
type ledger struct {
	path   string // "scenarios[i]", for errors
	asset  string
	days   int
	layers []ledgerLayer
	loss   ratio       // Σ(risk_probability * risk_loss) / 3650000, the expected daily loss
	start  uint256.Int // B after entry
	entry  flows       // gas and costs paid on entry
}

type ledgerLayer struct {
	apr        ratio // apr / 36500: a day's gross reward per unit of balance
	fee        ratio // fee / 100
	claim      bool
	claimEvery int
	claimGas   uint256.Int
	reinvest   bool
	exitCost   ratio // exit_cost / 100
	exitGas    uint256.Int
}

// flows are the amounts that leave a path other than through losses.
type flows struct {
	gas, costs uint256.Int
}

// pathTotals are what one run of the daily loop leaves.
type pathTotals struct {
	final, pre, held, unclaimed, lost uint256.Int
	flows
	gross, fee []uint256.Int // per layer, when asked for
	series     []uint256.Int // sampled day values, when asked for
	overDay    int           // the first day the value exceeded the limit, or 0
}

var (
	hundred       = decimal.NewFromInt(100)
	daysPerYear   = decimal.NewFromInt(365)
	aprDivisor    = decimal.NewFromInt(36500)   // 365 days * 100 %
	riskDivisor   = decimal.NewFromInt(3650000) // 365 days * 100 % * 100 %
	entryGasError = "the entry costs use up the amount: this layer's entry gas takes everything left"
)

// newLedger prepares scenario sc of set s and runs its entry (day 0):
// for each layer, bottom to top, B -= entry_gas; B -= trunc(B * entry_cost / 100); B must stay > 0.
func newLedger(s Set, i int) (*ledger, error) {
	sc := s.Scenarios[i]
	lg := &ledger{path: fmt.Sprintf("scenarios[%d]", i), asset: s.Asset, days: s.Days}
	risk := decimal.Zero
	lg.start = toWei(s.Amount, nil)
	b := &lg.start
	var cost uint256.Int
	for j, l := range sc.Layers {
		ll := ledgerLayer{
			apr:        newRatio(l.APR, aprDivisor),
			fee:        newRatio(l.Fee, hundred),
			claim:      l.Payout == Claim,
			claimEvery: l.ClaimEvery,
			claimGas:   toWei(l.ClaimGas, maxGasWei),
			reinvest:   l.Reinvest,
			exitCost:   newRatio(l.ExitCost, hundred),
			exitGas:    toWei(l.ExitGas, maxGasWei),
		}
		lg.layers = append(lg.layers, ll)
		risk = risk.Add(l.RiskProbability.Mul(l.RiskLoss))

		gas := toWei(l.EntryGas, maxGasWei)
		lp := fmt.Sprintf("%s.layers[%d]", lg.path, j)
		if !b.Gt(&gas) {
			return nil, fieldErr(lp+".entry_gas", l.EntryGas.String(),
				"the entry costs use up the amount: %s of entry gas leaves nothing of %s %s",
				l.EntryGas, fromWei(b), s.Asset)
		}
		b.Sub(b, &gas)
		lg.entry.gas.Add(&lg.entry.gas, &gas)
		entryCost := newRatio(l.EntryCost, hundred)
		entryCost.apply(&cost, b)
		b.Sub(b, &cost)
		lg.entry.costs.Add(&lg.entry.costs, &cost)
		if b.IsZero() {
			return nil, fieldErr(lp+".entry_cost", l.EntryCost.String(),
				"the entry costs use up the amount: nothing is left after this layer's entry cost")
		}
	}
	lg.loss = newRatio(risk, riskDivisor)
	return lg, nil
}

// run is one path of the daily loop (SPEC section 3), without allocating per day. expected adds
// the daily expected loss; perLayer keeps each layer's gross and fee; sampleEvery > 0 keeps the
// value of every sampleEvery-th day and of the last day.
//
// Each day t = 1 … days:
//
//	base = B; for each layer: gross = trunc(base * apr / 36500), fee = trunc(gross * fee / 100),
//	net = gross - fee; compound: B += net; claim: U += net
//	claim layers with t % claim_every == 0 and U > claim_gas: pay claim_gas, U - claim_gas to B or H
//	expected path: B -= trunc(B * Σ(risk_probability * risk_loss) / 3650000)
//	value = B + H + ΣU, which must not exceed 10^30 units
//
// then the exit: claims that cover their gas go to H, the rest is unclaimed; pre = B; for each
// layer top to bottom B -= trunc(B * exit_cost / 100), B -= min(exit_gas, B); final = B + H.
func (lg *ledger) run(expected, perLayer bool, sampleEvery int) pathTotals {
	n := len(lg.layers)
	var t pathTotals
	t.flows = lg.entry
	unclaimed := make([]uint256.Int, n)
	if perLayer {
		t.gross = make([]uint256.Int, n)
		t.fee = make([]uint256.Int, n)
	}
	if sampleEvery > 0 {
		t.series = make([]uint256.Int, 0, lg.days/sampleEvery+1)
	}
	b := lg.start
	var base, gross, fee, loss, value uint256.Int
	for day := 1; day <= lg.days; day++ {
		base = b
		for i := range lg.layers {
			l := &lg.layers[i]
			l.apr.apply(&gross, &base)
			if gross.IsZero() {
				continue
			}
			l.fee.apply(&fee, &gross)
			if perLayer {
				t.gross[i].Add(&t.gross[i], &gross)
				t.fee[i].Add(&t.fee[i], &fee)
			}
			gross.Sub(&gross, &fee) // net
			if l.claim {
				unclaimed[i].Add(&unclaimed[i], &gross)
			} else {
				b.Add(&b, &gross)
			}
		}
		for i := range lg.layers {
			l := &lg.layers[i]
			if !l.claim || day%l.claimEvery != 0 || !unclaimed[i].Gt(&l.claimGas) {
				continue
			}
			t.gas.Add(&t.gas, &l.claimGas)
			unclaimed[i].Sub(&unclaimed[i], &l.claimGas)
			if l.reinvest {
				b.Add(&b, &unclaimed[i])
			} else {
				t.held.Add(&t.held, &unclaimed[i])
			}
			unclaimed[i].Clear()
		}
		if expected && !lg.loss.zero {
			lg.loss.apply(&loss, &b)
			b.Sub(&b, &loss)
			t.lost.Add(&t.lost, &loss)
		}
		value.Add(&b, &t.held)
		for i := range unclaimed {
			value.Add(&value, &unclaimed[i])
		}
		if value.Gt(limitWei) {
			t.overDay = day
			return t
		}
		if sampleEvery > 0 && (day%sampleEvery == 0 || day == lg.days) {
			t.series = append(t.series, value)
		}
	}

	for i := range lg.layers {
		l := &lg.layers[i]
		if !l.claim {
			continue
		}
		if unclaimed[i].Gt(&l.claimGas) {
			t.gas.Add(&t.gas, &l.claimGas)
			unclaimed[i].Sub(&unclaimed[i], &l.claimGas)
			t.held.Add(&t.held, &unclaimed[i])
		} else {
			t.unclaimed.Add(&t.unclaimed, &unclaimed[i])
		}
	}
	t.pre = b
	var cost uint256.Int
	for i := n - 1; i >= 0; i-- {
		l := &lg.layers[i]
		l.exitCost.apply(&cost, &b)
		b.Sub(&b, &cost)
		t.costs.Add(&t.costs, &cost)
		gas := l.exitGas
		if gas.Gt(&b) {
			gas = b
		}
		b.Sub(&b, &gas)
		t.gas.Add(&t.gas, &gas)
	}
	t.final.Add(&b, &t.held)
	return t
}

// overError is the error of a path whose value exceeded the limit.
func (lg *ledger) overError(day int) error {
	return fieldErr(lg.path, "", "the projection exceeds 10^30 %s by day %d", lg.asset, day)
}
