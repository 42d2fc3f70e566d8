package calc

import "github.com/shopspring/decimal"

// Options say what [Evaluate] returns beyond the figures of every scenario.
type Options struct {
	// Series asks for the value of both paths at the end of each day.
	Series bool
	// SeriesPoints, when positive, keeps at most that many points of each series: evenly spaced
	// days, always with the last one. Zero keeps every day.
	SeriesPoints int
	// BreakEven asks for each scenario's break-even day against the first.
	BreakEven bool
}

// Results are the figures of every scenario of a set, in the set's order.
type Results struct {
	Version   int
	Scenarios []ScenarioResult
}

// ScenarioResult holds one scenario's figures. Amounts are in asset units, exact to the wei;
// percentages are rounded half-even to 6 places, fiat to 2.
type ScenarioResult struct {
	Name          string
	Kind          Kind
	Final         decimal.Decimal // final amount on the nominal path
	FinalExpected decimal.Decimal // final amount on the expected (risk-adjusted) path
	Gain          decimal.Decimal // Final - amount
	APY           decimal.Decimal // ((Final / amount)^(365 / days) - 1) * 100
	APYExpected   decimal.Decimal // the same for FinalExpected
	Fees          decimal.Decimal // rewards kept by the protocols, nominal path
	Gas           decimal.Decimal // gas actually paid, nominal path
	Costs         decimal.Decimal // amounts lost to entry and exit costs, nominal path
	LostExpected  decimal.Decimal // losses on the expected path
	Unclaimed     decimal.Decimal // rewards left at exit because a claim would not cover its gas
	Instant       decimal.Decimal // value when the whole stack is sold at the horizon
	LiquidDay     int             // the day the funds are back after a normal exit
	PLoss         decimal.Decimal // chance of at least one loss event over the horizon, percent
	FiatFinal     decimal.Decimal // Final in fiat at the grown price; zero without a price
	HasFiat       bool            // whether the set has a price, so FiatFinal means something
	Held          decimal.Decimal // H at the end: claimed rewards held aside, nominal path
	BeforeExit    decimal.Decimal // pre: B after the last day's claims, before the exit costs
	Layers        []LayerResult

	// Version 2, for a scenario with a loop (nominal path); zero without one.
	Debt                decimal.Decimal // D on the last day, before it is repaid at the exit
	Interest            decimal.Decimal // Σ of the daily interest on the debt
	LiquidatedDay       int             // the first day the loop was liquidated; 0 for never
	LiquidationDiscount decimal.Decimal // smallest market discount, percent, that would liquidate it
	HasLoop             bool            // whether the scenario has a loop, so the four figures above mean something
	Borrowed            decimal.Decimal // D right after entry: trunc(B × (leverage − 1))
	LoopCost            decimal.Decimal // what looping it cost on entry: trunc(D × entry_cost / 100)
	Position            decimal.Decimal // B right after entry, the borrowed amount in it
	Repaid              decimal.Decimal // min(D, B) at the exit: the debt the position covered
	DiscountDay         int             // the day whose D and B give LiquidationDiscount, 0 for the entry
	DiscountDebt        decimal.Decimal // D on that day
	DiscountPosition    decimal.Decimal // B on that day

	// BreakEvenDay is the first day from which this scenario's value stays above the first
	// scenario's until the horizon, on the nominal path; 0 where it never does, and for the first
	// scenario itself. Set when Options.BreakEven asks for it.
	BreakEvenDay         int
	BreakEvenDayExpected int // the same on the expected path

	Series         []DayValue // nominal path, when asked for
	SeriesExpected []DayValue // expected path, when asked for
}

// LayerResult is where one layer's income came from and what it cost over the nominal path:
// Gross = Fee + Net.
type LayerResult struct {
	Name      string
	Gross     decimal.Decimal
	Fee       decimal.Decimal
	Net       decimal.Decimal
	EntryGas  decimal.Decimal // gas paid on entry
	EntryCost decimal.Decimal // lost to the entry cost
	Claims    int             // claims made, the one at exit included
	ClaimGas  decimal.Decimal // gas paid for them
	Unclaimed decimal.Decimal // rewards left at exit because a claim would not cover its gas
	ExitCost  decimal.Decimal // lost to the exit cost
	ExitGas   decimal.Decimal // exit gas actually paid

	// Version 2, for a layer with a reward (nominal path); zero without one.
	Tokens     decimal.Decimal // Σ (tg − tf): reward tokens earned after the layer's fee
	TokenValue decimal.Decimal // Σ (v − c) of every sale, asset units
	HasReward  bool            // whether the layer has a reward token, so the two figures above mean something
	Sales      int             // sales of tokens made, the one at exit included
	SaleGas    decimal.Decimal // claim gas paid for them
	SaleCost   decimal.Decimal // Σ c: lost to the swaps
	// TokensUnsold are the tokens left at exit because their sale would not cover its gas, and
	// TokensUnsoldValue their value v at P(days), counted in the scenario's Unclaimed.
	TokensUnsold, TokensUnsoldValue decimal.Decimal
}

// DayValue is the value of a path at the end of a day: staked, held aside and unclaimed.
type DayValue struct {
	Day   int
	Value decimal.Decimal
}
