package calc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Explanation is how one figure of a scenario came about: the formula, the formula with the set's
// own values in it, and the ledger lines behind it, all amounts exact.
type Explanation struct {
	Field   string   // the results field, "final"
	Title   string   // what the figure is called on the page
	Formula string   // in the names of the model
	Values  string   // the same with this scenario's values
	Lines   []string // the ledger lines the values come from
}

// Explain returns the explanation of field for scenario i of set s, whose results are res, and
// whether the field is one of the results that scenario has: besides section 4's figures, the
// loop's "debt", "interest", "liquidated_day" and "liquidation_discount", and a reward layer's
// "layers[J].tokens" and "layers[J].token_value".
func Explain(s Set, res Results, i int, field string) (Explanation, bool) {
	if i < 0 || i >= len(res.Scenarios) || i >= len(s.Scenarios) {
		return Explanation{}, false
	}
	sc, r := s.Scenarios[i], res.Scenarios[i]
	if _, ok := r.Figure(field); !ok && field != "name" {
		return Explanation{}, false
	}
	a := func(d decimal.Decimal) string { return FormatAmount(d) + " " + s.Asset }
	if strings.HasPrefix(field, "layers[") {
		return explainTokens(s, sc, r, field)
	}
	e := Explanation{Field: field, Title: Figure(field).Title()}
	ledger := ledgerLines(s, sc, r, a)
	if sc.Loop != nil && r.HasLoop {
		if done := explainLoop(s, sc, r, &e, a); done {
			return e, true
		}
	}
	switch field {
	case "kind":
		e.Formula = "1 layer: staking; 2 layers: restaking; 3 or more: multistaking"
		e.Values = fmt.Sprintf("%d layers: %s", len(sc.Layers), r.Kind)
	case "final":
		e.Formula = "final = B + H after the exit; each layer, top first: B − trunc(B × exit_cost / 100) − min(exit_gas, B)"
		e.Values = fmt.Sprintf("final = %s + %s = %s", FormatAmount(r.Final.Sub(r.Held)), FormatAmount(r.Held), a(r.Final))
		e.Lines = ledger
		if r.HasLoop {
			e.Formula += "; then the debt is repaid: B − min(D, B)"
		}
	case "gain":
		e.Formula = "gain = final − amount"
		e.Values = fmt.Sprintf("gain = %s − %s = %s", FormatAmount(r.Final), FormatAmount(s.Amount), a(r.Gain))
		e.Lines = ledger
	case "apy", "apy_expected":
		final := r.Final
		if field == "apy_expected" {
			final = r.FinalExpected
		}
		e.Formula = "APY = ((final / amount)^(365 / days) − 1) × 100, rounded half to even to 6 places"
		e.Values = fmt.Sprintf("APY = ((%s / %s)^(365 / %d) − 1) × 100 = %s %%",
			FormatAmount(final), FormatAmount(s.Amount), s.Days, FormatPercent(APY(s.Amount, final, s.Days)))
		if len(sc.Layers) > 0 {
			l := sc.Layers[0]
			e.Lines = append(e.Lines, fmt.Sprintf(
				"%s alone, compounding daily: APR %s %% less the %s %% fee is ((1 + %s × (1 − %s / 100) / 36500)^365 − 1) × 100 = %s %% APY",
				l.Name, l.APR, l.Fee, l.APR, l.Fee, FormatPercent(CompoundedAPY(l.APR, l.Fee))))
		}
	case "final_expected", "lost_expected":
		e.Formula = "each day, after the rewards and claims: loss = trunc(B × Σ(risk_probability × risk_loss) / 3650000); B = B − loss"
		var terms []string
		sum := decimal.Zero
		for _, l := range sc.Layers {
			terms = append(terms, fmt.Sprintf("%s × %s", l.RiskProbability, l.RiskLoss))
			sum = sum.Add(l.RiskProbability.Mul(l.RiskLoss))
		}
		e.Values = fmt.Sprintf("Σ(risk_probability × risk_loss) = %s = %s; the losses add up to %s, leaving %s",
			strings.Join(terms, " + "), sum, a(r.LostExpected), a(r.FinalExpected))
	case "fees":
		e.Formula = "fees = Σ over layers and days of trunc(gross × fee / 100)"
		e.Values = "fees = " + sumOf(r.Layers, func(l LayerResult) decimal.Decimal { return l.Fee }) + " = " + a(r.Fees)
		for k, l := range r.Layers {
			e.Lines = append(e.Lines, fmt.Sprintf("%s: %s %% of %s gross = %s", l.Name, sc.Layers[k].Fee, a(l.Gross), a(l.Fee)))
		}
	case "gas":
		e.Formula = "gas = Σ entry_gas + claim_gas × claims + claim_gas × token sales + exit gas actually paid"
		e.Values = "gas = " + sumOf(r.Layers, func(l LayerResult) decimal.Decimal {
			return l.EntryGas.Add(l.ClaimGas).Add(l.SaleGas).Add(l.ExitGas)
		}) + " = " + a(r.Gas)
		for _, l := range r.Layers {
			line := fmt.Sprintf("%s: entry %s, %d claims %s, exit %s", l.Name,
				FormatAmount(l.EntryGas), l.Claims, FormatAmount(l.ClaimGas), FormatAmount(l.ExitGas))
			if l.HasReward {
				line += fmt.Sprintf(", %d token sales %s", l.Sales, FormatAmount(l.SaleGas))
			}
			e.Lines = append(e.Lines, line)
		}
	case "costs":
		e.Formula = "costs = Σ trunc(B × entry_cost / 100) on entry + Σ trunc(B × exit_cost / 100) on exit"
		e.Values = "costs = " + sumOf(r.Layers, func(l LayerResult) decimal.Decimal { return l.EntryCost.Add(l.SaleCost).Add(l.ExitCost) })
		if r.HasLoop {
			e.Formula += " + Σ trunc(v × sell_cost / 100) of token sales + trunc(D × entry_cost / 100) of the loop"
			e.Values += " + " + FormatAmount(r.LoopCost)
		} else if hasReward(r) {
			e.Formula += " + Σ trunc(v × sell_cost / 100) of token sales"
		}
		e.Values += " = " + a(r.Costs)
		for k, l := range r.Layers {
			line := fmt.Sprintf("%s: entry %s %% = %s, exit %s %% = %s", l.Name,
				sc.Layers[k].EntryCost, FormatAmount(l.EntryCost), sc.Layers[k].ExitCost, FormatAmount(l.ExitCost))
			if l.HasReward {
				line += fmt.Sprintf(", token swaps %s %% = %s", sc.Layers[k].Reward.SellCost, FormatAmount(l.SaleCost))
			}
			e.Lines = append(e.Lines, line)
		}
		if r.HasLoop {
			e.Lines = append(e.Lines, fmt.Sprintf("loop: %s %% of the %s borrowed = %s", sc.Loop.EntryCost, FormatAmount(r.Borrowed), FormatAmount(r.LoopCost)))
		}
	case "unclaimed":
		e.Formula = "rewards still waiting at the exit whose claim would not cover its claim_gas"
		e.Values = "unclaimed = " + sumOf(r.Layers, func(l LayerResult) decimal.Decimal { return l.Unclaimed.Add(l.TokensUnsoldValue) }) + " = " + a(r.Unclaimed)
		if hasReward(r) {
			e.Formula += "; and the value v = trunc(T × P(days)) of reward tokens whose sale at the exit would not cover its claim_gas"
		}
	case "instant":
		top := sc.Layers[len(sc.Layers)-1]
		e.Formula = "instant = max(0, trunc(pre × (100 − instant_exit_cost) / 100) − exit_gas of the top layer) + H"
		e.Values = fmt.Sprintf("instant = max(0, trunc(%s × (100 − %s) / 100) − %s) + %s = %s",
			FormatAmount(r.BeforeExit), sc.InstantExitCost, FormatAmount(top.ExitGas), FormatAmount(r.Held), a(r.Instant))
		if r.HasLoop {
			e.Formula = "instant = max(0, trunc(pre × (100 − instant_exit_cost) / 100) − D − exit_gas of the top layer) + H"
			e.Values = fmt.Sprintf("instant = max(0, trunc(%s × (100 − %s) / 100) − %s − %s) + %s = %s",
				FormatAmount(r.BeforeExit), sc.InstantExitCost, FormatAmount(r.Debt), FormatAmount(top.ExitGas), FormatAmount(r.Held), a(r.Instant))
		}
		e.Lines = []string{fmt.Sprintf("pre = %s: the staked balance after the last day, before any exit cost", a(r.BeforeExit)),
			fmt.Sprintf("waiting for the withdrawals instead gives %s on day %d", a(r.Final), r.LiquidDay)}
	case "liquid_day":
		lock, waits := 0, []string{}
		for _, l := range sc.Layers {
			lock = max(lock, l.LockupDays)
			waits = append(waits, fmt.Sprint(l.WithdrawDays))
		}
		e.Formula = "liquid day = max(days, largest lockup_days) + Σ withdraw_days"
		e.Values = fmt.Sprintf("max(%d, %d) + %s = %d", s.Days, lock, strings.Join(waits, " + "), r.LiquidDay)
		for _, l := range sc.Layers {
			e.Lines = append(e.Lines, fmt.Sprintf("%s: locked until day %d, %d days to withdraw", l.Name, l.LockupDays, l.WithdrawDays))
		}
	case "p_loss":
		var terms []string
		for _, l := range sc.Layers {
			terms = append(terms, fmt.Sprintf("(1 − %s / 36500)^%d", l.RiskProbability, s.Days))
		}
		e.Formula = "chance = (1 − Π (1 − risk_probability / 36500)^days) × 100"
		e.Values = fmt.Sprintf("(1 − %s) × 100 = %s %%", strings.Join(terms, " × "), FormatPercent(r.PLoss))
	case "fiat_final":
		e.Formula = "fiat = final × price × (1 + price_growth / 100)^(days / 365), rounded half to even to 2 places"
		e.Values = fmt.Sprintf("%s × %s × (1 + %s / 100)^(%d / 365) = %s %s", FormatAmount(r.Final), s.Price,
			s.PriceGrowth, s.Days, FormatFiat(r.FiatFinal, r.HasFiat), s.Currency)
		if !r.HasFiat {
			e.Values = "no price is set, so there is no fiat figure"
		}
	default:
		return Explanation{}, false
	}
	return e, true
}

// ledgerLines retells the nominal ledger of one scenario: entry, rewards, claims, exit.
func ledgerLines(s Set, sc Scenario, r ScenarioResult, a func(decimal.Decimal) string) []string {
	lines := []string{fmt.Sprintf("start: %s", a(s.Amount))}
	for k, l := range r.Layers {
		if !l.EntryGas.IsZero() || !l.EntryCost.IsZero() {
			lines = append(lines, fmt.Sprintf("enter %s: − %s gas, − %s (%s %% entry cost)", l.Name,
				FormatAmount(l.EntryGas), FormatAmount(l.EntryCost), sc.Layers[k].EntryCost))
		}
	}
	if r.HasLoop && sc.Loop != nil {
		lines = append(lines, fmt.Sprintf("loop ×%s: borrow D = trunc(B × (%s − 1)) = %s, − %s (%s %% entry cost): position B = %s",
			sc.Loop.Leverage, sc.Loop.Leverage, a(r.Borrowed), FormatAmount(r.LoopCost), sc.Loop.EntryCost, a(r.Position)))
	}
	for k, l := range r.Layers {
		how := "compounded daily"
		if sc.Layers[k].Payout == Claim {
			dest := "reinvested"
			if !sc.Layers[k].Reinvest {
				dest = "held aside"
			}
			how = fmt.Sprintf("claimed %d times every %d days, %s, for %s gas", l.Claims, sc.Layers[k].ClaimEvery, dest, FormatAmount(l.ClaimGas))
		}
		lines = append(lines, fmt.Sprintf("%s over %d days: gross %s − fee %s = net %s, %s", l.Name, s.Days,
			FormatAmount(l.Gross), FormatAmount(l.Fee), FormatAmount(l.Net), how))
		if rw := sc.Layers[k].Reward; rw != nil && l.HasReward {
			lines = append(lines, tokenLines(s, *rw, l, a)...)
		}
	}
	if r.HasLoop && sc.Loop != nil {
		lines = append(lines, loopLines(s, *sc.Loop, r, a)...)
	}
	lines = append(lines, fmt.Sprintf("after day %d: B = %s staked, H = %s held aside", s.Days, a(r.BeforeExit), a(r.Held)))
	for k := len(r.Layers) - 1; k >= 0; k-- {
		l := r.Layers[k]
		if !l.ExitGas.IsZero() || !l.ExitCost.IsZero() {
			lines = append(lines, fmt.Sprintf("exit %s: − %s (%s %% exit cost), − %s gas", l.Name,
				FormatAmount(l.ExitCost), sc.Layers[k].ExitCost, FormatAmount(l.ExitGas)))
		}
	}
	if r.HasLoop {
		repaid := r.Repaid
		lines = append(lines, fmt.Sprintf("repay the debt: − min(D, B) = − %s", FormatAmount(repaid)))
		if repaid.LessThan(r.Debt) {
			lines = append(lines, fmt.Sprintf("the position covers only %s of the %s debt: the lender loses the rest", FormatAmount(repaid), a(r.Debt)))
		}
	}
	if !r.Unclaimed.IsZero() {
		lines = append(lines, fmt.Sprintf("left unclaimed: %s (a claim would not cover its gas)", a(r.Unclaimed)))
	}
	return append(lines, fmt.Sprintf("final: %s", a(r.Final)))
}

func sumOf(layers []LayerResult, part func(LayerResult) decimal.Decimal) string {
	var terms []string
	for _, l := range layers {
		terms = append(terms, FormatAmount(part(l)))
	}
	return strings.Join(terms, " + ")
}

func hasReward(r ScenarioResult) bool {
	for _, l := range r.Layers {
		if l.HasReward {
			return true
		}
	}
	return false
}

// tokenLines retell a layer's reward token: what it earned, the price path, the sales.
func tokenLines(s Set, rw Reward, l LayerResult, a func(decimal.Decimal) string) []string {
	lines := []string{fmt.Sprintf("%s: %s %s earned after the %s fee (each day trunc(base × %s / 365) − trunc(tg × fee / 100)); "+
		"P(t) = %s × (1 + %s / 100)^(t / 365) %s per %s",
		l.Name, FormatAmount(l.Tokens), rw.Token, "layer's", rw.PerYear, rw.Price, rw.PriceGrowth, s.Asset, rw.Token)}
	how := "held to the horizon"
	if rw.Sell != Hold {
		how = fmt.Sprintf("sold every %d days", rw.ClaimEvery)
	}
	sale := "no sale covered its gas"
	if l.Sales > 0 {
		sale = fmt.Sprintf("%d sales, each v = trunc(T × P(t)) less c = trunc(v × %s / 100) and %s gas, brought %s after %s of swap costs, for %s gas",
			l.Sales, rw.SellCost, FormatAmount(rw.ClaimGas), a(l.TokenValue), FormatAmount(l.SaleCost), FormatAmount(l.SaleGas))
	}
	lines = append(lines, fmt.Sprintf("%s: %s, %s", rw.Token, how, sale))
	if !l.TokensUnsold.IsZero() {
		lines = append(lines, fmt.Sprintf("%s: %s %s left unsold at the exit, worth %s: their sale would not cover its %s gas",
			rw.Token, FormatAmount(l.TokensUnsold), rw.Token, a(l.TokensUnsoldValue), FormatAmount(rw.ClaimGas)))
	}
	return lines
}

// loopLines retell a loop's days: the first day's interest, the liquidation if any.
func loopLines(s Set, lp Loop, r ScenarioResult, a func(decimal.Decimal) string) []string {
	first, _ := r.Borrowed.Mul(lp.BorrowAPR).QuoRem(aprDivisor, MaxDecimals)
	lines := []string{fmt.Sprintf("interest, each day after the claims: D += trunc(D × %s / 36500); on day 1 trunc(%s × %s / 36500) = %s; in all %s",
		lp.BorrowAPR, FormatAmount(r.Borrowed), lp.BorrowAPR, FormatAmount(first), a(r.Interest))}
	if r.LiquidatedDay > 0 {
		lines = append(lines, fmt.Sprintf("day %d: D × 100 ≥ B × %s after the day's losses: liquidated; B = max(0, B − D − trunc(D × %s / 100)), D = 0, and the loop is gone",
			r.LiquidatedDay, lp.LiquidationLTV, lp.LiquidationPenalty))
	} else {
		lines = append(lines, fmt.Sprintf("never liquidated: D × 100 stayed below B × %s; D on day %d = %s", lp.LiquidationLTV, s.Days, a(r.Debt)))
	}
	return lines
}

// explainLoop fills e for the loop's figures; it reports whether field was one.
func explainLoop(s Set, sc Scenario, r ScenarioResult, e *Explanation, a func(decimal.Decimal) string) bool {
	lp := *sc.Loop
	loop := loopLines(s, lp, r, a)
	switch e.Field {
	case "debt":
		e.Formula = "D = trunc(B × (leverage − 1)) after entry; each day D += trunc(D × borrow_apr / 36500); D = 0 once liquidated"
		if r.LiquidatedDay > 0 {
			e.Values = fmt.Sprintf("liquidated on day %d, so D = %s", r.LiquidatedDay, a(r.Debt))
		} else {
			e.Values = fmt.Sprintf("D = %s borrowed + %s interest = %s", FormatAmount(r.Borrowed), FormatAmount(r.Interest), a(r.Debt))
		}
		e.Lines = loop
	case "interest":
		e.Formula = "interest = Σ over the days of trunc(D × borrow_apr / 36500)"
		e.Values = fmt.Sprintf("interest on %s borrowed at %s %% a year = %s", FormatAmount(r.Borrowed), lp.BorrowAPR, a(r.Interest))
		e.Lines = loop
	case "liquidated_day":
		e.Formula = "the first day on which D × 100 ≥ B × liquidation_ltv, after the day's interest and losses; 0 for never"
		e.Values = fmt.Sprintf("liquidated_day = %d", r.LiquidatedDay)
		e.Lines = loop
	case "liquidation_discount":
		e.Formula = "discount = min over days 0 … days of (1 − D(t) × 100 / (B(t) × liquidation_ltv)) × 100, rounded half to even to 6 places; 0 if liquidated, 100 without debt"
		switch {
		case r.LiquidatedDay > 0:
			e.Values = fmt.Sprintf("the loop was liquidated on day %d: discount = %s %%", r.LiquidatedDay, FormatPercent(r.LiquidationDiscount))
		case r.DiscountDebt.IsZero():
			e.Values = fmt.Sprintf("no debt: discount = %s %%", FormatPercent(r.LiquidationDiscount))
		default:
			e.Values = fmt.Sprintf("on day %d: (1 − %s × 100 / (%s × %s)) × 100 = %s %%", r.DiscountDay,
				FormatAmount(r.DiscountDebt), FormatAmount(r.DiscountPosition), lp.LiquidationLTV, FormatPercent(r.LiquidationDiscount))
		}
		e.Lines = append([]string{"a market discount of this much on the position, on its worst day, liquidates the loop"}, loop...)
	default:
		return false
	}
	return true
}

// explainTokens explains "layers[J].tokens" and "layers[J].token_value".
func explainTokens(s Set, sc Scenario, r ScenarioResult, field string) (Explanation, bool) {
	num, name, _ := strings.Cut(strings.TrimPrefix(field, "layers["), "].")
	j := 0
	fmt.Sscan(num, &j)
	if j < 0 || j >= len(sc.Layers) || sc.Layers[j].Reward == nil {
		return Explanation{}, false
	}
	rw, l := *sc.Layers[j].Reward, r.Layers[j]
	a := func(d decimal.Decimal) string { return FormatAmount(d) + " " + s.Asset }
	e := Explanation{Field: field, Title: l.Name + ": " + Figure(name).Title(), Lines: tokenLines(s, rw, l, a)}
	switch name {
	case "tokens":
		e.Formula = "tokens = Σ over the days of trunc(base × per_year / 365) − trunc(tg × fee / 100)"
		e.Values = fmt.Sprintf("%s earns %s %s a year for each %s staked, less its %s %% fee: tokens = %s %s",
			l.Name, rw.PerYear, rw.Token, s.Asset, sc.Layers[j].Fee, FormatAmount(l.Tokens), rw.Token)
	case "token_value":
		e.Formula = "token_value = Σ (v − c) of every sale: v = trunc(T × P(t)), c = trunc(v × sell_cost / 100), sold when v − c > claim_gas"
		e.Values = fmt.Sprintf("%d sales: token_value = %s", l.Sales, a(l.TokenValue))
	default:
		return Explanation{}, false
	}
	return e, true
}
