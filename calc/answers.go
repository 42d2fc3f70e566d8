package calc

import (
	"fmt"
	"math/big"

	"github.com/holiman/uint256"
	"github.com/shopspring/decimal"
)

// CompoundedAPY returns the APY of a compounding layer alone: its APR less the fee, earned daily
// and compounded for a year, ((1 + apr * (1 - fee / 100) / 36500)^365 - 1) * 100, rounded half-even
// to 6 places. The ledger truncates every day to the wei, so its APY can be a hair lower.
func CompoundedAPY(aprPercent, feePercent decimal.Decimal) decimal.Decimal {
	daily := new(big.Rat).Mul(aprPercent.Rat(), new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).Quo(feePercent.Rat(), big.NewRat(100, 1))))
	daily.Quo(daily, big.NewRat(36500, 1))
	daily.Add(daily, big.NewRat(1, 1))
	x := powRat(daily, 365)
	x.Sub(x, big.NewRat(1, 1))
	return roundRat(x.Mul(x, big.NewRat(100, 1)), PercentPlaces)
}

// Cadence is the best claim interval of one claim layer, found by running the scenario's
// nominal path for each candidate interval with everything else unchanged.
type Cadence struct {
	Scenario, Layer int
	CurrentDays     int             // the interval in the file
	CurrentFinal    decimal.Decimal // the final amount with it
	BestDays        int             // the interval with the largest final; ties keep the current, else the longest
	BestFinal       decimal.Decimal
	Gain            decimal.Decimal // BestFinal - CurrentFinal, never negative
	Exhaustive      bool            // every interval from 1 to days + 1 was tried
	Tried           int             // how many intervals were tried
}

// exhaustiveCadenceDays is the longest horizon for which ClaimCadence tries every interval.
const exhaustiveCadenceDays = 730

// ClaimCadence finds the claim interval of layer j of scenario i that maximises its nominal final,
// given its claim gas. An interval longer than the horizon means a single claim at exit; it is
// tried as days + 1. Up to 730 days every interval is tried; beyond, every interval up to 365,
// then intervals 2 % apart up to the horizon, then every interval around the best of those.
func ClaimCadence(s Set, i, j int) (Cadence, error) {
	if err := s.Validate(); err != nil {
		return Cadence{}, err
	}
	if i < 0 || i >= len(s.Scenarios) || j < 0 || j >= len(s.Scenarios[i].Layers) || s.Scenarios[i].Layers[j].Payout != Claim {
		return Cadence{}, fmt.Errorf("scenarios[%d].layers[%d] is not a claim layer", i, j)
	}
	lg, err := newLedger(s, i)
	if err != nil {
		return Cadence{}, err
	}
	c := Cadence{Scenario: i, Layer: j, CurrentDays: s.Scenarios[i].Layers[j].ClaimEvery}
	finals := map[int]uint256.Int{}
	try := func(every int) error {
		if every < 1 || every > MaxDays || every > s.Days+1 {
			return nil
		}
		if _, done := finals[every]; done {
			return nil
		}
		lg.layers[j].claimEvery = every
		t := lg.run(runOptions{})
		if t.overDay > 0 {
			return lg.overError(t.overDay)
		}
		finals[every] = t.final
		return nil
	}
	if err := try(c.CurrentDays); err != nil {
		return Cadence{}, err
	}
	longest := min(s.Days+1, MaxDays)
	if s.Days <= exhaustiveCadenceDays {
		c.Exhaustive = true
		for every := 1; every <= longest; every++ {
			try(every)
		}
	} else {
		for every := 1; every <= 365; every++ {
			try(every)
		}
		for every := 365; every < longest; every = every*102/100 + 1 {
			try(every)
		}
		try(longest)
		best := bestInterval(finals, c.CurrentDays)
		for every := best * 98 / 100; every <= best*102/100+1; every++ {
			try(every)
		}
	}
	c.Tried = len(finals)
	c.BestDays = bestInterval(finals, c.CurrentDays)
	cur, best := finals[c.CurrentDays], finals[c.BestDays]
	c.CurrentFinal, c.BestFinal = fromWei(&cur), fromWei(&best)
	c.Gain = c.BestFinal.Sub(c.CurrentFinal)
	return c, nil
}

// bestInterval is the interval with the largest final; among equals the current one, else the
// longest (fewer transactions for the same money).
func bestInterval(finals map[int]uint256.Int, current int) int {
	best := current
	for every, f := range finals {
		b := finals[best]
		if f.Gt(&b) || (f.Eq(&b) && best != current && every > best) {
			best = every
		}
	}
	return best
}

// RiskBudget says how much extra risk a scenario's extra yield pays for, against the first
// scenario: the yearly probability of a total loss of the whole stack (on top of the risks it
// already carries) at which its expected final falls to the first scenario's expected final.
type RiskBudget struct {
	Scenario int
	// ProbabilityPercent is that yearly probability, in percent, to 6 places, found by bisection:
	// with it the expected final is still at least the first's, with 0.000001 more it is not.
	ProbabilityPercent decimal.Decimal
	// OnceInYears is 100 / ProbabilityPercent, to 1 place: "a total loss up to once in N years".
	OnceInYears decimal.Decimal
	// None: the scenario's expected final is already at or below the first's; it pays for no risk.
	None bool
	// Unbounded: even a total loss every year (100 %) leaves it ahead.
	Unbounded bool
}

// RiskBudgets returns the risk budget of every scenario but the first, against the first.
func RiskBudgets(s Set) ([]RiskBudget, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if len(s.Scenarios) < 2 {
		return nil, nil
	}
	base, err := newLedger(s, 0)
	if err != nil {
		return nil, err
	}
	bt := base.run(runOptions{expected: true})
	if bt.overDay > 0 {
		return nil, base.overError(bt.overDay)
	}
	target := bt.final
	var out []RiskBudget
	for i := 1; i < len(s.Scenarios); i++ {
		lg, err := newLedger(s, i)
		if err != nil {
			return nil, err
		}
		risk := decimal.Zero
		for _, l := range s.Scenarios[i].Layers {
			risk = risk.Add(l.RiskProbability.Mul(l.RiskLoss))
		}
		// expectedFinal(p) with an extra total loss of p % a year: Σ(p*l) grows by p * 100.
		ahead := func(pMicro int64) (bool, error) {
			p := decimal.New(pMicro, -PercentPlaces)
			lg.loss = newRatio(risk.Add(p.Mul(hundred)), riskDivisor)
			t := lg.run(runOptions{expected: true})
			if t.overDay > 0 {
				return false, lg.overError(t.overDay)
			}
			return !t.final.Lt(&target), nil
		}
		rb := RiskBudget{Scenario: i}
		lo, hi := int64(0), int64(100_000_000) // micro-percent
		if ok, err := ahead(lo); err != nil {
			return nil, err
		} else if !ok {
			rb.None = true
			rb.ProbabilityPercent, rb.OnceInYears = decimal.Zero, decimal.Zero
			out = append(out, rb)
			continue
		}
		if ok, _ := ahead(hi); ok {
			rb.Unbounded = true
			rb.ProbabilityPercent = decimal.New(hi, -PercentPlaces)
			rb.OnceInYears = decimal.NewFromInt(1)
			out = append(out, rb)
			continue
		}
		for hi-lo > 1 { // ahead(lo) and not ahead(hi)
			mid := lo + (hi-lo)/2
			if ok, _ := ahead(mid); ok {
				lo = mid
			} else {
				hi = mid
			}
		}
		rb.ProbabilityPercent = decimal.New(lo, -PercentPlaces)
		if lo > 0 {
			rb.OnceInYears = hundred.DivRound(rb.ProbabilityPercent, 1)
		} else {
			rb.None = true
		}
		out = append(out, rb)
	}
	return out, nil
}
