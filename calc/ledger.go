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
	loss   ratio        // Σ(risk_probability * risk_loss) / 3650000, the expected daily loss
	start  uint256.Int  // B after entry
	entry  []layerFlows // what each layer took on entry
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

// layerFlows are the amounts one layer took out of a path other than through losses.
type layerFlows struct {
	entryGas, entryCost   uint256.Int
	claims                int // claims made, the one at exit included
	claimGas              uint256.Int
	exitCost, exitGas     uint256.Int
	gross, fee, unclaimed uint256.Int
}

// runOptions say what a run of the daily loop keeps beyond its totals.
type runOptions struct {
	expected    bool // take the expected daily loss
	sampleEvery int  // keep the value of every sampleEvery-th day and of the last; 0 keeps none
	everyDay    bool // keep the value of every day (for comparisons between scenarios)
}

// pathTotals are what one run of the daily loop leaves.
type pathTotals struct {
	final, pre, held, lost uint256.Int
	gas, costs, unclaimed  uint256.Int
	layers                 []layerFlows
	series                 []uint256.Int // sampled day values
	days                   []uint256.Int // every day's value
	overDay                int           // the first day the value exceeded the limit, or 0
}

var (
	hundred     = decimal.NewFromInt(100)
	aprDivisor  = decimal.NewFromInt(36500)   // 365 days * 100 %
	riskDivisor = decimal.NewFromInt(3650000) // 365 days * 100 % * 100 %
)

// newLedger prepares scenario sc of set s and runs its entry (day 0):
// for each layer, bottom to top, B -= entry_gas; B -= trunc(B * entry_cost / 100); B must stay > 0.
func newLedger(s Set, i int) (*ledger, error) {
	sc := s.Scenarios[i]
	lg := &ledger{path: fmt.Sprintf("scenarios[%d]", i), asset: s.Asset, days: s.Days}
	risk := decimal.Zero
	lg.start = toWei(s.Amount, nil)
	b := &lg.start
	lg.entry = make([]layerFlows, len(sc.Layers))
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
		e := &lg.entry[j]
		e.entryGas = gas
		entryCost := newRatio(l.EntryCost, hundred)
		entryCost.apply(&e.entryCost, b)
		b.Sub(b, &e.entryCost)
		if b.IsZero() {
			return nil, fieldErr(lp+".entry_cost", l.EntryCost.String(),
				"the entry costs use up the amount: nothing is left after this layer's entry cost")
		}
	}
	lg.loss = newRatio(risk, riskDivisor)
	return lg, nil
}

// run is one path of the daily loop (SPEC section 3), without allocating per day.
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
func (lg *ledger) run(opt runOptions) pathTotals {
	n := len(lg.layers)
	t := pathTotals{layers: make([]layerFlows, n)}
	copy(t.layers, lg.entry)
	if opt.sampleEvery > 0 {
		t.series = make([]uint256.Int, 0, lg.days/opt.sampleEvery+1)
	}
	if opt.everyDay {
		t.days = make([]uint256.Int, 0, lg.days)
	}
	b := lg.start
	var base, gross, fee, loss, value uint256.Int
	for day := 1; day <= lg.days; day++ {
		base = b
		for i := range lg.layers {
			l, f := &lg.layers[i], &t.layers[i]
			l.apr.apply(&gross, &base)
			if gross.IsZero() {
				continue
			}
			l.fee.apply(&fee, &gross)
			f.gross.Add(&f.gross, &gross)
			f.fee.Add(&f.fee, &fee)
			gross.Sub(&gross, &fee) // net
			if l.claim {
				f.unclaimed.Add(&f.unclaimed, &gross)
			} else {
				b.Add(&b, &gross)
			}
		}
		for i := range lg.layers {
			l, f := &lg.layers[i], &t.layers[i]
			if !l.claim || day%l.claimEvery != 0 || !f.unclaimed.Gt(&l.claimGas) {
				continue
			}
			f.claims++
			f.claimGas.Add(&f.claimGas, &l.claimGas)
			f.unclaimed.Sub(&f.unclaimed, &l.claimGas)
			if l.reinvest {
				b.Add(&b, &f.unclaimed)
			} else {
				t.held.Add(&t.held, &f.unclaimed)
			}
			f.unclaimed.Clear()
		}
		if opt.expected && !lg.loss.zero {
			lg.loss.apply(&loss, &b)
			b.Sub(&b, &loss)
			t.lost.Add(&t.lost, &loss)
		}
		value.Add(&b, &t.held)
		for i := range t.layers {
			value.Add(&value, &t.layers[i].unclaimed)
		}
		if value.Gt(limitWei) {
			t.overDay = day
			return t
		}
		if opt.sampleEvery > 0 && (day%opt.sampleEvery == 0 || day == lg.days) {
			t.series = append(t.series, value)
		}
		if opt.everyDay {
			t.days = append(t.days, value)
		}
	}

	for i := range lg.layers {
		l, f := &lg.layers[i], &t.layers[i]
		if !l.claim {
			continue
		}
		if f.unclaimed.Gt(&l.claimGas) {
			f.claims++
			f.claimGas.Add(&f.claimGas, &l.claimGas)
			f.unclaimed.Sub(&f.unclaimed, &l.claimGas)
			t.held.Add(&t.held, &f.unclaimed)
			f.unclaimed.Clear()
		}
		t.unclaimed.Add(&t.unclaimed, &f.unclaimed)
	}
	t.pre = b
	for i := n - 1; i >= 0; i-- {
		l, f := &lg.layers[i], &t.layers[i]
		l.exitCost.apply(&f.exitCost, &b)
		b.Sub(&b, &f.exitCost)
		f.exitGas = l.exitGas
		if f.exitGas.Gt(&b) {
			f.exitGas = b
		}
		b.Sub(&b, &f.exitGas)
	}
	for i := range t.layers {
		f := &t.layers[i]
		t.gas.Add(&t.gas, &f.entryGas)
		t.gas.Add(&t.gas, &f.claimGas)
		t.gas.Add(&t.gas, &f.exitGas)
		t.costs.Add(&t.costs, &f.entryCost)
		t.costs.Add(&t.costs, &f.exitCost)
	}
	t.final.Add(&b, &t.held)
	return t
}

// overError is the error of a path whose value exceeded the limit.
func (lg *ledger) overError(day int) error {
	return fieldErr(lg.path, "", "the projection exceeds 10^30 %s by day %d", lg.asset, day)
}
