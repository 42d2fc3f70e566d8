package calc

import (
	"math/big"

	"github.com/holiman/uint256"
	"github.com/shopspring/decimal"
)

// Evaluate runs every scenario of s on the nominal and the expected path and returns their
// figures (SPEC section 4). s must be valid (see [Set.Validate]; [Parse] returns only valid sets);
// an invalid s gives its validation errors. A scenario whose entry costs use up the amount, or
// whose projection exceeds 10^30 asset units, gives a *FieldError naming it; the error joins
// those of every scenario.
func Evaluate(s Set, opt Options) (Results, error) {
	e, err := NewEvaluation(s, opt)
	if err != nil {
		return Results{}, err
	}
	for !e.Done() {
		e.Step()
	}
	return e.Results()
}

// breakEvenDay returns the first day d from which other[t] > base[t] for every t ≥ d, or 0.
func breakEvenDay(base, other []uint256.Int) int {
	day := 0
	for t := len(base) - 1; t >= 0 && other[t].Gt(&base[t]); t-- {
		day = t + 1
	}
	return day
}

// evaluateScenario runs scenario i on both paths and returns its figures and, when opt asks for
// them, each path's value on every day.
func evaluateScenario(s Set, i int, opt runOptions) (ScenarioResult, [2][]uint256.Int, error) {
	var days [2][]uint256.Int
	sc := s.Scenarios[i]
	lg, err := newLedger(s, i)
	if err != nil {
		return ScenarioResult{}, days, err
	}
	opt.discount = lg.loop != nil
	nominal := lg.run(opt)
	if nominal.overDay > 0 {
		return ScenarioResult{}, days, lg.overError(nominal.overDay)
	}
	opt.expected, opt.discount = true, false
	expected := lg.run(opt)
	if expected.overDay > 0 {
		return ScenarioResult{}, days, lg.overError(expected.overDay)
	}
	days = [2][]uint256.Int{nominal.days, expected.days}

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

	var fees, net uint256.Int
	for j, l := range sc.Layers {
		f := &nominal.layers[j]
		fees.Add(&fees, &f.fee)
		net.Sub(&f.gross, &f.fee)
		r.Layers[j] = LayerResult{Name: l.Name, Gross: fromWei(&f.gross), Fee: fromWei(&f.fee), Net: fromWei(&net),
			EntryGas: fromWei(&f.entryGas), EntryCost: fromWei(&f.entryCost), Claims: f.claims,
			ClaimGas: fromWei(&f.claimGas), Unclaimed: fromWei(&f.unclaimed),
			ExitCost: fromWei(&f.exitCost), ExitGas: fromWei(&f.exitGas)}
		if l.Reward != nil {
			lr := &r.Layers[j]
			lr.HasReward = true
			lr.Tokens, lr.TokenValue = fromWei(&f.tokens), fromWei(&f.tokenValue)
			lr.Sales, lr.SaleGas, lr.SaleCost = f.sales, fromWei(&f.saleGas), fromWei(&f.saleCost)
			lr.TokensUnsold, lr.TokensUnsoldValue = fromWei(&f.tokensUnsoldQuantity), fromWei(&f.tokensUnsold)
			if f.tokensUnsoldQuantity.IsZero() {
				lr.TokensUnsoldValue = decimal.Zero
			}
		}
	}
	r.Fees = fromWei(&fees)
	r.Held = fromWei(&nominal.held)
	r.BeforeExit = fromWei(&nominal.pre)

	// instant = max(0, trunc(pre * (100 - instant_exit_cost) / 100) - D - exit_gas of the top layer) + H
	keep := newRatio(hundred.Sub(sc.InstantExitCost), hundred)
	var instant, owed uint256.Int
	keep.apply(&instant, &nominal.pre)
	owed.Add(&nominal.debt, &lg.layers[len(lg.layers)-1].exitGas)
	if instant.Gt(&owed) {
		instant.Sub(&instant, &owed)
	} else {
		instant.Clear()
	}
	instant.Add(&instant, &nominal.held)
	r.Instant = fromWei(&instant)

	if lp := lg.loop; lp != nil {
		r.HasLoop = true
		r.Debt, r.Interest, r.LiquidatedDay = fromWei(&nominal.debt), fromWei(&nominal.interest), nominal.liquidatedDay
		r.Borrowed, r.LoopCost = fromWei(&lp.debt), fromWei(&lp.cost)
		r.LiquidationDiscount = liquidationDiscount(nominal, lp.ltv)
		r.Position, r.Repaid = fromWei(&lg.start), fromWei(&nominal.repaid)
		r.DiscountDay, r.DiscountDebt, r.DiscountPosition = nominal.worstDay, fromWei(&nominal.worstD), fromWei(&nominal.worstB)
	}

	if opt.sampleEvery > 0 {
		r.Series = dayValues(nominal.series, opt.sampleEvery, s.Days)
		r.SeriesExpected = dayValues(expected.series, opt.sampleEvery, s.Days)
	}
	return r, days, nil
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

// liquidationDiscount is the smallest market discount on the position that liquidates the loop
// on some day of the path (SPEC section 8.2), in percent rounded half to even to 6 places:
// min over t of (1 − D(t) × 100 / (B(t) × liquidation_ltv)) × 100; 0 where the path was
// liquidated, 100 where there is no debt.
func liquidationDiscount(t pathTotals, ltv decimal.Decimal) decimal.Decimal {
	switch {
	case t.liquidatedDay > 0:
		return decimal.Zero
	case t.worstD.IsZero() || t.worstB.IsZero():
		return hundred
	}
	// 100 − D × 10000 / (B × ltv)
	x := new(big.Rat).SetFrac(new(big.Int).Mul(t.worstD.ToBig(), big.NewInt(10000)),
		new(big.Int).Mul(t.worstB.ToBig(), big.NewInt(1)))
	x.Quo(x, ltv.Rat())
	x.Sub(big.NewRat(100, 1), x)
	return roundRat(x, PercentPlaces)
}
