package main

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// The page's side of goal seek: a question is worked out only when asked (one calc.Solve, some
// sixty runs of the ledger: a tenth to a third of a second in the browser), a frame after the
// button so that "Working out…" is on screen first; the answer is kept with the scenario file it
// is of, and shown out of date once the scenarios on screen are another.

// goalSeekSection is the goal-seek panel, on the results on screen.
func (p *calculatorPage) goalSeekSection() app.UI {
	return app.Section().ID("goal-seek").Class("panel goal-seek-panel").Aria("labelledby", "goal-seek-title").Body(
		app.H2().ID("goal-seek-title").Text("What would it take?"),
		newGoalSeekPanel().
			Set(p.set).
			Figures(p.figures).
			Draft(p.draft).
			Answer(p.goal, p.goalStale()).
			OnAsk(p.onAskGoal).
			OnApply(p.onApplyGoal),
	)
}

// goalStale reports whether the answer on screen is of other scenarios than those on screen:
// neither those it was asked for nor those with its value put in.
func (p *calculatorPage) goalStale() bool {
	if p.goal.key == "" || p.goal.working {
		return false
	}
	key := setKey(p.set)
	return key != p.goal.key && key != p.goal.appliedKey
}

// onAskGoal works out a goal-seek question on the scenarios on screen.
func (p *calculatorPage) onAskGoal(ctx app.Context, q goalQuestion) {
	set := p.set
	key := setKey(set)
	p.goal = goalAnswer{question: q, key: key, working: true}
	ctx.After(cadenceDelay, func(ctx app.Context) {
		a := solveGoal(set, q)
		a.key = key
		if p.goal.working && p.goal.key == key && p.goal.question == q {
			p.goal = a
		}
	})
}

// solveGoal answers q on set, in the page's words where there is no value.
func solveGoal(set calc.Set, q goalQuestion) (a goalAnswer) {
	a.question = q
	defer func() {
		if r := recover(); r != nil {
			a.found, a.problem = false, fmt.Sprintf("the search stopped unexpectedly (%v); please report this question.", r)
		}
	}()
	if q.unlooped {
		unlooped, err := withoutLoop(set, q.scenario, q.expected)
		if err != nil {
			a.problem = err.Error() + "."
			return a
		}
		q.match, q.amount = -1, unlooped
	}
	g, err := q.goal()
	if err == nil {
		var sol calc.Solution
		sol, err = calc.Solve(set, g)
		if err == nil {
			a.found, a.value = true, sol.Value
			a.target, a.reached = calc.FormatAmount(sol.Target), sol.Reached.String()
			f, _ := calc.FieldByPath(q.field)
			_, hasInput := goalInputRow(f)
			a.noInput = !hasInput
			if applied, err := set.WithDecimal(q.scenario, q.field, sol.Value); err == nil {
				a.appliedKey = setKey(applied)
			}
			return a
		}
	}
	var none *calc.NoValueError
	if errors.As(err, &none) {
		measure := "final"
		if q.expected {
			measure = "risk-adjusted final"
		}
		unit := set.Asset
		f, _ := calc.FieldByPath(q.field)
		a.problem = fmt.Sprintf("no value from %s to %s reaches the target of %s %s: over that range the %s goes from %s to %s %s.",
			calc.FormatAmount(none.Lo), goalBound(none.Hi, f), calc.FormatAmount(none.Target), unit,
			measure, none.AtLo, none.AtHi, unit)
		return a
	}
	a.problem = err.Error() + "."
	return a
}

// goalBound writes the top of a search range, saying where an open-ended field was cut off.
func goalBound(hi decimal.Decimal, f calc.Field) string {
	if _, _, _, hasMax := f.DecimalRange(); !hasMax {
		return calc.FormatAmount(hi) + " (the search stops there)"
	}
	return calc.FormatAmount(hi)
}

var layerPathRE = regexp.MustCompile(`^layers\[(\d+)\]\.(.+)$`)

// onApplyGoal puts the value found into its field's input, as if the user had typed it: the
// draft keeps it as text through the field's row of the input tables.
func (p *calculatorPage) onApplyGoal(ctx app.Context, a goalAnswer) {
	q := a.question
	if !a.found || q.scenario >= len(p.draft.scenarios) {
		return
	}
	f, ok := calc.FieldByPath(q.field)
	if !ok {
		return
	}
	text := calc.FormatAmount(a.value)
	s := p.draft.scenarios[q.scenario]
	if m := layerPathRE.FindStringSubmatch(q.field); m != nil {
		j, _ := strconv.Atoi(m[1])
		if j >= len(s.layers) {
			return
		}
		if in, ok := inputByPath(layerInputs, rewardInputs, f); ok {
			l := s.layers[j]
			in.set(&l, text)
			p.onScenarioChange(ctx, q.scenario, s.withLayer(j, l))
		}
		return
	}
	if in, ok := inputByPath(scenarioInputs, loopInputs, f); ok {
		in.set(&s, text)
		p.onScenarioChange(ctx, q.scenario, s)
	}
}
