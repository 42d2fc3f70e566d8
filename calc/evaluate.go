package calc

import (
	"errors"

	"github.com/holiman/uint256"
)

// Evaluate runs every scenario of s on the nominal and the expected path and returns their
// figures (SPEC section 4). s must be valid (see [Set.Validate]; [Parse] returns only valid sets);
// an invalid s gives its validation errors. A scenario whose entry costs use up the amount, or
// whose projection exceeds 10^30 asset units, gives a *FieldError naming it; the error joins
// those of every scenario.
func Evaluate(s Set, opt Options) (Results, error) {
	if err := s.Validate(); err != nil {
		return Results{}, err
	}
	sampleEvery := 0
	if opt.Series {
		sampleEvery = 1
		if opt.SeriesPoints > 0 && s.Days > opt.SeriesPoints {
			sampleEvery = (s.Days + opt.SeriesPoints - 1) / opt.SeriesPoints
		}
	}
	res := Results{Version: Version, Scenarios: make([]ScenarioResult, 0, len(s.Scenarios))}
	var errs []error
	for i := range s.Scenarios {
		r, err := evaluateScenario(s, i, sampleEvery)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		res.Scenarios = append(res.Scenarios, r)
	}
	if len(errs) > 0 {
		return Results{}, errors.Join(errs...)
	}
	return res, nil
}

func evaluateScenario(s Set, i, sampleEvery int) (ScenarioResult, error) {
	sc := s.Scenarios[i]
	lg, err := newLedger(s, i)
	if err != nil {
		return ScenarioResult{}, err
	}
	nominal := lg.run(false, true, sampleEvery)
	if nominal.overDay > 0 {
		return ScenarioResult{}, lg.overError(nominal.overDay)
	}
	expected := lg.run(true, false, sampleEvery)
	if expected.overDay > 0 {
		return ScenarioResult{}, lg.overError(expected.overDay)
	}

	r := ScenarioResult{
		Name:          sc.Name,
		Kind:          KindOf(len(sc.Layers)),
		Final:         fromWei(&nominal.final),
		FinalExpected: fromWei(&expected.final),
		Gas:           fromWei(&nominal.gas),
		Costs:         fromWei(&nominal.costs),
		LostExpected:  fromWei(&expected.lost),
		Unclaimed:     fromWei(&nominal.unclaimed),
		LiquidDay:     LiquidDay(s.Days, sc.Layers),
		PLoss:         LossChance(s.Days, sc.Layers),
		HasFiat:       s.Price.Sign() > 0,
		Layers:        make([]LayerResult, len(sc.Layers)),
	}
	r.Gain = r.Final.Sub(s.Amount)
	r.APY = APY(s.Amount, r.Final, s.Days)
	r.APYExpected = APY(s.Amount, r.FinalExpected, s.Days)
	r.FiatFinal = FiatValue(r.Final, s.Price, s.PriceGrowth, s.Days)

	var fees uint256.Int
	for j, l := range sc.Layers {
		g, f := &nominal.gross[j], &nominal.fee[j]
		fees.Add(&fees, f)
		net := new(uint256.Int).Sub(g, f)
		r.Layers[j] = LayerResult{Name: l.Name, Gross: fromWei(g), Fee: fromWei(f), Net: fromWei(net)}
	}
	r.Fees = fromWei(&fees)

	// instant = max(0, trunc(pre * (100 - instant_exit_cost) / 100) - exit_gas of the top layer) + H
	keep := newRatio(hundred.Sub(sc.InstantExitCost), hundred)
	var instant uint256.Int
	keep.apply(&instant, &nominal.pre)
	if top := &lg.layers[len(lg.layers)-1].exitGas; instant.Gt(top) {
		instant.Sub(&instant, top)
	} else {
		instant.Clear()
	}
	instant.Add(&instant, &nominal.held)
	r.Instant = fromWei(&instant)

	if sampleEvery > 0 {
		r.Series = dayValues(nominal.series, sampleEvery, s.Days)
		r.SeriesExpected = dayValues(expected.series, sampleEvery, s.Days)
	}
	return r, nil
}

// dayValues labels sampled values with their days: every step-th day, and the last.
func dayValues(values []uint256.Int, step, days int) []DayValue {
	out := make([]DayValue, len(values))
	for k := range values {
		day := (k + 1) * step
		if day > days {
			day = days
		}
		out[k] = DayValue{Day: day, Value: fromWei(&values[k])}
	}
	return out
}

// LiquidDay returns the day the funds of a stack are back after a normal exit:
// max(days, largest lockup_days) + Σ withdraw_days.
func LiquidDay(days int, layers []Layer) int {
	request := days
	wait := 0
	for _, l := range layers {
		request = max(request, l.LockupDays)
		wait += l.WithdrawDays
	}
	return request + wait
}
