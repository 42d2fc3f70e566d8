package main

import (
	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// defaultDays is the horizon the page opens with: ten years, long enough for fees, lock-ups and
// risk to show their weight.
const defaultDays = 3650

// defaultSet is what the page opens with: the same 32 ETH staked, restaked, and multistaked in
// a leverage loop. The figures are examples in the range these protocols have advertised, not quotes; the
// page says so. They are chosen to teach what drives the outcome: EigenLayer pays EIGEN, not
// ETH, counted at a price that is stated and held flat; points count for nothing until the user
// guesses their worth; the loop shows its debt and the discount that liquidates it; no rise of
// the asset's price is assumed; and gas is the presets' gas units at the page's opening gas
// price (defaultGasPriceGwei, 2 gwei).
func defaultSet() calc.Set {
	lido := func() calc.Layer {
		l := calc.NewLayer("Lido")
		l.Accepts, l.Gives = "ETH", "stETH"
		l.APR = mustDecimal("3.2")
		l.Fee = mustDecimal("10")
		l.EntryGas = mustDecimal("0.000172") // 86,000 gas
		l.ExitGas = mustDecimal("0.00038")   // 190,000 gas
		l.WithdrawDays = 5
		l.RiskProbability = mustDecimal("0.5")
		l.RiskLoss = mustDecimal("5")
		l.Note = "example figures"
		return l
	}

	eigen := calc.NewLayer("EigenLayer")
	eigen.Accepts, eigen.Gives = "stETH", "EL-stETH"
	eigen.APR = mustDecimal("0.3") // what AVSs pay in ETH, claimed by hand; the rest is EIGEN
	eigen.Fee = mustDecimal("10")
	eigen.Payout = calc.Claim
	eigen.ClaimEvery = 30
	eigen.ClaimGas = mustDecimal("0.0003") // 150,000 gas
	eigen.EntryGas = mustDecimal("0.0003") // 150,000 gas
	eigen.ExitGas = mustDecimal("0.0005")  // 250,000 gas
	eigen.WithdrawDays = 14
	eigen.RiskProbability = mustDecimal("1")
	eigen.RiskLoss = mustDecimal("10")
	eigen.Reward = &calc.Reward{
		Token:       "EIGEN",
		PerYear:     mustDecimal("40"),     // 1.2 % a year at today's price
		Price:       mustDecimal("0.0003"), // ETH per EIGEN, held flat: the page says so
		PriceGrowth: mustDecimal("0"),
		Sell:        calc.SellOnClaim,
		ClaimEvery:  30,
		ClaimGas:    mustDecimal("0.0003"), // 150,000 gas
		SellCost:    mustDecimal("0.5"),
	}
	eigen.Note = "example figures"

	etherfi := func() calc.Layer {
		l := calc.NewLayer("ether.fi")
		l.Accepts, l.Gives = "ETH", "weETH"
		l.APR = mustDecimal("3.1")
		l.Fee = mustDecimal("10")
		l.EntryGas = mustDecimal("0.0002") // 100,000 gas
		l.ExitGas = mustDecimal("0.0004")  // 200,000 gas
		l.WithdrawDays = 7
		l.RiskProbability = mustDecimal("1")
		l.RiskLoss = mustDecimal("10")
		l.Note = "example figures"
		return l
	}

	aave := func() calc.Layer {
		l := calc.NewLayer("Aave")
		l.Accepts, l.Gives = "weETH", "aweETH"
		l.APR = mustDecimal("0.05")
		l.EntryGas = mustDecimal("0.0004") // 200,000 gas
		l.ExitGas = mustDecimal("0.0004")
		l.RiskProbability = mustDecimal("1")
		l.RiskLoss = mustDecimal("20")
		l.Note = "example figures"
		return l
	}

	points := calc.NewLayer("Points")
	points.APR = mustDecimal("0") // points pay no ETH
	points.LockupDays = 90
	points.Reward = &calc.Reward{
		Token:   "PTS",
		PerYear: mustDecimal("1000"),
		Price:   mustDecimal("0"), // worth nothing until you guess otherwise
		Sell:    calc.Hold,
	}
	points.Note = "example figures: the points' worth is a guess, 0 until you enter one"

	return calc.Set{
		Version:  2,
		Amount:   mustDecimal("32"),
		Asset:    "ETH",
		Price:    mustDecimal("3000"),
		Currency: "USD",
		Days:     defaultDays,
		Scenarios: []calc.Scenario{
			{Name: "Staking", Layers: []calc.Layer{lido()}},
			{Name: "Restaking", Layers: []calc.Layer{lido(), eigen}, InstantExitCost: mustDecimal("0.5")},
			{Name: "Multistaking", Layers: []calc.Layer{etherfi(), aave(), points}, InstantExitCost: mustDecimal("0.3"),
				Loop: &calc.Loop{
					Leverage:           mustDecimal("3"),
					BorrowAPR:          mustDecimal("2.5"),
					LiquidationLTV:     mustDecimal("93"),
					LiquidationPenalty: mustDecimal("1"),
					EntryCost:          mustDecimal("0.1"),
				}},
		},
	}
}

// mustDecimal reads a decimal written in this file; a typo is a programming error.
func mustDecimal(s string) decimal.Decimal {
	return decimal.RequireFromString(s)
}
