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

// Title returns what the page calls a figure of a scenario, by its results field ("final":
// "Final amount"); "" for a field that is not a figure.
func Title(field string) string { return titles[field] }

var titles = map[string]string{
	"kind": "Kind", "final": "Final amount", "final_expected": "Final amount, risk-adjusted",
	"gain": "Gain", "apy": "APY", "apy_expected": "APY, risk-adjusted", "fees": "Protocol fees",
	"gas": "Gas", "costs": "Swap and exit costs", "lost_expected": "Expected losses",
	"unclaimed": "Unclaimed rewards", "instant": "Instant exit", "liquid_day": "Money back on day",
	"p_loss": "Chance of a loss event", "fiat_final": "Final value in fiat",
}

// Explain returns the explanation of field for scenario i of set s, whose results are res, and
// whether the field is one of the results.
func Explain(s Set, res Results, i int, field string) (Explanation, bool) {
	if i < 0 || i >= len(res.Scenarios) || i >= len(s.Scenarios) {
		return Explanation{}, false
	}
	sc, r := s.Scenarios[i], res.Scenarios[i]
	a := func(d decimal.Decimal) string { return FormatAmount(d) + " " + s.Asset }
	e := Explanation{Field: field, Title: titles[field]}
	ledger := ledgerLines(s, sc, r, a)
	switch field {
	case "kind":
		e.Formula = "1 layer: staking; 2 layers: restaking; 3 or more: multistaking"
		e.Values = fmt.Sprintf("%d layers: %s", len(sc.Layers), r.Kind)
	case "final":
		e.Formula = "final = B + H after the exit; each layer, top first: B − trunc(B × exit_cost / 100) − min(exit_gas, B)"
		e.Values = fmt.Sprintf("final = %s + %s = %s", FormatAmount(r.Final.Sub(r.Held)), FormatAmount(r.Held), a(r.Final))
		e.Lines = ledger
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
		e.Formula = "gas = Σ entry_gas + claim_gas × claims + exit gas actually paid"
		e.Values = "gas = " + sumOf(r.Layers, func(l LayerResult) decimal.Decimal { return l.EntryGas.Add(l.ClaimGas).Add(l.ExitGas) }) + " = " + a(r.Gas)
		for _, l := range r.Layers {
			e.Lines = append(e.Lines, fmt.Sprintf("%s: entry %s, %d claims %s, exit %s", l.Name,
				FormatAmount(l.EntryGas), l.Claims, FormatAmount(l.ClaimGas), FormatAmount(l.ExitGas)))
		}
	case "costs":
		e.Formula = "costs = Σ trunc(B × entry_cost / 100) on entry + Σ trunc(B × exit_cost / 100) on exit"
		e.Values = "costs = " + sumOf(r.Layers, func(l LayerResult) decimal.Decimal { return l.EntryCost.Add(l.ExitCost) }) + " = " + a(r.Costs)
		for k, l := range r.Layers {
			e.Lines = append(e.Lines, fmt.Sprintf("%s: entry %s %% = %s, exit %s %% = %s", l.Name,
				sc.Layers[k].EntryCost, FormatAmount(l.EntryCost), sc.Layers[k].ExitCost, FormatAmount(l.ExitCost)))
		}
	case "unclaimed":
		e.Formula = "rewards still waiting at the exit whose claim would not cover its claim_gas"
		e.Values = "unclaimed = " + sumOf(r.Layers, func(l LayerResult) decimal.Decimal { return l.Unclaimed }) + " = " + a(r.Unclaimed)
	case "instant":
		top := sc.Layers[len(sc.Layers)-1]
		e.Formula = "instant = max(0, trunc(pre × (100 − instant_exit_cost) / 100) − exit_gas of the top layer) + H"
		e.Values = fmt.Sprintf("instant = max(0, trunc(%s × (100 − %s) / 100) − %s) + %s = %s",
			FormatAmount(r.BeforeExit), sc.InstantExitCost, FormatAmount(top.ExitGas), FormatAmount(r.Held), a(r.Instant))
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
	}
	lines = append(lines, fmt.Sprintf("after day %d: B = %s staked, H = %s held aside", s.Days, a(r.BeforeExit), a(r.Held)))
	for k := len(r.Layers) - 1; k >= 0; k-- {
		l := r.Layers[k]
		if !l.ExitGas.IsZero() || !l.ExitCost.IsZero() {
			lines = append(lines, fmt.Sprintf("exit %s: − %s (%s %% exit cost), − %s gas", l.Name,
				FormatAmount(l.ExitCost), sc.Layers[k].ExitCost, FormatAmount(l.ExitGas)))
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
