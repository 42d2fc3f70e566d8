// Package calc is the restaking calculator's engine: it reads a scenario file, checks it, and runs
// every scenario's ledger to the wei, as the project's SPEC describes.
//
// Every function is pure: no package state, no clock, no I/O. Money is [decimal.Decimal] at the
// API and whole wei inside the daily loop, so that results are exact and fast at the same time.
package calc

import "github.com/shopspring/decimal"

// Version is the scenario-file version of a set that uses only the fields of SPEC section 2; a
// set that uses a reward or a loop (section 8) is version 2, up to MaxVersion.
const Version = 1

// MaxVersion is the newest scenario-file version this package reads and writes.
const MaxVersion = 2

// Limits of the scenario file.
const (
	MaxScenarios   = 6     // scenarios in a set
	MaxLayers      = 8     // layers in a stack
	MaxDays        = 36500 // horizon, claim interval, lock-up and withdrawal, in days
	MaxDecimals    = 18    // decimal places of any decimal field: one wei
	MaxTitleLen    = 80    // characters
	MaxNameLen     = 60    // characters, scenario and layer names
	MaxAssetLen    = 12    // characters, asset and token symbols
	MaxCurrencyLen = 5     // characters
)

// Payout says what happens to a layer's net rewards each day.
type Payout string

const (
	// Compound rewards join the stacked balance every day (rebasing or exchange-rate tokens).
	Compound Payout = "compound"
	// Claim rewards wait in the layer until they are claimed every ClaimEvery days.
	Claim Payout = "claim"
)

// Set is a scenario set: one starting amount of an asset, a horizon, an optional fiat price and
// the scenarios compared side by side. The zero value is not valid; see [Parse] and [Set.Validate].
type Set struct {
	Version     int
	Title       string
	Amount      decimal.Decimal // starting amount, asset units
	Asset       string          // the asset the bottom layer takes, "ETH" by default
	Price       decimal.Decimal // fiat per asset unit today; zero means no fiat figures
	Currency    string          // fiat label, "USD" by default
	PriceGrowth decimal.Decimal // asset price change, percent per year
	Days        int             // horizon in days
	Scenarios   []Scenario
}

// Scenario is one stack of layers, bottom first.
type Scenario struct {
	Name            string
	Layers          []Layer
	InstantExitCost decimal.Decimal // percent discount when the whole stack is sold at the horizon
	Note            string
	Loop            *Loop // version 2: the position is looped with borrowed asset; nil for none
}

// Loop is a leverage loop on a scenario (version 2, SPEC section 8.2): the stack's position is
// Leverage times the user's own money, the rest borrowed at BorrowAPR, and liquidated once
// debt × 100 ≥ position × LiquidationLTV. A *Loop in a [Scenario] is never changed once parsed:
// code that varies one replaces it with a copy.
type Loop struct {
	Leverage           decimal.Decimal // position ÷ own money after entry, 1 to 20
	BorrowAPR          decimal.Decimal // percent a year charged on the debt, added daily
	LiquidationLTV     decimal.Decimal // debt ÷ position, percent, at which the position is liquidated
	LiquidationPenalty decimal.Decimal // percent of the debt lost on top of it when liquidated
	EntryCost          decimal.Decimal // percent of the borrowed amount lost to the swaps that loop it
}

// Sell says when a reward token is sold.
type Sell string

const (
	// SellOnClaim sells the tokens on every claim day.
	SellOnClaim Sell = "claim"
	// Hold keeps the tokens to the horizon, where they are sold.
	Hold Sell = "hold"
)

// Reward is a layer's reward paid in a token other than the asset (version 2, SPEC section 8.1).
// Points are a Reward whose Price is a guess, often zero. A *Reward in a [Layer] is never changed
// once parsed: code that varies one replaces it with a copy.
type Reward struct {
	Token       string          // the token's symbol, not the set's asset
	PerYear     decimal.Decimal // tokens earned a year for each asset unit in the stack
	Price       decimal.Decimal // one token's worth today, asset units
	PriceGrowth decimal.Decimal // the token's price change against the asset, percent a year
	Sell        Sell            // SellOnClaim (default) or Hold
	ClaimEvery  int             // days between claim-and-sell days, for SellOnClaim
	ClaimGas    decimal.Decimal // asset units paid for each claim-and-sell
	SellCost    decimal.Decimal // percent of the proceeds lost to the swap
}

// Layer is one protocol in a stack. Every layer earns on the whole stacked balance.
type Layer struct {
	Name            string
	Accepts         string          // token taken; "" is not checked
	Gives           string          // token given; "" is not checked
	APR             decimal.Decimal // gross reward rate, percent per year
	Fee             decimal.Decimal // percent of this layer's gross rewards kept by the protocol
	Payout          Payout
	ClaimEvery      int             // days between claims, for Claim payouts
	ClaimGas        decimal.Decimal // asset units paid per claim
	Reinvest        bool            // claimed rewards join the balance (true) or are held aside
	EntryGas        decimal.Decimal // asset units paid once on entry
	ExitGas         decimal.Decimal // asset units paid once on exit
	EntryCost       decimal.Decimal // percent of the balance lost to swaps on entry
	ExitCost        decimal.Decimal // percent of the balance lost to swaps on exit
	LockupDays      int             // no exit can be requested before this day
	WithdrawDays    int             // days from the exit request until funds are released
	RiskProbability decimal.Decimal // chance of a loss event, percent per year
	RiskLoss        decimal.Decimal // percent of the stacked balance lost in such an event
	Preset          string          // where the figures came from; not used in the maths
	Note            string
	Reward          *Reward // version 2: rewards paid in another token; nil for none
}

// Kind is what a stack is called by its number of layers.
type Kind string

const (
	Staking      Kind = "staking"      // one layer
	Restaking    Kind = "restaking"    // two layers
	Multistaking Kind = "multistaking" // three layers or more
)

// KindOf returns the kind of a stack of n layers.
func KindOf(n int) Kind {
	switch {
	case n <= 1:
		return Staking
	case n == 2:
		return Restaking
	default:
		return Multistaking
	}
}

// NewLayer returns a layer with the file's defaults (see [LayerFields]): compound payout,
// claimed rewards reinvested.
func NewLayer(name string) Layer {
	var l Layer
	setDefaults(layerRows, &l)
	l.Name = name
	return l
}
