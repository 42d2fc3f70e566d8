package calc

import (
	"errors"

	"github.com/holiman/uint256"
)

// An Evaluation evaluates a set one scenario at a time, in the set's order, for a caller that
// must hand control back between scenarios (a page in a browser, where six stacks of eight
// layers over a century take half a second). [Evaluate] is an Evaluation run to its end; both
// give the same figures.
//
// Break-even days compare each scenario's day values with the first scenario's: the Evaluation
// keeps the first scenario's day values (two paths × days exact integers) until it is done.
type Evaluation struct {
	set         Set
	opt         Options
	sampleEvery int
	next        int
	first       [2][]uint256.Int // the first scenario's day values, for break-even days
	firstOK     bool             // the first scenario ran without error
	res         Results
	errs        []error
}

// NewEvaluation starts the evaluation of s with opt. s must be valid (see [Set.Validate]); an
// invalid s gives its validation errors and no Evaluation.
func NewEvaluation(s Set, opt Options) (*Evaluation, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	sampleEvery := 0
	if opt.Series {
		sampleEvery = 1
		if opt.SeriesPoints > 0 && s.Days > opt.SeriesPoints {
			sampleEvery = (s.Days + opt.SeriesPoints - 1) / opt.SeriesPoints
		}
	}
	return &Evaluation{
		set:         s,
		opt:         opt,
		sampleEvery: sampleEvery,
		res:         Results{Version: s.Version, Scenarios: make([]ScenarioResult, 0, len(s.Scenarios))},
	}, nil
}

// Done reports whether every scenario has been evaluated.
func (e *Evaluation) Done() bool {
	return e.next >= len(e.set.Scenarios)
}

// Next returns the index of the scenario the next call of Step evaluates.
func (e *Evaluation) Next() int {
	return e.next
}

// Step evaluates the next scenario and returns its figures, or the *FieldError that names it
// when its entry costs use up the amount or its projection exceeds 10^30 asset units. Its
// break-even days (with Options.BreakEven) are those against the first scenario. Step after
// Done panics.
func (e *Evaluation) Step() (ScenarioResult, error) {
	i := e.next
	e.next++
	r, days, err := evaluateScenario(e.set, i, runOptions{sampleEvery: e.sampleEvery, everyDay: e.opt.BreakEven})
	if err != nil {
		e.errs = append(e.errs, err)
		return ScenarioResult{}, err
	}
	if e.opt.BreakEven {
		if i == 0 {
			e.first, e.firstOK = days, true
		} else if e.firstOK {
			r.BreakEvenDay = breakEvenDay(e.first[0], days[0])
			r.BreakEvenDayExpected = breakEvenDay(e.first[1], days[1])
		}
	}
	e.res.Scenarios = append(e.res.Scenarios, r)
	if e.Done() {
		e.first = [2][]uint256.Int{}
	}
	return r, nil
}

// Results returns the figures of every scenario once Done, or the errors of every scenario
// that failed, joined. Before Done it returns the figures so far.
func (e *Evaluation) Results() (Results, error) {
	if len(e.errs) > 0 {
		return Results{}, errors.Join(e.errs...)
	}
	return e.res, nil
}
