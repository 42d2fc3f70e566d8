package main

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strconv"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// seriesPoints bounds each day series the charts draw.
const seriesPoints = 1000

// calculatorPage is the whole calculator. It owns the draft (the user's text for every field),
// turns it into a scenario file and runs the engine once per change; its children only render
// what it passes down and report edits back up.
type calculatorPage struct {
	app.Compo

	draft draftSet

	// The last valid input and its figures: they stay on screen, marked stale, while the draft
	// has problems. figures are the results without the day series, for everything but the
	// value chart: comparing them from one render to the next is cheap.
	set     calc.Set
	results calc.Results
	figures calc.Results
	stale   bool

	// before is the last valid input and its figures as they were when the edit under way
	// began: an edit begins when an input of the scenario file gets the focus, or, for a
	// change made without typing (a button, a preset, a link), with the change itself. While the
	// input has problems it is before, not the last valid text half-typed on the way (APR 500 on
	// the way to 5000), that stays on screen, marked stale.
	before  validInput
	editing bool // an input of the scenario file has the focus: its edit runs until it loses it

	// What the views below the results table show (per-layer breakdown, value chart,
	// liquidity): the same results, handed over one frame later in the browser so that the
	// figures of a keystroke are on screen before the rest is redrawn.
	chartSet     calc.Set
	chartResults calc.Results
	chartFigures calc.Results
	chartPending bool
	mountCtx     app.Context

	// The figure the explainer shows: scenario index and results field.
	explainScenario int
	explainField    string

	answers pageAnswers // risk budgets and claim intervals, worked out off the keystroke path
	goal    goalAnswer  // the last goal-seek question asked, worked out when asked

	errors   map[string]string // the draft's problems in plain words, by field path
	problems []problem         // the same, in the engine's order, for the summary
	more     *calc.FieldError  // the engine's last word on a list cut short: how many are left out
	typed    typedPaths        // the fields whose text the user typed: see typedAfter

	embed  embedOptions // the presentation the query asks for: widget, locked, theme
	theme  string       // "light", "dark" or "" for the system's preference
	notice string       // why a share link could not be opened, "" when there is nothing to say
	link   string       // the URL fragment last written for the results on screen
	keep   draftKeeper  // the draft kept in the browser's storage across visits

	changes   int  // counts the draft's changes, so that only the latest writes the link
	live      bool // the program runs in the browser: the figures follow the input
	navigated bool // the address has been read once: later links arrive over work on screen

	// How long the last two evaluations took: a draft is slow when both were, not when the
	// browser was busy with something else once.
	evalCost, lastEvalCost time.Duration
	calculating            bool            // a slow evaluation waits for the typing to rest
	drafts                 int             // counts the drafts waiting, so that only the latest is evaluated
	queue                  evaluationQueue // a heavy set's evaluation, one scenario at a time
	start                  startSequence   // the way from the pre-rendered page to the live one
}

// validInput is an input that worked and its figures.
type validInput struct {
	set              calc.Set
	results, figures calc.Results
}

// problem is one of the engine's objections to the draft, located for the problem summary.
type problem struct {
	where   string // "Scenario 2 “Restaking”, layer 1 “Lido”: APR"
	message string
	fieldID string // the input to focus, "" when there is none
}

func (p *calculatorPage) OnInit() {
	p.draft = draftFromSet(defaultSet())
	if app.IsClient {
		p.beginStart() // the figures are worked out once the first screen is up
		return
	}
	p.evaluate()
}

// OnMount starts the page's way to live (start-sequence.go): the first figures, then the parts
// below the first screen, one per task; the page is marked live (data-live="true") once all are
// built. The static page shows the same figures, but only the running program follows the input.
//
// Every keystroke allocates the engine's results afresh, thousands of decimals of day series
// among them; with the default GOGC the collector runs every few keystrokes and a pause lands
// in the middle of one. A heap four times the live data halves the typing latency's tail for a
// few more megabytes.
func (p *calculatorPage) OnMount(ctx app.Context) {
	p.live = true
	p.mountCtx = ctx
	debug.SetGCPercent(400)
	p.runStart()
	ctx.PreventUpdate() // nothing on screen changed
}

// OnNav reads the URL. The fragment is a share link (#z= or #s=, SPEC section 6): its scenarios
// replace the defaults, or, when it cannot be read, the defaults stay with a notice saying why.
// A link that cannot be read after the page opened (a host page can set the widget's fragment)
// keeps the scenarios on screen instead: they may be the visitor's work. The query holds the
// presentation: ?theme=light|dark overrides the system's colour scheme.
func (p *calculatorPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL() // readable: see keepAddressReadable
	opened := p.navigated
	p.navigated = true
	before := p.embed
	p.embed = parseEmbedOptions(u)
	p.theme = p.embed.theme
	link, given := addressLink(u)
	// A "#" alone is a link that carries nothing: like any link that cannot be read, it leaves
	// work saved in the browser on offer rather than opening it.
	fragment := link
	if given && link == "" {
		fragment = "#"
	}
	problem, offer := p.keep.problem, p.keep.offered()
	if p.restoreSaved(fragment) {
		return
	}
	if !given || link != "" && link == p.link {
		if p.keep.problem == problem && p.keep.offered() == offer && p.embed == before {
			// Nothing changed: the page is not drawn again (on a phone, a tenth of a second).
			ctx.PreventUpdate()
		}
		return
	}
	set, err := calc.DecodeLink(link)
	if err != nil {
		p.notice = "This link's scenarios could not be opened: " + err.Error() + "."
		if opened {
			p.notice += " The scenarios on screen are kept."
			return
		}
		p.notice += " The example scenarios are shown instead."
		p.change(draftFromSet(defaultSet()))
		return
	}
	p.notice = ""
	p.link = link
	// The examples' figures must not stand in for the link's should its scenarios not run.
	p.set, p.results, p.figures = calc.Set{}, calc.Results{}, calc.Results{}
	p.before = validInput{}
	p.chartSet, p.chartResults, p.chartFigures = calc.Set{}, calc.Results{}, calc.Results{}
	p.change(draftFromSet(set))
}

// moreCount is how many problems the engine's list left out.
func (p *calculatorPage) moreCount() int {
	if p.more == nil {
		return 0
	}
	return p.more.More
}

// onEditStart begins an edit when an input of the scenario file gets the focus: the input as it
// is, when it works, is what stays on screen should the edit make it fail.
func (p *calculatorPage) onEditStart(ctx app.Context, e app.Event) {
	if !e.Get("target").Call("hasAttribute", "data-path").Bool() {
		return
	}
	p.editing = true
	if !p.stale {
		p.before = validInput{p.set, p.results, p.figures}
	}
}

// onEditEnd ends the edit when the input loses the focus; the next one begins from the input
// as it is then.
func (p *calculatorPage) onEditEnd(ctx app.Context, e app.Event) {
	if !e.Get("target").Call("hasAttribute", "data-path").Bool() {
		return
	}
	p.editing = false
	if !p.stale {
		p.before = validInput{p.set, p.results, p.figures}
	}
}

// showBeforeEdit marks the figures out of date and shows those of the last valid input from
// before the edit began, never a half-typed value's.
func (p *calculatorPage) showBeforeEdit() {
	if p.stale {
		return
	}
	p.stale = true
	p.set, p.results, p.figures = p.before.set, p.before.results, p.before.figures
	p.updateChart()
}

// evaluate runs the engine on the draft: once per change, as the page is the only caller.
func (p *calculatorPage) evaluate() {
	start := time.Now()
	defer func() { p.lastEvalCost, p.evalCost = p.evalCost, time.Since(start) }()
	p.calculating = false
	p.stopEvaluation()
	set, results, err := evaluateDraft(p.draft)
	if err != nil {
		p.errors, p.problems, p.more = describeProblems(err, p.draft, p.typed)
		p.showBeforeEdit()
		return
	}
	p.showResults(set, results)
}

// showResults shows the figures of a valid input: current, no problems, and the input the next
// edit begins from unless one is under way.
func (p *calculatorPage) showResults(set calc.Set, results calc.Results) {
	p.set, p.results, p.figures, p.stale = set, results, withoutSeries(results), false
	if !p.editing {
		p.before = validInput{p.set, p.results, p.figures}
	}
	p.errors, p.problems, p.more = nil, nil, nil
	p.updateChart()
	p.updateAnswers()
}

// updateChart hands the latest results to the value chart, at once before the page is live and
// while its later parts are still to be built (they are drawn with them), once the browser has
// drawn the keystroke's figures after (a Go timer of a frame, as before, fired while the figures
// were being drawn and joined their task), once for any number of changes in between; and it
// writes the share link into the URL once the typing rests.
func (p *calculatorPage) updateChart() {
	if !p.live {
		p.chartSet, p.chartResults, p.chartFigures = p.set, p.results, p.figures
		return
	}
	if p.chartPending {
		return
	}
	if p.start.done {
		p.chartPending = true
		afterNextFrame(p.mountCtx, func(ctx app.Context) {
			p.chartPending = false
			p.chartSet, p.chartResults, p.chartFigures = p.set, p.results, p.figures
		})
	} else {
		p.chartSet, p.chartResults, p.chartFigures = p.set, p.results, p.figures
	}
	p.changes++
	change := p.changes
	p.mountCtx.After(linkDelay, func(ctx app.Context) {
		if change != p.changes || !p.embed.widget || !p.start.done {
			ctx.PreventUpdate() // only the widget shows the link (its "full calculator" address)
		}
		if change != p.changes {
			return
		}
		if !p.start.done {
			p.start.linkWaits = true // written once the page is built: see buildLaterParts
			return
		}
		p.writeLink()
	})
}

// linkDelay is how long the input must rest before the share link is written: compressing the
// scenario file allocates a lot, and nobody copies a link in the middle of a word.
const linkDelay = 600 * time.Millisecond

// writeLink puts the share link of the results on screen into the URL's fragment, replacing
// the history entry: the address bar always holds the scenarios, and nothing reaches a server.
func (p *calculatorPage) writeLink() {
	if len(p.set.Scenarios) == 0 {
		return // no input has worked yet: there is nothing to link to
	}
	link, err := calc.EncodeLink(p.set)
	if err != nil || link == p.link {
		return
	}
	p.link = link
	app.Window().Get("history").Call("replaceState", nil, "", "#"+link)
}

// withoutSeries returns r without its day series, sharing everything else.
func withoutSeries(r calc.Results) calc.Results {
	scenarios := make([]calc.ScenarioResult, len(r.Scenarios))
	for i, s := range r.Scenarios {
		s.Series, s.SeriesExpected = nil, nil
		scenarios[i] = s
	}
	r.Scenarios = scenarios
	return r
}

// pageOptions are what the page asks of the engine: the day series for the chart, and the
// break-even days.
var pageOptions = calc.Options{Series: true, SeriesPoints: seriesPoints, BreakEven: true}

// parseDraft reads a draft as the engine does a scenario file.
func parseDraft(d draftSet) (calc.Set, error) {
	return calc.Parse(d.scenarioFile())
}

// evaluateDraft parses and evaluates a draft. Nothing the user can type may crash the page: a
// panic in the engine comes back as an error like any other.
func evaluateDraft(d draftSet) (set calc.Set, results calc.Results, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &calc.FieldError{Msg: fmt.Sprintf("the calculation stopped unexpectedly (%v); please report this input", r)}
		}
	}()
	set, err = parseDraft(d)
	if err != nil {
		return calc.Set{}, calc.Results{}, err
	}
	results, err = calc.Evaluate(set, pageOptions)
	if err != nil {
		return calc.Set{}, calc.Results{}, err
	}
	return set, results, nil
}

func (p *calculatorPage) Render() app.UI {
	if p.embed.widget {
		return p.renderWidget(p.embed)
	}
	return app.Div().Class(p.shellClass("")).DataSet("live", p.start.done).
		On("focusin", p.onEditStart).On("focusout", p.onEditEnd).Body(
		app.Header().Class("calc-header").Body(
			p.shellHeading(),
			p.shellNotice(),
			newSavedDraftNotice().Offer(p.keep.offered()).Problem(p.keep.problem).
				OnRestore(p.onRestoreSaved).OnDismiss(p.onDismissSaved),
			newUpdateNotice(),
			app.P().Class("lede").Text(
				"Staking, restaking and multistaking side by side: what each really yields after fees, gas "+
					"and swap costs, when your money is back, and what the risks are expected to take. "+
					"Exact to the wei. Everything is computed on this device; nothing you type leaves it."),
			newEmbedDialog().Set(p.set).Address(p.embed.address),
			newShareLink().Set(p.set),
		),
		app.Main().Class("calc-main").Body(
			app.Section().Class("panel inputs").Aria("labelledby", "start-title").Body(
				app.H2().ID("start-title").Text("Your starting point"),
				p.shellStart(false),
			),
			app.Section().Class("panel scenarios").Aria("labelledby", "scenarios-title").Body(
				app.Div().Class("section-head").Body(
					app.H2().ID("scenarios-title").Text("Scenarios"),
					p.shellAddScenario(),
				),
				app.P().Class("examples-note").Body(
					app.Strong().Text("Example figures. "),
					app.Text("The scenarios the page opens with use illustrative rates, fees, gas and risks, not "+
						"quotes and not advice: replace them with the figures of the protocols you consider. "+
						"Each layer earns on the whole stacked balance, bottom layer first."),
				),
				p.shellScenarios(),
			),
			p.panelPart("results", func() app.UI { return p.shellResults(true) }),
			p.panelPart("answers", p.answersSection),
			p.panelPart("goal-seek", p.goalSeekSection),
			p.panelPart("breakdown", func() app.UI {
				return app.Section().Class("panel breakdown-panel").Aria("labelledby", "breakdown-title").Body(
					app.H2().ID("breakdown-title").Text("What each layer adds and costs"),
					newLayerBreakdown().Set(p.chartSet).Results(p.chartFigures).Stale(p.stale).OnExplain(p.onExplainFigure),
				)
			}),
			p.panelPart("chart", p.shellChart),
			p.panelPart("liquidity", func() app.UI {
				return app.Section().Class("panel liquidity-panel").Aria("labelledby", "liquidity-title").Body(
					app.H2().ID("liquidity-title").Text("When your money is back"),
					newLiquidityTimeline().Set(p.chartSet).Results(p.chartFigures).Stale(p.stale),
				)
			}),
			p.panelPart("files", func() app.UI {
				return app.Section().Class("panel files-panel").Aria("labelledby", "files-title").Body(
					app.H2().ID("files-title").Text("Save, open and export"),
					newFileTools().Set(p.set).Stale(p.stale).Draft(p.draft).OnOpen(p.onOpenDraft),
				)
			}),
		),
		app.Footer().Class("calc-footer").Body(
			app.P().Text("Figures follow the calculator's published model: a 365-day year, rewards every day, "+
				"amounts truncated to the wei. Not financial advice."),
		),
		newLiveSummary().Set(p.set).Results(p.figures).Stale(p.stale, len(p.problems)+p.moreCount()),
		newSummarySpace(),
	)
}

// explainer asks the engine how the chosen figure came about and shows it. Like the views
// below the table, it takes new results a frame after the table.
func (p *calculatorPage) explainer() app.UI {
	names := make([]string, len(p.chartFigures.Scenarios))
	for i, r := range p.chartFigures.Scenarios {
		names[i] = r.Name
	}
	if len(names) == 0 {
		return app.P().Class("explainer-empty").Text("Explanations appear with the first results.")
	}
	i := min(p.explainScenario, len(names)-1)
	field := p.explainField
	if field == "" {
		field = "final"
	}
	e, _ := calc.Explain(p.chartSet, p.chartFigures, i, field)
	return newFigureExplainer().Names(names).Chosen(i, field).Explanation(e).Stale(p.stale).
		OnChoose(p.onExplain)
}

func (p *calculatorPage) onExplain(ctx app.Context, scenario int, field string) {
	p.explainScenario, p.explainField = scenario, field
}

// status says whether the results match the input and, when not, lists every problem with a
// way to its field.
func (p *calculatorPage) status() app.UI {
	text := "Up to date."
	if p.queue.working() {
		text = p.queue.progress()
	} else if p.calculating {
		text = "Calculating once you stop typing…"
	} else if p.stale {
		text = "Out of date: " + problemCount(len(p.problems), p.more) +
			" in the input. The figures below are for the last input that worked."
	}
	class := "status"
	if p.stale {
		class += " stale"
	}
	return app.Div().Class(class).Body(
		app.P().Class("status-line").Role("status").Text(text),
		app.Ul().Class("problems").Hidden(!p.stale).Body(
			app.Range(p.problems).Slice(func(i int) app.UI {
				pr := p.problems[i]
				return app.Li().Body(
					app.Span().Class("problem-where").Text(pr.where),
					app.Text(" "+pr.message+" "),
					app.If(pr.fieldID != "", func() app.UI {
						return app.Button().Type("button").Class("link").
							Text("Go to the field").
							OnClick(p.onGoTo(pr.fieldID))
					}),
				)
			}),
			app.If(p.more != nil, func() app.UI {
				return app.Li().ID("problems-more").Class("problems-more").Text("…" + p.more.Msg + ", not listed here.")
			}),
		),
	)
}

// change takes a new draft and evaluates it. A draft that takes long to evaluate (six stacks
// of eight layers over a century take most of a second in the browser) waits until the typing
// rests, so that keys are not held up behind one evaluation each; a heavy set is then worked
// out one scenario per turn of the browser's event loop (evaluateInSteps).
func (p *calculatorPage) change(d draftSet) {
	p.typed = typedAfter(p.typed, p.draft, d)
	p.draft = d
	p.saveSoon()
	if p.start.evaluating {
		if !p.start.running {
			return // the first evaluation, still to begin, takes this draft
		}
		p.stopFirstEvaluation()
	}
	if !p.live {
		p.evaluate()
		return
	}
	if min(p.evalCost, p.lastEvalCost) < slowEvaluation {
		p.evaluateInSteps()
		return
	}
	p.calculating = true
	p.drafts++
	draft := p.drafts
	p.mountCtx.After(restDelay, func(ctx app.Context) {
		if draft == p.drafts {
			p.evaluateInSteps()
		}
	})
}

const (
	// slowEvaluation is an evaluation too slow to run on every keystroke.
	slowEvaluation = 150 * time.Millisecond
	// restDelay is how long the typing rests before a slow evaluation runs.
	restDelay = 250 * time.Millisecond
)

// edit takes the user's edit of the draft: all of it, or in a locked widget only the amount
// and the horizon.
func (p *calculatorPage) edit(d draftSet) {
	p.change(p.embed.edit(p.draft, d))
}

func (p *calculatorPage) onSettingsChange(ctx app.Context, d draftSet) {
	p.edit(p.draft.withSettings(d))
}

func (p *calculatorPage) onScenarioChange(ctx app.Context, i int, s draftScenario) {
	p.edit(p.draft.withScenario(i, s))
}

func (p *calculatorPage) onAddScenario(ctx app.Context, e app.Event) {
	p.edit(p.draft.addScenario())
	p.onFocus(ctx, scenarioID(len(p.draft.scenarios)-1)+"-name")
}

func (p *calculatorPage) onDuplicateScenario(ctx app.Context, i int) {
	p.edit(p.draft.duplicateScenario(i))
	p.onFocus(ctx, scenarioID(i+1)+"-name")
}

func (p *calculatorPage) onRemoveScenario(ctx app.Context, i int) {
	p.edit(p.draft.removeScenario(i))
	p.onFocus(ctx, scenarioID(min(i, len(p.draft.scenarios)-1))+"-name")
}

func (p *calculatorPage) onMoveScenario(ctx app.Context, i, to int) {
	p.edit(p.draft.moveScenario(i, to))
	button := "-left"
	if to > i {
		button = "-right"
	}
	if to == 0 {
		button = "-right"
	} else if to == len(p.draft.scenarios)-1 {
		button = "-left"
	}
	p.onFocus(ctx, scenarioID(to)+button)
}

// onFocus moves the focus to the element with that id once the page shows the change.
func (p *calculatorPage) onFocus(ctx app.Context, id string) {
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (p *calculatorPage) onGoTo(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.onFocus(ctx, id)
	}
}

var scenarioPathRE = regexp.MustCompile(`^scenarios\[(\d+)\](?:\.layers\[(\d+)\])?(?:\.(reward|loop)\b)?(?:\.([a-z_]+))?$`)

// locate says where a field path is in words, the field's label to start the message with, and
// the id of the control to focus.
func locate(path string, d draftSet) (where, label, id string) {
	if path == "" {
		return "The scenario set:", "", ""
	}
	m := scenarioPathRE.FindStringSubmatch(path)
	if m == nil {
		if f, ok := calc.FieldByPath(path); ok {
			return "", inputLabel(setInputs, f), inputID(setInputs, f, "")
		}
		return path + ":", "", ""
	}
	i, _ := strconv.Atoi(m[1])
	where = "Scenario " + strconv.Itoa(i+1)
	if i < len(d.scenarios) {
		where = fmt.Sprintf("Scenario %d “%s”", i+1, d.scenarios[i].name)
	}
	f, known := calc.FieldByPath(path)
	part := m[3] // "reward" or "loop" for their fields
	m[3] = m[4]
	if part == "loop" {
		where += ", leverage loop"
		if m[3] == "" || !known {
			return where + ":", m[3], scenarioID(i) + "-loop-toggle"
		}
		return where + ":", inputLabel(loopInputs, f), inputID(loopInputs, f, scenarioID(i)+"-")
	}
	if m[2] == "" {
		switch {
		case m[3] == "":
			return where + ":", "", scenarioID(i) + "-name"
		case !known:
			return where + ":", m[3], ""
		case f.Kind() == calc.ListField:
			return where + ":", f.Label(), scenarioID(i) + "-add-layer"
		}
		return where + ":", inputLabel(scenarioInputs, f), inputID(scenarioInputs, f, scenarioID(i)+"-")
	}
	j, _ := strconv.Atoi(m[2])
	if i < len(d.scenarios) && j < len(d.scenarios[i].layers) {
		where += fmt.Sprintf(", layer %d “%s”", j+1, d.scenarios[i].layers[j].name)
	} else {
		where += ", layer " + strconv.Itoa(j+1)
	}
	switch {
	case part == "reward" && (m[3] == "" || !known):
		return where + ", reward token:", m[3], layerID(i, j) + "-reward-toggle"
	case part == "reward":
		return where + ", reward token:", inputLabel(rewardInputs, f), inputID(rewardInputs, f, layerID(i, j)+"-")
	case m[3] == "":
		return where + ":", "", layerID(i, j) + "-name"
	case !known:
		return where + ":", m[3], ""
	}
	return where + ":", inputLabel(layerInputs, f), inputID(layerInputs, f, layerID(i, j)+"-")
}

// inputLabel returns the words the page uses for field f: its input's label, or calc's.
func inputLabel[D any](rows []pageInput[D], f calc.Field) string {
	if in, ok := inputNamed(rows, f.Name()); ok {
		return in.labelText()
	}
	return f.Label()
}

// inputID returns the id of field f's input in the editor whose ids start with prefix, "" when
// the page has no input for it.
func inputID[D any](rows []pageInput[D], f calc.Field, prefix string) string {
	if in, ok := inputNamed(rows, f.Name()); ok && in.fold != notShown {
		return prefix + in.id
	}
	return ""
}
