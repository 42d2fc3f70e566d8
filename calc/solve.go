package calc

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/holiman/uint256"
	"github.com/shopspring/decimal"
)

// Goal is a goal-seek question (SPEC section 9): the value of one decimal field of scenario
// Scenario at which its final (or, with Expected, its expected final) reaches a target: the same
// measure of scenario Match, or Amount when Match is negative.
type Goal struct {
	Scenario int
	Field    string // the field's path inside the scenario: "layers[1].apr", "loop.borrow_apr"
	Expected bool   // measure final_expected instead of final
	Match    int    // the scenario whose measure is the target; negative for Amount
	Amount   decimal.Decimal
}

// Measure is the name of the measure the goal reaches for: "final" or "final_expected".
func (g Goal) Measure() string {
	if g.Expected {
		return "final_expected"
	}
	return "final"
}

// Solution is the answer to a [Goal]: the grid value of the field at which the measure crosses
// the target, and the measure there.
type Solution struct {
	Goal
	Target  decimal.Decimal
	Value   decimal.Decimal // the field's value found
	Reached Outcome         // the measure with the field at Value
	Lo, Hi  decimal.Decimal // the range searched
	Rising  bool            // m(hi) ≥ m(lo): Value is the smallest reaching value, else the largest
	Steps   int             // evaluations made
}

// Outcome is a measure of goal seek: an amount in asset units, or beyond the projection limit.
type Outcome struct {
	Amount decimal.Decimal
	Over   bool // the projection exceeded 10^30 asset units: above every target
}

// String writes the amount as the results document does, or "more than 10^30".
func (o Outcome) String() string {
	if o.Over {
		return "more than 10^30"
	}
	return FormatAmount(o.Amount)
}

// NoValueError is goal seek's answer where no value of the field in its range reaches the
// target: `PATH: no value from LO to HI reaches TARGET (it goes from M(LO) to M(HI))`.
type NoValueError struct {
	Field          string
	Lo, Hi, Target decimal.Decimal
	AtLo, AtHi     Outcome
}

func (e *NoValueError) Error() string {
	return fmt.Sprintf("%s: no value from %s to %s reaches %s (it goes from %s to %s)",
		e.Field, FormatAmount(e.Lo), FormatAmount(e.Hi), FormatAmount(e.Target), e.AtLo, e.AtHi)
}

// openGasMax is where goal seek stops on a gas field, whose range has no upper bound.
var openGasMax = decimal.NewFromInt(1000)

// Solve answers a goal-seek question by the bisection of SPEC section 9, on the grid of 18
// decimal places over the field's allowed range [lo, hi] (lo one grid step above an open lower
// bound, hi 1000 asset units for gas). m(v) is the measure of the scenario with the field set to
// v; a projection beyond 10^30 counts above every target, and a scenario that cannot start
// (entry costs use up the amount, a loop liquidated at entry) counts as 0.
//
// If m(hi) ≥ m(lo) the measure rises: the answer is lo when m(lo) ≥ target; no value reaches it
// when m(hi) < target; otherwise, from a = lo and b = hi, while b − a is more than one step,
// c = floor((a + b) / 2), b = c if m(c) ≥ target, else a = c; the answer is b. Otherwise it falls
// and the search runs from the other end: hi when m(hi) ≥ target, none when m(lo) < target, and
// a = c if m(c) ≥ target, else b = c; the answer is a. No value reaching is a *NoValueError.
func Solve(s Set, g Goal) (Solution, error) {
	if err := s.Validate(); err != nil {
		return Solution{}, err
	}
	if g.Scenario < 0 || g.Scenario >= len(s.Scenarios) {
		return Solution{}, fmt.Errorf("scenario %d: the set has scenarios 0 to %d", g.Scenario, len(s.Scenarios)-1)
	}
	if g.Match >= len(s.Scenarios) {
		return Solution{}, fmt.Errorf("scenario %d to match: the set has scenarios 0 to %d", g.Match, len(s.Scenarios)-1)
	}
	if _, err := s.Scenarios[g.Scenario].Decimal(g.Field); err != nil {
		return Solution{}, err
	}
	f, ok := FieldByPath(g.Field)
	if !ok {
		return Solution{}, fmt.Errorf("%s: is not a field of a scenario", g.Field)
	}
	lo, hi, minOpen, hasMax := f.DecimalRange()
	if minOpen {
		lo = lo.Add(decimal.New(1, -MaxDecimals))
	}
	if !hasMax {
		hi = openGasMax
	}
	sol := Solution{Goal: g, Lo: lo, Hi: hi}

	// The target in wei: m ≥ target ⇔ m ≥ ceil(target), and every m ≥ 0.
	var target uint256.Int
	if g.Match >= 0 {
		t, over, err := measure(s, g.Match, g.Expected)
		if err != nil {
			return Solution{}, err
		}
		if over {
			return Solution{}, fmt.Errorf("scenarios[%d]: its %s exceeds 10^30 %s and can be no target", g.Match, g.Measure(), s.Asset)
		}
		target = t
		sol.Target = fromWei(&t)
	} else {
		if !g.Amount.Equal(g.Amount.Truncate(MaxDecimals)) {
			return Solution{}, fmt.Errorf("amount %s: must have at most %d decimal places", g.Amount, MaxDecimals)
		}
		sol.Target = g.Amount
		if g.Amount.Sign() > 0 {
			if _, overflow := uint256.FromBig(g.Amount.Shift(MaxDecimals).BigInt()); overflow {
				return Solution{}, fmt.Errorf("amount %s: must be below 10^30", g.Amount)
			}
			target = toWei(g.Amount, nil)
		}
	}

	type point struct {
		m    uint256.Int
		over bool
	}
	at := func(v *big.Int) (point, error) {
		sol.Steps++
		set, err := s.WithDecimal(g.Scenario, g.Field, decimal.NewFromBigInt(v, -MaxDecimals))
		if err != nil {
			return point{}, err
		}
		m, over, err := measure(set, g.Scenario, g.Expected)
		var fe *FieldError
		if err != nil && errors.As(err, &fe) {
			return point{}, nil // cannot start: 0
		}
		return point{m, over}, err
	}
	reaches := func(p point) bool { return p.over || !p.m.Lt(&target) }
	outcome := func(p point) Outcome {
		if p.over {
			return Outcome{Over: true}
		}
		return Outcome{Amount: fromWei(&p.m)}
	}
	grid := func(d decimal.Decimal) *big.Int { return d.Shift(MaxDecimals).BigInt() }

	a, b := grid(lo), grid(hi)
	mLo, err := at(a)
	if err != nil {
		return Solution{}, err
	}
	mHi, err := at(b)
	if err != nil {
		return Solution{}, err
	}
	sol.Rising = mHi.over || (!mLo.over && !mHi.m.Lt(&mLo.m))
	none := &NoValueError{Field: g.Field, Lo: lo, Hi: hi, Target: sol.Target, AtLo: outcome(mLo), AtHi: outcome(mHi)}
	done := func(v *big.Int, p point) (Solution, error) {
		sol.Value = decimal.NewFromBigInt(v, -MaxDecimals)
		sol.Reached = outcome(p)
		return sol, nil
	}
	if sol.Rising {
		switch {
		case reaches(mLo):
			return done(a, mLo)
		case !reaches(mHi):
			return Solution{}, none
		}
	} else {
		switch {
		case reaches(mHi):
			return done(b, mHi)
		case !reaches(mLo):
			return Solution{}, none
		}
	}
	one := big.NewInt(1)
	two := big.NewInt(2)
	width, c := new(big.Int), new(big.Int)
	atA, atB := mLo, mHi
	for width.Sub(b, a).Cmp(one) > 0 {
		c.Add(a, b)
		c.Div(c, two) // Euclidean: floor for a positive divisor
		m, err := at(c)
		if err != nil {
			return Solution{}, err
		}
		if reaches(m) == sol.Rising {
			b, atB = new(big.Int).Set(c), m
		} else {
			a, atA = new(big.Int).Set(c), m
		}
	}
	if sol.Rising {
		return done(b, atB)
	}
	return done(a, atA)
}

// measure runs one path of scenario i: its final in wei, or over where the projection exceeds
// the limit. An error is the scenario's: it cannot start.
func measure(s Set, i int, expected bool) (uint256.Int, bool, error) {
	lg, err := newLedger(s, i)
	if err != nil {
		return uint256.Int{}, false, err
	}
	t := lg.run(runOptions{expected: expected})
	if t.overDay > 0 {
		return uint256.Int{}, true, nil
	}
	return t.final, false, nil
}
