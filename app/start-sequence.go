package main

import (
	"net/url"
	"strconv"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The start on a slow device. A phone's browser, four times slower than a desktop's, spent over
// a second in one task building the whole page, and a visitor who tapped or typed meanwhile got
// no answer. The page now comes alive in short tasks, each followed by a turn of the browser's
// event loop in which a tap or a key is answered:
//
//  1. the first screen: the heading, the starting point and the scenarios' inputs (in the
//     widget, its inputs and cards), every later part a placeholder of its pre-rendered height;
//  2. the first evaluation, one scenario per task, drawn once all are done;
//  3. the later parts, one per task, each drawn alone rather than with the whole page.
//
// The page is marked live (data-live="true") once the last part is built. The risk budgets,
// the heaviest work after the figures, are worked out once their panel nears the screen (see
// answersNearScreen).

// yieldToBrowser gives the browser a turn of its event loop between the program's start (the
// runtime and the packages' set-up) and go-app's, which builds the first screen: two tasks
// instead of one that holds the page the time of both. It does nothing outside the browser.
func yieldToBrowser() {
	if !app.IsClient {
		return
	}
	turned := make(chan struct{})
	var turn app.Func
	turn = app.FuncOf(func(app.Value, []app.Value) any {
		turn.Release()
		close(turned)
		return nil
	})
	app.Window().Call("setTimeout", turn, 0)
	<-turned
}

// startSequence is where the page is on its way from the pre-rendered page to the live one.
type startSequence struct {
	evaluating   bool                   // the first evaluation has not finished
	running      bool                   // it has begun: a change from now on stops it and evaluates itself
	done         bool                   // every part is built and the first figures are shown
	heightsPx    map[string]int         // the pre-rendered parts' heights, by part name
	chartWidthPx int                    // the pre-rendered value chart's width
	copies       map[string]string      // the pre-rendered parts' HTML, by part name, when they show what the page will
	waiting      []laterPart            // the parts mounted as placeholders, in the page's order
	linkWaits    bool                   // the share link is to be written once the page is built
	contexts     map[string]app.Context // every part's own, by name: see buildLaterParts
}

// laterPart is a part of the page waiting for its turn.
type laterPart struct {
	ctx    app.Context
	name   string
	within string // the part it is built inside, "" for the page itself
	show   func()
}

// laterParts are the panels of the full page built after the first screen: the name each is
// known by, and its class, which finds its pre-rendered element among the main column's and
// places its stand-in where it will be (panelPart).
var laterParts = []struct{ name, class string }{
	{"results", "results"},
	{"answers", "answers-panel"},
	{"goal-seek", "goal-seek-panel"},
	{"breakdown", "breakdown-panel"},
	{"chart", "chart-panel"},
	{"liquidity", "liquidity-panel"},
	{"files", "files-panel"},
}

// beginStart readies the start in the browser: the widget is told from the full page before the
// first render, and the pre-rendered parts are measured before they are replaced.
func (p *calculatorPage) beginStart() {
	if !app.IsClient {
		return
	}
	p.start.evaluating = true
	if u, err := url.Parse(locationHref()); err == nil { // readable: see keepAddressReadable
		p.embed = parseEmbedOptions(u)
		p.theme = p.embed.theme
	}
	p.start.heightsPx = make(map[string]int, len(laterParts))
	if p.embed.widget {
		return // the pre-rendered page is the full page, whose parts the widget does not have
	}
	// The page opens on the examples it was pre-rendered with when the address carries no
	// link and no work is kept in this browser: then the pre-rendered parts are what the parts
	// will show, and those on the screen stand in for them. Below the screen a box does: laying
	// out copies of every part with the new page costs a phone a tenth of a second.
	_, stored, _ := readStoredDraft()
	sameAsPrerendered := app.Window().Get("location").Get("hash").String() == "" && !stored
	if sameAsPrerendered {
		p.start.copies = make(map[string]string)
	}
	screenPx := app.Window().Get("innerHeight").Float()
	measure := func(name string, el app.Value) {
		if !el.Truthy() {
			return
		}
		p.start.heightsPx[name] = el.Get("offsetHeight").Int()
		if sameAsPrerendered && el.Call("getBoundingClientRect").Get("top").Float() < screenPx {
			p.start.copies[name] = el.Get("outerHTML").String()
		}
	}
	doc := app.Window().Get("document")
	for _, part := range laterParts {
		measure(part.name, doc.Call("querySelector", ".calc-main > ."+part.class))
	}
	for i := range calc.MaxScenarios {
		measure(scenarioPart(i), doc.Call("getElementById", scenarioID(i)))
	}
	measure("explainer", doc.Call("querySelector", "#results .explainer"))
	if chart := doc.Call("querySelector", ".chart-panel .value-chart"); chart.Truthy() {
		p.start.chartWidthPx = chart.Get("clientWidth").Int()
	}
}

// scenarioPart is the name of scenario i's editor as a later part.
func scenarioPart(i int) string {
	return "scenario-" + strconv.Itoa(i)
}

// laterPanel is the part name, built after the first screen, with class for its placeholder.
func (p *calculatorPage) laterPanel(name, class string, content func() app.UI) app.UI {
	return p.laterPanelIn("", name, class, content)
}

// panelPart is the page's panel name of laterParts, built after the first screen.
func (p *calculatorPage) panelPart(name string, content func() app.UI) app.UI {
	for _, part := range laterParts {
		if part.name == name {
			return p.laterPanel(name, "panel "+part.class, content)
		}
	}
	panic("panelPart: " + name + " is not in laterParts")
}

// laterPanelIn is the part name built inside the later part within ("" for the page itself).
func (p *calculatorPage) laterPanelIn(within, name, class string, content func() app.UI) app.UI {
	return newLaterPanel(name).Now(p.start.done).Class(class).HeightPx(p.start.heightsPx[name]).
		Copy(p.start.copies[name]).Content(content).
		OnReady(func(ctx app.Context, name string, show func()) {
			if p.start.contexts == nil {
				p.start.contexts = make(map[string]app.Context)
			}
			p.start.contexts[name] = ctx
			p.start.waiting = append(p.start.waiting, laterPart{ctx, name, within, show})
			ctx.PreventUpdate() // the placeholder changed nothing: no render for it
		})
}

// runStart works out the first figures, one scenario per task, and then builds the later
// parts, one per task. A change made meanwhile (a key, a link read in OnNav) is simply the
// draft the evaluation takes: it reads the draft when it begins.
func (p *calculatorPage) runStart() {
	p.afterBrowserTurn(func(ctx app.Context) {
		if !p.start.evaluating {
			ctx.PreventUpdate()
			p.buildLaterParts()
			return
		}
		p.start.running = true
		start := time.Now()
		set, err := parseDraft(p.draft)
		var run *calc.Evaluation
		if err == nil {
			run, err = calc.NewEvaluation(set, pageOptions)
		}
		if err != nil {
			p.finishFirstEvaluation(ctx, func() { p.evaluate() })
			return
		}
		ctx.PreventUpdate() // the figures are drawn once all are worked out
		cost := time.Since(start)
		var step func(ctx app.Context)
		step = func(ctx app.Context) {
			if !p.start.evaluating {
				return // a change took over: it evaluates its own draft
			}
			start := time.Now()
			_, _, panicked := stepEvaluation(run)
			cost += time.Since(start)
			if !panicked && !run.Done() {
				ctx.PreventUpdate() // nothing to draw until every scenario is done
				p.afterBrowserTurn(step)
				return
			}
			p.finishFirstEvaluation(ctx, func() {
				results, err := run.Results()
				if panicked || err != nil {
					p.evaluate() // says what went wrong the usual way
					return
				}
				p.showResults(set, results)
				p.lastEvalCost, p.evalCost = cost, cost
			})
		}
		p.afterBrowserTurn(step)
	})
}

// finishFirstEvaluation shows the first figures with show, in a task of their own, and goes on
// with the later parts.
func (p *calculatorPage) finishFirstEvaluation(ctx app.Context, show func()) {
	p.start.evaluating = false
	show()
	p.afterDrawn(ctx, p.buildLaterParts)
}

// stopFirstEvaluation hands the first evaluation over to a change made before it finished: the
// change evaluates its own draft the usual way.
func (p *calculatorPage) stopFirstEvaluation() {
	if p.start.evaluating {
		p.start.evaluating = false
		p.afterBrowserTurn(func(ctx app.Context) {
			ctx.PreventUpdate()
			p.buildLaterParts()
		})
	}
}

// buildLaterParts builds the next part waiting, alone, and the one after it in the next task;
// once none is left the page is live.
func (p *calculatorPage) buildLaterParts() {
	if len(p.start.waiting) == 0 {
		if !p.start.done {
			p.start.done = true
			// The mark alone: the page's next render writes the same value.
			p.JSValue().Call("setAttribute", "data-live", "true")
			if !p.embed.widget {
				p.watchAnswersPanel()
			}
			if p.start.linkWaits {
				p.afterBrowserTurn(func(ctx app.Context) {
					if !p.embed.widget {
						ctx.PreventUpdate() // only the widget shows the link
					}
					p.writeLink()
				})
			}
		}
		return
	}
	part := p.start.waiting[0]
	p.start.waiting = p.start.waiting[1:]
	if !part.ctx.Src().Mounted() {
		p.buildLaterParts() // gone before its turn (a scenario removed): nothing to build
		return
	}
	// A dispatch in a part's context draws the part and every component it is in; taking
	// back what it asks of the one it is in (the page, or the part it is built inside, and
	// the page with it) draws the part alone, not the whole page with it.
	within := p.mountCtx
	if ctx, ok := p.start.contexts[part.within]; ok {
		within = ctx
	}
	part.ctx.Dispatch(func(ctx app.Context) {
		part.show()
		within.PreventUpdate()
	})
	// In the page's context, which outlives any part: the next part comes even should this
	// one leave the page before it is drawn.
	p.mountCtx.Dispatch(func(ctx app.Context) {
		ctx.PreventUpdate()
		p.afterDrawn(ctx, p.buildLaterParts)
	})
}

// afterDrawn calls next in a task of its own once what the dispatch under way changed is drawn.
// go-app draws at its next frame, on a Go timer; a browser timer set before it may fire first,
// and two parts would then be drawn in one task.
func (p *calculatorPage) afterDrawn(ctx app.Context, next func()) {
	ctx.Defer(func(app.Context) {
		p.afterBrowserTurn(func(ctx app.Context) {
			ctx.PreventUpdate()
			next()
		})
	})
}
