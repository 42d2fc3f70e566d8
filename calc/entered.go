package calc

// What a scenario file leaves out is not a zero a reader should take as a finding: a scenario
// with no risk entered has an expected path equal to its nominal one, and a scenario with no
// instant exit discount an instant exit value that no market promised. A field absent from the
// file and a field written as 0 read the same, so both count as not entered.

// RiskEntry says how much of a scenario's risk its file gives.
type RiskEntry int

const (
	// RiskNotEntered: no layer has a risk_probability or a risk_loss above 0.
	RiskNotEntered RiskEntry = iota
	// RiskIncomplete: some layer has one of them above 0, but no layer has both, so the
	// expected path loses nothing: Σ(risk_probability * risk_loss) = 0.
	RiskIncomplete
	// RiskEntered: some layer has both above 0; the expected path takes losses.
	RiskEntered
)

// RiskOf returns how much of scenario sc's risk its file gives.
func RiskOf(sc Scenario) RiskEntry {
	some := false
	for _, l := range sc.Layers {
		p, loss := l.RiskProbability.Sign() > 0, l.RiskLoss.Sign() > 0
		if p && loss {
			return RiskEntered
		}
		some = some || p || loss
	}
	if some {
		return RiskIncomplete
	}
	return RiskNotEntered
}

// ChanceEntered reports whether some layer of sc has a risk_probability above 0, so that its
// chance of a loss event (p_loss) is a figure of the file rather than a zero nobody entered.
func ChanceEntered(sc Scenario) bool {
	for _, l := range sc.Layers {
		if l.RiskProbability.Sign() > 0 {
			return true
		}
	}
	return false
}

// DiscountEntered reports whether sc has an instant_exit_cost above 0, so that its instant exit
// value comes from a discount someone entered.
func DiscountEntered(sc Scenario) bool {
	return sc.InstantExitCost.Sign() > 0
}
