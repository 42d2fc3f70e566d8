package main

import (
	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// defaultDays is the horizon the page opens with: ten years, long enough for fees, lock-ups and
// risk to show their weight.
const defaultDays = 3650

// defaultSet is what the page opens with: the same 32 ETH three ways, staking, restaking and
// multistaking. The figures are examples in the range these protocols have advertised, not
// quotes; the page says so.
func defaultSet() calc.Set {
	lido := func() calc.Layer {
		l := calc.NewLayer("Lido")
		l.Accepts, l.Gives = "ETH", "stETH"
		l.APR = mustDecimal("3.2")
		l.Fee = mustDecimal("10")
		l.EntryGas = mustDecimal("0.002")
		l.ExitGas = mustDecimal("0.002")
		l.WithdrawDays = 5
		l.RiskProbability = mustDecimal("0.5")
		l.RiskLoss = mustDecimal("5")
		l.Note = "example figures"
		return l
	}

	eigen := calc.NewLayer("EigenLayer")
	eigen.Accepts, eigen.Gives = "stETH", "EL-stETH"
	eigen.APR = mustDecimal("1.5")
	eigen.Fee = mustDecimal("10")
	eigen.Payout = calc.Claim
	eigen.ClaimEvery = 30
	eigen.ClaimGas = mustDecimal("0.003")
	eigen.EntryGas = mustDecimal("0.003")
	eigen.ExitGas = mustDecimal("0.004")
	eigen.WithdrawDays = 14
	eigen.RiskProbability = mustDecimal("1")
	eigen.RiskLoss = mustDecimal("10")
	eigen.Note = "example figures"

	etherfi := calc.NewLayer("ether.fi")
	etherfi.Accepts, etherfi.Gives = "ETH", "weETH"
	etherfi.APR = mustDecimal("3.1")
	etherfi.Fee = mustDecimal("10")
	etherfi.EntryGas = mustDecimal("0.002")
	etherfi.WithdrawDays = 7
	etherfi.RiskProbability = mustDecimal("1")
	etherfi.RiskLoss = mustDecimal("10")
	etherfi.Note = "example figures"

	aave := calc.NewLayer("Aave")
	aave.Accepts, aave.Gives = "weETH", "aweETH"
	aave.APR = mustDecimal("0.8")
	aave.Payout = calc.Claim
	aave.ClaimEvery = 90
	aave.ClaimGas = mustDecimal("0.002")
	aave.Reinvest = false
	aave.EntryGas = mustDecimal("0.003")
	aave.ExitGas = mustDecimal("0.003")
	aave.RiskProbability = mustDecimal("1")
	aave.RiskLoss = mustDecimal("20")
	aave.Note = "example figures"

	points := calc.NewLayer("Points")
	points.APR = mustDecimal("2")
	points.Payout = calc.Claim
	points.ClaimEvery = 365
	points.ClaimGas = mustDecimal("0.01")
	points.Reinvest = false
	points.EntryCost = mustDecimal("0.3")
	points.ExitCost = mustDecimal("0.3")
	points.LockupDays = 400
	points.Note = "example figures"

	return calc.Set{
		Version:     calc.Version,
		Amount:      mustDecimal("32"),
		Asset:       "ETH",
		Price:       mustDecimal("3000"),
		Currency:    "USD",
		PriceGrowth: mustDecimal("5"),
		Days:        defaultDays,
		Scenarios: []calc.Scenario{
			{Name: "Staking", Layers: []calc.Layer{lido()}},
			{Name: "Restaking", Layers: []calc.Layer{lido(), eigen}, InstantExitCost: mustDecimal("0.5")},
			{Name: "Multistaking", Layers: []calc.Layer{etherfi, aave, points}},
		},
	}
}

// mustDecimal reads a decimal written in this file; a typo is a programming error.
func mustDecimal(s string) decimal.Decimal {
	return decimal.RequireFromString(s)
}
