package main

import (
	"errors"
	"fmt"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The heaviest sets (six stacks of eight layers over a century) take half a second to evaluate
// in a browser: as one task, that holds up every key and every frame. The page evaluates such a
// set one scenario per turn of the browser's event loop instead, and shows each scenario's
// figures as soon as they are worked out, the others marked out of date until they are.

// stepLayerDays is the largest set, in layers times days summed over its scenarios, that is
// evaluated in one go: about 60 ms in a phone's browser. The defaults are 21,900; the heaviest
// set is 1,752,000.
const stepLayerDays = 200_000

// evaluationQueue is the page's evaluation of a heavy set, one scenario at a time.
type evaluationQueue struct {
	jobs    int          // counts the evaluations started, so that a newer one stops an older
	pending []bool       // by scenario on screen: its figures are older than the input
	done    int          // scenarios worked out so far
	all     int          // scenarios to work out; 0 when no evaluation is under way
	shown   calc.Results // the figures of the last whole evaluation, while one is under way
	cost    time.Duration
}

// stop ends the evaluation under way, if any: a newer one replaces its figures.
func (q *evaluationQueue) stop() {
	q.jobs++
	q.pending, q.done, q.all, q.shown = nil, 0, 0, calc.Results{}
}

// stopEvaluation ends the evaluation under way, if any, and puts back the figures it began
// over: a scenario it worked out is of an input that is no longer there.
func (p *calculatorPage) stopEvaluation() {
	if p.queue.working() {
		p.figures = p.queue.shown
	}
	p.queue.stop()
}

// working reports whether an evaluation is under way.
func (q *evaluationQueue) working() bool {
	return q.all > 0
}

// progress says how far the evaluation under way got.
func (q *evaluationQueue) progress() string {
	return fmt.Sprintf("Working out the scenarios: %d of %d done. Figures marked out of date are for the input before.", q.done, q.all)
}

// layerDays returns the work of evaluating s: layers times days, summed over its scenarios.
func layerDays(s calc.Set) int {
	n := 0
	for _, sc := range s.Scenarios {
		n += len(sc.Layers) * s.Days
	}
	return n
}

// evaluateInSteps evaluates the draft: at once when it is light, one scenario per browser turn
// when it is heavy. The figures of a scenario on screen are replaced as soon as its new ones
// are worked out, provided the set on screen has as many scenarios; otherwise the old ones stay,
// all marked out of date, until every scenario is done.
func (p *calculatorPage) evaluateInSteps() {
	p.stopEvaluation()
	job := p.queue.jobs
	start := time.Now()
	set, err := parseDraft(p.draft)
	if err == nil && layerDays(set) <= stepLayerDays {
		p.evaluate()
		return
	}
	var run *calc.Evaluation
	if err == nil {
		run, err = calc.NewEvaluation(set, pageOptions)
	}
	if err != nil {
		p.calculating = false
		p.errors, p.problems, p.more = describeProblems(err, p.draft, p.typed)
		p.showBeforeEdit()
		return
	}
	p.calculating = true
	shown := p.figures
	p.queue.all, p.queue.shown = len(set.Scenarios), shown
	inPlace := len(shown.Scenarios) == len(set.Scenarios)
	p.queue.pending = make([]bool, len(shown.Scenarios))
	for i := range p.queue.pending {
		p.queue.pending[i] = true
	}
	if inPlace {
		p.figures.Scenarios = append([]calc.ScenarioResult(nil), shown.Scenarios...)
	}
	p.queue.cost = time.Since(start)
	var failed []error // the panics of the engine, which the evaluation does not keep
	var step func(ctx app.Context)
	step = func(ctx app.Context) {
		if job != p.queue.jobs {
			return
		}
		start := time.Now()
		i := run.Next()
		r, err, panicked := stepEvaluation(run)
		p.queue.cost += time.Since(start)
		if panicked {
			failed = append(failed, err)
		}
		if err == nil && inPlace {
			p.figures.Scenarios[i] = withoutSeries(calc.Results{Scenarios: []calc.ScenarioResult{r}}).Scenarios[0]
			p.queue.pending[i] = false
		}
		p.queue.done = run.Next()
		if !run.Done() {
			p.afterBrowserTurn(step)
			return
		}
		p.queue.stop()
		p.lastEvalCost, p.evalCost = p.evalCost, p.queue.cost
		p.calculating = false
		results, err := run.Results()
		if len(failed) > 0 {
			err = errors.Join(append(failed, err)...)
		}
		if err != nil {
			p.figures = shown
			p.errors, p.problems, p.more = describeProblems(err, p.draft, p.typed)
			p.showBeforeEdit()
			return
		}
		p.showResults(set, results)
	}
	p.afterBrowserTurn(step)
}

// stepEvaluation evaluates the next scenario of run. Nothing the user can type may crash the
// page: a panic in the engine comes back as an error like any other.
func stepEvaluation(run *calc.Evaluation) (r calc.ScenarioResult, err error, panicked bool) {
	defer func() {
		if v := recover(); v != nil {
			err, panicked = &calc.FieldError{Msg: fmt.Sprintf("the calculation stopped unexpectedly (%v); please report this input", v)}, true
		}
	}()
	r, err = run.Step()
	return r, err, false
}

// afterBrowserTurn runs f in ctx once the browser has had a turn to draw and take input: from a
// timer of the browser's, not of Go's. A Go timer (ctx.After) that expires while the page is
// drawn finds the program busy and runs at once, so the program never hands the browser its
// event loop back; a browser timer can only fire once it has.
func afterBrowserTurn(ctx app.Context, f func(ctx app.Context)) {
	var turn app.Func
	turn = app.FuncOf(func(this app.Value, args []app.Value) any {
		turn.Release()
		ctx.Dispatch(f)
		return nil
	})
	app.Window().Call("setTimeout", turn, 0)
}

// afterNextFrame runs f in ctx once the browser has drawn its next frame: the frame's callback
// comes before it is drawn, the browser timer it sets after.
func afterNextFrame(ctx app.Context, f func(ctx app.Context)) {
	var frame app.Func
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		afterBrowserTurn(ctx, f)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}

// evaluateInTurns evaluates set with opt one scenario per browser turn, calls progress after
// each scenario with how many are done, and done with the results.
func evaluateInTurns(ctx app.Context, set calc.Set, opt calc.Options, progress func(done, all int), done func(calc.Results, error)) {
	run, err := calc.NewEvaluation(set, opt)
	if err != nil {
		done(calc.Results{}, err)
		return
	}
	var step func(ctx app.Context)
	step = func(ctx app.Context) {
		if _, err, panicked := stepEvaluation(run); panicked {
			done(calc.Results{}, err)
			return
		}
		if !run.Done() {
			progress(run.Next(), len(set.Scenarios))
			afterBrowserTurn(ctx, step)
			return
		}
		done(run.Results())
	}
	afterBrowserTurn(ctx, step)
}
