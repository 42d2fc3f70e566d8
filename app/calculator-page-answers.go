package main

import (
	"strconv"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's side of the answers to "is the extra layer worth it?": break-even days come with
// every evaluation (they cost little); the risk budgets (up to 30 runs of the ledger per
// scenario) are worked out once the input rests; the best claim interval of a layer (hundreds
// of runs) only when the user asks for it. The long ones run in slices of about answerSlice,
// one per turn of the browser's event loop, so that the page keeps drawing and taking input,
// and say how far they got. An answer worked out for an earlier scenario file stays on screen
// marked out of date, saying for which horizon it was worked out.
//
// Every delayed step goes through the page's own context (mountCtx): go-app drops a delayed
// call whose context's element left the DOM, and the button that asks for an answer is
// replaced by the words "Working out…" as soon as it is pressed.

// pageAnswers is what the page keeps for the answers panel.
type pageAnswers struct {
	key      string            // the scenario file the risk budgets are of
	days     int               // its horizon, to say which one out-of-date budgets are of
	current  bool              // the risk budgets are those of the results on screen
	budgets  []calc.RiskBudget // for the scenarios after the first
	working  bool              // the risk budgets of the input on screen are being worked out
	runs     [2]int            // how far they got: runs of the ledger done, and the most in all
	onAsk    bool              // the set is too slow to work them out unasked: a button asks
	changes  int               // counts the results, so that only the latest's budgets are worked out
	cadences map[[2]int]cadenceAnswer

	// The risk budgets are worked out only while the panel is on screen or near it (one screen's
	// height): on a phone they are seconds of work that nobody reading the figures above waits for.
	nearScreen bool
	observer   app.Value // the IntersectionObserver watching the panel; nil before it is built
	onObserve  app.Func
}

const (
	// answersDelay is how long the input must rest before the risk budgets are worked out.
	answersDelay = 500 * time.Millisecond
	// askBudgetsLayerDays is the largest scenario pair, in layers times days, whose risk budget
	// is worked out unasked: some 30 runs of it, a few seconds of work in a phone's browser.
	// The defaults are 14,600; two stacks of eight layers over ten years are 58,400.
	askBudgetsLayerDays = 60_000
	// answerSlice is about how long the answers' work holds the browser at a time: one run of
	// the ledger at least, as many as fit in it otherwise.
	answerSlice = 40 * time.Millisecond
)

// answersSection is the panel of answers, a frame behind the results table like the views below it.
func (p *calculatorPage) answersSection() app.UI {
	return app.Section().ID("answers").Class("panel answers-panel").Aria("labelledby", "answers-title").Body(
		app.H2().ID("answers-title").Text("Is the extra layer worth it?"),
		newAnswersPanel().
			Set(p.chartSet).
			Results(p.chartFigures).
			Budgets(p.answers.budgets).
			BudgetsOf(p.answers.days, p.answers.current).
			BudgetsWorking(p.answers.working).
			BudgetsProgress(p.answers.runs[0], p.answers.runs[1]).
			Cadences(p.answers.cadences).
			AskBudgets(p.answers.onAsk).
			OnAskBudgets(p.onAskBudgets).
			Stale(p.stale).
			OnFindCadence(p.onFindCadence).
			OnUseCadence(p.onUseCadence),
	)
}

// updateAnswers follows new results: the answers found so far may no longer hold, and the risk
// budgets are worked out again once the input rests. The static page works them out at once;
// in the browser, nothing runs before the page is mounted.
func (p *calculatorPage) updateAnswers() {
	p.answers.changes++
	key := setKey(p.set)
	p.answers.current = key == p.answers.key
	for k, c := range p.answers.cadences {
		c.stale = c.key != key
		p.answers.cadences[k] = c
	}
	if !p.live {
		if !app.IsClient {
			p.workOutAnswers(false)
		}
		return
	}
	if p.answers.current || p.embed.widget {
		p.answers.working, p.answers.onAsk = false, false
		return
	}
	p.answers.working, p.answers.runs = true, [2]int{}
	if !p.answers.nearScreen {
		return // worked out once the panel nears the screen: see watchAnswersPanel
	}
	change := p.answers.changes
	p.mountCtx.After(answersDelay, func(ctx app.Context) {
		if change == p.answers.changes && p.answers.nearScreen {
			p.workOutAnswers(false)
		}
	})
}

// watchAnswersPanel works out the risk budgets whenever the answers panel comes within a
// screen's height of the screen and they are not those of the results on screen.
func (p *calculatorPage) watchAnswersPanel() {
	win := app.Window()
	panel := win.Get("document").Call("getElementById", "answers")
	io := win.Get("IntersectionObserver")
	if !panel.Truthy() || !io.Truthy() {
		p.answers.nearScreen = true // nothing tells: work them out as the input rests
		p.updateAnswers()
		return
	}
	p.answers.onObserve = app.FuncOf(func(this app.Value, args []app.Value) any {
		entries := args[0]
		near := entries.Index(entries.Length() - 1).Get("isIntersecting").Bool()
		p.mountCtx.Dispatch(func(ctx app.Context) {
			was := p.answers.nearScreen
			p.answers.nearScreen = near
			if !near || was || p.answers.current || !p.answers.working {
				ctx.PreventUpdate() // nothing changes on screen
				return
			}
			p.workOutAnswers(false)
		})
		return nil
	})
	p.answers.observer = io.New(p.answers.onObserve, map[string]any{"rootMargin": "100% 0px"})
	p.answers.observer.Call("observe", panel)
}

// workOutAnswers works out the risk budgets of the results on screen, unless they are already
// those of the same scenarios; the claim intervals found for an earlier version of a layer that
// no longer exists are dropped. In the browser the work runs in slices; a change in between
// stops it, and the next rest starts over.
func (p *calculatorPage) workOutAnswers(asked bool) {
	if p.embed.widget {
		p.answers.working = false
		return
	}
	set := p.set
	key := setKey(set)
	for k, c := range p.answers.cadences {
		i, j := k[0], k[1]
		if i >= len(set.Scenarios) || j >= len(set.Scenarios[i].Layers) || set.Scenarios[i].Layers[j].Name != c.layer ||
			set.Scenarios[i].Layers[j].Payout != calc.Claim {
			delete(p.answers.cadences, k)
		}
	}
	if key == p.answers.key {
		p.answers.working, p.answers.onAsk, p.answers.current = false, false, true
		return
	}
	// Budgets that would keep the browser busy for long wait for the user to ask.
	if p.live && !asked && budgetsAreSlow(set) {
		p.answers.working, p.answers.onAsk = false, true
		return
	}
	p.answers.working, p.answers.onAsk = true, false
	change := p.answers.changes
	var budgets []calc.RiskBudget
	var search *calc.RiskBudgetSearch
	i, doneRuns := 1, 0
	step := func() bool {
		for search == nil {
			if i >= len(set.Scenarios) {
				return true
			}
			var err error
			if search, err = calc.NewRiskBudgetSearch(set, i); err != nil {
				search, i = nil, i+1
			}
		}
		if !search.Step() {
			return false
		}
		if rb, err := search.Result(); err == nil {
			budgets = append(budgets, rb)
		}
		runs, _ := search.Progress()
		doneRuns += runs
		search, i = nil, i+1
		return i >= len(set.Scenarios)
	}
	progress := func() {
		runs, most := doneRuns, doneRuns+max(0, len(set.Scenarios)-i)*calc.RiskBudgetRuns
		if search != nil {
			r, m := search.Progress()
			runs, most = runs+r, doneRuns+m+max(0, len(set.Scenarios)-i-1)*calc.RiskBudgetRuns
		}
		p.answers.runs = [2]int{runs, most}
	}
	p.inSlices(step, func() bool { return change == p.answers.changes }, progress, func() {
		p.answers.key, p.answers.days, p.answers.budgets = key, set.Days, budgets
		p.answers.working, p.answers.onAsk, p.answers.current = false, false, true
		p.answers.runs = [2]int{}
	})
}

// inSlices calls step until it reports the work over, then done. In the browser it runs for
// about answerSlice at a time and lets the page draw in between, with progress called after
// each slice, for as long as wanted says the work is still wanted; before the page is live it
// runs everything at once.
func (p *calculatorPage) inSlices(step func() bool, wanted func() bool, progress, done func()) {
	if !p.live {
		for !step() {
		}
		done()
		return
	}
	var slice func(ctx app.Context)
	slice = func(ctx app.Context) {
		if !wanted() {
			return
		}
		start := time.Now()
		for !step() {
			if time.Since(start) >= answerSlice {
				progress()
				p.afterBrowserTurn(slice)
				return
			}
		}
		done()
	}
	p.afterBrowserTurn(slice)
}

// afterBrowserTurn runs f on the page once the browser has had a turn to draw and take input:
// from a timer of the browser's, not of Go's. A Go timer (ctx.After) that expires while the page
// is drawn finds the program busy and runs at once, so the program never hands the browser its
// event loop back; a browser timer can only fire once it has.
func (p *calculatorPage) afterBrowserTurn(f func(ctx app.Context)) {
	afterBrowserTurn(p.mountCtx, f)
}

// onAskBudgets works out the risk budgets of a set too slow to work them out unasked.
func (p *calculatorPage) onAskBudgets(ctx app.Context) {
	p.answers.working, p.answers.onAsk, p.answers.runs = true, false, [2]int{}
	change := p.answers.changes
	p.mountCtx.After(cadenceDelay, func(ctx app.Context) {
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
// screen, in slices, saying how many intervals it tried. A change of the scenarios stops it.
func (p *calculatorPage) onFindCadence(ctx app.Context, i, j int) {
	set := p.set
	key := setKey(set)
	if p.answers.cadences == nil {
		p.answers.cadences = map[[2]int]cadenceAnswer{}
	}
	at := [2]int{i, j}
	layer := ""
	if i < len(set.Scenarios) && j < len(set.Scenarios[i].Layers) {
		layer = set.Scenarios[i].Layers[j].Name
	}
	answer := cadenceAnswer{working: true, key: key, days: set.Days, layer: layer}
	p.answers.cadences[at] = answer
	search, err := calc.NewCadenceSearch(set, i, j)
	if err != nil {
		answer.working, answer.problem = false, err.Error()
		p.answers.cadences[at] = answer
		return
	}
	// The answer is kept only while the scenarios are those it is worked out for.
	mine := func() bool {
		cur, ok := p.answers.cadences[at]
		return ok && cur.working && cur.key == key
	}
	wanted := func() bool {
		if !mine() {
			return false
		}
		if setKey(p.set) != key {
			a := p.answers.cadences[at]
			a.working, a.stopped = false, true
			p.answers.cadences[at] = a
			return false
		}
		return true
	}
	progress := func() {
		a := p.answers.cadences[at]
		a.tried, a.planned = search.Progress()
		p.answers.cadences[at] = a
	}
	p.mountCtx.After(cadenceDelay, func(ctx app.Context) {
		p.inSlices(search.Step, wanted, progress, func() {
			if !mine() {
				return
			}
			a := cadenceAnswer{key: key, days: set.Days, layer: layer}
			if c, err := search.Result(); err != nil {
				a.problem = err.Error()
			} else {
				a.found, a.cadence = true, c
			}
			a.stale = setKey(p.set) != key
			p.answers.cadences[at] = a
		})
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
