package calc

import "strconv"

// Figure names one figure of a scenario's results by its name in the results document (SPEC
// section 4), which is also the data-field of the page's element that shows it, or by the name
// of one of the page's further hooks (section 7.8). Its [Figure.Title] is the one name readers
// see for it, wherever it is shown; its [Figure.Unit] says what it counts.
type Figure string

// The figures of a scenario, in the results document's order (SPEC section 4).
const (
	FigureKind          Figure = "kind"
	FigureFinal         Figure = "final"
	FigureFinalExpected Figure = "final_expected"
	FigureGain          Figure = "gain"
	FigureAPY           Figure = "apy"
	FigureAPYExpected   Figure = "apy_expected"
	FigureFees          Figure = "fees"
	FigureGas           Figure = "gas"
	FigureCosts         Figure = "costs"
	FigureLostExpected  Figure = "lost_expected"
	FigureUnclaimed     Figure = "unclaimed"
	FigureInstant       Figure = "instant"
	FigureLiquidDay     Figure = "liquid_day"
	FigurePLoss         Figure = "p_loss"
	FigureFiatFinal     Figure = "fiat_final"
)

// The figures of one layer (a scenario's layers[J] in the results document); the page hooks
// them as "layers[J].gross" and so on ([Figure.OfLayer]).
const (
	FigureLayerGross Figure = "gross"
	FigureLayerFee   Figure = "fee"
	FigureLayerNet   Figure = "net"
)

// The figures of a scenario with a loop, and of a layer with a reward (version 2, SPEC section 8).
const (
	FigureDebt                Figure = "debt"
	FigureInterest            Figure = "interest"
	FigureLiquidatedDay       Figure = "liquidated_day"
	FigureLiquidationDiscount Figure = "liquidation_discount"
	FigureLayerTokens         Figure = "tokens"
	FigureLayerTokenValue     Figure = "token_value"
)

// The page's answers beside the results (SPEC section 7.8).
const (
	FigureBreakEvenDay   Figure = "break_even_day"
	FigureRiskBudget     Figure = "risk_budget"
	FigureBestClaimEvery Figure = "best_claim_every"
)

// Unit is what a figure counts, and so how it is written: amounts exact to the wei,
// percentages with 6 places, fiat with 2.
type Unit int

const (
	UnitNone    Unit = iota // a word: the kind of stack
	UnitAsset               // units of the set's asset, exact to the wei
	UnitPercent             // percent, rounded half-even to 6 places
	UnitFiat                // the set's currency, rounded half-even to 2 places
	UnitDay                 // a day of the horizon, day 1 the first
	UnitDays                // a number of days
)

// figureWords are each figure's title and unit: the one place they are written.
var figureWords = map[Figure]struct {
	title string
	unit  Unit
}{
	FigureKind:                {"Kind", UnitNone},
	FigureFinal:               {"Final amount", UnitAsset},
	FigureFinalExpected:       {"Expected final amount", UnitAsset},
	FigureGain:                {"Gain", UnitAsset},
	FigureAPY:                 {"APY", UnitPercent},
	FigureAPYExpected:         {"Expected APY", UnitPercent},
	FigureFees:                {"Protocol fees", UnitAsset},
	FigureGas:                 {"Gas", UnitAsset},
	FigureCosts:               {"Swap costs", UnitAsset},
	FigureLostExpected:        {"Expected losses", UnitAsset},
	FigureUnclaimed:           {"Unclaimed rewards", UnitAsset},
	FigureInstant:             {"Instant exit value", UnitAsset},
	FigureLiquidDay:           {"Money back on day", UnitDay},
	FigurePLoss:               {"Chance of a loss event", UnitPercent},
	FigureFiatFinal:           {"Final value in fiat", UnitFiat},
	FigureLayerGross:          {"Gross", UnitAsset},
	FigureLayerFee:            {"Fee", UnitAsset},
	FigureLayerNet:            {"Net", UnitAsset},
	FigureDebt:                {"Debt at the horizon", UnitAsset},
	FigureInterest:            {"Interest on the debt", UnitAsset},
	FigureLiquidatedDay:       {"Liquidated on day", UnitDay},
	FigureLiquidationDiscount: {"Discount that liquidates the loop", UnitPercent},
	FigureLayerTokens:         {"Reward tokens earned", UnitNone},
	FigureLayerTokenValue:     {"Reward tokens sold for", UnitAsset},
	FigureBreakEvenDay:        {"Stays ahead from day", UnitDay},
	FigureRiskBudget:          {"Risk the extra yield pays for", UnitPercent},
	FigureBestClaimEvery:      {"Best claim interval", UnitDays},
}

// Title returns the figure's name as readers see it ("Final amount", "Expected APY"), or the
// figure's own name when it is none of the figures above.
func (f Figure) Title() string {
	if w, ok := figureWords[f]; ok {
		return w.title
	}
	return string(f)
}

// Unit returns what the figure counts; UnitNone for a figure that is none of the above.
func (f Figure) Unit() Unit { return figureWords[f].unit }

// OfLayer returns the page's hook for layer j's figure f: "layers[J].gross" and so on.
func (f Figure) OfLayer(j int) string {
	return "layers[" + strconv.Itoa(j) + "]." + string(f)
}

// Figures returns a scenario's figures of SPEC section 4, in the results document's order,
// in a slice of the caller's own.
func Figures() []Figure {
	return []Figure{FigureKind, FigureFinal, FigureFinalExpected, FigureGain, FigureAPY,
		FigureAPYExpected, FigureFees, FigureGas, FigureCosts, FigureLostExpected, FigureUnclaimed,
		FigureInstant, FigureLiquidDay, FigurePLoss, FigureFiatFinal}
}
