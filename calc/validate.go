package calc

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// decimalRule is the range of a decimal field: min ≤ d ≤ max (min < d when minOpen; no upper
// bound when max is nil), with at most MaxDecimals places.
type decimalRule struct {
	min, max *decimal.Decimal
	minOpen  bool
}

func dec(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

var (
	amountRule      = decimalRule{min: dec("0"), max: dec("1e15"), minOpen: true}
	priceRule       = decimalRule{min: dec("0"), max: dec("1e12")}
	priceGrowthRule = decimalRule{min: dec("-100"), max: dec("1000")}
	aprRule         = decimalRule{min: dec("0"), max: dec("1000")}
	percentRule     = decimalRule{min: dec("0"), max: dec("100")}
	gasRule         = decimalRule{min: dec("0")}
)

// allowed says in words what the rule accepts, after "must be".
func (r decimalRule) allowed() string {
	switch {
	case r.max == nil:
		return fmt.Sprintf("a number of at least %s", r.min)
	case r.minOpen:
		return fmt.Sprintf("a number greater than %s and at most %s", r.min, r.max.String())
	}
	return fmt.Sprintf("a number between %s and %s", r.min, r.max)
}

func (r decimalRule) check(path string, d decimal.Decimal) *FieldError {
	if (r.minOpen && d.Cmp(*r.min) <= 0) || d.Cmp(*r.min) < 0 || (r.max != nil && d.Cmp(*r.max) > 0) {
		if r.max == nil {
			return fieldErr(path, d.String(), "must be at least %s", r.min)
		}
		if r.minOpen {
			return fieldErr(path, d.String(), "must be greater than %s and at most %s", r.min, r.max)
		}
		return fieldErr(path, d.String(), "must be between %s and %s", r.min, r.max)
	}
	if !d.Equal(d.Truncate(MaxDecimals)) {
		return fieldErr(path, d.String(), "must have at most %d decimal places", MaxDecimals)
	}
	return nil
}

// intRule is the range of a whole-number field: min ≤ n ≤ max.
type intRule struct{ min, max int }

func dayRule(min int) intRule { return intRule{min, MaxDays} }

func (r intRule) allowed() string {
	if r.min == r.max {
		return fmt.Sprintf("the whole number %d", r.min)
	}
	return fmt.Sprintf("a whole number between %d and %d", r.min, r.max)
}

func (r intRule) check(path string, n int) *FieldError {
	if n < r.min || n > r.max {
		return fieldErr(path, fmt.Sprint(n), "must be %s", r.allowed())
	}
	return nil
}

// textRule is the length of a string field in characters: min ≤ len ≤ max (no limit when max < 0).
type textRule struct{ min, max int }

func (r textRule) allowed() string {
	switch {
	case r.max < 0:
		return "text"
	case r.min == 0:
		return fmt.Sprintf("text of at most %d characters", r.max)
	}
	return fmt.Sprintf("text of %d to %d characters", r.min, r.max)
}

func (r textRule) check(path, s string) *FieldError {
	n := utf8.RuneCountInString(s)
	if n < r.min || (r.max >= 0 && n > r.max) {
		if r.min > 0 && n == 0 {
			return fieldErr(path, "", "is required: %s", r.allowed())
		}
		return fieldErr(path, quoteText(s), "must be %s", r.allowed())
	}
	if !utf8.ValidString(s) {
		return fieldErr(path, "", "must be valid UTF-8 text")
	}
	return nil
}

func quoteText(s string) string { return fmt.Sprintf("%q", s) }

// Validate checks every field of s against the scenario file's ranges, and the stacks against
// the usage uniqueness control: the bottom layer accepts the set's asset, each other layer
// accepts what the layer below gives (where both are set, case-insensitive), and a layer name
// appears once per stack. The error joins one *FieldError per problem.
func (s Set) Validate() error {
	var errs []error
	add := func(e *FieldError) {
		if e != nil {
			errs = append(errs, e)
		}
	}
	add(intRule{Version, Version}.check("version", s.Version))
	add(textRule{0, MaxTitleLen}.check("title", s.Title))
	add(amountRule.check("amount", s.Amount))
	add(textRule{1, MaxAssetLen}.check("asset", s.Asset))
	add(priceRule.check("price", s.Price))
	add(textRule{1, MaxCurrencyLen}.check("currency", s.Currency))
	add(priceGrowthRule.check("price_growth", s.PriceGrowth))
	add(dayRule(1).check("days", s.Days))
	if n := len(s.Scenarios); n < 1 || n > MaxScenarios {
		add(fieldErr("scenarios", fmt.Sprint(n), "must have 1 to %d scenarios", MaxScenarios))
	}
	for i, sc := range s.Scenarios {
		errs = append(errs, sc.validate(fmt.Sprintf("scenarios[%d]", i), s.Asset)...)
	}
	errs = append(errs, s.loopEntryErrors(errs)...)
	return errors.Join(errs...)
}

func (sc Scenario) validate(path, asset string) []error {
	var errs []error
	add := func(e *FieldError) {
		if e != nil {
			errs = append(errs, e)
		}
	}
	add(textRule{1, MaxNameLen}.check(path+".name", sc.Name))
	add(percentRule.check(path+".instant_exit_cost", sc.InstantExitCost))
	if n := len(sc.Layers); n < 1 || n > MaxLayers {
		add(fieldErr(path+".layers", fmt.Sprint(n), "must have 1 to %d layers", MaxLayers))
	}
	for i, l := range sc.Layers {
		lp := fmt.Sprintf("%s.layers[%d]", path, i)
		add(textRule{1, MaxNameLen}.check(lp+".name", l.Name))
		add(textRule{0, MaxAssetLen}.check(lp+".accepts", l.Accepts))
		add(textRule{0, MaxAssetLen}.check(lp+".gives", l.Gives))
		add(aprRule.check(lp+".apr", l.APR))
		add(percentRule.check(lp+".fee", l.Fee))
		switch l.Payout {
		case Compound:
			if l.ClaimEvery != 0 {
				add(dayRule(1).check(lp+".claim_every", l.ClaimEvery))
			}
		case Claim:
			if l.ClaimEvery == 0 {
				add(fieldErr(lp+".claim_every", "", "is required when payout is \"claim\": %s", dayRule(1).allowed()))
			} else {
				add(dayRule(1).check(lp+".claim_every", l.ClaimEvery))
			}
		default:
			add(fieldErr(lp+".payout", quoteText(string(l.Payout)), `must be "compound" or "claim"`))
		}
		add(gasRule.check(lp+".claim_gas", l.ClaimGas))
		add(gasRule.check(lp+".entry_gas", l.EntryGas))
		add(gasRule.check(lp+".exit_gas", l.ExitGas))
		add(percentRule.check(lp+".entry_cost", l.EntryCost))
		add(percentRule.check(lp+".exit_cost", l.ExitCost))
		add(dayRule(0).check(lp+".lockup_days", l.LockupDays))
		add(dayRule(0).check(lp+".withdraw_days", l.WithdrawDays))
		add(percentRule.check(lp+".risk_probability", l.RiskProbability))
		add(percentRule.check(lp+".risk_loss", l.RiskLoss))

		// Usage uniqueness control.
		for j := 0; j < i; j++ {
			if l.Name != "" && strings.EqualFold(sc.Layers[j].Name, l.Name) {
				add(fieldErr(lp+".name", quoteText(l.Name),
					"is already used by layers[%d] of this scenario; a layer may appear once per stack", j))
				break
			}
		}
		if l.Accepts == "" {
			continue
		}
		if i == 0 {
			if !strings.EqualFold(l.Accepts, asset) {
				add(fieldErr(lp+".accepts", quoteText(l.Accepts),
					"must be %s, the asset the set starts with, or empty", asset))
			}
		} else if below := sc.Layers[i-1].Gives; below != "" && !strings.EqualFold(l.Accepts, below) {
			add(fieldErr(lp+".accepts", quoteText(l.Accepts),
				"must be %s, what layers[%d] gives, or empty", below, i-1))
		}
	}
	return errs
}
