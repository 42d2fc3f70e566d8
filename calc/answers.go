package calc

import (
	"fmt"
	"math/big"
	"slices"

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
// It runs a [CadenceSearch] to the end.
func ClaimCadence(s Set, i, j int) (Cadence, error) {
	cs, err := NewCadenceSearch(s, i, j)
	if err != nil {
		return Cadence{}, err
	}
	for !cs.Step() {
	}
	return cs.Result()
}

// CadenceSearch is the search of [ClaimCadence] one run of the ledger at a time, so that a
// caller can spread it over time and say how far it got. Each [CadenceSearch.Step] runs the
// scenario's nominal path once over the whole horizon, for one interval.
type CadenceSearch struct {
	lg       *ledger
	j        int
	days     int
	longest  int // the longest interval tried: days + 1, a single claim at exit
	c        Cadence
	finals   map[int]uint256.Int
	queue    []int // intervals still to try, in order
	planned  int   // intervals planned so far, tried or not
	refining bool  // the intervals around the best of the coarse ones are planned
	done     bool
	err      error
}

// NewCadenceSearch prepares the search for layer j of scenario i; it runs nothing yet.
func NewCadenceSearch(s Set, i, j int) (*CadenceSearch, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if i < 0 || i >= len(s.Scenarios) || j < 0 || j >= len(s.Scenarios[i].Layers) || s.Scenarios[i].Layers[j].Payout != Claim {
		return nil, fmt.Errorf("scenarios[%d].layers[%d] is not a claim layer", i, j)
	}
	lg, err := newLedger(s, i)
	if err != nil {
		return nil, err
	}
	cs := &CadenceSearch{lg: lg, j: j, days: s.Days, longest: min(s.Days+1, MaxDays),
		c: Cadence{Scenario: i, Layer: j, CurrentDays: s.Scenarios[i].Layers[j].ClaimEvery}, finals: map[int]uint256.Int{}}
	cs.plan(cs.c.CurrentDays)
	if s.Days <= exhaustiveCadenceDays {
		cs.c.Exhaustive = true
		for every := 1; every <= cs.longest; every++ {
			cs.plan(every)
		}
	} else {
		for every := 1; every <= 365; every++ {
			cs.plan(every)
		}
		for every := 365; every < cs.longest; every = every*102/100 + 1 {
			cs.plan(every)
		}
		cs.plan(cs.longest)
	}
	return cs, nil
}

// plan adds an interval to try, unless it is out of range or already planned.
func (cs *CadenceSearch) plan(every int) {
	if every < 1 || every > cs.longest || slices.Contains(cs.queue, every) {
		return
	}
	if _, tried := cs.finals[every]; tried {
		return
	}
	cs.queue = append(cs.queue, every)
	cs.planned++
}

// Step tries the next interval and reports whether the search is over. An interval whose
// projection breaks the 10^30 bound is left out; for the current interval that ends the search
// with the error.
func (cs *CadenceSearch) Step() bool {
	if cs.done {
		return true
	}
	if len(cs.queue) > 0 {
		every := cs.queue[0]
		cs.queue = cs.queue[1:]
		cs.lg.layers[cs.j].claimEvery = every
		t := cs.lg.run(runOptions{})
		switch {
		case t.overDay == 0:
			cs.finals[every] = t.final
		case every == cs.c.CurrentDays:
			cs.err, cs.done = cs.lg.overError(t.overDay), true
			return true
		}
	}
	if len(cs.queue) == 0 && !cs.c.Exhaustive && !cs.refining {
		cs.refining = true
		best := bestInterval(cs.finals, cs.c.CurrentDays)
		for every := best * 98 / 100; every <= best*102/100+1; every++ {
			cs.plan(every)
		}
	}
	cs.done = len(cs.queue) == 0
	return cs.done
}

// Progress says how many intervals were tried and how many are planned so far; the plan grows
// once, when the intervals around the best of the coarse ones are added.
func (cs *CadenceSearch) Progress() (tried, planned int) {
	return cs.planned - len(cs.queue), cs.planned
}

// Result returns the search's answer once [CadenceSearch.Step] has reported it over.
func (cs *CadenceSearch) Result() (Cadence, error) {
	if cs.err != nil {
		return Cadence{}, cs.err
	}
	if !cs.done {
		return Cadence{}, fmt.Errorf("scenarios[%d].layers[%d]: the search for the best claim interval is not over", cs.c.Scenario, cs.j)
	}
	c := cs.c
	c.Tried = len(cs.finals)
	c.BestDays = bestInterval(cs.finals, c.CurrentDays)
	cur, best := cs.finals[c.CurrentDays], cs.finals[c.BestDays]
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

// RiskBudgetRuns is the most runs of the ledger a [RiskBudgetSearch] takes: the first
// scenario's expected path, the scenario without and with a total loss every year, and a
// bisection of 0 to 100 % in steps of 0.000001 (27 halvings).
const RiskBudgetRuns = 30

// RiskBudgets returns the risk budget of every scenario but the first, against the first.
func RiskBudgets(s Set) ([]RiskBudget, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if len(s.Scenarios) < 2 {
		return nil, nil
	}
	var out []RiskBudget
	var target *uint256.Int
	for i := 1; i < len(s.Scenarios); i++ {
		rs, err := newRiskBudgetSearch(s, i, target)
		if err != nil {
			return nil, err
		}
		for !rs.Step() {
		}
		rb, err := rs.Result()
		if err != nil {
			return nil, err
		}
		target = &rs.target
		out = append(out, rb)
	}
	return out, nil
}

// RiskBudgetSearch works out the [RiskBudget] of one scenario one run of the ledger at a time,
// so that a caller can spread the work over time and say how far it got. Each
// [RiskBudgetSearch.Step] runs one path over the whole horizon; there are at most
// [RiskBudgetRuns] of them.
type RiskBudgetSearch struct {
	base   *ledger // the first scenario, until its expected final is known
	lg     *ledger
	target uint256.Int     // the first scenario's expected final
	risk   decimal.Decimal // Σ(risk_probability * risk_loss) of the scenario
	stage  budgetStage
	lo, hi int64 // micro-percent: ahead at lo, not at hi
	runs   int
	rb     RiskBudget
	err    error
}

type budgetStage int

const (
	budgetTarget budgetStage = iota // run the first scenario's expected path
	budgetLow                       // is the scenario ahead with no extra risk?
	budgetHigh                      // is it still ahead with a total loss every year?
	budgetBisect
	budgetDone
)

// NewRiskBudgetSearch prepares the search for scenario i (1 or more) against the first; it
// runs nothing yet.
func NewRiskBudgetSearch(s Set, i int) (*RiskBudgetSearch, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if i < 1 || i >= len(s.Scenarios) {
		return nil, fmt.Errorf("scenarios[%d]: a risk budget is worked out for a scenario after the first", i)
	}
	return newRiskBudgetSearch(s, i, nil)
}

// newRiskBudgetSearch prepares the search, with the first scenario's expected final when it is
// known already.
func newRiskBudgetSearch(s Set, i int, target *uint256.Int) (*RiskBudgetSearch, error) {
	rs := &RiskBudgetSearch{rb: RiskBudget{Scenario: i}, hi: 100_000_000}
	var err error
	if target != nil {
		rs.target, rs.stage = *target, budgetLow
	} else if rs.base, err = newLedger(s, 0); err != nil {
		return nil, err
	}
	if rs.lg, err = newLedger(s, i); err != nil {
		return nil, err
	}
	for _, l := range s.Scenarios[i].Layers {
		rs.risk = rs.risk.Add(l.RiskProbability.Mul(l.RiskLoss))
	}
	return rs, nil
}

// ahead runs the expected path with an extra total loss of pMicro millionths of a percent a
// year, Σ(p*l) grown by p * 100, and says whether its final is still at least the target.
func (rs *RiskBudgetSearch) ahead(pMicro int64) (bool, error) {
	p := decimal.New(pMicro, -PercentPlaces)
	rs.lg.loss = newRatio(rs.risk.Add(p.Mul(hundred)), riskDivisor)
	t := rs.lg.run(runOptions{expected: true})
	if t.overDay > 0 {
		return false, rs.lg.overError(t.overDay)
	}
	return !t.final.Lt(&rs.target), nil
}

// Step runs the ledger once and reports whether the search is over.
func (rs *RiskBudgetSearch) Step() bool {
	if rs.stage == budgetDone {
		return true
	}
	rs.runs++
	switch rs.stage {
	case budgetTarget:
		bt := rs.base.run(runOptions{expected: true})
		if bt.overDay > 0 {
			rs.err, rs.stage = rs.base.overError(bt.overDay), budgetDone
			break
		}
		rs.target, rs.stage = bt.final, budgetLow
	case budgetLow:
		ok, err := rs.ahead(rs.lo)
		switch {
		case err != nil:
			rs.err, rs.stage = err, budgetDone
		case !ok:
			rs.rb.None = true
			rs.rb.ProbabilityPercent, rs.rb.OnceInYears = decimal.Zero, decimal.Zero
			rs.stage = budgetDone
		default:
			rs.stage = budgetHigh
		}
	case budgetHigh:
		if ok, _ := rs.ahead(rs.hi); ok {
			rs.rb.Unbounded = true
			rs.rb.ProbabilityPercent = decimal.New(rs.hi, -PercentPlaces)
			rs.rb.OnceInYears = decimal.NewFromInt(1)
			rs.stage = budgetDone
			break
		}
		rs.stage = budgetBisect
	case budgetBisect:
		if rs.hi-rs.lo > 1 { // ahead(lo) and not ahead(hi)
			mid := rs.lo + (rs.hi-rs.lo)/2
			if ok, _ := rs.ahead(mid); ok {
				rs.lo = mid
			} else {
				rs.hi = mid
			}
		}
		if rs.hi-rs.lo <= 1 {
			rs.rb.ProbabilityPercent = decimal.New(rs.lo, -PercentPlaces)
			if rs.lo > 0 {
				rs.rb.OnceInYears = hundred.DivRound(rs.rb.ProbabilityPercent, 1)
			} else {
				rs.rb.None = true
			}
			rs.stage = budgetDone
		}
	}
	return rs.stage == budgetDone
}

// Progress says how many runs of the ledger the search took so far, and the most it can take
// in all: [RiskBudgetRuns] until it is over, then the runs it took.
func (rs *RiskBudgetSearch) Progress() (runs, most int) {
	if rs.stage == budgetDone {
		return rs.runs, rs.runs
	}
	return rs.runs, RiskBudgetRuns
}

// Result returns the risk budget once [RiskBudgetSearch.Step] has reported the search over.
func (rs *RiskBudgetSearch) Result() (RiskBudget, error) {
	if rs.err != nil {
		return RiskBudget{}, rs.err
	}
	if rs.stage != budgetDone {
		return RiskBudget{}, fmt.Errorf("scenarios[%d]: the search for the risk budget is not over", rs.rb.Scenario)
	}
	return rs.rb, nil
}
