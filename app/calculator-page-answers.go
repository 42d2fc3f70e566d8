package main

import (
	"strconv"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's side of the answers to "is the extra layer worth it?": break-even days come with
// every evaluation (they cost little); the risk budgets (some 27 runs of the ledger per
// scenario) are worked out once the input rests, one scenario per frame; the best claim
// interval of a layer (hundreds of runs) only when the user asks for it.

// pageAnswers is what the page keeps for the answers panel.
type pageAnswers struct {
	key      string            // the scenario file the risk budgets are of
	budgets  []calc.RiskBudget // for the scenarios after the first
	working  bool              // the risk budgets of the input on screen are being worked out
	onAsk    bool              // the set is too slow to work them out unasked: a button asks
	changes  int               // counts the results, so that only the latest's budgets are worked out
	cadences map[[2]int]cadenceAnswer
}

const (
	// answersDelay is how long the input must rest before the risk budgets are worked out.
	answersDelay = 500 * time.Millisecond
	// askBudgetsLayerDays is the largest scenario pair, in layers times days, whose risk budget
	// is worked out unasked: some 27 runs of it, about half a second in a phone's browser.
	// The defaults are 14,600; two stacks of eight layers over ten years are 58,400.
	askBudgetsLayerDays = 60_000
)

// answersSection is the panel of answers, a frame behind the results table like the views below it.
func (p *calculatorPage) answersSection() app.UI {
	return app.Section().ID("answers").Class("panel answers-panel").Aria("labelledby", "answers-title").Body(
		app.H2().ID("answers-title").Text("Is the extra layer worth it?"),
		newAnswersPanel().
			Set(p.chartSet).
			Results(p.chartFigures).
			Budgets(p.answers.budgets).
			BudgetsWorking(p.answers.working).
			Cadences(p.answers.cadences).
			AskBudgets(p.answers.onAsk).
			OnAskBudgets(p.onAskBudgets).
			Stale(p.stale).
			OnFindCadence(p.onFindCadence).
			OnUseCadence(p.onUseCadence),
	)
}

// updateAnswers follows new results: the claim intervals found so far may no longer hold, and
// the risk budgets are worked out again once the input rests. The static page works them out
// at once; in the browser, nothing runs before the page is mounted.
func (p *calculatorPage) updateAnswers() {
	p.answers.changes++
	for k, c := range p.answers.cadences {
		c.stale = true
		p.answers.cadences[k] = c
	}
	if !p.live {
		if !app.IsClient {
			p.workOutAnswers(false)
		}
		return
	}
	p.answers.working = true
	change := p.answers.changes
	p.mountCtx.After(answersDelay, func(ctx app.Context) {
		if change == p.answers.changes {
			p.workOutAnswers(false)
		}
	})
}

// workOutAnswers works out the risk budgets of the results on screen, unless they are already
// those of the same scenarios, and drops the claim intervals found for other scenarios. In the
// browser each scenario's budget takes a frame of its own, so that the page stays responsive;
// a change in between starts over.
func (p *calculatorPage) workOutAnswers(asked bool) {
	if p.embed.widget {
		p.answers.working = false
		return
	}
	set := p.set
	key := setKey(set)
	for k, c := range p.answers.cadences {
		if c.key == key {
			c.stale = false
			p.answers.cadences[k] = c
		} else {
			delete(p.answers.cadences, k)
		}
	}
	if key == p.answers.key {
		p.answers.working, p.answers.onAsk = false, false
		return
	}
	// Budgets that would hold the page up for seconds wait for the user to ask.
	if p.live && !asked && budgetsAreSlow(set) {
		p.answers.working, p.answers.onAsk = false, true
		return
	}
	change := p.answers.changes
	var budgets []calc.RiskBudget
	var step func(i int)
	step = func(i int) {
		if change != p.answers.changes {
			return
		}
		if i >= len(set.Scenarios) {
			p.answers.key, p.answers.budgets, p.answers.working, p.answers.onAsk = key, budgets, false, false
			return
		}
		if rb, err := riskBudget(set, i); err == nil {
			budgets = append(budgets, rb)
		}
		if !p.live {
			step(i + 1)
			return
		}
		p.mountCtx.After(time.Millisecond, func(ctx app.Context) { step(i + 1) })
	}
	step(1)
}

// onAskBudgets works out the risk budgets of a set too slow to work them out unasked.
func (p *calculatorPage) onAskBudgets(ctx app.Context) {
	p.answers.working = true
	change := p.answers.changes
	ctx.After(cadenceDelay, func(ctx app.Context) {
		if change == p.answers.changes {
			p.workOutAnswers(true)
		}
	})
}

// budgetsAreSlow says whether some scenario's risk budget takes so long to work out that the
// page would stop answering: more than askBudgetsLayerDays with the first scenario.
func budgetsAreSlow(set calc.Set) bool {
	if len(set.Scenarios) == 0 {
		return false
	}
	for _, sc := range set.Scenarios[1:] {
		if (len(set.Scenarios[0].Layers)+len(sc.Layers))*set.Days > askBudgetsLayerDays {
			return true
		}
	}
	return false
}

// riskBudget returns the risk budget of scenario i against the first: the same as
// calc.RiskBudgets gives for it, worked out for the two scenarios alone.
func riskBudget(set calc.Set, i int) (calc.RiskBudget, error) {
	pair := set
	pair.Scenarios = []calc.Scenario{set.Scenarios[0], set.Scenarios[i]}
	rbs, err := calc.RiskBudgets(pair)
	if err != nil || len(rbs) != 1 {
		return calc.RiskBudget{}, err
	}
	rb := rbs[0]
	rb.Scenario = i
	return rb, nil
}

// setKey names a set by its scenario file.
func setKey(s calc.Set) string {
	b, err := s.MarshalJSON()
	if err != nil {
		return ""
	}
	return string(b)
}

// cadenceDelay lets the page say "Working out…" before the search holds the browser up.
const cadenceDelay = 20 * time.Millisecond

// onFindCadence works out the best claim interval of layer j of scenario i of the results on
// screen.
func (p *calculatorPage) onFindCadence(ctx app.Context, i, j int) {
	set := p.set
	key := setKey(set)
	if p.answers.cadences == nil {
		p.answers.cadences = map[[2]int]cadenceAnswer{}
	}
	at := [2]int{i, j}
	p.answers.cadences[at] = cadenceAnswer{working: true, key: key}
	ctx.After(cadenceDelay, func(ctx app.Context) {
		a := cadenceAnswer{key: key}
		if c, err := calc.ClaimCadence(set, i, j); err != nil {
			a.problem = err.Error()
		} else {
			a.found, a.cadence = true, c
		}
		// The answer is kept unless the scenarios changed while it was worked out.
		if cur, ok := p.answers.cadences[at]; ok && cur.key == key {
			a.stale = cur.stale
			p.answers.cadences[at] = a
		}
	})
}

// onUseCadence sets the claim interval of layer j of scenario i as if the user had typed it.
func (p *calculatorPage) onUseCadence(ctx app.Context, i, j, everyDays int) {
	if i >= len(p.draft.scenarios) || j >= len(p.draft.scenarios[i].layers) {
		return
	}
	s := p.draft.scenarios[i]
	l := s.layers[j]
	l.claimEveryDays = strconv.Itoa(everyDays)
	p.onScenarioChange(ctx, i, s.withLayer(j, l))
}

// onExplainFigure shows the explanation of a figure of the results table and brings it into view.
func (p *calculatorPage) onExplainFigure(ctx app.Context, scenario int, field string) {
	p.onExplain(ctx, scenario, field)
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID("explanation"); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "nearest"})
		}
	})
}
