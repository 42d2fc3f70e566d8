package calc

import (
	"errors"
	"fmt"
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
	leverageRule    = decimalRule{min: dec("1"), max: dec("20")}
	ltvRule         = decimalRule{min: dec("0"), max: dec("100"), minOpen: true}
	// rewardAmountRule bounds a reward's tokens per year and its price.
	rewardAmountRule = decimalRule{min: dec("0"), max: dec("1e12")}
	percentRule      = decimalRule{min: dec("0"), max: dec("100")}
	gasRule          = decimalRule{min: dec("0")}
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

// Validate checks every field of s against the scenario file's ranges (see [SetFields] and the
// other tables), and the stacks against the usage uniqueness control: the bottom layer accepts
// the set's asset, each other layer accepts what the layer below gives (where both are set,
// case-insensitive), and a layer name appears once per stack. A set of version 1 may not use a
// field of version 2. The error joins one *FieldError per problem.
func (s Set) Validate() error {
	c := checking{version: s.Version, asset: s.Asset}
	checkObject(&c, "", setRows, &s)
	c.errs = append(c.errs, s.loopEntryErrors(c.errs)...)
	return errors.Join(c.errs...)
}

// checking collects the problems of one set, with what the checks of its parts need to know.
type checking struct {
	errs    []error
	version int    // the set's version, to refuse version 2 fields in a version 1 file
	asset   string // the set's asset
}

func (c *checking) add(e *FieldError) {
	if e != nil {
		c.errs = append(c.errs, e)
	}
}

// checkObject checks every field of x through the rows of its table.
func checkObject[P any](c *checking, path string, rows []row[P], x P) {
	for i := range rows {
		rows[i].checkValue(c, join(path, rows[i].name), x)
	}
}

// checkValue checks one field of x against its row.
func (r *row[P]) checkValue(c *checking, path string, x P) {
	switch r.kind {
	case DecimalField:
		c.add(r.dec.check(path, *r.decimalOf(x)))
	case IntField:
		n := *r.intOf(x)
		switch {
		case r.when == nil:
			c.add(r.ints.check(path, n))
		case n != 0:
			c.add(r.ints.check(path, n))
		case r.when(x):
			c.add(fieldErr(path, "", "is required when %s: %s", r.needIf, r.ints.allowed()))
		}
	case TextField:
		v := *r.textOf(x)
		if e := r.text.check(path, v); e != nil {
			c.add(e)
			return
		}
		if e := checkCharacters(path, v, r.class); e != nil {
			c.add(e)
			return
		}
	case EnumField:
		if v := *r.textOf(x); !contains(r.choices, v) {
			c.add(fieldErr(path, quoteText(v), "must be %s", choicesText(r.choices)))
		}
	case ListField, ObjectField:
		if r.present != nil && !r.present(x) {
			return
		}
		if r.version > c.version && c.version >= 1 && c.version <= MaxVersion {
			c.add(fieldErr(path, "", `is a version %d field: the file must say "version": %d to use it (it says %d)`,
				r.version, r.version, c.version))
		}
		r.valid(c, path, x)
	}
	if r.check != nil {
		c.add(r.check(c, path, x))
	}
}

// checkScenarios checks the number of scenarios and each scenario; two scenarios may not share
// a name (compared as [SameName] does).
func checkScenarios(c *checking, path string, s *Set) {
	if n := len(s.Scenarios); n < 1 || n > MaxScenarios {
		c.add(fieldErr(path, fmt.Sprint(n), "must have 1 to %d scenarios", MaxScenarios))
	}
	for i := range s.Scenarios {
		sp := fmt.Sprintf("%s[%d]", path, i)
		checkObject(c, sp, scenarioRows, &s.Scenarios[i])
		name := s.Scenarios[i].Name
		for j := 0; j < i; j++ {
			if name != "" && SameName(s.Scenarios[j].Name, name) {
				c.add(fieldErr(sp+".name", quoteText(name),
					"is already the name of scenarios[%d]; each scenario needs a name of its own", j))
				break
			}
		}
	}
}

// checkLayers checks the number of layers, each layer, and the usage uniqueness control.
func checkLayers(c *checking, path string, sc *Scenario) {
	if n := len(sc.Layers); n < 1 || n > MaxLayers {
		c.add(fieldErr(path, fmt.Sprint(n), "must have 1 to %d layers", MaxLayers))
	}
	for i := range sc.Layers {
		l := &sc.Layers[i]
		lp := fmt.Sprintf("%s[%d]", path, i)
		checkObject(c, lp, layerRows, l)

		// Usage uniqueness control.
		for j := 0; j < i; j++ {
			if l.Name != "" && SameName(sc.Layers[j].Name, l.Name) {
				c.add(fieldErr(lp+".name", quoteText(l.Name),
					"is already used by layers[%d] of this scenario; a layer may appear once per stack", j))
				break
			}
		}
		if l.Accepts == "" || checkCharacters("", l.Accepts, lineText) != nil {
			continue // nothing to compare, or refused already
		}
		if i == 0 {
			if !SameName(l.Accepts, c.asset) {
				c.add(fieldErr(lp+".accepts", quoteText(l.Accepts),
					"must be %s, the asset the set starts with, or empty", shown(c.asset)))
			}
		} else if below := sc.Layers[i-1].Gives; below != "" && !SameName(l.Accepts, below) {
			c.add(fieldErr(lp+".accepts", quoteText(l.Accepts),
				"must be %s, what layers[%d] gives, or empty", shown(below), i-1))
		}
	}
}

func checkReward(c *checking, path string, l *Layer) { checkObject(c, path, rewardRows, l.Reward) }

func checkLoop(c *checking, path string, sc *Scenario) { checkObject(c, path, loopRows, sc.Loop) }

// checkRewardToken refuses a reward token that is the set's asset: a reward in the asset itself
// is the layer's APR.
func checkRewardToken(c *checking, path string, r *Reward) *FieldError {
	if r.Token != "" && SameName(r.Token, c.asset) {
		return fieldErr(path, quoteText(r.Token),
			"must not be %s, the set's asset: rewards in the asset itself are the layer's apr", shown(c.asset))
	}
	return nil
}
